/**
 * `npm run demo`: starts the local emulator on 127.0.0.1, runs the quick start against it, then a segment and an
 * analytic (examples/data-api.ts), and stops it.
 * Exits 0 when the walk completes, 1 otherwise. It runs the sources with tsx (tsconfig.json maps `contacthub-fp` to
 * src/), so it needs no build.
 */
import { startEmulator } from 'contacthub-fp/emulator'
import { quickstart } from './quickstart'
import { dataTour } from './data-api'

console.log('Starting the Contacthub emulator on 127.0.0.1 (the library runs from src/, no build needed)...')
const emulator = await startEmulator()
console.log(`Contacthub emulator at ${emulator.url} (workspace ${emulator.workspaceId}, node ${emulator.nodeId})\n`)
let code = 0
try {
  await quickstart(emulator.context)
  await dataTour(emulator.context)
  console.log('Done.')
} catch (e) {
  console.error(e instanceof Error ? e.message : e)
  code = 1
} finally {
  await emulator.close()
}
process.exit(code)
