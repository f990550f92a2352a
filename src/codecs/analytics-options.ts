/**
 * What the analytics functions send: the options of each of the nineteen functions, one table entry per function
 * (its name, path, parameters and result codec) and `analyticsParams`, which turns options into the query string the
 * API expects (`nodes` comma-separated, dates `YYYY-MM-DD`, modes checked, `query` objects as JSON).
 *
 * @since 0.2.0
 */
import type * as t from '#io-ts/index'
import * as E from '#fp-ts/Either'
import { isRecord, toDateOnly, validDateOnly, type DateInput, type Rec } from './common'
import { show as showValue } from '../decode'
import { STANDARD_EVENT_CONTEXTS, type EventType, type StandardEventContext } from './event'
import {
  AcquisitionDistribution,
  CityComposition,
  Composition,
  CustomerCount,
  CustomerNodeDistribution,
  CustomerSourceDistribution,
  CustomerTimeDistribution,
  CustomerTrend,
  DistributionQueryResult,
  EventNodeDistribution,
  EventSourceDistribution,
  EventTimeDistribution,
  EventTrend,
  NestedDistribution,
  NumericQueryResult,
  TIME_DISTRIBUTION_MODES,
  TREND_MODES,
  TrendQueryResult,
  type AggregationOperator,
  type TimeDistributionMode,
  type TrendMode
} from './analytics'

// -------------------------------------------------------------------------------------------------------------------
// options
// -------------------------------------------------------------------------------------------------------------------

/**
 * The options every node-based analytics function takes: the nodes to include (all when absent), sent
 * comma-separated, and the period, each end a `Date` (its UTC day) or a `YYYY-MM-DD` string.
 *
 * @example
 * const opts: NodeOptions = { nodes: ['node-1', 'node-2'], startDate: new Date('2024-01-01'), endDate: '2024-01-31' }
 *
 * @category model
 * @since 0.2.0
 */
export interface NodeOptions {
  readonly nodes?: ReadonlyArray<string>
  readonly startDate?: DateInput
  readonly endDate?: DateInput
}

/**
 * The options of `getCityComposition`: those of {@link NodeOptions} and a country to look into.
 *
 * @category model
 * @since 0.2.0
 */
export interface CityCompositionOptions extends NodeOptions {
  readonly country?: string
}

/**
 * The options of `getCustomerTrend`: `startDate` and `endDate` are needed; `mode` is `DAILY` when absent.
 *
 * @category model
 * @since 0.2.0
 */
export interface TrendOptions extends NodeOptions {
  readonly mode?: TrendMode
}

/**
 * The event filter of the event analytics: a standard context and an event type.
 *
 * @category model
 * @since 0.2.0
 */
export interface EventFilterOptions {
  readonly context?: StandardEventContext
  readonly eventType?: EventType
}

/**
 * The options of `getEventTrend`: `startDate` and `endDate` are needed; `mode` is `DAILY` when absent.
 *
 * @category model
 * @since 0.2.0
 */
export interface EventTrendOptions extends TrendOptions, EventFilterOptions {}

/**
 * The options of `getEventDistributionByNode` and `getEventDistributionBySource`.
 *
 * @category model
 * @since 0.2.0
 */
export interface EventDistributionOptions extends NodeOptions, EventFilterOptions {}

/**
 * The options of `getCustomerDistributionByTime` (the server's default mode is `HOUROFDAY`).
 *
 * @category model
 * @since 0.2.0
 */
export interface TimeDistributionOptions extends NodeOptions {
  readonly mode?: TimeDistributionMode
}

/**
 * The options of `getEventDistributionByTime`.
 *
 * @category model
 * @since 0.2.0
 */
export interface EventTimeDistributionOptions extends TimeDistributionOptions, EventFilterOptions {}

/**
 * A filter of an analytics query: an event property path and the value it must have.
 *
 * @category model
 * @since 0.2.0
 */
export interface AnalyticsQueryFilter {
  readonly fieldPath: string
  readonly value: string
}

/**
 * The metric of an analytics query: an operator over an event property path (`properties.amount.total`).
 *
 * @category model
 * @since 0.2.0
 */
export interface AnalyticsQueryAggregation {
  readonly operator: AggregationOperator
  readonly fieldPath?: string
  readonly optionalFilters?: ReadonlyArray<AnalyticsQueryFilter>
}

/**
 * The query of `getCustomerAcquisitionDistribution`. Its dates are sent as `YYYY-MM-DD`, like the options'.
 *
 * @category model
 * @since 0.2.0
 */
export interface AcquisitionQuery {
  readonly nodeId?: string
  readonly startDate?: DateInput
  readonly endDate?: DateInput
  readonly eventType?: EventType
  readonly aggregation?: AnalyticsQueryAggregation
}

/**
 * The query of `getCustomerQueryDistribution` and `getEventQueryDistribution`: an acquisition query and the paths
 * it is distributed over (`properties.products.sku`, then `base.gender`).
 *
 * @category model
 * @since 0.2.0
 */
export interface QueryDistributionQuery extends AcquisitionQuery {
  readonly distributionFieldPath?: string
  readonly customerDistributionFieldPath?: string
}

/**
 * The query of `getNumericQuery`: a metric of the events of a node, filtered.
 *
 * @category model
 * @since 0.2.0
 */
export interface EventAnalyticsQuery {
  readonly nodeId?: string
  readonly startDate?: DateInput
  readonly endDate?: DateInput
  readonly eventType?: EventType
  readonly context?: StandardEventContext
  readonly optionalFilters?: ReadonlyArray<AnalyticsQueryFilter>
  readonly aggregation?: AnalyticsQueryAggregation
}

/**
 * The query of `getTrendQuery`.
 *
 * @category model
 * @since 0.2.0
 */
export interface TrendAnalyticsQuery extends EventAnalyticsQuery {
  readonly mode?: TrendMode
}

/**
 * The query of `getQueryDistribution`: the metric distributed over a field of the event or of its customer.
 *
 * @category model
 * @since 0.2.0
 */
export interface DistributionAnalyticsQuery extends EventAnalyticsQuery {
  readonly distributionField?: { readonly entity: 'EVENT' | 'CUSTOMER'; readonly path: string }
}

/**
 * The options of a query-based analytics function: its query, sent as JSON.
 *
 * @category model
 * @since 0.2.0
 */
export interface QueryOptions<Q> {
  readonly query?: Q
}

/**
 * The options of `getCustomerQueryDistribution` and `getEventQueryDistribution`: the query (needed), the size of
 * the distribution and its sort direction.
 *
 * @category model
 * @since 0.2.0
 */
export interface QueryDistributionOptions extends QueryOptions<QueryDistributionQuery> {
  readonly size?: number
  readonly sort?: string
}

/**
 * The options of each analytics function, by name.
 *
 * @category model
 * @since 0.2.0
 */
export interface AnalyticsOptions {
  readonly countCustomers: NodeOptions
  readonly getCustomerTrend: TrendOptions
  readonly getEventTrend: EventTrendOptions
  readonly getGenderComposition: NodeOptions
  readonly getAgeRangeComposition: NodeOptions
  readonly getCountryComposition: NodeOptions
  readonly getCityComposition: CityCompositionOptions
  readonly getCustomerDistributionByNode: NodeOptions
  readonly getCustomerDistributionBySource: NodeOptions
  readonly getCustomerDistributionByTime: TimeDistributionOptions
  readonly getEventDistributionByNode: EventDistributionOptions
  readonly getEventDistributionBySource: EventDistributionOptions
  readonly getEventDistributionByTime: EventTimeDistributionOptions
  readonly getCustomerAcquisitionDistribution: QueryOptions<AcquisitionQuery>
  readonly getCustomerQueryDistribution: QueryDistributionOptions
  readonly getEventQueryDistribution: QueryDistributionOptions
  readonly getNumericQuery: QueryOptions<EventAnalyticsQuery>
  readonly getTrendQuery: QueryOptions<TrendAnalyticsQuery>
  readonly getQueryDistribution: QueryOptions<DistributionAnalyticsQuery>
}

/**
 * The result of each analytics function, by name.
 *
 * @category model
 * @since 0.2.0
 */
export interface AnalyticsResults {
  readonly countCustomers: CustomerCount
  readonly getCustomerTrend: CustomerTrend
  readonly getEventTrend: EventTrend
  readonly getGenderComposition: Composition
  readonly getAgeRangeComposition: Composition
  readonly getCountryComposition: Composition
  readonly getCityComposition: CityComposition
  readonly getCustomerDistributionByNode: CustomerNodeDistribution
  readonly getCustomerDistributionBySource: CustomerSourceDistribution
  readonly getCustomerDistributionByTime: CustomerTimeDistribution
  readonly getEventDistributionByNode: EventNodeDistribution
  readonly getEventDistributionBySource: EventSourceDistribution
  readonly getEventDistributionByTime: EventTimeDistribution
  readonly getCustomerAcquisitionDistribution: AcquisitionDistribution
  readonly getCustomerQueryDistribution: NestedDistribution
  readonly getEventQueryDistribution: NestedDistribution
  readonly getNumericQuery: NumericQueryResult
  readonly getTrendQuery: TrendQueryResult
  readonly getQueryDistribution: DistributionQueryResult
}

/**
 * The name of an analytics function.
 *
 * @category model
 * @since 0.2.0
 */
export type AnalyticsFunction = keyof AnalyticsOptions

/**
 * A query parameter of the analytics endpoints.
 *
 * @category model
 * @since 0.2.0
 */
export type AnalyticsParam =
  'nodes' | 'startDate' | 'endDate' | 'mode' | 'context' | 'eventType' | 'country' | 'query' | 'size' | 'sort'

// -------------------------------------------------------------------------------------------------------------------
// the table
// -------------------------------------------------------------------------------------------------------------------

/**
 * What a generic builder needs to make an analytics function: its name, its path under
 * `/workspaces/{workspaceId}`, the query parameters it takes and those it needs, the modes it accepts (and the
 * mode it sends when none is given), and the codec of its result.
 *
 * @category model
 * @since 0.2.0
 */
export interface AnalyticsEndpoint<K extends AnalyticsFunction = AnalyticsFunction> {
  readonly name: K
  readonly path: string
  readonly params: ReadonlyArray<AnalyticsParam>
  readonly required: ReadonlyArray<AnalyticsParam>
  readonly modes?: ReadonlyArray<string>
  readonly defaultMode?: string
  readonly codec: t.Type<AnalyticsResults[K], unknown, unknown>
}

const endpoint = <K extends AnalyticsFunction>(e: AnalyticsEndpoint<K>): AnalyticsEndpoint<K> => e

const NODE: ReadonlyArray<AnalyticsParam> = ['nodes', 'startDate', 'endDate']
const EVENT: ReadonlyArray<AnalyticsParam> = ['nodes', 'startDate', 'endDate', 'context', 'eventType']
const QUERY: ReadonlyArray<AnalyticsParam> = ['query']
const QUERY_DISTRIBUTION: ReadonlyArray<AnalyticsParam> = ['query', 'size', 'sort']
const NONE: ReadonlyArray<AnalyticsParam> = []
const DATES: ReadonlyArray<AnalyticsParam> = ['startDate', 'endDate']

/**
 * `GET /analytics/customer/count`.
 *
 * @category analytics
 * @since 0.2.0
 */
export const countCustomersEndpoint = /*#__PURE__*/ endpoint({
  name: 'countCustomers',
  path: '/analytics/customer/count',
  params: NODE,
  required: NONE,
  codec: CustomerCount
})

/**
 * `GET /analytics/trend/customer`.
 *
 * @category analytics
 * @since 0.2.0
 */
export const getCustomerTrendEndpoint = /*#__PURE__*/ endpoint({
  name: 'getCustomerTrend',
  path: '/analytics/trend/customer',
  params: ['nodes', 'startDate', 'endDate', 'mode'],
  required: DATES,
  modes: TREND_MODES,
  defaultMode: 'DAILY',
  codec: CustomerTrend
})

/**
 * `GET /analytics/trend/event`.
 *
 * @category analytics
 * @since 0.2.0
 */
export const getEventTrendEndpoint = /*#__PURE__*/ endpoint({
  name: 'getEventTrend',
  path: '/analytics/trend/event',
  params: ['nodes', 'startDate', 'endDate', 'context', 'eventType', 'mode'],
  required: DATES,
  modes: TREND_MODES,
  defaultMode: 'DAILY',
  codec: EventTrend
})

/**
 * `GET /analytics/composition/gender`.
 *
 * @category analytics
 * @since 0.2.0
 */
export const getGenderCompositionEndpoint = /*#__PURE__*/ endpoint({
  name: 'getGenderComposition',
  path: '/analytics/composition/gender',
  params: NODE,
  required: NONE,
  codec: Composition
})

/**
 * `GET /analytics/composition/age-range`.
 *
 * @category analytics
 * @since 0.2.0
 */
export const getAgeRangeCompositionEndpoint = /*#__PURE__*/ endpoint({
  name: 'getAgeRangeComposition',
  path: '/analytics/composition/age-range',
  params: NODE,
  required: NONE,
  codec: Composition
})

/**
 * `GET /analytics/composition/geo/country`.
 *
 * @category analytics
 * @since 0.2.0
 */
export const getCountryCompositionEndpoint = /*#__PURE__*/ endpoint({
  name: 'getCountryComposition',
  path: '/analytics/composition/geo/country',
  params: NODE,
  required: NONE,
  codec: Composition
})

/**
 * `GET /analytics/composition/geo/city`.
 *
 * @category analytics
 * @since 0.2.0
 */
export const getCityCompositionEndpoint = /*#__PURE__*/ endpoint({
  name: 'getCityComposition',
  path: '/analytics/composition/geo/city',
  params: ['nodes', 'startDate', 'endDate', 'country'],
  required: NONE,
  codec: CityComposition
})

/**
 * `GET /analytics/distribution/customer/node`.
 *
 * @category analytics
 * @since 0.2.0
 */
export const getCustomerDistributionByNodeEndpoint = /*#__PURE__*/ endpoint({
  name: 'getCustomerDistributionByNode',
  path: '/analytics/distribution/customer/node',
  params: NODE,
  required: NONE,
  codec: CustomerNodeDistribution
})

/**
 * `GET /analytics/distribution/customer/source`.
 *
 * @category analytics
 * @since 0.2.0
 */
export const getCustomerDistributionBySourceEndpoint = /*#__PURE__*/ endpoint({
  name: 'getCustomerDistributionBySource',
  path: '/analytics/distribution/customer/source',
  params: NODE,
  required: NONE,
  codec: CustomerSourceDistribution
})

/**
 * `GET /analytics/distribution/customer/time`.
 *
 * @category analytics
 * @since 0.2.0
 */
export const getCustomerDistributionByTimeEndpoint = /*#__PURE__*/ endpoint({
  name: 'getCustomerDistributionByTime',
  path: '/analytics/distribution/customer/time',
  params: ['nodes', 'startDate', 'endDate', 'mode'],
  required: NONE,
  modes: TIME_DISTRIBUTION_MODES,
  codec: CustomerTimeDistribution
})

/**
 * `GET /analytics/distribution/event/node`.
 *
 * @category analytics
 * @since 0.2.0
 */
export const getEventDistributionByNodeEndpoint = /*#__PURE__*/ endpoint({
  name: 'getEventDistributionByNode',
  path: '/analytics/distribution/event/node',
  params: EVENT,
  required: NONE,
  codec: EventNodeDistribution
})

/**
 * `GET /analytics/distribution/event/source`.
 *
 * @category analytics
 * @since 0.2.0
 */
export const getEventDistributionBySourceEndpoint = /*#__PURE__*/ endpoint({
  name: 'getEventDistributionBySource',
  path: '/analytics/distribution/event/source',
  params: EVENT,
  required: NONE,
  codec: EventSourceDistribution
})

/**
 * `GET /analytics/distribution/event/time`.
 *
 * @category analytics
 * @since 0.2.0
 */
export const getEventDistributionByTimeEndpoint = /*#__PURE__*/ endpoint({
  name: 'getEventDistributionByTime',
  path: '/analytics/distribution/event/time',
  params: ['nodes', 'startDate', 'endDate', 'context', 'eventType', 'mode'],
  required: NONE,
  modes: TIME_DISTRIBUTION_MODES,
  codec: EventTimeDistribution
})

/**
 * `GET /analytics/query/distribution/customer/acquisition`.
 *
 * @category analytics
 * @since 0.2.0
 */
export const getCustomerAcquisitionDistributionEndpoint = /*#__PURE__*/ endpoint({
  name: 'getCustomerAcquisitionDistribution',
  path: '/analytics/query/distribution/customer/acquisition',
  params: QUERY,
  required: QUERY,
  codec: AcquisitionDistribution
})

/**
 * `GET /analytics/query/distribution/customer`.
 *
 * @category analytics
 * @since 0.2.0
 */
export const getCustomerQueryDistributionEndpoint = /*#__PURE__*/ endpoint({
  name: 'getCustomerQueryDistribution',
  path: '/analytics/query/distribution/customer',
  params: QUERY_DISTRIBUTION,
  required: QUERY,
  codec: NestedDistribution
})

/**
 * `GET /analytics/query/distribution/event`.
 *
 * @category analytics
 * @since 0.2.0
 */
export const getEventQueryDistributionEndpoint = /*#__PURE__*/ endpoint({
  name: 'getEventQueryDistribution',
  path: '/analytics/query/distribution/event',
  params: QUERY_DISTRIBUTION,
  required: QUERY,
  codec: NestedDistribution
})

/**
 * `GET /analytics/query/numeric`.
 *
 * @category analytics
 * @since 0.2.0
 */
export const getNumericQueryEndpoint = /*#__PURE__*/ endpoint({
  name: 'getNumericQuery',
  path: '/analytics/query/numeric',
  params: QUERY,
  required: NONE,
  codec: NumericQueryResult
})

/**
 * `GET /analytics/query/trend`.
 *
 * @category analytics
 * @since 0.2.0
 */
export const getTrendQueryEndpoint = /*#__PURE__*/ endpoint({
  name: 'getTrendQuery',
  path: '/analytics/query/trend',
  params: QUERY,
  required: NONE,
  codec: TrendQueryResult
})

/**
 * `GET /analytics/query/distribution`.
 *
 * @category analytics
 * @since 0.2.0
 */
export const getQueryDistributionEndpoint = /*#__PURE__*/ endpoint({
  name: 'getQueryDistribution',
  path: '/analytics/query/distribution',
  params: QUERY,
  required: NONE,
  codec: DistributionQueryResult
})

/**
 * Every analytics function's endpoint, by name. An operation that needs one entry should import that entry
 * (`getCustomerTrendEndpoint`) so that bundles keep only its codec.
 *
 * @category analytics
 * @since 0.2.0
 */
export const ANALYTICS_ENDPOINTS: { readonly [K in AnalyticsFunction]: AnalyticsEndpoint<K> } = {
  countCustomers: countCustomersEndpoint,
  getCustomerTrend: getCustomerTrendEndpoint,
  getEventTrend: getEventTrendEndpoint,
  getGenderComposition: getGenderCompositionEndpoint,
  getAgeRangeComposition: getAgeRangeCompositionEndpoint,
  getCountryComposition: getCountryCompositionEndpoint,
  getCityComposition: getCityCompositionEndpoint,
  getCustomerDistributionByNode: getCustomerDistributionByNodeEndpoint,
  getCustomerDistributionBySource: getCustomerDistributionBySourceEndpoint,
  getCustomerDistributionByTime: getCustomerDistributionByTimeEndpoint,
  getEventDistributionByNode: getEventDistributionByNodeEndpoint,
  getEventDistributionBySource: getEventDistributionBySourceEndpoint,
  getEventDistributionByTime: getEventDistributionByTimeEndpoint,
  getCustomerAcquisitionDistribution: getCustomerAcquisitionDistributionEndpoint,
  getCustomerQueryDistribution: getCustomerQueryDistributionEndpoint,
  getEventQueryDistribution: getEventQueryDistributionEndpoint,
  getNumericQuery: getNumericQueryEndpoint,
  getTrendQuery: getTrendQueryEndpoint,
  getQueryDistribution: getQueryDistributionEndpoint
}

// -------------------------------------------------------------------------------------------------------------------
// options -> query parameters
// -------------------------------------------------------------------------------------------------------------------

// An empty array is `an array` here too (decode's `show` writes `[]`).
const show = (u: unknown): string =>
  u instanceof Date ? 'an invalid Date' : Array.isArray(u) ? 'an array' : showValue(u)

/** A date option as `YYYY-MM-DD`, or `undefined` when it is neither a valid `Date` nor a valid `YYYY-MM-DD`. */
const dateParam = (u: unknown): string | undefined => {
  const s = u instanceof Date ? toDateOnly(u) : typeof u === 'string' ? u : undefined
  return s !== undefined && validDateOnly(s) ? s : undefined
}

const badDate = (fn: string, key: string, u: unknown): E.Either<string, never> =>
  E.left(`${fn}: ${key} must be a valid Date or a YYYY-MM-DD date, got ${show(u)}.`)

/** The query object with its dates as `YYYY-MM-DD`, as JSON text. */
const queryParam = (fn: string, u: unknown): E.Either<string, string> => {
  if (!isRecord(u)) return E.left(`${fn}: query must be an object, got ${show(u)}.`)
  let q: Record<string, unknown> | undefined
  for (const key of ['startDate', 'endDate']) {
    const v = u[key]
    if (v === undefined || v === null) continue
    const d = dateParam(v)
    if (d === undefined) return badDate(fn, `query.${key}`, v)
    if (d !== v) {
      q ??= { ...u }
      q[key] = d
    }
  }
  try {
    return E.right(JSON.stringify(q ?? u))
  } catch {
    return E.left(`${fn}: query cannot be written as JSON.`)
  }
}

const nonEmpty = (fn: string, key: string, u: unknown): E.Either<string, string> =>
  typeof u === 'string' && u.trim() !== ''
    ? E.right(u)
    : E.left(`${fn}: ${key} must be a non-empty string, got ${show(u)}.`)

const oneOf = (fn: string, key: string, u: unknown, allowed: ReadonlyArray<string>): E.Either<string, string> =>
  typeof u === 'string' && allowed.includes(u)
    ? E.right(u)
    : E.left(`${fn}: ${key} must be one of ${allowed.join(', ')}, got ${show(u)}.`)

const param = (endpoint: AnalyticsEndpoint, key: AnalyticsParam, u: unknown): E.Either<string, string | undefined> => {
  const fn = endpoint.name
  switch (key) {
    case 'nodes': {
      if (!Array.isArray(u)) return E.left(`${fn}: nodes must be an array of node ids, got ${show(u)}.`)
      const ids: ReadonlyArray<unknown> = u
      for (const id of ids) {
        if (typeof id !== 'string' || id.trim() === '' || id.includes(','))
          return E.left(`${fn}: nodes must hold non-empty node ids without commas, got ${show(id)}.`)
      }
      return E.right(ids.length === 0 ? undefined : ids.join(','))
    }
    case 'startDate':
    case 'endDate': {
      const d = dateParam(u)
      return d === undefined ? badDate(fn, key, u) : E.right(d)
    }
    case 'mode':
      return oneOf(fn, key, u, endpoint.modes ?? [])
    case 'context':
      return oneOf(fn, key, u, STANDARD_EVENT_CONTEXTS)
    case 'eventType':
    case 'country':
    case 'sort':
      return nonEmpty(fn, key, u)
    case 'size':
      return typeof u === 'number' && Number.isSafeInteger(u) && u > 0
        ? E.right(String(u))
        : E.left(`${fn}: size must be a positive integer, got ${show(u)}.`)
    case 'query':
      return queryParam(fn, u)
  }
}

/**
 * Turns an analytics function's options into its query parameters, as the spec names them: `nodes` joined with
 * commas (left out when empty), `startDate` / `endDate` as `YYYY-MM-DD` (a `Date` by its UTC day; a string must be
 * a real `YYYY-MM-DD` date), `mode` one of the endpoint's modes (its default when it has one and none is given),
 * `context` a standard event context, `size` a positive integer, `query` as JSON (its own `startDate` / `endDate`
 * written as `YYYY-MM-DD`). `undefined` and `null` options are left out. Fails with a message naming the function
 * for an invalid value, an option the function does not take, a missing needed option, or a start after the end.
 *
 * @example
 * analyticsParams(getCustomerTrendEndpoint, { nodes: ['a', 'b'], startDate: new Date('2024-01-01'), endDate: '2024-01-31' })
 * // right({ nodes: 'a,b', startDate: '2024-01-01', endDate: '2024-01-31', mode: 'DAILY' })
 *
 * @category analytics
 * @since 0.2.0
 */
export const analyticsParams = <K extends AnalyticsFunction>(
  endpoint: AnalyticsEndpoint<K>,
  opts?: AnalyticsOptions[K]
): E.Either<string, Record<string, string | undefined>> => {
  const e = endpoint as unknown as AnalyticsEndpoint
  const fn = e.name
  if (opts !== undefined && opts !== null && !isRecord(opts))
    return E.left(`${fn}: the options must be an object, got ${show(opts)}.`)
  const given: Rec = opts ?? {}
  const out: Record<string, string | undefined> = {}
  for (const key of Object.keys(given)) {
    const v = given[key]
    if (v === undefined || v === null) continue
    if (!(e.params as ReadonlyArray<string>).includes(key)) return E.left(`${fn} takes no option ${show(key)}.`)
    const r = param(e, key as AnalyticsParam, v)
    if (E.isLeft(r)) return r
    if (r.right !== undefined) out[key] = r.right
  }
  if (out.mode === undefined && e.defaultMode !== undefined) out.mode = e.defaultMode
  for (const key of e.required) {
    if (out[key] === undefined) return E.left(`${fn} needs the option ${key}.`)
  }
  const start = out.startDate
  const end = out.endDate
  if (start !== undefined && end !== undefined && start > end)
    return E.left(`${fn}: startDate ${start} is after endDate ${end}.`)
  return E.right(out)
}
