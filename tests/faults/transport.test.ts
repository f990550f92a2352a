// The transport fault matrix, through the public operations over real loopback sockets: resets, refusals,
// timeouts before the headers and in the body, and bodies cut mid-way. Each case checks the error variant, how
// many requests the server saw, and the time spent: backoff is measured on the virtual clock, and real short
// timeouts only get generous upper bounds.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ServerResponse } from 'node:http'
import * as E from '#fp-ts/Either'
import { addCustomer, deleteCustomer, getCustomer, getCustomers, updateCustomer } from '../../src/customers'
import { json, startRecorder, useRecorder } from '../helpers/recorder'
import { expectLeft, expectRight } from '../helpers/either'
import { contextFor, virtualClock } from './support'

const CUSTOMER = { id: 'c1', nodeId: 'node', base: { firstName: 'Ada' } }

const server = useRecorder()
const vc = virtualClock()
const ctx = (over = {}) => contextFor(server.url, vc, over)

beforeEach(() => {
  vc.reset()
})

describe('connection reset before the headers', () => {
  beforeEach(() => server.handle((_, res) => res.socket?.destroy()))

  it('getCustomer retries twice, then gives a NetworkError after 100 + 200 ms of backoff', async () => {
    const e = expectLeft(await getCustomer(ctx(), 'c1')())
    expect(e).toMatchObject({ _tag: 'NetworkError', method: 'GET', path: '/workspaces/ws/customers/c1', attempts: 3 })
    expect(server.requests).toHaveLength(3)
    expect(vc.sleeps).toEqual([100, 200])
    expect(vc.elapsed()).toBe(300)
  })

  it('addCustomer (POST) is sent once: the server may have created the customer', async () => {
    const e = expectLeft(await addCustomer(ctx(), { externalId: 'x' })())
    expect(e).toMatchObject({ _tag: 'NetworkError', method: 'POST', attempts: 1 })
    expect(server.requests).toHaveLength(1)
    expect(vc.sleeps).toEqual([])
  })

  it('updateCustomer with fullUpdate (PUT, idempotent) is retried', async () => {
    const e = expectLeft(await updateCustomer(ctx(), 'c1', { externalId: 'x' }, { fullUpdate: true })())
    expect(e).toMatchObject({ _tag: 'NetworkError', method: 'PUT', attempts: 3 })
    expect(server.requests.map((r) => r.method)).toEqual(['PUT', 'PUT', 'PUT'])
  })

  it('updateCustomer (PATCH) and deleteCustomer are sent once', async () => {
    expect(expectLeft(await updateCustomer(ctx(), 'c1', { externalId: 'x' })())).toMatchObject({
      _tag: 'NetworkError',
      attempts: 1
    })
    expect(expectLeft(await deleteCustomer(ctx(), 'c1')())).toMatchObject({ _tag: 'NetworkError', attempts: 1 })
    expect(server.requests.map((r) => r.method)).toEqual(['PATCH', 'DELETE'])
  })

  it('a reset on the first attempt only: the read succeeds on the second', async () => {
    server.handle((_, res, n) => (n === 1 ? res.socket?.destroy() : json(res, 200, CUSTOMER)))
    expect(expectRight(await getCustomer(ctx(), 'c1')()).id).toBe('c1')
    expect(server.requests).toHaveLength(2)
    expect(vc.sleeps).toEqual([100])
  })
})

describe('connection refused', () => {
  let refusedUrl: string
  beforeAll(async () => {
    const gone = await startRecorder()
    refusedUrl = gone.url
    await gone.close()
  })

  it('getCustomer gives a NetworkError after its bounded retries', async () => {
    const e = expectLeft(await getCustomer(contextFor(refusedUrl, vc), 'c1')())
    expect(e).toMatchObject({ _tag: 'NetworkError', method: 'GET', path: '/workspaces/ws/customers/c1', attempts: 3 })
    expect(vc.sleeps).toEqual([100, 200])
  })

  it('getCustomers and addCustomer give a NetworkError too (addCustomer after one attempt)', async () => {
    expect(expectLeft(await getCustomers(contextFor(refusedUrl, vc))())).toMatchObject({
      _tag: 'NetworkError',
      attempts: 3
    })
    vc.reset()
    expect(expectLeft(await addCustomer(contextFor(refusedUrl, vc), {})())).toMatchObject({
      _tag: 'NetworkError',
      attempts: 1
    })
    expect(vc.sleeps).toEqual([])
  })

  it('retry: false makes exactly one attempt', async () => {
    const e = expectLeft(await getCustomer(contextFor(refusedUrl, vc, { retry: false }), 'c1')())
    expect(e).toMatchObject({ _tag: 'NetworkError', attempts: 1 })
    expect(vc.sleeps).toEqual([])
  })
})

describe('headers slower than the timeout', () => {
  it('the retry gets a fresh window: 400 ms stalled, then an answer after 100 ms succeeds', async () => {
    server.handle((_, res, n) => {
      if (n === 1) return // never answered: the first attempt times out
      setTimeout(() => json(res, 200, CUSTOMER), 100) // within a fresh 400 ms window, not within what is left of one
    })
    const c = expectRight(await getCustomer(ctx({ timeout: 400 }), 'c1')())
    expect(c.id).toBe('c1')
    expect(server.requests).toHaveLength(2)
    expect(vc.sleeps).toEqual([100])
  })

  it('a server that never answers: TimeoutError after three attempts', async () => {
    server.handle(() => undefined)
    const e = expectLeft(await getCustomer(ctx({ timeout: 100 }), 'c1')())
    expect(e).toMatchObject({ _tag: 'TimeoutError', method: 'GET', timeout: 100, attempts: 3 })
    expect(e.message).toBe('getCustomer GET /workspaces/ws/customers/c1 timed out after 100 ms, 3 attempts.')
    expect(server.requests).toHaveLength(3)
    expect(vc.sleeps).toEqual([100, 200])
  })

  it('a create that times out is not repeated', async () => {
    server.handle(() => undefined)
    const e = expectLeft(await addCustomer(ctx({ timeout: 100 }), { externalId: 'x' })())
    expect(e).toMatchObject({ _tag: 'TimeoutError', method: 'POST', attempts: 1 })
    expect(server.requests).toHaveLength(1)
  })
})

describe('headers, then a stalled body', () => {
  beforeEach(() =>
    server.handle((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '200' })
      res.write('{"id": "c1", "base": {')
    })
  )

  it('getCustomer: the timeout covers the body; TimeoutError after three attempts', async () => {
    const e = expectLeft(await getCustomer(ctx({ timeout: 120 }), 'c1')())
    expect(e).toMatchObject({ _tag: 'TimeoutError', timeout: 120, attempts: 3 })
    expect(server.requests).toHaveLength(3)
  })

  it('deleteCustomer: one attempt', async () => {
    const e = expectLeft(await deleteCustomer(ctx({ timeout: 120 }), 'c1')())
    expect(e).toMatchObject({ _tag: 'TimeoutError', method: 'DELETE', attempts: 1 })
    expect(server.requests).toHaveLength(1)
  })

  it('a body that trickles forever still times out (the timeout is per attempt, body included)', async () => {
    server.handle((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('[')
      let n = 0
      const timer = setInterval(() => {
        if (++n > 100 || res.destroyed) return clearInterval(timer)
        res.write(' ')
      }, 20)
      res.on('close', () => clearInterval(timer))
    })
    const e = expectLeft(await getCustomer(ctx({ timeout: 150, retry: false }), 'c1')())
    expect(e).toMatchObject({ _tag: 'TimeoutError', attempts: 1 })
  })
})

describe('headers, then a body cut mid-way', () => {
  const cut = (_: unknown, res: ServerResponse): void => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' })
    res.write('{"id": "c1", "base": {"firstName": "A')
    setTimeout(() => res.destroy(), 5)
  }

  it('getCustomer: NetworkError after three attempts', async () => {
    server.handle(cut)
    const e = expectLeft(await getCustomer(ctx(), 'c1')())
    expect(e).toMatchObject({ _tag: 'NetworkError', method: 'GET', attempts: 3 })
    expect(e.message).toContain('lost the connection while reading the response')
    expect(server.requests).toHaveLength(3)
    expect(vc.sleeps).toEqual([100, 200])
  })

  it('getCustomer: cut once, then whole', async () => {
    server.handle((req, res, n) => (n === 1 ? cut(req, res) : json(res, 200, CUSTOMER)))
    expect(E.isRight(await getCustomer(ctx(), 'c1')())).toBe(true)
    expect(server.requests).toHaveLength(2)
  })

  it('a chunked body cut mid-way (no Content-Length) is a NetworkError too', async () => {
    server.handle((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"id": "c1", "ba')
      setTimeout(() => res.destroy(), 5)
    })
    expect(expectLeft(await getCustomer(ctx({ retry: false }), 'c1')())).toMatchObject({
      _tag: 'NetworkError',
      attempts: 1
    })
  })

  it('addCustomer and deleteCustomer: NetworkError after one attempt', async () => {
    server.handle(cut)
    expect(expectLeft(await addCustomer(ctx(), {})())).toMatchObject({ _tag: 'NetworkError', attempts: 1 })
    expect(expectLeft(await deleteCustomer(ctx(), 'c1')())).toMatchObject({ _tag: 'NetworkError', attempts: 1 })
    expect(server.requests).toHaveLength(2)
  })
})
