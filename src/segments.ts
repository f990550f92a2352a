/**
 * Segment operations: list (filtered by name), read, create, replace and delete the workspace's segments, and list
 * the customers a segment holds in the context's node.
 *
 * @since 0.2.0
 */
import * as E from './either'
import * as TE from './taskEither'
import { pipe } from '#fp-ts/function'
import type { Context } from './context'
import type { ContacthubError } from './error'
import { request, requestVoid } from './request'
import type { Paginated } from './pagination'
import {
  encodeBody,
  nodeIdOf,
  nonEmptyString,
  operation,
  optional,
  pagedGet,
  type PageOptions,
  type Rec
} from './operation'
import { withoutNulls } from './codecs/common'
import { Customer } from './codecs/customer'
import { encodeSegmentInput, oneSegment, Segment, type SegmentInput } from './codecs/segment'

const SEGMENTS = '/workspaces/{workspaceId}/segments'
const SEGMENT = '/workspaces/{workspaceId}/segments/{id}'
const SEGMENT_CUSTOMERS = '/workspaces/{workspaceId}/segments/{segmentId}/customers'

/** The body of a segment input (`{ name, query, enabled? }`, no `null`s), encoded when the task runs. */
const body = (name: string, segment: SegmentInput, extra: Rec): TE.TaskEither<ContacthubError, unknown> =>
  encodeBody(name, 'segment', encodeSegmentInput, segment, (wire) => withoutNulls({ ...wire, ...extra }))

/**
 * Options of {@link getSegments}.
 *
 * @category model
 * @since 0.2.0
 */
export interface GetSegmentsOptions extends PageOptions {
  /** Only the segments whose name matches this one (the server's matching). */
  readonly name?: string
}

const segmentsPaged = /*#__PURE__*/ pagedGet('getSegments', SEGMENTS, Segment)

/**
 * Lists the workspace's segments, a page at a time (`GET /segments?name&page&size`); `nextPage`, `previousPage`
 * and `pages` walk on.
 *
 * @example
 * pipe(getSegments(ctx, { name: 'vip', size: 20 }), TE.map((p) => p.elements.map((s) => s.name)))
 *
 * @category segments
 * @since 0.2.0
 */
export const getSegments = (
  ctx: Context,
  opts?: GetSegmentsOptions
): TE.TaskEither<ContacthubError, Paginated<Segment>> =>
  segmentsPaged(ctx, opts, ({ name }) => {
    const why = optional(nonEmptyString)('name', name)
    return why === undefined ? E.right({ query: { name } }) : E.left(why)
  })

/**
 * Reads a segment (`GET /segments/{id}`). An unknown id is an `HttpError` with status 404.
 *
 * @example
 * pipe(getSegment(ctx, id), TE.map((s) => s.query))
 *
 * @category segments
 * @since 0.2.0
 */
export const getSegment = (ctx: Context, id: string): TE.TaskEither<ContacthubError, Segment> =>
  operation('getSegment', ctx, () =>
    request(ctx, { operation: 'getSegment', method: 'GET', path: SEGMENT, params: { id } }, Segment)
  )

/**
 * Creates a segment (`POST /segments` with `{ name, query, enabled? }`; `query` is the builder's query, sent as its
 * inner simple or combined query). The answer may be the segment or an array of one: both give the segment.
 *
 * @example
 * addSegment(ctx, { name: 'Milano', query: customerQuery(eq('base.address.city', 'Milano')) })
 *
 * @category segments
 * @since 0.2.0
 */
export const addSegment = (ctx: Context, segment: SegmentInput): TE.TaskEither<ContacthubError, Segment> =>
  operation('addSegment', ctx, () =>
    pipe(
      body('addSegment', segment, {}),
      TE.flatMap((payload) =>
        request(ctx, { operation: 'addSegment', method: 'POST', path: SEGMENTS, body: payload }, oneSegment)
      )
    )
  )

/**
 * Replaces a segment (`PUT /segments/{id}`; the body gets `id`).
 *
 * @example
 * updateSegment(ctx, id, { name: 'Milano', query: customerQuery(eq('base.address.city', 'Milano')), enabled: false })
 *
 * @category segments
 * @since 0.2.0
 */
export const updateSegment = (
  ctx: Context,
  id: string,
  segment: SegmentInput
): TE.TaskEither<ContacthubError, Segment> =>
  operation('updateSegment', ctx, () =>
    pipe(
      body('updateSegment', segment, { id }),
      TE.flatMap((payload) =>
        request(
          ctx,
          { operation: 'updateSegment', method: 'PUT', path: SEGMENT, params: { id }, body: payload },
          Segment
        )
      )
    )
  )

/**
 * Deletes a segment (`DELETE /segments/{id}`); what the server answers with is not read.
 *
 * @example
 * deleteSegment(ctx, id)
 *
 * @category segments
 * @since 0.2.0
 */
export const deleteSegment = (ctx: Context, id: string): TE.TaskEither<ContacthubError, void> =>
  operation('deleteSegment', ctx, () =>
    requestVoid(ctx, { operation: 'deleteSegment', method: 'DELETE', path: SEGMENT, params: { id } })
  )

/**
 * Options of {@link getSegmentCustomers}.
 *
 * @category model
 * @since 0.2.0
 */
export interface GetSegmentCustomersOptions extends PageOptions {
  /** The fields to return (`['base.firstName']` or `'base.firstName,base.lastName'`); the others come back `null`. */
  readonly fields?: ReadonlyArray<string> | string
}

/** `fields` as the comma-separated parameter, or why it is refused. */
const fieldsParam = (fields: unknown): E.Either<string, string | undefined> =>
  fields === undefined || typeof fields === 'string'
    ? E.right(fields)
    : Array.isArray(fields) && fields.every((f) => typeof f === 'string')
      ? E.right(fields.join(','))
      : E.left('fields must be a string or a list of strings')

const segmentCustomersPaged = /*#__PURE__*/ pagedGet('getSegmentCustomers', SEGMENT_CUSTOMERS, Customer)

/**
 * Lists the customers of a segment in the context's node, a page at a time (`GET /segments/{id}/customers?nodeId`);
 * `fields` limits the returned properties. `nextPage`, `previousPage` and `pages` walk on.
 *
 * @example
 * pipe(getSegmentCustomers(ctx, id, { fields: ['base.firstName'], size: 50 }), TE.map((p) => p.elements))
 *
 * @category segments
 * @since 0.2.0
 */
export const getSegmentCustomers = (
  ctx: Context,
  segmentId: string,
  opts?: GetSegmentCustomersOptions
): TE.TaskEither<ContacthubError, Paginated<Customer>> =>
  segmentCustomersPaged(ctx, opts, ({ fields }) => {
    const f = fieldsParam(fields)
    if (E.isLeft(f)) return f
    const nodeId = nodeIdOf(ctx)
    return E.isLeft(nodeId)
      ? nodeId
      : E.right({ params: { segmentId }, query: { nodeId: nodeId.right, fields: f.right } })
  })
