// Hostile input over real sockets: bodies nested thousands of levels deep, floods of large bodies, arbitrary JSON on
// every route of the route table. The emulator answers 4xx for bad input, never 500, and nothing it stores breaks a
// later read.
import fc from 'fast-check'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index'
import { ROUTES } from '../../src/emulator/routes'
import { MAX_DEPTH } from '../../src/emulator/schema-language'
import { client, counterIds, expectApiError, send } from './helpers'

let emulator: Emulator
let api: ReturnType<typeof client>

beforeAll(async () => {
  emulator = await startEmulator({ workspaceId: 'ws', nodeId: 'node', token: 'secret', uuid: counterIds() })
  api = client(emulator)
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

/** `{"a": {"a": ... leaf ...}}`, `levels` objects deep, built as text (no recursion). */
const nested = (levels: number, leaf = '1'): string => `${'{"a":'.repeat(levels)}${leaf}${'}'.repeat(levels)}`

const event = (customerId: string, properties: string): string =>
  `{"type":"viewedPage","context":"WEB","customerId":${JSON.stringify(customerId)},"properties":${properties}}`

describe('deeply nested bodies', () => {
  it('a 5,000-level extended is a 400 naming the JSON pointer, and later reads still work', async () => {
    const r = await api.call('POST', '/customers', { raw: `{"nodeId":"node","extended":${nested(5000)}}` })
    expect(r.status).toBe(400)
    expectApiError(r.body)
    expect(r.body.message).toContain(`nested deeper than ${MAX_DEPTH} levels`)
    const path: string = r.body.errors[0].path
    expect(path).toBe(`/extended${'/a'.repeat(MAX_DEPTH - 1)}`)
    expect(r.body.message).toContain('/extended/a/a/a')
    expect((await api.list()).status).toBe(200)
  })

  it('a 5,000-level event properties is a 400, and getEvents for that customer answers 200', async () => {
    const c = await api.create({ externalId: 'deep' })
    const r = await api.call('POST', '/events', { raw: event(c.id, nested(5000)) })
    expect(r.status).toBe(400)
    expectApiError(r.body)
    expect(r.body.errors[0].path).toMatch(/^\/properties\/a\/a/)
    const list = await api.call('GET', '/events', { query: { customerId: c.id } })
    expect(list.status).toBe(200)
    expect(list.body.elements).toEqual([])
  })

  it('refuses deep bodies on every route that takes one, deep arrays included', async () => {
    const c = await api.create({})
    for (const route of ROUTES.filter((r) => r.body)) {
      // the depth is checked before the store is asked, so any id will do
      const path = route.pattern.replace(/:[a-zA-Z]+/g, c.id)
      for (const raw of [nested(5000), `${'['.repeat(20_000)}${']'.repeat(20_000)}`]) {
        const r = await api.call(route.method, path, { raw })
        expect([route.method, route.pattern, r.status]).toEqual([route.method, route.pattern, 400])
        expectApiError(r.body)
      }
    }
    expect((await api.call('GET', `/customers/${c.id}`)).status).toBe(200)
  })

  it(`accepts ${MAX_DEPTH} levels, and serves what it stored`, async () => {
    // the body is level 1, `extended` level 2: MAX_DEPTH - 2 more objects inside it
    const r = await api.call('POST', '/customers', { raw: `{"nodeId":"node","extended":${nested(MAX_DEPTH - 1)}}` })
    expect(r.status).toBe(201)
    const c = r.body
    const patched = await api.call('PATCH', `/customers/${c.id}`, { raw: `{"extended":${nested(MAX_DEPTH - 1, '2')}}` })
    expect(patched.status).toBe(200)
    expect(JSON.stringify(patched.body.extended)).toBe(nested(MAX_DEPTH - 1, '2'))
    expect((await api.list()).status).toBe(200)
    const q = JSON.stringify({
      name: 'q',
      query: {
        type: 'simple',
        name: 'q',
        are: { condition: { type: 'atomic', attribute: 'extended.a.a', operator: 'IS_NOT_NULL' } }
      }
    })
    const found = await api.list({ query: q, fields: 'extended.a' })
    expect(found.status).toBe(200)
    expect(found.body.elements).toHaveLength(1)
    // properties is level 2, its open `extraProperties` level 3: MAX_DEPTH - 3 more objects inside it
    const ev = await api.call('POST', '/events', { raw: event(c.id, `{"extraProperties":${nested(MAX_DEPTH - 2)}}`) })
    expect(ev.status).toBe(202)
    expect((await api.call('GET', '/events', { query: { customerId: c.id } })).status).toBe(200)
  })

  // (a URL holds a query of about 100 levels at most: Node's header limit is 16 KiB)
  it('a query nested 100 levels deep is a 400, not a 500', async () => {
    let condition = '{"type":"atomic","attribute":"base.firstName","operator":"IS_NULL"}'
    for (let i = 0; i < 100; i++) condition = `{"type":"composite","conjunction":"and","conditions":[${condition}]}`
    const r = await api.list({
      query: `{"name":"q","query":{"type":"simple","name":"q","are":{"condition":${condition}}}}`
    })
    expect(r.status).toBe(400)
    expectApiError(r.body)
    expect(r.body.message).toContain(`nested deeper than ${MAX_DEPTH} levels`)
    let combined =
      '{"type":"simple","name":"q","are":{"condition":{"type":"atomic","attribute":"id","operator":"IS_NULL"}}}'
    for (let i = 0; i < 5000; i++)
      combined = `{"type":"combined","name":"c","conjunction":"UNION","queries":[${combined}]}`
    expect((await api.list({ query: `{"name":"q","query":${combined}}` })).status).toBe(400)
  })
})

describe('the request log', () => {
  const big = (n: number): Record<string, unknown> => ({ nodeId: 'node', extra: 'x'.repeat(n) })

  it('stays under its byte bound, oldest dropped first, and keeps the newest bodies', async () => {
    const bound = 1024 * 1024
    const e = await startEmulator({ maxLoggedBytes: bound })
    try {
      const c = client(e)
      for (let i = 0; i < 40; i++) {
        const r = await c.call('POST', '/customers', {
          body: { ...big(100_000), nodeId: e.nodeId, externalId: `b${i}` }
        })
        expect(r.status).toBe(201)
        const total = e.requests.reduce((n, rec) => n + rec.bytes, 0)
        expect(total).toBeLessThanOrEqual(bound)
      }
      expect(e.requests.length).toBeGreaterThan(5)
      expect(e.requests.length).toBeLessThan(11)
      expect(e.requests.map((r) => r.seq)).toEqual(e.requests.map((_, i) => 40 - e.requests.length + i))
      const last = e.requests[e.requests.length - 1]
      expect(last?.body).toMatchObject({ externalId: 'b39' })
      expect(last?.bytes).toBeGreaterThan(100_000)
    } finally {
      await e.close()
    }
  })

  it('with the default bound (16 MiB), 24 bodies of 1 MB keep it under 16 MiB', async () => {
    const e = await startEmulator({ maxBodyBytes: 2 * 1024 * 1024 })
    try {
      const c = client(e)
      for (let i = 0; i < 24; i++) {
        const r = await c.call('POST', '/customers', { body: { ...big(1_000_000), nodeId: e.nodeId } })
        expect(r.status).toBe(201)
      }
      const total = e.requests.reduce((n, rec) => n + rec.bytes, 0)
      expect(total).toBeLessThanOrEqual(16 * 1024 * 1024)
      expect(total).toBeGreaterThan(14 * 1_000_000)
      expect(e.requests.length).toBeLessThan(24)
    } finally {
      await e.close()
    }
  })

  it('keeps no body of unauthenticated or unrouted requests, and no token', async () => {
    const wrong = await api.call('POST', '/customers', {
      body: big(10_000),
      headers: { Authorization: 'Bearer real-looking-token-1234' }
    })
    expect(wrong.status).toBe(401)
    const none = await api.call('POST', '/customers', { body: big(10_000), noAuth: true })
    expect(none.status).toBe(401)
    const unrouted = await api.call('POST', '/dashboards', { body: big(10_000) })
    expect(unrouted.status).toBe(404)
    const otherWorkspace = await send(`${emulator.url}/workspaces/other/customers`, 'POST', {
      headers: { Authorization: 'Bearer secret', 'Content-Type': 'application/json' },
      body: JSON.stringify(big(10_000))
    })
    expect(otherWorkspace.status).toBe(403)
    const ok = await api.call('POST', '/customers', { body: { nodeId: 'node' } })
    expect(ok.status).toBe(201)
    const [r1, r2, r3, r4, r5] = emulator.requests
    expect([r1?.body, r2?.body, r3?.body, r4?.body]).toEqual([undefined, undefined, undefined, undefined])
    expect([r1?.hasToken, r2?.hasToken, r3?.hasToken]).toEqual([true, false, true])
    for (const r of emulator.requests) expect(r.bytes).toBeLessThan(2_000)
    expect(r5?.body).toEqual({ nodeId: 'node' })
    const everything = JSON.stringify(emulator.requests)
    expect(everything).not.toContain('real-looking-token-1234')
    expect(everything).not.toContain('secret')
  })

  it('clearRequests and reset empty the accounting too', async () => {
    await api.call('POST', '/customers', { body: big(1000) })
    expect(emulator.requests).toHaveLength(1)
    emulator.clearRequests()
    expect(emulator.requests).toHaveLength(0)
    await api.list()
    expect(emulator.requests).toHaveLength(1)
  })
})

describe('live answers', () => {
  it('an unknown bring-back node is a 404 with the live message', async () => {
    const r = await api.call('POST', '/events', {
      body: {
        type: 'viewedPage',
        context: 'WEB',
        properties: {},
        bringBackProperties: { type: 'SESSION_ID', value: 's', nodeId: 'ghost' }
      }
    })
    expect(r.status).toBe(404)
    expect(r.body.message).toBe('node not found ghost')
  })

  it('a missing token keeps the framework message; a wrong one has the live message', async () => {
    const none = await api.call('GET', '/customers', { noAuth: true, query: { nodeId: 'node' } })
    expect(none.status).toBe(401)
    expect(none.body.message).toBe('Full authentication is required to access this resource')
    const wrong = await api.call('GET', '/customers', {
      headers: { Authorization: 'Bearer x' },
      query: { nodeId: 'node' }
    })
    expect(wrong.body.message).toBe('The client is not authorized to access the API')
  })
})

describe('arbitrary JSON on every route (fast-check)', () => {
  /** Arbitrary JSON, and some of it nested far deeper than the limit. */
  const bodyArb: fc.Arbitrary<string> = fc.oneof(
    { weight: 6, arbitrary: fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.integer({ min: MAX_DEPTH - 2, max: 10_000 }).map((n) => nested(n)) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom('extended', 'base', 'properties', 'value', 'tags'), fc.integer({ min: 1, max: 10_000 }))
        .map(([k, n]) => `{"nodeId":"node","type":"viewedPage","context":"WEB","value":"v","${k}":${nested(n)}}`)
    },
    { weight: 1, arbitrary: fc.string() }
  )

  it('never answers 500 (the query-based analytics answer exactly 501)', async () => {
    const c = await api.create({ externalId: 'x' })
    const job = await api.call('POST', `/customers/${c.id}/jobs`, { body: { id: 'j' } })
    expect(job.status).toBe(200)
    const ev = await api.call('POST', '/events', { raw: event(c.id, '{}') })
    expect(ev.status).toBe(202)
    const seg = await api.call('POST', '/segments', {
      body: {
        name: 's',
        query: {
          type: 'simple',
          name: 's',
          are: { condition: { type: 'atomic', attribute: 'id', operator: 'IS_NOT_NULL' } }
        }
      }
    })
    expect(seg.status).toBe(201)
    const idArb = (route: string, name: string): fc.Arbitrary<string> => {
      const known =
        name === 'customerId' || route === '/customers/:id'
          ? c.id
          : name === 'sourceId'
            ? 'node'
            : route.startsWith('/events')
              ? ev.body.id
              : route.startsWith('/segments')
                ? seg.body[0].id
                : 'j'
      return fc.oneof(fc.constant(known), fc.string({ minLength: 1 }).map(encodeURIComponent))
    }
    const valueArb = fc.oneof(
      fc.string(),
      fc.constantFrom(
        'node',
        '2024-01-01',
        '0001-01-01',
        '9999-12-31',
        'DAILY',
        'MONTHLY',
        'DAYOFWEEK',
        'WEB',
        'node,x'
      )
    )
    const requestArb = fc
      .constantFrom(...ROUTES)
      .chain((route) =>
        fc.tuple(
          fc.constant(route),
          idArb(route.pattern, 'customerId'),
          idArb(route.pattern, 'id'),
          idArb(route.pattern, 'sourceId'),
          bodyArb,
          fc.dictionary(
            fc.constantFrom(
              'query',
              'sort',
              'fields',
              'page',
              'size',
              'nodeId',
              'type',
              'dateFrom',
              'mode',
              'name',
              'nodes',
              'startDate',
              'endDate',
              'context',
              'eventType',
              'country'
            ),
            valueArb
          )
        )
      )
    await fc.assert(
      fc.asyncProperty(requestArb, async ([route, customerId, id, sourceId, raw, query]) => {
        const path = route.pattern.replace(':customerId', customerId).replace(':sourceId', sourceId).replace(':id', id)
        const r = await api.call(route.method, path, route.method === 'GET' ? { query } : { raw, query })
        const what = `${route.method} ${path} ${JSON.stringify(query).slice(0, 200)} ${raw.slice(0, 200)}`
        if (route.pattern.startsWith('/analytics/query/')) expect(r.status, what).toBe(501)
        else expect(r.status, what).toBeLessThan(500)
      }),
      { numRuns: 600, seed: 42, endOnFailure: true }
    )
    // what was stored still reads back
    expect((await api.list()).status).toBe(200)
    expect((await api.call('GET', '/events', { query: { customerId: c.id } })).status).toBe(200)
  })

  it('never answers 500 to arbitrary query parameters on the listings', async () => {
    const queryArb = fc.oneof(
      fc.jsonValue({ maxDepth: 8 }).map((v) => JSON.stringify(v)),
      fc
        .record({
          type: fc.constantFrom('atomic', 'composite'),
          attribute: fc.constantFrom('base.firstName', 'tags.manual', 'extended.a', 'nope', ''),
          operator: fc.constantFrom('IN', 'NOT_IN', 'EQUALS', 'BETWEEN', 'IS_NULL', 'LIKE'),
          value: fc.jsonValue({ maxDepth: 3 }),
          conjunction: fc.constantFrom('and', 'or', 'AND'),
          conditions: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 3 })
        })
        .map((condition) => JSON.stringify({ name: 'q', query: { type: 'simple', name: 'q', are: { condition } } })),
      fc.string()
    )
    await api.create({ base: { firstName: 'Ada' }, tags: { manual: ['vip'] }, extended: { a: 1 } })
    await fc.assert(
      fc.asyncProperty(queryArb, fc.option(fc.string(), { nil: undefined }), async (query, sort) => {
        const r = await api.list({ query, ...(sort === undefined ? {} : { sort }) })
        expect(r.status, query.slice(0, 300)).toBeLessThan(500)
      }),
      { numRuns: 300, seed: 7, endOnFailure: true }
    )
  })
})
