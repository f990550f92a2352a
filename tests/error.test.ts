import { describe, expect, it } from 'vitest'
import * as O from '#fp-ts/Option'
import {
  conflictingCustomerId,
  invalidInput,
  isContacthubError,
  notFound,
  renderError,
  type ContacthubError
} from '../src/error'

const conflict: ContacthubError = {
  _tag: 'HttpError',
  status: 409,
  message: 'addCustomer POST /workspaces/w/customers failed with 409 Conflict: Conflict with exiting customer c-1.',
  method: 'POST',
  path: '/workspaces/w/customers',
  data: { customer: { id: 'c-1', href: 'https://example.com/c-1' } },
  errors: []
}

describe('errors', () => {
  it('finds the existing customer id in a 409 only', () => {
    expect(conflictingCustomerId(conflict)).toEqual(O.some('c-1'))
    expect(conflictingCustomerId({ ...conflict, status: 400 })).toEqual(O.none)
    expect(conflictingCustomerId({ ...conflict, data: { customer: { id: 7 } } })).toEqual(O.none)
    expect(conflictingCustomerId({ ...conflict, data: null })).toEqual(O.none)
    expect(conflictingCustomerId(invalidInput('x'))).toEqual(O.none)
  })

  it('renders one line', () => {
    expect(renderError(conflict)).toBe(`HttpError 409: ${conflict.message}`)
    expect(renderError(notFound('getCustomerByExternalId: no customer has external id "e".'))).toBe(
      'NotFound: getCustomerByExternalId: no customer has external id "e".'
    )
    expect(
      renderError({ _tag: 'DecodeError', message: 'm\nn', errors: ['a', 'b', 'c', 'd'], method: 'GET', path: '/' })
    ).toBe('DecodeError: m n (a; b; c; ...)')
  })

  it('recognises its own values', () => {
    expect(isContacthubError(conflict)).toBe(true)
    expect(isContacthubError({ _tag: 'Other', message: '' })).toBe(false)
    expect(isContacthubError(null)).toBe(false)
  })
})
