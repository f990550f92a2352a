/**
 * The emulator's event model: the event contexts and types of the 1.39 spec, the mode of each type, and the schema
 * of an event body.
 *
 * Node-only, internal to the emulator.
 *
 * @since 0.2.0
 */
import { checkShape, shapeReport, type PathSegment } from '../codecs/event-check'
import { CONTEXT_INFO_SHAPES, EVENT_PROPERTY_SHAPES } from '../codecs/event-plan'
import { hasOwn, oneOf, pointer, type FieldError, type Schema } from './schema-language'

// ---------------------------------------------------------------------------------------------------------------
// Events

/**
 * Event contexts (`EventContext` of the 1.39 spec).
 *
 * @category constants
 * @since 0.1.0
 */
export const EVENT_CONTEXTS: ReadonlySet<string> = oneOf(
  'WEB MOBILE ECOMMERCE RETAIL SOCIAL DIGITAL_CAMPAIGN CONTACT_CENTER IOT OTHER'
)

/**
 * Event types: the 1.39 `EventType` enum and the vendor's per-type property schemas.
 *
 * @category constants
 * @since 0.1.0
 */
export const EVENT_TYPES: ReadonlySet<string> = oneOf(
  'abandonedCart abandonedSession addedCompare addedProduct addedReward addedWishlist campaignBlacklisted ' +
    'campaignBounced campaignLinkClicked campaignMarkedSpam campaignOpened campaignOptinRequested campaignSent ' +
    'campaignSubscribed campaignUnsubscribed changedSetting clickedLink closedTicket completedOrder eventConfirmed ' +
    'eventDeclined eventEligible eventInvited eventNoShow eventNotInvited eventParticipated eventRegistered ' +
    'formCompiled genericActiveEvent genericPassiveEvent grantedCoupon loggedIn loggedOut openedTicket ' +
    'orderShipped removedCompare removedProduct removedReward removedWishlist repliedTicket reviewedProduct ' +
    'searched serviceSubscribed serviceUnsubscribed viewedPage viewedProduct viewedProductCategory'
)

/**
 * Event types whose mode is `PASSIVE` (the customer received them rather than did them). `repliedTicket` and
 * `campaignSent` are PASSIVE in the vendor's event configuration, `genericPassiveEvent` by its name; the others
 * follow the same meaning. Every other type is `ACTIVE`.
 *
 * @category constants
 * @since 0.1.0
 */
export const PASSIVE_EVENT_TYPES: ReadonlySet<string> = oneOf(
  'repliedTicket campaignSent campaignBounced campaignBlacklisted campaignOptinRequested genericPassiveEvent ' +
    'orderShipped grantedCoupon eventInvited eventNotInvited eventEligible addedReward removedReward'
)

/**
 * The mode of an event type.
 *
 * @category helpers
 * @since 0.1.0
 */
export const eventMode = (type: string): 'ACTIVE' | 'PASSIVE' => (PASSIVE_EVENT_TYPES.has(type) ? 'PASSIVE' : 'ACTIVE')

/**
 * The body of `POST /events` and `PUT /events/{id}`.
 *
 * @category constants
 * @since 0.2.0
 */
export const EventBodySchema: Schema = {
  kind: 'object',
  nullable: false,
  closed: true,
  required: ['type', 'context', 'properties'],
  props: {
    customerId: { kind: 'string', nullable: true },
    bringBackProperties: {
      kind: 'object',
      nullable: true,
      closed: true,
      required: ['type', 'value', 'nodeId'],
      props: {
        type: { kind: 'string', nullable: false, enum: new Set(['SESSION_ID', 'EXTERNAL_ID']) },
        value: { kind: 'string', nullable: false },
        nodeId: { kind: 'string', nullable: false }
      }
    },
    type: { kind: 'string', nullable: false, enum: EVENT_TYPES },
    context: { kind: 'string', nullable: false, enum: EVENT_CONTEXTS },
    date: { kind: 'string', nullable: true, format: 'date-time' },
    contextInfo: { kind: 'any', nullable: true, objectOnly: true },
    tracking: { kind: 'any', nullable: true, objectOnly: true },
    properties: { kind: 'any', nullable: false, objectOnly: true }
  }
}

/**
 * The most `errors[]` entries the answer to an event whose payload does not match its schemas lists.
 *
 * @category constants
 * @since 0.2.0
 */
export const MAX_PAYLOAD_ERRORS = 100

const toPointer = (path: ReadonlyArray<PathSegment>): string => path.reduce<string>((p, s) => pointer(p, s), '')

/**
 * What is wrong with an event's `properties` and `contextInfo` (when present and not null) against the schemas of
 * its type and context (the same walker as the client's `validateEvent`), as `errors[]` entries with JSON-pointer
 * paths (`/properties/products/2/price`): at most {@link MAX_PAYLOAD_ERRORS} of them. `properties` of a type without
 * a schema (`eventRegistered`) may be any JSON object.
 *
 * @category helpers
 * @since 0.2.0
 */
export const eventPayloadErrors = (
  type: string,
  context: string,
  properties: unknown,
  contextInfo: unknown
): Array<FieldError> => {
  const r = shapeReport(MAX_PAYLOAD_ERRORS)
  checkShape(r, hasOwn(EVENT_PROPERTY_SHAPES, type) ? EVENT_PROPERTY_SHAPES[type] : undefined, properties, [
    'properties'
  ])
  if (contextInfo !== null && contextInfo !== undefined && hasOwn(CONTEXT_INFO_SHAPES, context))
    checkShape(r, CONTEXT_INFO_SHAPES[context], contextInfo, ['contextInfo'])
  return r.issues.map((i) => ({ message: i.message, path: toPointer(i.path), data: i.value ?? null, code: i.code }))
}
