// The compiled decoding fast path (src/codecs/compile.ts) must give exactly what io-ts gives: the same value on
// success, a refusal (so that io-ts reports the errors) on failure, whatever the input.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from '#fp-ts/Either'
import * as t from '#io-ts/index'
import { FAIL, compile } from '../../src/codecs/compile'
import { Timestamp } from '../../src/codecs/common'
import { Customer } from '../../src/codecs/customer'
import { EventCodec } from '../../src/codecs/event'
import { pageOf } from '../../src/codecs/page'
import { decodeWith } from '../../src/decode'
import { wireCustomer } from '../helpers/fixtures'

const timestamp = fc.oneof(
  fc.constant('2017-03-08T10:18:17.000+0000'),
  fc.constant('2017-03-08T10:18:17.123Z'),
  fc.constant('2017-03-08T10:18:17+02:00'),
  fc.constant('2019-02-29T00:00:00.000+0000'),
  fc.constant('1994-02-11 14:05'),
  fc.string(),
  fc.integer(),
  fc.constant(null)
)
const maybe = <A>(a: fc.Arbitrary<A>) => fc.oneof(a, fc.constant(null), fc.constant(undefined), fc.jsonValue())

/** Wire customers, mostly valid, with random fields replaced by odd values. */
const customers = fc
  .record({
    firstName: maybe(fc.string()),
    dob: maybe(fc.oneof(fc.constant('1990-01-02'), fc.string())),
    email: maybe(fc.string()),
    otherContacts: maybe(
      fc.array(
        fc.record({
          name: maybe(fc.string()),
          type: fc.constantFrom('MOBILE', 'PHONE', 'NOPE'),
          value: maybe(fc.string())
        })
      )
    ),
    registeredAt: timestamp,
    updatedAt: timestamp,
    manual: maybe(fc.array(fc.oneof(fc.string(), fc.integer()))),
    extended: maybe(fc.dictionary(fc.string(), fc.jsonValue())),
    likes: maybe(fc.array(fc.record({ id: maybe(fc.string()), name: maybe(fc.string()), createdTime: timestamp }))),
    extra: fc.jsonValue()
  })
  .map((r) =>
    wireCustomer(
      'c1',
      {
        firstName: r.firstName,
        dob: r.dob,
        contacts: { email: r.email, otherContacts: r.otherContacts, mobileDevices: [] },
        likes: r.likes
      },
      {
        registeredAt: r.registeredAt,
        updatedAt: r.updatedAt,
        tags: { auto: [], manual: r.manual },
        extended: r.extended,
        surprise: r.extra
      }
    )
  )

const same = (codec: t.Decoder<unknown, unknown>, u: unknown): void => {
  const slow = codec.decode(structuredClone(u))
  const fast = compile(codec)(structuredClone(u))
  if (E.isRight(slow)) expect(fast).toEqual(slow.right)
  else expect(fast).toBe(FAIL)
  const inPlace = compile(codec, true)(structuredClone(u))
  if (E.isRight(slow)) expect(inPlace).toEqual(slow.right)
  else expect(inPlace).toBe(FAIL)
}

describe('the compiled fast path agrees with io-ts', () => {
  it('on customers, valid and not', () => {
    fc.assert(
      fc.property(customers, (c) => same(Customer, c)),
      { numRuns: 400, seed: 42 }
    )
  })

  it('on pages of customers and on events', () => {
    const Page = pageOf(Customer)
    fc.assert(
      fc.property(fc.array(customers, { maxLength: 5 }), fc.jsonValue(), (cs, page) => {
        same(Page, { elements: cs, page: { number: 0, size: 5, totalElements: cs.length, totalPages: 1 } })
        same(Page, { elements: cs, page })
      }),
      { numRuns: 100, seed: 7 }
    )
    fc.assert(
      fc.property(fc.jsonValue(), (u) => same(EventCodec, u)),
      { numRuns: 300, seed: 9 }
    )
  })

  it('on anything at all', () => {
    fc.assert(
      fc.property(fc.anything(), (u) => same(Customer, u)),
      { numRuns: 300, seed: 3 }
    )
  })

  it("copies what it converts unless the value is the caller's own, and never mutates otherwise", () => {
    const wire = wireCustomer('c1')
    const before = structuredClone(wire)
    const copy = compile(Customer)(wire) as { registeredAt: string }
    expect(wire).toEqual(before)
    expect(copy.registeredAt).toBe('2017-03-09T11:31:31.842Z')
    const owned = structuredClone(wire)
    expect(compile(Customer, true)(owned)).toBe(owned)
    expect(owned.registeredAt).toBe('2017-03-09T11:31:31.842Z')
  })

  it('sends an own __proto__ key that needs a copy through io-ts, keeping one answer', () => {
    const evil = JSON.parse('{"__proto__": {"isAdmin": true}, "a": "2017-03-08T10:18:17.000+0000"}') as unknown
    const S = t.type({ a: Timestamp })
    expect(compile(S)(evil)).toBe(FAIL)
    expect(decodeWith(S)(evil)).toEqual(E.mapLeft(() => [])(S.decode(evil)))
  })

  it('keeps io-ts errors on failure', () => {
    const S = t.type({ a: t.string, b: t.number }, 'S')
    expect(decodeWith(S)({ a: 1, b: 'x' })).toEqual(
      E.left(['a: expected string, got 1', 'b: expected number, got "x"'])
    )
  })
})
