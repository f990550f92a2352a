import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from '#fp-ts/Either'
import {
  EventCodec,
  EventContextCodec,
  EventTypeCodec,
  STANDARD_EVENT_CONTEXTS,
  STANDARD_EVENT_TYPES
} from '../../src/codecs/event'
import { pageOf } from '../../src/codecs/page'
import { decodeWith } from '../../src/decode'
import { expectRight } from '../helpers/either'

// Shaped like the API's answers (nulls for unset fields, `+0000` timestamps, fields the spec does not list).
const wireEvent = {
  id: 'ev-1',
  customerId: 'cu-1',
  bringBackProperties: null,
  type: 'viewedProduct',
  context: 'ECOMMERCE',
  date: '2023-05-04T10:18:17.000+0000',
  properties: { id: 'p-1', sku: 'SKU-1', name: 'Lamp', price: 100, category: ['home', 'light'] },
  contextInfo: { client: { userAgent: 'test-agent', ip: '10.0.0.1' } },
  registeredAt: '2023-05-04T11:41:45.567+0000',
  tracking: null,
  href: 'https://example.invalid/events/ev-1'
}

describe('EventCodec', () => {
  it('decodes an event, timestamps as ISO UTC strings', () => {
    const e = expectRight(EventCodec.decode(wireEvent))
    expect(e).toMatchObject({
      id: 'ev-1',
      customerId: 'cu-1',
      type: 'viewedProduct',
      context: 'ECOMMERCE',
      date: '2023-05-04T10:18:17.000Z',
      registeredAt: '2023-05-04T11:41:45.567Z',
      properties: wireEvent.properties,
      contextInfo: wireEvent.contextInfo,
      bringBackProperties: null,
      tracking: null
    })
    expect(e.mode).toBeUndefined()
  })

  it('decodes bring-back properties, tracking, mode, and a customer not yet known', () => {
    const decoded = EventCodec.decode({
      ...wireEvent,
      customerId: null,
      bringBackProperties: { type: 'SESSION_ID', value: 's-1', nodeId: 'n' },
      tracking: { ga: { utm_source: 'newsletter' } },
      mode: 'ACTIVE',
      type: 'aTypeAddedLater',
      context: 'SOMEWHERE_NEW'
    })
    expect(decoded).toMatchObject(
      E.right({
        customerId: null,
        bringBackProperties: { type: 'SESSION_ID', value: 's-1', nodeId: 'n' },
        tracking: { ga: { utm_source: 'newsletter' } },
        mode: 'ACTIVE',
        type: 'aTypeAddedLater',
        context: 'SOMEWHERE_NEW'
      })
    )
  })

  it('keeps a bring-back type and a mode the client does not know, as the server sent them', () => {
    const decoded = decodeWith(EventCodec)({
      ...wireEvent,
      bringBackProperties: { type: 'COOKIE', value: 'x', nodeId: 'n' },
      mode: 'AUTOMATIC'
    })
    expect(decoded).toMatchObject(E.right({ bringBackProperties: { type: 'COOKIE' }, mode: 'AUTOMATIC' }))
    expect(E.isLeft(decodeWith(EventCodec)({ ...wireEvent, mode: 5 }))).toBe(true)
  })

  it('takes absent or null nullable fields, properties and contextInfo', () => {
    const { bringBackProperties: _b, tracking: _t, customerId: _c, contextInfo: _i, ...rest } = wireEvent
    const decoded = EventCodec.decode({ ...rest, properties: null })
    expect(decoded).toMatchObject(
      E.right({ customerId: null, bringBackProperties: null, tracking: null, properties: {}, contextInfo: {} })
    )
  })

  it('decodes timestamps strictly, and names what is wrong', () => {
    const check = decodeWith(EventCodec)
    expect(check({ ...wireEvent, date: '2023-05-04' })).toEqual(E.left(['date: expected Timestamp, got "2023-05-04"']))
    expect(check({ ...wireEvent, registeredAt: 'yesterday' })).toEqual(
      E.left(['registeredAt: expected Timestamp, got "yesterday"'])
    )
    expect(check({ ...wireEvent, id: 7 })).toEqual(E.left(['id: expected string, got 7']))
    // bringBackProperties.type is open (a type the API adds decodes); a non-string still fails.
    expect(E.isLeft(check({ ...wireEvent, bringBackProperties: { type: 1, value: 'x', nodeId: 'n' } }))).toBe(true)
    expect(E.isLeft(check({ ...wireEvent, properties: [] }))).toBe(true)
    expect(E.isLeft(check({ ...wireEvent, type: 3 }))).toBe(true)
  })

  it('decodes a page of events', () => {
    const page = pageOf(EventCodec).decode({
      elements: [wireEvent, { ...wireEvent, id: 'ev-2' }],
      page: { size: 10, totalUnfilteredElements: 0, totalElements: 2, totalPages: 1, number: 0 }
    })
    expect(expectRight(page).elements.map((e) => e.id)).toEqual(['ev-1', 'ev-2'])
  })

  it('encodes timestamps back in the wire form', () => {
    const decoded = expectRight(EventCodec.decode(wireEvent))
    expect(EventCodec.encode(decoded)).toMatchObject({
      date: '2023-05-04T10:18:17.000+0000',
      registeredAt: '2023-05-04T11:41:45.567+0000'
    })
  })

  it('decodes any string as a type or a context', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(EventTypeCodec.decode(s)).toEqual(E.right(s))
        expect(EventContextCodec.decode(s)).toEqual(E.right(s))
      })
    )
  })
})

describe('event types and contexts', () => {
  it('lists the standard ones, without duplicates', () => {
    expect(STANDARD_EVENT_TYPES).toContain('viewedProduct')
    expect(STANDARD_EVENT_TYPES).toContain('completedOrder')
    expect(new Set(STANDARD_EVENT_TYPES).size).toBe(STANDARD_EVENT_TYPES.length)
    expect(STANDARD_EVENT_CONTEXTS).toEqual([
      'WEB',
      'MOBILE',
      'ECOMMERCE',
      'RETAIL',
      'SOCIAL',
      'DIGITAL_CAMPAIGN',
      'CONTACT_CENTER',
      'IOT',
      'OTHER'
    ])
  })
})
