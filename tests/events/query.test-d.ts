// Type-level tests of event queries: in `eventQuery`'s `where`, the condition helpers take the paths of the event
// type's properties with their value types; in its `timeframe`, the event's `date`. Checked by tsc through vitest's
// typecheck (never run): the run fails if an `@ts-expect-error` below stops being an error.
import { describe, expectTypeOf, it } from 'vitest'
import {
  and,
  between,
  customerQuery,
  eq,
  eventQuery,
  gt,
  gte,
  isIn,
  isNotNull,
  isNull,
  lt,
  neq,
  notIn,
  or,
  type EventAttributes,
  type EventObjectAttribute,
  type ScopeAttribute
} from '../../src/query'
import type { ComparisonCondition, Condition, EventScope, Query, TimeframeScope } from '../../src/codecs/query'
import type { EventQueryOptions } from '../../src/index'

describe('event attribute paths', () => {
  it('are the properties of the event type, with their value types', () => {
    expectTypeOf<EventAttributes<'completedOrder'>['properties.amount.total']>().toEqualTypeOf<number>()
    expectTypeOf<EventAttributes<'completedOrder'>['properties.orderId']>().toEqualTypeOf<string>()
    expectTypeOf<EventAttributes<'completedOrder'>['properties.paymentMethod']>().toEqualTypeOf<
      'cash' | 'creditcard' | 'debitcard' | 'paypal' | 'other'
    >()
    // lists are looked through; nullable values lose their null (IS_NULL tests it)
    expectTypeOf<EventAttributes<'completedOrder'>['properties.products.sku']>().toEqualTypeOf<string>()
    expectTypeOf<EventAttributes<'completedOrder'>['properties.products.vendor']>().toEqualTypeOf<string>()
    expectTypeOf<EventAttributes<'completedOrder'>['properties.products.category']>().toEqualTypeOf<string>()
    expectTypeOf<EventAttributes<'viewedProduct'>['properties.price']>().toEqualTypeOf<number>()
    // a free-form object takes any path below it
    expectTypeOf<'properties.extraProperties.campaign'>().toExtend<ScopeAttribute<EventScope<'completedOrder'>>>()
    expectTypeOf<'properties.anything'>().toExtend<ScopeAttribute<EventScope<'eventRegistered'>>>()
  })

  it('refuse what the event type does not have', () => {
    expectTypeOf<'properties.amount.totl'>().not.toExtend<ScopeAttribute<EventScope<'completedOrder'>>>()
    expectTypeOf<'amount.total'>().not.toExtend<ScopeAttribute<EventScope<'completedOrder'>>>()
    expectTypeOf<'base.firstName'>().not.toExtend<ScopeAttribute<EventScope<'completedOrder'>>>()
    expectTypeOf<'properties.paymentMethod'>().not.toExtend<ScopeAttribute<EventScope<'viewedProduct'>>>()
    expectTypeOf<'date'>().not.toExtend<ScopeAttribute<EventScope<'completedOrder'>>>()
    expectTypeOf<'properties.amount'>().toExtend<EventObjectAttribute<'completedOrder'>>()
    expectTypeOf<'properties.products'>().toExtend<EventObjectAttribute<'completedOrder'>>()
  })

  it('the timeframe has the date only', () => {
    expectTypeOf<ScopeAttribute<TimeframeScope>>().toEqualTypeOf<'date'>()
  })
})

describe('eventQuery', () => {
  it('accepts valid paths and values', () => {
    eventQuery('completedOrder')
    eventQuery('completedOrder', {})
    eventQuery('completedOrder', { where: gte('properties.amount.total', 100) })
    eventQuery('completedOrder', { timeframe: gte('date', new Date('2026-01-01')) })
    eventQuery('completedOrder', { timeframe: lt('date', '2026-01-01T00:00:00Z') })
    eventQuery('completedOrder', {
      where: and(
        gte('properties.amount.total', 100),
        or(eq('properties.paymentMethod', 'paypal'), neq('properties.type', 'return')),
        isIn('properties.products.sku', ['a', 'b']),
        notIn('properties.storeCode', ['x']),
        isNull('properties.amount'),
        isNotNull('properties.products'),
        eq('properties.extraProperties.campaign', 'spring'),
        between('properties.amount.revenue', 10, 20)
      ),
      timeframe: between('date', new Date('2026-01-01'), new Date('2026-12-31'))
    })
    eventQuery('viewedProduct', { where: gt('properties.price', 10) })
    expectTypeOf(eventQuery('viewedProduct')).toEqualTypeOf<Query>()
  })

  it('refuses a misspelt path', () => {
    // @ts-expect-error: completedOrder has no amount.totl
    eventQuery('completedOrder', { where: gte('properties.amount.totl', 100) })
    // @ts-expect-error: the properties are under `properties.`
    eventQuery('completedOrder', { where: gte('amount.total', 100) })
    // @ts-expect-error: viewedProduct has no paymentMethod
    eventQuery('viewedProduct', { where: eq('properties.paymentMethod', 'cash') })
    // @ts-expect-error: nested in and(), still checked
    eventQuery('completedOrder', { where: and(gte('properties.amount.total', 1), eq('properties.ordreId', 'x')) })
  })

  it('refuses a value of the wrong type', () => {
    // @ts-expect-error: amount.total is a number
    eventQuery('completedOrder', { where: gte('properties.amount.total', '100') })
    // @ts-expect-error: not one of the payment methods
    eventQuery('completedOrder', { where: eq('properties.paymentMethod', 'bitcoin') })
    // @ts-expect-error: list values are checked too
    eventQuery('completedOrder', { where: isIn('properties.orderId', [1, 2]) })
    // @ts-expect-error: the date is a Date or a string
    eventQuery('completedOrder', { timeframe: gte('date', 2026) })
  })

  it('refuses a customer path in the event position, and an event path elsewhere', () => {
    // @ts-expect-error: a customer attribute is not an event property
    eventQuery('completedOrder', { where: eq('base.firstName', 'Ada') })
    // @ts-expect-error: a customer attribute is not the timeframe
    eventQuery('completedOrder', { timeframe: gte('registeredAt', new Date()) })
    // @ts-expect-error: the timeframe names the date, not a property
    eventQuery('completedOrder', { timeframe: gte('properties.amount.total', 1) })
    // @ts-expect-error: the date belongs in the timeframe
    eventQuery('completedOrder', { where: gte('date', new Date()) })
    // @ts-expect-error: an event property is not a customer attribute
    customerQuery(gte('properties.amount.total', 100))
  })

  it('refuses a condition built for another scope or another event type', () => {
    const onCustomer = eq('base.firstName', 'Ada')
    const onOrder: Condition<EventScope<'completedOrder'>> = gte('properties.amount.total', 100)
    eventQuery('completedOrder', { where: onOrder })
    // @ts-expect-error: built for customers
    eventQuery('completedOrder', { where: onCustomer })
    // @ts-expect-error: built for another event type
    eventQuery('abandonedCart', { where: onOrder })
    // @ts-expect-error: not a standard event type
    eventQuery('boughtSomething')
  })

  it('keeps customer conditions as they were typed', () => {
    expectTypeOf(eq('base.firstName', 'Ada')).toEqualTypeOf<ComparisonCondition>()
    const onOrder: Condition<EventScope<'completedOrder'>> = gte('properties.amount.total', 1)
    expectTypeOf(onOrder).not.toEqualTypeOf<Condition>()
    // @ts-expect-error: without an event position, paths are customer paths
    gte('properties.amount.total', 1)
    expectTypeOf<EventQueryOptions<'completedOrder'>['where']>().toEqualTypeOf<
      Condition<EventScope<'completedOrder'>> | undefined
    >()
  })
})
