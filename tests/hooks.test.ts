// ctx.hooks: which events a call gives (onRequest, onResponse, onRetry, onDone), with what (operation, method,
// resolved path, attempt; status and duration; delay and tag), in which order; durations by the injected clock; a
// hook that throws or rejects changes nothing; no hook ever sees the token. Real loopback sockets (the recorder),
// and a virtual clock advanced by the transport and by backoff waits, so that every duration is exact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inspect } from 'node:util'
import * as E from '#fp-ts/Either'
import type { Context, DoneEvent, Hooks, RequestEvent, ResponseEvent, RetryEvent } from '../src/context'
import { addCustomer, deleteCustomer, getCustomer, getCustomers } from '../src/customers'
import { getCustomerTrend } from '../src/analytics'
import { pages } from '../src/pagination'
import { startEmulator, type Emulator } from '../src/emulator/index'
import { json, useRecorder } from './helpers/recorder'
import { expectLeft, expectRight } from './helpers/either'

const TOKEN = 'tok-HOOKS-0123456789abcdef'
const server = useRecorder()

type Name = keyof Hooks
type Seen = { readonly hook: Name; readonly event: RequestEvent & Partial<ResponseEvent & RetryEvent & DoneEvent> }

/**
 * A context on the recorder with hooks that record every event, and a virtual clock: each request takes `latency`
 * ms (the fetch advances the clock), each backoff wait advances it by its length.
 */
const recording = (over: Partial<Context> = {}, latency = 25) => {
  const seen: Array<Seen> = []
  let now = 1_000_000
  const record =
    (hook: Name) =>
    (event: Seen['event']): void => {
      seen.push({ hook, event })
    }
  const ctx: Context = {
    workspaceId: 'ws',
    nodeId: 'node',
    token: TOKEN,
    baseUrl: server.url,
    fetch: async (input, init) => {
      const res = await globalThis.fetch(input, init)
      now += latency
      return res
    },
    clock: {
      now: () => now,
      random: () => 0.5,
      sleep: (ms) => {
        now += ms
        return Promise.resolve()
      }
    },
    hooks: {
      onRequest: record('onRequest'),
      onResponse: record('onResponse'),
      onRetry: record('onRetry'),
      onDone: record('onDone')
    },
    ...over
  }
  /** The events without `callId` (checked on its own), as `hook attempt extra...` lines. */
  const lines = (): ReadonlyArray<string> =>
    seen.map(({ hook, event }) => {
      const { callId: _, operation, method, path, attempt, ...rest } = event
      const extra = Object.entries(rest)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}=${String(v)}`)
      return [hook, `${operation} ${method} ${path}`, `#${attempt}`, ...extra].join(' ')
    })
  return { ctx, seen, lines }
}

const customer = { id: 'c1', nodeId: 'node', base: { firstName: 'Ada' } }

describe('hooks on a successful call', () => {
  it('onRequest, onResponse (status, duration by the clock), onDone (no tag): in this order', async () => {
    server.handle((_, res) => json(res, 200, customer))
    const { ctx, lines, seen } = recording()
    expectRight(await getCustomer(ctx, 'c1')())
    expect(lines()).toEqual([
      'onRequest getCustomer GET /workspaces/ws/customers/c1 #1',
      'onResponse getCustomer GET /workspaces/ws/customers/c1 #1 status=200 durationMs=25',
      'onDone getCustomer GET /workspaces/ws/customers/c1 #1 durationMs=25'
    ])
    expect(seen.find((s) => s.hook === 'onDone')?.event).not.toHaveProperty('tag', expect.anything())
  })

  it('one callId for every event of a call, a different one for each call (concurrent calls told apart)', async () => {
    server.handle((_, res) => json(res, 200, customer))
    const { ctx, seen } = recording()
    await Promise.all([getCustomer(ctx, 'a')(), getCustomer(ctx, 'b')(), getCustomer(ctx, 'c')()])
    expect(seen).toHaveLength(9)
    const byPath = new Map<string, Set<number>>()
    for (const { event } of seen) byPath.set(event.path, (byPath.get(event.path) ?? new Set()).add(event.callId))
    expect([...byPath.values()].map((ids) => ids.size)).toEqual([1, 1, 1])
    expect(new Set(seen.map((s) => s.event.callId)).size).toBe(3)
  })

  it('the path is resolved and encoded, without the query string; no headers, nothing else', async () => {
    server.handle((_, res) =>
      json(res, 200, { elements: [], page: { number: 0, size: 5, totalElements: 0, totalPages: 0 } })
    )
    const { ctx, seen } = recording({ headers: { 'X-Trace': 'abc' } })
    expectRight(await getCustomers(ctx, { size: 5, externalId: 'a/b' })())
    expect(server.requests[0]?.url).toContain('?')
    for (const { event } of seen) {
      expect(event.path).toBe('/workspaces/ws/customers')
      expect(Object.keys(event).sort()).toEqual(
        expect.arrayContaining(['attempt', 'callId', 'method', 'operation', 'path'])
      )
      expect(
        Object.keys(event).every((k) => /^(attempt|callId|method|operation|path|status|durationMs|tag)$/.test(k))
      ).toBe(true)
    }
  })

  it('no hooks: the call is the same', async () => {
    server.handle((_, res) => json(res, 200, customer))
    const { ctx } = recording({ hooks: undefined })
    expect(expectRight(await getCustomer(ctx, 'c1')())).toMatchObject(customer)
  })
})

describe('hooks on retries', () => {
  it('a 503 twice then a 200: attempts 1 to 3, onRetry with the backoff delay and the tag, the whole duration', async () => {
    let n = 0
    server.handle((_, res) => (++n < 3 ? json(res, 503, { message: 'busy' }) : json(res, 200, customer)))
    const { ctx, lines } = recording()
    expectRight(await getCustomer(ctx, 'c1')())
    const at = 'getCustomer GET /workspaces/ws/customers/c1'
    // random() = 0.5, base 200 ms: waits of 100 then 200 ms; each request takes 25 ms.
    expect(lines()).toEqual([
      `onRequest ${at} #1`,
      `onResponse ${at} #1 status=503 durationMs=25`,
      `onRetry ${at} #1 tag=HttpError delayMs=100`,
      `onRequest ${at} #2`,
      `onResponse ${at} #2 status=503 durationMs=25`,
      `onRetry ${at} #2 tag=HttpError delayMs=200`,
      `onRequest ${at} #3`,
      `onResponse ${at} #3 status=200 durationMs=25`,
      `onDone ${at} #3 durationMs=375`
    ])
  })

  it("the server's Retry-After is the delay", async () => {
    let n = 0
    server.handle((_, res) =>
      ++n < 2 ? json(res, 429, { message: 'slow down' }, { 'retry-after': '3' }) : json(res, 200, customer)
    )
    const { ctx, seen } = recording()
    expectRight(await getCustomer(ctx, 'c1')())
    expect(seen.find((s) => s.hook === 'onRetry')?.event).toMatchObject({ attempt: 1, tag: 'HttpError', delayMs: 3000 })
  })

  it('a network failure then a success: onRetry with NetworkError, no onResponse for the failed attempt', async () => {
    const { ctx: base, lines } = recording()
    let n = 0
    const ctx: Context = {
      ...base,
      fetch: (input, init) =>
        ++n === 1
          ? Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } }))
          : base.fetch!(input, init)
    }
    server.handle((_, res) => json(res, 200, customer))
    expectRight(await getCustomer(ctx, 'c1')())
    expect(lines().map((l) => l.replace(/ getCustomer GET \S+/, ''))).toEqual([
      'onRequest #1',
      'onRetry #1 tag=NetworkError delayMs=100',
      'onRequest #2',
      'onResponse #2 status=200 durationMs=25',
      'onDone #2 durationMs=125'
    ])
  })
})

describe('hooks on failures', () => {
  it('an HTTP error: onResponse with its status, onDone with HttpError; POST is not retried', async () => {
    server.handle((_, res) => json(res, 500, { message: 'boom' }))
    const { ctx, lines } = recording()
    expect(expectLeft(await addCustomer(ctx, { externalId: 'x' })())._tag).toBe('HttpError')
    expect(lines()).toEqual([
      'onRequest addCustomer POST /workspaces/ws/customers #1',
      'onResponse addCustomer POST /workspaces/ws/customers #1 status=500 durationMs=25',
      'onDone addCustomer POST /workspaces/ws/customers #1 durationMs=25 tag=HttpError'
    ])
  })

  it('a network error on every attempt: onRetry twice, no onResponse, onDone with NetworkError after 3', async () => {
    const { ctx: base, lines } = recording()
    const ctx: Context = { ...base, fetch: () => Promise.reject(new TypeError('fetch failed')) }
    expect(expectLeft(await getCustomer(ctx, 'c1')())._tag).toBe('NetworkError')
    expect(lines().map((l) => l.replace(/ getCustomer GET \S+/, ''))).toEqual([
      'onRequest #1',
      'onRetry #1 tag=NetworkError delayMs=100',
      'onRequest #2',
      'onRetry #2 tag=NetworkError delayMs=200',
      'onRequest #3',
      'onDone #3 durationMs=300 tag=NetworkError'
    ])
  })

  it('a timeout: onDone with TimeoutError, no onResponse', async () => {
    server.handle(() => undefined) // never answers; the recorder destroys the socket when it closes
    const { ctx, lines } = recording({ timeout: 30, retry: false })
    expect(expectLeft(await getCustomer(ctx, 'c1')())._tag).toBe('TimeoutError')
    expect(lines().map((l) => l.replace(/ getCustomer GET \S+/, ''))).toEqual([
      'onRequest #1',
      'onDone #1 durationMs=0 tag=TimeoutError'
    ])
  })

  it('a 200 whose body does not decode: onResponse 200, then onDone with DecodeError', async () => {
    server.handle((_, res) => json(res, 200, { id: 42 }))
    const { ctx, lines } = recording()
    expect(expectLeft(await getCustomer(ctx, 'c1')())._tag).toBe('DecodeError')
    expect(lines().map((l) => l.replace(/ getCustomer GET \S+/, ''))).toEqual([
      'onRequest #1',
      'onResponse #1 status=200 durationMs=25',
      'onDone #1 durationMs=25 tag=DecodeError'
    ])
  })

  it('aborted before the first attempt: onDone with AbortError and attempt 0, nothing sent', async () => {
    const controller = new AbortController()
    controller.abort()
    const { ctx, lines } = recording({ signal: controller.signal })
    expect(expectLeft(await getCustomer(ctx, 'c1')())._tag).toBe('AbortError')
    expect(lines()).toEqual(['onDone getCustomer GET /workspaces/ws/customers/c1 #0 durationMs=0 tag=AbortError'])
    expect(server.requests).toHaveLength(0)
  })

  it('an input refused before anything is sent calls no hook', async () => {
    const { ctx, seen } = recording()
    expect(expectLeft(await getCustomer(ctx, '')())._tag).toBe('InvalidInput')
    expect(expectLeft(await getCustomer({ ...ctx, baseUrl: 'http://example.com' }, 'c1')())._tag).toBe('InvalidInput')
    expect(seen).toEqual([])
  })
})

describe('a hook that fails changes nothing', () => {
  const failing = (make: () => () => unknown): Hooks => ({
    onRequest: make(),
    onResponse: make(),
    onRetry: make(),
    onDone: make()
  })

  it.each([
    [
      'throws',
      () => () => {
        throw new Error('hook broke')
      }
    ],
    ['rejects (async)', () => async () => Promise.reject(new Error('hook broke'))],
    [
      'returns a thenable whose then throws',
      () => () => ({
        then: () => {
          throw new Error('hook broke')
        }
      })
    ],
    [
      'throws a non-Error',
      () => () => {
        throw 'nope' // eslint-disable-line @typescript-eslint/only-throw-error
      }
    ]
  ])('a hook that %s: the success stays a success, the retries happen', async (_, make) => {
    let n = 0
    server.handle((_, res) => (++n < 2 ? json(res, 503, {}) : json(res, 200, customer)))
    const { ctx } = recording({ hooks: failing(make) })
    expect(expectRight(await getCustomer(ctx, 'c1')())).toMatchObject(customer)
    expect(server.requests).toHaveLength(2)
    // A failure stays the same failure.
    server.handle((_, res) => json(res, 404, { message: 'Customer not found' }))
    const e = expectLeft(await getCustomer({ ...ctx, retry: false }, 'c1')())
    expect(e).toMatchObject({ _tag: 'HttpError', status: 404 })
  })

  it('a clock whose now throws: durations are lost, not the call', async () => {
    server.handle((_, res) => json(res, 200, customer))
    const seen: Array<unknown> = []
    const ctx: Context = {
      ...recording().ctx,
      clock: {
        now: () => {
          throw new Error('clock broke')
        }
      },
      hooks: { onRequest: (e) => seen.push(e), onDone: (e) => seen.push(e) }
    }
    expectRight(await getCustomer(ctx, 'c1')())
    expect(seen).toHaveLength(1) // onRequest; onDone's event could not be built
  })

  it('hooks that are not functions are refused as input, and nothing is sent', async () => {
    const { ctx } = recording()
    for (const hooks of [5, 'x', null, { onRequest: 'log' }, { onDone: {} }]) {
      const e = expectLeft(await getCustomer({ ...ctx, hooks: hooks as never }, 'c1')())
      expect(e).toEqual({ _tag: 'InvalidInput', message: 'getCustomer: ctx.hooks must be an object of functions.' })
    }
    expect(server.requests).toHaveLength(0)
  })
})

describe('the token never reaches a hook', () => {
  const everything = (seen: ReadonlyArray<Seen>): string =>
    seen.map((s) => `${JSON.stringify(s)}\n${inspect(s, { showHidden: true, getters: true, depth: 10 })}`).join('\n')

  it('through errors that echo it, retries, network failures, aborts, and an id that contains it', async () => {
    const all: Array<Seen> = []
    // A 503 whose body, status text and headers echo the token, retried, then a 401 that echoes it.
    let n = 0
    server.handle((req, res) => {
      const echo = String(req.headers.authorization)
      if (++n < 2) json(res, 503, { message: `busy ${echo}`, logref: echo }, { 'x-echo': echo, 'retry-after': '0' })
      else json(res, 401, { message: `bad token ${echo}`, errors: [echo] })
    })
    const a = recording()
    expectLeft(await getCustomer(a.ctx, 'c1')())
    all.push(...a.seen)
    // A network failure whose message carries the token.
    const b = recording()
    const ctxB: Context = { ...b.ctx, fetch: () => Promise.reject(new TypeError(`fetch failed ${TOKEN}`)) }
    expectLeft(await getCustomer(ctxB, 'c1')())
    all.push(...b.seen)
    // An abort whose reason is the token.
    const c = recording()
    const controller = new AbortController()
    controller.abort(`stop ${TOKEN}`)
    expectLeft(await getCustomer({ ...c.ctx, signal: controller.signal }, 'c1')())
    all.push(...c.seen)
    // An id that contains the token: the path in the events is redacted.
    server.handle((_, res) => json(res, 200, customer))
    const d = recording()
    await getCustomer(d.ctx, `x${TOKEN}`)()
    all.push(...d.seen)
    expect(d.seen[0]?.event.path).toBe('/workspaces/ws/customers/x[redacted]')
    expect(all.map((s) => s.hook)).toEqual(
      expect.arrayContaining(['onRequest', 'onResponse', 'onRetry', 'onDone'] satisfies ReadonlyArray<Name>)
    )
    expect(all.length).toBeGreaterThan(10)
    expect(everything(all)).not.toContain(TOKEN)
    expect(everything(all)).not.toContain('Bearer')
  })
})

describe('operation names, for a few kinds of operations (the emulator)', () => {
  let emulator: Emulator
  beforeAll(async () => {
    emulator = await startEmulator({ workspaceId: 'ws', nodeId: 'node', token: TOKEN })
  })
  afterAll(() => emulator.close())

  it('a create, a paged listing walked to its end, an analytics function, a delete', async () => {
    const seen: Array<RequestEvent> = []
    const ctx: Context = { ...emulator.context, hooks: { onRequest: (e) => seen.push(e) } }
    const ids: Array<string> = []
    for (const externalId of ['a', 'b', 'c']) ids.push(expectRight(await addCustomer(ctx, { externalId })()).id)
    let walked = 0
    for await (const page of pages(getCustomers(ctx, { size: 2 }))) walked += expectRight(page).elements.length
    expect(walked).toBe(3)
    expectRight(await getCustomerTrend(ctx, { startDate: '2026-01-01', endDate: '2026-01-31' })())
    expectRight(await deleteCustomer(ctx, ids[0] ?? '')())
    expect(seen.map((e) => `${e.operation} ${e.method} ${e.path} #${e.attempt}`)).toEqual([
      'addCustomer POST /workspaces/ws/customers #1',
      'addCustomer POST /workspaces/ws/customers #1',
      'addCustomer POST /workspaces/ws/customers #1',
      'getCustomers GET /workspaces/ws/customers #1',
      'getCustomers GET /workspaces/ws/customers #1',
      expect.stringMatching(/^getCustomerTrend GET \/workspaces\/ws\/analytics\/\S+ #1$/),
      `deleteCustomer DELETE /workspaces/ws/customers/${ids[0] ?? ''} #1`
    ])
    expect(new Set(seen.map((e) => e.callId)).size).toBe(seen.length)
  })
})

describe('ctx.allowInsecureHttp', () => {
  /** A context whose fetch records the URLs and answers 200 with a customer: nothing leaves the process. */
  const sending = (baseUrl: string, over: Partial<Context> = {}) => {
    const urls: Array<string> = []
    const ctx: Context = {
      workspaceId: 'ws',
      nodeId: 'node',
      token: TOKEN,
      baseUrl,
      retry: false,
      fetch: (input) => {
        urls.push(input instanceof Request ? input.url : input.toString())
        return Promise.resolve(
          new Response(JSON.stringify(customer), { headers: { 'content-type': 'application/json' } })
        )
      },
      ...over
    }
    return { ctx, urls }
  }

  it('off (the default, or anything but true): plain http to another host is refused, nothing sent', async () => {
    for (const allowInsecureHttp of [undefined, false, 'true', 1]) {
      const { ctx, urls } = sending('http://emulator:8080/hub/v1', { allowInsecureHttp: allowInsecureHttp as never })
      const e = expectLeft(await getCustomer(ctx, 'c1')())
      expect(e._tag).toBe('InvalidInput')
      expect(e.message).toContain('ctx.allowInsecureHttp')
      expect(urls).toEqual([])
    }
  })

  it('on: plain http to any host is sent', async () => {
    for (const base of ['http://emulator:8080/hub/v1', 'http://10.0.0.7', 'http://api.example.com/']) {
      const { ctx, urls } = sending(base, { allowInsecureHttp: true })
      expectRight(await getCustomer(ctx, 'c1')())
      expect(urls).toEqual([`${base.replace(/\/$/, '')}/workspaces/ws/customers/c1`])
    }
  })

  it('on: the other rules stay (no user info, no query, http or https only); https and loopback still work', async () => {
    for (const base of [
      'http://user:pw@emulator:8080',
      'http://emulator:8080?x=1',
      'ftp://emulator',
      'ws://emulator'
    ]) {
      const { ctx, urls } = sending(base, { allowInsecureHttp: true })
      expect(expectLeft(await getCustomer(ctx, 'c1')())._tag).toBe('InvalidInput')
      expect(urls).toEqual([])
    }
    for (const [base, allowInsecureHttp] of [
      ['https://api.example.com', true],
      ['http://127.0.0.1:1', false]
    ] as const) {
      const { ctx } = sending(base, { allowInsecureHttp })
      expect(E.isRight(await getCustomer(ctx, 'c1')())).toBe(true)
    }
  })

  it('the flag does not leak from one context to another with the same base URL', async () => {
    const base = 'http://shared-host:8080'
    expectRight(await getCustomer(sending(base, { allowInsecureHttp: true }).ctx, 'c1')())
    expect(expectLeft(await getCustomer(sending(base).ctx, 'c1')())._tag).toBe('InvalidInput')
    expect(expectLeft(await getCustomer(sending(base, { allowInsecureHttp: false }).ctx, 'c1')())._tag).toBe(
      'InvalidInput'
    )
  })
})

describe("an abort keeps the signal's reason", () => {
  const aborting = async (abort: (c: AbortController) => void) => {
    server.handle(() => undefined) // never answers
    const controller = new AbortController()
    const before = server.requests.length
    const task = getCustomer({ ...recording().ctx, signal: controller.signal, timeout: 10_000 }, 'c1')()
    // Aborted once the request is on its way (the recorder has it).
    for (let i = 0; i < 200 && server.requests.length === before; i++) await new Promise((r) => setTimeout(r, 5))
    abort(controller)
    return expectLeft(await task)
  }

  it('a string reason is the message; the error message stays one sentence', async () => {
    const e = await aborting((c) => c.abort('the user left the page'))
    expect(e).toEqual({
      _tag: 'AbortError',
      message: 'getCustomer GET /workspaces/ws/customers/c1 was aborted by the caller.',
      method: 'GET',
      path: '/workspaces/ws/customers/c1',
      reason: { message: 'the user left the page' }
    })
  })

  it("an Error reason: its name and message; abort() without a reason: the runtime's AbortError", async () => {
    const e = await aborting((c) => c.abort(Object.assign(new RangeError('quota'), { code: 'E_QUOTA' })))
    expect(e).toMatchObject({ _tag: 'AbortError', reason: { name: 'RangeError', message: 'quota', code: 'E_QUOTA' } })
    const d = await aborting((c) => c.abort())
    expect(d).toMatchObject({ _tag: 'AbortError', reason: { name: 'AbortError' } })
  })

  it('AbortSignal.timeout: a TimeoutError reason (an already aborted signal: nothing is sent)', async () => {
    const signal = AbortSignal.timeout(0)
    await new Promise((r) => setTimeout(r, 20))
    const e = expectLeft(await getCustomer({ ...recording().ctx, signal }, 'c1')())
    expect(e).toMatchObject({ _tag: 'AbortError', reason: { name: 'TimeoutError' } })
    expect(server.requests).toHaveLength(0)
  })

  it('during a backoff wait: the reason is kept too', async () => {
    server.handle((_, res) => json(res, 503, {}))
    const controller = new AbortController()
    const base = recording().ctx
    const ctx: Context = {
      ...base,
      signal: controller.signal,
      clock: { ...base.clock, sleep: () => (controller.abort('shutting down'), Promise.resolve()) }
    }
    expect(expectLeft(await getCustomer(ctx, 'c1')())).toMatchObject({
      _tag: 'AbortError',
      reason: { message: 'shutting down' }
    })
  })

  it('a reason that contains the token is redacted', async () => {
    const e = await aborting((c) => c.abort(new Error(`stop ${TOKEN}`)))
    expect(e).toMatchObject({ reason: { name: 'Error', message: 'stop [redacted]' } })
    expect(JSON.stringify(e)).not.toContain(TOKEN)
  })
})
