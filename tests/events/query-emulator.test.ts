// Event-based queries end to end: customers and their events go into the emulator through the client, and
// `getCustomers` / segments run `did` queries built by `eventQuery`. The emulator's clock is injected, so event
// dates are exact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index'
import {
  addCustomer,
  addEvent,
  addSegment,
  and,
  between,
  customerQuery,
  eq,
  eventQuery,
  except,
  getCustomers,
  getSegmentCustomers,
  gte,
  intersect,
  isIn,
  isNotNull,
  isNull,
  lt,
  union,
  type Condition,
  type Context,
  type Query,
  type TimeframeScope
} from '../../src/index'
import { expectLeft, expectRight } from '../helpers/either'

let emulator: Emulator
let ctx: Context
const ids: Record<string, string> = {}

const at = (iso: string): string => new Date(iso).toISOString()

/** The external ids of the customers a query selects, sorted. */
const who = async (query: Query): Promise<ReadonlyArray<string>> => {
  const page = expectRight(await getCustomers(ctx, { query, size: 50 })())
  return page.elements.map((c) => c.externalId ?? '?').sort()
}

const order = (customer: string, total: number, date: string, paymentMethod: 'cash' | 'paypal' = 'cash') =>
  addEvent(ctx, {
    customerId: ids[customer] ?? '',
    type: 'completedOrder',
    context: 'ECOMMERCE',
    date: at(date),
    properties: { orderId: `${customer}-${date}`, paymentMethod, amount: { total, revenue: total } }
  })

beforeAll(async () => {
  emulator = await startEmulator({ now: () => Date.parse('2026-06-01T12:00:00Z') })
  ctx = emulator.context
  const people: ReadonlyArray<readonly [string, string]> = [
    ['ada', 'Milano'],
    ['bob', 'Torino'],
    ['cyd', 'Milano'],
    ['dan', 'Milano'],
    ['eve', 'Roma']
  ]
  for (const [externalId, city] of people) {
    const c = expectRight(await addCustomer(ctx, { externalId, base: { address: { city } } })())
    ids[externalId] = c.id
  }
  // ada: a big order in 2026; bob: a big order in 2025 and a small one in 2026; cyd: a small order in 2026 and a
  // viewed product; dan: nothing; eve: a big order in 2026 paid with paypal.
  expectRight(await order('ada', 150, '2026-03-10T10:00:00Z')())
  expectRight(await order('bob', 300, '2025-11-20T10:00:00Z')())
  expectRight(await order('bob', 20, '2026-02-01T10:00:00Z')())
  expectRight(await order('cyd', 40, '2026-04-01T10:00:00Z')())
  expectRight(await order('eve', 120, '2026-05-05T10:00:00Z', 'paypal')())
  expectRight(
    await addEvent(ctx, {
      customerId: ids.cyd ?? '',
      type: 'viewedProduct',
      context: 'WEB',
      properties: { id: 'p-1', name: 'Lamp', price: 500 }
    })()
  )
  // An event that names a customer by a session nobody has yet: it counts for no one.
  expectRight(
    await addEvent(ctx, {
      sessionId: 'nobody-yet',
      type: 'completedOrder',
      context: 'ECOMMERCE',
      properties: { amount: { total: 999 } }
    })()
  )
})

afterAll(async () => {
  await emulator.close()
})

// Outside eventQuery, a timeframe says its scope: the helpers then take the event's date.
const in2026: Condition<TimeframeScope> = between(
  'date',
  new Date('2026-01-01T00:00:00Z'),
  new Date('2026-12-31T23:59:59.999Z')
)

describe('did, evaluated by the emulator', () => {
  it('selects the customers with at least one event of the type, whatever its properties and date by default', async () => {
    expect(await who(eventQuery('completedOrder'))).toEqual(['ada', 'bob', 'cyd', 'eve'])
    expect(await who(eventQuery('viewedProduct'))).toEqual(['cyd'])
    expect(await who(eventQuery('abandonedCart'))).toEqual([])
  })

  it('where: the properties of one event must match', async () => {
    expect(await who(eventQuery('completedOrder', { where: gte('properties.amount.total', 100) }))).toEqual([
      'ada',
      'bob',
      'eve'
    ])
    expect(
      await who(
        eventQuery('completedOrder', {
          where: and(gte('properties.amount.total', 100), eq('properties.paymentMethod', 'paypal'))
        })
      )
    ).toEqual(['eve'])
    expect(await who(eventQuery('completedOrder', { where: isIn('properties.paymentMethod', ['cash']) }))).toEqual([
      'ada',
      'bob',
      'cyd'
    ])
    // A condition on a property no event has.
    expect(await who(eventQuery('completedOrder', { where: isNotNull('properties.shippingMethod') }))).toEqual([])
    expect(await who(eventQuery('completedOrder', { where: isNull('properties.shippingMethod') }))).toEqual([
      'ada',
      'bob',
      'cyd',
      'eve'
    ])
  })

  it('timeframe: the date of that same event must match', async () => {
    expect(await who(eventQuery('completedOrder', { timeframe: in2026 }))).toEqual(['ada', 'bob', 'cyd', 'eve'])
    expect(
      await who(eventQuery('completedOrder', { timeframe: lt('date', new Date('2026-01-01T00:00:00Z')) }))
    ).toEqual(['bob'])
    // bob's big order was in 2025 and his 2026 order was small: one event must satisfy both conditions.
    expect(
      await who(eventQuery('completedOrder', { where: gte('properties.amount.total', 100), timeframe: in2026 }))
    ).toEqual(['ada', 'eve'])
    expect(
      await who(
        eventQuery('completedOrder', {
          where: gte('properties.amount.total', 100),
          timeframe: gte('date', '2026-04-01')
        })
      )
    ).toEqual(['eve'])
  })

  it('combines with customer queries through intersect, union and except', async () => {
    const bigIn2026 = eventQuery('completedOrder', { where: gte('properties.amount.total', 100), timeframe: in2026 })
    const milano = customerQuery(eq('base.address.city', 'Milano'))
    expect(await who(intersect(bigIn2026, milano))).toEqual(['ada'])
    expect(await who(union(bigIn2026, eventQuery('viewedProduct')))).toEqual(['ada', 'cyd', 'eve'])
    expect(await who(except(milano, eventQuery('completedOrder')))).toEqual(['dan'])
  })

  it('a segment with a did query selects the same customers', async () => {
    const query = eventQuery('completedOrder', { where: gte('properties.amount.total', 100), timeframe: in2026 })
    const segment = expectRight(await addSegment(ctx, { name: 'big spenders 2026', query })())
    const page = expectRight(await getSegmentCustomers(ctx, segment.id)())
    expect(page.elements.map((c) => c.externalId).sort()).toEqual(['ada', 'eve'])
  })

  it('answers 400 for a did on an unknown event type or a path that is not an event path', async () => {
    const unknownType: Query = {
      name: 'q',
      query: {
        type: 'simple',
        did: {
          event: { name: 'boughtSomething' },
          condition: { type: 'atomic', attribute: 'date', operator: 'IS_NOT_NULL' },
          timeframe: { type: 'atomic', attribute: 'date', operator: 'IS_NOT_NULL' }
        }
      }
    }
    const e1 = expectLeft(await getCustomers(ctx, { query: unknownType })())
    expect(e1._tag).toBe('HttpError')
    expect(e1.message).toContain('/query/did/event/name: unknown event type "boughtSomething"')
    const customerPath: Query = {
      name: 'q',
      query: {
        type: 'simple',
        did: {
          event: { name: 'completedOrder' },
          condition: { type: 'atomic', attribute: 'base.firstName', operator: 'EQUALS', value: 'Ada' },
          timeframe: { type: 'atomic', attribute: 'date', operator: 'IS_NOT_NULL' }
        }
      }
    }
    const e2 = expectLeft(await getCustomers(ctx, { query: customerPath })())
    expect(e2.message).toContain('/query/did/condition/attribute: unknown attribute "base.firstName"')
  })
})
