import fc from 'fast-check'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index'
import { client, expectApiError, type Json } from './helpers'

let emulator: Emulator
let api: ReturnType<typeof client>

beforeAll(async () => {
  emulator = await startEmulator()
  api = client(emulator)
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

type Scalar = string | number | boolean

const query = (condition: unknown) => ({ name: 'q', query: { type: 'simple', name: 'q', are: { condition } } })
const atomic = (attribute: string, operator: string, value?: unknown) =>
  value === undefined ? { type: 'atomic', attribute, operator } : { type: 'atomic', attribute, operator, value }

const run = async (q: unknown): Promise<{ status: number; ids: Array<string>; body: Json }> => {
  const r = await api.list({ query: JSON.stringify(q), size: 1000 })
  return { status: r.status, ids: r.status === 200 ? r.body.elements.map((c: Json) => c.externalId) : [], body: r.body }
}

// ----------------------------------------------------------------------------------------------------------------
// A small reference evaluator over the data as it was written (not as the emulator renders it)

interface Person {
  externalId: string
  firstName?: string
  dob?: string
  lat?: number
  manual?: Array<string>
  jobs?: Array<{ id: string; companyName?: string }>
  score?: number
  enabled?: boolean
}

const DOMAINS = {
  'base.firstName': ['Ada', 'Bob', 'ada', 'Zoe', ''],
  'base.dob': ['1985-06-15', '1990-01-01', '2000-12-31', '1990-01-02'],
  'base.address.geo.lat': [-10, 0, 1.5, 42, 90],
  'tags.manual': ['vip', 'gold', 'new'],
  'base.jobs.companyName': ['Acme', 'Globex', 'Initech'],
  'extended.score': [0, 1, 2, 3, 5],
  enabled: [true, false]
} as const satisfies Record<string, ReadonlyArray<Scalar>>

type Attribute = keyof typeof DOMAINS
const ATTRIBUTES = Object.keys(DOMAINS) as Array<Attribute>

const valuesOf = (p: Person, attribute: Attribute): Array<Scalar> => {
  switch (attribute) {
    case 'base.firstName':
      return p.firstName === undefined ? [] : [p.firstName]
    case 'base.dob':
      return p.dob === undefined ? [] : [p.dob]
    case 'base.address.geo.lat':
      return p.lat === undefined ? [] : [p.lat]
    case 'tags.manual':
      return p.manual ?? []
    case 'base.jobs.companyName':
      return (p.jobs ?? []).flatMap((j) => (j.companyName === undefined ? [] : [j.companyName]))
    case 'extended.score':
      return p.score === undefined ? [] : [p.score]
    case 'enabled':
      return [p.enabled ?? true]
  }
}

type Cond =
  | { type: 'atomic'; attribute: Attribute; operator: string; value?: Scalar | Array<Scalar> }
  | { type: 'composite'; conjunction: 'and' | 'or'; conditions: Array<Cond> }
type Inner =
  | { type: 'simple'; name: string; are: { condition: Cond } }
  | { type: 'combined'; name: string; conjunction: 'INTERSECT' | 'UNION' | 'EXCEPT'; queries: Array<Inner> }

const holds = (c: Cond, p: Person): boolean => {
  if (c.type === 'composite')
    return c.conjunction === 'and' ? c.conditions.every((x) => holds(x, p)) : c.conditions.some((x) => holds(x, p))
  const vs = valuesOf(p, c.attribute)
  const v = c.value as Scalar
  const list = c.value as Array<Scalar>
  switch (c.operator) {
    case 'EQUALS':
      return vs.includes(v)
    case 'NOT_EQUALS':
      return !vs.includes(v)
    case 'GT':
      return vs.some((x) => x > v)
    case 'GTE':
      return vs.some((x) => x >= v)
    case 'LT':
      return vs.some((x) => x < v)
    case 'LTE':
      return vs.some((x) => x <= v)
    case 'BETWEEN':
      return vs.some((x) => x >= (list[0] ?? x) && x <= (list[1] ?? x))
    case 'IN':
      return vs.some((x) => list.includes(x))
    case 'NOT_IN':
      return !vs.some((x) => list.includes(x))
    case 'IS_NULL':
      return vs.length === 0
    case 'IS_NOT_NULL':
      return vs.length > 0
    default:
      throw new Error(c.operator)
  }
}

const selectRef = (q: Inner, people: ReadonlyArray<Person>): Set<string> => {
  if (q.type === 'simple') return new Set(people.filter((p) => holds(q.are.condition, p)).map((p) => p.externalId))
  const parts = q.queries.map((x) => selectRef(x, people))
  const all = people.map((p) => p.externalId)
  switch (q.conjunction) {
    case 'UNION':
      return new Set(all.filter((id) => parts.some((s) => s.has(id))))
    case 'INTERSECT':
      return new Set(all.filter((id) => parts.every((s) => s.has(id))))
    case 'EXCEPT':
      return new Set(all.filter((id) => parts[0]?.has(id) === true && parts.slice(1).every((s) => !s.has(id))))
  }
}

const toCustomer = (p: Person): Record<string, unknown> => {
  const base: Record<string, unknown> = {}
  if (p.firstName !== undefined) base.firstName = p.firstName
  if (p.dob !== undefined) base.dob = p.dob
  if (p.lat !== undefined) base.address = { geo: { lat: p.lat } }
  if (p.jobs !== undefined) base.jobs = p.jobs
  return {
    externalId: p.externalId,
    base,
    ...(p.manual === undefined ? {} : { tags: { manual: p.manual } }),
    ...(p.score === undefined ? {} : { extended: { score: p.score } }),
    ...(p.enabled === undefined ? {} : { enabled: p.enabled })
  }
}

// ----------------------------------------------------------------------------------------------------------------
// Generators

const opt = <A>(arb: fc.Arbitrary<A>): fc.Arbitrary<A | undefined> => fc.option(arb, { nil: undefined })
const from = <A>(xs: ReadonlyArray<A>): fc.Arbitrary<A> => fc.constantFrom(...xs)

const personArb = (i: number): fc.Arbitrary<Person> =>
  fc
    .record({
      firstName: opt(from(DOMAINS['base.firstName'])),
      dob: opt(from(DOMAINS['base.dob'])),
      lat: opt(from(DOMAINS['base.address.geo.lat'])),
      manual: opt(fc.subarray([...DOMAINS['tags.manual']])),
      jobs: opt(
        fc.array(
          fc.record(
            { id: fc.uuid(), companyName: opt(from(DOMAINS['base.jobs.companyName'])) },
            { requiredKeys: ['id'] }
          ),
          { maxLength: 2 }
        )
      ),
      score: opt(from(DOMAINS['extended.score'])),
      enabled: opt(fc.boolean())
    })
    .map((p) => {
      const out: Person = { externalId: `p${i}` }
      for (const [k, v] of Object.entries(p)) if (v !== undefined) (out as unknown as Record<string, unknown>)[k] = v
      if (out.jobs !== undefined) out.jobs = out.jobs.map((j) => (j.companyName === undefined ? { id: j.id } : j))
      return out
    })

const peopleArb: fc.Arbitrary<Array<Person>> = fc
  .integer({ min: 0, max: 10 })
  .chain((n) => (n === 0 ? fc.constant([]) : fc.tuple(...Array.from({ length: n }, (_, i) => personArb(i)))))

const atomicArb: fc.Arbitrary<Cond> = from(ATTRIBUTES).chain((attribute) => {
  const v = from<Scalar>(DOMAINS[attribute])
  return fc.oneof(
    fc.record({
      type: fc.constant('atomic' as const),
      attribute: fc.constant(attribute),
      operator: from(['EQUALS', 'NOT_EQUALS', 'GT', 'GTE', 'LT', 'LTE']),
      value: v
    }),
    fc.record({
      type: fc.constant('atomic' as const),
      attribute: fc.constant(attribute),
      operator: from(['IN', 'NOT_IN']),
      value: fc.array(v, { maxLength: 3 })
    }),
    fc.record({
      type: fc.constant('atomic' as const),
      attribute: fc.constant(attribute),
      operator: fc.constant('BETWEEN'),
      value: fc.tuple(v, v).map(([a, b]) => [a, b])
    }),
    fc.record({
      type: fc.constant('atomic' as const),
      attribute: fc.constant(attribute),
      operator: from(['IS_NULL', 'IS_NOT_NULL'])
    })
  )
})

const { cond: condArb } = fc.letrec<{ cond: Cond }>((tie) => ({
  cond: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atomicArb,
    fc.record({
      type: fc.constant('composite' as const),
      conjunction: from(['and', 'or'] as const),
      conditions: fc.array(tie('cond'), { minLength: 1, maxLength: 3 })
    })
  )
}))

const { inner: innerArb } = fc.letrec<{ inner: Inner }>((tie) => ({
  inner: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    condArb.map((condition) => ({ type: 'simple' as const, name: 'q', are: { condition } })),
    fc.record({
      type: fc.constant('combined' as const),
      name: fc.constant('q'),
      conjunction: from(['INTERSECT', 'UNION', 'EXCEPT'] as const),
      queries: fc.array(tie('inner'), { minLength: 1, maxLength: 3 })
    })
  )
}))

// ----------------------------------------------------------------------------------------------------------------

describe('queries against a reference evaluator', () => {
  it('selects what the reference selects, in order, for generated data and queries', async () => {
    await fc.assert(
      fc.asyncProperty(peopleArb, fc.array(innerArb, { minLength: 1, maxLength: 5 }), async (people, queries) => {
        emulator.reset()
        for (const p of people) await api.create(toCustomer(p))
        for (const q of queries) {
          const r = await run({ name: 'q', query: q })
          expect(r.status).toBe(200)
          const expected = people.map((p) => p.externalId).filter((id) => selectRef(q, people).has(id))
          expect(r.ids).toEqual(expected)
          expect(r.body.page.totalElements).toBe(expected.length)
          expect(r.body.page.totalUnfilteredElements).toBe(people.length)
        }
      }),
      { numRuns: 40 }
    )
  })
})

describe('operators, by example', () => {
  beforeEach(async () => {
    await api.create({
      externalId: 'a',
      base: { firstName: 'Ada', dob: '1990-01-01', contacts: { email: 'ada@x.io' } },
      tags: { manual: ['vip'] }
    })
    await api.create({
      externalId: 'b',
      base: { firstName: 'Bob', dob: '1980-05-05', jobs: [{ id: 'j', companyName: 'Acme' }] }
    })
    await api.create({ externalId: 'c', extended: { level: { n: 3 } }, tags: { manual: ['vip', 'new'], auto: ['x'] } })
  })

  it.each([
    ['EQUALS on a nested contact', atomic('base.contacts.email', 'EQUALS', 'ada@x.io'), ['a']],
    ['EQUALS is case-sensitive', atomic('base.firstName', 'EQUALS', 'ada'), []],
    ['EQUALS on tags.manual means contains', atomic('tags.manual', 'EQUALS', 'vip'), ['a', 'c']],
    ['NOT_EQUALS holds with no value', atomic('base.firstName', 'NOT_EQUALS', 'Ada'), ['b', 'c']],
    ['GT on dates', atomic('base.dob', 'GT', '1985-01-01'), ['a']],
    ['LTE on dates', atomic('base.dob', 'LTE', '1990-01-01'), ['a', 'b']],
    ['BETWEEN on dates', atomic('base.dob', 'BETWEEN', ['1979-01-01', '1981-01-01']), ['b']],
    ['IN', atomic('base.firstName', 'IN', ['Bob', 'Zed']), ['b']],
    ['NOT_IN', atomic('tags.manual', 'NOT_IN', ['new']), ['a', 'b']],
    // as the live API: a single value is a one-element list (the vendor's SDKs ask `tags.manual IN "vip"`)
    ['IN with a scalar', atomic('base.firstName', 'IN', 'Bob'), ['b']],
    ['NOT_IN with a scalar', atomic('tags.manual', 'NOT_IN', 'new'), ['a', 'b']],
    ['IS_NULL', atomic('tags', 'IS_NULL'), ['b']],
    ['IS_NULL on an empty list', atomic('tags.auto', 'IS_NULL'), ['a', 'b']],
    ['IS_NOT_NULL on a list item', atomic('base.jobs.companyName', 'IS_NOT_NULL'), ['b']],
    ['extended paths', atomic('extended.level.n', 'GTE', 3), ['c']],
    ['registeredAt against a Z timestamp', atomic('registeredAt', 'LTE', '2999-01-01T00:00:00.000Z'), ['a', 'b', 'c']],
    [
      'and',
      {
        type: 'composite',
        conjunction: 'and',
        conditions: [atomic('tags.manual', 'EQUALS', 'vip'), atomic('base.firstName', 'IS_NULL')]
      },
      ['c']
    ],
    [
      'or',
      {
        type: 'composite',
        conjunction: 'or',
        conditions: [atomic('base.firstName', 'EQUALS', 'Bob'), atomic('tags.manual', 'EQUALS', 'new')]
      },
      ['b', 'c']
    ]
  ])('%s', async (_name, condition, expected) => {
    const r = await run(query(condition))
    expect(r.status).toBe(200)
    expect(r.ids).toEqual(expected)
  })

  it('combined INTERSECT, UNION and EXCEPT', async () => {
    const vip = { type: 'simple', are: { condition: atomic('tags.manual', 'EQUALS', 'vip') } }
    const named = { type: 'simple', are: { condition: atomic('base.firstName', 'IS_NOT_NULL') } }
    const combine = (conjunction: string) => ({
      name: 'q',
      query: { type: 'combined', name: 'q', conjunction, queries: [vip, named] }
    })
    expect((await run(combine('INTERSECT'))).ids).toEqual(['a'])
    expect((await run(combine('UNION'))).ids).toEqual(['a', 'b', 'c'])
    expect((await run(combine('EXCEPT'))).ids).toEqual(['c'])
  })

  it('registeredAt equals itself in another timestamp form', async () => {
    const [c] = (await api.list({ externalId: 'a' })).body.elements
    const z = (c.registeredAt as string).replace('+0000', 'Z')
    expect((await run(query(atomic('registeredAt', 'EQUALS', z)))).ids).toContain('a')
  })

  it('combines with externalId, sort and pages', async () => {
    const r = await api.list({
      query: JSON.stringify(query(atomic('tags.manual', 'EQUALS', 'vip'))),
      sort: 'externalId,desc',
      size: 1
    })
    expect(r.body.elements.map((c: Json) => c.externalId)).toEqual(['c'])
    expect(r.body.page).toEqual({ size: 1, totalElements: 2, totalUnfilteredElements: 3, totalPages: 2, number: 0 })
  })
})

describe('malformed queries', () => {
  it.each([
    ['not JSON', '{"name":', ''],
    ['not an object', '[]', ''],
    ['no name', JSON.stringify({ query: query(atomic('base.firstName', 'IS_NULL')).query }), '/name'],
    ['unknown query type', JSON.stringify({ name: 'q', query: { type: 'complex' } }), '/query/type'],
    [
      'upper-case composite conjunction',
      JSON.stringify(query({ type: 'composite', conjunction: 'AND', conditions: [] })),
      '/query/are/condition/conjunction'
    ],
    [
      'lower-case combined conjunction',
      JSON.stringify({ name: 'q', query: { type: 'combined', conjunction: 'union', queries: [] } }),
      '/query/conjunction'
    ],
    [
      'unknown operator',
      JSON.stringify(query(atomic('base.firstName', 'LIKE', 'A%'))),
      '/query/are/condition/operator'
    ],
    [
      'BETWEEN with one value',
      JSON.stringify(query(atomic('base.dob', 'BETWEEN', '1990-01-01'))),
      '/query/are/condition/value'
    ],
    ['EQUALS without a value', JSON.stringify(query(atomic('base.firstName', 'EQUALS'))), '/query/are/condition/value'],
    [
      'EQUALS with an object',
      JSON.stringify(query(atomic('base.firstName', 'EQUALS', { a: 1 }))),
      '/query/are/condition/value'
    ],
    [
      'unknown attribute',
      JSON.stringify(query(atomic('base.nickname', 'EQUALS', 'x'))),
      '/query/are/condition/attribute'
    ],
    ['empty attribute', JSON.stringify(query(atomic('', 'IS_NULL'))), '/query/are/condition/attribute'],
    [
      'deep error',
      JSON.stringify(
        query({
          type: 'composite',
          conjunction: 'and',
          conditions: [atomic('base.firstName', 'IS_NULL'), { type: 'atomic', attribute: 'x.y' }]
        })
      ),
      '/query/are/condition/conditions/1/operator'
    ]
  ])('answers 400 for %s, with the path', async (_name, text, path) => {
    const r = await api.list({ query: text })
    expect(r.status).toBe(400)
    expectApiError(r.body)
    expect(r.body.errors.length).toBeGreaterThan(0)
    expect(r.body.errors.map((e: Json) => e.path)).toContain(path)
  })

  it('never answers 500, whatever the query parameter holds', async () => {
    await api.create({ externalId: 'z', base: { firstName: 'Z' } })
    const valid = innerArb.map((q) => JSON.stringify({ name: 'q', query: q }))
    const mutated = valid.chain((s) =>
      fc
        .integer({ min: 0, max: Math.max(0, s.length - 1) })
        .chain((i) => fc.string({ maxLength: 3 }).map((x) => s.slice(0, i) + x + s.slice(i + 1)))
    )
    const anyJson = fc.jsonValue().map((v) => JSON.stringify(v))
    const shaped = fc
      .record({
        name: fc.jsonValue(),
        query: fc.record(
          {
            type: from(['simple', 'combined', 'x']),
            are: fc.jsonValue(),
            conjunction: fc.jsonValue(),
            queries: fc.jsonValue()
          },
          { requiredKeys: ['type'] }
        )
      })
      .map((v) => JSON.stringify(v))
    await fc.assert(
      fc.asyncProperty(fc.oneof(valid, mutated, anyJson, shaped, fc.string()), async (text) => {
        const r = await api.list({ query: text })
        expect([200, 400]).toContain(r.status)
        if (r.status === 400) {
          expectApiError(r.body)
          expect(r.body.errors.length).toBeGreaterThan(0)
        }
      }),
      { numRuns: 150 }
    )
  })
})
