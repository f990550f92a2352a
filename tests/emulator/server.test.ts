import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index'
import { client, counterIds, expectApiError, send } from './helpers'

let emulator: Emulator
let api: ReturnType<typeof client>

beforeAll(async () => {
  emulator = await startEmulator({ workspaceId: 'ws', nodeId: 'node', token: 'secret' })
  api = client(emulator)
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

describe('startEmulator', () => {
  it('gives a base URL on 127.0.0.1 and a ready context', () => {
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hub\/v1$/)
    expect(emulator.port).toBeGreaterThan(0)
    expect(emulator.context).toEqual({ workspaceId: 'ws', nodeId: 'node', token: 'secret', baseUrl: emulator.url })
  })

  it('adds nodes on request', async () => {
    const extra = emulator.addNode('second')
    expect(extra).toBe('second')
    expect(emulator.nodes).toEqual(['node', 'second'])
    const r = await api.call('POST', '/customers', { body: { nodeId: 'second' } })
    expect(r.status).toBe(201)
    expect(typeof emulator.addNode()).toBe('string')
  })

  it('is deterministic with an injected clock and id generator', async () => {
    const script = async (e: Emulator): Promise<Array<string>> => {
      const c = client(e)
      const out: Array<string> = []
      out.push((await c.call('POST', '/customers', { body: { nodeId: e.nodeId, externalId: 'x' } })).text)
      out.push((await c.call('POST', '/customers', { body: { nodeId: e.nodeId, externalId: 'x' } })).text)
      out.push((await c.list()).text.replaceAll(String(e.port), 'PORT'))
      return out.map((s) => s.replaceAll(String(e.port), 'PORT'))
    }
    const make = () => startEmulator({ now: () => 1_500_000_000_000, uuid: counterIds() })
    const [a, b] = await Promise.all([make(), make()])
    try {
      const [ra, rb] = await Promise.all([script(a), script(b)])
      expect(ra).toEqual(rb)
      expect(ra[0]).toContain('"registeredAt":"2017-07-14T02:40:00.000+0000"')
    } finally {
      await Promise.all([a.close(), b.close()])
    }
  })

  it('close() frees the port even with idle keep-alive connections, and is idempotent', async () => {
    const e = await startEmulator()
    const c = client(e)
    expect((await c.list()).status).toBe(200)
    expect((await c.list()).status).toBe(200)
    await e.close()
    await e.close()
    await expect(fetch(`${e.url}/workspaces/${e.workspaceId}/customers`)).rejects.toThrow()
  })

  it('listens on a given port and host', async () => {
    const probe = await startEmulator()
    const port = probe.port
    await probe.close()
    const e = await startEmulator({ port, host: 'localhost', basePath: '/api/' })
    try {
      expect(e.url).toBe(`http://localhost:${port}/api`)
      expect((await client(e).list()).status).toBe(200)
    } finally {
      await e.close()
    }
  })
})

describe('routing', () => {
  it('answers unknown routes with a framework-default 404 body', async () => {
    const r = await api.call('GET', '/dashboards')
    expect(r.status).toBe(404)
    expect(r.body).toMatchObject({ status: 404, error: 'Not Found' })
    const outside = await send(`${emulator.url.replace('/hub/v1', '')}/elsewhere`, 'GET')
    expect(outside.status).toBe(404)
    const deep = await api.call('GET', '/customers/a/jobs/b/c')
    expect(deep.status).toBe(404)
  })

  it('answers 405 with Allow for a wrong method', async () => {
    const r = await api.call('DELETE', '/customers')
    expect(r.status).toBe(405)
    expect(r.headers.get('allow')).toBe('GET, POST')
  })

  it('answers 400 for a malformed path', async () => {
    const r = await send(`${emulator.url}/workspaces/ws/customers/%E0%A4%A`, 'GET', {
      headers: { Authorization: 'Bearer secret' }
    })
    expect(r.status).toBe(400)
    expectApiError(r.body)
  })

  it('answers 413 for a huge body', async () => {
    const r = await api.call('POST', '/customers', {
      raw: JSON.stringify({ nodeId: 'node', extra: 'x'.repeat(2 * 1024 * 1024) })
    })
    expect(r.status).toBe(413)
  })

  it('decodes path segments', async () => {
    const c = await api.create({})
    const r = await api.call('POST', `/customers/${c.id}/jobs`, { body: { id: 'a b/c' } })
    expect(r.status).toBe(200)
    const got = await api.call('GET', `/customers/${c.id}/jobs/${encodeURIComponent('a b/c')}`)
    expect(got.status).toBe(200)
    expect(got.body.id).toBe('a b/c')
  })
})

describe('CORS', () => {
  it('answers a preflight without auth', async () => {
    const r = await send(`${emulator.url}/workspaces/ws/customers/x`, 'OPTIONS', {
      headers: {
        Origin: 'http://app.example',
        'Access-Control-Request-Method': 'PATCH',
        'Access-Control-Request-Headers': 'authorization,content-type,x-trace-id'
      }
    })
    expect(r.status).toBe(204)
    expect(r.headers.get('access-control-allow-origin')).toBe('http://app.example')
    const methods = r.headers.get('access-control-allow-methods') ?? ''
    for (const m of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) expect(methods).toContain(m)
    const headers = (r.headers.get('access-control-allow-headers') ?? '').toLowerCase()
    for (const h of ['authorization', 'content-type', 'x-trace-id']) expect(headers).toContain(h)
  })

  it('marks answers, errors included, and exposes Retry-After', async () => {
    const ok = await api.call('GET', '/customers', {
      query: { nodeId: 'node' },
      headers: { Origin: 'http://app.example' }
    })
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://app.example')
    const denied = await api.call('GET', '/customers', { noAuth: true, headers: { Origin: 'http://app.example' } })
    expect(denied.status).toBe(401)
    expect(denied.headers.get('access-control-allow-origin')).toBe('http://app.example')
    expect(denied.headers.get('access-control-expose-headers')).toContain('Retry-After')
    const noOrigin = await api.list()
    expect(noOrigin.headers.get('access-control-allow-origin')).toBe('*')
  })
})

describe('faults', () => {
  it('latency delays answers until removed', async () => {
    emulator.faults.latency(5_000)
    await expect(
      fetch(`${emulator.url}/workspaces/ws/customers?nodeId=node`, {
        headers: { Authorization: 'Bearer secret' },
        signal: AbortSignal.timeout(100)
      })
    ).rejects.toThrow()
    emulator.faults.latency(0)
    expect((await api.list()).status).toBe(200)
  })

  it('a request the client gave up on during the latency still takes effect', async () => {
    emulator.faults.latency(200)
    await expect(
      fetch(`${emulator.url}/workspaces/ws/customers`, {
        method: 'POST',
        headers: { Authorization: 'Bearer secret', 'Content-Type': 'application/json' },
        body: JSON.stringify({ nodeId: 'node', externalId: 'late' }),
        signal: AbortSignal.timeout(20)
      })
    ).rejects.toThrow()
    emulator.faults.latency(0)
    let found = 0
    for (let i = 0; i < 50 && found === 0; i++) {
      await new Promise((r) => setTimeout(r, 20))
      found = (await api.list({ externalId: 'late' })).body.page.totalElements
    }
    expect(found).toBe(1)
  })

  it('failNext answers N requests with a status and Retry-After, without processing them', async () => {
    emulator.faults.failNext(2, 503, { retryAfter: 2 })
    expect(emulator.faults.pending()).toBe(2)
    const first = await api.call('POST', '/customers', { body: { nodeId: 'node', externalId: 'f' } })
    expect(first.status).toBe(503)
    expect(first.headers.get('retry-after')).toBe('2')
    expectApiError(first.body)
    const second = await api.list()
    expect(second.status).toBe(503)
    const third = await api.list()
    expect(third.status).toBe(200)
    expect(third.body.elements).toEqual([])
    expect(emulator.faults.pending()).toBe(0)
  })

  it("failNext can answer with a proxy's HTML, and only matching requests", async () => {
    emulator.faults.failNext(1, 502, {
      body: '<html>Bad gateway</html>',
      match: { method: 'POST', path: '/customers' }
    })
    expect((await api.list()).status).toBe(200)
    const r = await api.call('POST', '/customers', { body: { nodeId: 'node' } })
    expect(r.status).toBe(502)
    expect(r.headers.get('content-type')).toMatch(/text\/html/)
    expect(r.text).toBe('<html>Bad gateway</html>')
    emulator.faults.failNext(1, 429, { retryAfter: 'Wed, 21 Oct 2015 07:28:00 GMT', match: { path: /\/events$/ } })
    expect((await api.call('GET', '/events', { query: { customerId: 'x' } })).status).toBe(429)
  })

  it('cutNext sends part of the body and destroys the connection, after processing', async () => {
    emulator.faults.cutNext(1)
    const res = await fetch(`${emulator.url}/workspaces/ws/customers`, {
      method: 'POST',
      headers: { Authorization: 'Bearer secret', 'Content-Type': 'application/json' },
      body: JSON.stringify({ nodeId: 'node', externalId: 'cut' })
    })
    expect(res.status).toBe(201)
    await expect(res.text()).rejects.toThrow()
    const list = await api.list({ externalId: 'cut' })
    expect(list.body.page.totalElements).toBe(1)
  })

  it('cutNext with bytes: 0 sends headers only', async () => {
    emulator.faults.cutNext(1, { bytes: 0 })
    const res = await fetch(`${emulator.url}/workspaces/ws/customers?nodeId=node`, {
      headers: { Authorization: 'Bearer secret' }
    })
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(0)
    await expect(res.text()).rejects.toThrow()
  })

  it('hangNext never answers; resetNext drops the connection', async () => {
    emulator.faults.hangNext(1)
    await expect(
      fetch(`${emulator.url}/workspaces/ws/customers?nodeId=node`, {
        headers: { Authorization: 'Bearer secret' },
        signal: AbortSignal.timeout(150)
      })
    ).rejects.toThrow()
    emulator.faults.resetNext(1)
    await expect(
      fetch(`${emulator.url}/workspaces/ws/customers?nodeId=node`, { headers: { Authorization: 'Bearer secret' } })
    ).rejects.toThrow()
    expect((await api.list()).status).toBe(200)
  })

  it('close() ends hanging requests too', async () => {
    const e = await startEmulator()
    e.faults.hangNext(1)
    const pending = fetch(`${e.url}/workspaces/${e.workspaceId}/customers?nodeId=${e.nodeId}`, {
      headers: { Authorization: `Bearer ${e.token}` }
    })
    await new Promise((r) => setTimeout(r, 50))
    await e.close()
    await expect(pending).rejects.toThrow()
  })

  it('refuses nonsense counts', () => {
    expect(() => emulator.faults.failNext(-1, 500)).toThrow(RangeError)
    expect(() => emulator.faults.failNext(1, 42)).toThrow(RangeError)
    expect(() => emulator.faults.latency(-5)).toThrow(RangeError)
  })

  it('reset() removes pending faults', async () => {
    emulator.faults.failNext(5, 500)
    emulator.faults.reset()
    expect((await api.list()).status).toBe(200)
  })
})

describe('request log', () => {
  it('records every request: method, path, query, headers, body, status, fault', async () => {
    emulator.faults.failNext(1, 503, { match: { method: 'GET' } })
    await api.call('POST', '/customers', { body: { nodeId: 'node', externalId: 'logged' } })
    await api.list({ externalId: 'logged' })
    await api.list({ externalId: 'logged' })
    expect(emulator.requests).toHaveLength(3)
    const [post, failed, ok] = emulator.requests
    expect(post).toMatchObject({
      method: 'POST',
      path: '/hub/v1/workspaces/ws/customers',
      status: 201,
      body: { nodeId: 'node', externalId: 'logged' }
    })
    // the token is never kept, only whether one was sent
    expect(post?.headers.authorization).toBeUndefined()
    expect(post?.hasToken).toBe(true)
    expect(JSON.stringify(emulator.requests)).not.toContain('secret')
    expect(failed).toMatchObject({
      method: 'GET',
      status: 503,
      fault: 'fail',
      query: { nodeId: ['node'], externalId: ['logged'] }
    })
    expect(ok).toMatchObject({ status: 200, fault: undefined })
    expect(ok?.seq).toBeGreaterThan(post?.seq ?? Infinity)
    emulator.clearRequests()
    expect(emulator.requests).toHaveLength(0)
  })

  it('keeps the latest maxLoggedRequests', async () => {
    const e = await startEmulator({ maxLoggedRequests: 3 })
    try {
      for (let i = 0; i < 5; i++) await client(e).list()
      expect(e.requests.map((r) => r.seq)).toEqual([2, 3, 4])
    } finally {
      await e.close()
    }
  })
})
