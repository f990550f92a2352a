/**
 * `npm run demo`: starts the local emulator on 127.0.0.1, runs the quick start against it, and stops it.
 * Exits 0 when the walk completes, 1 otherwise.
 */
import { startEmulator } from 'contacthub-fp/emulator'
import { quickstart } from './quickstart'

const emulator = await startEmulator()
console.log(`Contacthub emulator at ${emulator.url} (workspace ${emulator.workspaceId}, node ${emulator.nodeId})\n`)
let code = 0
try {
  await quickstart(emulator.context)
} catch (e) {
  console.error(e instanceof Error ? e.message : e)
  code = 1
} finally {
  await emulator.close()
}
process.exit(code)
