/**
 * The customer query builder: pure functions that build the API's query JSON. No I/O.
 *
 * Attribute paths are checked by the compiler against the customer model (`'base.firstName'`,
 * `'base.contacts.email'`, `'tags.manual'`, `'extended.<anything>'`...), and values against the attribute's type:
 * text attributes take strings, numbers numbers, flags booleans, and dates a `Date` or a string (a `Date` is sent as an
 * ISO date-time, or as `YYYY-MM-DD` for the date-only `base.dob` and job dates).
 *
 * @example
 * import { customerQuery, and, eq, isIn, getCustomers } from 'contacthub-fp'
 *
 * const query = customerQuery(and(eq('base.address.city', 'Milano'), isIn('tags.manual', ['vip', 'gold'])))
 * const task = getCustomers(ctx, { query })
 *
 * @since 0.1.0
 */
import type {
  BetweenCondition,
  ComparisonCondition,
  ComparisonOperator,
  CompositeCondition,
  Condition,
  InnerQuery,
  ListCondition,
  NullCondition,
  Query,
  QueryConjunction,
  QueryScalar
} from './codecs/query'

// -------------------------------------------------------------------------------------------------
// the customer model, as the compiler sees it
// -------------------------------------------------------------------------------------------------

/**
 * A date-time value in a condition: a `Date` (sent as `2019-06-14T08:21:05.118Z`) or a string sent as given.
 *
 * @category query model
 * @since 0.1.0
 */
export type DateTimeValue = Date | string

/**
 * A date value in a condition: a `Date` (sent as its UTC day, `YYYY-MM-DD`) or a string sent as given.
 *
 * @category query model
 * @since 0.1.0
 */
export type DateValue = Date | string

/**
 * The value of an `extended.*` attribute: its type is the workspace's own, so any scalar (or a `Date`) is accepted.
 *
 * @category query model
 * @since 0.1.0
 */
export type ExtendedValue = string | number | boolean | Date

type ConsentFlags<P extends string> = {
  readonly [K in `${P}.status` | `${P}.limitation` | `${P}.objection`]: boolean
}

/**
 * Every known customer attribute path and the type of value a condition on it takes. Paths into lists
 * (`base.jobs.companyName`, `tags.manual`) match when any item matches.
 *
 * @category query model
 * @since 0.1.0
 */
export type CustomerAttributes = {
  readonly id: string
  readonly nodeId: string
  readonly externalId: string
  readonly extra: string
  readonly enabled: boolean
  readonly registeredAt: DateTimeValue
  readonly updatedAt: DateTimeValue
  readonly 'base.pictureUrl': string
  readonly 'base.title': string
  readonly 'base.prefix': string
  readonly 'base.firstName': string
  readonly 'base.lastName': string
  readonly 'base.middleName': string
  readonly 'base.gender': string
  readonly 'base.dob': DateValue
  readonly 'base.locale': string
  readonly 'base.timezone': string
  readonly 'base.contacts.email': string
  readonly 'base.contacts.fax': string
  readonly 'base.contacts.mobilePhone': string
  readonly 'base.contacts.phone': string
  readonly 'base.contacts.otherContacts.name': string
  readonly 'base.contacts.otherContacts.type': string
  readonly 'base.contacts.otherContacts.value': string
  readonly 'base.contacts.mobileDevices.identifier': string
  readonly 'base.contacts.mobileDevices.appId': string
  readonly 'base.contacts.mobileDevices.name': string
  readonly 'base.contacts.mobileDevices.type': string
  readonly 'base.contacts.mobileDevices.notificationService': string
  readonly 'base.address.street': string
  readonly 'base.address.city': string
  readonly 'base.address.country': string
  readonly 'base.address.region': string
  readonly 'base.address.province': string
  readonly 'base.address.zip': string
  readonly 'base.address.geo.lat': number
  readonly 'base.address.geo.lon': number
  readonly 'base.credential.username': string
  readonly 'base.socialProfile.facebook': string
  readonly 'base.socialProfile.google': string
  readonly 'base.socialProfile.instagram': string
  readonly 'base.socialProfile.linkedin': string
  readonly 'base.socialProfile.qzone': string
  readonly 'base.socialProfile.twitter': string
  readonly 'base.educations.id': string
  readonly 'base.educations.schoolType': string
  readonly 'base.educations.schoolName': string
  readonly 'base.educations.schoolConcentration': string
  readonly 'base.educations.startYear': number
  readonly 'base.educations.endYear': number
  readonly 'base.educations.isCurrent': boolean
  readonly 'base.likes.id': string
  readonly 'base.likes.category': string
  readonly 'base.likes.name': string
  readonly 'base.likes.createdTime': DateTimeValue
  readonly 'base.jobs.id': string
  readonly 'base.jobs.companyIndustry': string
  readonly 'base.jobs.companyName': string
  readonly 'base.jobs.jobTitle': string
  readonly 'base.jobs.startDate': DateValue
  readonly 'base.jobs.endDate': DateValue
  readonly 'base.jobs.isCurrent': boolean
  readonly 'base.subscriptions.id': string
  readonly 'base.subscriptions.name': string
  readonly 'base.subscriptions.type': string
  readonly 'base.subscriptions.kind': string
  readonly 'base.subscriptions.subscribed': boolean
  readonly 'base.subscriptions.startDate': DateTimeValue
  readonly 'base.subscriptions.endDate': DateTimeValue
  readonly 'base.subscriptions.subscriberId': string
  readonly 'base.subscriptions.registeredAt': DateTimeValue
  readonly 'base.subscriptions.updatedAt': DateTimeValue
  readonly 'base.subscriptions.preferences.key': string
  readonly 'base.subscriptions.preferences.value': string
  readonly 'tags.manual': string
  readonly 'tags.auto': string
  readonly 'consents.disclaimer.date': DateTimeValue
  readonly 'consents.disclaimer.version': string
} & ConsentFlags<
  | 'consents.marketing.traditional.telephonic'
  | 'consents.marketing.traditional.papery'
  | 'consents.marketing.automatic.sms'
  | 'consents.marketing.automatic.email'
  | 'consents.marketing.automatic.push'
  | 'consents.marketing.automatic.im'
  | 'consents.marketing.automatic.telephonic'
  | 'consents.profiling.classic'
  | 'consents.profiling.online'
  | 'consents.softSpam.email'
  | 'consents.softSpam.papery'
  | 'consents.thirdPartyTransfer.profiling'
  | 'consents.thirdPartyTransfer.marketing'
>

/**
 * A path into the workspace's own `extended` properties, whose shape the client does not know.
 *
 * @category query model
 * @since 0.1.0
 */
export type ExtendedAttribute = `extended.${string}`

/**
 * An attribute path a condition with a value may name.
 *
 * @category query model
 * @since 0.1.0
 */
export type CustomerAttribute = keyof CustomerAttributes | ExtendedAttribute

/**
 * Paths of objects and lists: `isNull` / `isNotNull` may name them too (`isNull('base.address')`).
 *
 * @category query model
 * @since 0.1.0
 */
export type CustomerObjectAttribute =
  | 'base'
  | 'base.contacts'
  | 'base.contacts.otherContacts'
  | 'base.contacts.mobileDevices'
  | 'base.address'
  | 'base.address.geo'
  | 'base.credential'
  | 'base.socialProfile'
  | 'base.educations'
  | 'base.likes'
  | 'base.jobs'
  | 'base.subscriptions'
  | 'base.subscriptions.preferences'
  | 'tags'
  | 'extended'
  | 'consents'
  | 'consents.disclaimer'
  | 'consents.marketing'
  | 'consents.marketing.traditional'
  | 'consents.marketing.traditional.telephonic'
  | 'consents.marketing.traditional.papery'
  | 'consents.marketing.automatic'
  | 'consents.marketing.automatic.sms'
  | 'consents.marketing.automatic.email'
  | 'consents.marketing.automatic.push'
  | 'consents.marketing.automatic.im'
  | 'consents.marketing.automatic.telephonic'
  | 'consents.profiling'
  | 'consents.profiling.classic'
  | 'consents.profiling.online'
  | 'consents.softSpam'
  | 'consents.softSpam.email'
  | 'consents.softSpam.papery'
  | 'consents.thirdPartyTransfer'
  | 'consents.thirdPartyTransfer.profiling'
  | 'consents.thirdPartyTransfer.marketing'

/**
 * The type of value a condition on attribute `A` takes.
 *
 * @category query model
 * @since 0.1.0
 */
export type AttributeValue<A extends CustomerAttribute> = A extends keyof CustomerAttributes
  ? CustomerAttributes[A]
  : ExtendedValue

/**
 * Attributes with an order (text, numbers, dates): the ones `gt`, `gte`, `lt`, `lte` and `between` accept.
 *
 * @category query model
 * @since 0.1.0
 */
export type OrderedAttribute =
  | {
      readonly [K in keyof CustomerAttributes]: CustomerAttributes[K] extends boolean ? never : K
    }[keyof CustomerAttributes]
  | ExtendedAttribute

// -------------------------------------------------------------------------------------------------
// values
// -------------------------------------------------------------------------------------------------

const DATE_ONLY_ATTRIBUTES: ReadonlySet<string> = /*#__PURE__*/ new Set([
  'base.dob',
  'base.jobs.startDate',
  'base.jobs.endDate'
])

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** A `Date` becomes an ISO string (the UTC day for date-only attributes); an invalid `Date` becomes `'Invalid Date'`, which the API refuses. */
const toScalar = (attribute: string, value: ExtendedValue): QueryScalar => {
  if (!(value instanceof Date)) return value
  const ms = value.getTime()
  if (Number.isNaN(ms)) return 'Invalid Date'
  return DATE_ONLY_ATTRIBUTES.has(attribute)
    ? `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`
    : value.toISOString()
}

const compare = (attribute: string, operator: ComparisonOperator, value: ExtendedValue): ComparisonCondition => ({
  type: 'atomic',
  attribute,
  operator,
  value: toScalar(attribute, value)
})

// -------------------------------------------------------------------------------------------------
// conditions
// -------------------------------------------------------------------------------------------------

/**
 * `attribute` equals `value`. On a list path (`tags.manual`, `base.jobs.companyName`) any item may match.
 *
 * @example
 * eq('base.firstName', 'Ada')
 * // { type: 'atomic', attribute: 'base.firstName', operator: 'EQUALS', value: 'Ada' }
 *
 * @category query builder
 * @since 0.1.0
 */
export const eq = <A extends CustomerAttribute>(attribute: A, value: AttributeValue<A>): ComparisonCondition =>
  compare(attribute, 'EQUALS', value)

/**
 * `attribute` differs from `value`.
 *
 * @example
 * neq('base.gender', 'female')
 *
 * @category query builder
 * @since 0.1.0
 */
export const neq = <A extends CustomerAttribute>(attribute: A, value: AttributeValue<A>): ComparisonCondition =>
  compare(attribute, 'NOT_EQUALS', value)

/**
 * `attribute` is greater than `value`.
 *
 * @example
 * gt('registeredAt', new Date('2024-01-01T00:00:00Z'))
 *
 * @category query builder
 * @since 0.1.0
 */
export const gt = <A extends OrderedAttribute>(attribute: A, value: AttributeValue<A>): ComparisonCondition =>
  compare(attribute, 'GT', value)

/**
 * `attribute` is greater than or equal to `value`.
 *
 * @category query builder
 * @since 0.1.0
 */
export const gte = <A extends OrderedAttribute>(attribute: A, value: AttributeValue<A>): ComparisonCondition =>
  compare(attribute, 'GTE', value)

/**
 * `attribute` is less than `value`.
 *
 * @category query builder
 * @since 0.1.0
 */
export const lt = <A extends OrderedAttribute>(attribute: A, value: AttributeValue<A>): ComparisonCondition =>
  compare(attribute, 'LT', value)

/**
 * `attribute` is less than or equal to `value`.
 *
 * @category query builder
 * @since 0.1.0
 */
export const lte = <A extends OrderedAttribute>(attribute: A, value: AttributeValue<A>): ComparisonCondition =>
  compare(attribute, 'LTE', value)

/**
 * `attribute` lies between `from` and `to`, both included. Sent as `value: [from, to]`.
 *
 * @example
 * between('base.dob', '1980-01-01', '1989-12-31')
 * // { type: 'atomic', attribute: 'base.dob', operator: 'BETWEEN', value: ['1980-01-01', '1989-12-31'] }
 *
 * @category query builder
 * @since 0.1.0
 */
export const between = <A extends OrderedAttribute>(
  attribute: A,
  from: AttributeValue<A>,
  to: AttributeValue<A>
): BetweenCondition => ({
  type: 'atomic',
  attribute,
  operator: 'BETWEEN',
  value: [toScalar(attribute, from), toScalar(attribute, to)]
})

/**
 * `attribute` equals one of `values`.
 *
 * @example
 * isIn('tags.manual', ['vip', 'gold'])
 * // { type: 'atomic', attribute: 'tags.manual', operator: 'IN', value: ['vip', 'gold'] }
 *
 * @category query builder
 * @since 0.1.0
 */
export const isIn = <A extends CustomerAttribute>(
  attribute: A,
  values: ReadonlyArray<AttributeValue<A>>
): ListCondition => ({
  type: 'atomic',
  attribute,
  operator: 'IN',
  value: values.map((v) => toScalar(attribute, v))
})

/**
 * `attribute` equals none of `values`.
 *
 * @category query builder
 * @since 0.1.0
 */
export const notIn = <A extends CustomerAttribute>(
  attribute: A,
  values: ReadonlyArray<AttributeValue<A>>
): ListCondition => ({
  type: 'atomic',
  attribute,
  operator: 'NOT_IN',
  value: values.map((v) => toScalar(attribute, v))
})

/**
 * `attribute` is unset (`null`). Sent without a `value`.
 *
 * @example
 * isNull('base.contacts.email')
 * // { type: 'atomic', attribute: 'base.contacts.email', operator: 'IS_NULL' }
 *
 * @category query builder
 * @since 0.1.0
 */
export const isNull = (attribute: CustomerAttribute | CustomerObjectAttribute): NullCondition => ({
  type: 'atomic',
  attribute,
  operator: 'IS_NULL'
})

/**
 * `attribute` is set. Sent without a `value`.
 *
 * @category query builder
 * @since 0.1.0
 */
export const isNotNull = (attribute: CustomerAttribute | CustomerObjectAttribute): NullCondition => ({
  type: 'atomic',
  attribute,
  operator: 'IS_NOT_NULL'
})

/**
 * Every condition holds (`conjunction: 'and'`).
 *
 * @example
 * and(eq('base.address.city', 'Milano'), isNotNull('base.contacts.email'))
 *
 * @category query builder
 * @since 0.1.0
 */
export const and = (first: Condition, ...rest: ReadonlyArray<Condition>): CompositeCondition => ({
  type: 'composite',
  conjunction: 'and',
  conditions: [first, ...rest]
})

/**
 * At least one condition holds (`conjunction: 'or'`).
 *
 * @example
 * or(eq('base.address.city', 'Milano'), eq('base.address.city', 'Torino'))
 *
 * @category query builder
 * @since 0.1.0
 */
export const or = (first: Condition, ...rest: ReadonlyArray<Condition>): CompositeCondition => ({
  type: 'composite',
  conjunction: 'or',
  conditions: [first, ...rest]
})

// -------------------------------------------------------------------------------------------------
// queries
// -------------------------------------------------------------------------------------------------

/**
 * The name the builder gives queries, as the vendor's SDKs do.
 *
 * @category constants
 * @since 0.1.0
 */
export const DEFAULT_QUERY_NAME = 'query'

/**
 * The customers that match `condition`: the value `getCustomers(ctx, { query })` sends.
 *
 * @example
 * customerQuery(eq('base.firstName', 'Ada'))
 * // { name: 'query', query: { type: 'simple', name: 'query', are: { condition: { type: 'atomic', ... } } } }
 *
 * @category query builder
 * @since 0.1.0
 */
export const customerQuery = (condition: Condition, name: string = DEFAULT_QUERY_NAME): Query => ({
  name,
  query: { type: 'simple', name, are: { condition } }
})

const combine =
  (conjunction: QueryConjunction) =>
  (first: Query, ...rest: ReadonlyArray<Query>): Query => ({
    name: DEFAULT_QUERY_NAME,
    query: {
      type: 'combined',
      name: DEFAULT_QUERY_NAME,
      conjunction,
      queries: [first, ...rest].map((q): InnerQuery => q.query)
    }
  })

/**
 * The customers every query matches (`INTERSECT`).
 *
 * @function
 *
 * @example
 * intersect(customerQuery(eq('base.address.city', 'Milano')), customerQuery(eq('tags.manual', 'vip')))
 *
 * @category query builder
 * @since 0.1.0
 */
export const intersect: (first: Query, ...rest: ReadonlyArray<Query>) => Query = /*#__PURE__*/ combine('INTERSECT')

/**
 * The customers any query matches (`UNION`).
 *
 * @function
 *
 * @category query builder
 * @since 0.1.0
 */
export const union: (first: Query, ...rest: ReadonlyArray<Query>) => Query = /*#__PURE__*/ combine('UNION')

/**
 * The customers the first query matches and none of the others do (`EXCEPT`).
 *
 * @function
 *
 * @example
 * except(customerQuery(isNotNull('base.contacts.email')), customerQuery(eq('tags.manual', 'unsubscribed')))
 *
 * @category query builder
 * @since 0.1.0
 */
export const except: (first: Query, ...rest: ReadonlyArray<Query>) => Query = /*#__PURE__*/ combine('EXCEPT')
