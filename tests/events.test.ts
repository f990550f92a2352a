import { beforeAll, describe, expect, it, vi } from 'vitest'
import * as E from '#fp-ts/Either'
import type { Context } from '../src/context'
import type { ContacthubError } from '../src/error'
import { addEvent, deleteEvent, getEvent, getEvents } from '../src/events'
import type { Event, EventInput } from '../src/codecs/event'
import { hasNextPage, hasPreviousPage, nextPage, pages, previousPage, type Paginated } from '../src/pagination'
import { expectLeft, expectRight, nth } from './helpers/either'
import { replyWith, useRecorder, type Canned, type Recorded } from './helpers/recorder'

const NOW = Date.UTC(2024, 2, 10, 12, 30, 45, 123)
const NOW_ISO = '2024-03-10T12:30:45.123Z'

// Unscripted requests are answered 204.
const server = useRecorder(replyWith(() => ({ status: 204 })))
let ctx: Context

beforeAll(() => {
  ctx = {
    workspaceId: 'w',
    nodeId: 'n',
    token: 'secret-token',
    baseUrl: server.url,
    retry: false,
    clock: { now: () => NOW }
  }
})

/** What the event tests look at in each recorded request. */
const seen = () =>
  server.requests.map(({ method, path, query, body, headers }) => ({
    method,
    path,
    query,
    body,
    authorization: headers.authorization
  }))

const wireEvent = (id: string, n = 0) => ({
  id,
  customerId: 'cu-1',
  bringBackProperties: null,
  type: 'completedOrder',
  context: 'ECOMMERCE',
  date: `2024-01-0${1 + (n % 9)}T08:00:00.000+0000`,
  properties: { orderId: `o-${n}` },
  contextInfo: {},
  registeredAt: '2024-01-10T08:00:00.500+0000',
  tracking: null
})

describe('addEvent', () => {
  it('POSTs the event for a customer id, dated now by the context clock; a 202 with no body is success', async () => {
    server.respond(() => ({ status: 202 }))
    const result = await addEvent(ctx, {
      type: 'viewedPage',
      context: 'WEB',
      customerId: 'cu-1',
      properties: { url: 'https://example.com/', title: 'Home' }
    })()
    expect(result).toEqual(E.right(undefined))
    expect(seen()).toEqual([
      {
        method: 'POST',
        path: '/workspaces/w/events',
        query: {},
        body: {
          type: 'viewedPage',
          context: 'WEB',
          customerId: 'cu-1',
          properties: { url: 'https://example.com/', title: 'Home' },
          date: NOW_ISO
        },
        authorization: 'Bearer secret-token'
      }
    ])
  })

  it('takes a 202 with {id} as success too', async () => {
    server.respond(() => ({ status: 202, body: { id: 'ev-9' } }))
    expect(await addEvent(ctx, { type: 'loggedIn', context: 'WEB', customerId: 'cu-1' })()).toEqual(E.right(undefined))
    expect(nth(server.requests, 0).body).toEqual({
      type: 'loggedIn',
      context: 'WEB',
      customerId: 'cu-1',
      properties: {},
      date: NOW_ISO
    })
  })

  it('turns sessionId and externalId into bringBackProperties in the context node', async () => {
    server.respond(() => ({ status: 202 }))
    expectRight(await addEvent(ctx, { type: 'viewedProduct', context: 'WEB', sessionId: 'sess-1' })())
    expectRight(await addEvent(ctx, { type: 'viewedProduct', context: 'WEB', externalId: 'ext-1' })())
    expectRight(
      await addEvent(ctx, { type: 'viewedProduct', context: 'WEB', customerId: 'cu-1', sessionId: 'sess-2' })()
    )
    expect(server.requests.map((r) => r.body)).toEqual([
      {
        type: 'viewedProduct',
        context: 'WEB',
        bringBackProperties: { type: 'SESSION_ID', value: 'sess-1', nodeId: 'n' },
        properties: {},
        date: NOW_ISO
      },
      {
        type: 'viewedProduct',
        context: 'WEB',
        bringBackProperties: { type: 'EXTERNAL_ID', value: 'ext-1', nodeId: 'n' },
        properties: {},
        date: NOW_ISO
      },
      {
        type: 'viewedProduct',
        context: 'WEB',
        customerId: 'cu-1',
        bringBackProperties: { type: 'SESSION_ID', value: 'sess-2', nodeId: 'n' },
        properties: {},
        date: NOW_ISO
      }
    ])
    expect(server.requests.every((r) => r.method === 'POST' && r.path === '/workspaces/w/events')).toBe(true)
  })

  it('sends a given date as an ISO date-time, with contextInfo and tracking', async () => {
    server.respond(() => ({ status: 202 }))
    expectRight(
      await addEvent(ctx, {
        type: 'completedOrder',
        context: 'ECOMMERCE',
        customerId: 'cu-1',
        date: new Date(Date.UTC(2023, 0, 2, 3, 4, 5)),
        properties: { orderId: 'o-1' },
        contextInfo: { store: { id: 's-1' } },
        tracking: { ga: { utm_source: 'newsletter' } }
      })()
    )
    expectRight(
      await addEvent(ctx, {
        type: 'loggedIn',
        context: 'WEB',
        customerId: 'cu-1',
        date: '2023-01-02T03:04:05.000+0000'
      })()
    )
    expect(nth(server.requests, 0).body).toEqual({
      type: 'completedOrder',
      context: 'ECOMMERCE',
      customerId: 'cu-1',
      properties: { orderId: 'o-1' },
      contextInfo: { store: { id: 's-1' } },
      tracking: { ga: { utm_source: 'newsletter' } },
      date: '2023-01-02T03:04:05.000Z'
    })
    expect((nth(server.requests, 1).body as { date: string }).date).toBe('2023-01-02T03:04:05.000Z')
  })

  it('falls back to the system clock when the context has none', async () => {
    server.respond(() => ({ status: 202 }))
    const { clock: _clock, ...noClock } = ctx
    vi.useFakeTimers({ toFake: ['Date'] }) // only Date: the system clock reads a fixed time
    vi.setSystemTime(Date.UTC(2021, 5, 7, 8, 9, 10, 11))
    try {
      expectRight(await addEvent(noClock, { type: 'loggedIn', context: 'WEB', customerId: 'cu-1' })())
    } finally {
      vi.useRealTimers()
    }
    expect((nth(server.requests, 0).body as { date: string }).date).toBe('2021-06-07T08:09:10.011Z')
  })

  it('refuses an event that names no customer, or is malformed, and sends nothing', async () => {
    const bad: ReadonlyArray<unknown> = [
      { type: 'loggedIn', context: 'WEB' },
      { type: 'loggedIn', context: 'WEB', customerId: '' },
      { type: 'loggedIn', context: 'WEB', sessionId: 's', externalId: 'x' },
      { type: 'loggedIn', context: 'WEB', customerId: 42 },
      { type: '', context: 'WEB', customerId: 'c' },
      { type: 'loggedIn', customerId: 'c' },
      { type: 'loggedIn', context: 'WEB', customerId: 'c', properties: [] },
      { type: 'loggedIn', context: 'WEB', customerId: 'c', date: 'not a date' },
      { type: 'loggedIn', context: 'WEB', customerId: 'c', date: new Date(NaN) },
      null
    ]
    for (const event of bad) {
      const error = expectLeft(await addEvent(ctx, event as EventInput)())
      expect(error._tag).toBe('InvalidInput')
      expect(error.message.startsWith('addEvent: ')).toBe(true)
    }
    expect(expectLeft(await addEvent(ctx, { type: 'loggedIn', context: 'WEB' } as EventInput)()).message).toBe(
      'addEvent: the event must name its customer with customerId, sessionId or externalId.'
    )
    expect(server.requests).toEqual([])
  })

  it('sends nothing until the task runs', async () => {
    const task = addEvent(ctx, { type: 'loggedIn', context: 'WEB', customerId: 'cu-1' })
    expect(server.requests).toEqual([])
    await task()
    expect(server.requests).toHaveLength(1)
  })

  it('returns the API error as an HttpError', async () => {
    server.respond(() => ({ status: 400, body: { message: 'Invalid event', logref: 'l-1', errors: [] } }))
    const error = expectLeft(await addEvent(ctx, { type: 'loggedIn', context: 'WEB', customerId: 'cu-1' })())
    expect(error).toMatchObject({ _tag: 'HttpError', status: 400, method: 'POST', path: '/workspaces/w/events' })
    expect(JSON.stringify(error)).not.toContain('secret-token')
  })
})

describe('getEvent', () => {
  it('GETs one event and decodes it', async () => {
    server.respond(() => ({ status: 200, body: wireEvent('ev-1') }))
    const event = expectRight(await getEvent(ctx, 'ev-1')())
    expect(seen()).toEqual([
      {
        method: 'GET',
        path: '/workspaces/w/events/ev-1',
        query: {},
        body: undefined,
        authorization: 'Bearer secret-token'
      }
    ])
    expect(event).toEqual({
      id: 'ev-1',
      customerId: 'cu-1',
      bringBackProperties: null,
      type: 'completedOrder',
      context: 'ECOMMERCE',
      date: '2024-01-01T08:00:00.000Z',
      properties: { orderId: 'o-0' },
      contextInfo: {},
      registeredAt: '2024-01-10T08:00:00.500Z',
      tracking: null
    })
  })

  it('encodes the id into one path segment, and refuses an empty one without a request', async () => {
    server.respond(() => ({ status: 200, body: wireEvent('a/b') }))
    expectRight(await getEvent(ctx, 'a/b')())
    expect(nth(server.requests, 0).path).toBe('/workspaces/w/events/a%2Fb')
    server.reset()
    expect(expectLeft(await getEvent(ctx, '')())._tag).toBe('InvalidInput')
    expect(expectLeft(await getEvent(ctx, '..')())._tag).toBe('InvalidInput')
    expect(server.requests).toEqual([])
  })

  it('reports a 404 as an HttpError and a bad body as a DecodeError', async () => {
    server.respond(() => ({ status: 404, body: { message: 'Event not found' } }))
    expect(expectLeft(await getEvent(ctx, 'nope')())).toMatchObject({ _tag: 'HttpError', status: 404 })
    server.respond(() => ({ status: 200, body: { ...wireEvent('ev-1'), date: 'soon' } }))
    const error = expectLeft(await getEvent(ctx, 'ev-1')())
    expect(error).toMatchObject({ _tag: 'DecodeError', errors: ['date: expected Timestamp, got "soon"'] })
  })
})

describe('deleteEvent', () => {
  it('DELETEs the event; a 204 is success', async () => {
    server.respond(() => ({ status: 204 }))
    expect(await deleteEvent(ctx, 'ev-1')()).toEqual(E.right(undefined))
    expect(seen()).toEqual([
      {
        method: 'DELETE',
        path: '/workspaces/w/events/ev-1',
        query: {},
        body: undefined,
        authorization: 'Bearer secret-token'
      }
    ])
  })

  it('refuses an empty id without a request, and reports a 404', async () => {
    expect(expectLeft(await deleteEvent(ctx, '')())._tag).toBe('InvalidInput')
    expect(server.requests).toEqual([])
    server.respond(() => ({ status: 404, body: { message: 'Not Found' } }))
    expect(expectLeft(await deleteEvent(ctx, 'gone')())).toMatchObject({
      _tag: 'HttpError',
      status: 404,
      method: 'DELETE'
    })
  })
})

// ---------------------------------------------------------------------------------------------------------------

/** Five events in pages of `size`, answered by page number; `failAt` answers 500. */
const listing =
  (size: number, failAt = -1) =>
  (req: Recorded): Canned => {
    const total = 5
    const page = Number(req.query.page ?? '0')
    if (page === failAt) return { status: 500, body: { message: 'boom' } }
    const ids = Array.from({ length: total }, (_, i) => `ev-${i}`).slice(page * size, page * size + size)
    return {
      status: 200,
      body: {
        elements: ids.map((id, i) => wireEvent(id, page * size + i)),
        page: {
          size,
          totalElements: total,
          totalUnfilteredElements: total,
          totalPages: Math.ceil(total / size),
          number: page
        }
      }
    }
  }

const ids = (p: Paginated<Event>): ReadonlyArray<string> => p.elements.map((e) => e.id)

describe('getEvents', () => {
  it('GETs a customer events with every filter, dates as ISO date-times', async () => {
    server.respond(listing(2))
    const page = expectRight(
      await getEvents(ctx, 'cu-1', {
        type: ['completedOrder', 'abandonedCart'],
        context: 'ECOMMERCE',
        mode: 'ACTIVE',
        dateFrom: new Date(Date.UTC(2024, 0, 1)),
        dateTo: '2024-01-31',
        page: 1,
        size: 2
      })()
    )
    expect(seen()).toEqual([
      {
        method: 'GET',
        path: '/workspaces/w/events',
        query: {
          customerId: 'cu-1',
          type: 'completedOrder,abandonedCart',
          context: 'ECOMMERCE',
          mode: 'ACTIVE',
          dateFrom: '2024-01-01T00:00:00.000Z',
          dateTo: '2024-01-31T00:00:00.000Z',
          page: '1',
          size: '2'
        },
        body: undefined,
        authorization: 'Bearer secret-token'
      }
    ])
    expect(ids(page)).toEqual(['ev-2', 'ev-3'])
    expect(page.page).toEqual({ size: 2, totalElements: 5, totalUnfilteredElements: 5, totalPages: 3, number: 1 })
    expect(nth(page.elements, 0).date).toBe('2024-01-03T08:00:00.000Z')
  })

  it('asks for page 0 and no other filter by default', async () => {
    server.respond(listing(10))
    const page = expectRight(await getEvents(ctx, 'cu-1')())
    expect(server.requests.map((r) => r.query)).toEqual([{ customerId: 'cu-1', page: '0' }])
    expect(ids(page)).toEqual(['ev-0', 'ev-1', 'ev-2', 'ev-3', 'ev-4'])
    expect(hasNextPage(page)).toBe(false)
  })

  it('walks three pages with nextPage, back with previousPage, and stops at either end without a request', async () => {
    server.respond(listing(2))
    const p0 = expectRight(await getEvents(ctx, 'cu-1', { type: 'completedOrder', size: 2 })())
    const p1 = expectRight(await nextPage(p0)())
    const p2 = expectRight(await nextPage(p1)())
    expect([ids(p0), ids(p1), ids(p2)]).toEqual([['ev-0', 'ev-1'], ['ev-2', 'ev-3'], ['ev-4']])
    expect([hasPreviousPage(p0), hasNextPage(p0), hasPreviousPage(p2), hasNextPage(p2)]).toEqual([
      false,
      true,
      true,
      false
    ])
    const back = expectRight(await previousPage(p2)())
    expect(ids(back)).toEqual(['ev-2', 'ev-3'])
    // every request repeats the first one, with another page number
    expect(server.requests.map((r) => r.query)).toEqual(
      ['0', '1', '2', '1'].map((page) => ({ customerId: 'cu-1', type: 'completedOrder', page, size: '2' }))
    )
    const sent = server.requests.length
    expect(expectLeft(await nextPage(p2)())._tag).toBe('InvalidInput')
    expect(expectLeft(await previousPage(p0)())._tag).toBe('InvalidInput')
    expect(server.requests).toHaveLength(sent)
    // a spread copy still knows its request, and the token is nowhere in the value
    expect(ids(expectRight(await nextPage({ ...p0 })()))).toEqual(['ev-2', 'ev-3'])
    expect(JSON.stringify(p0)).not.toContain('secret-token')
  })

  it('pages() fetches every page lazily, one request per page', async () => {
    server.respond(listing(2))
    const walk = pages(getEvents(ctx, 'cu-1', { size: 2 }))
    expect(server.requests).toHaveLength(0)
    const seen: Array<ReadonlyArray<string>> = []
    for await (const page of walk) seen.push(ids(expectRight(page)))
    expect(seen).toEqual([['ev-0', 'ev-1'], ['ev-2', 'ev-3'], ['ev-4']])
    expect(server.requests.map((r) => r.query.page)).toEqual(['0', '1', '2'])
  })

  it('pages() yields a failing page once as a Left, then stops', async () => {
    server.respond(listing(2, 1))
    const results: Array<E.Either<ContacthubError, Paginated<Event>>> = []
    for await (const page of pages(getEvents(ctx, 'cu-1', { size: 2 }))) results.push(page)
    expect(results).toHaveLength(2)
    expect(ids(expectRight(nth(results, 0)))).toEqual(['ev-0', 'ev-1'])
    expect(expectLeft(nth(results, 1))).toMatchObject({ _tag: 'HttpError', status: 500, method: 'GET' })
    expect(server.requests.map((r) => r.query.page)).toEqual(['0', '1'])
  })

  it('refuses bad input without a request', async () => {
    const bad: ReadonlyArray<() => Promise<E.Either<ContacthubError, Paginated<Event>>>> = [
      getEvents(ctx, ''),
      getEvents(ctx, 'cu-1', { page: -1 }),
      getEvents(ctx, 'cu-1', { page: 1.5 }),
      getEvents(ctx, 'cu-1', { size: 0 }),
      getEvents(ctx, 'cu-1', { type: [] }),
      getEvents(ctx, 'cu-1', { context: '' }),
      getEvents(ctx, 'cu-1', { dateFrom: new Date(NaN) }),
      getEvents(ctx, 'cu-1', { dateTo: 'last tuesday' })
    ]
    for (const task of bad) {
      const error = expectLeft(await task())
      expect(error._tag).toBe('InvalidInput')
      expect(error.message.startsWith('getEvents: ')).toBe(true)
    }
    expect(server.requests).toEqual([])
  })

  it('reports a page whose events do not decode', async () => {
    server.respond(() => ({
      status: 200,
      body: {
        elements: [{ ...wireEvent('ev-0'), registeredAt: null }],
        page: { size: 10, totalElements: 1, totalPages: 1, number: 0 }
      }
    }))
    const error = expectLeft(await getEvents(ctx, 'cu-1')())
    expect(error).toMatchObject({
      _tag: 'DecodeError',
      errors: ['elements.0.registeredAt: expected Timestamp, got null']
    })
  })
})
