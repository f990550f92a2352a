// `npm run bench` (last part), or `npx tsx bench/bulk.ts`: the bulk functions on this machine.
//
//   1. importCustomers of 10,000 customers into the emulator (in a process of its own) at concurrency 8, against a
//      hand-written pool of 8 workers doing raw `fetch` POSTs of the same bodies. Two rounds on two fresh emulators,
//      the side that goes first swapped; the ratio is the mean of the per-round ratios of customers/s.
//   2. The heap while importing a 200,000-line NDJSON file, generated into a temp file and streamed through a line
//      reader, into a sink server in a process of its own (it answers every POST with 201 and a customer, as the API
//      does: 200,000 customers kept in the emulator would measure the emulator, not the client).
//   3. The heap while exporting the 20,000 customers the first emulator then holds, with exportCustomers.
//
// Heap figures are post-GC `heapUsed` samples; growth is the highest sample above the start. Prints a markdown
// section; with --write (as `npm run bench` runs it) replaces the bulk section at the end of bench/RESULTS.md.
// Never run by the tests.
//
// With --sink, this script is the sink server: it prints `{"port"}` and serves until SIGTERM or its stdin ends.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { once } from 'node:events'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { fileURLToPath } from 'node:url'

const arg = (name: string, fallback: number): number => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`))
  const n = hit === undefined ? NaN : Number(hit.slice(name.length + 3))
  return Number.isInteger(n) && n > 0 ? n : fallback
}
/** `--count=N` and `--lines=N` scale the runs down for a quick look on a busy machine. */
const IMPORT_COUNT = arg('count', 10_000)
const NDJSON_LINES = arg('lines', 200_000)
const CONCURRENCY = 8
const MB = 1024 * 1024

interface Customer {
  readonly externalId: string
  readonly base: {
    readonly firstName: string
    readonly lastName: string
    readonly contacts: { readonly email: string }
  }
}
interface Ctx {
  readonly workspaceId: string
  readonly nodeId: string
  readonly token: string
  readonly baseUrl: string
}
type Either<E, A> = { readonly _tag: 'Left'; readonly left: E } | { readonly _tag: 'Right'; readonly right: A }
interface Report {
  readonly created: number
  readonly updated: number
  readonly failed: number
  readonly failures: ReadonlyArray<unknown>
}
interface Bulk {
  readonly from: string
  readonly importCustomers: (
    ctx: Ctx,
    source: Iterable<Customer> | AsyncIterable<Customer>,
    opts?: { concurrency?: number; onProgress?: (p: { done: number }) => void }
  ) => () => Promise<Either<unknown, Report>>
  readonly exportCustomers: (ctx: Ctx, opts?: { pageSize?: number }) => AsyncIterable<Either<unknown, unknown>>
}

const customer = (prefix: string, n: number): Customer => ({
  externalId: `${prefix}-${n}`,
  base: { firstName: `First${n % 997}`, lastName: `Last${n % 991}`, contacts: { email: `${prefix}${n}@example.com` } }
})

const log = (line: string): void => void process.stderr.write(`${line}\n`)

const sink = async (): Promise<void> => {
  const body = JSON.stringify({ id: 'sink-id', nodeId: 'sink-node', externalId: 'x', base: { firstName: 'A' } })
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      res.writeHead(201, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) })
      res.end(body)
    })
  })
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`)
  })
  const stop = (): void => {
    server.close()
    server.closeAllConnections()
    setTimeout(() => process.exit(0), 500).unref()
  }
  process.on('SIGTERM', stop)
  process.stdin.on('end', stop)
  process.stdin.resume()
}

const loadBulk = async (): Promise<Bulk> => {
  const specifier: string = 'contacthub-fp'
  try {
    const m = (await import(specifier)) as Record<string, unknown>
    if (typeof m.importCustomers === 'function' && typeof m.exportCustomers === 'function')
      return { from: 'contacthub-fp (dist)', ...(m as unknown as Omit<Bulk, 'from'>) }
  } catch {
    // not built: the sources
  }
  const m = (await import('../src/index')) as unknown as Omit<Bulk, 'from'>
  return { from: 'src/index.ts (not in the build)', ...m }
}

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
const heap = (): number => {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

/** The hand-written pool: `workers` loops of raw fetch POSTs, each reading its answer. */
const rawPool = async (ctx: Ctx, items: ReadonlyArray<Customer>, workers: number): Promise<number> => {
  const url = `${ctx.baseUrl}/workspaces/${ctx.workspaceId}/customers`
  const headers = {
    authorization: `Bearer ${ctx.token}`,
    'content-type': 'application/json',
    accept: 'application/json'
  }
  let next = 0
  let ok = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++]
      const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ ...item, nodeId: ctx.nodeId }) })
      JSON.parse(await res.text())
      if (res.status === 201) ok++
    }
  }
  await Promise.all(Array.from({ length: workers }, worker))
  return ok
}

interface Side {
  readonly perSec: number
  readonly ok: number
}

const timed = async (f: () => Promise<number>): Promise<Side> => {
  const t0 = performance.now()
  const ok = await f()
  return { perSec: ok / ((performance.now() - t0) / 1000), ok }
}

interface HeapRun {
  readonly items: number
  readonly ms: number
  readonly startMb: number
  readonly maxMb: number
  readonly endMb: number
  readonly error?: string
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US')
const mb = (n: number): string => `${n.toFixed(1)} MB`

const main = async (): Promise<void> => {
  const { startChild } = await import('./child')
  const bulk = await loadBulk()
  log(`bulk: library from ${bulk.from}`)
  const children: Array<{ stop: () => Promise<void> }> = []
  const lines: Array<string> = []
  try {
    // 1. Throughput against the raw pool, two rounds on two fresh emulators.
    const rounds: Array<{ raw: Side; lib: Side }> = []
    let exportCtx: Ctx | undefined
    for (const round of [0, 1]) {
      const emulator = await startChild<{ context: Ctx }>('./emulator-server.ts', ['0'])
      children.push(emulator)
      const ctx = emulator.info.context
      const rawItems = Array.from({ length: IMPORT_COUNT }, (_, n) => customer('raw', n))
      const libItems = Array.from({ length: IMPORT_COUNT }, (_, n) => customer('lib', n))
      const runRaw = () => timed(() => rawPool(ctx, rawItems, CONCURRENCY))
      const runLib = () =>
        timed(async () => {
          const r = await bulk.importCustomers(ctx, libItems, { concurrency: CONCURRENCY })()
          if (r._tag === 'Left') throw new Error(`importCustomers failed: ${JSON.stringify(r.left).slice(0, 300)}`)
          return r.right.created
        })
      let raw: Side
      let lib: Side
      if (round === 0) {
        raw = await runRaw()
        lib = await runLib()
      } else {
        lib = await runLib()
        raw = await runRaw()
      }
      log(
        `  round ${round + 1}: raw ${fmt(raw.perSec)}/s (${raw.ok} ok), library ${fmt(lib.perSec)}/s (${lib.ok} created)`
      )
      rounds.push({ raw, lib })
      if (round === 0) exportCtx = ctx
      else await emulator.stop()
    }
    const ratio = rounds.reduce((acc, r) => acc + r.lib.perSec / r.raw.perSec, 0) / rounds.length
    const mean = (f: (r: { raw: Side; lib: Side }) => number): number =>
      rounds.reduce((acc, r) => acc + f(r), 0) / rounds.length

    // 2. The heap while importing a 200,000-line NDJSON file, streamed.
    const dir = mkdtempSync(join(tmpdir(), 'contacthub-bulk-'))
    let ndjson: HeapRun
    try {
      const file = join(dir, 'customers.ndjson')
      const out = createWriteStream(file)
      for (let n = 0; n < NDJSON_LINES; n++) {
        if (!out.write(`${JSON.stringify(customer('nd', n))}\n`)) await once(out, 'drain')
      }
      out.end()
      await once(out, 'finish')
      const server = await startChild<{ port: number }>('./bulk.ts', ['--sink'])
      children.push(server)
      const ctx: Ctx = {
        workspaceId: 'bench-workspace',
        nodeId: 'bench-node',
        token: 'bench-token',
        baseUrl: `http://127.0.0.1:${server.info.port}/hub/v1`
      }
      async function* readLines(): AsyncGenerator<Customer> {
        const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity })
        for await (const line of rl) if (line !== '') yield JSON.parse(line) as Customer
      }
      const start = heap()
      let max = start
      const t0 = performance.now()
      const r = await bulk.importCustomers(ctx, readLines(), {
        concurrency: CONCURRENCY,
        onProgress: ({ done }) => {
          if (done % Math.max(1, Math.floor(NDJSON_LINES / 10)) === 0) max = Math.max(max, heap())
        }
      })()
      const ms = performance.now() - t0
      const end = heap()
      ndjson = {
        items: r._tag === 'Right' ? r.right.created : 0,
        ms,
        startMb: start / MB,
        maxMb: Math.max(max, end) / MB,
        endMb: end / MB,
        ...(r._tag === 'Left' ? { error: JSON.stringify(r.left).slice(0, 200) } : {})
      }
      await server.stop()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    log(`  ndjson: ${ndjson.items} in ${fmt(ndjson.ms)} ms, heap ${mb(ndjson.startMb)} -> max ${mb(ndjson.maxMb)}`)

    // 3. The heap while exporting the 20,000 customers of the first emulator.
    let exported: HeapRun = { items: 0, ms: 0, startMb: 0, maxMb: 0, endMb: 0, error: 'no emulator' }
    if (exportCtx !== undefined) {
      const start = heap()
      let max = start
      let items = 0
      let error: string | undefined
      const t0 = performance.now()
      for await (const item of bulk.exportCustomers(exportCtx, { pageSize: 50 })) {
        if (item._tag === 'Left') {
          error = JSON.stringify(item.left).slice(0, 200)
          break
        }
        items++
        if (items % 2_000 === 0) max = Math.max(max, heap())
      }
      const ms = performance.now() - t0
      const end = heap()
      exported = {
        items,
        ms,
        startMb: start / MB,
        maxMb: Math.max(max, end) / MB,
        endMb: end / MB,
        ...(error === undefined ? {} : { error })
      }
    }
    log(
      `  export: ${exported.items} in ${fmt(exported.ms)} ms, heap ${mb(exported.startMb)} -> max ${mb(exported.maxMb)}`
    )

    const growth = (h: HeapRun): number => h.maxMb - h.startMb
    const verdict = (ok: boolean): string => (ok ? 'met' : '**missed**')
    lines.push(
      '<!-- bulk: written by bench/bulk.ts -->',
      '#### Bulk work (bench/bulk.ts)',
      '',
      `Library: ${bulk.from}. Emulator and sink server in processes of their own on 127.0.0.1. Two rounds, the side that goes first swapped, each on a fresh emulator.`,
      '',
      `| import of ${fmt(IMPORT_COUNT)} customers, concurrency 8 | customers/s | × raw pool | target | |`,
      '| --- | --- | --- | --- | --- |',
      `| raw \`fetch\` POSTs, hand-written pool of 8 | ${fmt(mean((r) => r.raw.perSec))} | 1.00× | | |`,
      `| \`importCustomers\` | ${fmt(mean((r) => r.lib.perSec))} | ${ratio.toFixed(2)}× | ≥ 0.9× | ${verdict(ratio >= 0.9)} |`,
      '',
      'Heap: post-GC `heapUsed`; growth is the highest sample above the start.',
      '',
      '| run | items | time | items/s | heap start | max | end | growth | target | |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...[
        [`import of a ${fmt(NDJSON_LINES)}-line NDJSON file, streamed (sink server)`, ndjson] as const,
        [`export of ${fmt(2 * IMPORT_COUNT)} customers (emulator), pages of 50`, exported] as const
      ].map(
        ([name, h]) =>
          `| ${name} | ${fmt(h.items)}${h.error === undefined ? '' : ` (error: ${h.error})`} | ${fmt(h.ms)} ms | ${fmt(h.items / (h.ms / 1000))} | ${mb(h.startMb)} | ${mb(h.maxMb)} | ${mb(h.endMb)} | ${mb(growth(h))} | < 50 MB | ${verdict(h.error === undefined && growth(h) < 50)} |`
      )
    )
  } finally {
    for (const c of children) await c.stop()
  }
  const section = lines.join('\n')
  process.stdout.write(`\n${section}\n`)
  if (process.argv.includes('--write')) {
    const path = fileURLToPath(new URL('./RESULTS.md', import.meta.url))
    const before = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmark results\n'
    const marker = before.indexOf('<!-- bulk: written by bench/bulk.ts -->')
    const kept = (marker < 0 ? before : before.slice(0, marker)).trimEnd()
    // Formatted as the repository's format check wants it (the tables aligned).
    const prettier = await import('prettier')
    const options = (await prettier.resolveConfig(path)) ?? {}
    writeFileSync(path, await prettier.format(`${kept}\n\n${section}\n`, { ...options, filepath: path }))
    log('bulk: appended to bench/RESULTS.md')
  }
}

if (process.argv.includes('--sink')) {
  void sink()
} else {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      log(`bench/bulk failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
      process.exit(1)
    }
  )
}
