// eventQuery builds the query language's `did` form: the JSON it writes, its validity against a JSON Schema of the
// query language (below, checked with ajv), the project's codecs (decode and encode), and the emulator's parser.
import { describe, expect, it } from 'vitest'
import Ajv from 'ajv'
import * as E from '#fp-ts/Either'
import {
  and,
  between,
  customerQuery,
  eq,
  eventQuery,
  except,
  gt,
  gte,
  intersect,
  isIn,
  isNotNull,
  isNull,
  lte,
  neq,
  notIn,
  or,
  union
} from '../../src/query'
import { DidClauseCodec, QueryCodec, QueryFromJson, SimpleQueryCodec, type Query } from '../../src/codecs/query'
import { parseQuery } from '../../src/emulator/query-engine'
import { STANDARD_EVENT_TYPES } from '../../src/codecs/event'
import { expectLeft, expectRight } from '../helpers/either'

// The query language as a JSON Schema (draft-07), written for this test from the vendor's v1.39 query schema:
// the same structure, types, enums and required members. Two readings of the project's, which the vendor's SDKs
// and its own documentation of the operators share, differ from that schema's letter: a query may carry a `name`,
// and `IS_NULL` / `IS_NOT_NULL` take no value (other values are a string, a number, a boolean or a list).
const condition = { oneOf: [{ $ref: '#/definitions/AtomicCondition' }, { $ref: '#/definitions/CompositeCondition' }] }
const QUERY_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['name', 'query'],
  properties: {
    name: { type: 'string' },
    query: { oneOf: [{ $ref: '#/definitions/SimpleQuery' }, { $ref: '#/definitions/CombinedQuery' }] }
  },
  additionalProperties: false,
  definitions: {
    CompositeCondition: {
      type: 'object',
      required: ['type', 'conjunction', 'conditions'],
      properties: {
        type: { const: 'composite' },
        conjunction: { enum: ['and', 'or'] },
        conditions: { type: 'array', items: condition }
      },
      additionalProperties: false
    },
    AtomicCondition: {
      type: 'object',
      required: ['type', 'attribute', 'operator'],
      properties: {
        type: { const: 'atomic' },
        attribute: { type: 'string' },
        operator: {
          enum: ['EQUALS', 'NOT_EQUALS', 'BETWEEN', 'GTE', 'GT', 'LTE', 'LT', 'IS_NULL', 'IS_NOT_NULL', 'IN', 'NOT_IN']
        },
        value: { type: ['string', 'number', 'boolean', 'array'] }
      },
      additionalProperties: false,
      if: { properties: { operator: { enum: ['IS_NULL', 'IS_NOT_NULL'] } } },
      then: { not: { required: ['value'] } },
      else: { required: ['value'] }
    },
    SimpleQuery: {
      type: 'object',
      required: ['type'],
      properties: {
        type: { const: 'simple' },
        name: { type: 'string' },
        are: {
          type: 'object',
          required: ['condition'],
          properties: { condition: { type: 'object', ...condition } },
          additionalProperties: false
        },
        did: {
          type: 'object',
          required: ['event', 'condition', 'timeframe'],
          properties: {
            event: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
            condition: { type: 'object', ...condition },
            timeframe: { type: 'object', ...condition }
          },
          additionalProperties: false
        }
      },
      additionalProperties: false
    },
    CombinedQuery: {
      type: 'object',
      required: ['type', 'conjunction', 'queries'],
      properties: {
        type: { const: 'combined' },
        name: { type: 'string' },
        conjunction: { enum: ['INTERSECT', 'UNION', 'EXCEPT'] },
        queries: {
          type: 'array',
          items: { oneOf: [{ $ref: '#/definitions/SimpleQuery' }, { $ref: '#/definitions/CombinedQuery' }] }
        }
      },
      additionalProperties: false
    }
  }
}

const validate = new Ajv({ allErrors: true }).compile(QUERY_SCHEMA)

/** Valid against the schema, decoded by the codec as itself, and through the URL's JSON text too. */
const valid = (q: Query): void => {
  const json: unknown = JSON.parse(JSON.stringify(q))
  expect(validate(json) ? [] : validate.errors).toEqual([])
  expect(QueryCodec.decode(json)).toEqual(E.right(json))
  expect(QueryCodec.encode(q)).toEqual(q)
  expect(QueryFromJson.decode(QueryFromJson.encode(q))).toEqual(E.right(json))
  expect(expectRight(parseQuery(JSON.stringify(q)))).toEqual(json)
}

const ALL_EVENTS = { type: 'atomic', attribute: 'date', operator: 'IS_NOT_NULL' }

describe('eventQuery builds the did form', () => {
  it('writes the event type, the where condition and the timeframe', () => {
    const q = eventQuery('completedOrder', {
      where: gte('properties.amount.total', 100),
      timeframe: gte('date', new Date('2026-01-01T00:00:00Z'))
    })
    expect(q).toEqual({
      name: 'query',
      query: {
        type: 'simple',
        name: 'query',
        did: {
          event: { name: 'completedOrder' },
          condition: { type: 'atomic', attribute: 'properties.amount.total', operator: 'GTE', value: 100 },
          timeframe: { type: 'atomic', attribute: 'date', operator: 'GTE', value: '2026-01-01T00:00:00.000Z' }
        }
      }
    })
    expect('are' in q.query).toBe(false)
    valid(q)
  })

  it('fills a missing where or timeframe with "date is set", which every event satisfies', () => {
    const none = eventQuery('viewedProduct')
    expect(none.query).toEqual({
      type: 'simple',
      name: 'query',
      did: { event: { name: 'viewedProduct' }, condition: ALL_EVENTS, timeframe: ALL_EVENTS }
    })
    valid(none)
    const onlyWhere = eventQuery('viewedProduct', { where: eq('properties.name', 'Lamp') })
    expect(onlyWhere.query.type === 'simple' && onlyWhere.query.did?.timeframe).toEqual(ALL_EVENTS)
    valid(onlyWhere)
    const onlyTime = eventQuery('viewedProduct', { timeframe: lte('date', '2026-01-01T00:00:00Z') })
    expect(onlyTime.query.type === 'simple' && onlyTime.query.did?.condition).toEqual(ALL_EVENTS)
    valid(onlyTime)
  })

  it('takes every helper in both positions, dates as ISO date-times, and a name', () => {
    const q = eventQuery(
      'completedOrder',
      {
        where: or(
          and(gt('properties.amount.total', 99.5), neq('properties.paymentMethod', 'cash')),
          isIn('properties.products.sku', ['a', 'b']),
          notIn('properties.type', ['return']),
          isNull('properties.amount'),
          isNotNull('properties.extraProperties.campaign'),
          between('properties.amount.revenue', 1, 2)
        ),
        timeframe: between('date', new Date(Date.UTC(2026, 0, 1)), new Date(Date.UTC(2026, 11, 31, 23, 59, 59)))
      },
      'big orders'
    )
    expect(q.name).toBe('big orders')
    expect(q.query.type === 'simple' && q.query.did?.timeframe).toEqual({
      type: 'atomic',
      attribute: 'date',
      operator: 'BETWEEN',
      value: ['2026-01-01T00:00:00.000Z', '2026-12-31T23:59:59.000Z']
    })
    valid(q)
  })

  it('combines with customer queries', () => {
    const orders = eventQuery('completedOrder', { where: gte('properties.amount.total', 100) })
    const milano = customerQuery(eq('base.address.city', 'Milano'))
    const q = intersect(orders, milano)
    expect(q.query).toEqual({
      type: 'combined',
      name: 'query',
      conjunction: 'INTERSECT',
      queries: [orders.query, milano.query]
    })
    valid(q)
    valid(union(eventQuery('viewedProduct'), except(milano, eventQuery('abandonedCart'))))
  })

  it('writes a query the schema accepts for every standard event type', () => {
    for (const type of STANDARD_EVENT_TYPES) valid(eventQuery(type))
  })
})

describe('the did form, decoded', () => {
  const did = {
    event: { name: 'completedOrder' },
    condition: { type: 'atomic', attribute: 'properties.amount.total', operator: 'GTE', value: 100 },
    timeframe: ALL_EVENTS
  }

  it('the schema and the codec refuse a did without its condition, timeframe or event name', () => {
    for (const missing of ['event', 'condition', 'timeframe'] as const) {
      const { [missing]: _, ...rest } = did
      const q = { name: 'q', query: { type: 'simple', did: rest } }
      expect(validate(q)).toBe(false)
      expect(E.isLeft(QueryCodec.decode(q))).toBe(true)
      expect(E.isLeft(parseQuery(JSON.stringify(q)))).toBe(true)
    }
    const noName = { ...did, event: {} }
    expect(validate({ name: 'q', query: { type: 'simple', did: noName } })).toBe(false)
    expect(E.isLeft(DidClauseCodec.decode(noName))).toBe(true)
    expect(E.isLeft(DidClauseCodec.decode({ ...did, condition: { type: 'atomic', operator: 'GTE' } }))).toBe(true)
  })

  it('a simple query needs are, did or both', () => {
    expect(E.isLeft(SimpleQueryCodec.decode({ type: 'simple', name: 'q' }))).toBe(true)
    expect(SimpleQueryCodec.is({ type: 'simple' })).toBe(false)
    const both = {
      type: 'simple',
      are: { condition: { type: 'atomic', attribute: 'base.firstName', operator: 'EQUALS', value: 'Ada' } },
      did
    }
    expect(SimpleQueryCodec.decode(both)).toEqual(E.right(both))
    expect(validate({ name: 'q', query: both })).toBe(true)
    const errors = expectLeft(parseQuery(JSON.stringify({ name: 'q', query: { type: 'simple' } })))
    expect(errors.map((e) => e.path)).toEqual(['/query/are'])
  })

  it('the emulator names the broken part of a did with a JSON pointer', () => {
    const bad = {
      name: 'q',
      query: { type: 'simple', did: { ...did, timeframe: { type: 'atomic', attribute: 'date' } } }
    }
    const errors = expectLeft(parseQuery(JSON.stringify(bad)))
    expect(errors.map((e) => e.path)).toEqual(['/query/did/timeframe/operator'])
    const wrongPath = { name: 'q', query: { type: 'simple', did: { ...did, timeframe: isNotNull('base.address') } } }
    expect(expectLeft(parseQuery(JSON.stringify(wrongPath))).map((e) => e.path)).toEqual([
      '/query/did/timeframe/attribute'
    ])
  })
})
