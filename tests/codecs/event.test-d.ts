// Type-level tests of the event types (src/codecs/event.ts), checked by tsc through vitest's typecheck (never run).
import { describe, expectTypeOf, it } from 'vitest'
import type { EventContext, EventInput, EventType, StandardEventType } from '../../src/codecs/event'

describe('event types', () => {
  it('offer the standard names and still take any string', () => {
    expectTypeOf<'viewedProduct'>().toExtend<EventType>()
    expectTypeOf<'somethingNew'>().toExtend<EventType>()
    expectTypeOf<string>().toExtend<EventType>()
    expectTypeOf<'WEB'>().toExtend<EventContext>()
    expectTypeOf<StandardEventType>().toExtend<EventType>()
    expectTypeOf<'notStandard'>().not.toExtend<StandardEventType>()
  })

  it('make an event input name its customer', () => {
    expectTypeOf({ type: 'loggedIn', context: 'WEB', customerId: 'c' } as const).toExtend<EventInput>()
    expectTypeOf({ type: 'loggedIn', context: 'WEB', sessionId: 's' } as const).toExtend<EventInput>()
    expectTypeOf({ type: 'loggedIn', context: 'WEB', externalId: 'x', customerId: 'c' } as const).toExtend<EventInput>()
    expectTypeOf({ type: 'loggedIn', context: 'WEB' } as const).not.toExtend<EventInput>()
    expectTypeOf({
      type: 'loggedIn',
      context: 'WEB',
      sessionId: 's',
      externalId: 'x'
    } as const).not.toExtend<EventInput>()
  })
})
