import { describe, expect, it } from 'vitest'
import * as E from '#fp-ts/Either'
import { decodeWith } from '../../src/decode'
import { expectLeft, expectRight } from '../helpers/either'
import { emptyWireBase, wireCustomer } from '../helpers/fixtures'
import { pageOf } from '../../src/codecs/page'
import {
  ContactType,
  Customer,
  Education,
  Job,
  Like,
  MobileDeviceType,
  NotificationService,
  SchoolType,
  Session,
  SessionList,
  Subscription,
  SubscriptionKind
} from '../../src/codecs/customer'

const consent = (status: boolean) => ({ status, limitation: false, objection: null })

/** A customer the way the live API writes one, every part filled in. */
const fullCustomerWire = {
  id: '3b8e2f6c-9a41-4a3e-8f60-1c2d3e4f5a6b',
  nodeId: 'n',
  externalId: 'ext-1',
  extra: 'free text',
  registeredAt: '2017-03-08T10:18:17.000+0000',
  updatedAt: '2019-06-14T10:21:05.118+0200',
  enabled: true,
  base: {
    pictureUrl: 'https://example.com/p.png',
    title: 'Dr',
    prefix: 'Ms',
    firstName: 'Ada',
    lastName: 'Lovelace',
    middleName: 'King',
    gender: 'female',
    dob: '1990-12-10',
    locale: 'en_GB',
    timezone: 'Europe/London',
    contacts: {
      email: 'ada@example.com',
      fax: '+44 20 0000 0001',
      mobilePhone: '+44 7700 900000',
      phone: '+44 20 0000 0000',
      otherContacts: [
        { name: 'work', type: 'EMAIL', value: 'ada@work.example.com' },
        { name: 'home', type: 'PHONE', value: '+44 20 0000 0002' }
      ],
      mobileDevices: [
        { identifier: 'dev-1', appId: 'app', name: 'phone', type: 'IOS', notificationService: 'APN' },
        { identifier: 'dev-2', name: 'tablet', type: 'ANDROID' }
      ]
    },
    address: {
      street: '12 St James Sq',
      city: 'London',
      country: 'UK',
      region: 'England',
      province: 'London',
      zip: 'SW1Y 4JH',
      geo: { lat: 51.5074, lon: -0.1337 }
    },
    credential: { username: 'ada', password: 'hunter2' },
    educations: [
      {
        id: 'edu-1',
        schoolType: 'COLLEGE',
        schoolName: 'Uni',
        schoolConcentration: 'Maths',
        startYear: 2008,
        endYear: 2012,
        isCurrent: false
      }
    ],
    likes: [{ id: 'like-1', category: 'music', name: 'Jazz', createdTime: '1994-02-11 14:05' }],
    socialProfile: {
      facebook: 'fb',
      google: 'g',
      instagram: 'ig',
      linkedin: 'li',
      qzone: 'qz',
      twitter: 'tw'
    },
    jobs: [
      {
        id: 'job-1',
        companyIndustry: 'engines',
        companyName: 'Analytical',
        jobTitle: 'Programmer',
        startDate: '2012-10-06',
        endDate: null,
        isCurrent: true
      }
    ],
    subscriptions: [
      {
        id: 'sub-1',
        name: 'Newsletter',
        type: 'news',
        kind: 'DIGITAL_MESSAGE',
        subscribed: true,
        startDate: '2018-10-06',
        endDate: '2019-10-06T00:00:00.000+0000',
        subscriberId: 'subscriber',
        registeredAt: '2018-10-06T08:00:00.000+0000',
        updatedAt: '2018-10-07T08:00:00.000+0000',
        preferences: [{ key: 'frequency', value: 'weekly' }]
      }
    ]
  },
  consents: {
    disclaimer: { date: '2018-05-25T09:00:00.000+0000', version: 'v2' },
    marketing: {
      traditional: { telephonic: consent(true), papery: consent(false) },
      automatic: {
        sms: consent(true),
        email: consent(true),
        push: consent(false),
        im: consent(false),
        telephonic: consent(true)
      }
    },
    profiling: { classic: consent(true), online: consent(false) },
    softSpam: { email: consent(true), papery: consent(false) },
    thirdPartyTransfer: { profiling: consent(false), marketing: consent(false) }
  },
  extended: { loyalty: { points: 120, tier: 'gold', history: ['a', 'b'] } },
  tags: { auto: ['auto-1'], manual: ['vip'] }
}

/** A customer just created with only an email: nulls everywhere, as the live API answers. */
const sparseCustomerWire = wireCustomer(
  'c-sparse',
  { contacts: { ...emptyWireBase().contacts, email: 'someone@example.com' } },
  { updatedAt: '2017-03-09T11:31:31.842+0000' }
)

const decode = decodeWith(Customer)

describe('Customer codec', () => {
  it('decodes a full customer, normalising timestamps to ISO UTC', () => {
    const c = expectRight(decode(fullCustomerWire))
    expect(c.id).toBe(fullCustomerWire.id)
    expect(c.registeredAt).toBe('2017-03-08T10:18:17.000Z')
    expect(c.updatedAt).toBe('2019-06-14T08:21:05.118Z')
    expect(c.base?.dob).toBe('1990-12-10')
    expect(c.base?.firstName).toBe('Ada')
    expect(c.base?.contacts?.otherContacts).toEqual(fullCustomerWire.base.contacts.otherContacts)
    expect(c.base?.contacts?.mobileDevices?.[1]).toEqual({
      identifier: 'dev-2',
      appId: null,
      name: 'tablet',
      type: 'ANDROID',
      notificationService: null
    })
    expect(c.base?.address?.geo).toEqual({ lat: 51.5074, lon: -0.1337 })
    expect(c.base?.credential).toEqual({ username: 'ada', password: 'hunter2' })
    expect(c.base?.educations?.[0]?.schoolType).toBe('COLLEGE')
    expect(c.base?.likes?.[0]?.createdTime).toBe('1994-02-11T14:05:00.000Z')
    expect(c.base?.socialProfile?.qzone).toBe('qz')
    expect(c.base?.jobs?.[0]).toEqual({ ...fullCustomerWire.base.jobs[0] })
    const sub = c.base?.subscriptions?.[0]
    expect(sub?.startDate).toBe('2018-10-06T00:00:00.000Z')
    expect(sub?.endDate).toBe('2019-10-06T00:00:00.000Z')
    expect(sub?.registeredAt).toBe('2018-10-06T08:00:00.000Z')
    expect(sub?.preferences).toEqual([{ key: 'frequency', value: 'weekly' }])
    expect(c.consents?.disclaimer).toEqual({ date: '2018-05-25T09:00:00.000Z', version: 'v2' })
    expect(c.consents?.marketing?.automatic?.telephonic).toEqual({ status: true, limitation: false, objection: null })
    expect(c.consents?.marketing?.traditional?.papery?.status).toBe(false)
    expect(c.consents?.profiling?.online?.status).toBe(false)
    expect(c.consents?.softSpam?.email?.status).toBe(true)
    expect(c.consents?.thirdPartyTransfer?.marketing?.status).toBe(false)
    expect(c.extended).toEqual(fullCustomerWire.extended)
    expect(c.tags).toEqual({ auto: ['auto-1'], manual: ['vip'] })
    expect(c.enabled).toBe(true)
    expect(c.extra).toBe('free text')
  })

  it('decodes a sparse fresh customer full of nulls', () => {
    const c = expectRight(decode(sparseCustomerWire))
    expect(c.base?.firstName).toBeNull()
    expect(c.base?.address).toBeNull()
    expect(c.base?.jobs).toEqual([])
    expect(c.extended).toBeNull()
    expect(c.consents).toBeNull()
    expect(c.externalId).toBeNull()
    expect(c.registeredAt).toBe('2017-03-09T11:31:31.842Z')
  })

  it('decodes absent fields as null (e.g. base left out with fields=, entities without id)', () => {
    const c = expectRight(
      decode({
        id: 'c1',
        base: {
          contacts: { email: 'x@example.com' },
          jobs: [{ companyName: 'ACME' }],
          educations: [{ schoolType: 'OTHER' }]
        }
      })
    )
    expect(c.nodeId).toBeNull()
    expect(c.registeredAt).toBeNull()
    expect(c.tags).toBeNull()
    expect(c.base?.contacts).toEqual({
      email: 'x@example.com',
      fax: null,
      mobilePhone: null,
      phone: null,
      otherContacts: null,
      mobileDevices: null
    })
    expect(c.base?.jobs?.[0]?.id).toBeNull()
    expect(c.base?.jobs?.[0]?.companyName).toBe('ACME')
    expect(c.base?.educations?.[0]?.id).toBeNull()
    expect(expectRight(decode({ id: 'c2', base: null })).base).toBeNull()
  })

  it('keeps unknown fields at every level without failing', () => {
    const wire = {
      ...sparseCustomerWire,
      sourceInfo: { registeredBy: 'n', updatedBy: 'n' },
      href: 'https://api.example.com/customers/c-sparse',
      base: {
        ...sparseCustomerWire.base,
        nickname: 'Ace',
        subscriptions: [{ id: 's', kind: 'SERVICE', a: ['a'], enable: true }]
      },
      tags: { auto: [], manual: [], other: ['x'] }
    }
    const c = expectRight(decode(wire))
    expect((c as unknown as Record<string, unknown>).sourceInfo).toEqual({ registeredBy: 'n', updatedBy: 'n' })
    expect((c as unknown as Record<string, unknown>).href).toBe(wire.href)
    expect((c.base as unknown as Record<string, unknown>).nickname).toBe('Ace')
    expect((c.base?.subscriptions?.[0] as unknown as Record<string, unknown>).a).toEqual(['a'])
    expect(c.base?.subscriptions?.[0]?.kind).toBe('SERVICE')
    expect((c.tags as unknown as Record<string, unknown>).other).toEqual(['x'])
  })

  it('parses +0000 and other offsets explicitly, and keeps unparsable client dates as sent', () => {
    const c = expectRight(
      decode({
        id: 'c',
        registeredAt: '2017-03-08T10:18:17.000+0000',
        updatedAt: '2017-03-08T12:18:17+02:00',
        base: {
          dob: '1994-10-06T00:00:00.000+0000',
          likes: [{ id: 'l', createdTime: '1994-02-11T14:05M' }],
          jobs: [{ id: 'j', startDate: 'sometime' }]
        }
      })
    )
    expect(c.registeredAt).toBe('2017-03-08T10:18:17.000Z')
    expect(c.updatedAt).toBe('2017-03-08T10:18:17.000Z')
    expect(c.base?.dob).toBe('1994-10-06T00:00:00.000Z')
    expect(c.base?.likes?.[0]?.createdTime).toBe('1994-02-11T14:05M')
    expect(c.base?.jobs?.[0]?.startDate).toBe('sometime')
  })

  it('does not mutate its input', () => {
    const wire = JSON.parse(JSON.stringify(fullCustomerWire))
    expectRight(decode(wire))
    expect(wire).toEqual(fullCustomerWire)
  })

  it.each([
    [
      { ...sparseCustomerWire, base: { ...sparseCustomerWire.base, contacts: { email: 42 } } },
      'base.contacts.email: expected string | null, got 42'
    ],
    [{ ...sparseCustomerWire, registeredAt: 'yesterday' }, 'registeredAt: expected Timestamp | null, got "yesterday"'],
    [{ ...sparseCustomerWire, id: undefined }, 'id: expected string, got undefined'],
    [
      { ...sparseCustomerWire, base: { ...sparseCustomerWire.base, contacts: { otherContacts: [{ type: 7 }] } } },
      'base.contacts.otherContacts.0.type: expected ContactType | null, got 7'
    ],
    [
      { ...sparseCustomerWire, base: { ...sparseCustomerWire.base, jobs: 'none' } },
      'base.jobs: expected ReadonlyArray<Job> | null, got "none"'
    ],
    [
      { ...sparseCustomerWire, base: { ...sparseCustomerWire.base, educations: [{ id: 'e', startYear: '2001' }] } },
      'base.educations.0.startYear: expected number | null, got "2001"'
    ],
    [
      { ...sparseCustomerWire, consents: { marketing: { automatic: { sms: { status: 'yes' } } } } },
      'consents.marketing.automatic.sms.status: expected boolean | null, got "yes"'
    ],
    [{ ...sparseCustomerWire, tags: { manual: [1] } }, 'tags.manual.0: expected string, got 1'],
    [{ ...sparseCustomerWire, extended: 'x' }, 'extended: expected UnknownRecord | null, got "x"'],
    [
      { ...sparseCustomerWire, base: { ...sparseCustomerWire.base, likes: [{ createdTime: 5 }] } },
      'base.likes.0.createdTime: expected LenientTimestamp | null, got 5'
    ]
  ])('fails with a readable path (%#)', (wire, message) => {
    expect(expectLeft(decode(wire))).toContain(message)
  })

  it('fails on something that is not a customer at all', () => {
    expect(expectLeft(decode('nope'))).toEqual(['(root): expected Customer, got "nope"'])
    expect(expectLeft(decode(null))[0]).toMatch(/^\(root\): expected Customer/)
  })
})

describe('sub-entity and session codecs', () => {
  it('decodes a job with date-only dates kept as dates', () => {
    const wire = {
      id: '01',
      companyIndustry: 'ind',
      companyName: 'co',
      jobTitle: 'dev',
      startDate: '1994-10-06',
      endDate: '1994-10-06',
      isCurrent: true
    }
    expect(expectRight(decodeWith(Job)(wire))).toEqual(wire)
  })

  it('decodes a like with its lenient createdTime', () => {
    expect(
      expectRight(decodeWith(Like)({ id: 'id', category: 'c', name: 'n', createdTime: '2019-06-14T08:21:05.118+0000' }))
    ).toEqual({
      id: 'id',
      category: 'c',
      name: 'n',
      createdTime: '2019-06-14T08:21:05.118Z'
    })
  })

  it('decodes an education, keeps a school type it does not know and refuses a non-string one', () => {
    const wire = {
      id: '01',
      schoolType: 'HIGH_SCHOOL',
      schoolName: 's',
      schoolConcentration: 'c',
      startYear: 1994,
      endYear: 2000,
      isCurrent: false
    }
    expect(expectRight(decodeWith(Education)(wire))).toEqual(wire)
    expect(expectRight(decodeWith(Education)({ ...wire, schoolType: 'KINDERGARTEN' })).schoolType).toBe('KINDERGARTEN')
    expect(expectLeft(decodeWith(Education)({ ...wire, schoolType: 1 }))).toEqual([
      'schoolType: expected SchoolType | null, got 1'
    ])
  })

  it('decodes a subscription whose dates were stored date-only', () => {
    const s = expectRight(
      decodeWith(Subscription)({
        id: '01',
        name: 'n',
        type: 't',
        kind: 'OTHER',
        subscribed: false,
        startDate: '1994-10-06',
        endDate: '1994-10-10',
        subscriberId: 'sid',
        preferences: [{ key: 'k', value: 'v' }]
      })
    )
    expect(s.startDate).toBe('1994-10-06T00:00:00.000Z')
    expect(s.endDate).toBe('1994-10-10T00:00:00.000Z')
    expect(s.registeredAt).toBeNull()
    expect(s.kind).toBe('OTHER')
    expect(expectRight(decodeWith(Subscription)({ kind: 'NEWSLETTER' })).kind).toBe('NEWSLETTER')
    expect(expectLeft(decodeWith(Subscription)({ kind: true }))).toEqual([
      'kind: expected SubscriptionKind | null, got true'
    ])
  })

  it('decodes sessions and the session list', () => {
    expect(expectRight(decodeWith(Session)({ id: 's1', value: 'v1' }))).toEqual({ id: 's1', value: 'v1' })
    expect(
      expectRight(
        decodeWith(SessionList)({
          elements: [
            { id: 's1', value: 'v1' },
            { id: 's2', value: 'v2' }
          ]
        })
      ).elements
    ).toHaveLength(2)
    expect(expectLeft(decodeWith(SessionList)({ elements: [{ value: 'v1' }] }))).toContain(
      'elements.0.id: expected string, got undefined'
    )
  })
})

describe('enumerations the client does not know', () => {
  /** A customer holding, in every enumeration, a value a later release of the API might add. */
  const newer = wireCustomer('c-new', {
    contacts: {
      ...emptyWireBase().contacts,
      otherContacts: [{ name: 'pager', type: 'PAGER', value: '42' }],
      mobileDevices: [{ identifier: 'd', appId: 'a', name: 'watch', type: 'WEAR_OS', notificationService: 'HMS' }]
    },
    educations: [{ id: 'e', schoolType: 'KINDERGARTEN' }],
    subscriptions: [{ id: 's', kind: 'NEWSLETTER' }]
  })
  const page = {
    elements: [newer, fullCustomerWire],
    page: { number: 0, size: 2, totalElements: 2, totalPages: 1, totalUnfilteredElements: 2 }
  }

  const kept = (c: Customer | undefined) => ({
    contactType: c?.base?.contacts?.otherContacts?.[0]?.type,
    deviceType: c?.base?.contacts?.mobileDevices?.[0]?.type,
    notificationService: c?.base?.contacts?.mobileDevices?.[0]?.notificationService,
    schoolType: c?.base?.educations?.[0]?.schoolType,
    kind: c?.base?.subscriptions?.[0]?.kind
  })
  const expected = {
    contactType: 'PAGER',
    deviceType: 'WEAR_OS',
    notificationService: 'HMS',
    schoolType: 'KINDERGARTEN',
    kind: 'NEWSLETTER'
  }

  it.each([
    [
      'the compiled fast path, in place (as responses are decoded)',
      (u: unknown) => decodeWith(pageOf(Customer), true)(u)
    ],
    ['the compiled fast path, on a copy', (u: unknown) => decodeWith(pageOf(Customer))(u)],
    ['io-ts itself', (u: unknown) => E.mapLeft(() => ['io-ts failed'])(pageOf(Customer).decode(u))]
  ])('a page holding them decodes through %s, with the values kept', (_, decodePage) => {
    const decoded = expectRight(decodePage(structuredClone(page)))
    expect(decoded.elements).toHaveLength(2)
    expect(kept(decoded.elements[0])).toEqual(expected)
    expect(kept(decoded.elements[1])).toEqual({
      contactType: 'EMAIL',
      deviceType: 'IOS',
      notificationService: 'APN',
      schoolType: 'COLLEGE',
      kind: 'DIGITAL_MESSAGE'
    })
  })

  it.each([
    ['base.contacts.otherContacts.0.type', 'ContactType', { otherContacts: [{ type: 1 }] }],
    ['base.contacts.mobileDevices.0.type', 'MobileDeviceType', { mobileDevices: [{ type: {} }] }],
    [
      'base.contacts.mobileDevices.0.notificationService',
      'NotificationService',
      { mobileDevices: [{ notificationService: 2 }] }
    ]
  ])('a value that is not a string still fails: %s', (path, name, contacts) => {
    const wire = wireCustomer('c', { contacts: { ...emptyWireBase().contacts, ...contacts } })
    expect(expectLeft(decode(wire))[0]).toMatch(
      new RegExp(`^${path.replace(/\./g, '\\.')}: expected ${name} \\| null, got `)
    )
    expect(E.isLeft(Customer.decode(wire))).toBe(true)
  })

  it('the codecs list the values they know, and accept any string', () => {
    expect(ContactType.values).toEqual(['MOBILE', 'PHONE', 'EMAIL', 'FAX', 'OTHER'])
    expect(MobileDeviceType.values).toEqual(['IOS', 'ANDROID', 'WINDOWS_PHONE', 'FIREOS'])
    expect(NotificationService.values).toEqual(['APN', 'GCM', 'WNS', 'ADM', 'SNS'])
    expect(SchoolType.values).toEqual(['PRIMARY_SCHOOL', 'SECONDARY_SCHOOL', 'HIGH_SCHOOL', 'COLLEGE', 'OTHER'])
    expect(SubscriptionKind.values).toEqual(['DIGITAL_MESSAGE', 'SERVICE', 'OTHER'])
    for (const codec of [ContactType, MobileDeviceType, NotificationService, SchoolType, SubscriptionKind]) {
      expect(codec.decode('SOMETHING_NEW')).toEqual(E.right('SOMETHING_NEW'))
      expect(codec.is('SOMETHING_NEW')).toBe(true)
      expect(codec.is(0)).toBe(false)
      expect(E.isLeft(codec.decode(null))).toBe(true)
      expect(codec.encode('SOMETHING_NEW')).toBe('SOMETHING_NEW')
    }
  })
})
