// Customer wire JSON for the benchmark, as the real API sends it, in its heavy realistic form: every base field
// filled, with jobs, likes, educations, subscriptions, every consent and extended properties; `+0000` timestamps with
// milliseconds, date-only `dob` and job dates, a few non-ASCII names. `escapeJson` gives the same bytes the way a
// server that escapes non-ASCII writes them (`\u00e8`). Deterministic (a seeded generator): every run measures the
// same bytes.

/** A small deterministic PRNG (mulberry32). */
const rng = (seed: number): (() => number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const FIRST = ['Ada', 'Marco', 'Giulia', 'Linus', 'Grace', 'Alan', 'Chiara', 'Niccolò', 'Elena', 'Zoë']
const LAST = ['Lovelace', 'Bosio', 'Rossi', 'Torvalds', 'Hopper', 'Turing', 'Bianchi', 'Müller', 'Ferri', 'Ritchie']
const CITIES = ['Milano', 'Torino', 'Roma', 'Bologna', 'Napoli', 'Firenze']
const NODE_ID = '91316725-a4c2-420b-a3f3-2556b3630444'

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

const hex = (r: () => number, n: number): string => {
  let s = ''
  for (let i = 0; i < n; i++) s += Math.floor(r() * 16).toString(16)
  return s
}

/** A UUID-shaped id derived from `n`. */
export const customerId = (n: number): string => {
  const r = rng(n * 7919 + 1)
  return `${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-a${hex(r, 3)}-${hex(r, 12)}`
}

/** `2017-03-08T10:18:17.000+0000`: the wire's timestamp form. */
const wireTime = (ms: number): string => new Date(ms).toISOString().replace('Z', '+0000')

const pick = <A>(r: () => number, xs: ReadonlyArray<A>): A => {
  const x = xs[Math.floor(r() * xs.length)]
  if (x === undefined) throw new Error('pick: nothing to pick from')
  return x
}

const consent = (r: () => number): unknown => ({ status: r() > 0.5, limitation: false, objection: r() > 0.8 })

/** One customer as the API returns it, about 2 KB of JSON. */
export const wireCustomer = (n: number): Record<string, unknown> => {
  const r = rng(n + 1)
  const first = pick(r, FIRST)
  const last = pick(r, LAST)
  const registered = Date.UTC(2017, 0, 1) + Math.floor(r() * 3e10)
  const year = 1950 + Math.floor(r() * 50)
  return {
    id: customerId(n),
    nodeId: NODE_ID,
    externalId: `ext-${n}`,
    extra: null,
    registeredAt: wireTime(registered),
    updatedAt: wireTime(registered + Math.floor(r() * 1e9)),
    enabled: true,
    base: {
      pictureUrl: `https://cdn.example.com/avatars/${hex(r, 12)}.png`,
      title: r() > 0.5 ? 'Dott.' : 'Ing.',
      prefix: r() > 0.5 ? 'Sig.ra' : 'Sig.',
      firstName: first,
      lastName: last,
      middleName: pick(r, FIRST),
      gender: r() > 0.5 ? 'female' : 'male',
      dob: `${year}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`,
      locale: 'it_IT',
      timezone: 'Europe/Rome',
      contacts: {
        email: `${first.toLowerCase()}.${last.toLowerCase()}.${n}@example.com`,
        fax: `+39 02 ${pad(Math.floor(r() * 1e7), 7)}`,
        mobilePhone: `+39 3${pad(Math.floor(r() * 100))} ${pad(Math.floor(r() * 1e7), 7)}`,
        phone: `+39 02 ${pad(Math.floor(r() * 1e7), 7)}`,
        otherContacts: [
          { name: 'work', type: 'PHONE', value: `+39 06 ${pad(Math.floor(r() * 1e7), 7)}` },
          { name: 'home', type: 'EMAIL', value: `${first.toLowerCase()}@home.example.org` }
        ],
        mobileDevices: [
          {
            identifier: hex(r, 16),
            appId: 'it.example.app',
            name: 'phone',
            type: 'ANDROID',
            notificationService: 'GCM'
          }
        ]
      },
      address: {
        street: `Via Roma ${1 + Math.floor(r() * 200)}`,
        city: pick(r, CITIES),
        country: 'Italy',
        region: 'Lombardia',
        province: 'MI',
        zip: pad(20100 + Math.floor(r() * 99), 5),
        geo: { lat: Math.round((45.4 + r() / 10) * 1e4) / 1e4, lon: Math.round((9.1 + r() / 10) * 1e4) / 1e4 }
      },
      credential: { username: `user${n}`, password: hex(r, 16) },
      educations: [
        {
          id: hex(r, 8),
          schoolType: 'COLLEGE',
          schoolName: 'Politecnico di Milano',
          schoolConcentration: 'Ingegneria informatica',
          startYear: year + 19,
          endYear: year + 24,
          isCurrent: false
        },
        {
          id: hex(r, 8),
          schoolType: 'HIGH_SCHOOL',
          schoolName: 'Liceo Scientifico Volta',
          schoolConcentration: 'Scienze',
          startYear: year + 14,
          endYear: year + 19,
          isCurrent: false
        }
      ],
      likes: [
        { id: hex(r, 8), category: 'music', name: 'Jazz', createdTime: wireTime(registered - 86_400_000) },
        { id: hex(r, 8), category: 'sport', name: 'Ciclismo', createdTime: wireTime(registered - 172_800_000) }
      ],
      socialProfile: {
        facebook: `https://facebook.com/${first}${n}`,
        google: `https://plus.google.com/${n}`,
        instagram: `@${first.toLowerCase()}${n}`,
        linkedin: `https://linkedin.com/in/${first}-${last}-${n}`,
        qzone: `qz${n}`,
        twitter: `@${first}${n}`
      },
      jobs: [
        {
          id: hex(r, 8),
          companyIndustry: 'Software',
          companyName: 'Contactlab',
          jobTitle: 'Engineer',
          startDate: `${year + 25}-09-01`,
          endDate: null,
          isCurrent: true
        },
        {
          id: hex(r, 8),
          companyIndustry: 'Università',
          companyName: 'Politecnico di Milano',
          jobTitle: 'Ricercatore',
          startDate: `${year + 22}-10-01`,
          endDate: `${year + 25}-07-31`,
          isCurrent: false
        }
      ],
      subscriptions: [
        {
          id: hex(r, 8),
          name: 'newsletter',
          type: 'email',
          kind: 'DIGITAL_MESSAGE',
          subscribed: true,
          startDate: wireTime(registered),
          endDate: null,
          subscriberId: null,
          registeredAt: wireTime(registered),
          updatedAt: wireTime(registered),
          preferences: [
            { key: 'frequency', value: 'weekly' },
            { key: 'topics', value: 'offerte,novità' }
          ]
        },
        {
          id: hex(r, 8),
          name: 'sms-promo',
          type: 'sms',
          kind: 'SERVICE',
          subscribed: r() > 0.5,
          startDate: wireTime(registered + 3_600_000),
          endDate: wireTime(registered + 3e9),
          subscriberId: hex(r, 10),
          registeredAt: wireTime(registered + 3_600_000),
          updatedAt: wireTime(registered + 7_200_000),
          preferences: []
        }
      ]
    },
    consents: {
      disclaimer: { date: wireTime(registered), version: 'v1.2' },
      marketing: {
        traditional: { telephonic: consent(r), papery: consent(r) },
        automatic: { sms: consent(r), email: consent(r), push: consent(r), im: consent(r), telephonic: consent(r) }
      },
      profiling: { classic: consent(r), online: consent(r) },
      softSpam: { email: consent(r), papery: consent(r) },
      thirdPartyTransfer: { profiling: consent(r), marketing: consent(r) }
    },
    extended: {
      loyalty: { points: Math.floor(r() * 5000), tier: 'gold', since: `${year + 40}-01-15` },
      preferredStore: pick(r, CITIES),
      newsletterTopics: ['offerte', 'eventi'],
      lastPurchase: { amount: Math.round(r() * 50000) / 100, currency: 'EUR', at: wireTime(registered + 5e9) }
    },
    tags: { auto: ['web'], manual: n % 3 === 0 ? ['vip'] : [] }
  }
}

/** One page of `size` customers (page `number`, 0-based, of `totalElements`), as the API returns it. */
export const wirePage = (number: number, size: number, totalElements: number): Record<string, unknown> => {
  const first = number * size
  const count = Math.max(0, Math.min(size, totalElements - first))
  return {
    elements: Array.from({ length: count }, (_, i) => wireCustomer(first + i)),
    page: {
      size,
      totalElements,
      totalUnfilteredElements: totalElements,
      totalPages: Math.ceil(totalElements / size),
      number
    }
  }
}

/**
 * JSON text as a server that escapes non-ASCII characters writes it: the same value, with every character above
 * U+007F as a `\u` escape.
 */
export const escapeJson = (text: string): string =>
  text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)

/** The bench server's workspace whose answers carry `\u` escapes (see `escapeJson`). */
export const ESCAPED_WORKSPACE = 'escaped'
