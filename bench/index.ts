// `npm run bench`: the client's cost against the floor and the alternatives, in one run, on this machine.
//
//   npm run bench                         build, then everything; writes bench/RESULTS.md
//   npx tsx bench/index.ts --quick        shorter rounds, no RESULTS.md (a quick look)
//   npx tsx bench/index.ts --only=http,decode --sides=floor,library --rounds=5
//   npx tsx bench/index.ts --only=http,decode --candidate=/tmp/copy/src   a changed copy of src/, side by side
//
// Servers run in child processes of their own on 127.0.0.1 (port 0) and are stopped at the end, whatever happens.
import { cpus } from 'node:os'
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { startChild, type Child } from './child'
import { runDecode } from './decode'
import { runHttp, SIDES, type SideName } from './http'
import { loadLib, type Ctx } from './lib'
import { render, type Machine, type Report } from './report'
import { runSizes } from './sizes'
import { runStream, type StreamResult } from './stream'
import { customerId } from './fixtures'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const STREAM_CUSTOMERS = 20_000
// The end-to-end walk through the emulator streams as many customers as the static-server walk.
const EMULATOR_CUSTOMERS = 20_000

const arg = (name: string): string | undefined => {
  const hit = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`))
  return hit === undefined ? undefined : hit.includes('=') ? hit.slice(hit.indexOf('=') + 1) : ''
}

const quick = arg('quick') !== undefined
const parts = new Set((arg('only') ?? 'http,decode,stream,emulator,size').split(','))
const sides = (arg('sides')?.split(',') ?? SIDES).filter((s): s is SideName =>
  (SIDES as ReadonlyArray<string>).includes(s)
)
const rounds = Math.max(1, Math.min(50, Number(arg('rounds') ?? (quick ? 3 : 9))))
const scale = quick ? 0.3 : 1
const candidateDir = arg('candidate')
const write = !quick && arg('only') === undefined && candidateDir === undefined && arg('no-write') === undefined

const log = (line: string): void => {
  process.stderr.write(`${line}\n`)
}

const machine = (): Machine => {
  let cores = cpus().length
  try {
    cores = Number(execFileSync('nproc', { encoding: 'utf8' }).trim())
  } catch {
    // nproc is not everywhere; os.cpus() is the fallback.
  }
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores,
    node: process.version,
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC'
  }
}

interface StaticInfo {
  readonly port: number
  readonly customerBytes: number
  readonly pageBytes: number
  readonly escapedPageBytes: number
}
interface EmulatorInfo {
  readonly url: string
  readonly context: Ctx
  readonly seeded: number
  readonly seedMs: number
}

const main = async (): Promise<void> => {
  const started = performance.now()
  const lib = await loadLib()
  const candidate = candidateDir === undefined || candidateDir === '' ? undefined : await loadLib(candidateDir)
  const children: Array<Child<unknown>> = []
  const report: { -readonly [K in keyof Report]: Report[K] } = {
    machine: machine(),
    command: 'npm run bench',
    sources: lib.sources,
    rounds,
    customerBytes: 0,
    pageBytes: 0,
    escapedPageBytes: 0
  }
  try {
    const server = await startChild<StaticInfo>('./server.ts')
    children.push(server)
    report.customerBytes = server.info.customerBytes
    report.pageBytes = server.info.pageBytes
    report.escapedPageBytes = server.info.escapedPageBytes
    const ctx: Ctx = {
      workspaceId: 'bench-workspace',
      nodeId: 'bench-node',
      token: 'bench-token',
      baseUrl: `http://127.0.0.1:${server.info.port}/hub/v1`
    }
    log(`static server: pid ${server.pid}, port ${server.info.port}; library: ${JSON.stringify(lib.sources)}`)
    if (parts.has('http')) {
      log(
        `http: ${rounds} rounds, sides ${sides.filter((x) => x !== 'candidate' || candidate !== undefined).join(', ')}`
      )
      report.http = await runHttp({ library: lib, candidate }, ctx, customerId(0), { rounds, scale, sides, log })
    }
    if (parts.has('decode')) {
      log('decode')
      report.decode = [
        ...runDecode(lib, 'library', rounds, scale),
        ...(candidate === undefined ? [] : runDecode(candidate, 'candidate', rounds, scale))
      ]
    }
    const stream: Array<StreamResult> = []
    if (parts.has('stream')) {
      log('stream: static server')
      stream.push(await runStream(lib, ctx, 'static server', STREAM_CUSTOMERS))
      if (candidate !== undefined) stream.push(await runStream(candidate, ctx, 'static, candidate', STREAM_CUSTOMERS))
    }
    await server.stop()
    if (parts.has('emulator')) {
      log(`stream: emulator, seeding ${EMULATOR_CUSTOMERS} customers`)
      try {
        const emulator = await startChild<EmulatorInfo>('./emulator-server.ts', [String(EMULATOR_CUSTOMERS)], 120_000)
        children.push(emulator)
        log(`  seeded in ${emulator.info.seedMs} ms`)
        stream.push(await runStream(lib, emulator.info.context, 'emulator (end to end)', EMULATOR_CUSTOMERS))
        await emulator.stop()
      } catch (e) {
        stream.push({
          target: 'emulator',
          customers: 0,
          pages: 0,
          ms: 0,
          startMb: 0,
          peakMb: 0,
          endMb: 0,
          retainedMinMb: 0,
          retainedMaxMb: 0,
          error: (e instanceof Error ? e.message : String(e)).split('\n')[0]
        })
      }
    }
    if (stream.length > 0) report.stream = stream
    if (parts.has('size')) {
      log('bundle sizes')
      report.sizes = await runSizes(ROOT)
    }
  } finally {
    for (const c of children) await c.stop()
  }
  const markdown = render(report)
  process.stdout.write(`\n${markdown}\n`)
  if (write) {
    writeFileSync(
      new URL('./RESULTS.md', import.meta.url),
      `# Benchmark results\n\n<!-- Written by \`npm run bench\` (bench/index.ts); paste into README. -->\n\n${markdown}`
    )
    log('wrote bench/RESULTS.md')
  }
  log(`done in ${Math.round((performance.now() - started) / 1000)} s`)
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    log(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
    process.exit(1)
  }
)
