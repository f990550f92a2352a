// The benchmark's markdown report.
import type { DecodeRow } from './decode'
import type { ScenarioResult, SideName } from './http'
import type { SizeRow } from './sizes'
import type { StreamResult } from './stream'

export interface Machine {
  readonly cpu: string
  readonly cores: number
  readonly node: string
  readonly date: string
}

export interface Report {
  readonly machine: Machine
  readonly command: string
  readonly sources: Readonly<Record<string, string>>
  readonly rounds: number
  readonly customerBytes: number
  readonly pageBytes: number
  readonly escapedPageBytes: number
  readonly http?: ReadonlyArray<ScenarioResult>
  readonly decode?: ReadonlyArray<DecodeRow>
  readonly stream?: ReadonlyArray<StreamResult>
  readonly sizes?: ReadonlyArray<SizeRow>
}

const int = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a')
const fix = (n: number, d = 2): string => (Number.isFinite(n) ? n.toFixed(d) : 'n/a')
const kb = (bytes: number | undefined): string => (bytes === undefined ? 'n/a' : `${(bytes / 1024).toFixed(1)} KB`)
const mb = (n: number): string => `${n.toFixed(1)} MB`
const verdict = (ok: boolean): string => (ok ? 'met' : '**missed**')

/** A flat walk: nothing accumulates (no post-GC sample, nor the end, is 2 MB or more above the start). */
export const isFlat = (s: StreamResult): boolean =>
  s.error === undefined && s.endMb - s.startMb < 2 && s.retainedMaxMb - s.startMb < 2

const httpTable = (rows: ReadonlyArray<ScenarioResult>): ReadonlyArray<string> => {
  const cell = (r: ScenarioResult, side: SideName): string => {
    const c = r.sides[side]
    return c === undefined ? 'n/a' : `${int(c.perSec)} req/s · ${int(c.cpuUs)} µs`
  }
  const ratio = (r: ScenarioResult, side: SideName, of: 'ratio' | 'guardRatio'): string => {
    const c = r.sides[side]
    return c === undefined || !Number.isFinite(c[of]) ? 'n/a' : `${fix(c[of])}×`
  }
  const judged = (r: ScenarioResult, of: 'ratio' | 'guardRatio', target: number): string => {
    const lib = r.sides.library
    if (lib === undefined || !Number.isFinite(lib[of])) return 'n/a'
    return `${fix(lib[of])}× (≥ ${target}: ${verdict(lib[of] >= target)})`
  }
  /** CPU µs per request the library spends beyond the guarantee floor. */
  const extra = (r: ScenarioResult): string => {
    const lib = r.sides.library
    const guard = r.sides.guard
    return lib === undefined || guard === undefined ? 'n/a' : `${int(lib.cpuUs - guard.cpuUs)} µs`
  }
  const candidate = rows.some((r) => r.sides.candidate !== undefined)
  return [
    `| scenario | raw floor: \`fetch\` + \`JSON.parse\` | guarantee floor: + \`AbortController\` and timer | contacthub-fp | × guarantee floor | × raw floor | CPU beyond the guarantee floor |${candidate ? ' candidate | × guarantee | × raw |' : ''} axios | axios × raw |`,
    `| --- | --- | --- | --- | --- | --- | --- |${candidate ? ' --- | --- | --- |' : ''} --- | --- |`,
    ...rows.map((r) => {
      const cand = candidate
        ? ` ${cell(r, 'candidate')} | ${ratio(r, 'candidate', 'guardRatio')} | ${ratio(r, 'candidate', 'ratio')} |`
        : ''
      return `| ${r.scenario.name} | ${cell(r, 'floor')} | ${cell(r, 'guard')} | ${cell(r, 'library')} | ${judged(r, 'guardRatio', r.scenario.target.guard)} | ${judged(r, 'ratio', r.scenario.target.floor)} | ${extra(r)} |${cand} ${cell(r, 'axios')} | ${ratio(r, 'axios', 'ratio')} |`
    })
  ]
}

export const render = (r: Report): string => {
  const m = r.machine
  const out: Array<string> = [
    `Machine: ${m.cpu}, ${m.cores} cores (\`nproc\`), Node ${m.node}; ${m.date}. Command: \`${r.command}\`.`,
    ''
  ]
  const fallback = Object.entries(r.sources).filter(([, s]) => !s.includes('dist'))
  if (fallback.length > 0)
    out.push(`Not from the build (loaded from source): ${fallback.map(([n, s]) => `\`${n}\` (${s})`).join(', ')}.`, '')
  if (r.http !== undefined) {
    out.push(
      `### Throughput, client in the bench process, static server in its own (127.0.0.1, keep-alive)`,
      '',
      `One customer is ${kb(r.customerBytes)} of JSON, a page of 100 is ${kb(r.pageBytes)} (${kb(r.escapedPageBytes)} with \`\\u\` escapes): every base field, jobs, likes, educations, subscriptions, consents and extended properties filled. Each cell: req/s · CPU µs per request (the bench process, all threads). Median of ${r.rounds} rounds; the side that goes first rotates each round; a ratio is the median of per-round ratios of req/s.`,
      '',
      ...httpTable(r.http),
      ''
    )
  }
  if (r.decode !== undefined) {
    out.push(
      '### Decode cost alone (no I/O)',
      '',
      '| payload | bytes | what | `JSON.parse` | it | ÷ `JSON.parse` |',
      '| --- | --- | --- | --- | --- | --- |',
      ...r.decode.map(
        (d) =>
          `| ${d.name}${d.side === 'library' ? '' : ` (${d.side})`} | ${int(d.bytes)} | ${d.what} | ${fix(d.parseUs, 1)} µs | ${fix(d.decodeUs, 1)} µs | ${fix(d.ratio)}× |`
      ),
      ''
    )
  }
  if (r.stream !== undefined) {
    out.push(
      '### Streaming through `pages(getCustomers(ctx, { size: 100 }))`',
      '',
      'Heap used: start and end after a full GC; peak is the highest sample taken after each page (garbage included); retained is the range of post-GC samples every 20 pages. Flat: nothing post-GC is 2 MB or more above the start. The static server serves 200 generated pages; the emulator walk is end to end, through its HTTP listing.',
      '',
      '| server | customers | pages | time | customers/s | heap start | peak | end | retained | flat |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...r.stream.map((s) =>
        s.error !== undefined && s.customers === 0
          ? `| ${s.target} | not run: ${s.error} | | | | | | | | |`
          : `| ${s.target} | ${int(s.customers)} | ${s.pages} | ${int(s.ms)} ms | ${int((s.customers * 1000) / s.ms)} | ${mb(s.startMb)} | ${mb(s.peakMb)} | ${mb(s.endMb)} | ${mb(s.retainedMinMb)}–${mb(s.retainedMaxMb)} | ${isFlat(s) ? 'yes' : `**no**${s.error === undefined ? '' : ` (${s.error})`}`} |`
      ),
      ''
    )
  }
  if (r.sizes !== undefined) {
    out.push(
      '### Bundle sizes (tests/size/scenarios.ts: browser, minified, gzip -9)',
      '',
      '| scenario | esbuild | rollup |',
      '| --- | --- | --- |',
      ...r.sizes.map((s) =>
        s.esbuild === undefined && s.rollup === undefined
          ? `| ${s.name} | not built: ${s.error ?? 'unknown'} | |`
          : `| ${s.name} | ${s.esbuild === undefined ? `n/a: ${s.error ?? ''}` : kb(s.esbuild)} | ${s.rollup === undefined ? `n/a: ${s.error ?? ''}` : kb(s.rollup)} |`
      ),
      ''
    )
  }
  return out.join('\n')
}
