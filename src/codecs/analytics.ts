/**
 * The results of a workspace's analytics (`GET /workspaces/{workspaceId}/analytics/...`): their codecs and types.
 * What is sent (the options of the nineteen analytics functions, their query parameters, one table entry per
 * function) is in `analytics-options.ts`.
 *
 * Every result is `{ name, headers, parameters, data }`: `headers` describes `data` (a JSON schema, kept as an
 * open record), `parameters` echoes the request. The spec's definitions and its own examples disagree in places;
 * both forms decode:
 * - a `data` list may hold its items directly (the examples) or in nested lists (some definitions): decoded
 *   flat, in order;
 * - a count or metric may be a number (the examples) or a numeric string (some definitions): decoded as a number;
 * - an absent field decodes as `null`; `parameters.nodes` as a list is joined with commas, as the spec writes it.
 *
 * @since 0.2.0
 */
import * as t from '#io-ts/index'
import * as E from '#fp-ts/Either'
import { isRecord, LenientDate, nullable, openEnum, type Rec } from './common'
import { EventContextCodec, EventTypeCodec, type EventContext, type EventType } from './event'

// -------------------------------------------------------------------------------------------------------------------
// building blocks
// -------------------------------------------------------------------------------------------------------------------

const NString = /*#__PURE__*/ nullable(t.string)
const NDate = /*#__PURE__*/ nullable(LenientDate)
const NRecord = /*#__PURE__*/ nullable(t.UnknownRecord)

const NUMERIC = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/

/**
 * A count or a metric: a number, or a string that holds one (`"12000"`), decoded as a number. Other values fail.
 *
 * @category codecs
 * @since 0.2.0
 */
export const Metric: t.Type<number, number, unknown> = /*#__PURE__*/ new t.Type<number, number, unknown>(
  'Metric',
  (u): u is number => typeof u === 'number' && Number.isFinite(u),
  (u, c) => {
    if (typeof u === 'number') return Number.isFinite(u) ? t.success(u) : t.failure(u, c)
    if (typeof u === 'string' && NUMERIC.test(u)) {
      const n = Number(u)
      if (Number.isFinite(n)) return t.success(n)
    }
    return t.failure(u, c)
  },
  (a) => a
)

const NMetric = /*#__PURE__*/ nullable(Metric)

/**
 * The codec of a list whose items may also come in nested lists (`[a, b]` or `[[a], [b]]`): decoded flat, in order.
 *
 * @category combinators
 * @since 0.2.0
 */
export const flatList = <C extends t.Mixed>(item: C): t.Type<ReadonlyArray<t.TypeOf<C>>, unknown, unknown> =>
  new t.Type<ReadonlyArray<t.TypeOf<C>>, unknown, unknown>(
    `FlatList<${item.name}>`,
    (u): u is ReadonlyArray<t.TypeOf<C>> => Array.isArray(u) && u.every((x) => item.is(x)),
    (u, c) => {
      if (!Array.isArray(u)) return t.failure(u, c)
      const us: ReadonlyArray<unknown> = u
      const out: Array<t.TypeOf<C>> = []
      const errors: Array<t.ValidationError> = []
      const one = (x: unknown, ctx: t.Context): void => {
        const r: t.Validation<t.TypeOf<C>> = item.validate(x, ctx)
        if (E.isLeft(r)) errors.push(...r.left)
        else out.push(r.right)
      }
      for (let i = 0; i < us.length; i++) {
        const x = us[i]
        const ci = [...c, { key: String(i), type: item, actual: x }]
        if (Array.isArray(x)) {
          const xs: ReadonlyArray<unknown> = x
          for (let j = 0; j < xs.length; j++) one(xs[j], [...ci, { key: String(j), type: item, actual: xs[j] }])
        } else one(x, ci)
      }
      return errors.length > 0 ? t.failures(errors) : t.success(out)
    },
    (a) => a
  )

/** `parameters.nodes`: the spec's comma-separated string; a list of ids is joined the same way. */
const NodesEcho = /*#__PURE__*/ new t.Type<string, string, unknown>(
  'Nodes',
  (u): u is string => typeof u === 'string',
  (u, c) => {
    if (typeof u === 'string') return t.success(u)
    if (Array.isArray(u) && u.every((x) => typeof x === 'string')) return t.success(u.join(','))
    return t.failure(u, c)
  },
  (a) => a
)
const NNodes = /*#__PURE__*/ nullable(NodesEcho)

// -------------------------------------------------------------------------------------------------------------------
// enumerations
// -------------------------------------------------------------------------------------------------------------------

/**
 * How a trend aggregates time.
 *
 * @category model
 * @since 0.2.0
 */
export type TrendMode = 'DAILY' | 'WEEKLY' | 'MONTHLY'

/**
 * The trend modes, as a list.
 *
 * @category constants
 * @since 0.2.0
 */
export const TREND_MODES: ReadonlyArray<TrendMode> = ['DAILY', 'WEEKLY', 'MONTHLY']

/**
 * How a time distribution groups its counts: by hour of the day, day of the week or day of the month.
 *
 * @category model
 * @since 0.2.0
 */
export type TimeDistributionMode = 'HOUROFDAY' | 'DAYOFWEEK' | 'DAYOFMONTH'

/**
 * The time distribution modes, as a list.
 *
 * @category constants
 * @since 0.2.0
 */
export const TIME_DISTRIBUTION_MODES: ReadonlyArray<TimeDistributionMode> = ['HOUROFDAY', 'DAYOFWEEK', 'DAYOFMONTH']

/**
 * The aggregation of an analytics query's metric.
 *
 * @category model
 * @since 0.2.0
 */
export type AggregationOperator = 'SUM' | 'COUNT' | 'COUNT_DISTINCT'

const TrendModeEcho = /*#__PURE__*/ openEnum<TrendMode>([], 'TrendMode')
const TimeModeEcho = /*#__PURE__*/ openEnum<TimeDistributionMode>([], 'TimeDistributionMode')
const OperatorEcho = /*#__PURE__*/ openEnum<AggregationOperator>([], 'AggregationOperator')
const EntityEcho = /*#__PURE__*/ openEnum<'EVENT' | 'CUSTOMER'>([], 'DistributionEntity')

// -------------------------------------------------------------------------------------------------------------------
// echoed parameters
// -------------------------------------------------------------------------------------------------------------------

/**
 * The parameters every node-based result echoes: node ids (comma-separated) and the dates (`YYYY-MM-DD`).
 *
 * @category model
 * @since 0.2.0
 */
export interface NodeParameters {
  readonly nodes: string | null
  readonly startDate: string | null
  readonly endDate: string | null
}

// Field lists are written out in full: a spread inside a pure call would keep the call in bundles.
const NContext = /*#__PURE__*/ nullable(EventContextCodec)
const NEventType = /*#__PURE__*/ nullable(EventTypeCodec)
const NTrendMode = /*#__PURE__*/ nullable(TrendModeEcho)
const NTimeMode = /*#__PURE__*/ nullable(TimeModeEcho)

/**
 * Codec of {@link NodeParameters}.
 *
 * @category codecs
 * @since 0.2.0
 */
export const NodeParameters: t.Type<NodeParameters, unknown, unknown> = /*#__PURE__*/ t.type(
  { nodes: NNodes, startDate: NDate, endDate: NDate },
  'NodeParameters'
)

/**
 * The parameters of a city composition: those of {@link NodeParameters} and the country.
 *
 * @category model
 * @since 0.2.0
 */
export interface CityParameters extends NodeParameters {
  readonly country: string | null
}

/**
 * Codec of {@link CityParameters}.
 *
 * @category codecs
 * @since 0.2.0
 */
export const CityParameters: t.Type<CityParameters, unknown, unknown> = /*#__PURE__*/ t.type(
  { nodes: NNodes, startDate: NDate, endDate: NDate, country: NString },
  'CityParameters'
)

/**
 * The parameters of a customer trend.
 *
 * @category model
 * @since 0.2.0
 */
export interface TrendParameters extends NodeParameters {
  readonly mode: TrendMode | (string & {}) | null
}

/**
 * Codec of {@link TrendParameters}.
 *
 * @category codecs
 * @since 0.2.0
 */
export const TrendParameters: t.Type<TrendParameters, unknown, unknown> = /*#__PURE__*/ t.type(
  { nodes: NNodes, startDate: NDate, endDate: NDate, mode: NTrendMode },
  'TrendParameters'
)

/**
 * The parameters of an event distribution by node or source: those of {@link NodeParameters} and the event filter.
 *
 * @category model
 * @since 0.2.0
 */
export interface EventParameters extends NodeParameters {
  readonly context: EventContext | null
  readonly eventType: EventType | null
}

/**
 * Codec of {@link EventParameters}.
 *
 * @category codecs
 * @since 0.2.0
 */
export const EventParameters: t.Type<EventParameters, unknown, unknown> = /*#__PURE__*/ t.type(
  { nodes: NNodes, startDate: NDate, endDate: NDate, context: NContext, eventType: NEventType },
  'EventParameters'
)

/**
 * The parameters of an event trend.
 *
 * @category model
 * @since 0.2.0
 */
export interface EventTrendParameters extends EventParameters {
  readonly mode: TrendMode | (string & {}) | null
}

/**
 * Codec of {@link EventTrendParameters}.
 *
 * @category codecs
 * @since 0.2.0
 */
export const EventTrendParameters: t.Type<EventTrendParameters, unknown, unknown> = /*#__PURE__*/ t.type(
  { nodes: NNodes, startDate: NDate, endDate: NDate, context: NContext, eventType: NEventType, mode: NTrendMode },
  'EventTrendParameters'
)

/**
 * The parameters of a customer distribution by time.
 *
 * @category model
 * @since 0.2.0
 */
export interface TimeParameters extends NodeParameters {
  readonly mode: TimeDistributionMode | (string & {}) | null
}

/**
 * Codec of {@link TimeParameters}.
 *
 * @category codecs
 * @since 0.2.0
 */
export const TimeParameters: t.Type<TimeParameters, unknown, unknown> = /*#__PURE__*/ t.type(
  { nodes: NNodes, startDate: NDate, endDate: NDate, mode: NTimeMode },
  'TimeParameters'
)

/**
 * The parameters of an event distribution by time.
 *
 * @category model
 * @since 0.2.0
 */
export interface EventTimeParameters extends EventParameters {
  readonly mode: TimeDistributionMode | (string & {}) | null
}

/**
 * Codec of {@link EventTimeParameters}.
 *
 * @category codecs
 * @since 0.2.0
 */
export const EventTimeParameters: t.Type<EventTimeParameters, unknown, unknown> = /*#__PURE__*/ t.type(
  { nodes: NNodes, startDate: NDate, endDate: NDate, context: NContext, eventType: NEventType, mode: NTimeMode },
  'EventTimeParameters'
)

/**
 * A filter of an analytics query: a property path of the event and the value it must have.
 *
 * @category model
 * @since 0.2.0
 */
export interface AnalyticsFilter {
  readonly fieldPath: string | null
  readonly value: string | null
}

const AnalyticsFilterCodec = /*#__PURE__*/ t.type({ fieldPath: NString, value: NString }, 'AnalyticsFilter')
const NFilters = /*#__PURE__*/ nullable(/*#__PURE__*/ t.readonlyArray(AnalyticsFilterCodec))

/**
 * The metric of an analytics query as the result echoes it.
 *
 * @category model
 * @since 0.2.0
 */
export interface AnalyticsAggregation {
  readonly operator: AggregationOperator | (string & {}) | null
  readonly fieldPath: string | null
  readonly optionalFilters: ReadonlyArray<AnalyticsFilter> | null
}

const AnalyticsAggregationCodec = /*#__PURE__*/ t.type(
  { operator: /*#__PURE__*/ nullable(OperatorEcho), fieldPath: NString, optionalFilters: NFilters },
  'AnalyticsAggregation'
)

/**
 * The parameters a numeric event query echoes (`getNumericQuery`).
 *
 * @category model
 * @since 0.2.0
 */
export interface QueryParameters {
  readonly nodeId: string | null
  readonly startDate: string | null
  readonly endDate: string | null
  readonly eventType: EventType | null
  readonly context: EventContext | null
  readonly optionalFilters: ReadonlyArray<AnalyticsFilter> | null
  readonly aggregation: AnalyticsAggregation | null
}

const NAggregation = /*#__PURE__*/ nullable(AnalyticsAggregationCodec)

/**
 * Codec of {@link QueryParameters}.
 *
 * @category codecs
 * @since 0.2.0
 */
export const QueryParameters: t.Type<QueryParameters, unknown, unknown> = /*#__PURE__*/ t.type(
  {
    nodeId: NString,
    startDate: NDate,
    endDate: NDate,
    context: NContext,
    eventType: NEventType,
    optionalFilters: NFilters,
    aggregation: NAggregation
  },
  'QueryParameters'
)

/**
 * The parameters a trend event query echoes (`getTrendQuery`).
 *
 * @category model
 * @since 0.2.0
 */
export interface TrendQueryParameters extends QueryParameters {
  readonly mode: TrendMode | (string & {}) | null
}

/**
 * Codec of {@link TrendQueryParameters}.
 *
 * @category codecs
 * @since 0.2.0
 */
export const TrendQueryParameters: t.Type<TrendQueryParameters, unknown, unknown> = /*#__PURE__*/ t.type(
  {
    nodeId: NString,
    startDate: NDate,
    endDate: NDate,
    context: NContext,
    eventType: NEventType,
    optionalFilters: NFilters,
    aggregation: NAggregation,
    mode: NTrendMode
  },
  'TrendQueryParameters'
)

/**
 * The parameters a distribution event query echoes (`getQueryDistribution`).
 *
 * @category model
 * @since 0.2.0
 */
export interface DistributionQueryParameters extends QueryParameters {
  readonly distributionField: {
    readonly entity: 'EVENT' | 'CUSTOMER' | (string & {}) | null
    readonly path: string | null
  } | null
}

/**
 * Codec of {@link DistributionQueryParameters}.
 *
 * @category codecs
 * @since 0.2.0
 */
export const DistributionQueryParameters: t.Type<DistributionQueryParameters, unknown, unknown> = /*#__PURE__*/ t.type(
  {
    nodeId: NString,
    startDate: NDate,
    endDate: NDate,
    context: NContext,
    eventType: NEventType,
    optionalFilters: NFilters,
    aggregation: NAggregation,
    distributionField: /*#__PURE__*/ nullable(
      /*#__PURE__*/ t.type({ entity: /*#__PURE__*/ nullable(EntityEcho), path: NString }, 'DistributionField')
    )
  },
  'DistributionQueryParameters'
)

// -------------------------------------------------------------------------------------------------------------------
// data
// -------------------------------------------------------------------------------------------------------------------

/**
 * A count for one node.
 *
 * @category model
 * @since 0.2.0
 */
export interface NodeCount {
  readonly nodeId: string | null
  readonly count: number | null
}

const NodeCountCodec = /*#__PURE__*/ t.type({ nodeId: NString, count: NMetric }, 'NodeCount')

/**
 * A named value of a composition or a distribution (`{ name: 'female', value: 12 }`).
 *
 * @category model
 * @since 0.2.0
 */
export interface NamedValue {
  readonly name: string | null
  readonly value: number | null
}

const NamedValueCodec = /*#__PURE__*/ t.type({ name: NString, value: NMetric }, 'NamedValue')
const NNamedValues = /*#__PURE__*/ nullable(/*#__PURE__*/ t.readonlyArray(NamedValueCodec))

/**
 * A composition of one node's customers (by gender, age range, country or city).
 *
 * @category model
 * @since 0.2.0
 */
export interface NodeComposition {
  readonly nodeId: string | null
  readonly distribution: ReadonlyArray<NamedValue> | null
}

const NodeCompositionCodec = /*#__PURE__*/ t.type({ nodeId: NString, distribution: NNamedValues }, 'NodeComposition')

/**
 * One step of a trend: its time label (after the mode: `2016-01` monthly), the new, lost and total count.
 * `lost` is `null` where the trend has none (events).
 *
 * @category model
 * @since 0.2.0
 */
export interface TrendValue {
  readonly time: string | null
  readonly new: number | null
  readonly lost: number | null
  readonly total: number | null
}

const TrendValueCodec = /*#__PURE__*/ t.type(
  { time: NString, new: NMetric, lost: NMetric, total: NMetric },
  'TrendValue'
)
const NTrendValues = /*#__PURE__*/ nullable(/*#__PURE__*/ t.readonlyArray(TrendValueCodec))

/**
 * The trend of one node.
 *
 * @category model
 * @since 0.2.0
 */
export interface NodeTrend {
  readonly nodeId: string | null
  readonly values: ReadonlyArray<TrendValue> | null
}

const NodeTrendCodec = /*#__PURE__*/ t.type({ nodeId: NString, values: NTrendValues }, 'NodeTrend')

/**
 * A count for one source.
 *
 * @category model
 * @since 0.2.0
 */
export interface SourceCount {
  readonly sourceId: string | null
  readonly count: number | null
}

/**
 * The counts of one node, by source.
 *
 * @category model
 * @since 0.2.0
 */
export interface NodeSourceCounts {
  readonly nodeId: string | null
  readonly values: ReadonlyArray<SourceCount> | null
}

const NodeSourceCountsCodec = /*#__PURE__*/ t.type(
  {
    nodeId: NString,
    values: /*#__PURE__*/ nullable(
      /*#__PURE__*/ t.readonlyArray(/*#__PURE__*/ t.type({ sourceId: NString, count: NMetric }, 'SourceCount'))
    )
  },
  'NodeSourceCounts'
)

/**
 * A count for one time label (`Tue`, `14`, `31`, after the mode).
 *
 * @category model
 * @since 0.2.0
 */
export interface TimeCount {
  readonly time: string | null
  readonly count: number | null
}

/**
 * The counts of one node, by time label.
 *
 * @category model
 * @since 0.2.0
 */
export interface NodeTimeCounts {
  readonly nodeId: string | null
  readonly values: ReadonlyArray<TimeCount> | null
}

const NodeTimeCountsCodec = /*#__PURE__*/ t.type(
  {
    nodeId: NString,
    values: /*#__PURE__*/ nullable(
      /*#__PURE__*/ t.readonlyArray(/*#__PURE__*/ t.type({ time: NString, count: NMetric }, 'TimeCount'))
    )
  },
  'NodeTimeCounts'
)

/**
 * The metric of a numeric query for its node.
 *
 * @category model
 * @since 0.2.0
 */
export interface NodeValue {
  readonly nodeId: string | null
  readonly value: number | null
}

/**
 * A distribution of a query's metric for its node.
 *
 * @category model
 * @since 0.2.0
 */
export interface NodeDistribution {
  readonly nodeId: string | null
  readonly distribution: ReadonlyArray<NamedValue> | null
}

const NodeDistributionCodec = /*#__PURE__*/ t.type({ nodeId: NString, distribution: NNamedValues }, 'NodeDistribution')

/**
 * A named group of a two-level distribution, with its own distribution.
 *
 * @category model
 * @since 0.2.0
 */
export interface NamedDistribution {
  readonly name: string | null
  readonly distribution: ReadonlyArray<NamedValue> | null
}

/**
 * A two-level distribution of a query's metric for its node (`getCustomerQueryDistribution`,
 * `getEventQueryDistribution`).
 *
 * @category model
 * @since 0.2.0
 */
export interface NodeNestedDistribution {
  readonly nodeId: string | null
  readonly distribution: ReadonlyArray<NamedDistribution> | null
}

const NodeNestedDistributionCodec = /*#__PURE__*/ t.type(
  {
    nodeId: NString,
    distribution: /*#__PURE__*/ nullable(
      /*#__PURE__*/ t.readonlyArray(
        /*#__PURE__*/ t.type({ name: NString, distribution: NNamedValues }, 'NamedDistribution')
      )
    )
  },
  'NodeNestedDistribution'
)

// -------------------------------------------------------------------------------------------------------------------
// results
// -------------------------------------------------------------------------------------------------------------------

/**
 * An analytics result: its name, the JSON schema of `data` (`headers`), the parameters it was computed with, and
 * the data. Unknown fields are kept at runtime.
 *
 * @category model
 * @since 0.2.0
 */
export interface AnalyticsResult<P, D, N = string> {
  readonly name: N | null
  readonly headers: Rec | null
  readonly parameters: P | null
  readonly data: D | null
}

const result = <P, D, N = string>(
  name: string,
  parameters: t.Type<P, unknown, unknown>,
  data: t.Type<D, unknown, unknown>,
  nameCodec: t.Type<N, unknown, unknown> = t.string as unknown as t.Type<N, unknown, unknown>
): t.Type<AnalyticsResult<P, D, N>, unknown, unknown> =>
  t.type({ name: nullable(nameCodec), headers: NRecord, parameters: nullable(parameters), data: nullable(data) }, name)

/**
 * `countCustomers`: per node, the count of customers.
 *
 * @category model
 * @since 0.2.0
 */
export type CustomerCount = AnalyticsResult<NodeParameters, ReadonlyArray<NodeCount>>

/**
 * Codec of {@link CustomerCount}.
 *
 * @category codecs
 * @since 0.2.0
 */
export const CustomerCount: t.Type<CustomerCount, unknown, unknown> = /*#__PURE__*/ result(
  'CustomerCount',
  NodeParameters,
  /*#__PURE__*/ flatList(NodeCountCodec)
)

/**
 * `getCustomerTrend`: per node, new, lost and total customers over time.
 *
 * @category model
 * @since 0.2.0
 */
export type CustomerTrend = AnalyticsResult<TrendParameters, ReadonlyArray<NodeTrend>>

/**
 * Codec of {@link CustomerTrend}.
 *
 * @category codecs
 * @since 0.2.0
 */
export const CustomerTrend: t.Type<CustomerTrend, unknown, unknown> = /*#__PURE__*/ result(
  'CustomerTrend',
  TrendParameters,
  /*#__PURE__*/ flatList(NodeTrendCodec)
)

/**
 * `getEventTrend`: per node, new and total events over time.
 *
 * @category model
 * @since 0.2.0
 */
export type EventTrend = AnalyticsResult<EventTrendParameters, ReadonlyArray<NodeTrend>>

/**
 * Codec of {@link EventTrend}.
 *
 * @category codecs
 * @since 0.2.0
 */
export const EventTrend: t.Type<EventTrend, unknown, unknown> = /*#__PURE__*/ result(
  'EventTrend',
  EventTrendParameters,
  /*#__PURE__*/ flatList(NodeTrendCodec)
)

/**
 * `getGenderComposition`, `getAgeRangeComposition`, `getCountryComposition`: per node, customers by gender, age
 * range or country.
 *
 * @category model
 * @since 0.2.0
 */
export type Composition = AnalyticsResult<NodeParameters, ReadonlyArray<NodeComposition>>

/**
 * Codec of {@link Composition}.
 *
 * @category codecs
 * @since 0.2.0
 */
export const Composition: t.Type<Composition, unknown, unknown> = /*#__PURE__*/ result(
  'Composition',
  NodeParameters,
  /*#__PURE__*/ flatList(NodeCompositionCodec)
)

/**
 * `getCityComposition`: per node, customers by city.
 *
 * @category model
 * @since 0.2.0
 */
export type CityComposition = AnalyticsResult<CityParameters, ReadonlyArray<NodeComposition>>

/**
 * Codec of {@link CityComposition}.
 *
 * @category codecs
 * @since 0.2.0
 */
export const CityComposition: t.Type<CityComposition, unknown, unknown> = /*#__PURE__*/ result(
  'CityComposition',
  CityParameters,
  /*#__PURE__*/ flatList(NodeCompositionCodec)
)

/**
 * `getCustomerDistributionByNode`: new customers per node.
 *
 * @category model
 * @since 0.2.0
 */
export type CustomerNodeDistribution = AnalyticsResult<NodeParameters, ReadonlyArray<NodeCount>>

/**
 * Codec of {@link CustomerNodeDistribution}.
 *
 * @category codecs
 * @since 0.2.0
 */
export const CustomerNodeDistribution: t.Type<CustomerNodeDistribution, unknown, unknown> = /*#__PURE__*/ result(
  'CustomerNodeDistribution',
  NodeParameters,
  /*#__PURE__*/ flatList(NodeCountCodec)
)

/**
 * `getCustomerDistributionBySource`: new customers per node and source.
 *
 * @category model
 * @since 0.2.0
 */
export type CustomerSourceDistribution = AnalyticsResult<NodeParameters, ReadonlyArray<NodeSourceCounts>>

/**
 * Codec of {@link CustomerSourceDistribution}.
 *
 * @category codecs
 * @since 0.2.0
 */
export const CustomerSourceDistribution: t.Type<CustomerSourceDistribution, unknown, unknown> = /*#__PURE__*/ result(
  'CustomerSourceDistribution',
  NodeParameters,
  /*#__PURE__*/ flatList(NodeSourceCountsCodec)
)

/**
 * `getCustomerDistributionByTime`: new customers per node and hour of day, day of week or day of month.
 *
 * @category model
 * @since 0.2.0
 */
export type CustomerTimeDistribution = AnalyticsResult<TimeParameters, ReadonlyArray<NodeTimeCounts>>

/**
 * Codec of {@link CustomerTimeDistribution}.
 *
 * @category codecs
 * @since 0.2.0
 */
export const CustomerTimeDistribution: t.Type<CustomerTimeDistribution, unknown, unknown> = /*#__PURE__*/ result(
  'CustomerTimeDistribution',
  TimeParameters,
  /*#__PURE__*/ flatList(NodeTimeCountsCodec)
)

/**
 * `getEventDistributionByNode`: events per node.
 *
 * @category model
 * @since 0.2.0
 */
export type EventNodeDistribution = AnalyticsResult<EventParameters, ReadonlyArray<NodeCount>>

/**
 * Codec of {@link EventNodeDistribution}.
 *
 * @category codecs
 * @since 0.2.0
 */
export const EventNodeDistribution: t.Type<EventNodeDistribution, unknown, unknown> = /*#__PURE__*/ result(
  'EventNodeDistribution',
  EventParameters,
  /*#__PURE__*/ flatList(NodeCountCodec)
)

/**
 * `getEventDistributionBySource`: events per node and source.
 *
 * @category model
 * @since 0.2.0
 */
export type EventSourceDistribution = AnalyticsResult<EventParameters, ReadonlyArray<NodeSourceCounts>>

/**
 * Codec of {@link EventSourceDistribution}.
 *
 * @category codecs
 * @since 0.2.0
 */
export const EventSourceDistribution: t.Type<EventSourceDistribution, unknown, unknown> = /*#__PURE__*/ result(
  'EventSourceDistribution',
  EventParameters,
  /*#__PURE__*/ flatList(NodeSourceCountsCodec)
)

/**
 * `getEventDistributionByTime`: events per node and hour of day, day of week or day of month.
 *
 * @category model
 * @since 0.2.0
 */
export type EventTimeDistribution = AnalyticsResult<EventTimeParameters, ReadonlyArray<NodeTimeCounts>>

/**
 * Codec of {@link EventTimeDistribution}.
 *
 * @category codecs
 * @since 0.2.0
 */
export const EventTimeDistribution: t.Type<EventTimeDistribution, unknown, unknown> = /*#__PURE__*/ result(
  'EventTimeDistribution',
  EventTimeParameters,
  /*#__PURE__*/ flatList(NodeTimeCountsCodec)
)

// The query distributions declare `name` as an object and `parameters` as an open object: both are taken as sent.
const OpenName = /*#__PURE__*/ new t.Type<string | Rec, unknown, unknown>(
  'string | object',
  (u): u is string | Rec => typeof u === 'string' || isRecord(u),
  (u, c) => (typeof u === 'string' || isRecord(u) ? t.success(u) : t.failure(u, c)),
  (a) => a
)

/**
 * `getCustomerAcquisitionDistribution`: a query's metric distributed over its node's customers' acquisition.
 *
 * @category model
 * @since 0.2.0
 */
export type AcquisitionDistribution = AnalyticsResult<Rec, NodeDistribution, string | Rec>

/**
 * Codec of {@link AcquisitionDistribution}.
 *
 * @category codecs
 * @since 0.2.0
 */
export const AcquisitionDistribution: t.Type<AcquisitionDistribution, unknown, unknown> = /*#__PURE__*/ result(
  'AcquisitionDistribution',
  t.UnknownRecord as t.Type<Rec, unknown, unknown>,
  NodeDistributionCodec,
  OpenName
)

/**
 * `getCustomerQueryDistribution`, `getEventQueryDistribution`: a query's metric over two levels of groups.
 *
 * @category model
 * @since 0.2.0
 */
export type NestedDistribution = AnalyticsResult<Rec, NodeNestedDistribution, string | Rec>

/**
 * Codec of {@link NestedDistribution}.
 *
 * @category codecs
 * @since 0.2.0
 */
export const NestedDistribution: t.Type<NestedDistribution, unknown, unknown> = /*#__PURE__*/ result(
  'NestedDistribution',
  t.UnknownRecord as t.Type<Rec, unknown, unknown>,
  NodeNestedDistributionCodec,
  OpenName
)

/**
 * `getNumericQuery`: one metric of an event query for its node.
 *
 * @category model
 * @since 0.2.0
 */
export type NumericQueryResult = AnalyticsResult<QueryParameters, NodeValue>

/**
 * Codec of {@link NumericQueryResult}.
 *
 * @category codecs
 * @since 0.2.0
 */
export const NumericQueryResult: t.Type<NumericQueryResult, unknown, unknown> = /*#__PURE__*/ result(
  'NumericQueryResult',
  QueryParameters,
  /*#__PURE__*/ t.type({ nodeId: NString, value: NMetric }, 'NodeValue')
)

/**
 * `getTrendQuery`: an event query's metric over time for its node.
 *
 * @category model
 * @since 0.2.0
 */
export type TrendQueryResult = AnalyticsResult<TrendQueryParameters, NodeTrend>

/**
 * Codec of {@link TrendQueryResult}.
 *
 * @category codecs
 * @since 0.2.0
 */
export const TrendQueryResult: t.Type<TrendQueryResult, unknown, unknown> = /*#__PURE__*/ result(
  'TrendQueryResult',
  TrendQueryParameters,
  NodeTrendCodec
)

/**
 * `getQueryDistribution`: an event query's metric distributed over a field for its node.
 *
 * @category model
 * @since 0.2.0
 */
export type DistributionQueryResult = AnalyticsResult<DistributionQueryParameters, NodeDistribution>

/**
 * Codec of {@link DistributionQueryResult}.
 *
 * @category codecs
 * @since 0.2.0
 */
export const DistributionQueryResult: t.Type<DistributionQueryResult, unknown, unknown> = /*#__PURE__*/ result(
  'DistributionQueryResult',
  DistributionQueryParameters,
  NodeDistributionCodec
)
