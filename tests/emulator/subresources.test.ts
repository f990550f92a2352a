import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index'
import { client, expectApiError, type Json } from './helpers'

let emulator: Emulator
let api: ReturnType<typeof client>
let customer: Json

beforeAll(async () => {
  emulator = await startEmulator()
  api = client(emulator)
})
afterAll(() => emulator.close())
beforeEach(async () => {
  emulator.reset()
  customer = await api.create({ externalId: 'sub' })
})

describe('sessions', () => {
  it('POST 201 {id, value}, GET list {elements}, GET one, DELETE', async () => {
    const created = await api.call('POST', `/customers/${customer.id}/sessions`, { body: { value: 'sess-1' } })
    expect(created.status).toBe(201)
    expect(created.body).toEqual({ id: expect.any(String), value: 'sess-1' })
    await api.call('POST', `/customers/${customer.id}/sessions`, { body: { value: 'sess-2' } })
    const list = await api.call('GET', `/customers/${customer.id}/sessions`)
    expect(list.status).toBe(200)
    expect(list.body.elements.map((s: Json) => s.value)).toEqual(['sess-1', 'sess-2'])
    const one = await api.call('GET', `/customers/${customer.id}/sessions/${created.body.id}`)
    expect(one.status).toBe(200)
    expect(one.body).toEqual(created.body)
    const del = await api.call('DELETE', `/customers/${customer.id}/sessions/${created.body.id}`)
    expect(del.status).toBe(200)
    expect((await api.call('GET', `/customers/${customer.id}/sessions/${created.body.id}`)).status).toBe(404)
    expect((await api.call('GET', `/customers/${customer.id}/sessions`)).body.elements).toHaveLength(1)
  })

  it('validates the body and the customer', async () => {
    const bad = await api.call('POST', `/customers/${customer.id}/sessions`, { body: { value: 3 } })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].path).toBe('/value')
    const none = await api.call('POST', `/customers/${customer.id}/sessions`, { body: {} })
    expect(none.status).toBe(400)
    expect(none.body.errors[0].path).toBe('/value')
    const missing = await api.call('POST', '/customers/nope/sessions', { body: { value: 'x' } })
    expect(missing.status).toBe(404)
    expectApiError(missing.body)
  })

  it('moves a session value to the customer that links it last', async () => {
    const other = await api.create({})
    await api.call('POST', `/customers/${customer.id}/sessions`, { body: { value: 'shared' } })
    await api.call('POST', `/customers/${other.id}/sessions`, { body: { value: 'shared' } })
    expect((await api.call('GET', `/customers/${customer.id}/sessions`)).body.elements).toEqual([])
    expect((await api.call('GET', `/customers/${other.id}/sessions`)).body.elements).toHaveLength(1)
  })
})

const SAMPLES = {
  jobs: {
    post: 200,
    item: {
      companyIndustry: 'IT',
      companyName: 'Acme',
      jobTitle: 'Dev',
      startDate: '2010-01-01',
      endDate: '2012-12-31',
      isCurrent: false
    },
    change: { jobTitle: 'Lead', isCurrent: true },
    bad: [{ startDate: 'yesterday' }, '/startDate']
  },
  likes: {
    post: 200,
    item: { category: 'Books', name: 'Dune', createdTime: '2017-03-08T10:18:17.000+0000' },
    change: { name: 'Emma' },
    bad: [{ name: 3 }, '/name']
  },
  educations: {
    post: 200,
    item: {
      schoolType: 'COLLEGE',
      schoolName: 'Poli',
      schoolConcentration: 'CS',
      startYear: 1994,
      endYear: 2000,
      isCurrent: false
    },
    change: { isCurrent: true },
    bad: [{ schoolType: 'KINDERGARTEN' }, '/schoolType']
  },
  subscriptions: {
    post: 201,
    item: {
      name: 'News',
      type: 'newsletter',
      kind: 'DIGITAL_MESSAGE',
      subscribed: true,
      preferences: [{ key: 'k', value: 'v' }]
    },
    change: { subscribed: false },
    bad: [{ startYear: 1, subscribed: 'yes' }, '/subscribed']
  }
} as const

describe.each(Object.entries(SAMPLES))('%s', (entity, sample) => {
  it('POST with a server id, GET, PUT, DELETE, and they show in base', async () => {
    const created = await api.call('POST', `/customers/${customer.id}/${entity}`, { body: sample.item })
    expect(created.status).toBe(sample.post)
    expect(created.body).toMatchObject({ ...sample.item, id: expect.any(String) })
    const id = created.body.id as string
    const got = await api.call('GET', `/customers/${customer.id}/${entity}/${id}`)
    expect(got.status).toBe(200)
    expect(got.body).toEqual(created.body)
    const c1 = (await api.call('GET', `/customers/${customer.id}`)).body
    expect(c1.base[entity]).toEqual([created.body])
    const listed = await api.call('GET', `/customers/${customer.id}/${entity}`)
    expect(listed.body).toEqual({ elements: [created.body] })

    const put = await api.call('PUT', `/customers/${customer.id}/${entity}/${id}`, {
      body: { ...sample.item, ...sample.change }
    })
    expect(put.status).toBe(200)
    expect(put.body).toMatchObject({ ...sample.change, id })
    expect((await api.call('GET', `/customers/${customer.id}`)).body.base[entity]).toEqual([put.body])

    const del = await api.call('DELETE', `/customers/${customer.id}/${entity}/${id}`)
    expect(del.status).toBe(200)
    expect((await api.call('GET', `/customers/${customer.id}/${entity}/${id}`)).status).toBe(404)
    expect((await api.call('GET', `/customers/${customer.id}`)).body.base[entity]).toEqual([])
  })

  it('POST keeps a client-chosen id, and refuses it twice', async () => {
    const created = await api.call('POST', `/customers/${customer.id}/${entity}`, {
      body: { ...sample.item, id: 'mine' }
    })
    expect(created.status).toBe(sample.post)
    expect(created.body.id).toBe('mine')
    const again = await api.call('POST', `/customers/${customer.id}/${entity}`, {
      body: { ...sample.item, id: 'mine' }
    })
    expect(again.status).toBe(409)
    expectApiError(again.body)
  })

  it('renders unset properties as null', async () => {
    const created = await api.call('POST', `/customers/${customer.id}/${entity}`, { body: {} })
    expect(created.status).toBe(sample.post)
    for (const k of Object.keys(sample.item)) {
      expect(created.body[k]).toEqual(k === 'preferences' ? [] : null)
    }
  })

  it('answers 400 with a path, and 404 for an unknown customer or item', async () => {
    const [body, path] = sample.bad
    const bad = await api.call('POST', `/customers/${customer.id}/${entity}`, { body })
    expect(bad.status).toBe(400)
    expect(bad.body.errors.map((e: Json) => e.path)).toContain(path)
    expect((await api.call('POST', `/customers/${customer.id}/${entity}`, { raw: '[' })).status).toBe(400)
    expect((await api.call('POST', `/customers/nope/${entity}`, { body: sample.item })).status).toBe(404)
    expect((await api.call('GET', `/customers/${customer.id}/${entity}/nope`)).status).toBe(404)
    expect((await api.call('PUT', `/customers/${customer.id}/${entity}/nope`, { body: sample.item })).status).toBe(404)
    expect((await api.call('DELETE', `/customers/${customer.id}/${entity}/nope`)).status).toBe(404)
  })
})
