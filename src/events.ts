/**
 * Event operations: `addEvent`, `getEvent`, `getEvents`, `deleteEvent`.
 *
 * @since 0.1.0
 */
import * as E from '#fp-ts/Either'
import type * as TE from '#fp-ts/TaskEither'
import type { Context } from './context'
import { invalidInput, type ContacthubError } from './error'
import { left } from './taskEither'
import { request, requestVoid } from './request'
import { paginate, type Paginated } from './pagination'
import { pageOf } from './codecs/page'
import { parseTimestamp, toDateTime, type DateInput } from './codecs/common'
import {
  EventCodec,
  type BringBackProperties,
  type Event,
  type EventContext,
  type EventInput,
  type EventMode,
  type EventType,
  type OpenRecord
} from './codecs/event'

const EVENTS = '/workspaces/{workspaceId}/events'
const EVENT = '/workspaces/{workspaceId}/events/{id}'

const isNonEmptyString = (u: unknown): u is string => typeof u === 'string' && u.trim() !== ''

const isRecord = (u: unknown): u is OpenRecord => typeof u === 'object' && u !== null && !Array.isArray(u)

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

const now = (ctx: Context): number => {
  const clockNow = ctx.clock?.now
  if (typeof clockNow === 'function') {
    try {
      const ms = clockNow()
      if (Number.isFinite(ms)) return ms
    } catch {
      // an injected clock that throws falls back to the real one
    }
  }
  return Date.now()
}

/** The body of `POST /events`, or why the event is refused. */
const eventBody = (ctx: Context, event: EventInput): E.Either<string, Readonly<Record<string, unknown>>> => {
  if (!isRecord(event)) return E.left('the event must be an object')
  if (!isNonEmptyString(event.type)) return E.left('the event needs a type (e.g. "viewedPage")')
  if (!isNonEmptyString(event.context)) return E.left('the event needs a context (e.g. "WEB")')
  if (event.properties !== undefined && !isRecord(event.properties)) return E.left('properties must be an object')
  if (event.contextInfo !== undefined && !isRecord(event.contextInfo)) return E.left('contextInfo must be an object')
  if (event.tracking !== undefined && !isRecord(event.tracking)) return E.left('tracking must be an object')
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
    if (value !== undefined && !isNonEmptyString(value)) return E.left(`${name} must be a non-empty string`)
  }
  if (customerId === undefined && sessionId === undefined && externalId === undefined)
    return E.left('the event must name its customer with customerId, sessionId or externalId')
  if (sessionId !== undefined && externalId !== undefined)
    return E.left('the event may name its customer with sessionId or externalId, not both')
  let bringBackProperties: BringBackProperties | undefined
  if (sessionId !== undefined || externalId !== undefined) {
    if (!isNonEmptyString(ctx.nodeId)) return E.left('the context needs a nodeId to send sessionId or externalId')
    bringBackProperties =
      sessionId !== undefined
        ? { type: 'SESSION_ID', value: sessionId as string, nodeId: ctx.nodeId }
        : { type: 'EXTERNAL_ID', value: externalId as string, nodeId: ctx.nodeId }
  }
  const date = event.date === undefined ? E.right(new Date(now(ctx)).toISOString()) : dateTime('date', event.date)
  if (E.isLeft(date)) return date
  return E.right({
    type: event.type,
    context: event.context,
    ...(customerId === undefined ? {} : { customerId }),
    ...(bringBackProperties === undefined ? {} : { bringBackProperties }),
    properties: event.properties ?? {},
    ...(event.contextInfo === undefined ? {} : { contextInfo: event.contextInfo }),
    ...(event.tracking === undefined ? {} : { tracking: event.tracking }),
    date: date.right
  })
}

/**
 * Sends an event (`POST /events`). The API queues it (202), so a read may not see it for a few seconds; the result is
 * `void`. An event with no `customerId`, `sessionId` or `externalId` is an `InvalidInput`, and nothing is sent.
 * `sessionId` / `externalId` become `bringBackProperties` in `ctx.nodeId`; `date` defaults to now
 * (`ctx.clock.now`, else the system clock) and is sent as an ISO date-time.
 *
 * @example
 * await addEvent(ctx, {
 *   type: 'viewedPage',
 *   context: 'WEB',
 *   customerId,
 *   properties: { url: 'https://example.com/', title: 'Home' }
 * })()
 *
 * @category events
 * @since 0.1.0
 */
export const addEvent =
  (ctx: Context, event: EventInput): TE.TaskEither<ContacthubError, void> =>
  async () => {
    const body = eventBody(ctx, event)
    if (E.isLeft(body)) return E.left({ _tag: 'InvalidInput', message: `addEvent: ${body.left}.` })
    return requestVoid(ctx, { operation: 'addEvent', method: 'POST', path: EVENTS, body: body.right })()
  }

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
  request(ctx, { operation: 'getEvent', method: 'GET', path: EVENT, params: { id } }, EventCodec)

/**
 * Filters of {@link getEvents}. `type` and `context` take one value or several (sent comma-separated); `dateFrom`
 * and `dateTo` take a `Date` or a string and are sent as ISO date-times; `page` is 0-based.
 *
 * @category model
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

const EventPage = /*#__PURE__*/ pageOf(EventCodec)

const list = (name: string, v: string | ReadonlyArray<string> | undefined): E.Either<string, string | undefined> => {
  if (v === undefined) return E.right(undefined)
  const values = typeof v === 'string' ? [v] : Array.isArray(v) ? (v as ReadonlyArray<unknown>) : undefined
  if (values === undefined || values.length === 0 || !values.every(isNonEmptyString))
    return E.left(`${name} must be a non-empty string or a non-empty list of them`)
  return E.right(values.join(','))
}

const isIndex = (n: unknown, min: number): n is number => typeof n === 'number' && Number.isInteger(n) && n >= min

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
  opts: GetEventsOptions = {}
): TE.TaskEither<ContacthubError, Paginated<Event>> => {
  const invalid = (why: string): TE.TaskEither<ContacthubError, Paginated<Event>> =>
    left(invalidInput(`getEvents: ${why}.`))
  if (!isNonEmptyString(customerId)) return invalid('customerId must be a non-empty string')
  if (typeof opts !== 'object' || opts === null) return invalid('the options must be an object')
  const type = list('type', opts.type)
  if (E.isLeft(type)) return invalid(type.left)
  const context = list('context', opts.context)
  if (E.isLeft(context)) return invalid(context.left)
  if (opts.mode !== undefined && !isNonEmptyString(opts.mode)) return invalid('mode must be "ACTIVE" or "PASSIVE"')
  const dateFrom = opts.dateFrom === undefined ? E.right(undefined) : dateTime('dateFrom', opts.dateFrom)
  if (E.isLeft(dateFrom)) return invalid(dateFrom.left)
  const dateTo = opts.dateTo === undefined ? E.right(undefined) : dateTime('dateTo', opts.dateTo)
  if (E.isLeft(dateTo)) return invalid(dateTo.left)
  if (opts.page !== undefined && !isIndex(opts.page, 0)) return invalid('page must be an integer >= 0')
  if (opts.size !== undefined && !isIndex(opts.size, 1)) return invalid('size must be an integer >= 1')
  const size = opts.size
  const fetchPage = paginate((page: number) =>
    request(
      ctx,
      {
        operation: 'getEvents',
        method: 'GET',
        path: EVENTS,
        query: {
          customerId,
          type: type.right,
          context: context.right,
          mode: opts.mode,
          dateFrom: dateFrom.right,
          dateTo: dateTo.right,
          page,
          size
        }
      },
      EventPage
    )
  )
  return fetchPage(opts.page ?? 0)
}

/**
 * Deletes an event (`DELETE /events/{id}`, 204).
 *
 * @category events
 * @since 0.1.0
 */
export const deleteEvent = (ctx: Context, id: string): TE.TaskEither<ContacthubError, void> =>
  requestVoid(ctx, { operation: 'deleteEvent', method: 'DELETE', path: EVENT, params: { id } })
