// The emulator in a child process of its own, seeded for the streaming benchmark:
//   node --import tsx bench/emulator-server.ts <customers>
// Starts `startEmulator({ port: 0 })` on 127.0.0.1, creates <customers> customers through its HTTP API, and prints
// `{"url", "context", "seeded", "seedMs"}` on stdout. Stops on SIGTERM, or when the parent goes away.
import { loadStartEmulator } from './lib'
import { wireCustomer } from './fixtures'
import { withoutNulls } from '../src/codecs/common'

const count = Math.max(0, Math.min(100_000, Number(process.argv[2] ?? '0') || 0))

const main = async (): Promise<void> => {
  const startEmulator = await loadStartEmulator()
  const emulator = await startEmulator({ port: 0 })
  const { context } = emulator
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0))
    setTimeout(() => process.exit(0), 2_000).unref()
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
  process.stdin.on('end', stop)
  process.stdin.resume()

  const url = `${emulator.url}/workspaces/${context.workspaceId}/customers`
  const headers = {
    authorization: `Bearer ${context.token}`,
    'content-type': 'application/json',
    accept: 'application/json'
  }
  const started = performance.now()
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < count) {
      const n = next++
      const { id: _id, registeredAt: _r, updatedAt: _u, ...rest } = wireCustomer(n)
      const res = await fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify(withoutNulls({ ...rest, nodeId: context.nodeId }))
      })
      const text = await res.text()
      if (res.status !== 201 && res.status !== 200)
        throw new Error(`seeding customer ${n}: ${res.status} ${text.slice(0, 300)}`)
    }
  }
  await Promise.all(Array.from({ length: 8 }, worker))
  const seedMs = Math.round(performance.now() - started)
  process.stdout.write(`${JSON.stringify({ url: emulator.url, context, seeded: count, seedMs })}\n`)
}

main().catch((e: unknown) => {
  process.stderr.write(`emulator-server: ${e instanceof Error ? e.message : String(e)}\n`)
  process.exit(1)
})
