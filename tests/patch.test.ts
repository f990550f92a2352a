import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { withoutNulls } from '../src/codecs/common'
import type { CustomerInput } from '../src/codecs/customer-input'
import { customerPatch } from '../src/patch'

type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [k: string]: Json }

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u)

const set = (o: Record<string, unknown>, k: string, v: unknown): void => {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true })
}

/** JSON merge patch (RFC 7396), the way the API applies a PATCH: objects merged, arrays/scalars replaced, null clears. */
const applyPatch = (target: unknown, patch: unknown): unknown => {
  if (!isObject(patch)) return patch
  const out: Record<string, unknown> = {}
  if (isObject(target)) for (const [k, v] of Object.entries(target)) set(out, k, v)
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else set(out, k, applyPatch(Object.prototype.hasOwnProperty.call(out, k) ? out[k] : undefined, v))
  }
  return out
}

/** Equality where an absent property and a null one are the same (the API answers null for what is unset). */
const normal = (u: unknown): unknown => withoutNulls(u)

const own = (o: Record<string, unknown>, k: string): unknown =>
  Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined

/** Every entry of the patch is a real change, and objects are descended into rather than sent whole. */
const assertMinimal = (before: unknown, after: unknown, patch: Record<string, unknown>): void => {
  const b = isObject(before) ? before : {}
  const a = isObject(after) ? after : {}
  for (const k of Object.keys(patch)) {
    const bv = own(b, k) ?? null
    const av = own(a, k) ?? null
    expect(normal({ v: bv })).not.toEqual(normal({ v: av }))
    const pv = patch[k]
    if (isObject(bv) && isObject(av)) {
      expect(isObject(pv)).toBe(true)
      assertMinimal(bv, av, pv as Record<string, unknown>)
    } else {
      expect(pv).toEqual(av)
    }
  }
}

// Small key sets so that `before` and `after` overlap; `__proto__` and `constructor` check that odd keys are plain data.
const key = fc.constantFrom('a', 'b', 'c', 'base', 'tags', '__proto__', 'constructor')
const scalar: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom('', 'x', 'y')
)
const { json } = fc.letrec<{ json: Json }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('json'), { maxLength: 3 }),
    fc.dictionary(key, tie('json'), { maxKeys: 4, noNullPrototype: true })
  )
}))
const root = fc.dictionary(fc.constantFrom('a', 'b', 'base', 'extended', 'tags', 'constructor'), json, {
  maxKeys: 5,
  noNullPrototype: true
})

/** A customer-shaped input, and a second one derived from it by a few edits. */
const str = fc.option(fc.constantFrom('Ada', 'Bo', 'x@example.com', ''), { nil: null })
const job = fc.record(
  {
    id: fc.constantFrom('j1', 'j2'),
    companyName: str,
    startDate: fc.option(fc.constantFrom('2012-10-06', '2013-01-01'), { nil: null })
  },
  { requiredKeys: ['id'] }
)
const customer = fc.record(
  {
    externalId: str,
    extra: str,
    enabled: fc.option(fc.boolean(), { nil: null }),
    base: fc.option(
      fc.record(
        {
          firstName: str,
          lastName: str,
          dob: fc.option(fc.constantFrom('1990-12-10', '1991-01-01'), { nil: null }),
          contacts: fc.option(fc.record({ email: str, phone: str }, { requiredKeys: [] }), { nil: null }),
          address: fc.option(
            fc.record(
              { city: str, geo: fc.option(fc.record({ lat: fc.integer(), lon: fc.integer() }), { nil: null }) },
              { requiredKeys: [] }
            ),
            { nil: null }
          ),
          jobs: fc.option(fc.array(job, { maxLength: 2 }), { nil: null })
        },
        { requiredKeys: [] }
      ),
      { nil: null }
    ),
    extended: fc.option(fc.dictionary(fc.constantFrom('p', 'q'), json, { maxKeys: 2, noNullPrototype: true }), {
      nil: null
    }),
    tags: fc.option(
      fc.record({ auto: fc.array(fc.constantFrom('a', 'b')), manual: fc.array(fc.constantFrom('m', 'n')) }),
      { nil: null }
    )
  },
  { requiredKeys: [] }
)

describe('customerPatch', () => {
  it('property: merging the patch into `before` gives `after` (any JSON-like objects)', () => {
    fc.assert(
      fc.property(root, root, (before, after) => {
        const patch = customerPatch(before, after)
        expect(normal(applyPatch(before, patch))).toEqual(normal(after))
        assertMinimal(before, after, patch as Record<string, unknown>)
      }),
      { numRuns: 500, seed: 20240601 }
    )
  })

  it('property: merging the patch into `before` gives `after` (customer-shaped values)', () => {
    fc.assert(
      fc.property(customer, customer, (before, after) => {
        const patch = customerPatch(before, after)
        expect(normal(applyPatch(before, patch))).toEqual(normal(after))
        assertMinimal(before, after, patch as Record<string, unknown>)
      }),
      { numRuns: 500, seed: 42 }
    )
  })

  it('property: a value compared with itself gives an empty patch', () => {
    fc.assert(
      fc.property(customer, (c) => {
        expect(customerPatch(c, structuredClone(c))).toEqual({})
      }),
      { numRuns: 200, seed: 7 }
    )
  })

  it('sends only the changed leaves, null to clear, arrays whole', () => {
    const before: CustomerInput = {
      externalId: 'e',
      base: {
        firstName: 'Ada',
        lastName: 'Lovelace',
        address: { city: 'London', zip: 'SW1', geo: { lat: 1, lon: 2 } },
        jobs: [
          { id: 'j1', companyName: 'A' },
          { id: 'j2', companyName: 'B' }
        ]
      },
      tags: { auto: ['x'], manual: ['m'] }
    }
    const after: CustomerInput = {
      externalId: 'e',
      base: {
        firstName: 'Ada',
        lastName: null,
        address: { city: 'Paris', zip: 'SW1', geo: { lat: 1, lon: 2 } },
        jobs: [
          { id: 'j1', companyName: 'A' },
          { id: 'j2', companyName: 'C' }
        ]
      },
      tags: { auto: ['x'], manual: ['m', 'n'] }
    }
    expect(customerPatch(before, after)).toEqual({
      base: {
        lastName: null,
        address: { city: 'Paris' },
        jobs: [
          { id: 'j1', companyName: 'A' },
          { id: 'j2', companyName: 'C' }
        ]
      },
      tags: { manual: ['m', 'n'] }
    })
  })

  it('clears what `after` leaves out, and treats null and absent alike', () => {
    expect(
      customerPatch({ base: { firstName: 'Ada', title: 'Dr' }, extra: 'x' }, { base: { firstName: 'Ada' } })
    ).toEqual({
      base: { title: null },
      extra: null
    })
    expect(customerPatch({ base: { firstName: null } }, { base: {} })).toEqual({})
    expect(customerPatch({ base: null }, { base: { firstName: 'Ada' } })).toEqual({ base: { firstName: 'Ada' } })
  })

  it('compares dates in the form they are sent in', () => {
    expect(customerPatch({ base: { dob: '1990-12-10' } }, { base: { dob: new Date('1990-12-10T00:00:00Z') } })).toEqual(
      {}
    )
    expect(
      customerPatch(
        { base: { likes: [{ id: 'l', createdTime: '2019-06-14T08:21:05.118Z' }] } },
        { base: { likes: [{ id: 'l', createdTime: new Date('2019-06-14T08:21:05.118Z') }] } }
      )
    ).toEqual({})
    expect(customerPatch({ base: { dob: '1990-12-10' } }, { base: { dob: new Date('1990-12-11T00:00:00Z') } })).toEqual(
      {
        base: { dob: '1990-12-11' }
      }
    )
  })

  it('never includes the server-set id, nodeId, registeredAt and updatedAt', () => {
    const before = {
      id: 'a',
      nodeId: 'n1',
      registeredAt: '2017-01-01T00:00:00.000Z',
      updatedAt: '2017-01-01T00:00:00.000Z',
      extra: 'x'
    }
    const after = {
      id: 'b',
      nodeId: 'n2',
      registeredAt: '2018-01-01T00:00:00.000Z',
      updatedAt: '2018-01-01T00:00:00.000Z',
      extra: 'y'
    }
    expect(customerPatch(before, after)).toEqual({ extra: 'y' })
  })

  it('does not mutate its inputs', () => {
    const before = { base: { firstName: 'Ada', dob: new Date('1990-12-10T00:00:00Z') } }
    const after = { base: { firstName: 'Bo', jobs: [{ id: 'j', startDate: new Date('2012-10-06T00:00:00Z') }] } }
    const b = structuredClone(before)
    const a = structuredClone(after)
    customerPatch(before, after)
    expect(before).toEqual(b)
    expect(after).toEqual(a)
  })
})
