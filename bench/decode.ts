// Decode cost alone (no I/O), against `JSON.parse` of the same bytes, on one customer (~4 KB) and a 100-customer page
// (~400 KB), the heavy realistic fixture:
// - the client's path: parse then decode the parsed value in place (`decodeWith(codec, owned)`, the compiled fast
//   path), on freshly parsed values (parsed in batches outside the timed part), as the client decodes;
// - users' own `Customer.decode` (io-ts, which copies what it converts), on a value parsed once;
// - the client's parse (`parseJson`, which keeps `__proto__` keys out) on the page with `\u` escapes.
// CPU time of this process (not wall time: the machine may be shared); alternating rounds, medians.
import type { Decoder, Lib } from './lib'
import { escapeJson, wireCustomer, wirePage } from './fixtures'
import { median, nsPerOp } from './measure'

export interface DecodeRow {
  readonly name: string
  /** Whose code: `library`, or `candidate` (another source tree). */
  readonly side: string
  /** What is timed against `JSON.parse`. */
  readonly what: string
  readonly bytes: number
  /** JSON.parse of the text, µs per call. */
  readonly parseUs: number
  /** The measured work, µs per call. */
  readonly decodeUs: number
  /** decode ÷ parse. */
  readonly ratio: number
}

/** Medians of `f` and `g` in µs per call, alternating which goes first. */
const pair = (f: () => unknown, g: () => unknown, rounds: number, ms: number): readonly [number, number] => {
  const a: Array<number> = []
  const b: Array<number> = []
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      a.push(nsPerOp(f, ms))
      b.push(nsPerOp(g, ms))
    } else {
      b.push(nsPerOp(g, ms))
      a.push(nsPerOp(f, ms))
    }
  }
  return [median(a) / 1000, median(b) / 1000]
}

/**
 * CPU µs per call of `decode` on fresh values of `parse()`, parsed in batches outside the timed part. A batch holds
 * about 64 KB of JSON (16 customers, or one page): a batch of 16 pages (6.5 MB) outlives the young generation, so its
 * decode paid for promoting and collecting it (measured: 0.18-0.25x of the parse with 16 pages against 0.11x with one).
 */
const freshDecode = (parse: () => unknown, decode: (u: unknown) => unknown, ms: number, bytes: number): number => {
  const size = Math.max(1, Math.min(16, Math.floor(65_536 / bytes)))
  let spent = 0
  let n = 0
  let sink = 0
  const deadline = performance.now() + ms
  while (performance.now() < deadline && n < 1_000_000) {
    const batch = Array.from({ length: size }, parse)
    const cpu0 = process.cpuUsage()
    for (const u of batch) if (decode(u) !== undefined) sink++
    const cpu = process.cpuUsage(cpu0)
    spent += (cpu.user + cpu.system) / 1000
    n += batch.length
  }
  if (sink < 0) console.log(sink)
  return (spent * 1000) / n
}

export const runDecode = (lib: Lib, side: string, rounds: number, scale: number): ReadonlyArray<DecodeRow> => {
  const Page = lib.pageOf(lib.Customer)
  const cases: ReadonlyArray<{ name: string; text: string; codec: Decoder }> = [
    { name: 'one customer', text: JSON.stringify(wireCustomer(0)), codec: lib.Customer },
    { name: '100-customer page', text: JSON.stringify(wirePage(0, 100, 20_000)), codec: Page }
  ]
  const rows: Array<DecodeRow> = []
  for (const { name, text, codec } of cases) {
    const ms = (name === 'one customer' ? 200 : 400) * scale
    const bytes = Buffer.byteLength(text)
    const client = lib.decodeWith(codec, true)
    const check = client(JSON.parse(text))
    if (check._tag !== 'Right')
      throw new Error(`the ${name} sample does not decode: ${JSON.stringify(check.left).slice(0, 300)}`)
    // The client: every value freshly parsed, decoded in place (converted fields are written into it).
    const parse = (): unknown => JSON.parse(text)
    const p: Array<number> = []
    const d: Array<number> = []
    for (let r = 0; r < rounds; r++) {
      p.push(nsPerOp(parse, ms) / 1000)
      d.push(freshDecode(parse, client, ms, bytes))
    }
    const parseUs = median(p)
    const decodeUs = median(d)
    rows.push({
      name,
      side,
      what: 'client: `decodeWith` in place',
      bytes,
      parseUs,
      decodeUs,
      ratio: decodeUs / parseUs
    })
    // Users' own io-ts decode, which copies what it converts and never writes into its input.
    const value: unknown = JSON.parse(text)
    const [parse2, decode] = pair(
      () => JSON.parse(text),
      () => codec.decode(value),
      rounds,
      ms
    )
    rows.push({
      name,
      side,
      what: '`Customer` codec `decode` (io-ts)',
      bytes,
      parseUs: parse2,
      decodeUs: decode,
      ratio: decode / parse2
    })
  }
  const escaped = escapeJson(JSON.stringify(wirePage(0, 100, 20_000)))
  const parsed = lib.parseJson(escaped)
  if (typeof parsed === 'string') throw new Error(`the escaped page does not parse: ${parsed}`)
  const [parseUs, guarded] = pair(
    () => JSON.parse(escaped),
    () => lib.parseJson(escaped),
    rounds,
    400 * scale
  )
  rows.push({
    name: '100-customer page, `\\u` escapes',
    side,
    what: 'client parse (`__proto__` kept out) vs plain `JSON.parse`',
    bytes: Buffer.byteLength(escaped),
    parseUs,
    decodeUs: guarded,
    ratio: guarded / parseUs
  })
  return rows
}
