// A fetch function that ignores the request's signal (a wrapper that drops it, a polyfill without abort support)
// must not hold a request past its timeout or past the caller's abort: the attempt races every wait of such a fetch
// against its own end, for the headers and for each read of the body. (Node's own fetch is stopped by the signal
// instead: see socket-close.test.ts.)
import { describe, expect, it } from 'vitest'
import { getCustomer } from '../../src/customers'
import { expectLeft, expectRight } from '../helpers/either'
import { contextFor, virtualClock } from './support'

const vc = virtualClock()
const CUSTOMER = JSON.stringify({ id: 'c1', nodeId: 'node', base: { firstName: 'Ada' } })

/** A fetch that never looks at `init.signal`; `respond` says what it does instead. */
const deaf =
  (respond: () => Promise<Response>): typeof fetch =>
  () =>
    respond()

/** A body that sends `first` and then nothing, ever (bounded: the test ends it by cancelling). */
const stallingBody = (first: string): ReadableStream<Uint8Array> =>
  new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(first))
    }
  })

const ctx = (fetcher: typeof fetch, over = {}) =>
  contextFor('https://api.example.test/hub/v1', vc, { fetch: fetcher, retry: false, timeout: 50, ...over })

describe('a fetch that ignores the signal', () => {
  it('that never answers: TimeoutError after the timeout', async () => {
    const e = expectLeft(await getCustomer(ctx(deaf(() => new Promise<Response>(() => undefined))), 'c1')())
    expect(e).toMatchObject({ _tag: 'TimeoutError', timeout: 50, path: '/workspaces/ws/customers/c1' })
  })

  it.each([
    ['with a Content-Length', { 'content-length': String(CUSTOMER.length + 10) }],
    ['chunked', {}]
  ])('whose body stalls (%s): TimeoutError, the body is not waited for', async (_, headers) => {
    const fetch = deaf(() =>
      Promise.resolve(
        new Response(stallingBody(CUSTOMER.slice(0, 10)), {
          status: 200,
          headers: { 'content-type': 'application/json', ...headers }
        })
      )
    )
    const e = expectLeft(await getCustomer(ctx(fetch), 'c1')())
    expect(e).toMatchObject({ _tag: 'TimeoutError', timeout: 50 })
  })

  it("that never answers: the caller's abort ends the request", async () => {
    const controller = new AbortController()
    const pending = getCustomer(
      ctx(
        deaf(() => new Promise<Response>(() => undefined)),
        { signal: controller.signal, timeout: 60_000 }
      ),
      'c1'
    )()
    setTimeout(() => controller.abort(), 20)
    expect(expectLeft(await pending)._tag).toBe('AbortError')
  })

  it('that answers in full: the customer, as with any fetch', async () => {
    const fetch = deaf(() =>
      Promise.resolve(
        new Response(CUSTOMER, {
          status: 200,
          headers: { 'content-type': 'application/json', 'content-length': String(CUSTOMER.length) }
        })
      )
    )
    expect(expectRight(await getCustomer(ctx(fetch), 'c1')()).id).toBe('c1')
  })
})
