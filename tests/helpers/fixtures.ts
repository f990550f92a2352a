// Shared test fixtures: customers as the live wire carries them. The Either unwrapping lives in ./either; it is
// re-exported here for the files that still import it from this module.
export { expectLeft, expectRight } from './either'

/** `base` of a fresh customer as the live API answers it: every unset field null, every list empty. */
export const emptyWireBase = () => ({
  pictureUrl: null,
  title: null,
  prefix: null,
  firstName: null,
  lastName: null,
  middleName: null,
  gender: null,
  dob: null,
  locale: null,
  timezone: null,
  contacts: { email: null, fax: null, mobilePhone: null, phone: null, otherContacts: [], mobileDevices: [] },
  address: null,
  credential: null,
  educations: [],
  likes: [],
  socialProfile: null,
  jobs: [],
  subscriptions: []
})

/** A customer as the wire carries it (`+0000` timestamps, nulls for what is unset), with `base` and more merged in. */
export const wireCustomer = (id: string, base: Record<string, unknown> = {}, more: Record<string, unknown> = {}) => ({
  id,
  nodeId: 'n',
  externalId: null,
  extra: null,
  registeredAt: '2017-03-09T11:31:31.842+0000',
  updatedAt: '2017-03-10T11:31:31.842+0000',
  enabled: true,
  base: { ...emptyWireBase(), ...base },
  consents: null,
  extended: null,
  tags: { auto: [], manual: [] },
  ...more
})
