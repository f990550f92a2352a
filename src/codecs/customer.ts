/**
 * Codecs and types of the customer as the wire really carries it (what the server sends). What users send, and its
 * encoders, is in codecs/customer-input.ts.
 *
 * Decoded values follow three rules:
 * - every field the wire has is present in the type, `null` when unset (an absent field decodes as `null`);
 * - unknown fields never fail decoding and are kept on the decoded object;
 * - dates surface as ISO 8601 strings in UTC (`2019-06-14T08:21:05.118Z`): `registeredAt`/`updatedAt` strictly
 *   (`Timestamp`), client-echoed date-times leniently (`LenientTimestamp`), and date-only fields (`dob`, job dates)
 *   stay `YYYY-MM-DD` (`LenientDate`).
 *
 * Enumerations (contact type, device type, notification service, school type, subscription kind) are decoded as
 * open unions: the known values, or any other string the server sends (the vendor adds values over time).
 * `gender`, `locale` and `timezone` are plain strings.
 *
 * @since 0.1.0
 */
import * as t from '#io-ts/index'
import {
  LenientDate,
  LenientTimestamp,
  Timestamp,
  nullable,
  openEnum,
  type OpenEnum,
  type OpenEnumType
} from './common'

const NString = /*#__PURE__*/ nullable(t.string)
const NBoolean = /*#__PURE__*/ nullable(t.boolean)
const NNumber = /*#__PURE__*/ nullable(t.number)
const NLenientTimestamp = /*#__PURE__*/ nullable(LenientTimestamp)
const NLenientDate = /*#__PURE__*/ nullable(LenientDate)

// -------------------------------------------------------------------------------------------------------------------
// enumerations
// -------------------------------------------------------------------------------------------------------------------

// Decoded as open unions (`openEnum`): a value a later release of the API adds decodes, kept as sent, instead of
// failing every page that holds it. Each type offers its known values for autocompletion and accepts any other
// string, so a decoded customer can be sent back as it is.

/**
 * The contact types known to this client.
 *
 * @category model
 * @since 0.2.0
 */
export type KnownContactType = 'MOBILE' | 'PHONE' | 'EMAIL' | 'FAX' | 'OTHER'

/**
 * The type of an entry of `base.contacts.otherContacts`: a known one, or another string the server sent.
 *
 * @category model
 * @since 0.1.0
 */
export type ContactType = OpenEnum<KnownContactType>

/**
 * Codec of {@link ContactType}: any string decodes.
 *
 * @category codecs
 * @since 0.1.0
 */
export const ContactType: OpenEnumType<KnownContactType> = /*#__PURE__*/ openEnum(
  ['MOBILE', 'PHONE', 'EMAIL', 'FAX', 'OTHER'],
  'ContactType'
)

/**
 * The mobile platforms known to this client.
 *
 * @category model
 * @since 0.2.0
 */
export type KnownMobileDeviceType = 'IOS' | 'ANDROID' | 'WINDOWS_PHONE' | 'FIREOS'

/**
 * The platform of an entry of `base.contacts.mobileDevices`: a known one, or another string the server sent.
 *
 * @category model
 * @since 0.1.0
 */
export type MobileDeviceType = OpenEnum<KnownMobileDeviceType>

/**
 * Codec of {@link MobileDeviceType}: any string decodes.
 *
 * @category codecs
 * @since 0.1.0
 */
export const MobileDeviceType: OpenEnumType<KnownMobileDeviceType> = /*#__PURE__*/ openEnum(
  ['IOS', 'ANDROID', 'WINDOWS_PHONE', 'FIREOS'],
  'MobileDeviceType'
)

/**
 * The push services known to this client: Apple (APN), Google (GCM), Windows (WNS), Amazon Device Messaging (ADM),
 * Amazon SNS (SNS).
 *
 * @category model
 * @since 0.2.0
 */
export type KnownNotificationService = 'APN' | 'GCM' | 'WNS' | 'ADM' | 'SNS'

/**
 * The push service of a mobile device: a known one, or another string the server sent.
 *
 * @category model
 * @since 0.1.0
 */
export type NotificationService = OpenEnum<KnownNotificationService>

/**
 * Codec of {@link NotificationService}: any string decodes.
 *
 * @category codecs
 * @since 0.1.0
 */
export const NotificationService: OpenEnumType<KnownNotificationService> = /*#__PURE__*/ openEnum(
  ['APN', 'GCM', 'WNS', 'ADM', 'SNS'],
  'NotificationService'
)

/**
 * The kinds of school known to this client.
 *
 * @category model
 * @since 0.2.0
 */
export type KnownSchoolType = 'PRIMARY_SCHOOL' | 'SECONDARY_SCHOOL' | 'HIGH_SCHOOL' | 'COLLEGE' | 'OTHER'

/**
 * The kind of school of an education: a known one, or another string the server sent.
 *
 * @category model
 * @since 0.1.0
 */
export type SchoolType = OpenEnum<KnownSchoolType>

/**
 * Codec of {@link SchoolType}: any string decodes.
 *
 * @category codecs
 * @since 0.1.0
 */
export const SchoolType: OpenEnumType<KnownSchoolType> = /*#__PURE__*/ openEnum(
  ['PRIMARY_SCHOOL', 'SECONDARY_SCHOOL', 'HIGH_SCHOOL', 'COLLEGE', 'OTHER'],
  'SchoolType'
)

/**
 * The subscription kinds known to this client.
 *
 * @category model
 * @since 0.2.0
 */
export type KnownSubscriptionKind = 'DIGITAL_MESSAGE' | 'SERVICE' | 'OTHER'

/**
 * The kind of a subscription: a known one, or another string the server sent.
 *
 * @category model
 * @since 0.1.0
 */
export type SubscriptionKind = OpenEnum<KnownSubscriptionKind>

/**
 * Codec of {@link SubscriptionKind}: any string decodes.
 *
 * @category codecs
 * @since 0.1.0
 */
export const SubscriptionKind: OpenEnumType<KnownSubscriptionKind> = /*#__PURE__*/ openEnum(
  ['DIGITAL_MESSAGE', 'SERVICE', 'OTHER'],
  'SubscriptionKind'
)

// -------------------------------------------------------------------------------------------------------------------
// sub-entities: jobs, likes, educations, subscriptions
// -------------------------------------------------------------------------------------------------------------------

/**
 * A job of `base.jobs`, as `getCustomerJob` returns it. `startDate`/`endDate` are `YYYY-MM-DD` when the server
 * holds a date; other stored forms are kept as sent. `id` is `null` only when the server left it out.
 *
 * @category model
 * @since 0.1.0
 */
export interface Job {
  readonly id: string | null
  readonly companyIndustry: string | null
  readonly companyName: string | null
  readonly jobTitle: string | null
  readonly startDate: string | null
  readonly endDate: string | null
  readonly isCurrent: boolean | null
}

/**
 * Codec of {@link Job}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const Job: t.Type<Job, Job, unknown> = /*#__PURE__*/ t.type(
  {
    id: NString,
    companyIndustry: NString,
    companyName: NString,
    jobTitle: NString,
    startDate: NLenientDate,
    endDate: NLenientDate,
    isCurrent: NBoolean
  },
  'Job'
)

/**
 * A like of `base.likes`. `createdTime` is an ISO date-time in UTC when it parses, else the string the server holds.
 *
 * @category model
 * @since 0.1.0
 */
export interface Like {
  readonly id: string | null
  readonly category: string | null
  readonly name: string | null
  readonly createdTime: string | null
}

/**
 * Codec of {@link Like}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const Like: t.Type<Like, Like, unknown> = /*#__PURE__*/ t.type(
  { id: NString, category: NString, name: NString, createdTime: NLenientTimestamp },
  'Like'
)

/**
 * An education of `base.educations`.
 *
 * @category model
 * @since 0.1.0
 */
export interface Education {
  readonly id: string | null
  readonly schoolType: SchoolType | null
  readonly schoolName: string | null
  readonly schoolConcentration: string | null
  readonly startYear: number | null
  readonly endYear: number | null
  readonly isCurrent: boolean | null
}

/**
 * Codec of {@link Education}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const Education: t.Type<Education, Education, unknown> = /*#__PURE__*/ t.type(
  {
    id: NString,
    schoolType: /*#__PURE__*/ nullable(SchoolType),
    schoolName: NString,
    schoolConcentration: NString,
    startYear: NNumber,
    endYear: NNumber,
    isCurrent: NBoolean
  },
  'Education'
)

/**
 * One preference of a subscription.
 *
 * @category model
 * @since 0.1.0
 */
export interface SubscriptionPreference {
  readonly key: string | null
  readonly value: string | null
}

/**
 * Codec of {@link SubscriptionPreference}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const SubscriptionPreference: t.Type<SubscriptionPreference, SubscriptionPreference, unknown> =
  /*#__PURE__*/ t.type({ key: NString, value: NString }, 'SubscriptionPreference')

/**
 * A subscription of `base.subscriptions`. Its dates are ISO date-times in UTC when they parse (a stored date-only
 * value becomes midnight UTC), else the string the server holds.
 *
 * @category model
 * @since 0.1.0
 */
export interface Subscription {
  readonly id: string | null
  readonly name: string | null
  readonly type: string | null
  readonly kind: SubscriptionKind | null
  readonly subscribed: boolean | null
  readonly startDate: string | null
  readonly endDate: string | null
  readonly subscriberId: string | null
  readonly registeredAt: string | null
  readonly updatedAt: string | null
  readonly preferences: ReadonlyArray<SubscriptionPreference> | null
}

/**
 * Codec of {@link Subscription}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const Subscription: t.Type<Subscription, Subscription, unknown> = /*#__PURE__*/ t.type(
  {
    id: NString,
    name: NString,
    type: NString,
    kind: /*#__PURE__*/ nullable(SubscriptionKind),
    subscribed: NBoolean,
    startDate: NLenientTimestamp,
    endDate: NLenientTimestamp,
    subscriberId: NString,
    registeredAt: NLenientTimestamp,
    updatedAt: NLenientTimestamp,
    preferences: /*#__PURE__*/ nullable(/*#__PURE__*/ t.readonlyArray(SubscriptionPreference))
  },
  'Subscription'
)

// -------------------------------------------------------------------------------------------------------------------
// base
// -------------------------------------------------------------------------------------------------------------------

/**
 * An entry of `base.contacts.otherContacts`.
 *
 * @category model
 * @since 0.1.0
 */
export interface OtherContact {
  readonly name: string | null
  readonly type: ContactType | null
  readonly value: string | null
}

/**
 * Codec of {@link OtherContact}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const OtherContact: t.Type<OtherContact, OtherContact, unknown> = /*#__PURE__*/ t.type(
  { name: NString, type: /*#__PURE__*/ nullable(ContactType), value: NString },
  'OtherContact'
)

/**
 * An entry of `base.contacts.mobileDevices`.
 *
 * @category model
 * @since 0.1.0
 */
export interface MobileDevice {
  readonly identifier: string | null
  readonly appId: string | null
  readonly name: string | null
  readonly type: MobileDeviceType | null
  readonly notificationService: NotificationService | null
}

/**
 * Codec of {@link MobileDevice}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const MobileDevice: t.Type<MobileDevice, MobileDevice, unknown> = /*#__PURE__*/ t.type(
  {
    identifier: NString,
    appId: NString,
    name: NString,
    type: /*#__PURE__*/ nullable(MobileDeviceType),
    notificationService: /*#__PURE__*/ nullable(NotificationService)
  },
  'MobileDevice'
)

/**
 * `base.contacts`.
 *
 * @category model
 * @since 0.1.0
 */
export interface Contacts {
  readonly email: string | null
  readonly fax: string | null
  readonly mobilePhone: string | null
  readonly phone: string | null
  readonly otherContacts: ReadonlyArray<OtherContact> | null
  readonly mobileDevices: ReadonlyArray<MobileDevice> | null
}

/**
 * Codec of {@link Contacts}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const Contacts: t.Type<Contacts, Contacts, unknown> = /*#__PURE__*/ t.type(
  {
    email: NString,
    fax: NString,
    mobilePhone: NString,
    phone: NString,
    otherContacts: /*#__PURE__*/ nullable(/*#__PURE__*/ t.readonlyArray(OtherContact)),
    mobileDevices: /*#__PURE__*/ nullable(/*#__PURE__*/ t.readonlyArray(MobileDevice))
  },
  'Contacts'
)

/**
 * `base.address.geo`: latitude and longitude.
 *
 * @category model
 * @since 0.1.0
 */
export interface Geo {
  readonly lat: number | null
  readonly lon: number | null
}

/**
 * Codec of {@link Geo}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const Geo: t.Type<Geo, Geo, unknown> = /*#__PURE__*/ t.type({ lat: NNumber, lon: NNumber }, 'Geo')

/**
 * `base.address`.
 *
 * @category model
 * @since 0.1.0
 */
export interface Address {
  readonly street: string | null
  readonly city: string | null
  readonly country: string | null
  readonly region: string | null
  readonly province: string | null
  readonly zip: string | null
  readonly geo: Geo | null
}

/**
 * Codec of {@link Address}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const Address: t.Type<Address, Address, unknown> = /*#__PURE__*/ t.type(
  {
    street: NString,
    city: NString,
    country: NString,
    region: NString,
    province: NString,
    zip: NString,
    geo: /*#__PURE__*/ nullable(Geo)
  },
  'Address'
)

/**
 * `base.credential`.
 *
 * @category model
 * @since 0.1.0
 */
export interface Credential {
  readonly username: string | null
  readonly password: string | null
}

/**
 * Codec of {@link Credential}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const Credential: t.Type<Credential, Credential, unknown> = /*#__PURE__*/ t.type(
  { username: NString, password: NString },
  'Credential'
)

/**
 * `base.socialProfile`.
 *
 * @category model
 * @since 0.1.0
 */
export interface SocialProfile {
  readonly facebook: string | null
  readonly google: string | null
  readonly instagram: string | null
  readonly linkedin: string | null
  readonly qzone: string | null
  readonly twitter: string | null
}

/**
 * Codec of {@link SocialProfile}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const SocialProfile: t.Type<SocialProfile, SocialProfile, unknown> = /*#__PURE__*/ t.type(
  { facebook: NString, google: NString, instagram: NString, linkedin: NString, qzone: NString, twitter: NString },
  'SocialProfile'
)

/**
 * The `base` properties of a customer. `dob` is `YYYY-MM-DD` when the server holds a date.
 *
 * @category model
 * @since 0.1.0
 */
export interface CustomerBase {
  readonly pictureUrl: string | null
  readonly title: string | null
  readonly prefix: string | null
  readonly firstName: string | null
  readonly lastName: string | null
  readonly middleName: string | null
  readonly gender: string | null
  readonly dob: string | null
  readonly locale: string | null
  readonly timezone: string | null
  readonly contacts: Contacts | null
  readonly address: Address | null
  readonly credential: Credential | null
  readonly educations: ReadonlyArray<Education> | null
  readonly likes: ReadonlyArray<Like> | null
  readonly socialProfile: SocialProfile | null
  readonly jobs: ReadonlyArray<Job> | null
  readonly subscriptions: ReadonlyArray<Subscription> | null
}

/**
 * Codec of {@link CustomerBase}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const CustomerBase: t.Type<CustomerBase, CustomerBase, unknown> = /*#__PURE__*/ t.type(
  {
    pictureUrl: NString,
    title: NString,
    prefix: NString,
    firstName: NString,
    lastName: NString,
    middleName: NString,
    gender: NString,
    dob: NLenientDate,
    locale: NString,
    timezone: NString,
    contacts: /*#__PURE__*/ nullable(Contacts),
    address: /*#__PURE__*/ nullable(Address),
    credential: /*#__PURE__*/ nullable(Credential),
    educations: /*#__PURE__*/ nullable(/*#__PURE__*/ t.readonlyArray(Education)),
    likes: /*#__PURE__*/ nullable(/*#__PURE__*/ t.readonlyArray(Like)),
    socialProfile: /*#__PURE__*/ nullable(SocialProfile),
    jobs: /*#__PURE__*/ nullable(/*#__PURE__*/ t.readonlyArray(Job)),
    subscriptions: /*#__PURE__*/ nullable(/*#__PURE__*/ t.readonlyArray(Subscription))
  },
  'CustomerBase'
)

// -------------------------------------------------------------------------------------------------------------------
// consents
// -------------------------------------------------------------------------------------------------------------------

/**
 * One consent: its status, and whether it is limited or objected to.
 *
 * @category model
 * @since 0.1.0
 */
export interface Consent {
  readonly status: boolean | null
  readonly limitation: boolean | null
  readonly objection: boolean | null
}

/**
 * Codec of {@link Consent}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const Consent: t.Type<Consent, Consent, unknown> = /*#__PURE__*/ t.type(
  { status: NBoolean, limitation: NBoolean, objection: NBoolean },
  'Consent'
)

const NConsent = /*#__PURE__*/ nullable(Consent)

/**
 * `consents.disclaimer`: the accepted disclaimer's version and the date it was accepted.
 *
 * @category model
 * @since 0.1.0
 */
export interface DisclaimerConsent {
  readonly date: string | null
  readonly version: string | null
}

/**
 * Codec of {@link DisclaimerConsent}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const DisclaimerConsent: t.Type<DisclaimerConsent, DisclaimerConsent, unknown> = /*#__PURE__*/ t.type(
  { date: NLenientTimestamp, version: NString },
  'DisclaimerConsent'
)

/**
 * `consents.marketing.traditional`.
 *
 * @category model
 * @since 0.1.0
 */
export interface TraditionalMarketingConsents {
  readonly telephonic: Consent | null
  readonly papery: Consent | null
}

/**
 * Codec of {@link TraditionalMarketingConsents}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const TraditionalMarketingConsents: t.Type<TraditionalMarketingConsents, TraditionalMarketingConsents, unknown> =
  /*#__PURE__*/ t.type({ telephonic: NConsent, papery: NConsent }, 'TraditionalMarketingConsents')

/**
 * `consents.marketing.automatic`.
 *
 * @category model
 * @since 0.1.0
 */
export interface AutomaticMarketingConsents {
  readonly sms: Consent | null
  readonly email: Consent | null
  readonly push: Consent | null
  readonly im: Consent | null
  readonly telephonic: Consent | null
}

/**
 * Codec of {@link AutomaticMarketingConsents}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const AutomaticMarketingConsents: t.Type<AutomaticMarketingConsents, AutomaticMarketingConsents, unknown> =
  /*#__PURE__*/ t.type(
    { sms: NConsent, email: NConsent, push: NConsent, im: NConsent, telephonic: NConsent },
    'AutomaticMarketingConsents'
  )

/**
 * `consents.marketing`.
 *
 * @category model
 * @since 0.1.0
 */
export interface MarketingConsents {
  readonly traditional: TraditionalMarketingConsents | null
  readonly automatic: AutomaticMarketingConsents | null
}

/**
 * Codec of {@link MarketingConsents}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const MarketingConsents: t.Type<MarketingConsents, MarketingConsents, unknown> = /*#__PURE__*/ t.type(
  {
    traditional: /*#__PURE__*/ nullable(TraditionalMarketingConsents),
    automatic: /*#__PURE__*/ nullable(AutomaticMarketingConsents)
  },
  'MarketingConsents'
)

/**
 * `consents.profiling`.
 *
 * @category model
 * @since 0.1.0
 */
export interface ProfilingConsents {
  readonly classic: Consent | null
  readonly online: Consent | null
}

/**
 * Codec of {@link ProfilingConsents}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const ProfilingConsents: t.Type<ProfilingConsents, ProfilingConsents, unknown> = /*#__PURE__*/ t.type(
  { classic: NConsent, online: NConsent },
  'ProfilingConsents'
)

/**
 * `consents.softSpam`.
 *
 * @category model
 * @since 0.1.0
 */
export interface SoftSpamConsents {
  readonly email: Consent | null
  readonly papery: Consent | null
}

/**
 * Codec of {@link SoftSpamConsents}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const SoftSpamConsents: t.Type<SoftSpamConsents, SoftSpamConsents, unknown> = /*#__PURE__*/ t.type(
  { email: NConsent, papery: NConsent },
  'SoftSpamConsents'
)

/**
 * `consents.thirdPartyTransfer`.
 *
 * @category model
 * @since 0.1.0
 */
export interface ThirdPartyTransferConsents {
  readonly profiling: Consent | null
  readonly marketing: Consent | null
}

/**
 * Codec of {@link ThirdPartyTransferConsents}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const ThirdPartyTransferConsents: t.Type<ThirdPartyTransferConsents, ThirdPartyTransferConsents, unknown> =
  /*#__PURE__*/ t.type({ profiling: NConsent, marketing: NConsent }, 'ThirdPartyTransferConsents')

/**
 * The `consents` of a customer.
 *
 * @category model
 * @since 0.1.0
 */
export interface Consents {
  readonly disclaimer: DisclaimerConsent | null
  readonly marketing: MarketingConsents | null
  readonly profiling: ProfilingConsents | null
  readonly softSpam: SoftSpamConsents | null
  readonly thirdPartyTransfer: ThirdPartyTransferConsents | null
}

/**
 * Codec of {@link Consents}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const Consents: t.Type<Consents, Consents, unknown> = /*#__PURE__*/ t.type(
  {
    disclaimer: /*#__PURE__*/ nullable(DisclaimerConsent),
    marketing: /*#__PURE__*/ nullable(MarketingConsents),
    profiling: /*#__PURE__*/ nullable(ProfilingConsents),
    softSpam: /*#__PURE__*/ nullable(SoftSpamConsents),
    thirdPartyTransfer: /*#__PURE__*/ nullable(ThirdPartyTransferConsents)
  },
  'Consents'
)

// -------------------------------------------------------------------------------------------------------------------
// customer
// -------------------------------------------------------------------------------------------------------------------

/**
 * The tags of a customer: `auto` (set by rules) and `manual` (set by clients, see `addTag`/`removeTag`).
 *
 * @category model
 * @since 0.1.0
 */
export interface Tags {
  readonly auto: ReadonlyArray<string> | null
  readonly manual: ReadonlyArray<string> | null
}

/**
 * Codec of {@link Tags}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const Tags: t.Type<Tags, Tags, unknown> = /*#__PURE__*/ t.type(
  {
    auto: /*#__PURE__*/ nullable(/*#__PURE__*/ t.readonlyArray(t.string)),
    manual: /*#__PURE__*/ nullable(/*#__PURE__*/ t.readonlyArray(t.string))
  },
  'Tags'
)

/**
 * A customer as the API returns it. Every field is present; unset ones (and ones left out with `fields=`) are
 * `null`. `registeredAt` and `updatedAt` are ISO date-times in UTC (`2017-03-08T10:18:17.000Z`). `extended` is the
 * workspace's own schema, an open record. Fields the API adds (e.g. `sourceInfo`) are kept on the value at runtime.
 *
 * @category model
 * @since 0.1.0
 */
export interface Customer {
  readonly id: string
  readonly nodeId: string | null
  readonly externalId: string | null
  readonly extra: string | null
  readonly registeredAt: string | null
  readonly updatedAt: string | null
  readonly enabled: boolean | null
  readonly base: CustomerBase | null
  readonly consents: Consents | null
  readonly extended: Readonly<Record<string, unknown>> | null
  readonly tags: Tags | null
}

/**
 * Codec of {@link Customer}. Use it to validate customers from elsewhere (a webhook, a file).
 *
 * @example
 * import { Customer, formatValidationErrors } from 'contacthub-fp'
 * declare const body: string // a webhook's payload
 * const result = Customer.decode(JSON.parse(body))
 * const messages = E.isLeft(result) ? formatValidationErrors(result.left) : []
 *
 * @category codecs
 * @since 0.1.0
 */
export const Customer: t.Type<Customer, Customer, unknown> = /*#__PURE__*/ t.type(
  {
    id: t.string,
    nodeId: NString,
    externalId: NString,
    extra: NString,
    registeredAt: /*#__PURE__*/ nullable(Timestamp),
    updatedAt: /*#__PURE__*/ nullable(Timestamp),
    enabled: NBoolean,
    base: /*#__PURE__*/ nullable(CustomerBase),
    consents: /*#__PURE__*/ nullable(Consents),
    extended: /*#__PURE__*/ nullable(t.UnknownRecord),
    tags: /*#__PURE__*/ nullable(Tags)
  },
  'Customer'
)

// -------------------------------------------------------------------------------------------------------------------
// sessions
// -------------------------------------------------------------------------------------------------------------------

/**
 * A session of a customer: `id` is the API's id (what `deleteCustomerSession` takes), `value` the session id the
 * client sent.
 *
 * @category model
 * @since 0.1.0
 */
export interface Session {
  readonly id: string
  readonly value: string | null
}

/**
 * Codec of {@link Session}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const Session: t.Type<Session, Session, unknown> = /*#__PURE__*/ t.type(
  { id: t.string, value: NString },
  'Session'
)

/**
 * The answer of `GET /customers/{id}/sessions`.
 *
 * @category model
 * @since 0.1.0
 */
export interface SessionList {
  readonly elements: ReadonlyArray<Session>
}

/**
 * Codec of {@link SessionList}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const SessionList: t.Type<SessionList, SessionList, unknown> = /*#__PURE__*/ t.type(
  { elements: /*#__PURE__*/ t.readonlyArray(Session) },
  'SessionList'
)
