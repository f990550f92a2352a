// PUT /events/{id}: the stored event is replaced by a body validated like a new one (202), its registration time
// kept; an invalid body changes nothing; an unknown id is a 404. The event read back decodes with the client codec.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import * as E from '#fp-ts/Either'
import { EventCodec } from '../../src/codecs/event'
import { decodeWith } from '../../src/decode'
import { startEmulator, type Emulator } from '../../src/emulator/index'
import { client, counterIds, expectApiError, type Json } from './helpers'

let emulator: Emulator
let api: ReturnType<typeof client>
let customer: Json
let clock = Date.UTC(2024, 0, 1)

beforeAll(async () => {
  emulator = await startEmulator({ workspaceId: 'ws', nodeId: 'node', uuid: counterIds(), now: () => clock })
  api = client(emulator)
})
afterAll(() => emulator.close())
beforeEach(async () => {
  emulator.reset()
  clock = Date.UTC(2024, 0, 1)
  customer = await api.create({ externalId: 'ev' })
})

const event = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'viewedPage',
  context: 'WEB',
  properties: { url: 'https://example.com' },
  customerId: customer.id,
  date: '2024-01-01T10:00:00.000Z',
  ...over
})

const read = async (id: string) => {
  const r = await api.call('GET', `/events/${id}`)
  expect(r.status).toBe(200)
  const d = decodeWith(EventCodec)(r.body)
  if (E.isLeft(d)) throw new Error(d.left.join('; '))
  return d.right
}

describe('PUT /events/{id}', () => {
  it('replaces every field the body sets, keeps registeredAt, answers 202 with the id', async () => {
    const posted = await api.call('POST', '/events', { body: event({ tracking: { ga: 'x' } }) })
    const id: string = posted.body.id
    clock += 60_000
    const put = await api.call('PUT', `/events/${id}`, {
      body: event({ type: 'searched', context: 'MOBILE', properties: { keyword: 'shoes' }, date: '2024-01-02' })
    })
    expect(put.status).toBe(202)
    expect(put.body).toEqual({ id })
    const e = await read(id)
    expect(e).toMatchObject({
      id,
      type: 'searched',
      context: 'MOBILE',
      properties: { keyword: 'shoes' },
      date: '2024-01-02T00:00:00.000Z',
      registeredAt: '2024-01-01T00:00:00.000Z',
      tracking: null
    })
  })

  it.each([
    ['no type', { type: undefined }, '/type'],
    ['an unknown context', { context: 'MARS' }, '/context'],
    ['a bad date', { date: 'yesterday' }, '/date'],
    ['neither customerId nor bringBackProperties', { customerId: undefined }, '/customerId']
  ])('validates like a new event: %s is a 400 and changes nothing', async (_name, over, path) => {
    const posted = await api.call('POST', '/events', { body: event() })
    const id: string = posted.body.id
    const body = JSON.parse(JSON.stringify(event(over)))
    // the same body is refused by POST too
    expect((await api.call('POST', '/events', { body })).status).toBe(400)
    const r = await api.call('PUT', `/events/${id}`, { body })
    expect(r.status).toBe(400)
    expectApiError(r.body)
    expect(r.body.errors.map((e: Json) => e.path)).toContain(path)
    expect((await read(id)).type).toBe('viewedPage')
  })

  it('answers 404 for an unknown id, even with a valid body', async () => {
    const r = await api.call('PUT', '/events/ghost', { body: event() })
    expect(r.status).toBe(404)
    expectApiError(r.body)
    expect(r.body.message).toBe('Event not found: ghost')
  })
})
