// `npm run bench` (last part), or `npx tsx bench/memory.ts`: the memory and time a too-large body costs.
//
// A server on 127.0.0.1 streams 50 MB of JSON whitespace; getCustomer must give up at its cap (the default 10 MiB, or
// 256 KiB) without holding the body. The JS heap and array buffers are sampled every 2 ms while it reads; the peak
// growth over the baseline is printed with its bound, and the exit code is 1 when a bound is passed. These are
// measurements of this machine, so they live here and not in the unit tests (tests/faults/limits.test.ts checks that
// the error comes and the server stops being read).
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { getCustomer } from '../src/customers'

const MB = 1024 * 1024

interface Case {
  readonly name: string
  readonly withLength: boolean
  readonly maxResponseBytes?: number
  /** Bounds of the peak growth, in bytes, and of the wall time, in ms. */
  readonly heap?: number
  readonly total: number
  readonly ms?: number
}

const CASES: ReadonlyArray<Case> = [
  { name: 'default cap, Content-Length', withLength: true, heap: 16 * MB, total: 42 * MB, ms: 10_000 },
  { name: 'default cap, chunked', withLength: false, heap: 16 * MB, total: 42 * MB, ms: 10_000 },
  { name: '256 KiB cap, Content-Length', withLength: true, maxResponseBytes: 256 * 1024, total: 8 * MB },
  { name: '256 KiB cap, chunked', withLength: false, maxResponseBytes: 256 * 1024, total: 8 * MB }
]

let withLength = true
const chunk = Buffer.alloc(64 * 1024, 0x20)
const sockets = new Set<Socket>()
const server = createServer((_, res: ServerResponse) => {
  res.writeHead(200, {
    'content-type': 'application/json',
    ...(withLength ? { 'content-length': String(50 * MB) } : {})
  })
  let sent = 0
  const pump = (): void => {
    while (sent < 50 * MB) {
      if (res.destroyed) return
      sent += chunk.length
      if (!res.write(chunk)) return void res.once('drain', pump)
    }
    res.end()
  }
  pump()
})
server.on('connection', (s) => {
  sockets.add(s)
  s.on('close', () => sockets.delete(s))
})

const peakGrowth = async (f: () => Promise<unknown>): Promise<{ heap: number; total: number; ms: number }> => {
  const base = process.memoryUsage()
  let heap = 0
  let total = 0
  const sample = (): void => {
    const m = process.memoryUsage()
    heap = Math.max(heap, m.heapUsed - base.heapUsed)
    total = Math.max(total, m.heapUsed + m.arrayBuffers - base.heapUsed - base.arrayBuffers)
  }
  const timer = setInterval(sample, 2)
  const start = performance.now()
  try {
    await f()
  } finally {
    clearInterval(timer)
    sample()
  }
  return { heap, total, ms: performance.now() - start }
}

const mb = (n: number): string => `${(n / MB).toFixed(1)} MB`

const main = async (): Promise<number> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const baseUrl = `http://127.0.0.1:${port}`
  let failed = 0
  process.stderr.write('memory: a 50 MB body against the response cap (peak growth over the baseline)\n')
  for (const c of CASES) {
    withLength = c.withLength
    let tag = ''
    const got = await peakGrowth(async () => {
      const ctx = { workspaceId: 'ws', nodeId: 'node', token: 't', baseUrl, maxResponseBytes: c.maxResponseBytes }
      const r = await getCustomer(ctx, 'c1')()
      tag = r._tag === 'Left' ? r.left._tag : 'Right'
    })
    const over = [
      tag === 'ResponseTooLarge' ? undefined : `gave ${tag}`,
      c.heap === undefined || got.heap < c.heap ? undefined : `heap over ${mb(c.heap)}`,
      got.total < c.total ? undefined : `heap + buffers over ${mb(c.total)}`,
      c.ms === undefined || got.ms < c.ms ? undefined : `slower than ${c.ms} ms`
    ].filter((s): s is string => s !== undefined)
    if (over.length > 0) failed++
    process.stderr.write(
      `  ${c.name.padEnd(28)} heap ${mb(got.heap).padStart(8)}  heap + buffers ${mb(got.total).padStart(8)}  ` +
        `${got.ms.toFixed(0).padStart(5)} ms  ${over.length === 0 ? 'ok' : `FAIL: ${over.join(', ')}`}\n`
    )
  }
  return failed
}

main()
  .then((failed) => {
    process.exitCode = failed === 0 ? 0 : 1
  })
  .catch((e: unknown) => {
    process.stderr.write(`memory: ${String(e)}\n`)
    process.exitCode = 1
  })
  .finally(() => {
    for (const s of sockets) s.destroy()
    server.close()
  })
