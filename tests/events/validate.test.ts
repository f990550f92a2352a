// validateEvent against every standard event type and context, with cases generated from scripts/events/plan.json
// at test time: a complete valid object passes; a wrong type at any position, an unknown field in any closed object
// and a missing required field each fail with exactly one problem, at the exact path.
import { describe, expect, it } from 'vitest'
import { STANDARD_EVENT_CONTEXTS, STANDARD_EVENT_TYPES, validateEvent } from '../../src/index'
import { expectLeft, expectRight } from '../helpers/either'
import {
  dotted,
  mutate,
  plan,
  positions,
  PREFIX,
  problems,
  validValue,
  wrongValue,
  type Path,
  type PlanNode
} from './validate-support'

const customerId = 'c-1'

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const eventOf = (type: string, properties: unknown): Record<string, unknown> => ({
  type,
  context: 'WEB',
  customerId,
  properties
})

const withContext = (context: string, contextInfo: unknown): Record<string, unknown> => ({
  type: 'viewedPage',
  context,
  customerId,
  properties: {},
  contextInfo
})

/** The one problem of a failure, as `path: message`. */
const onlyProblem = (event: unknown): string => {
  const e = expectLeft(validateEvent(event))
  expect(e._tag).toBe('InvalidInput')
  const all = problems(e.message)
  expect(all).toHaveLength(1)
  return all[0] ?? ''
}

interface Case {
  readonly name: string
  readonly root: PlanNode
  readonly at: string
  readonly build: (value: unknown) => Record<string, unknown>
}

const cases: ReadonlyArray<Case> = [
  ...Object.entries(plan.events).map(([type, root]) => ({
    name: type,
    root,
    at: 'properties',
    build: (v: unknown) => eventOf(type, v)
  })),
  ...Object.entries(plan.contexts).map(([context, root]) => ({
    name: context,
    root,
    at: 'contextInfo',
    build: (v: unknown) => withContext(context, v)
  }))
]

describe('the plan covers every standard type and context', () => {
  it('has a schema for each standard type but eventRegistered, and one for each context', () => {
    expect(Object.keys(plan.events).sort()).toEqual(STANDARD_EVENT_TYPES.filter((t) => t !== 'eventRegistered').sort())
    expect(Object.keys(plan.contexts).sort()).toEqual([...STANDARD_EVENT_CONTEXTS].sort())
  })
})

describe.each(cases)('$name', ({ root, at, build }) => {
  const valid = validValue(root)
  const where = (path: Path): string => dotted([at, ...path])

  it('a complete valid object passes, unchanged', () => {
    const event = build(valid)
    expect(expectRight(validateEvent(event))).toBe(event)
  })

  it('a wrong type at any position fails with that path', () => {
    const checked = positions(root).filter(({ path, node }) => path.length > 0 && node.type !== 'any')
    expect(checked.length).toBeGreaterThan(0)
    for (const { path, node } of checked) {
      const bad = wrongValue(node)
      const problem = onlyProblem(build(mutate(valid, path, (parent, key) => (parent[key] = bad))))
      expect(problem).toBe(
        `${where(path)}: expected ${node.enum === undefined ? node.type : `one of ${node.enum.map((v) => JSON.stringify(v)).join(', ')}`}${node.nullable === true ? ' or null' : ''}, got ${JSON.stringify(bad)}`
      )
    }
  })

  it('a value out of its enum, format or bounds fails with that path', () => {
    const set = (path: Path, v: unknown): string =>
      onlyProblem(build(mutate(valid, path, (parent, key) => (parent[key] = v))))
    for (const { path, node } of positions(root).filter((p) => p.path.length > 0)) {
      if (node.enum !== undefined)
        expect(set(path, 'zz')).toBe(
          `${where(path)}: expected one of ${node.enum.map((v) => JSON.stringify(v)).join(', ')}${node.nullable === true ? ' or null' : ''}, got "zz"`
        )
      else if (node.format !== undefined)
        expect(set(path, 'not valid')).toMatch(
          new RegExp(`^${escape(where(path))}: expected an? [^,;]+, got "not valid"$`)
        )
      if (node.minimum !== undefined)
        expect(set(path, node.minimum - 1)).toBe(
          `${where(path)}: expected at least ${node.minimum}, got ${node.minimum - 1}`
        )
      if (node.maximum !== undefined)
        expect(set(path, node.maximum + 1)).toBe(
          `${where(path)}: expected at most ${node.maximum}, got ${node.maximum + 1}`
        )
    }
  })

  it('an unknown field in any closed object fails with its path', () => {
    const closed = positions(root).filter(({ node }) => node.type === 'object' && node.closed === true)
    expect(closed.length).toBeGreaterThan(0)
    for (const { path } of closed) {
      const target = [...path, 'zzUnknown']
      expect(onlyProblem(build(mutate(valid, target, (parent, key) => (parent[key] = 1))))).toBe(
        `${where(target)}: not allowed`
      )
    }
  })

  it('a missing required field fails with its path, where there is one', () => {
    const required = positions(root).flatMap(({ path, node }) => (node.required ?? []).map((k) => [...path, k]))
    for (const path of required) {
      expect(onlyProblem(build(mutate(valid, path, (parent, key) => delete parent[key])))).toBe(
        `${where(path)}: missing (required)`
      )
    }
  })
})

describe('eventRegistered has no schema: its properties are any JSON object', () => {
  it('passes with any JSON properties, fails with a non-object', () => {
    expectRight(validateEvent(eventOf('eventRegistered', { any: [{ thing: null }] })))
    expect(onlyProblem(eventOf('eventRegistered', [1]))).toBe('properties: expected object, got an array')
  })
})

describe('the messages of the issue', () => {
  it('names each path and what was found', () => {
    const e = expectLeft(
      validateEvent({
        type: 'completedOrder',
        context: 'ECOMMERCE',
        customerId,
        properties: {
          orderID: 'o-1',
          amount: { total: '12' },
          products: [{ price: 1 }, { price: 2 }, { price: '3', type: 'gift' }],
          paymentMethod: null
        }
      })
    )
    expect(e).toEqual({
      _tag: 'InvalidInput',
      message:
        PREFIX +
        [
          'properties.orderID: not allowed',
          'properties.amount.total: expected number, got "12"',
          'properties.products[2].price: expected number, got "3"',
          'properties.products[2].type: expected one of "sale", "return", got "gift"',
          'properties.paymentMethod: expected one of "cash", "creditcard", "debitcard", "paypal", "other", got null'
        ].join('; ') +
        '.'
    })
  })

  it('checks formats strictly, integers, bounds and nullables', () => {
    const at = (properties: unknown, context = 'WEB', contextInfo?: unknown) =>
      problems(
        expectLeft(
          validateEvent({
            type: 'completedOrder',
            context,
            customerId,
            properties,
            ...(contextInfo === undefined ? {} : { contextInfo })
          })
        ).message
      )
    expect(at({ products: [{ imageUrl: 'not a uri', orderLineId: 1.5, itemQuantity: null }] })).toEqual([
      'properties.products[0].imageUrl: expected an absolute URI such as https://example.com/, got "not a uri"',
      'properties.products[0].orderLineId: expected integer, got 1.5'
    ])
    expect(
      at({}, 'WEB', { client: { ip: '256.1.1.1', localization: { geo: { lat: 91, lon: -181 } } }, user: { id: 'u' } })
    ).toEqual([
      'contextInfo.client.ip: expected an IPv4 address such as 192.0.2.1, got "256.1.1.1"',
      'contextInfo.client.localization.geo.lat: expected at most 90, got 91',
      'contextInfo.client.localization.geo.lon: expected at least -180, got -181'
    ])
  })

  it('renders keys that are not identifiers in brackets', () => {
    expect(onlyProblem(eventOf('viewedPage', { 'a b': 1 }))).toBe('properties["a b"]: not allowed')
  })

  it('lists at most 10 problems and counts the rest', () => {
    const products = Array.from({ length: 50 }, () => ({ price: 'free' }))
    const all = problems(expectLeft(validateEvent(eventOf('completedOrder', { products }))).message)
    expect(all).toHaveLength(11)
    expect(all[0]).toBe('properties.products[0].price: expected number, got "free"')
    expect(all[9]).toBe('properties.products[9].price: expected number, got "free"')
    expect(all[10]).toBe('... and 40 more')
  })
})

describe('the event around its properties', () => {
  const ok = { type: 'viewedPage', context: 'WEB', customerId, properties: { url: 'https://example.com/' } }

  it('accepts each way of naming the customer, an absent properties, a date, tracking and updateEvent’s id', () => {
    for (const event of [
      ok,
      { ...ok, customerId: undefined, sessionId: 's-1' },
      { ...ok, externalId: 'x-1' },
      { type: 'loggedIn', context: 'MOBILE', customerId },
      { ...ok, date: new Date('2026-01-31T09:30:00Z') },
      { ...ok, date: '2026-01-31T09:30:00.000+0000' },
      { ...ok, date: '2026-01-31' },
      { ...ok, tracking: { ga: { utm_source: 'newsletter' } } },
      { ...ok, id: 'e-1' }
    ])
      expectRight(validateEvent(event))
  })

  it.each([
    [{ ...ok, type: 'viewedPageX' }, 'type: expected a standard event type (e.g. "viewedPage"), got "viewedPageX"'],
    [{ ...ok, context: 'web' }, 'context: expected a standard event context (e.g. "WEB"), got "web"'],
    [{ ...ok, propertes: {} }, 'propertes: not allowed'],
    [{ ...ok, customerId: '' }, 'customerId: expected a non-empty string, got ""'],
    [
      { ...ok, customerId: undefined },
      'customerId: missing (the event names its customer by customerId, sessionId or externalId)'
    ],
    [{ ...ok, sessionId: 's', externalId: 'x' }, 'externalId: not allowed with sessionId (one or the other)'],
    [{ ...ok, date: '2026-02-30' }, 'date: expected a valid Date or a date-time string, got "2026-02-30"'],
    [{ ...ok, date: new Date(Number.NaN) }, 'date: expected a valid Date or a date-time string, got a Date'],
    [{ ...ok, properties: null }, 'properties: expected object, got null'],
    [{ ...ok, contextInfo: null }, 'contextInfo: expected object, got null'],
    [{ ...ok, tracking: 'utm' }, 'tracking: expected object, got "utm"']
  ])('%j fails: %s', (event, problem) => {
    expect(onlyProblem(event)).toBe(problem)
  })

  it('refuses what is not an object', () => {
    for (const [u, shown] of [
      [null, 'null'],
      [[], 'an array'],
      ['viewedPage', '"viewedPage"'],
      [undefined, 'undefined']
    ] as const)
      expect(expectLeft(validateEvent(u))).toEqual({
        _tag: 'InvalidInput',
        message: `validateEvent: the event must be an object, got ${shown}.`
      })
  })
})
