/**
 * The analytics of a workspace (`GET /workspaces/{workspaceId}/analytics/...`): result codecs, the options of the
 * nineteen analytics functions, their query parameters, and one table entry per function.
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
import { LenientDate, nullable, openEnum, toDateOnly, type DateInput } from './common'
import {
  EventContextCodec,
  EventTypeCodec,
  STANDARD_EVENT_CONTEXTS,
  type EventContext,
  type EventType,
  type StandardEventContext
} from './event'

// -------------------------------------------------------------------------------------------------------------------
// building blocks
// -------------------------------------------------------------------------------------------------------------------

type Rec = Readonly<Record<string, unknown>>

const isRecord = (u: unknown): u is Rec => typeof u === 'object' && u !== null && !Array.isArray(u)

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

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

const isDateOnly = (s: string): boolean => {
  const m = DATE_ONLY.exec(s)
  if (m === null) return false
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  const days = mo === 2 && leap ? 29 : (DAYS_IN_MONTH[mo - 1] ?? 0)
  return mo >= 1 && mo <= 12 && d >= 1 && d <= days
}

const show = (u: unknown): string => {
  if (u instanceof Date) return 'an invalid Date'
  if (u === undefined) return 'undefined'
  if (typeof u === 'function') return 'a function'
  if (Array.isArray(u)) return 'an array'
  if (typeof u === 'object' && u !== null) return 'an object'
  const s = typeof u === 'bigint' || typeof u === 'symbol' ? u.toString() : (JSON.stringify(u) ?? 'a value')
  return s.length > 40 ? `${s.slice(0, 37)}...` : s
}

/** A date option as `YYYY-MM-DD`, or `undefined` when it is neither a valid `Date` nor a valid `YYYY-MM-DD`. */
const dateParam = (u: unknown): string | undefined => {
  const s = u instanceof Date ? toDateOnly(u) : typeof u === 'string' ? u : undefined
  return s !== undefined && isDateOnly(s) ? s : undefined
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
