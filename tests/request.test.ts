import { beforeEach, describe, expect, it } from 'vitest'
import { inspect } from 'node:util'
import * as t from '#io-ts/index'
import * as E from '#fp-ts/Either'
import { request, requestVoid, send, parseRetryAfter, type RequestSpec } from '../src/request'
import type { Context } from '../src/context'
import { json, startRecorder, useRecorder } from './helpers/recorder'
import { expectLeft, expectRight, nth } from './helpers/either'

const TOKEN = 'tok-SECRET-1234567890'
const Thing = t.type({ id: t.string, n: t.number })

const server = useRecorder()
const other = useRecorder((_, res) => json(res, 200, { id: 'elsewhere', n: 1 }))
const sleeps: Array<number> = []

const ctx = (over: Partial<Context> = {}): Context => ({
  workspaceId: 'ws',
  nodeId: 'node',
  token: TOKEN,
  baseUrl: server.url,
  // Backoff waits are recorded, not slept: tests stay fast and deterministic.
  clock: { random: () => 0.5, sleep: (ms) => (sleeps.push(ms), Promise.resolve()), now: () => Date.UTC(2026, 0, 1) },
  ...over
})

const spec = (over: Partial<RequestSpec> = {}): RequestSpec => ({
  operation: 'getThing',
  method: 'GET',
  path: '/workspaces/{workspaceId}/things/{id}',
  params: { id: 'x' },
  ...over
})

const noToken = (e: unknown): void => {
  expect(JSON.stringify(e)).not.toContain(TOKEN)
  expect(inspect(e, { showHidden: true, getters: true, depth: 10 })).not.toContain(TOKEN)
  expect(String((e as { message: string }).message)).not.toContain(TOKEN)
}

beforeEach(() => {
  sleeps.length = 0
})

describe('request: success', () => {
  it('sends method, encoded path, query, headers and JSON body; decodes the answer', async () => {
    server.handle((_, res) => json(res, 201, { id: 'a', n: 1, extra: true }))
    const r = await request(
      ctx({ headers: { 'X-Trace': 'abc', Authorization: 'Bearer other' } }),
      spec({ method: 'POST', body: { name: 'x' }, query: { nodeId: 'node', skip: undefined, tags: ['a', 'b'] } }),
      Thing
    )()
    expect(r).toEqual(E.right({ id: 'a', n: 1, extra: true }))
    const req = nth(server.requests, 0)
    expect(req.method).toBe('POST')
    expect(req.path).toBe('/workspaces/ws/things/x')
    expect(req.searchParams.get('nodeId')).toBe('node')
    expect(req.searchParams.getAll('tags')).toEqual(['a', 'b'])
    expect(req.searchParams.has('skip')).toBe(false)
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(req.headers.accept).toBe('application/json')
    expect(req.headers['content-type']).toBe('application/json')
    expect(req.headers['x-trace']).toBe('abc')
    expect(JSON.parse(req.text)).toEqual({ name: 'x' })
  })

  it('hands the same headers to a custom fetch as a real Headers, and to the runtime fetch as a plain record', async () => {
    server.handle((_, res) => json(res, 200, { id: 'a', n: 1 }))
    const seen: Array<unknown> = []
    const spy: typeof fetch = (input, init) => {
      seen.push(init?.headers)
      return fetch(input, init)
    }
    const headers = { 'X-Trace': 'abc' }
    expectRight(await request(ctx({ headers, fetch: spy }), spec({ method: 'POST', body: {} }), Thing)())
    const given = seen[0]
    expect(given).toBeInstanceOf(Headers)
    const expected = {
      accept: 'application/json',
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
      'x-trace': 'abc'
    }
    expect(Object.fromEntries(given as Headers)).toEqual(expected)
    // The runtime's own fetch: the same names and values reach the server.
    expectRight(await request(ctx({ headers }), spec({ method: 'POST', body: {} }), Thing)())
    for (const req of server.requests) for (const [k, v] of Object.entries(expected)) expect(req.headers[k]).toBe(v)
    expect(server.requests).toHaveLength(2)
  })

  it('accepts empty 200, 202 and 204 bodies for operations that return nothing', async () => {
    for (const status of [200, 202, 204]) {
      server.handle((_, res) => {
        res.writeHead(status)
        res.end()
      })
      expect(await requestVoid(ctx(), spec({ method: 'DELETE' }))()).toEqual(E.right(undefined))
    }
    server.handle((_, res) => json(res, 202, { id: 'e1' }))
    expect(await requestVoid(ctx(), spec({ method: 'POST', body: {} }))()).toEqual(E.right(undefined))
  })

  it('gives status, headers and body from send', async () => {
    server.handle((_, res) => json(res, 200, { ok: 1 }, { 'x-a': 'b' }))
    const r = await send(ctx(), spec())()
    expect(expectRight(r).status).toBe(200)
    expect(expectRight(r).body).toEqual({ ok: 1 })
    expect(expectRight(r).headers.get('x-a')).toBe('b')
  })
})

describe('request: bodies that are not what was due', () => {
  const cases: Array<[string, string | undefined, string]> = [
    ['truncated JSON', 'application/json', '{"id": "a", "n'],
    ['an HTML page', 'text/html', '<html><body>hi</body></html>'],
    ['plain text', 'text/plain', 'OK'],
    ['octet-stream', 'application/octet-stream', '\u0000\u0001binary'],
    ['no content type, not JSON', undefined, 'hello']
  ]
  it.each(cases)('%s on a 200 is a DecodeError', async (_, type, body) => {
    server.handle((_, res) => {
      res.writeHead(200, type === undefined ? {} : { 'content-type': type })
      res.end(body)
    })
    const e = expectLeft(await request(ctx(), spec(), Thing)())
    expect(e._tag).toBe('DecodeError')
    expect(e.message).toContain('getThing GET /workspaces/ws/things/x')
    noToken(e)
  })

  it('an empty 200 where data was due is a DecodeError', async () => {
    server.handle((_, res) => res.end())
    const e = expectLeft(await request(ctx(), spec(), Thing)())
    expect(e).toMatchObject({ _tag: 'DecodeError', errors: ['(root): expected JSON, got an empty body'] })
  })

  it('a wrong shape is a DecodeError with readable paths', async () => {
    server.handle((_, res) => json(res, 200, { id: 42, n: 'x' }))
    const e = expectLeft(await request(ctx(), spec(), Thing)())
    expect(e._tag).toBe('DecodeError')
    expect(e._tag === 'DecodeError' && e.errors).toEqual(['id: expected string, got 42', 'n: expected number, got "x"'])
  })

  it('JSON null on a 200 is a DecodeError, not a crash', async () => {
    server.handle((_, res) => json(res, 200, null))
    expect(expectLeft(await request(ctx(), spec(), Thing)())._tag).toBe('DecodeError')
  })

  it('a __proto__ key in a response pollutes nothing', async () => {
    server.handle((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"id":"a","n":1,"__proto__":{"polluted":true}}')
    })
    const r = await request(ctx(), spec(), Thing)()
    expect(E.isRight(r)).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('request: errors from the server', () => {
  it('keeps the API error fields', async () => {
    const body = {
      message: 'Invalid customer',
      logref: 'ref-1',
      data: { x: 1 },
      errors: [{ message: 'bad', path: '/base' }]
    }
    server.handle((_, res) => json(res, 400, body))
    const e = expectLeft(await request(ctx(), spec({ method: 'POST', body: {} }), Thing)())
    expect(e).toMatchObject({
      _tag: 'HttpError',
      status: 400,
      logref: 'ref-1',
      data: { x: 1 },
      errors: body.errors,
      attempts: 1
    })
    expect(e.message).toBe('getThing POST /workspaces/ws/things/x failed with 400 Bad Request: Invalid customer.')
    noToken(e)
  })

  it('reads framework-default and HTML error bodies', async () => {
    server.handle((_, res) => json(res, 404, { timestamp: 1, status: 404, error: 'Not Found', path: '/x' }))
    expect(expectLeft(await request(ctx({ retry: false }), spec(), Thing)()).message).toContain(
      '404 Not Found: Not Found.'
    )
    server.handle((_, res) => {
      res.writeHead(502, { 'content-type': 'text/html' })
      res.end('<html><h1>502 Bad Gateway</h1></html>')
    })
    const e = expectLeft(await request(ctx({ retry: false }), spec(), Thing)())
    expect(e).toMatchObject({ _tag: 'HttpError', status: 502 })
    expect(e.message).toContain('an HTML page (text/html)')
    server.handle((_, res) => {
      res.writeHead(500)
      res.end()
    })
    expect(expectLeft(await request(ctx({ retry: false }), spec(), Thing)()).message).toContain('an empty body')
  })

  it('keeps the token out of a reason phrase that echoes it', async () => {
    server.handle((_, res) => {
      res.writeHead(500, `Bearer ${TOKEN} rejected`, { 'content-type': 'text/plain' })
      res.end(`you sent ${TOKEN}`)
    })
    const e = expectLeft(await request(ctx({ retry: false }), spec(), Thing)())
    expect(e.message).toContain('[redacted]')
    noToken(e)
  })

  it('does not follow redirects: a 3xx is an HttpError and the target sees nothing', async () => {
    for (const status of [301, 302, 303, 307, 308]) {
      server.handle((_, res) => {
        res.writeHead(status, { location: `${other.url}/steal` })
        res.end()
      })
      const e = expectLeft(await request(ctx(), spec(), Thing)())
      expect(e).toMatchObject({ _tag: 'HttpError', status })
    }
    expect(other.requests).toHaveLength(0)
  })
})

describe('request: retries', () => {
  const statuses = (codes: Array<number>, finalBody: unknown = { id: 'a', n: 1 }) =>
    server.handle((_, res, n) => {
      const code = codes[n - 1]
      if (code === undefined) json(res, 200, finalBody)
      else json(res, code, { message: `status ${code}` })
    })

  it('retries a GET on 503 and succeeds on the third attempt, with full-jitter backoff', async () => {
    statuses([503, 503])
    const r = await request(ctx({ retry: { baseDelayMs: 100 } }), spec(), Thing)()
    expect(r).toEqual(E.right({ id: 'a', n: 1 }))
    expect(server.requests).toHaveLength(3)
    expect(sleeps).toEqual([50, 100]) // random() = 0.5 of 100 * 2^0 and 100 * 2^1
  })

  it.each([408, 429, 500, 502, 503, 504])('retries a GET on %i, at most twice by default', async (code) => {
    statuses([code, code, code, code])
    const e = expectLeft(await request(ctx(), spec(), Thing)())
    expect(e).toMatchObject({ _tag: 'HttpError', status: code, attempts: 3 })
    expect(server.requests).toHaveLength(3)
  })

  it.each(['POST', 'PATCH', 'DELETE'] as const)('never repeats a %s', async (method) => {
    statuses([503, 503])
    const e = expectLeft(await request(ctx(), spec({ method, body: method === 'DELETE' ? undefined : {} }), Thing)())
    expect(e).toMatchObject({ _tag: 'HttpError', status: 503, attempts: 1 })
    expect(server.requests).toHaveLength(1)
  })

  it('repeats a PUT (idempotent)', async () => {
    statuses([503])
    expect(E.isRight(await request(ctx(), spec({ method: 'PUT', body: {} }), Thing)())).toBe(true)
    expect(server.requests).toHaveLength(2)
  })

  it.each([400, 401, 403, 404, 409, 422, 423])('does not retry %i', async (code) => {
    statuses([code, code])
    expect(expectLeft(await request(ctx(), spec(), Thing)())).toMatchObject({ status: code, attempts: 1 })
    expect(server.requests).toHaveLength(1)
  })

  it('honours retries and retry: false', async () => {
    statuses([503, 503, 503, 503, 503, 503])
    expect(expectLeft(await request(ctx({ retry: { retries: 4 } }), spec(), Thing)())).toMatchObject({ attempts: 5 })
    server.requests.length = 0
    expect(expectLeft(await request(ctx({ retry: false }), spec(), Thing)())).toMatchObject({ attempts: 1 })
    expect(server.requests).toHaveLength(1)
  })

  it('caps the backoff at maxDelayMs', async () => {
    statuses([503, 503, 503])
    await request(ctx({ retry: { retries: 3, baseDelayMs: 1000, maxDelayMs: 1500 } }), spec(), Thing)()
    expect(sleeps).toEqual([500, 750, 750])
  })

  it('honours Retry-After in seconds and as an HTTP date', async () => {
    server.handle((_, res, n) =>
      n === 1
        ? json(res, 429, {}, { 'retry-after': '3' })
        : n === 2
          ? json(res, 503, {}, { 'retry-after': 'Thu, 01 Jan 2026 00:00:07 GMT' })
          : json(res, 200, { id: 'a', n: 1 })
    )
    expect(E.isRight(await request(ctx(), spec(), Thing)())).toBe(true)
    expect(sleeps).toEqual([3000, 7000])
  })

  it('falls back to backoff when Retry-After is unparsable', async () => {
    server.handle((_, res, n) =>
      n === 1 ? json(res, 429, {}, { 'retry-after': 'soon' }) : json(res, 200, { id: 'a', n: 1 })
    )
    expect(E.isRight(await request(ctx({ retry: { baseDelayMs: 10 } }), spec(), Thing)())).toBe(true)
    expect(sleeps).toEqual([5])
  })

  it('returns at once when Retry-After is longer than maxRetryAfterMs', async () => {
    server.handle((_, res) => json(res, 429, { message: 'slow down' }, { 'retry-after': '3600' }))
    const e = expectLeft(await request(ctx(), spec(), Thing)())
    expect(e).toMatchObject({ _tag: 'HttpError', status: 429, attempts: 1 })
    expect(e.message).toContain('Retry-After')
    expect(sleeps).toEqual([])
    expect(server.requests).toHaveLength(1)
  })

  it('parses Retry-After strictly', () => {
    expect(parseRetryAfter('0', 0)).toBe(0)
    expect(parseRetryAfter('12', 0)).toBe(12000)
    expect(parseRetryAfter('-1', 0)).toBeUndefined()
    expect(parseRetryAfter('1.5', 0)).toBeUndefined()
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.UTC(2015, 9, 21, 7, 27, 0))).toBe(60000)
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.UTC(2016, 0, 1))).toBe(0)
    expect(parseRetryAfter('tomorrow', 0)).toBeUndefined()
    expect(parseRetryAfter(null, 0)).toBeUndefined()
  })
})

describe('request: timeouts, aborts and the network', () => {
  it('times out before the headers, then succeeds in a fresh window', async () => {
    server.handle((_, res, n) => {
      if (n === 1) return // stall: never answer
      json(res, 200, { id: 'a', n: 1 })
    })
    const r = await request(ctx({ timeout: 150 }), spec(), Thing)()
    expect(r).toEqual(E.right({ id: 'a', n: 1 }))
    expect(server.requests).toHaveLength(2)
  })

  it('times out on a body that stalls after the headers', async () => {
    server.handle((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"id": "a", ')
    })
    const e = expectLeft(await request(ctx({ timeout: 150, retry: false }), spec(), Thing)())
    expect(e).toMatchObject({ _tag: 'TimeoutError', timeout: 150, attempts: 1 })
    expect(e.message).toBe('getThing GET /workspaces/ws/things/x timed out after 150 ms.')
  })

  it('a body cut mid-way is a NetworkError, retried for reads', async () => {
    server.handle((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' })
      res.write('{"id": "a", ')
      setTimeout(() => res.destroy(), 10)
    })
    const e = expectLeft(await request(ctx(), spec(), Thing)())
    expect(e).toMatchObject({ _tag: 'NetworkError', attempts: 3 })
    expect(server.requests).toHaveLength(3)
  })

  it('a reset before the headers is a NetworkError', async () => {
    server.handle((_, res) => res.socket?.destroy())
    const e = expectLeft(await request(ctx({ retry: false }), spec(), Thing)())
    expect(e).toMatchObject({ _tag: 'NetworkError', attempts: 1 })
    noToken(e)
  })

  it('a refused connection is a NetworkError', async () => {
    const gone = await startRecorder()
    const url = gone.url
    await gone.close()
    const e = expectLeft(await request(ctx({ baseUrl: url, retry: false }), spec(), Thing)())
    expect(e).toMatchObject({ _tag: 'NetworkError', method: 'GET', path: '/workspaces/ws/things/x' })
  })

  it('a signal aborted before the call sends nothing', async () => {
    const c = new AbortController()
    c.abort()
    const e = expectLeft(await request(ctx({ signal: c.signal }), spec(), Thing)())
    expect(e._tag).toBe('AbortError')
    expect(server.requests).toHaveLength(0)
  })

  it('a caller abort during a request stops it at once', async () => {
    server.handle(() => undefined)
    const c = new AbortController()
    setTimeout(() => c.abort(), 50)
    const e = expectLeft(await request(ctx({ signal: c.signal }), spec(), Thing)())
    expect(e).toMatchObject({ _tag: 'AbortError' })
    expect(server.requests).toHaveLength(1)
  })

  it('a caller abort during a backoff sleep sends no further request', async () => {
    server.handle((_, res) => json(res, 503, {}))
    const c = new AbortController()
    const e = expectLeft(
      await request(
        ctx({
          signal: c.signal,
          clock: {
            random: () => 1,
            sleep: (_ms, signal) =>
              new Promise<void>((resolve) => {
                signal?.addEventListener('abort', () => resolve())
                c.abort()
              })
          }
        }),
        spec(),
        Thing
      )()
    )
    expect(e._tag).toBe('AbortError')
    expect(server.requests).toHaveLength(1)
  })

  it('the default sleep wakes up when the caller aborts', async () => {
    // An hour-long wait (allowed): a sleep that ignored the abort would outlast the test timeout, failing the test.
    server.handle((_, res) => json(res, 503, {}, { 'retry-after': '3600' }))
    const c = new AbortController()
    setTimeout(() => c.abort(), 50)
    const over = { signal: c.signal, retry: { maxRetryAfterMs: 2 * 3600_000 } }
    const e = expectLeft(await request({ ...ctx(over), clock: undefined }, spec(), Thing)())
    expect(e._tag).toBe('AbortError')
    expect(server.requests).toHaveLength(1)
  })
})

describe('request: the size cap', () => {
  it('refuses a declared Content-Length over the cap without reading it', async () => {
    server.handle((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) })
      res.write('[')
    })
    const e = expectLeft(await request(ctx({ maxResponseBytes: 1024 }), spec(), Thing)())
    expect(e).toMatchObject({ _tag: 'ResponseTooLarge', limit: 1024 })
  })

  it('stops reading a chunked body once it passes the cap', async () => {
    let sent = 0
    server.handle((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      const chunk = Buffer.alloc(64 * 1024, 0x20)
      const pump = (): void => {
        while (sent < 50 * 1024 * 1024) {
          sent += chunk.length
          if (!res.write(chunk)) return void res.once('drain', pump)
        }
        res.end()
      }
      res.on('close', () => undefined)
      pump()
    })
    const e = expectLeft(await request(ctx({ maxResponseBytes: 256 * 1024 }), spec(), Thing)())
    expect(e).toMatchObject({ _tag: 'ResponseTooLarge', limit: 256 * 1024 })
    expect(sent).toBeLessThan(50 * 1024 * 1024)
  })
})

describe('request: input checks (nothing sent)', () => {
  it.each(['', '.', '..', '   '])('refuses the id %j', async (id) => {
    const e = expectLeft(await request(ctx(), spec({ params: { id } }), Thing)())
    expect(e._tag).toBe('InvalidInput')
    expect(e.message).toMatch(/^getThing: id must be/)
    expect(server.requests).toHaveLength(0)
  })

  it('refuses non-string ids and workspace ids', async () => {
    expect(expectLeft(await request(ctx(), spec({ params: { id: 42 } }), Thing)())._tag).toBe('InvalidInput')
    expect(expectLeft(await request(ctx({ workspaceId: '..' }), spec(), Thing)())._tag).toBe('InvalidInput')
    expect(server.requests).toHaveLength(0)
  })

  it('encodes an id into exactly one path segment', async () => {
    server.handle((_, res) => json(res, 200, { id: 'a', n: 1 }))
    await request(ctx(), spec({ params: { id: 'a/../b?c=1#d %' } }), Thing)()
    expect(nth(server.requests, 0).url).toBe('/workspaces/ws/things/a%2F..%2Fb%3Fc%3D1%23d%20%25')
  })

  it.each([
    ['http://example.com', 'https'],
    ['http://10.0.0.1', 'https'],
    ['ftp://127.0.0.1', 'https'],
    ['https://user:pass@example.com', 'user info'],
    ['https://example.com?x=1', 'query'],
    ['not a url', 'valid absolute URL']
  ])('refuses the base URL %s', async (baseUrl, why) => {
    const e = expectLeft(await request(ctx({ baseUrl }), spec(), Thing)())
    expect(e._tag).toBe('InvalidInput')
    expect(e.message).toContain(why)
  })

  it('accepts loopback http base URLs', async () => {
    server.handle((_, res) => json(res, 200, { id: 'a', n: 1 }))
    const port = new URL(server.url).port
    for (const host of ['127.0.0.1', 'localhost']) {
      expect(E.isRight(await request(ctx({ baseUrl: `http://${host}:${port}/` }), spec(), Thing)())).toBe(true)
    }
  })

  it('refuses tokens and headers that cannot be sent, without echoing the token', async () => {
    const e = expectLeft(await request(ctx({ token: `${TOKEN}\r\nX-Evil: 1` }), spec(), Thing)())
    expect(e._tag).toBe('InvalidInput')
    noToken(e)
    expect(expectLeft(await request(ctx({ token: '' }), spec(), Thing)())._tag).toBe('InvalidInput')
    expect(expectLeft(await request(ctx({ headers: { 'X-A': 'a\nb' } }), spec(), Thing)())._tag).toBe('InvalidInput')
    expect(server.requests).toHaveLength(0)
  })

  it('refuses a body that cannot be serialised', async () => {
    const body: Record<string, unknown> = {}
    body.self = body
    expect(expectLeft(await request(ctx(), spec({ method: 'POST', body }), Thing)())._tag).toBe('InvalidInput')
  })

  it('is lazy: nothing is sent until the task runs', async () => {
    request(ctx(), spec(), Thing)
    await new Promise((r) => setTimeout(r, 20))
    expect(server.requests).toHaveLength(0)
  })

  it('turns a throwing custom fetch into a NetworkError', async () => {
    const e = expectLeft(
      await request(
        ctx({
          fetch: () => {
            throw new Error(`boom ${TOKEN}`)
          }
        }),
        spec(),
        Thing
      )()
    )
    expect(e._tag).toBe('NetworkError')
    noToken(e)
  })
})
