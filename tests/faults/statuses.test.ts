// Transient and final statuses through the public operations: what is retried, how long the client waits
// (measured on the virtual clock: the sum of the waits it asked for), and what is never repeated.
import { beforeEach, describe, expect, it } from 'vitest'
import type { ServerResponse } from 'node:http'
import * as O from '#fp-ts/Option'
import { addCustomer, deleteCustomer, getCustomer, getCustomers, updateCustomer } from '../../src/customers'
import { conflictingCustomerId } from '../../src/error'
import { json, useRecorder } from '../helpers/recorder'
import { expectLeft, expectRight, nth } from '../helpers/either'
import { T0, contextFor, virtualClock } from './support'

const CUSTOMER = { id: 'c1', nodeId: 'node', externalId: 'x', base: { firstName: 'Ada' } }
const PAGE = { elements: [CUSTOMER], page: { number: 0, size: 10, totalElements: 1, totalPages: 1 } }

const server = useRecorder()
const other = useRecorder()
const vc = virtualClock()
const ctx = (over = {}) => contextFor(server.url, vc, over)

/** Answers the given statuses in turn (with the API's error body), then `final`. */
const script = (codes: ReadonlyArray<number>, final: unknown = CUSTOMER, headers: Record<string, string> = {}) =>
  server.handle((_, res, n) => {
    const code = codes[n - 1]
    if (code === undefined) json(res, 200, final)
    else json(res, code, { message: `status ${code}`, logref: `ref-${n}` }, headers)
  })

beforeEach(() => {
  vc.reset()
})

describe('503, 503, 200', () => {
  it('getCustomer succeeds on the third attempt after 100 + 200 ms of full-jitter backoff', async () => {
    script([503, 503])
    expect(expectRight(await getCustomer(ctx(), 'c1')()).id).toBe('c1')
    expect(server.requests).toHaveLength(3)
    expect(vc.sleeps).toEqual([100, 200]) // random() = 0.5 of min(5000, 200 * 2^n)
    expect(vc.elapsed()).toBe(300)
  })

  it('getCustomers succeeds on the third attempt, and sends the same query each time', async () => {
    script([503, 503], PAGE)
    expect(expectRight(await getCustomers(ctx(), { size: 10 })()).elements).toHaveLength(1)
    expect(new Set(server.requests.map((r) => r.url)).size).toBe(1)
  })

  it('addCustomer (POST) is not retried: one request, the 503 is returned', async () => {
    script([503, 503])
    const e = expectLeft(await addCustomer(ctx(), { externalId: 'x' })())
    expect(e).toMatchObject({ _tag: 'HttpError', status: 503, method: 'POST', attempts: 1, logref: 'ref-1' })
    expect(server.requests).toHaveLength(1)
    expect(vc.sleeps).toEqual([])
  })

  it('updateCustomer (PATCH) is not retried; with fullUpdate (PUT) it is', async () => {
    script([503, 503])
    expect(expectLeft(await updateCustomer(ctx(), 'c1', { externalId: 'y' })())).toMatchObject({
      status: 503,
      attempts: 1
    })
    server.requests.length = 0
    script([503, 503])
    expect(expectRight(await updateCustomer(ctx(), 'c1', { externalId: 'y' }, { fullUpdate: true })()).id).toBe('c1')
    expect(server.requests.map((r) => r.method)).toEqual(['PUT', 'PUT', 'PUT'])
  })
})

describe('persistent 503', () => {
  it('stops after 3 attempts by default, and says how many were made', async () => {
    script(Array(50).fill(503))
    const e = expectLeft(await getCustomer(ctx(), 'c1')())
    expect(e).toMatchObject({ _tag: 'HttpError', status: 503, attempts: 3, logref: 'ref-3' })
    expect(server.requests).toHaveLength(3)
    expect(vc.elapsed()).toBe(300)
  })

  it('retries: 6 makes 7 attempts; each wait is capped by maxDelayMs, so the total is bounded', async () => {
    script(Array(50).fill(503))
    const e = expectLeft(await getCustomer(ctx({ retry: { retries: 6, baseDelayMs: 200, maxDelayMs: 1000 } }), 'c1')())
    expect(e).toMatchObject({ attempts: 7 })
    expect(server.requests).toHaveLength(7)
    expect(vc.sleeps).toEqual([100, 200, 400, 500, 500, 500])
    expect(vc.elapsed()).toBe(2200)
  })

  // Issue 11: nonsense options are refused before anything is sent (they used to fall back to the defaults).
  it('nonsense retry options are refused instead of looping', async () => {
    script(Array(50).fill(503))
    const odd = { retries: Number.POSITIVE_INFINITY, baseDelayMs: -5, maxDelayMs: Number.NaN }
    const e = expectLeft(await getCustomer(ctx({ retry: odd }), 'c1')())
    expect(e).toMatchObject({ _tag: 'InvalidInput' })
    expect(server.requests).toHaveLength(0)
    expect(vc.sleeps).toEqual([])
  })
})

describe('429 and Retry-After', () => {
  const retryAfter = (value: string) =>
    server.handle((_, res, n) =>
      n === 1 ? json(res, 429, { message: 'Too many requests' }, { 'retry-after': value }) : json(res, 200, CUSTOMER)
    )

  it('in seconds: waits exactly that long', async () => {
    retryAfter('7')
    expect(expectRight(await getCustomer(ctx(), 'c1')()).id).toBe('c1')
    expect(server.requests).toHaveLength(2)
    expect(vc.sleeps).toEqual([7000])
  })

  it('as an HTTP date: waits until then, by the injected clock', async () => {
    retryAfter(new Date(T0 + 12_000).toUTCString())
    expect(expectRight(await getCustomer(ctx(), 'c1')()).id).toBe('c1')
    expect(vc.sleeps).toEqual([12_000])
  })

  it('as an HTTP date in the past: retries at once', async () => {
    retryAfter(new Date(T0 - 60_000).toUTCString())
    expect(expectRight(await getCustomer(ctx(), 'c1')()).id).toBe('c1')
    expect(server.requests).toHaveLength(2)
    expect(vc.elapsed()).toBe(0)
  })

  it.each(['soon', '1.5', '-3', '0x10', 'Thursday', '2026-01-01T00:00:10Z', ''])(
    'unparsable (%j): falls back to the backoff',
    async (value) => {
      retryAfter(value)
      expect(expectRight(await getCustomer(ctx(), 'c1')()).id).toBe('c1')
      expect(vc.sleeps).toEqual([100])
    }
  )

  it.each(['3600', '31', new Date(T0 + 86_400_000).toUTCString(), '99999999999999999999999'])(
    'too large to wait for (%s): the 429 is returned at once, after one request',
    async (value) => {
      retryAfter(value)
      const e = expectLeft(await getCustomer(ctx(), 'c1')())
      expect(e).toMatchObject({ _tag: 'HttpError', status: 429, attempts: 1 })
      expect(e.message).toContain('Retry-After is longer than the client waits')
      expect(server.requests).toHaveLength(1)
      expect(vc.sleeps).toEqual([])
    }
  )

  it('maxRetryAfterMs raises the limit: an hour is then waited for (virtually)', async () => {
    retryAfter('3600')
    expect(expectRight(await getCustomer(ctx({ retry: { maxRetryAfterMs: 3_600_000 } }), 'c1')()).id).toBe('c1')
    expect(vc.sleeps).toEqual([3_600_000])
  })

  it('persistent 429 with Retry-After: bounded attempts, each wait as told', async () => {
    server.handle((_, res) => json(res, 429, {}, { 'retry-after': '2' }))
    expect(expectLeft(await getCustomer(ctx(), 'c1')())).toMatchObject({ status: 429, attempts: 3 })
    expect(vc.sleeps).toEqual([2000, 2000])
  })

  // A rate-limited request was not processed: repeating it is harmless whatever the method.
  it('a 429 on addCustomer (POST) is retried after its Retry-After', async () => {
    retryAfter('1')
    expect(expectRight(await addCustomer(ctx(), { externalId: 'x' })()).id).toBe('c1')
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'POST'])
    expect(vc.sleeps).toEqual([1000])
  })

  it('a 429 on updateCustomer (PATCH) and deleteCustomer (DELETE) is retried too', async () => {
    // Every other request is rate limited: the first attempt of each call.
    server.handle((_, res, n) =>
      n % 2 === 1 ? json(res, 429, {}, { 'retry-after': String(n) }) : json(res, 200, CUSTOMER)
    )
    expect(expectRight(await updateCustomer(ctx(), 'c1', { externalId: 'y' })()).id).toBe('c1')
    expectRight(await deleteCustomer(ctx(), 'c1')())
    expect(server.requests.map((r) => r.method)).toEqual(['PATCH', 'PATCH', 'DELETE', 'DELETE'])
    expect(vc.sleeps).toEqual([1000, 3000])
  })

  it('a persistent 429 on addCustomer: bounded attempts, then the 429', async () => {
    server.handle((_, res) => json(res, 429, {}, { 'retry-after': '1' }))
    expect(expectLeft(await addCustomer(ctx(), { externalId: 'x' })())).toMatchObject({ status: 429, attempts: 3 })
    expect(server.requests).toHaveLength(3)
  })

  it('a 429 whose Retry-After is over maxRetryAfterMs is returned at once, POST or not', async () => {
    retryAfter('60')
    expect(expectLeft(await addCustomer(ctx(), { externalId: 'x' })())).toMatchObject({ status: 429, attempts: 1 })
    expect(server.requests).toHaveLength(1)
  })
})

describe('409 on addCustomer', () => {
  const conflict = (res: ServerResponse, id: string) =>
    json(res, 409, {
      message: 'Customer already exists',
      logref: 'l',
      data: { customer: { id, href: `${other.url}/steal/${id}` } }
    })

  it('without forceUpdate: one request, and conflictingCustomerId gives the existing id', async () => {
    server.handle((_, res) => conflict(res, 'c-existing'))
    const e = expectLeft(await addCustomer(ctx(), { externalId: 'x', base: { firstName: 'Ada' } })())
    expect(e).toMatchObject({ _tag: 'HttpError', status: 409, method: 'POST', attempts: 1 })
    expect(conflictingCustomerId(e)).toEqual(O.some('c-existing'))
    expect(server.requests).toHaveLength(1)
    expect(other.requests).toHaveLength(0)
  })

  it('with forceUpdate: POST then PATCH of the existing id under the base URL; the href is never followed', async () => {
    server.handle((_, res, n) =>
      n === 1 ? conflict(res, 'c-existing') : json(res, 200, { ...CUSTOMER, id: 'c-existing' })
    )
    const c = expectRight(
      await addCustomer(ctx(), { externalId: 'x', base: { firstName: 'Ada' } }, { forceUpdate: true })()
    )
    expect(c.id).toBe('c-existing')
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /workspaces/ws/customers',
      'PATCH /workspaces/ws/customers/c-existing'
    ])
    expect(other.requests).toHaveLength(0)
  })

  it('with forceUpdate, a 409 whose id would leave the endpoint is encoded into one segment', async () => {
    server.handle((_, res, n) => (n === 1 ? conflict(res, '../../../admin') : json(res, 200, CUSTOMER)))
    await addCustomer(ctx(), { externalId: 'x' }, { forceUpdate: true })()
    expect(nth(server.requests, 1).url).toBe('/workspaces/ws/customers/..%2F..%2F..%2Fadmin')
  })

  it('a 409 without a usable id: conflictingCustomerId is none, forceUpdate returns the 409', async () => {
    server.handle((_, res) => json(res, 409, { message: 'Customer already exists', data: { customer: { id: 42 } } }))
    const e = expectLeft(await addCustomer(ctx(), { externalId: 'x' }, { forceUpdate: true })())
    expect(e).toMatchObject({ status: 409 })
    expect(conflictingCustomerId(e)).toEqual(O.none)
    expect(server.requests).toHaveLength(1)
  })
})

describe('423 reindexing', () => {
  beforeEach(() =>
    server.handle((_, res) => json(res, 423, { message: 'Workspace is being reindexed', logref: 'reidx' }))
  )

  it('getCustomer: HttpError 423, not retried', async () => {
    const e = expectLeft(await getCustomer(ctx(), 'c1')())
    expect(e).toMatchObject({ _tag: 'HttpError', status: 423, attempts: 1, logref: 'reidx' })
    expect(e.message).toContain('423 Locked: Workspace is being reindexed.')
    expect(server.requests).toHaveLength(1)
    expect(vc.sleeps).toEqual([])
  })

  it('addCustomer and getCustomers: HttpError 423 after one request each', async () => {
    expect(expectLeft(await addCustomer(ctx(), {})())).toMatchObject({ status: 423, attempts: 1 })
    expect(expectLeft(await getCustomers(ctx())())).toMatchObject({ status: 423, attempts: 1 })
    expect(server.requests).toHaveLength(2)
  })
})
