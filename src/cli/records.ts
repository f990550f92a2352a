/**
 * Streams the rows of an input file, one at a time, each with its line number: NDJSON (one JSON object a line) or
 * CSV (a header of dotted paths, see ./csv). A row that cannot be read is a row too, with the reason, so that the
 * import goes on and the row lands in the rejects file. The file is never read whole.
 *
 * @since 0.2.0
 */
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { Transform, type Readable } from 'node:stream'
import { parse } from 'csv-parse'
import * as E from '#fp-ts/Either'
import { parseHeader, rowToObject, type Column } from './csv'

/**
 * One row of the input: read (`value`) or not (`reason`), with its first line (1-based) and its source text.
 *
 * @category model
 * @since 0.2.0
 */
export type Row =
  | { readonly ok: true; readonly line: number; readonly value: Record<string, unknown>; readonly raw: string }
  | { readonly ok: false; readonly line: number; readonly reason: string; readonly raw: string }

/**
 * The formats the command reads.
 *
 * @category model
 * @since 0.2.0
 */
export type Format = 'ndjson' | 'csv'

/**
 * A header that no row can be read with: the whole file is refused.
 *
 * @category model
 * @since 0.2.0
 */
export interface BadHeader {
  readonly badHeader: string
}

/**
 * The format a file name implies (`.csv`, else NDJSON).
 *
 * @category helpers
 * @since 0.2.0
 */
export const formatOf = (path: string): Format => (/\.csv$/i.test(path) ? 'csv' : 'ndjson')

const MAX_RAW = 10_000

const clip = (s: string): string => (s.length > MAX_RAW ? `${s.slice(0, MAX_RAW)}...` : s)

const parseJsonLine = (line: number, text: string): Row => {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    return { ok: false, line, reason: `not JSON: ${e instanceof Error ? e.message : String(e)}`, raw: clip(text) }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, line, reason: 'not a JSON object', raw: clip(text) }
  return { ok: true, line, value: value as Record<string, unknown>, raw: clip(text) }
}

/**
 * The rows of an NDJSON stream (blank lines are skipped; a line that is not a JSON object is a row that failed).
 *
 * @category constructors
 * @since 0.2.0
 */
export async function* ndjsonRows(input: Readable): AsyncGenerator<Row> {
  const lines = createInterface({ input, crlfDelay: Infinity })
  let line = 0
  try {
    for await (const text of lines) {
      line++
      const trimmed = line === 1 ? text.replace(/^\uFEFF/, '') : text
      if (trimmed.trim() === '') continue
      yield parseJsonLine(line, trimmed)
    }
  } finally {
    lines.close()
    input.destroy()
  }
}

/** The first line of a record that ends at `endLine` and whose source text is `raw`. */
const startLine = (endLine: number, raw: string): number => {
  const body = raw.replace(/\r?\n$/, '').replace(/^(\r?\n)+/, '')
  return endLine - (body.match(/\n/g)?.length ?? 0)
}

interface CsvRecord {
  readonly record: ReadonlyArray<string>
  readonly raw: string
  readonly info: { readonly lines: number }
}

interface CsvSkip {
  readonly message: string
  readonly lines?: number
  readonly raw?: string
}

/**
 * CRLF to LF, across chunk boundaries (a lone CR stays). The CSV parser counts lines right only with LF line ends;
 * a CRLF inside a quoted cell becomes LF too.
 */
const crlfToLf = (): Transform => {
  let pendingCr = false
  return new Transform({
    decodeStrings: true,
    transform(chunk: Buffer, _enc, done) {
      let text = (pendingCr ? '\r' : '') + chunk.toString('latin1')
      pendingCr = text.endsWith('\r')
      if (pendingCr) text = text.slice(0, -1)
      done(null, Buffer.from(text.replace(/\r\n/g, '\n'), 'latin1'))
    },
    flush(done) {
      done(null, pendingCr ? Buffer.from('\r') : null)
    }
  })
}

/**
 * The rows of a CSV stream whose first record is the header. A malformed record (a stray quote) is a row that
 * failed; a header that cannot be read ends the stream with a {@link BadHeader}.
 *
 * @category constructors
 * @since 0.2.0
 */
export async function* csvRows(input: Readable): AsyncGenerator<Row | BadHeader> {
  const parser = input.pipe(crlfToLf()).pipe(
    parse({
      info: true,
      raw: true,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      skip_records_with_error: true
    })
  )
  // Records with errors are skipped by the parser and announced on 'skip'; they wait here for their turn.
  const skipped: Array<Row> = []
  parser.on('skip', (err: CsvSkip) => {
    const raw = err.raw ?? ''
    const line = err.lines === undefined ? 0 : startLine(err.lines, raw)
    skipped.push({ ok: false, line, reason: `not CSV: ${err.message}`, raw: clip(raw) })
  })
  let columns: ReadonlyArray<Column> | undefined
  try {
    for await (const r of parser as AsyncIterable<CsvRecord>) {
      const line = startLine(r.info.lines, r.raw)
      // The parser announces a bad record as soon as it meets it, maybe before the good records above it are read.
      while (skipped.length > 0 && (skipped[0]?.line ?? 0) < line) yield skipped.shift() as Row
      const raw = clip(r.raw.replace(/^(\r?\n)+/, '').replace(/\r?\n$/, ''))
      if (columns === undefined) {
        const header = parseHeader(r.record)
        if (E.isLeft(header)) {
          yield { badHeader: `line ${line}: ${header.left}` }
          return
        }
        columns = header.right
        continue
      }
      const value = rowToObject(columns, r.record)
      yield E.isLeft(value) ? { ok: false, line, reason: value.left, raw } : { ok: true, line, value: value.right, raw }
    }
    while (skipped.length > 0) yield skipped.shift() as Row
    if (columns === undefined) yield { badHeader: 'the file has no header row' }
  } finally {
    parser.destroy()
    input.destroy()
  }
}

/**
 * The rows of a file, read as a stream in the given format.
 *
 * @category constructors
 * @since 0.2.0
 */
export const fileRows = (path: string, format: Format): AsyncGenerator<Row | BadHeader> => {
  const input = createReadStream(path)
  return format === 'csv' ? csvRows(input) : ndjsonRows(input)
}

/**
 * Whether a value read from the stream is a {@link BadHeader}.
 *
 * @category refinements
 * @since 0.2.0
 */
export const isBadHeader = (u: Row | BadHeader): u is BadHeader => 'badHeader' in u
