/**
 * The customer query builder: pure functions that build the API's query JSON. No I/O.
 *
 * Attribute paths are checked by the compiler against the customer model (`'base.firstName'`,
 * `'base.contacts.email'`, `'tags.manual'`, `'extended.<anything>'`...), and values against the attribute's type:
 * text attributes take strings, numbers numbers, flags booleans, and dates a `Date` or a string (a `Date` is sent as an
 * ISO date-time, or as `YYYY-MM-DD` for the date-only `base.dob` and job dates).
 *
 * The same helpers build the conditions of an event query ({@link eventQuery}): there, the compiler takes the paths
 * from the event type's schema (`properties.amount.total` for a `completedOrder`) and `date` for the timeframe. The
 * scope of a condition (customer, event, timeframe) is inferred from where it is written, and a condition built for
 * one scope does not fit another.
 *
 * @example
 * import { customerQuery, and, eq, isIn, getCustomers } from 'contacthub-fp'
 *
 * const query = customerQuery(and(eq('base.address.city', 'Milano'), isIn('tags.manual', ['vip', 'gold'])))
 * const task = getCustomers(ctx, { query })
 *
 * @since 0.1.0
 */
import type { StandardEventType } from './codecs/event'
import type { EventPropertiesMap } from './codecs/event-types'
import type {
  BetweenCondition,
  ComparisonCondition,
  ComparisonOperator,
  CompositeCondition,
  Condition,
  ConditionScope,
  EventScope,
  InnerQuery,
  ListCondition,
  NullCondition,
  Query,
  QueryConjunction,
  QueryScalar,
  TimeframeScope
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
// events, as the compiler sees them
// -------------------------------------------------------------------------------------------------

type Leaf = string | number | boolean

/** The keys an object type names (its index signature left out). */
type KnownKeys<V> = keyof { [K in keyof V as string extends K ? never : number extends K ? never : K]: V[K] } & string

/** One record per attribute path under `P` of a value of type `V` (lists are looked through, `null` dropped). */
type AttributesAt<V, P extends string> = [V] extends [ReadonlyArray<infer I>]
  ? AttributesAt<NonNullable<I>, P>
  : [V] extends [Leaf]
    ? { readonly [K in P]: V }
    : [V] extends [object]
      ? | { [K in KnownKeys<V>]-?: AttributesAt<NonNullable<V[K]>, `${P}.${K}`> }[KnownKeys<V>]
        | (string extends keyof V ? { readonly [K in `${P}.${string}`]: ExtendedValue } : never)
      : never

/** The paths of the objects and lists under `P` (`P` included). */
type ObjectPathsAt<V, P extends string> = [V] extends [ReadonlyArray<infer I>]
  ? P | Exclude<ObjectPathsAt<NonNullable<I>, P>, P>
  : [V] extends [Leaf]
    ? never
    : [V] extends [object]
      ? | P
        | { [K in KnownKeys<V>]-?: ObjectPathsAt<NonNullable<V[K]>, `${P}.${K}`> }[KnownKeys<V>]
        | (string extends keyof V ? `${P}.${string}` : never)
      : never

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never

/**
 * Every attribute path of the properties of an event of type `T` and the type of value a condition on it takes:
 * `'properties.amount.total': number` for a `completedOrder`. Lists are looked through
 * (`properties.products.sku` matches when any product matches); enums keep their values; a free-form object
 * (`properties.extraProperties`) takes any path below it, like a customer's `extended`.
 *
 * @category query model
 * @since 0.2.0
 */
export type EventAttributes<T extends StandardEventType> = UnionToIntersection<
  AttributesAt<EventPropertiesMap[T], 'properties'>
>

/**
 * Paths of the objects and lists in the properties of an event of type `T` (`properties.amount`,
 * `properties.products`, `properties` itself): `isNull` / `isNotNull` may name them too.
 *
 * @category query model
 * @since 0.2.0
 */
export type EventObjectAttribute<T extends StandardEventType> = ObjectPathsAt<EventPropertiesMap[T], 'properties'>

/**
 * The one attribute of an event query's timeframe: the event's `date`.
 *
 * @category query model
 * @since 0.2.0
 */
export type TimeframeAttributes = { readonly date: DateTimeValue }

/**
 * The attribute paths of a scope and the type of value each takes: {@link CustomerAttributes} (with
 * `extended.*`) on customers, {@link EventAttributes} in an event query's `where`, {@link TimeframeAttributes}
 * in its `timeframe`. An event type the client does not know takes any `properties.*` path.
 *
 * @category query model
 * @since 0.2.0
 */
export type ScopeAttributes<S extends ConditionScope> =
  S extends EventScope<infer T>
    ? T extends StandardEventType
      ? EventAttributes<T>
      : { readonly [K in `properties.${string}`]: ExtendedValue }
    : S extends TimeframeScope
      ? TimeframeAttributes
      : CustomerAttributes & { readonly [K in ExtendedAttribute]: ExtendedValue }

/**
 * An attribute path a condition in scope `S` may name with a value.
 *
 * @category query model
 * @since 0.2.0
 */
export type ScopeAttribute<S extends ConditionScope> = keyof ScopeAttributes<S> & string

/**
 * The paths of objects and lists in scope `S`, which only `isNull` / `isNotNull` name.
 *
 * @category query model
 * @since 0.2.0
 */
export type ScopeObjectAttribute<S extends ConditionScope> =
  S extends EventScope<infer T>
    ? T extends StandardEventType
      ? EventObjectAttribute<T>
      : 'properties' | `properties.${string}`
    : S extends TimeframeScope
      ? never
      : CustomerObjectAttribute

/**
 * The type of value a condition on attribute `A` in scope `S` takes.
 *
 * @category query model
 * @since 0.2.0
 */
export type ScopeValue<S extends ConditionScope, A extends string> = A extends keyof ScopeAttributes<S>
  ? ScopeAttributes<S>[A]
  : never

/**
 * The attributes of scope `S` with an order (text, numbers, dates): the ones `gt`, `gte`, `lt`, `lte` and
 * `between` accept.
 *
 * @category query model
 * @since 0.2.0
 */
export type ScopeOrderedAttribute<S extends ConditionScope> = {
  readonly [K in keyof ScopeAttributes<S>]: ScopeAttributes<S>[K] extends boolean ? never : K
}[keyof ScopeAttributes<S>] &
  string

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

const compare = <S extends ConditionScope>(
  attribute: string,
  operator: ComparisonOperator,
  value: ExtendedValue
): ComparisonCondition<S> => ({
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
export const eq = <S extends ConditionScope = ConditionScope, A extends ScopeAttribute<S> = ScopeAttribute<S>>(
  attribute: A,
  value: ScopeValue<S, A>
): ComparisonCondition<S> => compare(attribute, 'EQUALS', value as ExtendedValue)

/**
 * `attribute` differs from `value`.
 *
 * @example
 * neq('base.gender', 'female')
 *
 * @category query builder
 * @since 0.1.0
 */
export const neq = <S extends ConditionScope = ConditionScope, A extends ScopeAttribute<S> = ScopeAttribute<S>>(
  attribute: A,
  value: ScopeValue<S, A>
): ComparisonCondition<S> => compare(attribute, 'NOT_EQUALS', value as ExtendedValue)

/**
 * The type of `gt`, `gte`, `lt` and `lte`: an ordered attribute of the scope and a value of its type.
 *
 * @category query model
 * @since 0.2.0
 */
export type OrderedComparison = <
  S extends ConditionScope = ConditionScope,
  A extends ScopeOrderedAttribute<S> = ScopeOrderedAttribute<S>
>(
  attribute: A,
  value: ScopeValue<S, A>
) => ComparisonCondition<S>

/** The four ordered comparisons differ only by their operator. */
const ordered =
  (operator: 'GT' | 'GTE' | 'LT' | 'LTE'): OrderedComparison =>
  (attribute, value) =>
    compare(attribute, operator, value as ExtendedValue)

/**
 * `attribute` is greater than `value`.
 *
 * @function
 * @example
 * gt('registeredAt', new Date('2024-01-01T00:00:00Z'))
 *
 * @category query builder
 * @since 0.1.0
 */
export const gt: OrderedComparison = /*#__PURE__*/ ordered('GT')

/**
 * `attribute` is greater than or equal to `value`.
 *
 * @function
 * @category query builder
 * @since 0.1.0
 */
export const gte: OrderedComparison = /*#__PURE__*/ ordered('GTE')

/**
 * `attribute` is less than `value`.
 *
 * @function
 * @category query builder
 * @since 0.1.0
 */
export const lt: OrderedComparison = /*#__PURE__*/ ordered('LT')

/**
 * `attribute` is less than or equal to `value`.
 *
 * @function
 * @category query builder
 * @since 0.1.0
 */
export const lte: OrderedComparison = /*#__PURE__*/ ordered('LTE')

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
export const between = <
  S extends ConditionScope = ConditionScope,
  A extends ScopeOrderedAttribute<S> = ScopeOrderedAttribute<S>
>(
  attribute: A,
  from: ScopeValue<S, A>,
  to: ScopeValue<S, A>
): BetweenCondition<S> => ({
  type: 'atomic',
  attribute,
  operator: 'BETWEEN',
  value: [toScalar(attribute, from as ExtendedValue), toScalar(attribute, to as ExtendedValue)]
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
export const isIn = <S extends ConditionScope = ConditionScope, A extends ScopeAttribute<S> = ScopeAttribute<S>>(
  attribute: A,
  values: ReadonlyArray<ScopeValue<S, A>>
): ListCondition<S> => ({
  type: 'atomic',
  attribute,
  operator: 'IN',
  value: values.map((v) => toScalar(attribute, v as ExtendedValue))
})

/**
 * `attribute` equals none of `values`.
 *
 * @category query builder
 * @since 0.1.0
 */
export const notIn = <S extends ConditionScope = ConditionScope, A extends ScopeAttribute<S> = ScopeAttribute<S>>(
  attribute: A,
  values: ReadonlyArray<ScopeValue<S, A>>
): ListCondition<S> => ({
  type: 'atomic',
  attribute,
  operator: 'NOT_IN',
  value: values.map((v) => toScalar(attribute, v as ExtendedValue))
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
export const isNull = <
  S extends ConditionScope = ConditionScope,
  A extends ScopeAttribute<S> | ScopeObjectAttribute<S> = ScopeAttribute<S> | ScopeObjectAttribute<S>
>(
  attribute: A
): NullCondition<S> => ({
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
export const isNotNull = <
  S extends ConditionScope = ConditionScope,
  A extends ScopeAttribute<S> | ScopeObjectAttribute<S> = ScopeAttribute<S> | ScopeObjectAttribute<S>
>(
  attribute: A
): NullCondition<S> => ({
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
export const and = <S extends ConditionScope = ConditionScope>(
  first: Condition<S>,
  ...rest: ReadonlyArray<Condition<S>>
): CompositeCondition<S> => ({
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
export const or = <S extends ConditionScope = ConditionScope>(
  first: Condition<S>,
  ...rest: ReadonlyArray<Condition<S>>
): CompositeCondition<S> => ({
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

// -------------------------------------------------------------------------------------------------
// event queries
// -------------------------------------------------------------------------------------------------

/**
 * The conditions of an event query: `where` on the event's properties, `timeframe` on its date.
 *
 * @category query model
 * @since 0.2.0
 */
export interface EventQueryOptions<T extends StandardEventType> {
  readonly where?: Condition<EventScope<T>>
  readonly timeframe?: Condition<TimeframeScope>
}

/**
 * The condition that fills a missing `where` or `timeframe`: the event's `date` is set. Every stored event has a
 * date (the API dates an event sent without one), so it holds for every event of the type.
 */
const EVERY_EVENT = { type: 'atomic', attribute: 'date', operator: 'IS_NOT_NULL' } as const

/**
 * The customers who did at least one event of type `type` whose properties match `where` and whose date matches
 * `timeframe`: a simple query with `did`. Both conditions are built with the usual helpers, whose paths the
 * compiler then takes from the event type's schema (`properties.amount.total`) and, in the timeframe, `date`.
 * The API requires both conditions: a missing one is sent as `date IS_NOT_NULL`, which every event satisfies.
 * Combine it with customer queries with {@link intersect}, {@link union} and {@link except}.
 *
 * @example
 * import { eventQuery, and, gte, between, eq, intersect, customerQuery, getCustomers } from 'contacthub-fp'
 *
 * const bigOrders2026 = eventQuery('completedOrder', {
 *   where: and(gte('properties.amount.total', 100), eq('properties.paymentMethod', 'creditcard')),
 *   timeframe: between('date', new Date('2026-01-01T00:00:00Z'), new Date('2026-12-31T23:59:59Z'))
 * })
 * const task = getCustomers(ctx, { query: intersect(bigOrders2026, customerQuery(eq('base.address.city', 'Milano'))) })
 *
 * @category query builder
 * @since 0.2.0
 */
export const eventQuery = <T extends StandardEventType>(
  type: T,
  options: EventQueryOptions<NoInfer<T>> = {},
  name: string = DEFAULT_QUERY_NAME
): Query => ({
  name,
  query: {
    type: 'simple',
    name,
    did: {
      event: { name: type },
      condition: options.where ?? EVERY_EVENT,
      timeframe: options.timeframe ?? EVERY_EVENT
    }
  }
})
