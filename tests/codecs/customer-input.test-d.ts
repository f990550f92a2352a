// Type-level tests of the input types (src/codecs/customer-input.ts), checked by tsc through vitest's typecheck (never
// run): the run fails if an `@ts-expect-error` below stops being an error or an `assertType` does not hold.
import { assertType, describe, it } from 'vitest'
import type { CustomerInput, EducationInput, SubscriptionInput } from '../../src/codecs/customer-input'

describe('input types', () => {
  it('type enumerations as the decoded types do: known values and any other string, nothing else', () => {
    // Values the client does not know: the server may have added them, and the customer must go back as it came.
    assertType<EducationInput>({ schoolType: 'KINDERGARTEN' })
    assertType<SubscriptionInput>({ kind: 'NEWSLETTER' })
    assertType<CustomerInput>({ base: { contacts: { otherContacts: [{ type: 'PAGER' }] } } })
    // @ts-expect-error not a string
    assertType<EducationInput>({ schoolType: 1 })
    // @ts-expect-error not a string
    assertType<SubscriptionInput>({ kind: true })
    assertType<CustomerInput>({
      base: {
        dob: new Date(0),
        contacts: {
          otherContacts: [{ type: 'EMAIL', value: 'x@example.com' }],
          mobileDevices: [{ type: 'FIREOS', notificationService: 'ADM' }]
        },
        educations: [{ schoolType: 'HIGH_SCHOOL' }],
        subscriptions: [{ kind: 'SERVICE', startDate: new Date(0) }]
      }
    })
  })
})
