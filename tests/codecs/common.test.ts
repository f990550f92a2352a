import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as t from '#io-ts/index'
import * as E from '#fp-ts/Either'
import { decodeWith } from '../../src/decode'
import {
  LenientDate,
  LenientTimestamp,
  Timestamp,
  nullable,
  openEnum,
  parseTimestamp,
  toDateOnly,
  toDateTime,
  wireTimestamp,
  withoutNulls
} from '../../src/codecs/common'
import { expectRight } from '../helpers/either'

describe('Timestamp (strict)', () => {
  it.each([
    ['2017-03-08T10:18:17.000+0000', '2017-03-08T10:18:17.000Z'],
    ['2019-06-14T08:21:05.118Z', '2019-06-14T08:21:05.118Z'],
    ['2019-06-14T10:21:05.118+0200', '2019-06-14T08:21:05.118Z'],
    ['2019-06-14T10:21:05+02:00', '2019-06-14T08:21:05.000Z'],
    ['2019-06-14T03:21:05.1-05', '2019-06-14T08:21:05.100Z'],
    ['2020-02-29T23:59:59.999-0100', '2020-03-01T00:59:59.999Z'],
    ['0099-01-01T00:00:00.000+0000', '0099-01-01T00:00:00.000Z']
  ])('decodes %s as %s', (wire, iso) => {
    expect(Timestamp.decode(wire)).toEqual(E.right(iso))
  })

  it.each([
    '2017-03-08',
    '2017-03-08T10:18:17',
    '2019-02-29T00:00:00Z',
    '2019-13-01T00:00:00Z',
    '2019-01-01T24:00:00Z',
    'yesterday',
    '',
    1488968297000,
    null
  ])('refuses %j', (u) => {
    expect(E.isLeft(Timestamp.decode(u))).toBe(true)
  })

  it('round-trips any instant through the wire form, with no help from Date.parse', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }),
        (d) => {
          const wire = wireTimestamp(d.getTime())
          expect(wire).toMatch(/\+0000$/)
          expect(Timestamp.decode(wire)).toEqual(E.right(d.toISOString()))
          expect(Timestamp.encode(d.toISOString())).toBe(wire)
        }
      ),
      { numRuns: 300 }
    )
  })

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string(), (s) => void Timestamp.decode(s)),
      { numRuns: 500 }
    )
  })

  it('is idempotent: decoding its own output changes nothing', () => {
    expect(Timestamp.is('2019-06-14T08:21:05.118Z')).toBe(true)
    expect(Timestamp.is('2019-06-14T08:21:05.118+0000')).toBe(false)
  })
})

describe('lenient dates', () => {
  it.each([
    ['1994-10-06', '1994-10-06T00:00:00.000Z'],
    ['1994-02-11 14:05', '1994-02-11T14:05:00.000Z'],
    ['1994-02-11T14:05M', '1994-02-11T14:05M'],
    ['2017-03-08T10:18:17.000+0000', '2017-03-08T10:18:17.000Z'],
    ['not a date', 'not a date']
  ])('LenientTimestamp %s -> %s', (wire, out) => {
    expect(LenientTimestamp.decode(wire)).toEqual(E.right(out))
  })

  it.each([
    ['1994-10-06', '1994-10-06'],
    ['1994-02-11 14:05', '1994-02-11T14:05:00.000Z'],
    ['06/10/1994', '06/10/1994'],
    ['1994-02-30', '1994-02-30']
  ])('LenientDate %s -> %s', (wire, out) => {
    expect(LenientDate.decode(wire)).toEqual(E.right(out))
  })

  it('fails only on non-strings', () => {
    expect(E.isLeft(LenientDate.decode(42))).toBe(true)
    expect(E.isLeft(LenientTimestamp.decode({}))).toBe(true)
    fc.assert(
      fc.property(fc.string(), (s) => E.isRight(LenientDate.decode(s)) && E.isRight(LenientTimestamp.decode(s))),
      { numRuns: 300 }
    )
  })

  it('parses without an offset only when asked to assume UTC', () => {
    expect(parseTimestamp('2020-01-01T00:00:00')).toBeUndefined()
    expect(parseTimestamp('2020-01-01T00:00:00', true)).toBe(Date.UTC(2020, 0, 1))
  })
})

describe('nullable', () => {
  const N = nullable(t.string)
  it('takes null and absent as null, and validates in place', () => {
    expect(N.decode(null)).toEqual(E.right(null))
    expect(N.decode(undefined)).toEqual(E.right(null))
    expect(N.decode('a')).toEqual(E.right('a'))
    expect(E.isLeft(N.decode(1))).toBe(true)
    expect(N.name).toBe('string | null')
    const obj = { a: 'x', b: null, extra: 1 }
    const decoded = t.type({ a: N, b: N }).decode(obj)
    expect(expectRight(decoded)).toBe(obj)
  })
})

describe('openEnum', () => {
  const Kind = openEnum(['SERVICE', 'OTHER'], 'Kind')

  it('decodes any string as it came, and lists the known values', () => {
    expect(Kind.decode('SERVICE')).toEqual(E.right('SERVICE'))
    expect(Kind.decode('NEWSLETTER')).toEqual(E.right('NEWSLETTER'))
    expect(Kind.decode('')).toEqual(E.right(''))
    expect(Kind.values).toEqual(['SERVICE', 'OTHER'])
    expect(Kind.encode('NEWSLETTER')).toBe('NEWSLETTER')
    fc.assert(fc.property(fc.string(), (s) => E.isRight(Kind.decode(s)) && Kind.is(s)))
  })

  it('fails on anything but a string, naming the enumeration', () => {
    fc.assert(
      fc.property(
        fc.anything().filter((u) => typeof u !== 'string'),
        (u) => E.isLeft(Kind.decode(u)) && !Kind.is(u)
      )
    )
    expect(decodeWith(t.type({ kind: Kind }))({ kind: 3 })).toEqual(E.left(['kind: expected Kind, got 3']))
    expect(decodeWith(t.type({ kind: nullable(Kind) }))({ kind: [] })).toEqual(
      E.left(['kind: expected Kind | null, got []'])
    )
  })

  it('decodes the same through the compiled fast path as through io-ts', () => {
    const Holder = t.type({ kind: nullable(Kind), kinds: t.readonlyArray(Kind) })
    fc.assert(
      fc.property(
        fc.record({
          kind: fc.oneof(fc.string(), fc.constant(null), fc.integer()),
          kinds: fc.array(fc.oneof(fc.string(), fc.boolean()))
        }),
        (u) => {
          const viaIoTs = Holder.decode(u)
          const viaFast = decodeWith(Holder)(u)
          return (
            E.isRight(viaIoTs) === E.isRight(viaFast) &&
            (E.isLeft(viaFast) || JSON.stringify(viaFast.right) === JSON.stringify(u))
          )
        }
      )
    )
  })
})

describe('inputs', () => {
  it('serialises dates for the API', () => {
    expect(toDateOnly(new Date(Date.UTC(1990, 4, 7, 23, 0)))).toBe('1990-05-07')
    expect(toDateOnly('1990-05-07')).toBe('1990-05-07')
    expect(toDateOnly(new Date(NaN))).toBeUndefined()
    expect(toDateTime(new Date(Date.UTC(2020, 0, 2, 3, 4, 5, 6)))).toBe('2020-01-02T03:04:05.006Z')
    expect(toDateTime('2020-01-02')).toBe('2020-01-02T00:00:00.000Z')
    expect(toDateTime('2020-01-02T01:00:00+0100')).toBe('2020-01-02T00:00:00.000Z')
  })

  it('drops nulls from create bodies at every depth, keeping array items, without prototype tricks', () => {
    expect(withoutNulls({ a: null, b: { c: null, d: 1, e: [null, { f: null }] }, g: undefined })).toEqual({
      b: { d: 1, e: [null, {}] }
    })
    const evil = JSON.parse('{"__proto__": {"polluted": true}, "x": null}') as unknown
    const clean = withoutNulls(evil) as Record<string, unknown>
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(clean)).toBe(Object.prototype)
  })
})
