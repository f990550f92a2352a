// CSV rows to customers (src/cli/csv.ts, src/cli/records.ts): the header's dotted paths, the typing rule, and rows
// read by the real CSV parser from a stream, each with its line number.
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/Either'
import { flatten, parseHeader, rowToObject, type Column } from '../../src/cli/csv'
import { csvRows, ndjsonRows, type BadHeader, type Row } from '../../src/cli/records'

const header = (cells: ReadonlyArray<string>): ReadonlyArray<Column> => {
  const h = parseHeader(cells)
  if (E.isLeft(h)) throw new Error(h.left)
  return h.right
}

const collect = async <A>(it: AsyncIterable<A>): Promise<Array<A>> => {
  const out: Array<A> = []
  for await (const x of it) out.push(x)
  return out
}

const rowsOf = (text: string): Promise<Array<Row | BadHeader>> => collect(csvRows(Readable.from([text])))

/** A CSV field, always quoted (quotes doubled), as any CSV writer may write it. */
const field = (s: string): string => `"${s.replace(/"/g, '""')}"`

describe('CSV header and rows', () => {
  it('turns dotted paths into nested objects; an empty cell is absent', () => {
    const cols = header(['externalId', 'base.firstName', 'base.contacts.email', 'extended.score', 'base.lastName'])
    expect(rowToObject(cols, ['c-1', 'Ada', 'ada@example.com', '007', ''])).toEqual(
      E.right({
        externalId: 'c-1',
        base: { firstName: 'Ada', contacts: { email: 'ada@example.com' } },
        extended: { score: '007' }
      })
    )
  })

  it('types cells by the customer schema: booleans, lists; extended.* stays a string', () => {
    const cols = header(['enabled', 'tags.manual', 'extended.n'])
    expect(rowToObject(cols, ['FALSE', 'vip| gold |', '42'])).toEqual(
      E.right({ enabled: false, tags: { manual: ['vip', 'gold'] }, extended: { n: '42' } })
    )
    expect(rowToObject(cols, ['maybe', '', ''])).toEqual(E.left('enabled must be true or false'))
  })

  it('refuses a row with another number of cells than the header', () => {
    expect(rowToObject(header(['a', 'b']), ['1'])).toEqual(E.left('the row has 1 cells, the header 2 columns'))
  })

  it('refuses headers that cannot name a place: empty, repeated, prefix of another, reserved, into a list', () => {
    expect(parseHeader(['a', ''])).toEqual(E.left("the header's column 2 is not a dotted path"))
    expect(parseHeader(['a..b'])).toEqual(E.left("the header's column 1 is not a dotted path"))
    expect(parseHeader(['a', 'a'])).toEqual(E.left('the header names a twice'))
    expect(parseHeader(['base.contacts', 'base.contacts.email'])).toEqual(
      E.left('the column base.contacts is an object: name its properties (base.contacts.<property>)')
    )
    expect(parseHeader(['extended.x', 'extended.x.y'])).toEqual(
      E.left('the header names both extended.x and extended.x.y')
    )
    expect(parseHeader(['extended.__proto__'])).toEqual(
      E.left("the header's column extended.__proto__ uses the reserved name __proto__")
    )
    expect(parseHeader(['base.jobs.companyName'])).toEqual(
      E.left('the column base.jobs.companyName goes into a list of objects: use NDJSON for those')
    )
  })

  it('reads rows from a stream with their first line, quoted newlines and a bad row included', async () => {
    const text = 'externalId,base.firstName\r\nc-1,Ada\r\n\r\nc-2,"Grace\r\nB."\r\nc-3\r\nc-4,Edsger\r\n'
    const rows = await rowsOf(text)
    expect(rows).toEqual([
      { ok: true, line: 2, value: { externalId: 'c-1', base: { firstName: 'Ada' } }, raw: 'c-1,Ada' },
      // Line ends are read as LF, inside quotes too.
      { ok: true, line: 4, value: { externalId: 'c-2', base: { firstName: 'Grace\nB.' } }, raw: 'c-2,"Grace\nB."' },
      { ok: false, line: 6, reason: 'the row has 1 cells, the header 2 columns', raw: 'c-3' },
      { ok: true, line: 7, value: { externalId: 'c-4', base: { firstName: 'Edsger' } }, raw: 'c-4,Edsger' }
    ])
  })

  it('a malformed quote is a failed row, not the end of the import', async () => {
    const rows = await rowsOf('externalId\nc-1\n"c-2"x\n')
    expect(rows[0]).toMatchObject({ ok: true, line: 2 })
    expect(rows[1]).toMatchObject({ ok: false, line: 3 })
    expect((rows[1] as { reason: string }).reason).toMatch(/^not CSV: /)
  })

  it('a header that cannot be read ends the stream with the reason', async () => {
    expect(await rowsOf('a,a\n1,2\n')).toEqual([{ badHeader: 'line 1: the header names a twice' }])
    expect(await rowsOf('')).toEqual([{ badHeader: 'the file has no header row' }])
  })

  it('NDJSON: blank lines skipped, a bad line is a failed row with its line number', async () => {
    const rows = await collect(ndjsonRows(Readable.from(['\uFEFF{"a":1}\n\n{nope}\n[1]\n{"b":2}'])))
    expect(rows.map((r) => [r.line, r.ok])).toEqual([
      [1, true],
      [3, false],
      [4, false],
      [5, true]
    ])
    expect(rows[2]).toMatchObject({ reason: 'not a JSON object', raw: '[1]' })
  })

  // Prefix-free dotted paths: `extended.<k>` leaves and `extended.g_<k>.<k>` under groups, plus string fields of base.
  const segment = fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,7}$/)
  const path = fc.oneof(
    segment.map((k) => `extended.${k}`),
    fc.tuple(segment, segment).map(([g, k]) => `extended.g_${g}.${k}`),
    fc.constantFrom('externalId', 'base.firstName', 'base.lastName', 'base.contacts.email', 'base.address.city')
  )
  // Any text but CR (CRLF is read as LF, see above).
  const cell = fc
    .string({ minLength: 1, maxLength: 30, unit: 'grapheme' })
    .map((s) => s.replace(/\r/g, ''))
    .filter((s) => s !== '')
  const flatObject = fc.dictionary(path, cell, {
    minKeys: 1,
    maxKeys: 8
  })

  it('property: a flat object written as a CSV row reads back as the same object', async () => {
    await fc.assert(
      fc.asyncProperty(flatObject, async (flat) => {
        const keys = Object.keys(flat)
        const text = `${keys.join(',')}\n${keys.map((k) => field(flat[k] ?? '')).join(',')}\n`
        const rows = await rowsOf(text)
        expect(rows).toHaveLength(1)
        const row = rows[0] as Row
        expect(row.ok).toBe(true)
        if (row.ok) expect(flatten(row.value)).toEqual(flat)
      }),
      { numRuns: 200 }
    )
  })
})
