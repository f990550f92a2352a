import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index'
import { client, counterIds, expectApiError, send, WIRE_TIMESTAMP, type Json } from './helpers'
import { emptyWireBase } from '../helpers/fixtures'

const T0 = Date.UTC(2017, 2, 8, 10, 18, 17, 0)

let emulator: Emulator
let clock = T0
let api: ReturnType<typeof client>

beforeAll(async () => {
  emulator = await startEmulator({ now: () => clock, uuid: counterIds('c'), nodes: ['other-node'] })
  api = client(emulator)
})
afterAll(() => emulator.close())
beforeEach(() => {
  emulator.reset()
  clock = T0
})

const EMPTY_BASE = emptyWireBase()

describe('auth', () => {
  it('answers 401 without a bearer token', async () => {
    const r = await api.call('GET', '/customers', { noAuth: true, query: { nodeId: api.nodeId } })
    expect(r.status).toBe(401)
    expectApiError(r.body)
  })

  it('answers 401 with a wrong token', async () => {
    const r = await api.call('GET', '/customers', {
      headers: { Authorization: 'Bearer nope' },
      query: { nodeId: api.nodeId }
    })
    expect(r.status).toBe(401)
    expect(r.body.message).toBe('The client is not authorized to access the API')
    expectApiError(r.body)
  })

  it('answers 403 for an unknown workspace', async () => {
    const r = await send(`${emulator.url}/workspaces/nowhere/customers?nodeId=${api.nodeId}`, 'GET', {
      headers: { Authorization: `Bearer ${emulator.token}` }
    })
    expect(r.status).toBe(403)
    expect(r.body.message).toBe('workspace not found: nowhere')
    expectApiError(r.body)
  })

  it('answers 404 for an unknown node, with the live message', async () => {
    const r = await api.call('GET', '/customers', { query: { nodeId: 'ghost' } })
    expect(r.status).toBe(404)
    expect(r.body.message).toBe('node not found ghost')
    expectApiError(r.body)
  })
})

describe('POST /customers', () => {
  it('creates a customer with the live, null-filled shape', async () => {
    const r = await api.call('POST', '/customers', {
      body: { nodeId: api.nodeId, externalId: 'e1', base: { firstName: 'Ada', contacts: { email: 'ada@example.com' } } }
    })
    expect(r.status).toBe(201)
    expect(r.body).toEqual({
      id: expect.stringMatching(/^c-\d+$/),
      nodeId: api.nodeId,
      externalId: 'e1',
      extra: null,
      registeredAt: '2017-03-08T10:18:17.000+0000',
      updatedAt: '2017-03-08T10:18:17.000+0000',
      enabled: true,
      base: { ...EMPTY_BASE, firstName: 'Ada', contacts: { ...EMPTY_BASE.contacts, email: 'ada@example.com' } },
      extended: null,
      tags: null,
      consents: null
    })
    expect(r.headers.get('content-type')).toMatch(/application\/json/)
  })

  it('fills partial nested objects, tags and consents', async () => {
    const c = await api.create({
      base: { address: { city: 'Milano' } },
      tags: { manual: ['vip'] },
      consents: { marketing: { automatic: { email: { status: true } } } },
      extended: { score: 3 },
      extra: 'x'
    })
    expect(c.base.address).toEqual({
      street: null,
      city: 'Milano',
      country: null,
      region: null,
      province: null,
      zip: null,
      geo: null
    })
    expect(c.tags).toEqual({ auto: [], manual: ['vip'] })
    expect(c.consents.marketing.automatic.email).toEqual({ status: true, limitation: null, objection: null })
    expect(c.consents.marketing.automatic.sms).toBeNull()
    expect(c.consents.profiling).toBeNull()
    expect(c.extended).toEqual({ score: 3 })
    expect(c.extra).toBe('x')
  })

  it('treats null as unset in a create body', async () => {
    const c = await api.create({ externalId: null, base: { firstName: null, lastName: 'L' }, tags: null })
    expect(c.externalId).toBeNull()
    expect(c.base.lastName).toBe('L')
    expect(c.tags).toBeNull()
  })

  it('ignores the read-only properties a customer read back carries', async () => {
    const c = await api.create({ base: { firstName: 'A' } })
    const again = await api.call('POST', '/customers', { body: { ...c, externalId: 'other' } })
    expect(again.status).toBe(201)
    expect(again.body.id).not.toBe(c.id)
  })

  it.each([
    ['missing nodeId', { base: { firstName: 'A' } }, '/nodeId', 'required'],
    ['unknown base property', { nodeId: 'N', base: { nickname: 'A' } }, '/base/nickname', 'additionalProperties'],
    ['unknown top-level property', { nodeId: 'N', foo: 1 }, '/foo', 'additionalProperties'],
    ['wrong type', { nodeId: 'N', base: { firstName: 42 } }, '/base/firstName', 'type'],
    [
      'wrong nested type',
      { nodeId: 'N', base: { contacts: { otherContacts: [{ name: 'n', value: 1 }] } } },
      '/base/contacts/otherContacts/0/value',
      'type'
    ],
    ['bad email', { nodeId: 'N', base: { contacts: { email: 'nope' } } }, '/base/contacts/email', 'format'],
    ['bad dob', { nodeId: 'N', base: { dob: '2001-02-30' } }, '/base/dob', 'format'],
    ['bad enum', { nodeId: 'N', base: { timezone: 'Mars/Olympus' } }, '/base/timezone', 'enum'],
    ['bad locale', { nodeId: 'N', base: { locale: 'english' } }, '/base/locale', 'pattern'],
    ['job without id', { nodeId: 'N', base: { jobs: [{ companyName: 'X' }] } }, '/base/jobs/0/id', 'required'],
    ['tags not strings', { nodeId: 'N', tags: { manual: [1] } }, '/tags/manual/0', 'type'],
    ['unknown tags key', { nodeId: 'N', tags: { other: [] } }, '/tags/other', 'additionalProperties'],
    ['extended not an object', { nodeId: 'N', extended: 'x' }, '/extended', 'type'],
    ['enabled not a boolean', { nodeId: 'N', enabled: 'yes' }, '/enabled', 'type'],
    ['body not an object', [1, 2], '', 'type']
  ])('answers 400 with a JSON pointer for %s', async (_name, body, path, code) => {
    const b = Array.isArray(body) ? body : { ...body, ...('nodeId' in body ? { nodeId: api.nodeId } : {}) }
    const r = await api.call('POST', '/customers', { body: b })
    expect(r.status).toBe(400)
    expectApiError(r.body)
    expect(r.body.errors).toContainEqual(expect.objectContaining({ path, code }))
    for (const e of r.body.errors as Array<Json>)
      expect(Object.keys(e).sort()).toEqual(['code', 'data', 'message', 'path'])
  })

  it('treats __proto__ keys as plain data', async () => {
    const closed = await api.call('POST', '/customers', {
      raw: `{"nodeId":"${api.nodeId}","base":{"__proto__":{"firstName":42}}}`
    })
    expect(closed.status).toBe(400)
    expect(closed.body.errors[0].path).toBe('/base/__proto__')
    const open = await api.call('POST', '/customers', {
      raw: `{"nodeId":"${api.nodeId}","extended":{"__proto__":{"x":1}}}`
    })
    expect(open.status).toBe(201)
    expect(open.text).toContain('"extended":{"__proto__":{"x":1}}')
    const patched = await api.call('PATCH', `/customers/${open.body.id}`, { raw: '{"extended":{"__proto__":{"y":2}}}' })
    expect(patched.status).toBe(200)
    expect(patched.text).toContain('"extended":{"__proto__":{"x":1,"y":2}}')
    const odd = await api.call('GET', '/customers', {
      query: Object.fromEntries([
        ['nodeId', api.nodeId],
        ['__proto__', 'x'],
        ['constructor', 'y']
      ])
    })
    expect(odd.status).toBe(200)
    expect(emulator.requests.at(-1)?.query.__proto__).toEqual(['x'])
  })

  it('escapes JSON pointer tokens', async () => {
    const r = await api.call('POST', '/customers', { body: { nodeId: api.nodeId, base: { 'a/b~c': 1 } } })
    expect(r.status).toBe(400)
    expect(r.body.errors[0].path).toBe('/base/a~1b~0c')
  })

  it('answers 400 for malformed JSON and an empty body', async () => {
    const bad = await api.call('POST', '/customers', { raw: '{"nodeId": ' })
    expect(bad.status).toBe(400)
    expectApiError(bad.body)
    const empty = await api.call('POST', '/customers', { raw: '' })
    expect(empty.status).toBe(400)
    expectApiError(empty.body)
  })

  it('answers 404 for an unknown node', async () => {
    const r = await api.call('POST', '/customers', { body: { nodeId: 'ghost' } })
    expect(r.status).toBe(404)
    expect(r.body.message).toBe('node not found ghost')
    expectApiError(r.body)
  })

  it('answers 409 with the live body when the externalId is taken in the node', async () => {
    const first = await api.create({ externalId: 'dup' })
    const r = await api.call('POST', '/customers', { body: { nodeId: api.nodeId, externalId: 'dup' } })
    expect(r.status).toBe(409)
    expect(r.body).toEqual({
      message: `Conflict with exiting customer ${first.id}`,
      logref: expect.any(String),
      data: {
        customer: { id: first.id, href: `${emulator.url}/workspaces/${emulator.workspaceId}/customers/${first.id}` }
      },
      errors: []
    })
  })

  it('allows one externalId in two nodes', async () => {
    await api.create({ externalId: 'same' })
    const r = await api.call('POST', '/customers', { body: { nodeId: 'other-node', externalId: 'same' } })
    expect(r.status).toBe(201)
    expect(r.body.nodeId).toBe('other-node')
  })

  it('links a session given as ?sessionId', async () => {
    const r = await api.call('POST', '/customers', { body: { nodeId: api.nodeId }, query: { sessionId: 's-1' } })
    const sessions = await api.call('GET', `/customers/${r.body.id}/sessions`)
    expect(sessions.body.elements.map((s: Json) => s.value)).toEqual(['s-1'])
  })
})

describe('GET, PATCH, PUT, DELETE /customers/{id}', () => {
  it('gets a customer, and 404 with a JSON body when unknown', async () => {
    const c = await api.create({ base: { firstName: 'A' } })
    const r = await api.call('GET', `/customers/${c.id}`)
    expect(r.status).toBe(200)
    expect(r.body).toEqual(c)
    const missing = await api.call('GET', '/customers/nope')
    expect(missing.status).toBe(404)
    expectApiError(missing.body)
  })

  it('PATCH merges objects, replaces arrays and scalars, and null clears', async () => {
    const c = await api.create({
      externalId: 'p1',
      base: {
        firstName: 'Ada',
        lastName: 'Lovelace',
        contacts: { email: 'a@x.io', phone: '1', otherContacts: [{ name: 'home', value: '1' }] },
        address: { city: 'London', zip: 'N1' }
      },
      tags: { manual: ['a', 'b'], auto: ['z'] },
      extended: { deep: { x: 1, y: 2 } }
    })
    clock = T0 + 5000
    const r = await api.call('PATCH', `/customers/${c.id}`, {
      body: {
        base: {
          firstName: 'Augusta',
          contacts: { email: null, otherContacts: [{ name: 'work', value: '2' }] },
          address: null
        },
        tags: { manual: ['c'] },
        extended: { deep: { y: null, z: 3 } }
      }
    })
    expect(r.status).toBe(200)
    expect(r.body.base.firstName).toBe('Augusta')
    expect(r.body.base.lastName).toBe('Lovelace')
    expect(r.body.base.contacts.email).toBeNull()
    expect(r.body.base.contacts.phone).toBe('1')
    expect(r.body.base.contacts.otherContacts).toEqual([{ name: 'work', type: null, value: '2' }])
    expect(r.body.base.address).toBeNull()
    expect(r.body.tags).toEqual({ manual: ['c'], auto: ['z'] })
    expect(r.body.extended).toEqual({ deep: { x: 1, z: 3 } })
    expect(r.body.externalId).toBe('p1')
    expect(r.body.registeredAt).toBe('2017-03-08T10:18:17.000+0000')
    expect(r.body.updatedAt).toBe('2017-03-08T10:18:22.000+0000')
    expect((await api.call('GET', `/customers/${c.id}`)).body).toEqual(r.body)
  })

  it('PATCH validates the result, and 404s an unknown customer', async () => {
    const c = await api.create({})
    const bad = await api.call('PATCH', `/customers/${c.id}`, { body: { base: { firstName: 1, foo: 'x' } } })
    expect(bad.status).toBe(400)
    expect(bad.body.errors.map((e: Json) => e.path).sort()).toEqual(['/base/firstName', '/base/foo'])
    expect((await api.call('PATCH', '/customers/nope', { body: {} })).status).toBe(404)
    expect((await api.call('PATCH', `/customers/${c.id}`, { raw: 'nope' })).status).toBe(400)
  })

  it('PATCH clears the externalId with null and frees it', async () => {
    const c = await api.create({ externalId: 'free-me' })
    await api.call('PATCH', `/customers/${c.id}`, { body: { externalId: null } })
    expect((await api.call('POST', '/customers', { body: { nodeId: api.nodeId, externalId: 'free-me' } })).status).toBe(
      201
    )
  })

  it('PATCH and PUT answer 409 when the new externalId is taken', async () => {
    const a = await api.create({ externalId: 'a' })
    const b = await api.create({ externalId: 'b' })
    const patch = await api.call('PATCH', `/customers/${b.id}`, { body: { externalId: 'a' } })
    expect(patch.status).toBe(409)
    expect(patch.body.data.customer.id).toBe(a.id)
    const put = await api.call('PUT', `/customers/${b.id}`, { body: { id: b.id, nodeId: api.nodeId, externalId: 'a' } })
    expect(put.status).toBe(409)
    const same = await api.call('PATCH', `/customers/${b.id}`, { body: { externalId: 'b' } })
    expect(same.status).toBe(200)
  })

  it('PUT replaces the whole customer', async () => {
    const c = await api.create({ externalId: 'r', base: { firstName: 'A', lastName: 'B' }, tags: { manual: ['t'] } })
    clock = T0 + 1000
    const r = await api.call('PUT', `/customers/${c.id}`, {
      body: { id: c.id, nodeId: api.nodeId, base: { lastName: 'C' } }
    })
    expect(r.status).toBe(200)
    expect(r.body.base).toEqual({ ...EMPTY_BASE, lastName: 'C' })
    expect(r.body.externalId).toBeNull()
    expect(r.body.tags).toBeNull()
    expect(r.body.registeredAt).toBe(c.registeredAt)
    expect(r.body.updatedAt).toBe('2017-03-08T10:18:18.000+0000')
    const noNode = await api.call('PUT', `/customers/${c.id}`, { body: { base: {} } })
    expect(noNode.status).toBe(400)
    expect(noNode.body.errors[0].path).toBe('/nodeId')
    const otherId = await api.call('PUT', `/customers/${c.id}`, { body: { id: 'x', nodeId: api.nodeId } })
    expect(otherId.status).toBe(400)
  })

  it('DELETE answers 200 with an empty body, then 404', async () => {
    const c = await api.create({ externalId: 'gone' })
    const r = await api.call('DELETE', `/customers/${c.id}`)
    expect(r.status).toBe(200)
    expect(r.text).toBe('')
    expect((await api.call('GET', `/customers/${c.id}`)).status).toBe(404)
    expect((await api.call('DELETE', `/customers/${c.id}`)).status).toBe(404)
    expect((await api.call('POST', '/customers', { body: { nodeId: api.nodeId, externalId: 'gone' } })).status).toBe(
      201
    )
  })

  it('timestamps look like the live API', async () => {
    clock = Date.UTC(2019, 5, 14, 8, 21, 5, 118)
    const c = await api.create({})
    expect(c.registeredAt).toBe('2019-06-14T08:21:05.118+0000')
    expect(c.updatedAt).toMatch(WIRE_TIMESTAMP)
  })
})

describe('GET /customers', () => {
  const seed = async (n: number): Promise<Array<Json>> => {
    const out: Array<Json> = []
    for (let i = 0; i < n; i++) {
      clock = T0 + i * 1000
      out.push(
        await api.create({
          externalId: `x${i}`,
          base: { firstName: `F${String(i).padStart(2, '0')}`, lastName: i % 2 === 0 ? 'Even' : 'Odd' }
        })
      )
    }
    return out
  }

  it('requires nodeId', async () => {
    const r = await api.call('GET', '/customers')
    expect(r.status).toBe(400)
    expectApiError(r.body)
  })

  it('pages with the live page object; default size 10; past the end is empty', async () => {
    const all = await seed(23)
    const first = await api.list()
    expect(first.status).toBe(200)
    expect(first.body.page).toEqual({
      size: 10,
      totalElements: 23,
      totalUnfilteredElements: 23,
      totalPages: 3,
      number: 0
    })
    expect(first.body.elements.map((c: Json) => c.id)).toEqual(all.slice(0, 10).map((c) => c.id))
    const last = await api.list({ page: 2 })
    expect(last.body.elements.map((c: Json) => c.id)).toEqual(all.slice(20).map((c) => c.id))
    expect(last.body.page.number).toBe(2)
    const past = await api.list({ page: 7, size: 5 })
    expect(past.body.elements).toEqual([])
    expect(past.body.page).toEqual({
      size: 5,
      totalElements: 23,
      totalUnfilteredElements: 23,
      totalPages: 5,
      number: 7
    })
    const empty = await client(emulator).call('GET', '/customers', { query: { nodeId: 'other-node' } })
    expect(empty.body.page).toEqual({
      size: 10,
      totalElements: 0,
      totalUnfilteredElements: 0,
      totalPages: 0,
      number: 0
    })
  })

  it.each([
    ['page', '-1'],
    ['page', 'x'],
    ['size', '0'],
    ['size', '1.5']
  ])('answers 400 for %s=%s', async (name, value) => {
    const r = await api.list({ [name]: value })
    expect(r.status).toBe(400)
    expectApiError(r.body)
  })

  it('filters by externalId', async () => {
    const all = await seed(3)
    const r = await api.list({ externalId: 'x1' })
    expect(r.body.elements.map((c: Json) => c.id)).toEqual([all[1].id])
    expect(r.body.page.totalElements).toBe(1)
    expect((await api.list({ externalId: 'none' })).body.elements).toEqual([])
  })

  it('sorts by field, asc and desc, and 400s an unknown field', async () => {
    const all = await seed(4)
    const desc = await api.list({ sort: 'base.firstName,desc' })
    expect(desc.body.elements.map((c: Json) => c.id)).toEqual(all.map((c) => c.id).reverse())
    const asc = await api.list({ sort: 'base.firstName,asc' })
    expect(asc.body.elements.map((c: Json) => c.id)).toEqual(all.map((c) => c.id))
    const two = await api.list({ sort: ['base.lastName,asc', 'registeredAt,desc'] })
    expect(two.body.elements.map((c: Json) => c.base.firstName)).toEqual(['F02', 'F00', 'F03', 'F01'])
    const byTime = await api.list({ sort: 'registeredAt,desc' })
    expect(byTime.body.elements[0].id).toBe(all[3].id)
    expect((await api.list({ sort: 'base.nope,asc' })).status).toBe(400)
    expect((await api.list({ sort: 'base.firstName,sideways' })).status).toBe(400)
  })

  it('selects fields: the others come back null', async () => {
    await api.create({
      externalId: 'f',
      base: {
        firstName: 'A',
        lastName: 'B',
        contacts: { email: 'a@b.c', phone: '1' },
        jobs: [{ id: 'j', companyName: 'C', jobTitle: 'T' }]
      },
      tags: { manual: ['m'] }
    })
    const r = await api.list({ fields: 'base.firstName,base.contacts.email,base.jobs.companyName' })
    const c = r.body.elements[0]
    expect(c.base.firstName).toBe('A')
    expect(c.base.lastName).toBeNull()
    expect(c.base.contacts.email).toBe('a@b.c')
    expect(c.base.contacts.phone).toBeNull()
    expect(c.base.jobs).toEqual([
      {
        id: null,
        companyIndustry: null,
        companyName: 'C',
        jobTitle: null,
        startDate: null,
        endDate: null,
        isCurrent: null
      }
    ])
    expect(c.base.address).toBeNull()
    expect(c.tags).toBeNull()
    expect(c.externalId).toBeNull()
    expect(c.id).toEqual(expect.any(String))
    expect(c.registeredAt).toMatch(WIRE_TIMESTAMP)
    expect((await api.list({ fields: 'base.nope' })).status).toBe(400)
    const whole = await api.list({ fields: 'tags' })
    expect(whole.body.elements[0].tags).toEqual({ auto: [], manual: ['m'] })
    expect(whole.body.elements[0].base).toBeNull()
  })
})

describe('concurrency', () => {
  it('of 100 concurrent creates with one externalId, exactly one wins', async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        api.call('POST', '/customers', {
          body: { nodeId: api.nodeId, externalId: 'race', base: { firstName: `N${i}` } }
        })
      )
    )
    const statuses = results.map((r) => r.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(1)
    expect(statuses.filter((s) => s === 409)).toHaveLength(99)
    const winner = results.find((r) => r.status === 201)!.body.id
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.data.customer.id).toBe(winner)
    const list = await api.list({ externalId: 'race' })
    expect(list.body.page.totalElements).toBe(1)
  })

  it('loses nothing under many concurrent creates and patches', async () => {
    const created = await Promise.all(Array.from({ length: 60 }, (_, i) => api.create({ externalId: `k${i}` })))
    expect(new Set(created.map((c) => c.id)).size).toBe(60)
    await Promise.all(
      created.map((c, i) => api.call('PATCH', `/customers/${c.id}`, { body: { base: { firstName: `P${i}` } } }))
    )
    const all = await api.list({ size: 100 })
    expect(all.body.page.totalElements).toBe(60)
    expect(new Set(all.body.elements.map((c: Json) => c.base.firstName)).size).toBe(60)
  })
})
