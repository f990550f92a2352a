// Type tests of typed event inputs beyond one schema at a time (the per-schema cases are generated:
// types.generated.test-d.ts): what addEvent and updateEvent infer, the default EventInput union, the escape hatch for
// custom types, and decoded events that stay open. Checked by tsc through vitest's typecheck (never run).
import { describe, expectTypeOf, it } from 'vitest'
import {
  addEvent,
  customEventType,
  updateEvent,
  type CompletedOrderProperties,
  type Context,
  type CustomEventType,
  type EcommerceContextInfo,
  type Event,
  type EventInput,
  type EventInputBase,
  type EventPropertiesMap,
  type EventPropertiesOf,
  type JsonObject,
  type StandardEventType,
  type WebContextInfo
} from 'contacthub-fp'

declare const ctx: Context
declare const customerId: string
declare const anyString: string

describe('addEvent and updateEvent', () => {
  it('infer the type and the context from their literals', () => {
    type Param<T extends StandardEventType, C extends 'WEB' | 'ECOMMERCE'> = EventInputBase<T, C>
    expectTypeOf<Param<'completedOrder', 'ECOMMERCE'>['properties']>().toEqualTypeOf<
      CompletedOrderProperties | undefined
    >()
    expectTypeOf<Param<'completedOrder', 'ECOMMERCE'>['contextInfo']>().toEqualTypeOf<
      EcommerceContextInfo | undefined
    >()
    addEvent(ctx, {
      type: 'completedOrder',
      context: 'ECOMMERCE',
      customerId,
      properties: { orderId: 'o-1', amount: { total: 42, local: { currency: 'EUR' } }, paymentMethod: 'paypal' },
      contextInfo: { store: { id: 's-1', name: 'Milano' } }
    })
    updateEvent(ctx, 'e-1', {
      type: 'viewedPage',
      context: 'WEB',
      customerId,
      properties: { url: 'https://example.com/' },
      date: new Date()
    })
  })

  it('keep the three ways to name a customer, and refuse none or two bring-back ids', () => {
    addEvent(ctx, { type: 'loggedIn', context: 'WEB', customerId })
    addEvent(ctx, { type: 'loggedIn', context: 'WEB', sessionId: 's-1' })
    addEvent(ctx, { type: 'loggedIn', context: 'WEB', externalId: 'x-1', customerId })
    // @ts-expect-error: no customer
    addEvent(ctx, { type: 'loggedIn', context: 'WEB' })
    // @ts-expect-error: a session id and an external id
    addEvent(ctx, { type: 'loggedIn', context: 'WEB', sessionId: 's-1', externalId: 'x-1' })
  })

  it('refuse a type or a context that is not standard, and a wide string', () => {
    // @ts-expect-error: not a standard type
    addEvent(ctx, { type: 'boughtSomething', context: 'WEB', customerId })
    // @ts-expect-error: not a standard context
    addEvent(ctx, { type: 'loggedIn', context: 'SPACE', customerId })
    // @ts-expect-error: any string could be a typo
    addEvent(ctx, { type: anyString, context: 'WEB', customerId })
    // @ts-expect-error: updateEvent too
    updateEvent(ctx, 'e-1', { type: 'boughtSomething', context: 'WEB', customerId })
  })

  it("check properties by the type's schema and contextInfo by the context's, required properties included", () => {
    addEvent(ctx, {
      type: 'addedReward',
      context: 'WEB',
      customerId,
      // @ts-expect-error: rewardTypeId is required
      properties: { rewardAmount: 10 }
    })
    addEvent(ctx, {
      type: 'completedOrder',
      context: 'WEB',
      customerId,
      // @ts-expect-error: store is ECOMMERCE's, not WEB's
      contextInfo: { store: { id: 's-1' } }
    })
    addEvent(ctx, {
      type: 'completedOrder',
      context: 'ECOMMERCE',
      customerId,
      // @ts-expect-error: not one of the payment methods
      properties: { paymentMethod: 'barter' }
    })
  })

  it('take an EventInput union as it is (e.g. a list of mixed events)', () => {
    const events: ReadonlyArray<EventInput> = [
      { type: 'viewedPage', context: 'WEB', customerId, properties: { url: 'https://example.com/' } },
      { type: 'completedOrder', context: 'ECOMMERCE', customerId, properties: { orderId: 'o-1' } }
    ]
    for (const e of events) addEvent(ctx, e)
    const wrong: ReadonlyArray<EventInput> = [
      // @ts-expect-error: url belongs to viewedPage, not to completedOrder
      { type: 'completedOrder', context: 'ECOMMERCE', customerId, properties: { url: 'https://example.com/' } }
    ]
    expectTypeOf(wrong).toEqualTypeOf<ReadonlyArray<EventInput>>()
  })
})

describe('EventInput', () => {
  it('is, for one type and context, that schema pair; by default the union of them all', () => {
    expectTypeOf<EventInput<'loggedIn', 'WEB'>['contextInfo']>().toEqualTypeOf<WebContextInfo | undefined>()
    expectTypeOf<EventInput<'loggedIn', 'WEB'>['type']>().toEqualTypeOf<'loggedIn'>()
    expectTypeOf<EventInput['type']>().toEqualTypeOf<StandardEventType | CustomEventType>()
    expectTypeOf<EventInput<'completedOrder'>['properties']>().toEqualTypeOf<CompletedOrderProperties | undefined>()
  })

  it('maps every standard type to its properties, and any other to a JSON object', () => {
    expectTypeOf<keyof EventPropertiesMap>().toEqualTypeOf<StandardEventType>()
    expectTypeOf<EventPropertiesOf<'completedOrder'>>().toEqualTypeOf<CompletedOrderProperties>()
    expectTypeOf<EventPropertiesOf<CustomEventType>>().toEqualTypeOf<JsonObject>()
    expectTypeOf<EventPropertiesOf<'eventRegistered'>>().toEqualTypeOf<JsonObject>()
  })
})

describe('customEventType, the escape hatch for a type the workspace knows', () => {
  it('makes a custom type whose properties are any JSON object, in a standard context', () => {
    const signed = customEventType('signedPetition')
    expectTypeOf(signed).toEqualTypeOf<CustomEventType>()
    expectTypeOf(signed).toExtend<string>()
    addEvent(ctx, { type: signed, context: 'WEB', customerId, properties: { petitionId: 'p-1', pages: [1, 2] } })
    addEvent(ctx, { type: customEventType(anyString), context: 'IOT', externalId: 'x-1' })
    const e: EventInput = { type: signed, context: 'WEB', customerId }
    updateEvent(ctx, 'e-1', e)
    // @ts-expect-error: contextInfo keeps its context's type
    addEvent(ctx, { type: signed, context: 'WEB', customerId, contextInfo: { clientt: {} } })
    // @ts-expect-error: the context stays standard
    addEvent(ctx, { type: signed, context: 'MOON', customerId })
  })

  it('refuses a standard name (its properties have a schema) but takes a wide string', () => {
    // @ts-expect-error: completedOrder is standard
    customEventType('completedOrder')
    expectTypeOf(customEventType(anyString)).toEqualTypeOf<CustomEventType>()
  })

  it('is the only way to a custom type: a plain string is not one', () => {
    expectTypeOf<'signedPetition'>().not.toExtend<CustomEventType>()
    expectTypeOf<string>().not.toExtend<CustomEventType>()
  })
})

describe('decoded events', () => {
  it('stay open: any type, any context, properties as an open record', () => {
    expectTypeOf<'somethingNew'>().toExtend<Event['type']>()
    expectTypeOf<'SPACE'>().toExtend<Event['context']>()
    expectTypeOf<Event['properties']>().toEqualTypeOf<Readonly<Record<string, unknown>>>()
  })
})
