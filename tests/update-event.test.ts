// updateEvent on the wire: PUT /events/{id} with the body addEvent sends plus the id (Swagger 1.39's PutEvent, whose
// registeredAt/updatedAt are the server's), 202 -> void; an id in the input must be the path's; refusals send nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import * as E from '#fp-ts/Either'
import type { Context } from '../src/context'
import { updateEvent } from '../src/events'
import type { EventInput } from '../src/codecs/event'
import { expectLeft } from './helpers/fixtures'
import { startRecorder, type Recorder } from './helpers/recorder'

const NOW = Date.UTC(2024, 2, 10, 12, 30, 45, 123)

let rec: Recorder
let ctx: Context

beforeAll(async () => {
  rec = await startRecorder()
  ctx = { ...rec.ctx, clock: { now: () => NOW } }
})
afterAll(() => rec.close())
beforeEach(() => rec.reset())

const order: EventInput = {
  type: 'completedOrder',
  context: 'ECOMMERCE',
  customerId: 'cu-1',
  date: new Date('2024-01-02T08:00:00Z'),
  properties: { orderId: 'o-1' },
  tracking: { ga: { utm_source: 'newsletter' } }
}

describe('updateEvent', () => {
  it('PUTs /events/{id} with the event as addEvent sends it and the id; a 202 with no body is success', async () => {
    rec.reply({ status: 202 })
    expect(await updateEvent(ctx, 'e1', order)()).toEqual(E.right(undefined))
    expect(rec.requests.map(({ method, path, query, body }) => ({ method, path, query, body }))).toEqual([
      {
        method: 'PUT',
        path: '/workspaces/w/events/e1',
        query: {},
        body: {
          type: 'completedOrder',
          context: 'ECOMMERCE',
          customerId: 'cu-1',
          properties: { orderId: 'o-1' },
          tracking: { ga: { utm_source: 'newsletter' } },
          date: '2024-01-02T08:00:00.000Z',
          id: 'e1'
        }
      }
    ])
  })

  it('sends an external id as bringBackProperties of the node and dates an undated event now, as addEvent does', async () => {
    rec.reply({ status: 202, body: { id: 'e1' } })
    expect(
      await updateEvent(ctx, 'e1', { type: 'viewedPage', context: 'WEB', externalId: 'x-1', id: 'e1' } as EventInput)()
    ).toEqual(E.right(undefined))
    expect(rec.requests[0]?.body).toEqual({
      type: 'viewedPage',
      context: 'WEB',
      bringBackProperties: { type: 'EXTERNAL_ID', value: 'x-1', nodeId: 'n' },
      properties: {},
      date: '2024-03-10T12:30:45.123Z',
      id: 'e1'
    })
  })

  it("refuses an id in the event that is not the path's, and sends nothing", async () => {
    const result = await updateEvent(ctx, 'e1', { ...order, id: 'e2' } as EventInput)()
    expect(expectLeft(result)).toEqual({
      _tag: 'InvalidInput',
      message: "updateEvent: the event's id must be the path's id."
    })
    expect(rec.requests).toEqual([])
  })

  it('refuses an invalid event, or a bad path id, and sends nothing', async () => {
    expect(expectLeft(await updateEvent(ctx, 'e1', { type: 'viewedPage', context: 'WEB' } as EventInput)())).toEqual({
      _tag: 'InvalidInput',
      message: 'updateEvent: the event must name its customer with customerId, sessionId or externalId.'
    })
    expect(expectLeft(await updateEvent(ctx, '', order)())._tag).toBe('InvalidInput')
    expect(expectLeft(await updateEvent(ctx, 'e1', null as never)())).toEqual({
      _tag: 'InvalidInput',
      message: 'updateEvent: the event must be an object.'
    })
    expect(rec.requests).toEqual([])
  })

  it('a 404 is an HttpError naming the operation and the path', async () => {
    rec.reply({ status: 404, body: { message: 'Not Found' } })
    const error = expectLeft(await updateEvent(ctx, 'e1', order)())
    expect(error).toMatchObject({ _tag: 'HttpError', status: 404, method: 'PUT', path: '/workspaces/w/events/e1' })
    expect(error.message).toContain('updateEvent')
  })
})
