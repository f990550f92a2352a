// Issue 11 ("Hardening"), the request core's part: every case here failed before the fix (deep JSON rejected the
// task, 10 MB of bad items built an error per item, the content type leaked the token, caller mistakes looked like
// network failures, a buggy fetch was retried, options were replaced by defaults or overflowed timers, hop-by-hop
// headers failed three times, messages did not say what to do).
import { afterEach, describe, expect, it, vi } from 'vitest'
import fc from 'fast-check'
import * as E from '#fp-ts/Either'
import * as t from '#io-ts/index'
import type { ServerResponse } from 'node:http'
import { getCustomer, getCustomers } from '../../src/customers'
import { Customer } from '../../src/codecs/customer'
import { pageOf } from '../../src/codecs/page'
import { decodeWith, formatValidationErrors } from '../../src/decode'
import { after } from '../../src/http/timer'
import type { Context } from '../../src/context'
import { answer, json, startRecorder, useRecorder } from '../helpers/recorder'
import { wireCustomer } from '../helpers/fixtures'
import { expectLeft, expectRight } from '../helpers/either'
import { TOKEN, contextFor, hides, virtualClock } from './support'

const server = useRecorder()
const vc = virtualClock()
const ctx = (over: Partial<Context> = {}): Context => contextFor(server.url, vc, over)

const raw =
  (status: number, body: string, type = 'application/json') =>
  (_: unknown, res: ServerResponse): void => {
    res.writeHead(status, { 'content-type': type, 'content-length': String(Buffer.byteLength(body)) })
    res.end(body)
  }

afterEach(() => {
  vc.reset()
  vi.useRealTimers()
})

const DEEP_ARRAY = `${'['.repeat(2000)}${']'.repeat(2000)}`
const DEEP_OBJECT = `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`

describe('deeply nested JSON (2,000 levels) never rejects', () => {
  it.each([
    ['an array', DEEP_ARRAY],
    ['an object', DEEP_OBJECT]
  ])('%s on a 200 is a DecodeError with the status', async (_, body) => {
    server.handle(raw(200, body))
    expect(expectLeft(await getCustomer(ctx(), 'c1')())).toMatchObject({ _tag: 'DecodeError', status: 200 })
    expect(expectLeft(await getCustomers(ctx())())).toMatchObject({ _tag: 'DecodeError', status: 200 })
  })

  it('nested inside a valid customer (extended) decodes', async () => {
    const body = JSON.stringify(wireCustomer('c1')).replace(/}$/, `,"deep":${DEEP_ARRAY}}`)
    server.handle(raw(200, body.replace('"extended":null', `"extended":${DEEP_OBJECT}`)))
    expect(expectRight(await getCustomer(ctx(), 'c1')()).id).toBe('c1')
  })

  it.each([404, 503])('on a %i is an HttpError with its status and attempts, not "failed unexpectedly"', async (s) => {
    for (const body of [DEEP_ARRAY, DEEP_OBJECT, `{"message":"no","data":${DEEP_ARRAY},"errors":[${DEEP_OBJECT}]}`]) {
      server.handle(raw(s, body))
      const e = expectLeft(await getCustomer(ctx(), 'c1')())
      expect(e).toMatchObject({ _tag: 'HttpError', status: s, attempts: s === 503 ? 3 : 1 })
    }
  })

  it('with an escape in the body (redacted value by value, iteratively)', async () => {
    const body = `{"message":"t\\u006fk","data":${DEEP_ARRAY}}`
    server.handle(raw(400, body))
    expect(expectLeft(await getCustomer(ctx(), 'c1')())).toMatchObject({ _tag: 'HttpError', status: 400 })
  })
})

describe('a page whose every element fails is reported in bounded work', () => {
  it('at most 100 messages, then a count of the rest, in the io-ts format', async () => {
    const item = JSON.stringify({ id: 42, base: { contacts: { email: 42 } } })
    const n = 2_000
    server.handle(
      raw(
        200,
        `{"elements":[${Array(n).fill(item).join(',')}],"page":{"number":0,"size":${n},"totalElements":${n},"totalPages":1}}`
      )
    )
    const e = expectLeft(await getCustomers(ctx())())
    if (e._tag !== 'DecodeError') throw new Error(e._tag)
    expect(e.errors).toHaveLength(101)
    expect(e.errors.slice(0, 4)).toEqual([
      'elements.0.id: expected string, got 42',
      'elements.0.base.contacts.email: expected string | null, got 42',
      'elements.1.id: expected string, got 42',
      'elements.1.base.contacts.email: expected string | null, got 42'
    ])
    // Two problems per element: 100 are listed, the other 3,900 are counted.
    expect(e.errors[100]).toBe(`... and ${2 * n - 100} more`)
    expect(e.message).toContain('(elements.0.id: expected string, got 42)')
  })

  it('gives the messages io-ts gives, whenever there are fewer than 100', () => {
    const Page = pageOf(Customer)
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(wireCustomer('c')), fc.jsonValue()), { maxLength: 4 }),
        fc.jsonValue(),
        (elements, page) => {
          for (const u of [{ elements, page }, elements[0]]) {
            const slow = Page.decode(structuredClone(u))
            const fast = decodeWith(Page)(structuredClone(u))
            if (E.isRight(slow)) expect(E.isRight(fast)).toBe(true)
            else if (formatValidationErrors(slow.left, 1000).length < 100)
              expect(fast).toEqual(E.left(formatValidationErrors(slow.left, 1000)))
          }
        }
      ),
      { numRuns: 200, seed: 11 }
    )
  })

  it('quotes no part of the token: values are redacted before they are cut', () => {
    const S = t.type({ a: t.number, [`k${TOKEN}`]: t.number })
    const r = decodeWith(S, false, TOKEN)({ a: `${'x'.repeat(30)}${TOKEN}`, [`k${TOKEN}`]: 'y' })
    expect(r).toEqual(
      E.left([
        'a: expected number, got "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx[redac...',
        'k[redacted]: expected number, got "y"'
      ])
    )
  })
})

describe('server-supplied strings are redacted', () => {
  it('a token echoed in the Content-Type', async () => {
    server.handle(raw(500, 'oops', `text/${TOKEN}`))
    const e = expectLeft(await getCustomer(ctx({ retry: false }), 'c1')())
    expect(e.message).toContain('(text/[redacted])')
    expect(hides(e, TOKEN)).toBe(true)
  })
})

describe('caller input is InvalidInput, nothing sent', () => {
  it.each([
    ['no context', undefined],
    ['null', null],
    ['a string', 'ctx']
  ])('%s', async (_, c) => {
    const e = expectLeft(await getCustomer(c as unknown as Context, 'c1')())
    expect(e._tag).toBe('InvalidInput')
    expect(e.message).toMatch(/^getCustomer: the context must be an object/)
  })

  it.each<[string, Partial<Record<keyof Context, unknown>>]>([
    ['fetch that is not a function', { fetch: 'nope' }],
    ['timeout as a string', { timeout: '1000' }],
    ['timeout NaN', { timeout: Number.NaN }],
    ['negative timeout', { timeout: -1 }],
    ['maxResponseBytes as a string', { maxResponseBytes: '10' }],
    ['infinite retries', { retry: { retries: Infinity } }],
    ['negative baseDelayMs', { retry: { baseDelayMs: -5 } }],
    ['NaN maxDelayMs', { retry: { maxDelayMs: Number.NaN } }],
    ['maxRetryAfterMs as a string', { retry: { maxRetryAfterMs: '1' } }],
    ['retry that is a number', { retry: 3 }],
    ['a clock whose sleep is not a function', { clock: { sleep: 1 } }],
    ['a signal that is not a signal', { signal: {} }]
  ])('a context with %s', async (_, over) => {
    server.handle((_, res) => json(res, 200, wireCustomer('c1')))
    const e = expectLeft(await getCustomer(ctx(over as Partial<Context>), 'c1')())
    expect(e._tag).toBe('InvalidInput')
    expect(e.message).toMatch(/^getCustomer: ctx\./)
    expect(server.requests).toHaveLength(0)
  })

  it.each(['Transfer-Encoding', 'connection', 'UPGRADE', 'Keep-Alive', 'expect'])('a %s header', async (name) => {
    const e = expectLeft(await getCustomer(ctx({ headers: { [name]: 'x' } }), 'c1')())
    expect(e._tag).toBe('InvalidInput')
    expect(e.message).toContain(name)
    expect(server.requests).toHaveLength(0)
  })
})

describe('a bug in a caller-supplied fetch is not retried as if the network were down', () => {
  const counting = (f: typeof fetch) => {
    let calls = 0
    const wrapped: typeof fetch = (i, init) => (calls++, f(i, init))
    return { fetch: wrapped, calls: () => calls }
  }

  it.each<[string, typeof fetch, string]>([
    [
      'throws synchronously',
      () => {
        throw new TypeError(`cannot read x of undefined ${TOKEN}`)
      },
      'TypeError'
    ],
    ['rejects with its own RangeError', () => Promise.reject(new RangeError('bad index')), 'RangeError'],
    ['rejects with a TypeError of its own', () => Promise.reject(new TypeError('x.y is not a function')), 'TypeError'],
    ['resolves to something that is not a Response', () => Promise.resolve({} as Response), '']
  ])('a fetch that %s: one attempt, a NetworkError whose cause shows it', async (_, f, name) => {
    const c = counting(f)
    const e = expectLeft(await getCustomer(ctx({ fetch: c.fetch }), 'c1')())
    expect(c.calls()).toBe(1)
    expect(e).toMatchObject({ _tag: 'NetworkError', attempts: 1, path: '/workspaces/ws/customers/c1' })
    expect(e.message).toContain('not a network failure')
    if (name !== '' && e._tag === 'NetworkError') expect(e.cause?.name).toBe(name)
    expect(hides(e, TOKEN)).toBe(true)
  })

  it("undici's own failure (TypeError: fetch failed, with a coded cause) is a transport failure: retried", async () => {
    const c = counting(() =>
      Promise.reject(
        new TypeError('fetch failed', { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) })
      )
    )
    const e = expectLeft(await getCustomer(ctx({ fetch: c.fetch }), 'c1')())
    expect(c.calls()).toBe(3)
    expect(e).toMatchObject({ _tag: 'NetworkError', attempts: 3, cause: { name: 'TypeError', code: 'ECONNRESET' } })
    expect(e.message).toBe(
      'getCustomer GET /workspaces/ws/customers/c1 could not reach the server or lost the connection (ECONNRESET), 3 attempts.'
    )
  })
})

describe('NetworkError says what the transport said', () => {
  it('a refused connection on 127.0.0.1 has cause.code ECONNREFUSED', async () => {
    const gone = await startRecorder()
    const url = gone.url
    await gone.close()
    const e = expectLeft(await getCustomer(contextFor(url, vc, { retry: false }), 'c1')())
    expect(e).toMatchObject({ _tag: 'NetworkError', attempts: 1, cause: { code: 'ECONNREFUSED' } })
    expect(e.message).toContain('(ECONNREFUSED)')
  })
})

describe('long waits really wait', () => {
  it('a timeout above 2^31-1 ms does not fire at once', async () => {
    server.handle((_, res) => void setTimeout(() => json(res, 200, wireCustomer('c1')), 50))
    expect(expectRight(await getCustomer(ctx({ timeout: 2 ** 31, retry: false }), 'c1')()).id).toBe('c1')
  })

  it('a Retry-After above 2^31-1 ms (allowed by maxRetryAfterMs) is waited for, not skipped', async () => {
    server.handle((_, res, n) =>
      n === 1
        ? json(res, 503, {}, { 'retry-after': String(Math.ceil(2 ** 31 / 1000) + 10) })
        : json(res, 200, wireCustomer('c1'))
    )
    const c = new AbortController()
    setTimeout(() => c.abort(), 100)
    const e = expectLeft(
      await getCustomer(
        { ...ctx({ signal: c.signal, retry: { maxRetryAfterMs: Infinity } }), clock: undefined },
        'c1'
      )()
    )
    expect(e._tag).toBe('AbortError')
    expect(server.requests).toHaveLength(1)
  })

  it('after() chains timers past 2^31-1 ms', () => {
    vi.useFakeTimers()
    const fn = vi.fn()
    after(2 ** 31 + 5, fn)
    vi.advanceTimersByTime(2 ** 31 - 1)
    expect(fn).not.toHaveBeenCalled()
    vi.advanceTimersByTime(5)
    expect(fn).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(fn).toHaveBeenCalledTimes(1)
  })
})

describe('messages a user can act on', () => {
  it('a 404 that is not the API (HTML, empty) names the base URL origin', async () => {
    for (const [body, type] of [
      ['<html>Not Found</html>', 'text/html'],
      ['', 'text/plain']
    ] as const) {
      server.handle(raw(404, body, type))
      const e = expectLeft(await getCustomer(ctx(), 'c1')())
      expect(e.message).toContain(`no such route under ${server.url}, check the base URL.`)
    }
    server.handle((_, res) => answer(res, 404, { message: 'Customer not found', logref: 'l' }))
    expect(expectLeft(await getCustomer(ctx(), 'c1')()).message).not.toContain('base URL')
  })

  it.each([
    [401, 'The client is not authorized to access the API', 'check the token.'],
    [403, 'workspace not found: ws', "check the workspace id and the token's rights."]
  ])('a %i says what to check', async (status, said, advice) => {
    server.handle((_, res) => json(res, status, { message: said }))
    const e = expectLeft(await getCustomer(ctx(), 'c1')())
    expect(e.message).toContain(`${said}; ${advice}`)
  })

  it('the last-resort error names the resolved path and the attempts', async () => {
    server.handle((_, res) => json(res, 503, {}))
    const clock = {
      ...vc.clock,
      now: () => {
        throw new Error('clock broke')
      }
    }
    const e = expectLeft(await getCustomer(ctx({ clock }), 'c1')())
    expect(e).toMatchObject({ _tag: 'NetworkError', path: '/workspaces/ws/customers/c1', attempts: 1 })
    expect(e.message).toBe('getCustomer GET /workspaces/ws/customers/c1 failed unexpectedly.')
  })
})
