/**
 * Run-time checks of events against the vendor's schemas: `validateEvent` for an event to send, `isEventOfType`
 * for a decoded one. A separate module: `addEvent` alone does not bundle the schemas.
 *
 * @since 0.2.0
 */
import type { Either } from './either'
import { left, right } from './either'
import { invalidInput, type ContacthubError } from './error'
import { STANDARD_EVENT_CONTEXTS, STANDARD_EVENT_TYPES, type Event, type EventInput } from './codecs/event'
import { CONTEXT_INFO_SHAPES, EVENT_PROPERTY_SHAPES } from './codecs/event-plan'
import type { EventPropertiesMap } from './codecs/event-types'
import type { Shape } from './codecs/event-shape'
import { isNonBlank } from './operation'
import {
  addIssue,
  checkShape,
  hasOwn,
  isPlainObject,
  formatOk,
  shapeReport,
  showValue,
  type PathSegment,
  type ShapeReport
} from './codecs/event-check'

/** The most problems one message lists; the others are counted in a last "and N more". */
const MAX_MESSAGES = 10

/** Any JSON object: the shape of `properties` of a type without a schema (`eventRegistered`), and of `tracking`. */
const OBJECT: Shape = { type: 'object' }

/** The fields an event to send may have (`id`: `updateEvent` accepts the path's id). */
const FIELDS = new Set([
  'type',
  'context',
  'properties',
  'contextInfo',
  'tracking',
  'date',
  'customerId',
  'sessionId',
  'externalId',
  'id'
])

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

/** A path as a JavaScript accessor: `properties.products[2].price`, `properties["a b"]`; `(root)` when empty. */
const dotted = (path: ReadonlyArray<PathSegment>): string =>
  path.length === 0
    ? '(root)'
    : path
        .map((s, i) =>
          typeof s === 'number' ? `[${s}]` : IDENTIFIER.test(s) ? (i === 0 ? s : `.${s}`) : `[${JSON.stringify(s)}]`
        )
        .join('')

/** The event's own fields, apart from `properties` and `contextInfo`. */
const checkEnvelope = (r: ShapeReport, e: Record<string, unknown>): void => {
  for (const k of Object.keys(e)) if (!FIELDS.has(k)) addIssue(r, [k], 'additionalProperties', 'not allowed', e[k])
  const { type, context, customerId, sessionId, externalId, date } = e
  if (!(STANDARD_EVENT_TYPES as ReadonlyArray<unknown>).includes(type))
    addIssue(r, ['type'], 'enum', `expected a standard event type (e.g. "viewedPage"), got ${showValue(type)}`, type)
  if (!(STANDARD_EVENT_CONTEXTS as ReadonlyArray<unknown>).includes(context))
    addIssue(
      r,
      ['context'],
      'enum',
      `expected a standard event context (e.g. "WEB"), got ${showValue(context)}`,
      context
    )
  for (const [k, v] of [
    ['customerId', customerId],
    ['sessionId', sessionId],
    ['externalId', externalId],
    ['id', e.id]
  ] as const) {
    if (v !== undefined && !isNonBlank(v))
      addIssue(r, [k], 'type', `expected a non-empty string, got ${showValue(v)}`, v)
  }
  if (customerId === undefined && sessionId === undefined && externalId === undefined)
    addIssue(
      r,
      ['customerId'],
      'required',
      'missing (the event names its customer by customerId, sessionId or externalId)',
      undefined
    )
  if (sessionId !== undefined && externalId !== undefined)
    addIssue(r, ['externalId'], 'additionalProperties', 'not allowed with sessionId (one or the other)', externalId)
  const dateOk =
    date === undefined ||
    (date instanceof Date && !Number.isNaN(date.getTime())) ||
    (typeof date === 'string' && (formatOk('date-time', date) || formatOk('date', date)))
  if (!dateOk)
    addIssue(r, ['date'], 'format', `expected a valid Date or a date-time string, got ${showValue(date)}`, date)
}

/**
 * Checks an event against the vendor's schemas before it is sent: `type` and `context` are standard ones,
 * `properties` matches the schema of its type and `contextInfo` that of its context (types, enums, formats, bounds,
 * required and unknown fields, at any depth), the event names its customer, and it has no field `addEvent` would not
 * send. A failure is an `InvalidInput` whose message lists each problem with its path
 * (`properties.products[2].price: expected number, got "12"`), at most 10 of them and a count of the rest. It never
 * throws, whatever the value (cycles, getters that throw, deep nesting).
 *
 * A separate import from `addEvent`: only what imports it bundles the schemas.
 *
 * @example
 * const checked = validateEvent({ type: 'completedOrder', context: 'ECOMMERCE', customerId, properties: { orderId: 'o-1', amount: { total: 12 } } })
 * const sent = pipe(TE.fromEither(checked), TE.flatMap((event) => addEvent(ctx, event)))
 *
 * @category events
 * @since 0.2.0
 */
export const validateEvent = (event: unknown): Either<ContacthubError, EventInput> => {
  const r = shapeReport(MAX_MESSAGES)
  try {
    if (!isPlainObject(event)) {
      return left(invalidInput(`validateEvent: the event must be an object, got ${showValue(event)}.`))
    }
    checkEnvelope(r, event)
    const { type, context } = event
    const props = typeof type === 'string' && hasOwn(EVENT_PROPERTY_SHAPES, type) ? EVENT_PROPERTY_SHAPES[type] : OBJECT
    checkShape(r, props, event.properties === undefined ? {} : event.properties, ['properties'])
    const info =
      typeof context === 'string' && hasOwn(CONTEXT_INFO_SHAPES, context) ? CONTEXT_INFO_SHAPES[context] : OBJECT
    if (event.contextInfo !== undefined) checkShape(r, info, event.contextInfo, ['contextInfo'])
    if (event.tracking !== undefined) checkShape(r, OBJECT, event.tracking, ['tracking'])
  } catch {
    return left(invalidInput('validateEvent: the event could not be read (a getter or proxy threw).'))
  }
  if (r.issues.length === 0) return right(event as unknown as EventInput)
  const lines = r.issues.map((i) => `${dotted(i.path)}: ${i.message}`)
  if (r.more > 0) lines.push(`... and ${r.more} more`)
  return left(invalidInput(`validateEvent: the event does not match its schemas: ${lines.join('; ')}.`))
}

/**
 * A type guard for a decoded event: true when its `type` is `type` and its `properties` match that type's schema,
 * which it then has as its type. False otherwise (another type, or properties that do not match).
 *
 * @example
 * declare const events: ReadonlyArray<Event>
 * const totals = events.filter(isEventOfType('completedOrder')).map((e) => e.properties.amount?.total)
 *
 * @category events
 * @since 0.2.0
 */
export const isEventOfType =
  <T extends keyof EventPropertiesMap>(type: T) =>
  (event: Event): event is Event & { readonly type: T; readonly properties: EventPropertiesMap[T] } => {
    try {
      if (!isPlainObject(event) || event.type !== type) return false
      const r = shapeReport(0, 1)
      checkShape(r, hasOwn(EVENT_PROPERTY_SHAPES, type) ? EVENT_PROPERTY_SHAPES[type] : OBJECT, event.properties, [
        'properties'
      ])
      return r.issues.length === 0 && r.more === 0
    } catch {
      return false
    }
  }
