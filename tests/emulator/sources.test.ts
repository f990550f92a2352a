// Customer sources over raw HTTP: one source per node that wrote the customer (its id is the node's id), holding
// what that node sent: a create or a replace sets it, a merge and a sub-entity change merge into it. Every answer
// decodes with the client's codecs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { SourceCustomer, SourceCustomerList } from '../../src/codecs/source'
import { startEmulator, type Emulator } from '../../src/emulator/index'
import { client, decoded, counterIds, expectApiError, WIRE_TIMESTAMP } from './helpers'

let emulator: Emulator
let api: ReturnType<typeof client>
let clock = Date.UTC(2024, 0, 1)

beforeAll(async () => {
  emulator = await startEmulator({
    workspaceId: 'ws',
    nodeId: 'shop',
    nodes: ['crm'],
    token: 'secret',
    uuid: counterIds(),
    now: () => clock
  })
  api = client(emulator)
})
afterAll(() => emulator.close())
beforeEach(() => {
  emulator.reset()
  clock = Date.UTC(2024, 0, 1)
})

const sources = async (customerId: string) => {
  const r = await api.call('GET', `/customers/${customerId}/sources`)
  expect(r.status, r.text).toBe(200)
  return decoded(SourceCustomerList, r.body).elements
}

describe('GET /customers/{id}/sources', () => {
  it('a created customer has one source: its node, with what it sent, in the live shape', async () => {
    const c = await api.create({
      externalId: 'c-1',
      base: { firstName: 'Ada', lastName: null },
      tags: { manual: ['vip'] },
      extra: 'x'
    })
    const r = await api.call('GET', `/customers/${c.id}/sources`)
    expect(r.status).toBe(200)
    const [raw] = r.body.elements
    expect(Object.keys(raw).sort()).toEqual(
      [
        'id',
        'externalId',
        'nodeId',
        'base',
        'extended',
        'extra',
        'consents',
        'tags',
        'registeredAt',
        'updatedAt',
        'enabled'
      ].sort()
    )
    expect(raw).toMatchObject({
      id: 'shop',
      nodeId: 'shop',
      externalId: 'c-1',
      extra: 'x',
      extended: null,
      consents: null,
      tags: { auto: [], manual: ['vip'] },
      enabled: true
    })
    expect(raw.base.firstName).toBe('Ada')
    expect(raw.base.lastName).toBeNull()
    expect(raw.registeredAt).toMatch(WIRE_TIMESTAMP)
    const [s] = decoded(SourceCustomerList, r.body).elements
    expect(s?.registeredAt).toBe('2024-01-01T00:00:00.000Z')
    expect(s?.base?.firstName).toBe('Ada')
  })

  it('a merge is merged into the source of the customer’s node; a replace from another node adds its source', async () => {
    const c = await api.create({ externalId: 'c-1', base: { firstName: 'Ada', lastName: 'Lovelace' } })
    clock += 1000
    const patched = await api.call('PATCH', `/customers/${c.id}`, { body: { base: { firstName: 'Augusta' } } })
    expect(patched.status).toBe(200)
    const [shop] = await sources(c.id)
    expect(shop?.base).toMatchObject({ firstName: 'Augusta', lastName: 'Lovelace' })
    expect(shop?.updatedAt).toBe('2024-01-01T00:00:01.000Z')
    expect(shop?.registeredAt).toBe('2024-01-01T00:00:00.000Z')

    clock += 1000
    const put = await api.call('PUT', `/customers/${c.id}`, {
      body: { id: c.id, nodeId: 'crm', externalId: 'crm-1', base: { lastName: 'King' } }
    })
    expect(put.status).toBe(200)
    const both = await sources(c.id)
    expect(both.map((s) => s.id)).toEqual(['shop', 'crm'])
    // each keeps what its node sent
    expect(both[0]?.base).toMatchObject({ firstName: 'Augusta', lastName: 'Lovelace' })
    expect(both[0]?.externalId).toBe('c-1')
    expect(both[1]?.base).toMatchObject({ firstName: null, lastName: 'King' })
    expect(both[1]?.externalId).toBe('crm-1')
    expect(both[1]?.registeredAt).toBe('2024-01-01T00:00:02.000Z')
  })

  it('a sub-entity change reaches the source of the customer’s node', async () => {
    const c = await api.create({ base: { firstName: 'Ada' } })
    const job = await api.call('POST', `/customers/${c.id}/jobs`, { body: { id: 'j1', companyName: 'Acme' } })
    expect(job.status).toBe(200)
    const [s] = await sources(c.id)
    expect(s?.base?.jobs?.map((j) => j.companyName)).toEqual(['Acme'])
    expect(s?.base?.firstName).toBe('Ada')
  })

  it('answers 404 for an unknown customer', async () => {
    const r = await api.call('GET', '/customers/ghost/sources')
    expect(r.status).toBe(404)
    expectApiError(r.body)
    expect(r.body.message).toBe('Customer not found: ghost')
  })
})

describe('GET /customers/{id}/sources/{sourceId}', () => {
  it('answers one source by its id (the node id), 404 for another', async () => {
    const c = await api.create({ externalId: 'c-1' })
    const r = await api.call('GET', `/customers/${c.id}/sources/shop`)
    expect(r.status).toBe(200)
    const s = decoded(SourceCustomer, r.body)
    expect(s).toMatchObject({ id: 'shop', nodeId: 'shop', externalId: 'c-1' })
    const crm = await api.call('GET', `/customers/${c.id}/sources/crm`)
    expect(crm.status).toBe(404)
    expectApiError(crm.body)
    expect(crm.body.message).toBe('Source not found: crm')
    expect((await api.call('GET', '/customers/ghost/sources/shop')).status).toBe(404)
  })

  it('the sources go with the customer', async () => {
    const c = await api.create({})
    expect((await api.call('DELETE', `/customers/${c.id}`)).status).toBe(200)
    expect((await api.call('GET', `/customers/${c.id}/sources/shop`)).status).toBe(404)
  })
})
