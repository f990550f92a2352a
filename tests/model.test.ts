// One customer model, described three times: the io-ts wire codec `Customer` (src/codecs/customer.ts), the
// emulator's schema (src/emulator/customer-schema.ts) and the query builder's attribute table (src/query.ts). This
// test fails when a field is added to one and not the others. Its type-level half, tests/model.test-d.ts,
// checks the builder's attribute types against the decoded `Customer` type and against ATTRIBUTES below.
import { describe, expect, it } from 'vitest'
import { Customer } from '../src/codecs/customer'
import { CustomerSchema } from '../src/emulator/customer-schema'
import type { Schema } from '../src/emulator/schema-language'
import { isKnownAttribute } from '../src/emulator/query-engine'
import type { CustomerAttributes, CustomerObjectAttribute } from '../src/query'

/** Leaves of the wire model that conditions may not name, and why. */
export const UNQUERYABLE = [
  // a secret: the builder offers no condition on it
  'base.credential.password'
] as const

/** The builder's attributes, as a runtime list (the compiler keeps it equal to `keyof CustomerAttributes`). */
export const ATTRIBUTES = [
  'id',
  'nodeId',
  'externalId',
  'extra',
  'enabled',
  'registeredAt',
  'updatedAt',
  'base.pictureUrl',
  'base.title',
  'base.prefix',
  'base.firstName',
  'base.lastName',
  'base.middleName',
  'base.gender',
  'base.dob',
  'base.locale',
  'base.timezone',
  'base.contacts.email',
  'base.contacts.fax',
  'base.contacts.mobilePhone',
  'base.contacts.phone',
  'base.contacts.otherContacts.name',
  'base.contacts.otherContacts.type',
  'base.contacts.otherContacts.value',
  'base.contacts.mobileDevices.identifier',
  'base.contacts.mobileDevices.appId',
  'base.contacts.mobileDevices.name',
  'base.contacts.mobileDevices.type',
  'base.contacts.mobileDevices.notificationService',
  'base.address.street',
  'base.address.city',
  'base.address.country',
  'base.address.region',
  'base.address.province',
  'base.address.zip',
  'base.address.geo.lat',
  'base.address.geo.lon',
  'base.credential.username',
  'base.socialProfile.facebook',
  'base.socialProfile.google',
  'base.socialProfile.instagram',
  'base.socialProfile.linkedin',
  'base.socialProfile.qzone',
  'base.socialProfile.twitter',
  'base.educations.id',
  'base.educations.schoolType',
  'base.educations.schoolName',
  'base.educations.schoolConcentration',
  'base.educations.startYear',
  'base.educations.endYear',
  'base.educations.isCurrent',
  'base.likes.id',
  'base.likes.category',
  'base.likes.name',
  'base.likes.createdTime',
  'base.jobs.id',
  'base.jobs.companyIndustry',
  'base.jobs.companyName',
  'base.jobs.jobTitle',
  'base.jobs.startDate',
  'base.jobs.endDate',
  'base.jobs.isCurrent',
  'base.subscriptions.id',
  'base.subscriptions.name',
  'base.subscriptions.type',
  'base.subscriptions.kind',
  'base.subscriptions.subscribed',
  'base.subscriptions.startDate',
  'base.subscriptions.endDate',
  'base.subscriptions.subscriberId',
  'base.subscriptions.registeredAt',
  'base.subscriptions.updatedAt',
  'base.subscriptions.preferences.key',
  'base.subscriptions.preferences.value',
  'tags.manual',
  'tags.auto',
  'consents.disclaimer.date',
  'consents.disclaimer.version',
  'consents.marketing.traditional.telephonic.status',
  'consents.marketing.traditional.telephonic.limitation',
  'consents.marketing.traditional.telephonic.objection',
  'consents.marketing.traditional.papery.status',
  'consents.marketing.traditional.papery.limitation',
  'consents.marketing.traditional.papery.objection',
  'consents.marketing.automatic.sms.status',
  'consents.marketing.automatic.sms.limitation',
  'consents.marketing.automatic.sms.objection',
  'consents.marketing.automatic.email.status',
  'consents.marketing.automatic.email.limitation',
  'consents.marketing.automatic.email.objection',
  'consents.marketing.automatic.push.status',
  'consents.marketing.automatic.push.limitation',
  'consents.marketing.automatic.push.objection',
  'consents.marketing.automatic.im.status',
  'consents.marketing.automatic.im.limitation',
  'consents.marketing.automatic.im.objection',
  'consents.marketing.automatic.telephonic.status',
  'consents.marketing.automatic.telephonic.limitation',
  'consents.marketing.automatic.telephonic.objection',
  'consents.profiling.classic.status',
  'consents.profiling.classic.limitation',
  'consents.profiling.classic.objection',
  'consents.profiling.online.status',
  'consents.profiling.online.limitation',
  'consents.profiling.online.objection',
  'consents.softSpam.email.status',
  'consents.softSpam.email.limitation',
  'consents.softSpam.email.objection',
  'consents.softSpam.papery.status',
  'consents.softSpam.papery.limitation',
  'consents.softSpam.papery.objection',
  'consents.thirdPartyTransfer.profiling.status',
  'consents.thirdPartyTransfer.profiling.limitation',
  'consents.thirdPartyTransfer.profiling.objection',
  'consents.thirdPartyTransfer.marketing.status',
  'consents.thirdPartyTransfer.marketing.limitation',
  'consents.thirdPartyTransfer.marketing.objection'
] as const satisfies ReadonlyArray<keyof CustomerAttributes>

/** The builder's object attributes (`isNull('base.address')`), as a runtime list. */
export const OBJECT_ATTRIBUTES = [
  'base',
  'base.address',
  'base.address.geo',
  'base.contacts',
  'base.contacts.mobileDevices',
  'base.contacts.otherContacts',
  'base.credential',
  'base.educations',
  'base.jobs',
  'base.likes',
  'base.socialProfile',
  'base.subscriptions',
  'base.subscriptions.preferences',
  'consents',
  'consents.disclaimer',
  'consents.marketing',
  'consents.marketing.automatic',
  'consents.marketing.automatic.email',
  'consents.marketing.automatic.im',
  'consents.marketing.automatic.push',
  'consents.marketing.automatic.sms',
  'consents.marketing.automatic.telephonic',
  'consents.marketing.traditional',
  'consents.marketing.traditional.papery',
  'consents.marketing.traditional.telephonic',
  'consents.profiling',
  'consents.profiling.classic',
  'consents.profiling.online',
  'consents.softSpam',
  'consents.softSpam.email',
  'consents.softSpam.papery',
  'consents.thirdPartyTransfer',
  'consents.thirdPartyTransfer.marketing',
  'consents.thirdPartyTransfer.profiling',
  'extended',
  'tags'
] as const satisfies ReadonlyArray<CustomerObjectAttribute>

/** The paths of a model: every property, dotted, lists looked through; `open` = a record of the workspace's own. */
interface Paths {
  readonly leaves: ReadonlyArray<string>
  readonly objects: ReadonlyArray<string>
  readonly open: ReadonlyArray<string>
}

interface CodecNode {
  readonly _tag?: string
  readonly name?: string
  readonly type?: CodecNode
  readonly props?: Readonly<Record<string, CodecNode>>
}

/** Walks an io-ts codec (iteratively): `t.type` props, `nullable(...)`, `t.readonlyArray(...)`, `t.UnknownRecord`. */
const codecPaths = (root: CodecNode): Paths => {
  const leaves: Array<string> = []
  const objects: Array<string> = []
  const open: Array<string> = []
  const stack: Array<readonly [string, CodecNode]> = [['', root]]
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [path, node] = top
    let n = node
    while ((n._tag === 'NullableType' || n._tag === 'ReadonlyArrayType' || n._tag === 'ArrayType') && n.type) n = n.type
    if (n._tag === 'InterfaceType' && n.props !== undefined) {
      if (path !== '') objects.push(path)
      for (const [k, v] of Object.entries(n.props)) stack.push([path === '' ? k : `${path}.${k}`, v])
    } else if (n._tag === 'AnyDictionaryType' || n._tag === 'DictionaryType') open.push(path)
    else leaves.push(path)
  }
  return { leaves: leaves.sort(), objects: objects.sort(), open: open.sort() }
}

/** Walks a schema of the emulator's schema language (iteratively). */
const schemaPaths = (root: Schema): Paths => {
  const leaves: Array<string> = []
  const objects: Array<string> = []
  const open: Array<string> = []
  const stack: Array<readonly [string, Schema]> = [['', root]]
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [path, node] = top
    let n = node
    while (n.kind === 'array') n = n.items
    if (n.kind === 'object') {
      if (path !== '') objects.push(path)
      for (const [k, v] of Object.entries(n.props)) stack.push([path === '' ? k : `${path}.${k}`, v])
    } else if (n.kind === 'any') open.push(path)
    else leaves.push(path)
  }
  return { leaves: leaves.sort(), objects: objects.sort(), open: open.sort() }
}

const codec = codecPaths(Customer)
const emulator = schemaPaths(CustomerSchema)

describe('the customer model', () => {
  it('walks something: the codec has the nested fields it is known to have', () => {
    expect(codec.leaves).toContain('base.contacts.email')
    expect(codec.leaves).toContain('base.subscriptions.preferences.key')
    expect(codec.leaves).toContain('consents.marketing.automatic.sms.status')
    expect(codec.objects).toContain('base.address.geo')
    expect(codec.open).toEqual(['extended'])
  })

  it("the io-ts Customer codec and the emulator's customer schema have the same paths", () => {
    expect(emulator.leaves).toEqual(codec.leaves)
    expect(emulator.objects).toEqual(codec.objects)
    expect(emulator.open).toEqual(codec.open)
  })

  it("the query builder's attributes are the codec's leaves, except the ones not queryable", () => {
    expect([...ATTRIBUTES].sort()).toEqual(
      codec.leaves.filter((p) => !(UNQUERYABLE as ReadonlyArray<string>).includes(p))
    )
    for (const p of UNQUERYABLE) expect(codec.leaves).toContain(p)
  })

  it("the query builder's object attributes are the codec's objects and open records", () => {
    expect([...OBJECT_ATTRIBUTES].sort()).toEqual([...codec.objects, ...codec.open].sort())
  })

  it('the emulator knows every attribute the builder can name', () => {
    for (const a of [...ATTRIBUTES, ...OBJECT_ATTRIBUTES, 'extended.anything.deep']) {
      expect([a, isKnownAttribute(a)]).toEqual([a, true])
    }
  })
})
