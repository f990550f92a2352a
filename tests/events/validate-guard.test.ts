// isEventOfType(type)(event): true only for a decoded event of that type whose properties match the type's schema;
// it narrows `properties` to that type's properties.
import { describe, expect, expectTypeOf, it } from 'vitest'
import { EventCodec, isEventOfType, type Event } from '../../src/index'
import type { CompletedOrderProperties } from '../../src/codecs/event-types'
import { expectRight } from '../helpers/either'

/** An event as the API sends it, decoded by the library's own codec. */
const decode = (type: string, properties: unknown): Event =>
  expectRight(
    EventCodec.decode({
      id: 'e-1',
      customerId: 'c-1',
      bringBackProperties: null,
      type,
      context: 'ECOMMERCE',
      date: '2026-01-31T09:30:00.000+0000',
      properties,
      contextInfo: null,
      tracking: null,
      registeredAt: '2026-01-31T09:30:01.000+0000'
    })
  )

const isOrder = isEventOfType('completedOrder')

describe('isEventOfType', () => {
  it('is true for that type with matching properties (null properties decode as {})', () => {
    expect(isOrder(decode('completedOrder', { orderId: 'o-1', amount: { total: 12 } }))).toBe(true)
    expect(isOrder(decode('completedOrder', null))).toBe(true)
  })

  it('is false for another type, and for properties that do not match', () => {
    expect(isOrder(decode('viewedPage', { orderId: 'o-1' }))).toBe(false)
    expect(isOrder(decode('completedOrder', { amount: { total: '12' } }))).toBe(false)
    expect(isOrder(decode('completedOrder', { orderID: 'o-1' }))).toBe(false)
    expect(isOrder(decode('completedOrder', { products: [{}, {}, { price: null }] }))).toBe(false)
  })

  it('eventRegistered has no schema: any properties object matches', () => {
    expect(isEventOfType('eventRegistered')(decode('eventRegistered', { anything: 1 }))).toBe(true)
  })

  it('filters a list and narrows its properties', () => {
    const events = [
      decode('completedOrder', { amount: { total: 12 } }),
      decode('viewedPage', { url: 'https://example.com/' }),
      decode('completedOrder', { amount: { total: 'twelve' } }),
      decode('completedOrder', { amount: { total: 30 } })
    ]
    const orders = events.filter(isOrder)
    expectTypeOf(orders[0]?.properties).toEqualTypeOf<(Event['properties'] & CompletedOrderProperties) | undefined>()
    expectTypeOf(orders.map((o) => o.properties.amount?.total)).toEqualTypeOf<Array<number | undefined>>()
    expect(orders.map((o) => o.properties.amount?.total)).toEqual([12, 30])
  })
})
