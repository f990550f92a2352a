/**
 * The emulator's customer model, in its schema language: the customer schema (derived from the vendor's JSON Schemas
 * of `base`, `consents` and `tags`), the sub-entity schemas and the time zones `base.timezone` accepts.
 *
 * Node-only, internal to the emulator.
 *
 * @since 0.2.0
 */
import { arr, bool, int, num, obj, oneOf, str, strReq, type Schema } from './schema-language'

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

/**
 * The time zones `base.timezone` accepts.
 *
 * @category constants
 * @since 0.1.0
 */
export const TIMEZONES: ReadonlySet<string> = new Set(
  TIMEZONE_GROUPS.flatMap(([area, cities]) => cities.split(' ').map((city) => `${area}/${city}`))
)

// ---------------------------------------------------------------------------------------------------------------
// Customer model

/**
 * A job as stored in `base.jobs` and served by `/customers/{id}/jobs`.
 *
 * @category constants
 * @since 0.1.0
 */
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

/**
 * A like (`base.likes`).
 *
 * @category constants
 * @since 0.1.0
 */
export const LikeSchema: Schema = obj(
  { id: strReq(), category: str(), name: str(), createdTime: str({ format: 'date-time' }) },
  { closed: false, required: ['id'], nullable: false }
)

/**
 * An education (`base.educations`).
 *
 * @category constants
 * @since 0.1.0
 */
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

/**
 * A subscription (`base.subscriptions`).
 *
 * @category constants
 * @since 0.1.0
 */
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

/**
 * The customer `base` properties (vendor `schemas/customer/base.json`).
 *
 * @category constants
 * @since 0.1.0
 */
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

/**
 * The customer `consents` (vendor `schemas/customer/consents.json`).
 *
 * @category constants
 * @since 0.1.0
 */
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

/**
 * The customer `tags` (vendor `schemas/customer/tags.json`).
 *
 * @category constants
 * @since 0.1.0
 */
export const TagsSchema: Schema = obj({ auto: arr(strReq()), manual: arr(strReq()) })

/**
 * Properties the server sets; a body may carry them (a customer read back and sent again) and they are ignored.
 *
 * @category constants
 * @since 0.1.0
 */
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
 *
 * @category constants
 * @since 0.1.0
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

/**
 * The schema of a rendered customer, for attribute paths (`base.contacts.email`, `tags.manual`, `extended.x`).
 *
 * @category constants
 * @since 0.1.0
 */
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

/**
 * The sub-entities served under a customer, by the name of their route and `base` property.
 *
 * @category constants
 * @since 0.1.0
 */
export const ENTITY_SCHEMAS = {
  jobs: JobSchema,
  likes: LikeSchema,
  educations: EducationSchema,
  subscriptions: SubscriptionSchema
} as const

/**
 * The name of a sub-entity collection.
 *
 * @category model
 * @since 0.1.0
 */
export type EntityName = keyof typeof ENTITY_SCHEMAS

/**
 * Whether `s` names a sub-entity collection.
 *
 * @category refinements
 * @since 0.1.0
 */
export const isEntityName = (s: string): s is EntityName => Object.prototype.hasOwnProperty.call(ENTITY_SCHEMAS, s)

/**
 * The body of `POST /customers/{id}/sessions`.
 *
 * @category constants
 * @since 0.2.0
 */
export const SessionBodySchema: Schema = {
  kind: 'object',
  nullable: false,
  closed: false,
  required: ['value'],
  props: { value: { kind: 'string', nullable: false }, id: { kind: 'string', nullable: true } }
}
