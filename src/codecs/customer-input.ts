/**
 * What users send about a customer: the input types of `addCustomer`, `updateCustomer` and the sub-entity operations,
 * and the encoders that turn them into the JSON the API takes (`Date`s serialised, nothing else changed).
 *
 * The decoded types of codecs/customer.ts are valid inputs too: a customer read from the API can be sent back as it
 * is, enumerations included.
 *
 * @since 0.2.0
 */
import * as E from '#fp-ts/Either'
import { toDateOnly, toDateTime, type DateInput } from './common'
import type {
  Consent,
  Credential,
  Education,
  Geo,
  MobileDevice,
  OtherContact,
  SocialProfile,
  SubscriptionKind,
  SubscriptionPreference
} from './customer'

// -------------------------------------------------------------------------------------------------------------------
// inputs
// -------------------------------------------------------------------------------------------------------------------

/**
 * A job to send. `startDate`/`endDate` take a `Date` (sent as its UTC day, `YYYY-MM-DD`) or a string (sent as given).
 * `id` may be chosen by the client on creation.
 *
 * @category model
 * @since 0.1.0
 */
export interface JobInput {
  readonly id?: string | null
  readonly companyIndustry?: string | null
  readonly companyName?: string | null
  readonly jobTitle?: string | null
  readonly startDate?: DateInput | null
  readonly endDate?: DateInput | null
  readonly isCurrent?: boolean | null
}

/**
 * A like to send. `createdTime` takes a `Date` or a string; both are sent as an ISO date-time when they parse.
 *
 * @category model
 * @since 0.1.0
 */
export interface LikeInput {
  readonly id?: string | null
  readonly category?: string | null
  readonly name?: string | null
  readonly createdTime?: DateInput | null
}

/**
 * An education to send.
 *
 * @category model
 * @since 0.1.0
 */
export type EducationInput = Partial<Education>

/**
 * A subscription to send. Its dates take a `Date` or a string; both are sent as an ISO date-time when they parse.
 *
 * @category model
 * @since 0.1.0
 */
export interface SubscriptionInput {
  readonly id?: string | null
  readonly name?: string | null
  readonly type?: string | null
  readonly kind?: SubscriptionKind | null
  readonly subscribed?: boolean | null
  readonly startDate?: DateInput | null
  readonly endDate?: DateInput | null
  readonly subscriberId?: string | null
  readonly registeredAt?: DateInput | null
  readonly updatedAt?: DateInput | null
  readonly preferences?: ReadonlyArray<Partial<SubscriptionPreference>> | null
}

/**
 * `base.contacts` to send.
 *
 * @category model
 * @since 0.1.0
 */
export interface ContactsInput {
  readonly email?: string | null
  readonly fax?: string | null
  readonly mobilePhone?: string | null
  readonly phone?: string | null
  readonly otherContacts?: ReadonlyArray<Partial<OtherContact>> | null
  readonly mobileDevices?: ReadonlyArray<Partial<MobileDevice>> | null
}

/**
 * `base.address` to send.
 *
 * @category model
 * @since 0.1.0
 */
export interface AddressInput {
  readonly street?: string | null
  readonly city?: string | null
  readonly country?: string | null
  readonly region?: string | null
  readonly province?: string | null
  readonly zip?: string | null
  readonly geo?: Partial<Geo> | null
}

/**
 * The `base` properties to send. `dob` takes a `Date` (sent as its UTC day, `YYYY-MM-DD`) or a string (sent as given).
 *
 * @category model
 * @since 0.1.0
 */
export interface CustomerBaseInput {
  readonly pictureUrl?: string | null
  readonly title?: string | null
  readonly prefix?: string | null
  readonly firstName?: string | null
  readonly lastName?: string | null
  readonly middleName?: string | null
  readonly gender?: string | null
  readonly dob?: DateInput | null
  readonly locale?: string | null
  readonly timezone?: string | null
  readonly contacts?: ContactsInput | null
  readonly address?: AddressInput | null
  readonly credential?: Partial<Credential> | null
  readonly educations?: ReadonlyArray<EducationInput> | null
  readonly likes?: ReadonlyArray<LikeInput> | null
  readonly socialProfile?: Partial<SocialProfile> | null
  readonly jobs?: ReadonlyArray<JobInput> | null
  readonly subscriptions?: ReadonlyArray<SubscriptionInput> | null
}

/**
 * One consent to send.
 *
 * @category model
 * @since 0.1.0
 */
export type ConsentInput = Partial<Consent>

/**
 * The `consents` to send. `disclaimer.date` takes a `Date` or a string, sent as an ISO date-time when it parses.
 *
 * @category model
 * @since 0.1.0
 */
export interface ConsentsInput {
  readonly disclaimer?: { readonly date?: DateInput | null; readonly version?: string | null } | null
  readonly marketing?: {
    readonly traditional?: { readonly telephonic?: ConsentInput | null; readonly papery?: ConsentInput | null } | null
    readonly automatic?: {
      readonly sms?: ConsentInput | null
      readonly email?: ConsentInput | null
      readonly push?: ConsentInput | null
      readonly im?: ConsentInput | null
      readonly telephonic?: ConsentInput | null
    } | null
  } | null
  readonly profiling?: { readonly classic?: ConsentInput | null; readonly online?: ConsentInput | null } | null
  readonly softSpam?: { readonly email?: ConsentInput | null; readonly papery?: ConsentInput | null } | null
  readonly thirdPartyTransfer?: {
    readonly profiling?: ConsentInput | null
    readonly marketing?: ConsentInput | null
  } | null
}

/**
 * A customer to send (`addCustomer`, `updateCustomer`). Every property is optional. In a create or full-update body
 * a `null` is left out (absent means unset); in a PATCH body `null` clears the property. A decoded {@link Customer}
 * is a valid input too (its read-only `id`, `registeredAt` and `updatedAt` are not sent where the API does not
 * take them).
 *
 * @example
 * const input: CustomerInput = {
 *   externalId: 'c-42',
 *   base: { firstName: 'Ada', dob: new Date('1990-12-10'), contacts: { email: 'ada@example.com' } },
 *   tags: { manual: ['vip'] }
 * }
 *
 * @category model
 * @since 0.1.0
 */
export interface CustomerInput {
  readonly externalId?: string | null
  readonly base?: CustomerBaseInput | null
  readonly consents?: ConsentsInput | null
  readonly extended?: Readonly<Record<string, unknown>> | null
  readonly extra?: string | null
  readonly tags?: {
    readonly auto?: ReadonlyArray<string> | null
    readonly manual?: ReadonlyArray<string> | null
  } | null
  readonly enabled?: boolean | null
}

/**
 * A partial customer for `PATCH`: objects are merged, arrays and scalars replaced, `null` clears.
 * `customerPatch(before, after)` computes the smallest one.
 *
 * @category model
 * @since 0.1.0
 */
export type CustomerPatch = CustomerInput

// -------------------------------------------------------------------------------------------------------------------
// input encoders
// -------------------------------------------------------------------------------------------------------------------

type Rec = Readonly<Record<string, unknown>>

const isRecord = (u: unknown): u is Rec =>
  typeof u === 'object' && u !== null && !Array.isArray(u) && !(u instanceof Date)

type Field = (value: unknown, path: string) => E.Either<string, unknown>

const invalidDate = (path: string): E.Either<string, never> => E.left(`${path} is an invalid Date`)

const dateOnly: Field = (v, path) => {
  if (!(v instanceof Date)) return E.right(v)
  const s = toDateOnly(v)
  return s === undefined ? invalidDate(path) : E.right(s)
}

const dateTime: Field = (v, path) => {
  if (!(v instanceof Date) && typeof v !== 'string') return E.right(v)
  const s = toDateTime(v)
  return s === undefined ? invalidDate(path) : E.right(s)
}

const objectOf =
  (fields: Readonly<Record<string, Field>>): Field =>
  (v, path) => {
    if (!isRecord(v)) return E.right(v)
    let out: Record<string, unknown> | undefined
    for (const [key, field] of Object.entries(fields)) {
      if (!Object.prototype.hasOwnProperty.call(v, key)) continue
      const x = v[key]
      if (x === undefined || x === null) continue
      const r = field(x, path === '' ? key : `${path}.${key}`)
      if (E.isLeft(r)) return r
      if (r.right !== x) {
        out ??= { ...v }
        out[key] = r.right
      }
    }
    return E.right(out ?? v)
  }

const arrayOf =
  (item: Field): Field =>
  (v, path) => {
    if (!Array.isArray(v)) return E.right(v)
    const items: ReadonlyArray<unknown> = v
    let out: Array<unknown> | undefined
    for (let i = 0; i < items.length; i++) {
      const r = item(items[i], `${path}.${i}`)
      if (E.isLeft(r)) return r
      if (r.right !== items[i]) {
        out ??= [...items]
        out[i] = r.right
      }
    }
    return E.right(out ?? v)
  }

const JOB_FIELDS = /*#__PURE__*/ objectOf({ startDate: dateOnly, endDate: dateOnly })
const LIKE_FIELDS = /*#__PURE__*/ objectOf({ createdTime: dateTime })
const SUBSCRIPTION_FIELDS = /*#__PURE__*/ objectOf({
  startDate: dateTime,
  endDate: dateTime,
  registeredAt: dateTime,
  updatedAt: dateTime
})
const CUSTOMER_FIELDS = /*#__PURE__*/ objectOf({
  base: /*#__PURE__*/ objectOf({
    dob: dateOnly,
    jobs: /*#__PURE__*/ arrayOf(JOB_FIELDS),
    likes: /*#__PURE__*/ arrayOf(LIKE_FIELDS),
    subscriptions: /*#__PURE__*/ arrayOf(SUBSCRIPTION_FIELDS)
  }),
  consents: /*#__PURE__*/ objectOf({ disclaimer: /*#__PURE__*/ objectOf({ date: dateTime }) })
})

const encodeWith =
  (fields: Field, what: string) =>
  (input: unknown): E.Either<string, Rec> => {
    if (!isRecord(input)) return E.left(`the ${what} must be an object`)
    // The fields of a record give a record (a copy, or the record itself).
    return fields(input, '') as E.Either<string, Rec>
  }

/**
 * Turns a customer input into the JSON the API takes: `Date`s become `YYYY-MM-DD` (`base.dob`, job dates) or ISO
 * date-times (like, subscription and disclaimer dates). Nothing else changes: `null`s and unknown properties are
 * kept, and the input is not mutated. Fails with the path of an invalid `Date`.
 *
 * @example
 * encodeCustomerInput({ base: { dob: new Date('1990-12-10') } }) // right({ base: { dob: '1990-12-10' } })
 *
 * @category encoders
 * @since 0.1.0
 */
export const encodeCustomerInput: (input: CustomerInput) => E.Either<string, Rec> = /*#__PURE__*/ encodeWith(
  CUSTOMER_FIELDS,
  'customer'
)

/**
 * Turns a job input into the JSON the API takes (dates as `YYYY-MM-DD`).
 *
 * @category encoders
 * @since 0.1.0
 */
export const encodeJobInput: (input: JobInput) => E.Either<string, Rec> = /*#__PURE__*/ encodeWith(JOB_FIELDS, 'job')

/**
 * Turns a like input into the JSON the API takes (`createdTime` as an ISO date-time).
 *
 * @category encoders
 * @since 0.1.0
 */
export const encodeLikeInput: (input: LikeInput) => E.Either<string, Rec> = /*#__PURE__*/ encodeWith(
  LIKE_FIELDS,
  'like'
)

/**
 * Turns an education input into the JSON the API takes (checks that it is an object).
 *
 * @category encoders
 * @since 0.1.0
 */
export const encodeEducationInput: (input: EducationInput) => E.Either<string, Rec> = /*#__PURE__*/ encodeWith(
  (v) => E.right(v),
  'education'
)

/**
 * Turns a subscription input into the JSON the API takes (dates as ISO date-times).
 *
 * @category encoders
 * @since 0.1.0
 */
export const encodeSubscriptionInput: (input: SubscriptionInput) => E.Either<string, Rec> = /*#__PURE__*/ encodeWith(
  SUBSCRIPTION_FIELDS,
  'subscription'
)
