import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from '#fp-ts/Either'
import {
  and,
  between,
  customerQuery,
  eq,
  except,
  gt,
  gte,
  intersect,
  isIn,
  isNotNull,
  isNull,
  lt,
  lte,
  neq,
  notIn,
  or,
  union
} from '../src/query'
import {
  AtomicConditionCodec,
  ConditionCodec,
  InnerQueryCodec,
  OPERATORS,
  OperatorCodec,
  QueryCodec,
  QueryFromJson,
  type Condition,
  type Query
} from '../src/codecs/query'
import { decodeWith } from '../src/decode'

const decodesAsCondition = (c: Condition): void => {
  expect(ConditionCodec.decode(c)).toEqual(E.right(c))
}

const decodesAsQuery = (q: Query): void => {
  expect(QueryCodec.decode(q)).toEqual(E.right(q))
  // and it survives the trip through the URL's query parameter
  expect(QueryFromJson.decode(JSON.stringify(q))).toEqual(E.right(JSON.parse(JSON.stringify(q))))
}

describe('conditions', () => {
  it('eq, neq, gt, gte, lt, lte build atomic conditions', () => {
    const built = [
      eq('base.firstName', 'Ada'),
      neq('base.contacts.email', 'ada@example.com'),
      gt('base.address.geo.lat', 45.1),
      gte('base.educations.startYear', 2001),
      lt('base.address.city', 'M'),
      lte('extended.score', 10)
    ]
    expect(built).toEqual([
      { type: 'atomic', attribute: 'base.firstName', operator: 'EQUALS', value: 'Ada' },
      { type: 'atomic', attribute: 'base.contacts.email', operator: 'NOT_EQUALS', value: 'ada@example.com' },
      { type: 'atomic', attribute: 'base.address.geo.lat', operator: 'GT', value: 45.1 },
      { type: 'atomic', attribute: 'base.educations.startYear', operator: 'GTE', value: 2001 },
      { type: 'atomic', attribute: 'base.address.city', operator: 'LT', value: 'M' },
      { type: 'atomic', attribute: 'extended.score', operator: 'LTE', value: 10 }
    ])
    built.forEach(decodesAsCondition)
  })

  it('booleans are sent as booleans', () => {
    const c = eq('consents.marketing.automatic.email.status', false)
    expect(c).toEqual({
      type: 'atomic',
      attribute: 'consents.marketing.automatic.email.status',
      operator: 'EQUALS',
      value: false
    })
    decodesAsCondition(c)
  })

  it('between sends [from, to]', () => {
    const c = between('base.dob', '1980-01-01', '1989-12-31')
    expect(c).toEqual({
      type: 'atomic',
      attribute: 'base.dob',
      operator: 'BETWEEN',
      value: ['1980-01-01', '1989-12-31']
    })
    expect(JSON.stringify(c)).toBe(
      '{"type":"atomic","attribute":"base.dob","operator":"BETWEEN","value":["1980-01-01","1989-12-31"]}'
    )
    decodesAsCondition(c)
  })

  it('isIn and notIn send lists', () => {
    expect(isIn('tags.manual', ['vip', 'gold'])).toEqual({
      type: 'atomic',
      attribute: 'tags.manual',
      operator: 'IN',
      value: ['vip', 'gold']
    })
    expect(notIn('base.address.country', [])).toEqual({
      type: 'atomic',
      attribute: 'base.address.country',
      operator: 'NOT_IN',
      value: []
    })
    decodesAsCondition(isIn('tags.manual', ['vip', 'gold']))
    decodesAsCondition(notIn('base.address.country', []))
  })

  it('isNull and isNotNull send no value', () => {
    const a = isNull('base.contacts.email')
    const b = isNotNull('base.address')
    expect(a).toEqual({ type: 'atomic', attribute: 'base.contacts.email', operator: 'IS_NULL' })
    expect(b).toEqual({ type: 'atomic', attribute: 'base.address', operator: 'IS_NOT_NULL' })
    expect('value' in a).toBe(false)
    expect(JSON.stringify(b)).toBe('{"type":"atomic","attribute":"base.address","operator":"IS_NOT_NULL"}')
    decodesAsCondition(a)
    decodesAsCondition(b)
  })

  it('dates become ISO date-times, or the UTC day for date-only attributes', () => {
    const at = new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6))
    expect(gt('registeredAt', at).value).toBe('2024-01-02T03:04:05.006Z')
    expect(eq('extended.lastSeen', at).value).toBe('2024-01-02T03:04:05.006Z')
    expect(eq('base.dob', at).value).toBe('2024-01-02')
    expect(between('base.jobs.startDate', at, new Date(Date.UTC(2025, 11, 31))).value).toEqual([
      '2024-01-02',
      '2025-12-31'
    ])
    expect(isIn('updatedAt', [at]).value).toEqual(['2024-01-02T03:04:05.006Z'])
    expect(lte('updatedAt', '2024-01-02T00:00:00.000+0000').value).toBe('2024-01-02T00:00:00.000+0000')
  })

  it('an invalid Date is sent as a string the API refuses, never thrown', () => {
    expect(eq('registeredAt', new Date(NaN)).value).toBe('Invalid Date')
  })

  it('and / or build composite conditions, lower case, nestable', () => {
    const c = and(eq('base.address.city', 'Milano'), or(isIn('tags.manual', ['vip']), isNull('base.contacts.email')))
    expect(c).toEqual({
      type: 'composite',
      conjunction: 'and',
      conditions: [
        { type: 'atomic', attribute: 'base.address.city', operator: 'EQUALS', value: 'Milano' },
        {
          type: 'composite',
          conjunction: 'or',
          conditions: [
            { type: 'atomic', attribute: 'tags.manual', operator: 'IN', value: ['vip'] },
            { type: 'atomic', attribute: 'base.contacts.email', operator: 'IS_NULL' }
          ]
        }
      ]
    })
    decodesAsCondition(c)
    expect(or(eq('id', 'x'))).toEqual({
      type: 'composite',
      conjunction: 'or',
      conditions: [{ type: 'atomic', attribute: 'id', operator: 'EQUALS', value: 'x' }]
    })
  })

  it('builders do not share or mutate their inputs', () => {
    const values = ['a', 'b']
    const c = isIn('tags.auto', values)
    values.push('c')
    expect(c.value).toEqual(['a', 'b'])
    const parts = [eq('id', '1'), eq('id', '2')] as const
    const composite = or(...parts)
    expect(composite.conditions).not.toBe(parts)
  })
})

describe('queries', () => {
  const milano = customerQuery(eq('base.address.city', 'Milano'))
  const vip = customerQuery(isIn('tags.manual', ['vip']))
  const noEmail = customerQuery(isNull('base.contacts.email'))

  it('customerQuery wraps a condition the way the wire expects', () => {
    expect(milano).toEqual({
      name: 'query',
      query: {
        type: 'simple',
        name: 'query',
        are: { condition: { type: 'atomic', attribute: 'base.address.city', operator: 'EQUALS', value: 'Milano' } }
      }
    })
    expect(JSON.stringify(milano)).toBe(
      '{"name":"query","query":{"type":"simple","name":"query","are":{"condition":' +
        '{"type":"atomic","attribute":"base.address.city","operator":"EQUALS","value":"Milano"}}}}'
    )
    decodesAsQuery(milano)
    expect(customerQuery(eq('id', 'x'), 'by id').name).toBe('by id')
  })

  it('intersect, union and except combine queries, upper case', () => {
    expect(intersect(milano, vip)).toEqual({
      name: 'query',
      query: { type: 'combined', name: 'query', conjunction: 'INTERSECT', queries: [milano.query, vip.query] }
    })
    expect(union(milano, vip, noEmail)).toEqual({
      name: 'query',
      query: {
        type: 'combined',
        name: 'query',
        conjunction: 'UNION',
        queries: [milano.query, vip.query, noEmail.query]
      }
    })
    expect(except(milano, noEmail)).toEqual({
      name: 'query',
      query: { type: 'combined', name: 'query', conjunction: 'EXCEPT', queries: [milano.query, noEmail.query] }
    })
    decodesAsQuery(intersect(milano, vip))
    decodesAsQuery(union(milano, vip, noEmail))
    decodesAsQuery(except(milano, noEmail))
  })

  it('combined queries nest', () => {
    const q = except(union(milano, vip), intersect(noEmail, milano))
    expect(q.query).toEqual({
      type: 'combined',
      name: 'query',
      conjunction: 'EXCEPT',
      queries: [
        { type: 'combined', name: 'query', conjunction: 'UNION', queries: [milano.query, vip.query] },
        { type: 'combined', name: 'query', conjunction: 'INTERSECT', queries: [noEmail.query, milano.query] }
      ]
    })
    decodesAsQuery(q)
  })
})

describe('the query codecs', () => {
  it('know every operator', () => {
    expect(OPERATORS).toHaveLength(11)
    OPERATORS.forEach((op) => expect(OperatorCodec.is(op)).toBe(true))
    expect(OperatorCodec.is('equals')).toBe(false)
  })

  it('refuse what the language does not allow, with readable paths', () => {
    const bad: ReadonlyArray<unknown> = [
      { type: 'atomic', attribute: 'base.firstName', operator: 'LIKE', value: 'x' },
      { type: 'atomic', attribute: 'base.firstName', operator: 'EQUALS' },
      { type: 'atomic', attribute: 'base.firstName', operator: 'EQUALS', value: ['x'] },
      { type: 'atomic', attribute: 'base.firstName', operator: 'EQUALS', value: null },
      { type: 'atomic', attribute: 'base.firstName', operator: 'IN', value: 'x' },
      { type: 'atomic', attribute: 'base.dob', operator: 'BETWEEN', value: ['1980-01-01'] },
      { type: 'atomic', attribute: 'base.dob', operator: 'BETWEEN', value: '1980-01-01' },
      { type: 'atomic', attribute: 'base.firstName', operator: 'IS_NULL', value: 'x' },
      { type: 'atomic', attribute: '', operator: 'IS_NULL' },
      { type: 'composite', conjunction: 'AND', conditions: [] },
      { type: 'composite', conjunction: 'and', conditions: [{ type: 'atomic' }] },
      { type: 'combined' }
    ]
    for (const b of bad) expect(E.isLeft(ConditionCodec.decode(b))).toBe(true)
    expect(
      E.isLeft(QueryCodec.decode({ name: 'q', query: { type: 'combined', conjunction: 'intersect', queries: [] } }))
    ).toBe(true)
    expect(E.isLeft(QueryCodec.decode({ query: customerQuery(eq('id', 'x')).query }))).toBe(true)
    expect(E.isLeft(QueryFromJson.decode('{"name":'))).toBe(true)
    expect(E.isLeft(QueryFromJson.decode(42))).toBe(true)
    const errors = decodeWith(QueryCodec)({
      name: 'q',
      query: { type: 'simple', are: { condition: { type: 'atomic', attribute: 'x', operator: 'GT', value: {} } } }
    })
    expect(errors).toEqual(E.left(['query.are.condition.value: expected string | number | boolean, got an object']))
  })

  it('pick the member by operator or type, so each error names the one rule broken', () => {
    const check = decodeWith(ConditionCodec)
    expect(check({ type: 'atomic', attribute: 'a', operator: 'LIKE', value: 1 })).toEqual(
      E.left(['operator: expected Operator, got "LIKE"'])
    )
    expect(check({ type: 'atom', attribute: 'a' })).toEqual(E.left(['type: expected ConditionType, got "atom"']))
    expect(
      check({
        type: 'composite',
        conjunction: 'and',
        conditions: [{ type: 'atomic', attribute: 'a', operator: 'BETWEEN', value: [1] }]
      })
    ).toEqual(E.left(['conditions.0.value.1: expected string | number | boolean, got undefined']))
    expect(check({ type: 'atomic', attribute: 'a', operator: 'IS_NULL', value: 3 })).toEqual(
      E.left(['value: expected null, got 3'])
    )
    expect(check(null)).toEqual(E.left(['(root): expected Condition, got null']))
    expect(
      decodeWith(QueryCodec)({
        name: 'q',
        query: { type: 'combined', conjunction: 'UNION', queries: [{ type: 'simple', are: {} }] }
      })
    ).toEqual(E.left(['query.queries.0.are.condition: expected Condition, got undefined']))
  })

  it('accept what other clients write: no inner name, a null value on a null check, extra fields', () => {
    expect(
      E.isRight(
        QueryCodec.decode({
          name: 'q',
          query: {
            type: 'simple',
            are: { condition: { type: 'atomic', attribute: 'base.firstName', operator: 'IS_NULL', value: null } }
          }
        })
      )
    ).toBe(true)
    expect(E.isRight(InnerQueryCodec.decode({ type: 'combined', conjunction: 'UNION', queries: [], href: 'x' }))).toBe(
      true
    )
    expect(QueryFromJson.encode(customerQuery(eq('id', 'x')))).toBe(JSON.stringify(customerQuery(eq('id', 'x'))))
  })
})

describe('properties', () => {
  const scalar = fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean())
  const path = fc.string({ minLength: 1 }).map((s) => `extended.${s}` as const)
  const atomic: fc.Arbitrary<Condition> = fc.oneof(
    fc.tuple(path, scalar).map(([p, v]) => eq(p, v)),
    fc.tuple(path, scalar).map(([p, v]) => neq(p, v)),
    fc.tuple(path, scalar).map(([p, v]) => gt(p, v)),
    fc.tuple(path, scalar).map(([p, v]) => gte(p, v)),
    fc.tuple(path, scalar).map(([p, v]) => lt(p, v)),
    fc.tuple(path, scalar).map(([p, v]) => lte(p, v)),
    fc.tuple(path, scalar, scalar).map(([p, a, b]) => between(p, a, b)),
    fc.tuple(path, fc.array(scalar, { maxLength: 5 })).map(([p, vs]) => isIn(p, vs)),
    fc.tuple(path, fc.array(scalar, { maxLength: 5 })).map(([p, vs]) => notIn(p, vs)),
    path.map(isNull),
    path.map(isNotNull),
    fc.string().map((s) => eq('base.firstName', s)),
    fc.date({ noInvalidDate: true }).map((d) => gt('registeredAt', d))
  )
  const { condition } = fc.letrec<{ condition: Condition }>((tie) => ({
    condition: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      atomic,
      fc
        .tuple(fc.boolean(), tie('condition'), fc.array(tie('condition'), { maxLength: 3 }))
        .map(([isAnd, first, rest]) => (isAnd ? and(first, ...rest) : or(first, ...rest)))
    )
  }))
  const { query } = fc.letrec<{ query: Query }>((tie) => ({
    query: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      condition.map((c) => customerQuery(c)),
      fc
        .tuple(fc.constantFrom(intersect, union, except), tie('query'), fc.array(tie('query'), { maxLength: 3 }))
        .map(([combine, first, rest]) => combine(first, ...rest))
    )
  }))

  it('every built condition decodes as itself', () => {
    fc.assert(
      fc.property(condition, (c) => {
        expect(ConditionCodec.decode(c)).toEqual(E.right(c))
      }),
      { numRuns: 300 }
    )
  })

  it('every built query decodes as itself, also from its JSON text', () => {
    fc.assert(
      fc.property(query, (q) => {
        expect(QueryCodec.decode(q)).toEqual(E.right(q))
        expect(QueryFromJson.decode(JSON.stringify(q))).toEqual(E.right(JSON.parse(JSON.stringify(q))))
      }),
      { numRuns: 200 }
    )
  })

  it('atomic conditions keep the attribute and value they were given', () => {
    fc.assert(
      fc.property(path, scalar, (p, v) => {
        const c = eq(p, v)
        expect(c).toEqual({ type: 'atomic', attribute: p, operator: 'EQUALS', value: v })
        expect(E.isRight(AtomicConditionCodec.decode(c))).toBe(true)
      })
    )
  })
})
