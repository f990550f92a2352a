/**
 * The customer query language as io-ts codecs: what `GET /customers?query=<JSON>` carries.
 *
 * ```json
 * { "name": "query",
 *   "query": { "type": "simple", "name": "query",
 *              "are": { "condition": { "type": "atomic", "attribute": "base.firstName", "operator": "EQUALS", "value": "Ada" } } } }
 * ```
 *
 * A condition is atomic (`attribute`, `operator`, `value`) or composite (`and` / `or`, lower case, over more
 * conditions); a query is simple or combined (`INTERSECT` / `UNION` / `EXCEPT`, upper case, over more queries).
 * A simple query selects the customers that match `are.condition`, or that did an event (`did`: an event type, a
 * `condition` on the event and a `timeframe`, a condition on its `date`), or both. `BETWEEN` takes `[from, to]`,
 * `IN` / `NOT_IN` a list, `IS_NULL` / `IS_NOT_NULL` no value.
 *
 * The builder in `query.ts` produces these values; the emulator validates incoming queries with {@link QueryCodec}
 * (or {@link QueryFromJson}, which also parses the query parameter's JSON text).
 *
 * Unknown properties are tolerated (kept as they came).
 *
 * Every condition type carries a compile-time scope, `S`: where the condition applies (a customer, an event's
 * properties, an event's timeframe). It has no run-time trace; it lets the builder refuse a condition on customer
 * paths where event paths are expected. Without a type argument, a condition is on customers.
 *
 * @since 0.1.0
 */
import * as t from '#io-ts/index'

const isObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u)

/**
 * A union that picks its member by one discriminating property, looked up when a value is validated (so recursive
 * members may be declared later). Its errors name the one member that applies, not every member.
 */
type Member<A> = t.Decoder<unknown, A> & { readonly is: t.Is<A> }

const dispatch = <A, T extends string>(
  name: string,
  key: string,
  tag: t.Type<T, T, unknown>,
  member: (tag: T) => Member<A>
): t.Type<A, A, unknown> => {
  const pick = (u: unknown): Member<A> | undefined => {
    if (!isObject(u)) return undefined
    const value = u[key]
    return tag.is(value) ? member(value) : undefined
  }
  return new t.Type<A, A, unknown>(
    name,
    (u): u is A => pick(u)?.is(u) === true,
    (u, c) => {
      if (!isObject(u)) return t.failure(u, c)
      const codec = pick(u)
      return codec === undefined
        ? t.failure(u[key], t.appendContext(c, key, tag, u[key]))
        : codec.validate(u, t.appendContext(c, '', codec, u))
    },
    (a) => a
  )
}

// -------------------------------------------------------------------------------------------------
// scopes (compile time only)
// -------------------------------------------------------------------------------------------------

declare const conditionScope: unique symbol

/**
 * Where a condition applies, at compile time only. This base scope is the customer's (paths such as
 * `base.firstName`); the scopes of an event query narrow it ({@link EventScope}, {@link TimeframeScope}). A
 * condition built for an event query therefore still fits where any condition fits, while a condition on customers
 * does not fit in an event query.
 *
 * @category query model
 * @since 0.2.0
 */
export interface ConditionScope {
  readonly scope: string
}

/**
 * The scope of the `condition` of an event query: its paths are the properties of an event of type `T`
 * (`properties.amount.total`).
 *
 * @category query model
 * @since 0.2.0
 */
export interface EventScope<T extends string = string> extends ConditionScope {
  readonly scope: 'event'
  readonly event: T
}

/**
 * The scope of the `timeframe` of an event query: its path is the event's `date`.
 *
 * @category query model
 * @since 0.2.0
 */
export interface TimeframeScope extends ConditionScope {
  readonly scope: 'timeframe'
}

/**
 * The compile-time tag of a condition's scope: an optional property no value has, so a condition decoded or
 * written by hand fits any scope, while one built for another scope does not.
 *
 * @category query model
 * @since 0.2.0
 */
export interface Scoped<S extends ConditionScope> {
  readonly [conditionScope]?: S
}

// -------------------------------------------------------------------------------------------------
// operators and values
// -------------------------------------------------------------------------------------------------

/**
 * Operators that compare an attribute with one value.
 *
 * @category query model
 * @since 0.1.0
 */
export type ComparisonOperator = 'EQUALS' | 'NOT_EQUALS' | 'GT' | 'GTE' | 'LT' | 'LTE'

/**
 * Operators that test an attribute against a list of values.
 *
 * @category query model
 * @since 0.1.0
 */
export type ListOperator = 'IN' | 'NOT_IN'

/**
 * Operators that take no value.
 *
 * @category query model
 * @since 0.1.0
 */
export type NullOperator = 'IS_NULL' | 'IS_NOT_NULL'

/**
 * Every operator of an atomic condition.
 *
 * @category query model
 * @since 0.1.0
 */
export type Operator = ComparisonOperator | ListOperator | 'BETWEEN' | NullOperator

/**
 * The codec of a comparison operator.
 *
 * @category codecs
 * @since 0.1.0
 */
export const ComparisonOperatorCodec: t.Type<ComparisonOperator> = /*#__PURE__*/ t.keyof(
  { EQUALS: null, NOT_EQUALS: null, GT: null, GTE: null, LT: null, LTE: null },
  'ComparisonOperator'
)

/**
 * The codec of a list operator.
 *
 * @category codecs
 * @since 0.1.0
 */
export const ListOperatorCodec: t.Type<ListOperator> = /*#__PURE__*/ t.keyof({ IN: null, NOT_IN: null }, 'ListOperator')

/**
 * The codec of a null-check operator.
 *
 * @category codecs
 * @since 0.1.0
 */
export const NullOperatorCodec: t.Type<NullOperator> = /*#__PURE__*/ t.keyof(
  { IS_NULL: null, IS_NOT_NULL: null },
  'NullOperator'
)

/**
 * The codec of any operator.
 *
 * @category codecs
 * @since 0.1.0
 */
export const OperatorCodec: t.Type<Operator> = /*#__PURE__*/ t.keyof(
  {
    EQUALS: null,
    NOT_EQUALS: null,
    GT: null,
    GTE: null,
    LT: null,
    LTE: null,
    IN: null,
    NOT_IN: null,
    BETWEEN: null,
    IS_NULL: null,
    IS_NOT_NULL: null
  },
  'Operator'
)

/**
 * All operators, in the order the API documents them.
 *
 * @category constants
 * @since 0.1.0
 */
export const OPERATORS: ReadonlyArray<Operator> = [
  'EQUALS',
  'NOT_EQUALS',
  'BETWEEN',
  'GTE',
  'GT',
  'LTE',
  'LT',
  'IS_NULL',
  'IS_NOT_NULL',
  'IN',
  'NOT_IN'
]

/**
 * One value of a condition: dates travel as ISO strings.
 *
 * @category query model
 * @since 0.1.0
 */
export type QueryScalar = string | number | boolean

/**
 * The codec of one condition value (a string, a finite number or a boolean).
 *
 * @category codecs
 * @since 0.1.0
 */
export const QueryScalarCodec: t.Type<QueryScalar> = /*#__PURE__*/ new t.Type<QueryScalar>(
  'string | number | boolean',
  (u): u is QueryScalar =>
    typeof u === 'string' || typeof u === 'boolean' || (typeof u === 'number' && Number.isFinite(u)),
  (u, c) => (QueryScalarCodec.is(u) ? t.success(u) : t.failure(u, c)),
  (a) => a
)

const Pair = /*#__PURE__*/ t.tuple([QueryScalarCodec, QueryScalarCodec])

/**
 * The codec of a `BETWEEN` value: `[from, to]`.
 *
 * @category codecs
 * @since 0.1.0
 */
export const RangeCodec: t.Type<readonly [QueryScalar, QueryScalar]> = /*#__PURE__*/ new t.Type<
  readonly [QueryScalar, QueryScalar]
>(
  '[from, to]',
  (u): u is readonly [QueryScalar, QueryScalar] => Pair.is(u),
  (u, c) => Pair.validate(u, c),
  (a) => a
)

/**
 * The codec of an attribute path (a non-empty string such as `base.contacts.email`).
 *
 * @category codecs
 * @since 0.1.0
 */
export const AttributePathCodec: t.Type<string> = /*#__PURE__*/ t.refinement(
  t.string,
  (s) => s.length > 0,
  'AttributePath'
)

// -------------------------------------------------------------------------------------------------
// conditions
// -------------------------------------------------------------------------------------------------

/**
 * `attribute <operator> value`, for `EQUALS`, `NOT_EQUALS`, `GT`, `GTE`, `LT`, `LTE`.
 *
 * @category query model
 * @since 0.1.0
 */
export interface ComparisonCondition<S extends ConditionScope = ConditionScope> extends Scoped<S> {
  readonly type: 'atomic'
  readonly attribute: string
  readonly operator: ComparisonOperator
  readonly value: QueryScalar
}

/**
 * `attribute IN values` / `attribute NOT_IN values`.
 *
 * @category query model
 * @since 0.1.0
 */
export interface ListCondition<S extends ConditionScope = ConditionScope> extends Scoped<S> {
  readonly type: 'atomic'
  readonly attribute: string
  readonly operator: ListOperator
  readonly value: ReadonlyArray<QueryScalar>
}

/**
 * `attribute BETWEEN [from, to]` (both ends included).
 *
 * @category query model
 * @since 0.1.0
 */
export interface BetweenCondition<S extends ConditionScope = ConditionScope> extends Scoped<S> {
  readonly type: 'atomic'
  readonly attribute: string
  readonly operator: 'BETWEEN'
  readonly value: readonly [QueryScalar, QueryScalar]
}

/**
 * `attribute IS_NULL` / `attribute IS_NOT_NULL`: no value (a `null` value is tolerated on input).
 *
 * @category query model
 * @since 0.1.0
 */
export interface NullCondition<S extends ConditionScope = ConditionScope> extends Scoped<S> {
  readonly type: 'atomic'
  readonly attribute: string
  readonly operator: NullOperator
  readonly value?: null
}

/**
 * A condition on one attribute.
 *
 * @category query model
 * @since 0.1.0
 */
export type AtomicCondition<S extends ConditionScope = ConditionScope> =
  ComparisonCondition<S> | ListCondition<S> | BetweenCondition<S> | NullCondition<S>

/**
 * Conditions joined by `and` or `or` (lower case on the wire).
 *
 * @category query model
 * @since 0.1.0
 */
export interface CompositeCondition<S extends ConditionScope = ConditionScope> extends Scoped<S> {
  readonly type: 'composite'
  readonly conjunction: 'and' | 'or'
  readonly conditions: ReadonlyArray<Condition<S>>
}

/**
 * An atomic or a composite condition.
 *
 * @category query model
 * @since 0.1.0
 */
export type Condition<S extends ConditionScope = ConditionScope> = AtomicCondition<S> | CompositeCondition<S>

/**
 * The codec of a comparison condition.
 *
 * @category codecs
 * @since 0.1.0
 */
export const ComparisonConditionCodec: t.Type<ComparisonCondition> = /*#__PURE__*/ t.type(
  {
    type: /*#__PURE__*/ t.literal('atomic'),
    attribute: AttributePathCodec,
    operator: ComparisonOperatorCodec,
    value: QueryScalarCodec
  },
  'ComparisonCondition'
)

/**
 * The codec of an `IN` / `NOT_IN` condition.
 *
 * @category codecs
 * @since 0.1.0
 */
export const ListConditionCodec: t.Type<ListCondition> = /*#__PURE__*/ t.type(
  {
    type: /*#__PURE__*/ t.literal('atomic'),
    attribute: AttributePathCodec,
    operator: ListOperatorCodec,
    value: /*#__PURE__*/ t.readonlyArray(QueryScalarCodec)
  },
  'ListCondition'
)

/**
 * The codec of a `BETWEEN` condition.
 *
 * @category codecs
 * @since 0.1.0
 */
export const BetweenConditionCodec: t.Type<BetweenCondition> = /*#__PURE__*/ t.type(
  {
    type: /*#__PURE__*/ t.literal('atomic'),
    attribute: AttributePathCodec,
    operator: /*#__PURE__*/ t.literal('BETWEEN'),
    value: RangeCodec
  },
  'BetweenCondition'
)

/**
 * The codec of an `IS_NULL` / `IS_NOT_NULL` condition.
 *
 * @category codecs
 * @since 0.1.0
 */
export const NullConditionCodec: t.Type<NullCondition> = /*#__PURE__*/ t.intersection(
  [
    /*#__PURE__*/ t.type({
      type: /*#__PURE__*/ t.literal('atomic'),
      attribute: AttributePathCodec,
      operator: NullOperatorCodec
    }),
    /*#__PURE__*/ t.partial({ value: t.null })
  ],
  'NullCondition'
)

/**
 * The codec of an atomic condition: the operator decides the shape of `value`.
 *
 * @category codecs
 * @since 0.1.0
 */
export const AtomicConditionCodec: t.Type<AtomicCondition> = /*#__PURE__*/ dispatch<AtomicCondition, Operator>(
  'AtomicCondition',
  'operator',
  OperatorCodec,
  (operator) =>
    operator === 'BETWEEN'
      ? BetweenConditionCodec
      : operator === 'IN' || operator === 'NOT_IN'
        ? ListConditionCodec
        : operator === 'IS_NULL' || operator === 'IS_NOT_NULL'
          ? NullConditionCodec
          : ComparisonConditionCodec
)

/**
 * The codec of a condition, atomic or composite (picked by `type`).
 *
 * @example
 * import * as E from 'fp-ts/Either'
 * E.isRight(ConditionCodec.decode({ type: 'atomic', attribute: 'base.firstName', operator: 'IS_NULL' })) // true
 *
 * @category codecs
 * @since 0.1.0
 */
export const ConditionCodec: t.Type<Condition> = /*#__PURE__*/ dispatch<Condition, 'atomic' | 'composite'>(
  'Condition',
  'type',
  /*#__PURE__*/ t.keyof({ atomic: null, composite: null }, 'ConditionType'),
  (type) => (type === 'atomic' ? AtomicConditionCodec : CompositeConditionCodec)
)

/**
 * The codec of a composite condition.
 *
 * @category codecs
 * @since 0.1.0
 */
export const CompositeConditionCodec: t.Type<CompositeCondition> = /*#__PURE__*/ t.type(
  {
    type: /*#__PURE__*/ t.literal('composite'),
    conjunction: /*#__PURE__*/ t.keyof({ and: null, or: null }, 'CompositeConjunction'),
    conditions: /*#__PURE__*/ t.readonlyArray(ConditionCodec)
  },
  'CompositeCondition'
)

// -------------------------------------------------------------------------------------------------
// queries
// -------------------------------------------------------------------------------------------------

/**
 * The conjunctions of a combined query (upper case on the wire).
 *
 * @category query model
 * @since 0.1.0
 */
export type QueryConjunction = 'INTERSECT' | 'UNION' | 'EXCEPT'

/**
 * The event part of a simple query: customers who did at least one event of type `event.name` that matches
 * `condition` and whose date matches `timeframe`. The API requires all three.
 *
 * @category query model
 * @since 0.2.0
 */
export interface DidClause<T extends string = string> {
  readonly event: { readonly name: T }
  readonly condition: Condition<EventScope<T>>
  readonly timeframe: Condition<TimeframeScope>
}

/**
 * The customers that match a condition (`are`), that did an event (`did`), or both (a simple query has at least
 * one of the two).
 *
 * @category query model
 * @since 0.1.0
 */
export interface SimpleQuery {
  readonly type: 'simple'
  /** The builder writes `'query'`; the API does not require it. */
  readonly name?: string
  /** A condition on the customer (required until 0.2.0, when `did` came). */
  readonly are?: { readonly condition: Condition }
  /** @since 0.2.0 */
  readonly did?: DidClause
}

/**
 * Queries combined by `INTERSECT`, `UNION` or `EXCEPT` (the first query minus the others).
 *
 * @category query model
 * @since 0.1.0
 */
export interface CombinedQuery {
  readonly type: 'combined'
  /** The builder writes `'query'`; the API does not require it. */
  readonly name?: string
  readonly conjunction: QueryConjunction
  readonly queries: ReadonlyArray<InnerQuery>
}

/**
 * A simple or a combined query: the `query` member of a {@link Query}.
 *
 * @category query model
 * @since 0.1.0
 */
export type InnerQuery = SimpleQuery | CombinedQuery

/**
 * The JSON that `getCustomers(ctx, { query })` sends as its `query` parameter: `{ name, query }`.
 *
 * @category query model
 * @since 0.1.0
 */
export interface Query {
  readonly name: string
  readonly query: InnerQuery
}

/**
 * The codec of a combined query's conjunction.
 *
 * @category codecs
 * @since 0.1.0
 */
export const QueryConjunctionCodec: t.Type<QueryConjunction> = /*#__PURE__*/ t.keyof(
  { INTERSECT: null, UNION: null, EXCEPT: null },
  'QueryConjunction'
)

/**
 * The codec of the `did` part of a simple query: `event.name`, `condition` and `timeframe` are all required.
 *
 * @example
 * import * as E from 'fp-ts/Either'
 * const did = {
 *   event: { name: 'completedOrder' },
 *   condition: { type: 'atomic', attribute: 'properties.amount.total', operator: 'GTE', value: 100 },
 *   timeframe: { type: 'atomic', attribute: 'date', operator: 'IS_NOT_NULL' }
 * }
 * E.isRight(DidClauseCodec.decode(did)) // true
 *
 * @category codecs
 * @since 0.2.0
 */
export const DidClauseCodec: t.Type<DidClause> = /*#__PURE__*/ t.type(
  {
    event: /*#__PURE__*/ t.type({ name: /*#__PURE__*/ t.refinement(t.string, (s) => s.length > 0, 'EventType') }),
    condition: ConditionCodec as unknown as t.Type<Condition<EventScope>>,
    timeframe: ConditionCodec as unknown as t.Type<Condition<TimeframeScope>>
  },
  'DidClause'
)

const SimpleQueryFields = /*#__PURE__*/ t.intersection(
  [
    /*#__PURE__*/ t.type({ type: /*#__PURE__*/ t.literal('simple') }),
    /*#__PURE__*/ t.partial({
      name: t.string,
      are: /*#__PURE__*/ t.type({ condition: ConditionCodec }),
      did: DidClauseCodec
    })
  ],
  'SimpleQuery'
)

const hasPart = (q: { readonly are?: unknown; readonly did?: unknown }): boolean =>
  q.are !== undefined || q.did !== undefined

/**
 * The codec of a simple query: `are`, `did` or both (0.2.0: `are` became optional when `did` came).
 *
 * @category codecs
 * @since 0.1.0
 */
export const SimpleQueryCodec: t.Type<SimpleQuery> = /*#__PURE__*/ new t.Type<SimpleQuery>(
  'SimpleQuery',
  (u): u is SimpleQuery => SimpleQueryFields.is(u) && hasPart(u),
  (u, c) => {
    // The fields' own context entry has an empty key: error paths go straight to the fields, as before 0.2.0.
    const fields = SimpleQueryFields.validate(u, t.appendContext(c, '', SimpleQueryFields, u))
    if (fields._tag === 'Left' || hasPart(fields.right)) return fields
    return t.failure(u, c, 'a simple query needs "are", "did" or both')
  },
  (a) => a
)

/**
 * The codec of a simple or combined query (picked by `type`).
 *
 * @category codecs
 * @since 0.1.0
 */
export const InnerQueryCodec: t.Type<InnerQuery> = /*#__PURE__*/ dispatch<InnerQuery, 'simple' | 'combined'>(
  'InnerQuery',
  'type',
  /*#__PURE__*/ t.keyof({ simple: null, combined: null }, 'QueryType'),
  (type) => (type === 'simple' ? SimpleQueryCodec : CombinedQueryCodec)
)

/**
 * The codec of a combined query.
 *
 * @category codecs
 * @since 0.1.0
 */
export const CombinedQueryCodec: t.Type<CombinedQuery> = /*#__PURE__*/ t.intersection(
  [
    /*#__PURE__*/ t.type({
      type: /*#__PURE__*/ t.literal('combined'),
      conjunction: QueryConjunctionCodec,
      queries: /*#__PURE__*/ t.readonlyArray(InnerQueryCodec)
    }),
    /*#__PURE__*/ t.partial({ name: t.string })
  ],
  'CombinedQuery'
)

/**
 * The codec of the whole `query` parameter, `{ name, query }`.
 *
 * @example
 * import * as E from 'fp-ts/Either'
 * E.isRight(QueryCodec.decode(customerQuery(eq('base.firstName', 'Ada')))) // true
 *
 * @category codecs
 * @since 0.1.0
 */
export const QueryCodec: t.Type<Query> = /*#__PURE__*/ t.type({ name: t.string, query: InnerQueryCodec }, 'Query')

/**
 * The `query` parameter as it arrives in a URL: JSON text, parsed and then validated by {@link QueryCodec}.
 * Encoding writes the JSON text back.
 *
 * @category codecs
 * @since 0.1.0
 */
export const QueryFromJson: t.Type<Query, string, unknown> = /*#__PURE__*/ new t.Type<Query, string, unknown>(
  'QueryFromJson',
  (u): u is Query => QueryCodec.is(u),
  (u, c) => {
    if (typeof u !== 'string') return t.failure(u, c, 'expected the query as JSON text')
    let parsed: unknown
    try {
      parsed = JSON.parse(u)
    } catch {
      return t.failure(u, c, 'the query is not valid JSON')
    }
    return QueryCodec.validate(parsed, c)
  },
  (q) => JSON.stringify(q)
)
