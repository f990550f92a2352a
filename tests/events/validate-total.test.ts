// validateEvent and isEventOfType are total: hostile values (cycles, throwing getters and proxies, deep nesting,
// huge lists, values JSON cannot carry) give an InvalidInput or false, never a throw.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isEventOfType, validateEvent, type Event } from '../../src/index'
import { MAX_SHAPE_DEPTH, MAX_SHAPE_VALUES } from '../../src/codecs/event-check'
import { expectLeft } from '../helpers/either'
import { problems } from './validate-support'

const base = { type: 'viewedPage', context: 'WEB', customerId: 'c-1' }

const failure = (event: unknown): ReadonlyArray<string> => {
  const e = expectLeft(validateEvent(event))
  expect(e._tag).toBe('InvalidInput')
  return problems(e.message)
}

/** `{ a: { a: ... } }`, `levels` objects deep, built without recursion. */
const nested = (levels: number): Record<string, unknown> => {
  let o: Record<string, unknown> = {}
  for (let i = 1; i < levels; i++) o = { a: o }
  return o
}

const decoded = (properties: unknown): Event =>
  ({
    id: 'e-1',
    customerId: 'c-1',
    type: 'completedOrder',
    context: 'ECOMMERCE',
    properties,
    contextInfo: {},
    date: '2026-01-31T09:30:00.000Z',
    registeredAt: '2026-01-31T09:30:01.000Z',
    bringBackProperties: null,
    tracking: null
  }) as Event

describe('hostile values', () => {
  it('a cycle in an open part is reported where it closes', () => {
    const extraProperties: Record<string, unknown> = { x: 1 }
    extraProperties.self = extraProperties
    expect(failure({ ...base, properties: { extraProperties } })).toEqual([
      'properties.extraProperties.self: refers back to an object that contains it (a cycle)'
    ])
  })

  it('a cycle through a typed part is reported too', () => {
    const properties: Record<string, unknown> = {}
    properties.extraProperties = { back: properties }
    expect(failure({ ...base, properties })).toEqual([
      'properties.extraProperties.back: refers back to an object that contains it (a cycle)'
    ])
  })

  it('a shared, acyclic object is fine', () => {
    const shared = { k: 'v' }
    expect(validateEvent({ ...base, properties: { extraProperties: { a: shared, b: shared } } })._tag).toBe('Right')
  })

  it('a getter that throws is reported at its path; the rest is still checked', () => {
    const extraProperties = Object.defineProperty({}, 'boom', {
      enumerable: true,
      get: () => {
        throw new Error('boom')
      }
    })
    expect(failure({ ...base, properties: { extraProperties, title: 1 } })).toEqual([
      'properties.extraProperties.boom: could not be read (its getter threw)',
      'properties.title: expected string, got 1'
    ])
  })

  it('a proxy that throws on every trap, as the event or inside it', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('get')
        },
        ownKeys: () => {
          throw new Error('ownKeys')
        },
        getPrototypeOf: () => {
          throw new Error('proto')
        }
      }
    )
    expect(validateEvent(hostile)._tag).toBe('Left')
    expect(failure({ ...base, properties: { extraProperties: hostile } })).toEqual([
      'properties.extraProperties: could not be read (a getter or proxy threw)'
    ])
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    expect(validateEvent(proxy)._tag).toBe('Left')
    expect(validateEvent({ ...base, properties: proxy })._tag).toBe('Left')
    expect(isEventOfType('completedOrder')(decoded(proxy))).toBe(false)
    expect(isEventOfType('completedOrder')(proxy as unknown as Event)).toBe(false)
  })

  it(`nesting deeper than ${MAX_SHAPE_DEPTH} levels is reported, however deep`, () => {
    // the event is level 1, properties 2, extraProperties 3
    expect(validateEvent({ ...base, properties: { extraProperties: nested(MAX_SHAPE_DEPTH - 2) } })._tag).toBe('Right')
    const [problem, ...rest] = failure({ ...base, properties: { extraProperties: nested(100_000) } })
    expect(rest).toEqual([])
    expect(problem).toBe(
      `properties.extraProperties${'.a'.repeat(MAX_SHAPE_DEPTH - 2)}: nested deeper than ${MAX_SHAPE_DEPTH} levels`
    )
    const deepList = [] as Array<unknown>
    let l = deepList
    for (let i = 0; i < 50_000; i++) l = l[0] = []
    expect(failure({ ...base, properties: { extraProperties: { l: deepList } } })[0]).toMatch(/nested deeper than/)
  })

  it(`more than ${MAX_SHAPE_VALUES} values is too large to check`, () => {
    const big = new Array<number>(MAX_SHAPE_VALUES + 10).fill(1)
    expect(failure({ ...base, properties: { extraProperties: { big } } })).toEqual([
      `properties.extraProperties.big[${MAX_SHAPE_VALUES - 3}]: too large to check (more than ${MAX_SHAPE_VALUES} values)`
    ])
  })

  it('values JSON cannot carry are refused in open parts; an undefined member is absent', () => {
    const extraProperties = {
      f: () => 1,
      s: Symbol('s'),
      b: BigInt(1),
      n: Number.NaN,
      i: Number.POSITIVE_INFINITY,
      d: new Date(0),
      m: new Map(),
      list: [undefined],
      absent: undefined
    }
    expect(failure({ ...base, properties: { extraProperties } })).toEqual([
      'properties.extraProperties.f: expected a JSON value, got a function',
      'properties.extraProperties.s: expected a JSON value, got a symbol',
      'properties.extraProperties.b: expected a JSON value, got 1n',
      'properties.extraProperties.n: expected a JSON value, got NaN',
      'properties.extraProperties.i: expected a JSON value, got Infinity',
      'properties.extraProperties.d: expected a JSON value, got a Date',
      'properties.extraProperties.m: expected a JSON value, got a Map',
      'properties.extraProperties.list[0]: expected a JSON value, got undefined'
    ])
  })

  it('no Date leniency: a Date where the schema wants a date-time string is refused', () => {
    expect(failure({ ...base, type: 'eventParticipated', properties: { checkIn: new Date() } })).toEqual([
      'properties.checkIn: expected string, got a Date'
    ])
  })

  it('a long string is cut in the message', () => {
    expect(failure({ ...base, properties: { title: 1, url: 'x'.repeat(10_000) } })[1]).toBe(
      `properties.url: expected an absolute URI such as https://example.com/, got "${'x'.repeat(37)}..."`
    )
  })

  it('anything at all: an Either, never a throw', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withMap: true, withSet: true, withTypedArray: true }), (u) => {
        expect(['Left', 'Right']).toContain(validateEvent(u)._tag)
        expect(['Left', 'Right']).toContain(validateEvent({ ...base, properties: u })._tag)
        expect(['Left', 'Right']).toContain(validateEvent({ ...base, properties: { extraProperties: u } })._tag)
        expect(typeof isEventOfType('viewedPage')({ ...decoded(u), type: 'viewedPage' })).toBe('boolean')
      }),
      { numRuns: 300 }
    )
  })
})
