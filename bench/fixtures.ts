// Customer wire JSON for the benchmark, as the real API sends it: every field present, `null` when unset,
// `+0000` timestamps with milliseconds, date-only `dob` and job dates, unknown fields here and there.
// Deterministic (a seeded generator), so every run measures the same bytes.

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

const FIRST = ['Ada', 'Marco', 'Giulia', 'Linus', 'Grace', 'Alan', 'Chiara', 'Tim', 'Elena', 'Dennis']
const LAST = [
  'Lovelace',
  'Bosio',
  'Rossi',
  'Torvalds',
  'Hopper',
  'Turing',
  'Bianchi',
  'Berners-Lee',
  'Ferri',
  'Ritchie'
]
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

const consent = (r: () => number): unknown => ({ status: r() > 0.5, limitation: false, objection: null })

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
      pictureUrl: null,
      title: null,
      prefix: null,
      firstName: first,
      lastName: last,
      middleName: null,
      gender: r() > 0.5 ? 'female' : 'male',
      dob: `${year}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`,
      locale: 'it_IT',
      timezone: 'Europe/Rome',
      contacts: {
        email: `${first.toLowerCase()}.${last.toLowerCase()}.${n}@example.com`,
        fax: null,
        mobilePhone: `+39 3${pad(Math.floor(r() * 100))} ${pad(Math.floor(r() * 1e7), 7)}`,
        phone: null,
        otherContacts: [],
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
        region: null,
        province: 'MI',
        zip: pad(20100 + Math.floor(r() * 99), 5),
        geo: { lat: Math.round((45.4 + r() / 10) * 1e4) / 1e4, lon: Math.round((9.1 + r() / 10) * 1e4) / 1e4 }
      },
      credential: null,
      educations: [],
      likes: [{ id: hex(r, 8), category: 'music', name: 'Jazz', createdTime: wireTime(registered - 86_400_000) }],
      socialProfile: {
        facebook: null,
        google: null,
        instagram: null,
        linkedin: null,
        qzone: null,
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
          preferences: [{ key: 'frequency', value: 'weekly' }]
        }
      ]
    },
    consents: {
      disclaimer: { date: wireTime(registered), version: 'v1.2' },
      marketing: {
        traditional: { telephonic: consent(r), papery: null },
        automatic: { sms: consent(r), email: consent(r), push: null, im: null, telephonic: null }
      },
      profiling: { classic: consent(r), online: null },
      softSpam: null,
      thirdPartyTransfer: null
    },
    extended: { loyalty: { points: Math.floor(r() * 5000), tier: 'gold' } },
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
