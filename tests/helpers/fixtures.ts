// Shared test fixtures: Either unwrapping with readable failures, and customers as the live wire carries them.
import * as E from '#fp-ts/Either'

/** The Right of an Either, or a thrown error that shows the Left. */
export const expectRight = <L, A>(e: E.Either<L, A>): A => {
  if (E.isLeft(e)) throw new Error(`expected a Right, got ${JSON.stringify(e.left)}`)
  return e.right
}

/** The Left of an Either, or a thrown error that shows the Right. */
export const expectLeft = <L, A>(e: E.Either<L, A>): L => {
  if (E.isRight(e)) throw new Error(`expected a Left, got ${JSON.stringify(e.right)}`)
  return e.left
}

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
