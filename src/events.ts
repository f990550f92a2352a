/**
 * Event operations: `addEvent`, `getEvent`, `getEvents`, `updateEvent`, `deleteEvent`.
 *
 * @since 0.1.0
 */
import * as E from './either'
import type * as TE from './taskEither'
import type { Context } from './context'
import type { ContacthubError } from './error'
import { request, requestVoid } from './request'
import type { Paginated } from './pagination'
import { id, isNonBlank, isRecord, operation, pagedGet, refuse, type Check, type PagedRequest } from './operation'
import { parseTimestamp, toDateTime, type DateInput } from './codecs/common'
import {
  EventCodec,
  type BringBackProperties,
  type Event,
  type EventContext,
  type EventInput,
  type EventInputType,
  type EventMode,
  type EventType,
  type StandardEventContext
} from './codecs/event'

const EVENTS = '/workspaces/{workspaceId}/events'
const EVENT = '/workspaces/{workspaceId}/events/{id}'

/** A date input as an ISO date-time, or why it is refused. */
const dateTime = (name: string, d: unknown): E.Either<string, string> => {
  if (!(d instanceof Date) && typeof d !== 'string') return E.left(`${name} must be a Date or a date string`)
  const iso = toDateTime(d)
  if (iso === undefined || parseTimestamp(iso) === undefined)
    return E.left(
      `${name} is not a valid date or date-time: ${d instanceof Date ? 'Invalid Date' : JSON.stringify(d).slice(0, 60)}`
    )
  return E.right(iso)
}

/** Now, as an ISO date-time: the context's clock when it gives a time a `Date` can hold, else the real clock. */
const now = (ctx: Context): string => {
  try {
    const clockNow = ctx.clock?.now
    const ms: unknown = typeof clockNow === 'function' ? clockNow() : undefined
    // Out of a Date's range (|ms| > 8.64e15) is an Invalid Date, whose toISOString would throw.
    const iso = typeof ms === 'number' ? toDateTime(new Date(ms)) : undefined
    if (iso !== undefined) return iso
  } catch {
    // an injected clock that throws falls back to the real one
  }
  return new Date().toISOString()
}

/** The body of `POST /events`, or why the event is refused. */
const eventBody = (ctx: Context, event: EventInput): E.Either<string, Readonly<Record<string, unknown>>> => {
  if (!isRecord(event)) return E.left('the event must be an object')
  if (!isNonBlank(event.type)) return E.left('the event needs a type (e.g. "viewedPage")')
  if (!isNonBlank(event.context)) return E.left('the event needs a context (e.g. "WEB")')
  for (const name of ['properties', 'contextInfo', 'tracking'] as const)
    if (event[name] !== undefined && !isRecord(event[name])) return E.left(`${name} must be an object`)
  const { customerId, sessionId, externalId } = event as {
    readonly customerId?: unknown
    readonly sessionId?: unknown
    readonly externalId?: unknown
  }
  for (const [name, value] of [
    ['customerId', customerId],
    ['sessionId', sessionId],
    ['externalId', externalId]
  ] as const) {
    if (value !== undefined && !isNonBlank(value)) return E.left(`${name} must be a non-empty string`)
  }
  if (customerId === undefined && sessionId === undefined && externalId === undefined)
    return E.left('the event must name its customer with customerId, sessionId or externalId')
  if (sessionId !== undefined && externalId !== undefined)
    return E.left('the event may name its customer with sessionId or externalId, not both')
  let bringBackProperties: BringBackProperties | undefined
  if (sessionId !== undefined || externalId !== undefined) {
    if (!isNonBlank(ctx.nodeId)) return E.left('the context needs a nodeId to send sessionId or externalId')
    bringBackProperties =
      sessionId !== undefined
        ? { type: 'SESSION_ID', value: sessionId as string, nodeId: ctx.nodeId }
        : { type: 'EXTERNAL_ID', value: externalId as string, nodeId: ctx.nodeId }
  }
  const date = event.date === undefined ? E.right(now(ctx)) : dateTime('date', event.date)
  if (E.isLeft(date)) return date
  // The body is sent as JSON, which leaves out the properties that are `undefined`.
  return E.right({
    type: event.type,
    context: event.context,
    customerId,
    bringBackProperties,
    properties: event.properties ?? {},
    contextInfo: event.contextInfo,
    tracking: event.tracking,
    date: date.right
  })
}

/**
 * Sends an event (`POST /events`). The API queues it (202), so a read may not see it for a few seconds; the result is
 * `void`. An event with no `customerId`, `sessionId` or `externalId` is an `InvalidInput`, and nothing is sent.
 * `sessionId` / `externalId` become `bringBackProperties` in `ctx.nodeId`; `date` defaults to now
 * (`ctx.clock.now`, else the system clock) and is sent as an ISO date-time.
 *
 * Typed at compile time: the `type` literal selects the `properties` type (`completedOrder`:
 * `CompletedOrderProperties`) and the `context` literal the `contextInfo` type (`WEB`: `WebContextInfo`); a
 * misspelt property, a wrong value type, an unknown type or context do not compile. A type your workspace knows
 * beyond the standard ones goes through {@link customEventType}. Only types: nothing is checked at run time beyond
 * the event's shape (see `validateEvent` for that).
 *
 * @example
 * await addEvent(ctx, {
 *   type: 'completedOrder',
 *   context: 'ECOMMERCE',
 *   customerId,
 *   properties: { orderId: 'o-1', paymentMethod: 'creditcard', amount: { total: 42, local: { currency: 'EUR' } } }
 * })()
 *
 * @category events
 * @since 0.1.0
 */
export const addEvent = <T extends EventInputType, C extends StandardEventContext>(
  ctx: Context,
  event: EventInput<T, C>
): TE.TaskEither<ContacthubError, void> =>
  operation('addEvent', ctx, () => {
    const body = eventBody(ctx, event)
    return E.isLeft(body)
      ? refuse('addEvent', body.left)
      : requestVoid(ctx, { operation: 'addEvent', method: 'POST', path: EVENTS, body: body.right })
  })

/**
 * Reads one event (`GET /events/{id}`).
 *
 * @example
 * pipe(getEvent(ctx, id), TE.map((e) => e.properties))
 *
 * @category events
 * @since 0.1.0
 */
export const getEvent = (ctx: Context, id: string): TE.TaskEither<ContacthubError, Event> =>
  operation('getEvent', ctx, () =>
    request(ctx, { operation: 'getEvent', method: 'GET', path: EVENT, params: { id } }, EventCodec)
  )

/**
 * Filters of {@link getEvents}. `type` and `context` take one value or several (sent comma-separated); `dateFrom`
 * and `dateTo` take a `Date` or a string and are sent as ISO date-times; `page` is 0-based.
 *
 * @category events
 * @since 0.1.0
 */
export interface GetEventsOptions {
  readonly type?: EventType | ReadonlyArray<EventType>
  readonly context?: EventContext | ReadonlyArray<EventContext>
  readonly mode?: EventMode
  readonly dateFrom?: DateInput
  readonly dateTo?: DateInput
  readonly page?: number
  readonly size?: number
}

const modeCheck: Check = (name, u) =>
  u === undefined || isNonBlank(u) ? undefined : `${name} must be "ACTIVE" or "PASSIVE"`

const optionalDateTime = (name: string, d: unknown): E.Either<string, string | undefined> =>
  d === undefined ? E.right(undefined) : dateTime(name, d)

const list = (name: string, v: string | ReadonlyArray<string> | undefined): E.Either<string, string | undefined> => {
  if (v === undefined) return E.right(undefined)
  const values = typeof v === 'string' ? [v] : Array.isArray(v) ? (v as ReadonlyArray<unknown>) : undefined
  if (values === undefined || values.length === 0 || !values.every(isNonBlank))
    return E.left(`${name} must be a non-empty string or a non-empty list of them`)
  return E.right(values.join(','))
}

/** The request of `GET /events` (page and size aside), or why it is refused. */
const eventsRequest = (customerId: unknown, o: GetEventsOptions): E.Either<string, PagedRequest> => {
  const { mode } = o
  const why = id('customerId', customerId) ?? modeCheck('mode', mode)
  if (why !== undefined) return E.left(why)
  const type = list('type', o.type)
  if (E.isLeft(type)) return type
  const context = list('context', o.context)
  if (E.isLeft(context)) return context
  const dateFrom = optionalDateTime('dateFrom', o.dateFrom)
  if (E.isLeft(dateFrom)) return dateFrom
  const dateTo = optionalDateTime('dateTo', o.dateTo)
  if (E.isLeft(dateTo)) return dateTo
  return E.right({
    query: {
      customerId: customerId as string,
      type: type.right,
      context: context.right,
      mode,
      dateFrom: dateFrom.right,
      dateTo: dateTo.right
    }
  })
}

const eventsPaged = /*#__PURE__*/ pagedGet('getEvents', EVENTS, EventCodec)

/**
 * Lists a customer's events (`GET /events?customerId=…`), one page at a time: the result remembers its request, so
 * `nextPage`, `previousPage` and `pages` walk the rest.
 *
 * @example
 * for await (const page of pages(getEvents(ctx, customerId, { type: 'completedOrder', dateFrom: '2024-01-01', size: 50 }))) {
 *   if (E.isLeft(page)) break
 *   page.right.elements.forEach((e) => console.log(e.date, e.properties))
 * }
 *
 * @category events
 * @since 0.1.0
 */
export const getEvents = (
  ctx: Context,
  customerId: string,
  opts?: GetEventsOptions
): TE.TaskEither<ContacthubError, Paginated<Event>> => eventsPaged(ctx, opts, (o) => eventsRequest(customerId, o))

/**
 * Replaces an event (`PUT /events/{id}`), typed like {@link addEvent}. The body is the event as `addEvent` sends
 * it, with `id`; an `id` in `event`, if any, must be the path's, else the call is an `InvalidInput` and nothing is
 * sent. The API queues the change (202): the result is `void`, and a read may not see it for a few seconds.
 *
 * @example
 * updateEvent(ctx, id, { type: 'viewedPage', context: 'WEB', customerId, properties: { url: 'https://example.com/' }, date: new Date('2024-01-01') })
 *
 * @category events
 * @since 0.2.0
 */
export const updateEvent = <T extends EventInputType, C extends StandardEventContext>(
  ctx: Context,
  id: string,
  event: EventInput<T, C>
): TE.TaskEither<ContacthubError, void> =>
  operation('updateEvent', ctx, () => {
    const given = isRecord(event) ? event.id : undefined
    if (given !== undefined && given !== id) return refuse('updateEvent', "the event's id must be the path's id")
    const body = eventBody(ctx, event)
    return E.isLeft(body)
      ? refuse('updateEvent', body.left)
      : requestVoid(ctx, {
          operation: 'updateEvent',
          method: 'PUT',
          path: EVENT,
          params: { id },
          body: { ...body.right, id }
        })
  })

/**
 * Deletes an event (`DELETE /events/{id}`, 204).
 *
 * @category events
 * @since 0.1.0
 */
export const deleteEvent = (ctx: Context, id: string): TE.TaskEither<ContacthubError, void> =>
  operation('deleteEvent', ctx, () =>
    requestVoid(ctx, { operation: 'deleteEvent', method: 'DELETE', path: EVENT, params: { id } })
  )
