// Hostile answers through the public operations: a 50 MB body (refused, memory bounded, the server no longer
// read), a redirect to another server (which sees nothing), a caller abort during a backoff wait (no further
// request), and `__proto__` keys in a response (no pollution, plain decoded values).
import { beforeEach, describe, expect, it } from 'vitest'
import type { ServerResponse } from 'node:http'
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib'
import { addCustomer, deleteCustomer, getCustomer, getCustomers } from '../../src/customers'
import { getEvent } from '../../src/events'
import { REAL_CLOCK } from '../../src/context'
import { json, useRecorder } from '../helpers/recorder'
import { expectLeft, expectRight } from '../helpers/either'
import { contextFor, plainPrototypes, virtualClock } from './support'

const MB = 1024 * 1024
const CUSTOMER = { id: 'c1', nodeId: 'node', base: { firstName: 'Ada' } }

const server = useRecorder()
const other = useRecorder((_, res) => json(res, 200, CUSTOMER))
const vc = virtualClock()
const ctx = (over = {}) => contextFor(server.url, vc, over)

beforeEach(() => {
  vc.reset()
})

describe('a 50 MB body', () => {
  interface Pump {
    sent: number
    finished: boolean
    closed: Promise<void>
  }
  /** Streams 50 MB of JSON whitespace from one reused buffer, honouring backpressure. */
  const serve50MB = (withLength: boolean): Pump => {
    const state = { sent: 0, finished: false } as Pump
    let closed: () => void = () => undefined
    state.closed = new Promise<void>((resolve) => (closed = resolve))
    const chunk = Buffer.alloc(64 * 1024, 0x20)
    server.handle((_, res: ServerResponse) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        ...(withLength ? { 'content-length': String(50 * MB) } : {})
      })
      res.on('close', closed)
      const pump = (): void => {
        while (state.sent < 50 * MB) {
          if (res.destroyed) return
          state.sent += chunk.length
          if (!res.write(chunk)) return void res.once('drain', pump)
        }
        state.finished = true
        res.end()
      }
      pump()
    })
    return state
  }

  it.each([
    ['with Content-Length', true],
    ['chunked, without Content-Length', false]
  ])('%s: getCustomer gives ResponseTooLarge at the default 10 MiB cap, and stops reading', async (_, withLength) => {
    // The memory this takes is measured by `npm run bench` (bench/memory.ts), not here.
    const pump = serve50MB(withLength)
    const e = expectLeft(await getCustomer(ctx(), 'c1')())
    expect(e).toMatchObject({
      _tag: 'ResponseTooLarge',
      limit: 10 * MB,
      method: 'GET',
      path: '/workspaces/ws/customers/c1'
    })
    expect(server.requests).toHaveLength(1) // not retried
    await pump.closed // the client hung up: the server is no longer read
    expect(pump.finished).toBe(false)
    expect(pump.sent).toBeLessThan(25 * MB)
  })

  it.each([
    ['with Content-Length', true],
    ['chunked, without Content-Length', false]
  ])('%s: with maxResponseBytes 256 KiB, far less is read', async (_, withLength) => {
    const pump = serve50MB(withLength)
    const e = expectLeft(await getCustomer(ctx({ maxResponseBytes: 256 * 1024 }), 'c1')())
    expect(e).toMatchObject({ _tag: 'ResponseTooLarge', limit: 256 * 1024 })
    await pump.closed
    expect(pump.finished).toBe(false)
    expect(pump.sent).toBeLessThan(20 * MB)
  })

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync]
  ])(
    'a %s body whose Content-Length is small but which inflates past the cap is refused (bytes are counted after decoding)',
    async (coding, compress) => {
      // 4 MiB of JSON whitespace around a customer compresses to a few KiB: the declared length is within the cap.
      const inflated = Buffer.concat([Buffer.alloc(4 * MB, 0x20), Buffer.from(JSON.stringify(CUSTOMER))])
      const body = compress(inflated)
      server.handle((_, res) => {
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-encoding': coding,
          'content-length': String(body.length)
        })
        res.end(body)
      })
      expect(body.length).toBeLessThan(64 * 1024)
      const e = expectLeft(await getCustomer(ctx({ maxResponseBytes: MB }), 'c1')())
      expect(e).toMatchObject({ _tag: 'ResponseTooLarge', limit: MB })
      // Within the cap, the same coding decodes.
      const c = expectRight(await getCustomer(ctx({ maxResponseBytes: 8 * MB }), 'c1')())
      expect(c.id).toBe('c1')
    }
  )

  it('deleteCustomer and getCustomers refuse it too', async () => {
    serve50MB(false)
    expect(expectLeft(await deleteCustomer(ctx({ maxResponseBytes: MB }), 'c1')())._tag).toBe('ResponseTooLarge')
    serve50MB(true)
    expect(expectLeft(await getCustomers(ctx({ maxResponseBytes: MB }))())._tag).toBe('ResponseTooLarge')
  })

  it('a 500 with a 50 MB body is an HttpError that does not read it', async () => {
    server.handle((_, res) => {
      res.writeHead(500, { 'content-type': 'text/html', 'content-length': String(50 * MB) })
      res.write('<html>')
    })
    const e = expectLeft(await getCustomer(ctx({ retry: false, maxResponseBytes: MB }), 'c1')())
    expect(e).toMatchObject({ _tag: 'HttpError', status: 500 })
    expect(e.message).toContain('a body too large to read')
  })
})

describe('redirects are not followed', () => {
  it.each([301, 302, 303, 307, 308])(
    '%i: getCustomer gives an HttpError, one request, the target sees nothing',
    async (status) => {
      server.handle((_, res) => {
        res.writeHead(status, { location: `${other.url}/workspaces/ws/customers/c1` })
        res.end()
      })
      const e = expectLeft(await getCustomer(ctx(), 'c1')())
      expect(e).toMatchObject({ _tag: 'HttpError', status, attempts: 1 })
      expect(e.message).toContain('redirect')
      expect(server.requests).toHaveLength(1)
      expect(other.requests).toHaveLength(0)
    }
  )

  it('307 and 308 on addCustomer (which would resend the body and the token): the target sees nothing', async () => {
    for (const status of [307, 308]) {
      server.handle((_, res) => {
        res.writeHead(status, { location: `${other.url}/steal` })
        res.end()
      })
      expect(expectLeft(await addCustomer(ctx(), { externalId: 'x' })())).toMatchObject({ _tag: 'HttpError', status })
    }
    expect(other.requests).toHaveLength(0)
  })
})

describe('a caller abort during a backoff wait', () => {
  it('getCustomer: AbortError, and no further request (sleep resolves early on abort)', async () => {
    server.handle((_, res) => json(res, 503, {}))
    const controller = new AbortController()
    const sleeps: Array<number> = []
    const clock = {
      ...vc.clock,
      sleep: (ms: number) => {
        sleeps.push(ms)
        controller.abort()
        return Promise.resolve()
      }
    }
    const e = expectLeft(await getCustomer({ ...ctx({ clock }), signal: controller.signal }, 'c1')())
    expect(e).toMatchObject({ _tag: 'AbortError', method: 'GET', path: '/workspaces/ws/customers/c1' })
    expect(sleeps).toEqual([100])
    expect(server.requests).toHaveLength(1)
  })

  it('getCustomers: AbortError during a Retry-After wait (sleep rejects on abort)', async () => {
    server.handle((_, res) => json(res, 429, {}, { 'retry-after': '20' }))
    const controller = new AbortController()
    const clock = {
      ...vc.clock,
      sleep: (_ms: number, signal?: AbortSignal) =>
        new Promise<void>((_resolve, reject) => {
          signal?.addEventListener('abort', () => reject(new Error('aborted')))
          setTimeout(() => controller.abort(), 10)
        })
    }
    const e = expectLeft(await getCustomers({ ...ctx({ clock }), signal: controller.signal })())
    expect(e._tag).toBe('AbortError')
    expect(server.requests).toHaveLength(1)
  })

  it('with the real clock: an hour-long Retry-After wait ends as soon as the caller aborts', async () => {
    server.handle((_, res) => json(res, 503, {}, { 'retry-after': '3600' }))
    const controller = new AbortController()
    const waits: Array<number> = []
    // The real sleep, aborted once it has started: a sleep that ignored the abort would outlast the test timeout.
    const sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
      waits.push(ms)
      const slept = REAL_CLOCK.sleep(ms, signal)
      controller.abort()
      return slept
    }
    const ws = {
      workspaceId: 'ws',
      nodeId: 'node',
      token: 't',
      baseUrl: server.url,
      signal: controller.signal,
      clock: { sleep },
      retry: { maxRetryAfterMs: 2 * 3600_000 }
    }
    expect(expectLeft(await getCustomer(ws, 'c1')())._tag).toBe('AbortError')
    expect(waits).toEqual([3600_000])
    expect(server.requests).toHaveLength(1)
  })
})

describe('__proto__ in a response', () => {
  const HOSTILE =
    '{"id":"c1","__proto__":{"polluted":"top","isAdmin":true},' +
    '"base":{"firstName":"Ada","__proto__":{"polluted":"base"},"contacts":{"email":"a@b.c","__proto__":{"polluted":"contacts"}}},' +
    '"extended":{"__proto__":{"polluted":"extended"},"constructor":{"prototype":{"polluted":"ctor"}}},' +
    '"tags":{"manual":["a"],"__proto__":{"polluted":"tags"}},' +
    '"registeredAt":"2020-01-01T00:00:00.000+0000"}'

  it('getCustomer: Object.prototype is not polluted', async () => {
    server.handle((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(HOSTILE)
    })
    expectRight(await getCustomer(ctx(), 'c1')())
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined()
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false)
  })

  it('getCustomer: the decoded customer inherits nothing from the body (plain prototypes at every depth)', async () => {
    server.handle((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(HOSTILE)
    })
    const c = expectRight(await getCustomer(ctx(), 'c1')()) as unknown as Record<string, unknown>
    expect(c.id).toBe('c1')
    expect(c.isAdmin).toBeUndefined()
    expect(c.polluted).toBeUndefined()
    expect((c.base as Record<string, unknown>).polluted).toBeUndefined()
    expect(plainPrototypes(c)).toBe(true)
  })

  it('getCustomers and getEvent: plain prototypes too', async () => {
    server.handle((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(
        `{"elements":[${HOSTILE}],"page":{"number":0,"size":1,"totalElements":1,"totalPages":1,"__proto__":{"polluted":1}}}`
      )
    })
    const p = expectRight(await getCustomers(ctx())())
    expect(plainPrototypes(p.elements)).toBe(true)
    expect(plainPrototypes(p.page)).toBe(true)
    server.handle((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(
        '{"__proto__":{"polluted":"event"},"id":"e1","customerId":"c1","type":"viewedPage","context":"WEB",' +
          '"properties":{"__proto__":{"polluted":1}},"contextInfo":{},"date":"2020-01-01T00:00:00.000+0000",' +
          '"registeredAt":"2020-01-01T00:00:00.000+0000","bringBackProperties":null,"tracking":null}'
      )
    })
    const ev = expectRight(await getEvent(ctx(), 'e1')())
    expect((ev as unknown as Record<string, unknown>).polluted).toBeUndefined()
    expect(plainPrototypes(ev)).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('an error body with __proto__ gives an HttpError with plain data', async () => {
    server.handle((_, res) => {
      res.writeHead(400, { 'content-type': 'application/json' })
      res.end('{"message":"bad","__proto__":{"logref":"injected"},"data":{"__proto__":{"polluted":1}}}')
    })
    const e = expectLeft(await addCustomer(ctx(), {})())
    expect(e).toMatchObject({ _tag: 'HttpError', status: 400 })
    expect(plainPrototypes(e)).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
