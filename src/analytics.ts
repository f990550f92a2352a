/**
 * The analytics of a workspace (`GET /workspaces/{workspaceId}/analytics/...`): one generic builder and nineteen
 * thin instances, one per endpoint. Each takes the context and the endpoint's options (see `analyticsParams`: node
 * ids sent comma-separated, dates as `YYYY-MM-DD`, `mode` one of the endpoint's, a `query` object as JSON), refuses
 * invalid options with an `InvalidInput` before sending anything, and decodes the endpoint's result. Importing one
 * function bundles only its own endpoint and codec.
 *
 * @since 0.2.0
 */
import * as E from './either'
import * as TE from './taskEither'
import type { Context } from './context'
import { invalidInput, type ContacthubError } from './error'
import { request } from './request'
import { operation } from './operation'
import {
  type AcquisitionDistribution,
  type CityComposition,
  type Composition,
  type CustomerCount,
  type CustomerNodeDistribution,
  type CustomerSourceDistribution,
  type CustomerTimeDistribution,
  type CustomerTrend,
  type DistributionQueryResult,
  type EventNodeDistribution,
  type EventSourceDistribution,
  type EventTimeDistribution,
  type EventTrend,
  type NestedDistribution,
  type NumericQueryResult,
  type TrendQueryResult
} from './codecs/analytics'
import {
  analyticsParams,
  countCustomersEndpoint,
  getCustomerTrendEndpoint,
  getEventTrendEndpoint,
  getGenderCompositionEndpoint,
  getAgeRangeCompositionEndpoint,
  getCountryCompositionEndpoint,
  getCityCompositionEndpoint,
  getCustomerDistributionByNodeEndpoint,
  getCustomerDistributionBySourceEndpoint,
  getCustomerDistributionByTimeEndpoint,
  getEventDistributionByNodeEndpoint,
  getEventDistributionBySourceEndpoint,
  getEventDistributionByTimeEndpoint,
  getCustomerAcquisitionDistributionEndpoint,
  getCustomerQueryDistributionEndpoint,
  getEventQueryDistributionEndpoint,
  getNumericQueryEndpoint,
  getTrendQueryEndpoint,
  getQueryDistributionEndpoint,
  type AnalyticsEndpoint,
  type AnalyticsFunction,
  type AnalyticsOptions,
  type AnalyticsResults,
  type AcquisitionQuery,
  type CityCompositionOptions,
  type DistributionAnalyticsQuery,
  type EventAnalyticsQuery,
  type EventDistributionOptions,
  type EventTimeDistributionOptions,
  type EventTrendOptions,
  type NodeOptions,
  type QueryDistributionOptions,
  type QueryOptions,
  type TimeDistributionOptions,
  type TrendAnalyticsQuery,
  type TrendOptions
} from './codecs/analytics-options'

/** The function of one analytics endpoint: its options checked and sent as its query, its result decoded. */
const analytics = <K extends AnalyticsFunction>(endpoint: AnalyticsEndpoint<K>) => {
  const path = `/workspaces/{workspaceId}${endpoint.path}`
  return (ctx: Context, opts?: AnalyticsOptions[K]): TE.TaskEither<ContacthubError, AnalyticsResults[K]> =>
    operation(endpoint.name, ctx, () => {
      const query = analyticsParams(endpoint, opts)
      return E.isLeft(query)
        ? TE.left(invalidInput(query.left))
        : request(ctx, { operation: endpoint.name, method: 'GET', path, query: query.right }, endpoint.codec)
    })
}

/**
 * Counts the customers of each node, registered in the period when one is given (`GET /analytics/customer/count`).
 *
 * @function
 * @example
 * pipe(countCustomers(ctx, { nodes: ['node-1'] }), TE.map((r) => r.data))
 *
 * @category analytics
 * @since 0.2.0
 */
export const countCustomers: (ctx: Context, opts?: NodeOptions) => TE.TaskEither<ContacthubError, CustomerCount> =
  /*#__PURE__*/ analytics(countCustomersEndpoint)

/**
 * The customer base's trend: new and lost customers per day, week or month (`mode`, `DAILY` when absent); `startDate`
 * and `endDate` are needed (`GET /analytics/trend/customer`).
 *
 * @function
 * @example
 * getCustomerTrend(ctx, { startDate: '2024-01-01', endDate: '2024-03-31', mode: 'MONTHLY' })
 *
 * @category analytics
 * @since 0.2.0
 */
export const getCustomerTrend: (ctx: Context, opts?: TrendOptions) => TE.TaskEither<ContacthubError, CustomerTrend> =
  /*#__PURE__*/ analytics(getCustomerTrendEndpoint)

/**
 * The events' trend per day, week or month (`mode`, `DAILY` when absent), filtered by context and type; `startDate` and
 * `endDate` are needed (`GET /analytics/trend/event`).
 *
 * @function
 * @example
 * getEventTrend(ctx, { startDate: new Date('2024-01-01'), endDate: new Date('2024-01-31'), eventType: 'completedOrder' })
 *
 * @category analytics
 * @since 0.2.0
 */
export const getEventTrend: (ctx: Context, opts?: EventTrendOptions) => TE.TaskEither<ContacthubError, EventTrend> =
  /*#__PURE__*/ analytics(getEventTrendEndpoint)

/**
 * The customers of each node by gender (`GET /analytics/composition/gender`).
 *
 * @function
 * @example
 * getGenderComposition(ctx)
 *
 * @category analytics
 * @since 0.2.0
 */
export const getGenderComposition: (ctx: Context, opts?: NodeOptions) => TE.TaskEither<ContacthubError, Composition> =
  /*#__PURE__*/ analytics(getGenderCompositionEndpoint)

/**
 * The customers of each node by age range (`GET /analytics/composition/age-range`).
 *
 * @function
 * @example
 * getAgeRangeComposition(ctx, { nodes: ['node-1', 'node-2'] })
 *
 * @category analytics
 * @since 0.2.0
 */
export const getAgeRangeComposition: (ctx: Context, opts?: NodeOptions) => TE.TaskEither<ContacthubError, Composition> =
  /*#__PURE__*/ analytics(getAgeRangeCompositionEndpoint)

/**
 * The customers of each node by country (`GET /analytics/composition/geo/country`).
 *
 * @function
 * @example
 * getCountryComposition(ctx, { startDate: '2024-01-01' })
 *
 * @category analytics
 * @since 0.2.0
 */
export const getCountryComposition: (ctx: Context, opts?: NodeOptions) => TE.TaskEither<ContacthubError, Composition> =
  /*#__PURE__*/ analytics(getCountryCompositionEndpoint)

/**
 * The customers of each node by city, in one country when `country` is given (`GET /analytics/composition/geo/city`).
 *
 * @function
 * @example
 * getCityComposition(ctx, { country: 'Italy' })
 *
 * @category analytics
 * @since 0.2.0
 */
export const getCityComposition: (
  ctx: Context,
  opts?: CityCompositionOptions
) => TE.TaskEither<ContacthubError, CityComposition> = /*#__PURE__*/ analytics(getCityCompositionEndpoint)

/**
 * How the customers are distributed over the nodes (`GET /analytics/distribution/customer/node`).
 *
 * @function
 * @example
 * getCustomerDistributionByNode(ctx, { endDate: '2024-12-31' })
 *
 * @category analytics
 * @since 0.2.0
 */
export const getCustomerDistributionByNode: (
  ctx: Context,
  opts?: NodeOptions
) => TE.TaskEither<ContacthubError, CustomerNodeDistribution> = /*#__PURE__*/ analytics(
  getCustomerDistributionByNodeEndpoint
)

/**
 * How the customers of each node are distributed over their sources (`GET /analytics/distribution/customer/source`).
 *
 * @function
 * @example
 * getCustomerDistributionBySource(ctx)
 *
 * @category analytics
 * @since 0.2.0
 */
export const getCustomerDistributionBySource: (
  ctx: Context,
  opts?: NodeOptions
) => TE.TaskEither<ContacthubError, CustomerSourceDistribution> = /*#__PURE__*/ analytics(
  getCustomerDistributionBySourceEndpoint
)

/**
 * When customers register: counts by hour of the day, day of the week or day of the month (`mode`) (`GET
 * /analytics/distribution/customer/time`).
 *
 * @function
 * @example
 * getCustomerDistributionByTime(ctx, { mode: 'DAYOFWEEK' })
 *
 * @category analytics
 * @since 0.2.0
 */
export const getCustomerDistributionByTime: (
  ctx: Context,
  opts?: TimeDistributionOptions
) => TE.TaskEither<ContacthubError, CustomerTimeDistribution> = /*#__PURE__*/ analytics(
  getCustomerDistributionByTimeEndpoint
)

/**
 * How the events are distributed over the nodes, filtered by context and type (`GET
 * /analytics/distribution/event/node`).
 *
 * @function
 * @example
 * getEventDistributionByNode(ctx, { context: 'WEB' })
 *
 * @category analytics
 * @since 0.2.0
 */
export const getEventDistributionByNode: (
  ctx: Context,
  opts?: EventDistributionOptions
) => TE.TaskEither<ContacthubError, EventNodeDistribution> = /*#__PURE__*/ analytics(getEventDistributionByNodeEndpoint)

/**
 * How the events of each node are distributed over their sources, filtered by context and type (`GET
 * /analytics/distribution/event/source`).
 *
 * @function
 * @example
 * getEventDistributionBySource(ctx, { eventType: 'viewedPage' })
 *
 * @category analytics
 * @since 0.2.0
 */
export const getEventDistributionBySource: (
  ctx: Context,
  opts?: EventDistributionOptions
) => TE.TaskEither<ContacthubError, EventSourceDistribution> = /*#__PURE__*/ analytics(
  getEventDistributionBySourceEndpoint
)

/**
 * When events happen: counts by hour of the day, day of the week or day of the month (`mode`), filtered by context and
 * type (`GET /analytics/distribution/event/time`).
 *
 * @function
 * @example
 * getEventDistributionByTime(ctx, { mode: 'HOUROFDAY', context: 'ECOMMERCE' })
 *
 * @category analytics
 * @since 0.2.0
 */
export const getEventDistributionByTime: (
  ctx: Context,
  opts?: EventTimeDistributionOptions
) => TE.TaskEither<ContacthubError, EventTimeDistribution> = /*#__PURE__*/ analytics(getEventDistributionByTimeEndpoint)

/**
 * How customers were acquired, as the query (needed, sent as JSON) describes (`GET
 * /analytics/query/distribution/customer/acquisition`).
 *
 * @function
 * @example
 * getCustomerAcquisitionDistribution(ctx, { query: { nodeId: 'node-1', startDate: '2024-01-01', endDate: '2024-01-31', eventType: 'completedOrder', aggregation: { operator: 'COUNT' } } })
 *
 * @category analytics
 * @since 0.2.0
 */
export const getCustomerAcquisitionDistribution: (
  ctx: Context,
  opts?: QueryOptions<AcquisitionQuery>
) => TE.TaskEither<ContacthubError, AcquisitionDistribution> = /*#__PURE__*/ analytics(
  getCustomerAcquisitionDistributionEndpoint
)

/**
 * A metric of the events distributed over a path and then over a customer path, as the query (needed, sent as JSON)
 * describes; `size` and `sort` shape the distribution (`GET /analytics/query/distribution/customer`).
 *
 * @function
 * @example
 * getCustomerQueryDistribution(ctx, { query: { eventType: 'completedOrder', distributionFieldPath: 'properties.products.sku', customerDistributionFieldPath: 'base.gender' }, size: 10 })
 *
 * @category analytics
 * @since 0.2.0
 */
export const getCustomerQueryDistribution: (
  ctx: Context,
  opts?: QueryDistributionOptions
) => TE.TaskEither<ContacthubError, NestedDistribution> = /*#__PURE__*/ analytics(getCustomerQueryDistributionEndpoint)

/**
 * A metric of the events distributed over event paths, as the query (needed, sent as JSON) describes; `size` and `sort`
 * shape the distribution (`GET /analytics/query/distribution/event`).
 *
 * @function
 * @example
 * getEventQueryDistribution(ctx, { query: { eventType: 'completedOrder', distributionFieldPath: 'properties.products.sku' }, sort: 'desc' })
 *
 * @category analytics
 * @since 0.2.0
 */
export const getEventQueryDistribution: (
  ctx: Context,
  opts?: QueryDistributionOptions
) => TE.TaskEither<ContacthubError, NestedDistribution> = /*#__PURE__*/ analytics(getEventQueryDistributionEndpoint)

/**
 * A metric of a node's events (a sum, a count, a distinct count), as the query (sent as JSON) describes (`GET
 * /analytics/query/numeric`).
 *
 * @function
 * @example
 * getNumericQuery(ctx, { query: { nodeId: 'node-1', eventType: 'completedOrder', aggregation: { operator: 'SUM', fieldPath: 'properties.amount.total' } } })
 *
 * @category analytics
 * @since 0.2.0
 */
export const getNumericQuery: (
  ctx: Context,
  opts?: QueryOptions<EventAnalyticsQuery>
) => TE.TaskEither<ContacthubError, NumericQueryResult> = /*#__PURE__*/ analytics(getNumericQueryEndpoint)

/**
 * A metric of a node's events per day, week or month, as the query (sent as JSON) describes (`GET
 * /analytics/query/trend`).
 *
 * @function
 * @example
 * getTrendQuery(ctx, { query: { nodeId: 'node-1', mode: 'WEEKLY', aggregation: { operator: 'COUNT' } } })
 *
 * @category analytics
 * @since 0.2.0
 */
export const getTrendQuery: (
  ctx: Context,
  opts?: QueryOptions<TrendAnalyticsQuery>
) => TE.TaskEither<ContacthubError, TrendQueryResult> = /*#__PURE__*/ analytics(getTrendQueryEndpoint)

/**
 * A metric of a node's events distributed over a field of the event or of its customer, as the query (sent as JSON)
 * describes (`GET /analytics/query/distribution`).
 *
 * @function
 * @example
 * getQueryDistribution(ctx, { query: { nodeId: 'node-1', aggregation: { operator: 'COUNT' }, distributionField: { entity: 'CUSTOMER', path: 'base.gender' } } })
 *
 * @category analytics
 * @since 0.2.0
 */
export const getQueryDistribution: (
  ctx: Context,
  opts?: QueryOptions<DistributionAnalyticsQuery>
) => TE.TaskEither<ContacthubError, DistributionQueryResult> = /*#__PURE__*/ analytics(getQueryDistributionEndpoint)
