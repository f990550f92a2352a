// Fuzzing every exported codec: arbitrary JSON, arbitrary JS values, hostile keys and values that look almost like
// the real thing never make a decoder (or the error formatter, or an input encoder) throw.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from '#fp-ts/Either'
import * as api from '../../src/index'
import * as commonCodecs from '../../src/codecs/common'
import * as customerCodecs from '../../src/codecs/customer'
import * as customerInputs from '../../src/codecs/customer-input'
import * as eventCodecs from '../../src/codecs/event'
import * as queryCodecs from '../../src/codecs/query'
import { decodeWith } from '../../src/decode'
import { pageOf } from '../../src/codecs/page'
import { Customer } from '../../src/codecs/customer'
import { EventCodec } from '../../src/codecs/event'

interface AnyCodec {
  readonly name: string
  readonly decode: (u: unknown) => E.Either<unknown, unknown>
  readonly encode: (a: unknown) => unknown
  readonly is: (u: unknown) => boolean
}

const isCodec = (u: unknown): u is AnyCodec =>
  typeof u === 'object' &&
  u !== null &&
  ['decode', 'encode', 'validate', 'is'].every((k) => typeof (u as Record<string, unknown>)[k] === 'function') &&
  typeof (u as { name?: unknown }).name === 'string'

/** Every codec and encoder the package exports or keeps internal, plus the page envelopes the operations build. */
const EXPORTS: ReadonlyArray<[string, unknown]> = Object.entries({
  ...commonCodecs,
  ...queryCodecs,
  ...eventCodecs,
  ...customerCodecs,
  ...customerInputs,
  ...api
})

const CODECS: ReadonlyArray<[string, AnyCodec]> = [
  ...EXPORTS.filter((e): e is [string, AnyCodec] => isCodec(e[1])),
  ['pageOf(Customer)', pageOf(Customer) as unknown as AnyCodec],
  ['pageOf(EventCodec)', pageOf(EventCodec) as unknown as AnyCodec]
]

const ENCODERS: ReadonlyArray<[string, (u: never) => unknown]> = EXPORTS.filter(
  (e): e is [string, (u: never) => unknown] => /^encode\w+Input$/.test(e[0]) && typeof e[1] === 'function'
)

/** Keys that trip naive object handling. */
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', 'length', '0']

/** JSON text with hostile keys at any depth, parsed as a server answer would be (own `__proto__` properties). */
const hostileJson: fc.Arbitrary<unknown> = fc
  .letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.jsonValue({ maxDepth: 1 }).map((v) => JSON.stringify(v)),
      fc.array(tie('node'), { maxLength: 4 }).map((xs) => `[${xs.join(',')}]`),
      fc
        .array(fc.tuple(fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string()), tie('node')), { maxLength: 5 })
        .map((kvs) => `{${kvs.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`)
    )
  }))
  .node.map((text) => JSON.parse(text) as unknown)

const CUSTOMER_TEMPLATE = {
  id: 'c1',
  nodeId: 'n',
  externalId: 'x',
  extra: null,
  registeredAt: '2017-03-08T10:18:17.000+0000',
  updatedAt: '2017-03-08T10:18:17.000+0000',
  enabled: true,
  base: {
    firstName: 'Ada',
    dob: '1990-12-10',
    contacts: {
      email: 'a@b.c',
      otherContacts: [{ name: 'w', type: 'EMAIL', value: 'v' }],
      mobileDevices: [{ type: 'IOS', notificationService: 'APN' }]
    },
    address: { city: 'Milano', geo: { lat: 45.4, lon: 9.1 } },
    jobs: [{ id: 'j', startDate: '2020-01-01', isCurrent: true }],
    likes: [{ id: 'l', createdTime: '2020-01-01 10:00' }],
    educations: [{ id: 'e', schoolType: 'COLLEGE', startYear: 2000 }],
    subscriptions: [
      { id: 's', kind: 'SERVICE', preferences: [{ key: 'k', value: 'v' }], registeredAt: '2020-01-01T00:00:00Z' }
    ],
    socialProfile: { twitter: 't' },
    credential: { username: 'u' }
  },
  consents: {
    disclaimer: { date: '2020-01-01T00:00:00Z', version: '1' },
    marketing: { traditional: { telephonic: { status: true } } }
  },
  extended: { anything: [1, { deep: true }] },
  tags: { auto: ['a'], manual: ['m'] }
}

const EVENT_TEMPLATE = {
  id: 'e1',
  customerId: 'c1',
  type: 'viewedPage',
  context: 'WEB',
  mode: 'ACTIVE',
  properties: { url: 'https://x' },
  contextInfo: {},
  date: '2017-03-08T10:18:17.000+0000',
  registeredAt: '2017-03-08T10:18:17.000+0000',
  bringBackProperties: { type: 'SESSION_ID', value: 's', nodeId: 'n' },
  tracking: null
}

/** Values shaped like `template` in which any node may be replaced by arbitrary JSON, dropped, or made hostile. */
const nearly = (template: unknown): fc.Arbitrary<unknown> => {
  const wild = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined), hostileJson)
  const go = (node: unknown): fc.Arbitrary<unknown> => {
    if (Array.isArray(node))
      return fc.oneof({ weight: 4, arbitrary: fc.tuple(...node.map(go)) }, { weight: 1, arbitrary: wild })
    if (typeof node === 'object' && node !== null) {
      const entries = Object.entries(node).map(([k, v]) => fc.tuple(fc.constant(k), go(v)))
      return fc.oneof(
        {
          weight: 4,
          arbitrary: fc.tuple(...entries).map((kvs) => Object.fromEntries(kvs.filter(([, v]) => v !== undefined)))
        },
        { weight: 1, arbitrary: wild }
      )
    }
    return fc.oneof({ weight: 3, arbitrary: fc.constant(node) }, { weight: 1, arbitrary: wild })
  }
  return go(template)
}

const anything = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true
})

const INPUTS: ReadonlyArray<[string, fc.Arbitrary<unknown>]> = [
  ['fc.jsonValue', fc.jsonValue()],
  ['fc.anything', anything],
  ['hostile JSON', hostileJson],
  ['nearly a customer', nearly(CUSTOMER_TEMPLATE)],
  ['nearly an event', nearly(EVENT_TEMPLATE)],
  [
    'nearly a page of customers',
    nearly({ elements: [CUSTOMER_TEMPLATE], page: { number: 0, size: 1, totalElements: 1, totalPages: 1 } })
  ]
]

const decodesSafely = (codec: AnyCodec, u: unknown): boolean => {
  const r = codec.decode(u)
  if (E.isLeft(r)) {
    const messages = decodeWith(codec as never)(u)
    return E.isLeft(messages) && messages.left.every((m) => typeof m === 'string')
  }
  codec.encode(r.right) // a decoded value can be encoded back
  return true
}

describe('every exported codec', () => {
  it('the package exports a useful number of codecs', () => {
    expect(CODECS.length).toBeGreaterThanOrEqual(30)
    expect(CODECS.map(([n]) => n)).toEqual(
      expect.arrayContaining(['Customer', 'EventCodec', 'QueryCodec', 'Timestamp', 'PageInfo'])
    )
  })

  describe.each(INPUTS)('given %s', (_, input) => {
    it.each(CODECS)('%s decodes without throwing', (_, codec) => {
      fc.assert(
        fc.property(input, (u) => decodesSafely(codec, u)),
        { numRuns: 30 }
      )
    })
  })

  it('Customer and EventCodec decode the real wire forms they are fuzzed around', () => {
    expect(E.isRight(Customer.decode(CUSTOMER_TEMPLATE))).toBe(true)
    expect(E.isRight(EventCodec.decode(EVENT_TEMPLATE))).toBe(true)
  })

  it('Customer: arbitrary values near a customer decode or fail with readable path messages', () => {
    fc.assert(
      fc.property(nearly(CUSTOMER_TEMPLATE), (u) => {
        const r = decodeWith(Customer)(u)
        return E.isRight(r) || r.left.every((m) => /^[^\n]*: /.test(m) && m.length < 400)
      }),
      { numRuns: 300 }
    )
  })

  it('never pollutes Object.prototype', () => {
    fc.assert(
      fc.property(hostileJson, (u) => {
        for (const [, codec] of CODECS) codec.decode(u)
        return Object.getOwnPropertyNames(Object.prototype).length === BASELINE_PROTO_KEYS
      }),
      { numRuns: 100 }
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

const BASELINE_PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).length

describe('input encoders', () => {
  it('finds the encoders', () => {
    expect(ENCODERS.map(([n]) => n)).toEqual(expect.arrayContaining(['encodeCustomerInput', 'encodeJobInput']))
  })

  it.each(ENCODERS)('%s never throws, whatever it is given', (_, encode) => {
    fc.assert(
      fc.property(fc.oneof(anything, hostileJson, nearly(CUSTOMER_TEMPLATE)), (u) => {
        const r = encode(u as never) as E.Either<string, unknown>
        return E.isLeft(r) ? typeof r.left === 'string' : true
      }),
      { numRuns: 100 }
    )
  })
})
