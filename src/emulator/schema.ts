/**
 * The emulator's model of the Contacthub data: a small schema language, the customer schema (derived from the
 * vendor's JSON Schemas of `base`, `consents` and `tags`), the sub-entity and event vocabularies, a validator that
 * reports JSON-pointer paths the way the API's `errors[]` do, and the renderer that fills every unset field with
 * `null` (lists with `[]`) so that responses look like the live API's.
 *
 * Node-only, internal to the emulator.
 *
 * @since 0.1.0
 */

/** A node of the schema language (a small subset of JSON Schema, enough for the customer model). */
export type Schema =
  | {
      readonly kind: 'string'
      readonly nullable: boolean
      readonly format?: 'date' | 'date-time' | 'email' | 'uri'
      readonly enum?: ReadonlySet<string>
      readonly pattern?: RegExp
    }
  | { readonly kind: 'number' | 'integer' | 'boolean'; readonly nullable: boolean }
  | {
      readonly kind: 'object'
      readonly nullable: boolean
      readonly props: Readonly<Record<string, Schema>>
      /** `additionalProperties: false` */
      readonly closed: boolean
      readonly required?: ReadonlyArray<string>
      /** Rendered as an object of nulls when unset, instead of `null` (`base`, `base.contacts`). */
      readonly alwaysPresent?: boolean
    }
  | { readonly kind: 'array'; readonly items: Schema }
  | { readonly kind: 'any'; readonly nullable: boolean; readonly objectOnly?: boolean }

type StringOpts = Omit<Extract<Schema, { kind: 'string' }>, 'kind' | 'nullable'>

const str = (opts: StringOpts = {}): Schema => ({ kind: 'string', nullable: true, ...opts })
const strReq = (opts: StringOpts = {}): Schema => ({ kind: 'string', nullable: false, ...opts })
const num: Schema = { kind: 'number', nullable: true }
const int: Schema = { kind: 'integer', nullable: true }
const bool: Schema = { kind: 'boolean', nullable: true }
const obj = (
  props: Record<string, Schema>,
  opts: { closed?: boolean; required?: ReadonlyArray<string>; alwaysPresent?: boolean; nullable?: boolean } = {}
): Schema => ({
  kind: 'object',
  nullable: opts.nullable ?? true,
  props,
  closed: opts.closed ?? true,
  ...(opts.required === undefined ? {} : { required: opts.required }),
  ...(opts.alwaysPresent === undefined ? {} : { alwaysPresent: opts.alwaysPresent })
})
const arr = (items: Schema): Schema => ({ kind: 'array', items })
const oneOf = (words: string): ReadonlySet<string> => new Set(words.split(' '))

// ---------------------------------------------------------------------------------------------------------------
// Time zones accepted in `base.timezone` (the enum of the vendor's base.json, grouped by area).

const TIMEZONE_GROUPS: ReadonlyArray<readonly [string, string]> = [
  [
    'Africa',
    'Abidjan Accra Algiers Bissau Cairo Casablanca Ceuta El_Aaiun Johannesburg Khartoum Lagos Maputo ' +
      'Monrovia Nairobi Ndjamena Tripoli Tunis Windhoek'
  ],
  [
    'America',
    'Adak Anchorage Araguaina Argentina/Buenos_Aires Argentina/Catamarca Argentina/Cordoba ' +
      'Argentina/Jujuy Argentina/La_Rioja Argentina/Mendoza Argentina/Rio_Gallegos Argentina/Salta ' +
      'Argentina/San_Juan Argentina/San_Luis Argentina/Tucuman Argentina/Ushuaia Asuncion Atikokan ' +
      'Bahia Bahia_Banderas Barbados Belem Belize Blanc-Sablon Boa_Vista Bogota Boise Cambridge_Bay ' +
      'Campo_Grande Cancun Caracas Cayenne Chicago Chihuahua Costa_Rica Creston Cuiaba Curacao ' +
      'Danmarkshavn Dawson Dawson_Creek Denver Detroit Edmonton Eirunepe El_Salvador Fortaleza ' +
      'Fort_Nelson Glace_Bay Godthab Goose_Bay Grand_Turk Guatemala Guayaquil Guyana Halifax Havana ' +
      'Hermosillo Indiana/Indianapolis Indiana/Knox Indiana/Marengo Indiana/Petersburg ' +
      'Indiana/Tell_City Indiana/Vevay Indiana/Vincennes Indiana/Winamac Inuvik Iqaluit Jamaica Juneau ' +
      'Kentucky/Louisville Kentucky/Monticello La_Paz Lima Los_Angeles Maceio Managua Manaus Martinique ' +
      'Matamoros Mazatlan Menominee Merida Metlakatla Mexico_City Miquelon Moncton Monterrey Montevideo ' +
      'Nassau New_York Nipigon Nome Noronha North_Dakota/Beulah North_Dakota/Center ' +
      'North_Dakota/New_Salem Ojinaga Panama Pangnirtung Paramaribo Phoenix Port-au-Prince ' +
      'Port_of_Spain Porto_Velho Puerto_Rico Rainy_River Rankin_Inlet Recife Regina Resolute Rio_Branco ' +
      'Santarem Santiago Santo_Domingo Sao_Paulo Scoresbysund Sitka St_Johns Swift_Current Tegucigalpa ' +
      'Thule Thunder_Bay Tijuana Toronto Vancouver Whitehorse Winnipeg Yakutat Yellowknife'
  ],
  ['Antarctica', 'Casey Davis DumontDUrville Macquarie Mawson Palmer Rothera Syowa Troll Vostok'],
  [
    'Asia',
    'Almaty Amman Anadyr Aqtau Aqtobe Ashgabat Baghdad Baku Bangkok Barnaul Beirut Bishkek Brunei ' +
      'Chita Choibalsan Colombo Damascus Dhaka Dili Dubai Dushanbe Famagusta Gaza Hebron Ho_Chi_Minh ' +
      'Hong_Kong Hovd Irkutsk Jakarta Jayapura Jerusalem Kabul Kamchatka Karachi Kathmandu Khandyga ' +
      'Kolkata Krasnoyarsk Kuala_Lumpur Kuching Macau Magadan Makassar Manila Nicosia Novokuznetsk ' +
      'Novosibirsk Omsk Oral Pontianak Pyongyang Qatar Qyzylorda Riyadh Sakhalin Samarkand Seoul ' +
      'Shanghai Singapore Srednekolymsk Taipei Tashkent Tbilisi Tehran Thimphu Tokyo Tomsk Ulaanbaatar ' +
      'Urumqi Ust-Nera Vladivostok Yakutsk Yangon Yekaterinburg Yerevan'
  ],
  ['Atlantic', 'Azores Bermuda Canary Cape_Verde Faroe Madeira Reykjavik South_Georgia Stanley'],
  [
    'Australia',
    'Adelaide Brisbane Broken_Hill Currie Darwin Eucla Hobart Lindeman Lord_Howe Melbourne Perth ' + 'Sydney'
  ],
  [
    'Europe',
    'Amsterdam Andorra Astrakhan Athens Belgrade Berlin Brussels Bucharest Budapest Chisinau ' +
      'Copenhagen Dublin Gibraltar Helsinki Istanbul Kaliningrad Kiev Kirov Lisbon London Luxembourg ' +
      'Madrid Malta Minsk Monaco Moscow Oslo Paris Prague Riga Rome Samara Simferopol Sofia Stockholm ' +
      'Tallinn Tirane Ulyanovsk Uzhgorod Vienna Vilnius Volgograd Warsaw Zaporozhye Zurich'
  ],
  ['Indian', 'Chagos Christmas Cocos Kerguelen Mahe Maldives Mauritius Reunion'],
  [
    'Pacific',
    'Apia Auckland Bougainville Chatham Chuuk Easter Efate Enderbury Fakaofo Fiji Funafuti Galapagos ' +
      'Gambier Guadalcanal Guam Honolulu Kiritimati Kosrae Kwajalein Majuro Marquesas Nauru Niue ' +
      'Norfolk Noumea Pago_Pago Palau Pitcairn Pohnpei Port_Moresby Rarotonga Tahiti Tarawa Tongatapu ' +
      'Wake Wallis'
  ]
]

/** The time zones `base.timezone` accepts. */
export const TIMEZONES: ReadonlySet<string> = new Set(
  TIMEZONE_GROUPS.flatMap(([area, cities]) => cities.split(' ').map((city) => `${area}/${city}`))
)

// ---------------------------------------------------------------------------------------------------------------
// Customer model

/** A job as stored in `base.jobs` and served by `/customers/{id}/jobs`. */
export const JobSchema: Schema = obj(
  {
    id: strReq(),
    companyIndustry: str(),
    companyName: str(),
    jobTitle: str(),
    startDate: str({ format: 'date' }),
    endDate: str({ format: 'date' }),
    isCurrent: bool
  },
  { closed: false, required: ['id'], nullable: false }
)

/** A like (`base.likes`). */
export const LikeSchema: Schema = obj(
  { id: strReq(), category: str(), name: str(), createdTime: str({ format: 'date-time' }) },
  { closed: false, required: ['id'], nullable: false }
)

/** An education (`base.educations`). */
export const EducationSchema: Schema = obj(
  {
    id: strReq(),
    schoolType: str({ enum: oneOf('PRIMARY_SCHOOL SECONDARY_SCHOOL HIGH_SCHOOL COLLEGE OTHER') }),
    schoolName: str(),
    schoolConcentration: str(),
    startYear: int,
    endYear: int,
    isCurrent: bool
  },
  { closed: false, required: ['id'], nullable: false }
)

/** A subscription (`base.subscriptions`). */
export const SubscriptionSchema: Schema = obj(
  {
    id: strReq(),
    name: str(),
    type: str(),
    kind: str({ enum: oneOf('DIGITAL_MESSAGE SERVICE OTHER') }),
    subscribed: bool,
    startDate: str({ format: 'date-time' }),
    endDate: str({ format: 'date-time' }),
    subscriberId: str(),
    registeredAt: str({ format: 'date-time' }),
    updatedAt: str({ format: 'date-time' }),
    preferences: arr(obj({ key: str(), value: str() }, { closed: false, nullable: false }))
  },
  { closed: false, required: ['id'], nullable: false }
)

/** The customer `base` properties (vendor `schemas/customer/base.json`). */
export const BaseSchema: Schema = obj(
  {
    pictureUrl: str({ format: 'uri' }),
    title: str(),
    prefix: str(),
    firstName: str(),
    lastName: str(),
    middleName: str(),
    gender: str(),
    dob: str({ format: 'date' }),
    locale: str({ pattern: /^[a-z]{2}(_([a-zA-Z]{2}){1,2})?_[A-Z]{2}$/ }),
    timezone: str({ enum: TIMEZONES }),
    contacts: obj(
      {
        email: str({ format: 'email' }),
        fax: str(),
        mobilePhone: str(),
        phone: str(),
        otherContacts: arr(
          obj(
            { name: strReq(), type: str({ enum: oneOf('MOBILE PHONE EMAIL FAX OTHER') }), value: strReq() },
            { nullable: false }
          )
        ),
        mobileDevices: arr(
          obj(
            {
              identifier: strReq(),
              appId: strReq(),
              name: strReq(),
              type: str({ enum: oneOf('IOS ANDROID WINDOWS_PHONE FIREOS') }),
              notificationService: str({ enum: oneOf('APN GCM WNS ADM SNS') })
            },
            { nullable: false }
          )
        )
      },
      { alwaysPresent: true }
    ),
    address: obj({
      street: str(),
      city: str(),
      country: str(),
      region: str(),
      province: str(),
      zip: str(),
      geo: obj({ lat: num, lon: num })
    }),
    credential: obj({ password: str(), username: str() }),
    educations: arr(EducationSchema),
    likes: arr(LikeSchema),
    socialProfile: obj({
      facebook: str(),
      google: str(),
      instagram: str(),
      linkedin: str(),
      qzone: str(),
      twitter: str()
    }),
    jobs: arr(JobSchema),
    subscriptions: arr(SubscriptionSchema)
  },
  { alwaysPresent: true }
)

const consent = obj({ status: bool, limitation: bool, objection: bool })

/** The customer `consents` (vendor `schemas/customer/consents.json`). */
export const ConsentsSchema: Schema = obj({
  disclaimer: obj({ date: str({ format: 'date-time' }), version: str() }),
  marketing: obj({
    traditional: obj({ telephonic: consent, papery: consent }),
    automatic: obj({ sms: consent, email: consent, push: consent, im: consent, telephonic: consent })
  }),
  profiling: obj({ classic: consent, online: consent }),
  softSpam: obj({ email: consent, papery: consent }),
  thirdPartyTransfer: obj({ profiling: consent, marketing: consent })
})

/** The customer `tags` (vendor `schemas/customer/tags.json`). */
export const TagsSchema: Schema = obj({ auto: arr(strReq()), manual: arr(strReq()) })

/** Properties the server sets; a body may carry them (a customer read back and sent again) and they are ignored. */
export const READ_ONLY_CUSTOMER_PROPERTIES: ReadonlyArray<string> = [
  'id',
  'registeredAt',
  'updatedAt',
  'sourceInfo',
  'href'
]

/**
 * The writable part of a customer (the body of POST and PUT; PATCH takes the same without `nodeId`). The order of
 * the properties is the order of a rendered customer.
 */
export const CustomerBodySchema: Schema = obj(
  {
    nodeId: strReq(),
    externalId: str(),
    extra: str(),
    enabled: bool,
    base: BaseSchema,
    extended: { kind: 'any', nullable: true, objectOnly: true },
    tags: TagsSchema,
    consents: ConsentsSchema
  },
  { required: ['nodeId'], nullable: false }
)

/** The schema of a rendered customer, for attribute paths (`base.contacts.email`, `tags.manual`, `extended.x`). */
export const CustomerSchema: Schema = obj({
  id: strReq(),
  nodeId: strReq(),
  externalId: str(),
  extra: str(),
  registeredAt: str({ format: 'date-time' }),
  updatedAt: str({ format: 'date-time' }),
  enabled: bool,
  base: BaseSchema,
  extended: { kind: 'any', nullable: true, objectOnly: true },
  tags: TagsSchema,
  consents: ConsentsSchema
})

/** The sub-entities served under a customer, by the name of their route and `base` property. */
export const ENTITY_SCHEMAS = {
  jobs: JobSchema,
  likes: LikeSchema,
  educations: EducationSchema,
  subscriptions: SubscriptionSchema
} as const

/** The name of a sub-entity collection. */
export type EntityName = keyof typeof ENTITY_SCHEMAS

/** Whether `s` names a sub-entity collection. */
export const isEntityName = (s: string): s is EntityName => Object.prototype.hasOwnProperty.call(ENTITY_SCHEMAS, s)

// ---------------------------------------------------------------------------------------------------------------
// Events

/** Event contexts (`EventContext` of the 1.39 spec). */
export const EVENT_CONTEXTS: ReadonlySet<string> = oneOf(
  'WEB MOBILE ECOMMERCE RETAIL SOCIAL DIGITAL_CAMPAIGN CONTACT_CENTER IOT OTHER'
)

/** Event types: the 1.39 `EventType` enum and the vendor's per-type property schemas. */
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
 */
export const PASSIVE_EVENT_TYPES: ReadonlySet<string> = oneOf(
  'repliedTicket campaignSent campaignBounced campaignBlacklisted campaignOptinRequested genericPassiveEvent ' +
    'orderShipped grantedCoupon eventInvited eventNotInvited eventEligible addedReward removedReward'
)

/** The mode of an event type. */
export const eventMode = (type: string): 'ACTIVE' | 'PASSIVE' => (PASSIVE_EVENT_TYPES.has(type) ? 'PASSIVE' : 'ACTIVE')

// ---------------------------------------------------------------------------------------------------------------
// Validation

/** One entry of the API's `errors[]`. */
export interface FieldError {
  readonly message: string
  /** A JSON pointer (RFC 6901) into the request body, e.g. `/base/contacts/email`. */
  readonly path: string
  readonly data: unknown
  readonly code: string
}

/** Escapes one JSON-pointer token. */
export const pointerToken = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1')

/** Appends a token to a JSON pointer. */
export const pointer = (base: string, token: string | number): string => `${base}/${pointerToken(String(token))}`

/** A JSON object (not an array, not null). */
export const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u)

/**
 * Sets an own, enumerable property, whatever its name: `o[k] = v` with `k` = `__proto__` (a key JSON may carry)
 * would replace the prototype instead.
 */
export const setOwn = (o: Record<string, unknown>, k: string, v: unknown): void => {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true })
}

/** Whether `o` has its own property `k` (never an inherited one such as `constructor`). */
export const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k)

/** The JSON type name of a value, for messages. */
export const typeName = (u: unknown): string =>
  u === null ? 'null' : Array.isArray(u) ? 'array' : Number.isInteger(u) ? 'integer' : typeof u

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME_RE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}([.,]\d{1,9})?)?(Z|z|[+-]\d{2}(:?\d{2})?)?)?$/
const EMAIL_RE = /^[^\s@]+@[^\s@]+$/

/** Whether `s` is a calendar date `YYYY-MM-DD` that exists. */
export const isCalendarDate = (s: string): boolean => {
  const m = DATE_RE.exec(s)
  if (m === null) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(0)
  date.setUTCFullYear(y, mo - 1, d)
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

const formatOk = (format: string, s: string): boolean => {
  switch (format) {
    case 'date':
      return isCalendarDate(s)
    case 'date-time':
      // Lenient, as the live API: stored data holds `1994-10-06` and `1994-02-11 14:05` in date-time fields.
      return DATE_TIME_RE.test(s) && isCalendarDate(s.slice(0, 10))
    case 'email':
      return EMAIL_RE.test(s)
    default:
      return true
  }
}

const expected = (schema: Schema): string => {
  const k = schema.kind === 'any' ? (schema.objectOnly === true ? 'object' : 'any') : schema.kind
  return 'nullable' in schema && schema.nullable ? `${k} or null` : k
}

const typeError = (schema: Schema, u: unknown, path: string): FieldError => ({
  message: `expected ${expected(schema)}, got ${typeName(u)}`,
  path,
  data: u,
  code: 'type'
})

/**
 * Validates a JSON value against a schema; returns every problem found, each with its JSON-pointer path.
 * `null` is accepted where the schema is nullable (the body of a create may carry nulls: they mean unset).
 */
export const validate = (schema: Schema, u: unknown, path = '', out: FieldError[] = []): FieldError[] => {
  if (u === null) {
    if (!('nullable' in schema) || !schema.nullable) out.push(typeError(schema, u, path))
    return out
  }
  switch (schema.kind) {
    case 'any':
      if (schema.objectOnly === true && !isRecord(u)) out.push(typeError(schema, u, path))
      return out
    case 'string':
      if (typeof u !== 'string') out.push(typeError(schema, u, path))
      else if (schema.enum !== undefined && !schema.enum.has(u)) {
        out.push({ message: `${JSON.stringify(u)} is not one of the allowed values`, path, data: u, code: 'enum' })
      } else if (schema.pattern !== undefined && !schema.pattern.test(u)) {
        out.push({
          message: `${JSON.stringify(u)} does not match ${String(schema.pattern)}`,
          path,
          data: u,
          code: 'pattern'
        })
      } else if (schema.format !== undefined && !formatOk(schema.format, u)) {
        out.push({ message: `${JSON.stringify(u)} is not a valid ${schema.format}`, path, data: u, code: 'format' })
      }
      return out
    case 'number':
    case 'integer':
      if (typeof u !== 'number' || !Number.isFinite(u) || (schema.kind === 'integer' && !Number.isInteger(u))) {
        out.push(typeError(schema, u, path))
      }
      return out
    case 'boolean':
      if (typeof u !== 'boolean') out.push(typeError(schema, u, path))
      return out
    case 'array':
      if (!Array.isArray(u)) out.push(typeError(schema, u, path))
      else u.forEach((item, i) => validate(schema.items, item, pointer(path, i), out))
      return out
    case 'object': {
      if (!isRecord(u)) {
        out.push(typeError(schema, u, path))
        return out
      }
      for (const k of schema.required ?? []) {
        if (!hasOwn(u, k) || u[k] === null || u[k] === undefined) {
          out.push({
            message: `required property ${JSON.stringify(k)} is missing`,
            path: pointer(path, k),
            data: null,
            code: 'required'
          })
        }
      }
      for (const [k, v] of Object.entries(u)) {
        if (!hasOwn(schema.props, k)) {
          if (schema.closed) {
            out.push({
              message: `unknown property ${JSON.stringify(k)}`,
              path: pointer(path, k),
              data: v,
              code: 'additionalProperties'
            })
          }
        } else if (!(v === null && schema.required?.includes(k) === true)) {
          validate(schema.props[k], v, pointer(path, k), out)
        }
      }
      return out
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering and merging

/**
 * The value as the live API shows it: every property the schema knows is present (`null` when unset, `[]` for an
 * unset list), nullable objects that are unset are `null` (unless `alwaysPresent`), unknown properties of open
 * objects are kept as they are.
 */
export const render = (schema: Schema, u: unknown): unknown => {
  switch (schema.kind) {
    case 'array':
      return Array.isArray(u) ? u.map((x) => render(schema.items, x)) : []
    case 'object': {
      if (!isRecord(u)) return schema.alwaysPresent === true ? render(schema, {}) : (u ?? null)
      const out: Record<string, unknown> = {}
      for (const [k, p] of Object.entries(schema.props)) setOwn(out, k, render(p, hasOwn(u, k) ? u[k] : undefined))
      for (const [k, v] of Object.entries(u)) if (!hasOwn(schema.props, k)) setOwn(out, k, v)
      return out
    }
    default:
      return u === undefined ? null : u
  }
}

/**
 * A copy of a JSON value without object properties whose value is `null` (array items are kept, their own
 * properties cleaned). In a create or full-update body, null means unset.
 */
export const stripNulls = (u: unknown): unknown => {
  if (Array.isArray(u)) return u.map(stripNulls)
  if (!isRecord(u)) return u
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(u)) if (v !== null && v !== undefined) setOwn(out, k, stripNulls(v))
  return out
}

/**
 * A JSON merge of `patch` into `target` (RFC 7386, arrays replaced): objects are merged recursively, arrays and
 * scalars replace, `null` removes the property. Neither input is mutated.
 */
export const mergePatch = (target: unknown, patch: unknown): unknown => {
  if (!isRecord(patch)) return stripNulls(patch)
  const out: Record<string, unknown> = isRecord(target) ? { ...target } : {}
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else if (v !== undefined) setOwn(out, k, mergePatch(hasOwn(out, k) ? out[k] : undefined, v))
  }
  return out
}

/**
 * The schema at a dotted attribute path of a customer (`base.contacts.email`, `base.jobs.companyName`,
 * `extended.anything`), or undefined when the model has no such attribute. Lists are looked through.
 */
export const schemaAt = (root: Schema, segments: ReadonlyArray<string>): Schema | undefined => {
  let s: Schema | undefined = root
  for (const seg of segments) {
    while (s !== undefined && s.kind === 'array') s = s.items
    if (s === undefined) return undefined
    if (s.kind === 'any') return s
    if (s.kind !== 'object') return undefined
    s = hasOwn(s.props, seg) ? s.props[seg] : s.closed ? undefined : { kind: 'any', nullable: true }
  }
  return s
}
