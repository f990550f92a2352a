/**
 * Codecs and input types of segments (`/workspaces/{workspaceId}/segments`): a named, stored customer query.
 *
 * ```json
 * { "id": "…", "name": "vip in Milano", "query": { "type": "simple", "name": "query", "are": { "condition": { … } } },
 *   "enabled": true, "createdAt": "2016-02-23T09:26:33.000+0000", "updatedAt": "2016-02-23T09:26:44.000+0000" }
 * ```
 *
 * The spec's definitions name the flag `enabled`, its examples `enable`: both decode (into `enabled`). `POST` answers
 * with an array of one segment in the spec, with the segment itself in other answers: {@link oneSegment} takes both.
 *
 * @since 0.2.0
 */
import * as t from '#io-ts/index'
import * as E from '#fp-ts/Either'
import { nullable, Timestamp } from './common'
import { pageOf, type Page } from './page'
import type { Query } from './query'

const NString = /*#__PURE__*/ nullable(t.string)
const NBoolean = /*#__PURE__*/ nullable(t.boolean)
const NTimestamp = /*#__PURE__*/ nullable(Timestamp)

type Rec = Readonly<Record<string, unknown>>

const isRecord = (u: unknown): u is Rec => typeof u === 'object' && u !== null && !Array.isArray(u)

/**
 * A segment as the API returns it. `query` is the stored query as the server sent it (usually a simple or combined
 * query: `InnerQueryCodec` checks one); timestamps are ISO date-times in UTC. Unknown fields are kept at runtime.
 *
 * @category model
 * @since 0.2.0
 */
export interface Segment {
  readonly id: string
  readonly name: string | null
  readonly query: Rec | null
  readonly enabled: boolean | null
  readonly createdAt: string | null
  readonly updatedAt: string | null
}

const SegmentStruct = /*#__PURE__*/ t.type(
  {
    id: t.string,
    name: NString,
    query: /*#__PURE__*/ nullable(t.UnknownRecord),
    enabled: NBoolean,
    createdAt: NTimestamp,
    updatedAt: NTimestamp
  },
  'Segment'
)

/**
 * Codec of {@link Segment}. A boolean `enable` (the spec examples' spelling) stands for a missing or `null`
 * `enabled`; the server's timestamps are decoded strictly.
 *
 * @example
 * const result = Segment.decode({ id: 's-1', name: 'vip', query: null, enable: true }) // enabled: true
 *
 * @category codecs
 * @since 0.2.0
 */
export const Segment: t.Type<Segment, unknown, unknown> = /*#__PURE__*/ new t.Type<Segment, unknown, unknown>(
  'Segment',
  (u): u is Segment => SegmentStruct.is(u),
  (u, c) => {
    if (isRecord(u) && (u.enabled === undefined || u.enabled === null) && typeof u.enable === 'boolean') {
      return SegmentStruct.validate({ ...u, enabled: u.enable }, c)
    }
    return SegmentStruct.validate(u, c)
  },
  (a) => SegmentStruct.encode(a)
)

/**
 * The answer of `POST /segments`: the created segment, sent as an array of one (as the spec says) or as the
 * segment itself. Both decode to the segment; an array of another length fails.
 *
 * @category codecs
 * @since 0.2.0
 */
export const oneSegment: t.Type<Segment, unknown, unknown> = /*#__PURE__*/ new t.Type<Segment, unknown, unknown>(
  'Segment | [Segment]',
  (u): u is Segment => Segment.is(u),
  (u, c) => {
    if (!Array.isArray(u)) return Segment.validate(u, c)
    const items: ReadonlyArray<unknown> = u
    if (items.length !== 1) return t.failure(u, c, `expected one segment, got an array of ${items.length}`)
    return Segment.validate(items[0], [...c, { key: '0', type: Segment, actual: items[0] }])
  },
  (a) => Segment.encode(a)
)

/**
 * Codec of a page of segments (`GET /segments`).
 *
 * @category codecs
 * @since 0.2.0
 */
export const SegmentPage: t.Type<Page<Segment>, Page<unknown>, unknown> = /*#__PURE__*/ pageOf(Segment)

/**
 * A segment to send (`addSegment`, `updateSegment`): its name, the builder's query, and whether it is enabled
 * (the server's default: enabled).
 *
 * @example
 * import { customerQuery, eq } from 'contacthub-fp'
 * const input: SegmentInput = { name: 'Milano', query: customerQuery(eq('base.address.city', 'Milano')) }
 *
 * @category model
 * @since 0.2.0
 */
export interface SegmentInput {
  readonly name: string
  readonly query: Query
  readonly enabled?: boolean | null
}

const isInnerQuery = (u: Rec): boolean => u.type === 'simple' || u.type === 'combined'

/**
 * Turns a segment input into the body of `POST /segments` and `PUT /segments/{id}`: `{ name, query, enabled }`,
 * where `query` is the builder query's inner simple or combined query (the spec's shape) and a `null` or missing
 * `enabled` is left out. The input is not mutated. Fails with a message when the name is not a non-empty string,
 * the query is not a query, or `enabled` is not a boolean.
 *
 * @example
 * import { customerQuery, eq } from 'contacthub-fp'
 * encodeSegmentInput({ name: 'Ada', query: customerQuery(eq('base.firstName', 'Ada')) })
 * // right({ name: 'Ada', query: { type: 'simple', name: 'query', are: { condition: … } } })
 *
 * @category encoders
 * @since 0.2.0
 */
export const encodeSegmentInput = (input: SegmentInput): E.Either<string, Rec> => {
  if (!isRecord(input)) return E.left('the segment must be an object')
  const { name, query, enabled } = input as {
    readonly name?: unknown
    readonly query?: unknown
    readonly enabled?: unknown
  }
  if (typeof name !== 'string' || name.trim() === '') return E.left('the segment name must be a non-empty string')
  if (!isRecord(query)) return E.left('the segment query must be a query object')
  // A builder Query is `{ name, query: <simple | combined> }`; an inner query given as it is goes through unchanged.
  const inner = isInnerQuery(query)
    ? query
    : isRecord(query.query) && isInnerQuery(query.query)
      ? query.query
      : undefined
  if (inner === undefined) return E.left('the segment query must be a simple or combined query')
  if (enabled !== undefined && enabled !== null && typeof enabled !== 'boolean')
    return E.left('the segment enabled flag must be a boolean')
  const body: { name: string; query: Rec; enabled?: boolean } = { name, query: inner }
  if (typeof enabled === 'boolean') body.enabled = enabled
  return E.right(body)
}
