import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index'
import { client, expectApiError, WIRE_TIMESTAMP, type Json } from './helpers'

let emulator: Emulator
let api: ReturnType<typeof client>
let customer: Json

beforeAll(async () => {
  emulator = await startEmulator({ now: () => Date.UTC(2020, 0, 1) })
  api = client(emulator)
})
afterAll(() => emulator.close())
beforeEach(async () => {
  emulator.reset()
  customer = await api.create({ externalId: 'ev' })
})

const event = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'viewedPage',
  context: 'WEB',
  properties: { url: 'https://example.com' },
  customerId: customer.id,
  ...over
})

const post = (body: unknown) => api.call('POST', '/events', { body })
const list = (query: Record<string, string | number> = {}) =>
  api.call('GET', '/events', { query: { customerId: customer.id, ...query } })

describe('POST /events', () => {
  it('answers 202 with the id; GET /events/{id} shows the live shape', async () => {
    const r = await post(event({ date: '2019-06-14T08:21:05.118Z', contextInfo: { client: { ip: '1.2.3.4' } } }))
    expect(r.status).toBe(202)
    expect(r.body).toEqual({ id: expect.any(String) })
    const got = await api.call('GET', `/events/${r.body.id}`)
    expect(got.status).toBe(200)
    expect(got.body).toEqual({
      id: r.body.id,
      customerId: customer.id,
      bringBackProperties: null,
      type: 'viewedPage',
      context: 'WEB',
      date: '2019-06-14T08:21:05.118+0000',
      properties: { url: 'https://example.com' },
      contextInfo: { client: { ip: '1.2.3.4' } },
      tracking: null,
      registeredAt: '2020-01-01T00:00:00.000+0000'
    })
  })

  it('dates an event without date at its arrival', async () => {
    const r = await post(event())
    const got = await api.call('GET', `/events/${r.body.id}`)
    expect(got.body.date).toBe('2020-01-01T00:00:00.000+0000')
    expect(got.body.registeredAt).toMatch(WIRE_TIMESTAMP)
  })

  it.each([
    ['no type', { type: undefined }, '/type'],
    ['unknown type', { type: 'flew' }, '/type'],
    ['no context', { context: undefined }, '/context'],
    ['unknown context', { context: 'MARS' }, '/context'],
    ['no properties', { properties: undefined }, '/properties'],
    ['properties not an object', { properties: [] }, '/properties'],
    ['no customer', { customerId: undefined }, '/customerId'],
    ['bad date', { date: 'yesterday' }, '/date'],
    ['impossible date', { date: '2019-02-30T10:00:00Z' }, '/date'],
    [
      'bad bring-back type',
      { customerId: undefined, bringBackProperties: { type: 'EMAIL', value: 'x', nodeId: 'n' } },
      '/bringBackProperties/type'
    ],
    [
      'bring-back without nodeId',
      { customerId: undefined, bringBackProperties: { type: 'SESSION_ID', value: 'x' } },
      '/bringBackProperties/nodeId'
    ],
    ['unknown property', { colour: 'red' }, '/colour']
  ])('answers 400 for %s', async (_name, over, path) => {
    const body = JSON.parse(JSON.stringify(event(over)))
    const r = await post(body)
    expect(r.status).toBe(400)
    expectApiError(r.body)
    expect(r.body.errors.map((e: Json) => e.path)).toContain(path)
  })

  it('answers 400 for malformed JSON', async () => {
    const r = await api.call('POST', '/events', { raw: '{"type":' })
    expect(r.status).toBe(400)
    expectApiError(r.body)
  })
})

describe('bring-back properties', () => {
  it('EXTERNAL_ID attaches the event to the customer of that node', async () => {
    const r = await post(
      event({ customerId: undefined, bringBackProperties: { type: 'EXTERNAL_ID', value: 'ev', nodeId: api.nodeId } })
    )
    expect(r.status).toBe(202)
    const got = await api.call('GET', `/events/${r.body.id}`)
    expect(got.body.customerId).toBe(customer.id)
    expect(got.body.bringBackProperties).toEqual({ type: 'EXTERNAL_ID', value: 'ev', nodeId: api.nodeId })
    expect((await list()).body.elements.map((e: Json) => e.id)).toEqual([r.body.id])
  })

  it('SESSION_ID attaches to the session owner, also when the session is linked later', async () => {
    await api.call('POST', `/customers/${customer.id}/sessions`, { body: { value: 'known' } })
    const before = await post(
      event({ customerId: undefined, bringBackProperties: { type: 'SESSION_ID', value: 'known', nodeId: api.nodeId } })
    )
    const early = await post(
      event({
        customerId: undefined,
        type: 'loggedIn',
        properties: {},
        bringBackProperties: { type: 'SESSION_ID', value: 'later', nodeId: api.nodeId }
      })
    )
    expect(early.status).toBe(202)
    const pending = await api.call('GET', `/events/${early.body.id}`)
    expect(pending.body.customerId).toBeNull()
    expect((await list()).body.elements.map((e: Json) => e.id)).toEqual([before.body.id])

    const other = await api.create({})
    await api.call('POST', `/customers/${other.id}/sessions`, { body: { value: 'later' } })
    const attached = await api.call('GET', `/events/${early.body.id}`)
    expect(attached.body.customerId).toBe(other.id)
    const theirs = await api.call('GET', '/events', { query: { customerId: other.id } })
    expect(theirs.body.elements.map((e: Json) => e.id)).toEqual([early.body.id])
  })

  it('EXTERNAL_ID also attaches when the customer is created later', async () => {
    const r = await post(
      event({
        customerId: undefined,
        bringBackProperties: { type: 'EXTERNAL_ID', value: 'future', nodeId: api.nodeId }
      })
    )
    const c = await api.create({ externalId: 'future' })
    expect((await api.call('GET', `/events/${r.body.id}`)).body.customerId).toBe(c.id)
  })
})

describe('GET /events', () => {
  const seed = async (): Promise<Array<string>> => {
    const specs: Array<Record<string, unknown>> = [
      { type: 'viewedPage', context: 'WEB', date: '2019-01-01T00:00:00Z' },
      { type: 'campaignSent', context: 'DIGITAL_CAMPAIGN', date: '2019-01-02T00:00:00Z', properties: {} },
      { type: 'completedOrder', context: 'ECOMMERCE', date: '2019-01-03T00:00:00Z', properties: {} },
      { type: 'viewedPage', context: 'MOBILE', date: '2019-01-04T00:00:00Z' },
      { type: 'repliedTicket', context: 'CONTACT_CENTER', date: '2019-01-05T00:00:00Z', properties: {} }
    ]
    const ids: Array<string> = []
    for (const s of specs) ids.push((await post(event(s))).body.id)
    const other = await api.create({})
    await post(event({ customerId: other.id }))
    return ids
  }

  it("lists a customer's events, newest first, with the live page object", async () => {
    const ids = await seed()
    const r = await list()
    expect(r.status).toBe(200)
    expect(r.body.elements.map((e: Json) => e.id)).toEqual([...ids].reverse())
    expect(r.body.page).toEqual({ size: 10, totalElements: 5, totalUnfilteredElements: 5, totalPages: 1, number: 0 })
  })

  it('filters by type, context, mode, dateFrom and dateTo', async () => {
    const ids = await seed()
    const ids_ = (r: Json): Array<string> => r.body.elements.map((e: Json) => e.id)
    expect(ids_(await list({ type: 'viewedPage' }))).toEqual([ids[3], ids[0]])
    expect(ids_(await list({ type: 'viewedPage,completedOrder' }))).toEqual([ids[3], ids[2], ids[0]])
    expect(ids_(await list({ context: 'ECOMMERCE' }))).toEqual([ids[2]])
    expect(ids_(await list({ mode: 'PASSIVE' }))).toEqual([ids[4], ids[1]])
    expect(ids_(await list({ mode: 'ACTIVE' }))).toEqual([ids[3], ids[2], ids[0]])
    expect(ids_(await list({ dateFrom: '2019-01-02T00:00:00.000+0000', dateTo: '2019-01-04T00:00:00Z' }))).toEqual([
      ids[3],
      ids[2],
      ids[1]
    ])
    const filtered = await list({ type: 'viewedPage' })
    expect(filtered.body.page.totalElements).toBe(2)
    expect(filtered.body.page.totalUnfilteredElements).toBe(5)
  })

  it('pages, past the end too', async () => {
    const ids = await seed()
    const p1 = await list({ size: 2, page: 1 })
    expect(p1.body.elements.map((e: Json) => e.id)).toEqual([ids[2], ids[1]])
    expect(p1.body.page).toEqual({ size: 2, totalElements: 5, totalUnfilteredElements: 5, totalPages: 3, number: 1 })
    const past = await list({ size: 2, page: 9 })
    expect(past.body.elements).toEqual([])
  })

  it.each([
    ['no customerId', { customerId: '' }],
    ['bad mode', { mode: 'SLEEPY' }],
    ['bad dateFrom', { dateFrom: 'last week' }],
    ['bad dateTo', { dateTo: '2019-13-01' }],
    ['bad size', { size: -1 }]
  ])('answers 400 for %s', async (_name, query) => {
    const r = await list(query)
    expect(r.status).toBe(400)
    expectApiError(r.body)
  })
})

describe('GET, PUT and DELETE /events/{id}', () => {
  it('deletes with 204, then 404', async () => {
    const r = await post(event())
    const del = await api.call('DELETE', `/events/${r.body.id}`)
    expect(del.status).toBe(204)
    expect(del.text).toBe('')
    expect((await api.call('GET', `/events/${r.body.id}`)).status).toBe(404)
    const again = await api.call('DELETE', `/events/${r.body.id}`)
    expect(again.status).toBe(404)
    expectApiError(again.body)
  })

  it('replaces an event with PUT (202)', async () => {
    const r = await post(event())
    const put = await api.call('PUT', `/events/${r.body.id}`, { body: event({ type: 'loggedIn', properties: {} }) })
    expect(put.status).toBe(202)
    expect((await api.call('GET', `/events/${r.body.id}`)).body.type).toBe('loggedIn')
    expect((await api.call('PUT', '/events/nope', { body: event() })).status).toBe(404)
  })
})
