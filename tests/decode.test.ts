// decode(codec, value): the exported codecs on the user's own data, failing with the library's DecodeError.
import { describe, expect, it } from 'vitest'
import * as t from '#io-ts/index'
import * as E from '#fp-ts/Either'
import { decode, decodeWith } from '../src/decode'
import { Customer } from '../src/codecs/customer'
import { EventCodec } from '../src/codecs/event'
import { Segment } from '../src/codecs/segment'
import { LenientTimestamp, Timestamp } from '../src/codecs/common'
import { isContacthubError, renderError } from '../src/error'
import { expectLeft, expectRight } from './helpers/either'
import { wireCustomer } from './helpers/fixtures'

const wireEvent = {
  id: 'ev-1',
  customerId: 'cu-1',
  bringBackProperties: null,
  type: 'viewedProduct',
  context: 'ECOMMERCE',
  date: '2023-05-04T10:18:17.000+0000',
  properties: { id: 'p-1', name: 'Lamp', price: 100 },
  contextInfo: {},
  registeredAt: '2023-05-04T11:41:45.567+0000',
  tracking: null
}

describe('decode', () => {
  it('decodes a customer as the operations do: +0000 timestamps become ISO UTC, and the input is left alone', () => {
    const wire = wireCustomer('c1', { firstName: 'Ada' })
    const before = JSON.stringify(wire)
    const c = expectRight(decode(Customer, wire))
    expect(c.id).toBe('c1')
    expect(c.base?.firstName).toBe('Ada')
    expect(c.registeredAt).toBe('2017-03-09T11:31:31.842Z')
    expect(c.updatedAt).toBe('2017-03-10T11:31:31.842Z')
    expect(JSON.stringify(wire)).toBe(before)
  })

  it('a customer with a bad nested field is a DecodeError with its path', () => {
    const bad = wireCustomer('c1', {
      contacts: { email: 42, fax: null, mobilePhone: null, phone: null, otherContacts: [], mobileDevices: [] }
    })
    const e = expectLeft(decode(Customer, bad))
    expect(isContacthubError(e)).toBe(true)
    expect(e).toEqual({
      _tag: 'DecodeError',
      message: 'decode: the value is not a valid Customer.',
      errors: ['base.contacts.email: expected string | null, got 42'],
      method: '',
      path: ''
    })
    expect(renderError(e)).toBe(
      'DecodeError: decode: the value is not a valid Customer. (base.contacts.email: expected string | null, got 42)'
    )
  })

  it('reports every bad field, the same messages as a decoded answer', () => {
    const bad = wireCustomer('c1', {}, { registeredAt: 'yesterday', enabled: 'yes' })
    const e = expectLeft(decode(Customer, bad))
    expect(e._tag === 'DecodeError' && [...e.errors].sort()).toEqual([
      'enabled: expected boolean | null, got "yes"',
      'registeredAt: expected Timestamp | null, got "yesterday"'
    ])
    // The messages an operation's DecodeError carries for the same body (the request core decodes with decodeWith).
    expect(e._tag === 'DecodeError' && e.errors).toEqual(expectLeft(decodeWith(Customer)(bad)))
  })

  it('decodes an event, and refuses one with a bad date', () => {
    const ev = expectRight(decode(EventCodec, wireEvent))
    expect(ev.date).toBe('2023-05-04T10:18:17.000Z')
    expect(ev.registeredAt).toBe('2023-05-04T11:41:45.567Z')
    const e = expectLeft(decode(EventCodec, { ...wireEvent, date: '04/05/2023' }))
    expect(e).toMatchObject({ _tag: 'DecodeError', message: 'decode: the value is not a valid Event.' })
    expect(e._tag === 'DecodeError' && e.errors).toEqual([expect.stringMatching(/^date: /)])
  })

  it('decodes timestamps with the +0000 offset', () => {
    expect(decode(Timestamp, '2017-03-08T10:18:17.000+0000')).toEqual(E.right('2017-03-08T10:18:17.000Z'))
    expect(decode(LenientTimestamp, '2017-03-08T10:18:17.000+0000')).toEqual(E.right('2017-03-08T10:18:17.000Z'))
    const e = expectLeft(decode(Timestamp, '2017-03-08'))
    expect(e).toMatchObject({ _tag: 'DecodeError', message: 'decode: the value is not a valid Timestamp.' })
    expect(e._tag === 'DecodeError' && e.errors[0]).toMatch(/^\(root\): /)
  })

  it('a value that is not an object at all, and a codec of the user', () => {
    expect(expectLeft(decode(Segment, null))).toMatchObject({
      _tag: 'DecodeError',
      errors: ['(root): expected Segment, got null']
    })
    const Webhook = t.type({ customerId: t.string, at: Timestamp })
    expect(decode(Webhook, { customerId: 'c', at: '2017-03-08T10:18:17.000+0000' })).toEqual(
      E.right({ customerId: 'c', at: '2017-03-08T10:18:17.000Z' })
    )
    const e = expectLeft(decode(Webhook, { customerId: 1, at: '2017-03-08T10:18:17.000+0000' }))
    expect(e._tag === 'DecodeError' && e.errors).toEqual(['customerId: expected string, got 1'])
    // io-ts names an inline struct by its fields; a long name is cut in the message.
    expect(e.message).toMatch(/^decode: the value is not a valid \{ customerId: string, at: Timestamp \}\.$/)
  })

  it('never throws: a codec that throws is a DecodeError', () => {
    const Throwing = new t.Type<string, string, unknown>(
      'Throwing',
      (u): u is string => typeof u === 'string',
      () => {
        throw new Error('boom')
      },
      (a) => a
    )
    const e = expectLeft(decode(Throwing, 'x'))
    expect(e._tag).toBe('DecodeError')
  })
})
