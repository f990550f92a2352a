/**
 * The codec of an event as the API returns it, and the shape of an event a client sends.
 *
 * ```json
 * { "id": "…", "customerId": "…", "bringBackProperties": null, "type": "viewedProduct", "context": "WEB",
 *   "date": "2017-03-08T10:18:17.000+0000", "properties": { … }, "contextInfo": { … },
 *   "registeredAt": "2017-03-08T11:41:45.567+0000", "tracking": null }
 * ```
 *
 * @since 0.1.0
 */
import * as t from '#io-ts/index'
import { nullable, openEnum, Timestamp, type DateInput, type OpenEnum, type OpenEnumType } from './common'
import type { ContextInfoMap, EventPropertiesMap, JsonObject } from './event-types'

// -------------------------------------------------------------------------------------------------
// types and contexts
// -------------------------------------------------------------------------------------------------

/**
 * The standard event types (one per schema of the vendor). An event input takes these (or a
 * {@link customEventType}); a decoded event may have any other string: the vendor adds types over time.
 *
 * @category model
 * @since 0.1.0
 */
export type StandardEventType =
  | 'abandonedCart'
  | 'abandonedSession'
  | 'addedCompare'
  | 'addedProduct'
  | 'addedReward'
  | 'addedWishlist'
  | 'campaignBlacklisted'
  | 'campaignBounced'
  | 'campaignLinkClicked'
  | 'campaignMarkedSpam'
  | 'campaignOpened'
  | 'campaignOptinRequested'
  | 'campaignSent'
  | 'campaignSubscribed'
  | 'campaignUnsubscribed'
  | 'changedSetting'
  | 'clickedLink'
  | 'closedTicket'
  | 'completedOrder'
  | 'eventConfirmed'
  | 'eventDeclined'
  | 'eventEligible'
  | 'eventInvited'
  | 'eventNoShow'
  | 'eventNotInvited'
  | 'eventParticipated'
  | 'eventRegistered'
  | 'formCompiled'
  | 'genericActiveEvent'
  | 'genericPassiveEvent'
  | 'grantedCoupon'
  | 'loggedIn'
  | 'loggedOut'
  | 'openedTicket'
  | 'orderShipped'
  | 'removedCompare'
  | 'removedProduct'
  | 'removedReward'
  | 'removedWishlist'
  | 'repliedTicket'
  | 'reviewedProduct'
  | 'searched'
  | 'serviceSubscribed'
  | 'serviceUnsubscribed'
  | 'viewedPage'
  | 'viewedProduct'
  | 'viewedProductCategory'

/**
 * An event type: one of the standard ones (offered for autocompletion) or any other string.
 *
 * @category model
 * @since 0.1.0
 */
export type EventType = StandardEventType | (string & {})

/**
 * The standard event contexts (where the event happened).
 *
 * @category model
 * @since 0.1.0
 */
export type StandardEventContext =
  'WEB' | 'MOBILE' | 'ECOMMERCE' | 'RETAIL' | 'SOCIAL' | 'DIGITAL_CAMPAIGN' | 'CONTACT_CENTER' | 'IOT' | 'OTHER'

/**
 * An event context: one of the standard ones (offered for autocompletion) or any other string.
 *
 * @category model
 * @since 0.1.0
 */
export type EventContext = StandardEventContext | (string & {})

/**
 * Whether the customer made the event (`ACTIVE`) or received it (`PASSIVE`); another string is tolerated.
 *
 * @category model
 * @since 0.1.0
 */
export type EventMode = 'ACTIVE' | 'PASSIVE' | (string & {})

/**
 * The standard event types, as a list.
 *
 * @category constants
 * @since 0.1.0
 */
export const STANDARD_EVENT_TYPES: ReadonlyArray<StandardEventType> = [
  'abandonedCart',
  'abandonedSession',
  'addedCompare',
  'addedProduct',
  'addedReward',
  'addedWishlist',
  'campaignBlacklisted',
  'campaignBounced',
  'campaignLinkClicked',
  'campaignMarkedSpam',
  'campaignOpened',
  'campaignOptinRequested',
  'campaignSent',
  'campaignSubscribed',
  'campaignUnsubscribed',
  'changedSetting',
  'clickedLink',
  'closedTicket',
  'completedOrder',
  'eventConfirmed',
  'eventDeclined',
  'eventEligible',
  'eventInvited',
  'eventNoShow',
  'eventNotInvited',
  'eventParticipated',
  'eventRegistered',
  'formCompiled',
  'genericActiveEvent',
  'genericPassiveEvent',
  'grantedCoupon',
  'loggedIn',
  'loggedOut',
  'openedTicket',
  'orderShipped',
  'removedCompare',
  'removedProduct',
  'removedReward',
  'removedWishlist',
  'repliedTicket',
  'reviewedProduct',
  'searched',
  'serviceSubscribed',
  'serviceUnsubscribed',
  'viewedPage',
  'viewedProduct',
  'viewedProductCategory'
]

/**
 * The standard event contexts, as a list.
 *
 * @category constants
 * @since 0.1.0
 */
export const STANDARD_EVENT_CONTEXTS: ReadonlyArray<StandardEventContext> = [
  'WEB',
  'MOBILE',
  'ECOMMERCE',
  'RETAIL',
  'SOCIAL',
  'DIGITAL_CAMPAIGN',
  'CONTACT_CENTER',
  'IOT',
  'OTHER'
]

// The codecs of types and contexts list no values: the standard lists (STANDARD_EVENT_TYPES, 47 names) would
// otherwise be in every bundle that decodes an event.

/**
 * The codec of an event type: any string.
 *
 * @category codecs
 * @since 0.1.0
 */
export const EventTypeCodec: OpenEnumType<StandardEventType> = /*#__PURE__*/ openEnum<StandardEventType>(
  [],
  'EventType'
)

/**
 * The codec of an event context: any string.
 *
 * @category codecs
 * @since 0.1.0
 */
export const EventContextCodec: OpenEnumType<StandardEventContext> = /*#__PURE__*/ openEnum<StandardEventContext>(
  [],
  'EventContext'
)

/**
 * The codec of an event mode: any string.
 *
 * @category codecs
 * @since 0.1.0
 */
export const EventModeCodec: OpenEnumType<'ACTIVE' | 'PASSIVE'> = /*#__PURE__*/ openEnum(
  ['ACTIVE', 'PASSIVE'],
  'EventMode'
)

// -------------------------------------------------------------------------------------------------
// the event
// -------------------------------------------------------------------------------------------------

/**
 * How an event names a customer the client does not know by id: a session id or an external id, in a node.
 *
 * @category model
 * @since 0.1.0
 */
export interface BringBackProperties {
  /** The client sends `SESSION_ID` or `EXTERNAL_ID`; another string from the server decodes too. */
  readonly type: OpenEnum<'SESSION_ID' | 'EXTERNAL_ID'>
  readonly value: string
  readonly nodeId: string
}

/**
 * The codec of `bringBackProperties`.
 *
 * @category codecs
 * @since 0.1.0
 */
export const BringBackPropertiesCodec: t.Type<BringBackProperties, BringBackProperties, unknown> = /*#__PURE__*/ t.type(
  {
    type: /*#__PURE__*/ openEnum(['SESSION_ID', 'EXTERNAL_ID'], 'BringBackType'),
    value: t.string,
    nodeId: t.string
  },
  'BringBackProperties'
)

/**
 * An open JSON object (an event's `properties`, `contextInfo`, `tracking`).
 *
 * @category model
 * @since 0.1.0
 */
export type OpenRecord = Readonly<Record<string, unknown>>

/**
 * An open record that takes an absent or `null` value as `{}`.
 *
 * @category codecs
 * @since 0.1.0
 */
export const OpenRecordCodec: t.Type<OpenRecord, OpenRecord, unknown> = /*#__PURE__*/ new t.Type<
  OpenRecord,
  OpenRecord,
  unknown
>(
  'OpenRecord',
  (u): u is OpenRecord => t.UnknownRecord.is(u),
  (u, c) => (u === null || u === undefined ? t.success({}) : t.UnknownRecord.validate(u, c)),
  (a) => a
)

/**
 * An event as the API returns it. Timestamps are ISO strings in UTC (`2017-03-08T10:18:17.000Z`). `properties`
 * follows the schema of the event's `type`, `contextInfo` that of its `context`; both are open records here
 * (`{}` when the server sends none).
 *
 * @category model
 * @since 0.1.0
 */
export interface Event {
  readonly id: string
  /** `null` while an event sent with `bringBackProperties` is not yet linked to a customer. */
  readonly customerId: string | null
  readonly type: EventType
  readonly context: EventContext
  readonly mode?: EventMode
  readonly properties: OpenRecord
  readonly contextInfo: OpenRecord
  /** When the event happened. */
  readonly date: string
  /** When the API stored it. */
  readonly registeredAt: string
  readonly bringBackProperties: BringBackProperties | null
  readonly tracking: OpenRecord | null
}

/**
 * The codec of an event. Unknown fields are tolerated; the server's timestamps are decoded strictly.
 *
 * @category codecs
 * @since 0.1.0
 */
export const EventCodec: t.Type<Event, unknown, unknown> = /*#__PURE__*/ t.intersection(
  [
    /*#__PURE__*/ t.type({
      id: t.string,
      customerId: /*#__PURE__*/ nullable(t.string),
      type: EventTypeCodec,
      context: EventContextCodec,
      properties: OpenRecordCodec,
      contextInfo: OpenRecordCodec,
      date: Timestamp,
      registeredAt: Timestamp,
      bringBackProperties: /*#__PURE__*/ nullable(BringBackPropertiesCodec),
      tracking: /*#__PURE__*/ nullable(t.UnknownRecord)
    }),
    /*#__PURE__*/ t.partial({ mode: EventModeCodec })
  ],
  'Event'
)

// -------------------------------------------------------------------------------------------------
// input
// -------------------------------------------------------------------------------------------------

declare const custom: unique symbol

/**
 * An event type that is not standard but that your workspace knows: only {@link customEventType} makes one, so a
 * typo in a standard type stays a compile error. Its `properties` are any JSON object.
 *
 * @category event types
 * @since 0.2.0
 */
export type CustomEventType = string & { readonly [custom]: 'CustomEventType' }

/**
 * Marks `name` as an event type your workspace knows beyond the standard ones, for {@link addEvent} and
 * {@link updateEvent}: its `properties` are then any JSON object. A standard name is refused at compile time (its
 * properties have a schema: write the literal). Nothing is checked at run time; the name is returned as it is.
 *
 * @example
 * addEvent(ctx, { type: customEventType('signedPetition'), context: 'WEB', customerId, properties: { petitionId: 'p-1' } })
 *
 * @category constructors
 * @since 0.2.0
 */
export const customEventType = <N extends string>(
  name: N extends StandardEventType ? `${N} is a standard type: write it as it is` : N
): CustomEventType => name as string as CustomEventType

/**
 * The types an event input takes: the standard ones, and custom ones made by {@link customEventType}.
 *
 * @category event types
 * @since 0.2.0
 */
export type EventInputType = StandardEventType | CustomEventType

/**
 * The `properties` type of an event type: its schema's for a standard type, any JSON object for a custom one.
 *
 * @category event types
 * @since 0.2.0
 */
export type EventPropertiesOf<T extends EventInputType> = T extends keyof EventPropertiesMap
  ? EventPropertiesMap[T]
  : JsonObject

/**
 * What an event of type `T` in context `C` carries besides the customer it names: `properties` typed by the schema
 * of `T`, `contextInfo` by that of `C`.
 *
 * @category model
 * @since 0.1.0
 */
export interface EventInputBase<
  T extends EventInputType = EventInputType,
  C extends StandardEventContext = StandardEventContext
> {
  readonly type: T
  readonly context: C
  /** The event's properties (the schema of its `type`); default `{}`. */
  readonly properties?: EventPropertiesOf<T>
  /** The context's information (the schema of its `context`). */
  readonly contextInfo?: ContextInfoMap[C]
  /** Tracking parameters, e.g. `{ ga: { utm_source: 'newsletter' } }`. */
  readonly tracking?: OpenRecord
  /** When the event happened; default now (from `ctx.clock.now`). Sent as an ISO date-time. */
  readonly date?: DateInput
}

/**
 * An event to send, of type `T` in context `C`. It names its customer with `customerId`, or with `sessionId` or
 * `externalId`, which the client sends as `bringBackProperties` in the context's node. `customerId` may come with
 * one of the others; `sessionId` and `externalId` together are refused.
 *
 * Without arguments, `EventInput` is the union of every standard type in every standard context (and of custom
 * types from {@link customEventType}): the `type` and `context` literals select the `properties` and `contextInfo`
 * types.
 *
 * @example
 * const sessionId = createSessionId()
 * const e: EventInput = { type: 'viewedPage', context: 'WEB', sessionId, properties: { url: 'https://…', title: 'Home' } }
 * const order: EventInput<'completedOrder', 'ECOMMERCE'> = {
 *   type: 'completedOrder',
 *   context: 'ECOMMERCE',
 *   customerId,
 *   properties: { orderId: 'o-1', amount: { total: 42 } }
 * }
 *
 * @category model
 * @since 0.1.0
 */
export type EventInput<
  T extends EventInputType = EventInputType,
  C extends StandardEventContext = StandardEventContext
> = T extends unknown ? (C extends unknown ? EventInputBase<T, C> & EventCustomer : never) : never

/** How an event input names its customer. */
type EventCustomer =
  | { readonly customerId: string; readonly sessionId?: undefined; readonly externalId?: undefined }
  | { readonly customerId?: string; readonly sessionId: string; readonly externalId?: undefined }
  | { readonly customerId?: string; readonly sessionId?: undefined; readonly externalId: string }
