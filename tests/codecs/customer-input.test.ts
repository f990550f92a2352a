import { describe, expect, it } from 'vitest'
import * as E from '#fp-ts/Either'
import { decodeWith } from '../../src/decode'
import { Customer } from '../../src/codecs/customer'
import {
  encodeCustomerInput,
  encodeEducationInput,
  encodeJobInput,
  encodeLikeInput,
  encodeSubscriptionInput,
  type CustomerInput
} from '../../src/codecs/customer-input'
import { expectRight } from '../helpers/either'
import { wireCustomer } from '../helpers/fixtures'

describe('input encoders', () => {
  it('serialises Dates as the API wants them, keeps everything else, does not mutate', () => {
    const input = {
      externalId: 'e',
      base: {
        firstName: 'Ada',
        middleName: null,
        dob: new Date('1990-12-10T23:30:00Z'),
        jobs: [{ id: 'j', startDate: new Date('2012-10-06T00:00:00Z'), endDate: '2013-01-01' }],
        likes: [{ id: 'l', createdTime: new Date('2019-06-14T08:21:05.118Z') }],
        subscriptions: [{ id: 's', startDate: new Date('2018-10-06T00:00:00Z'), endDate: '2019-10-06' }]
      },
      consents: { disclaimer: { date: new Date('2018-05-25T09:00:00Z'), version: 'v2' } },
      extended: { at: 'keep' },
      unknown: 1
    }
    const copy = structuredClone(input)
    const wire = encodeCustomerInput(input)
    expect(wire).toEqual(
      E.right({
        externalId: 'e',
        base: {
          firstName: 'Ada',
          middleName: null,
          dob: '1990-12-10',
          jobs: [{ id: 'j', startDate: '2012-10-06', endDate: '2013-01-01' }],
          likes: [{ id: 'l', createdTime: '2019-06-14T08:21:05.118Z' }],
          subscriptions: [{ id: 's', startDate: '2018-10-06T00:00:00.000Z', endDate: '2019-10-06T00:00:00.000Z' }]
        },
        consents: { disclaimer: { date: '2018-05-25T09:00:00.000Z', version: 'v2' } },
        extended: { at: 'keep' },
        unknown: 1
      })
    )
    expect(input).toEqual(copy)
  })

  it('returns the input itself when nothing needs converting', () => {
    const input = { base: { firstName: 'Ada', dob: '1990-12-10' } }
    expect(encodeCustomerInput(input)).toEqual(E.right(input))
    expect(expectRight(encodeCustomerInput(input))).toBe(input)
  })

  it('reports an invalid Date with its path', () => {
    expect(encodeCustomerInput({ base: { dob: new Date('nope') } })).toEqual(E.left('base.dob is an invalid Date'))
    expect(encodeCustomerInput({ base: { jobs: [{}, { startDate: new Date(NaN) }] } })).toEqual(
      E.left('base.jobs.1.startDate is an invalid Date')
    )
    expect(encodeJobInput({ endDate: new Date(NaN) })).toEqual(E.left('endDate is an invalid Date'))
    expect(encodeLikeInput({ createdTime: new Date(NaN) })).toEqual(E.left('createdTime is an invalid Date'))
    expect(encodeSubscriptionInput({ updatedAt: new Date(NaN) })).toEqual(E.left('updatedAt is an invalid Date'))
    expect(encodeEducationInput({ schoolType: 'COLLEGE' })).toEqual(E.right({ schoolType: 'COLLEGE' }))
    expect(encodeCustomerInput('x' as never)).toEqual(E.left('the customer must be an object'))
  })
})

describe('input types', () => {
  it('a decoded customer, whatever enumeration values it holds, is sent back as it came', () => {
    // Values the client does not know: the server may have added them, and the customer must go back as it came.
    const decoded: Customer = expectRight(
      decodeWith(Customer)(
        wireCustomer('c1', {
          contacts: { otherContacts: [{ type: 'PAGER' }], mobileDevices: [{ type: 'WEAR_OS' }] },
          educations: [{ schoolType: 'KINDERGARTEN' }],
          subscriptions: [{ kind: 'NEWSLETTER' }]
        })
      )
    )
    const asInput: CustomerInput = decoded
    // The encoder changes no enumeration value.
    expect(expectRight(encodeCustomerInput(asInput))).toBe(asInput)
  })
})
