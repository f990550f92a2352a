// The token never leaks: every error variant, built through real calls over loopback sockets, and every paginated
// value are searched for it in `message`, every field (at any depth, getters and symbol keys included), `cause`,
// `String()`, `JSON.stringify` and `util.inspect` with hidden properties and getters.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import * as E from '#fp-ts/Either'
import type { ContacthubError } from '../../src/error'
import type { Context } from '../../src/context'
import { nextPage, pages, type Paginated } from '../../src/pagination'
import { addCustomer, getCustomer, getCustomerByExternalId, getCustomers } from '../../src/customers'
import { addTag } from '../../src/tags'
import { addEvent } from '../../src/events'
import type { Customer } from '../../src/codecs/customer'
import { json, startRecorder, useRecorder } from '../helpers/recorder'
import { expectLeft, expectRight, nth } from '../helpers/either'
import { TOKEN, contextFor, hides, renderings, virtualClock } from '../faults/support'

const server = useRecorder()
let refusedUrl: string
const vc = virtualClock()
const ctx = (over: Partial<Context> = {}): Context => contextFor(server.url, vc, { retry: false, ...over })

beforeAll(async () => {
  const gone = await startRecorder()
  refusedUrl = gone.url
  await gone.close()
})
beforeEach(() => {
  vc.reset()
})

const CUSTOMER = { id: 'c1', nodeId: 'node', base: { firstName: 'Ada' } }
const page = (n: number, total: number) => ({
  elements: [{ ...CUSTOMER, id: `c${n}` }],
  page: { number: n, size: 1, totalElements: total, totalPages: total }
})

/** The token is sent, and appears in no rendering of the value. */
const expectHidden = (value: unknown): void => {
  const leaks = renderings(value).filter((s) => s.includes(TOKEN))
  expect(leaks).toEqual([])
  // Parts of it neither (a token cut at a length limit is still a leak).
  expect(hides(value, TOKEN.slice(0, 12))).toBe(true)
}

/** Each variant, built through a real call. */
const VARIANTS: ReadonlyArray<[ContacthubError['_tag'], string, () => Promise<ContacthubError>]> = [
  [
    'HttpError',
    '401 with the API body',
    async () => {
      server.handle((_, res) => json(res, 401, { message: 'Invalid token', logref: 'l1', data: {}, errors: [] }))
      return expectLeft(await getCustomer(ctx(), 'c1')())
    }
  ],
  [
    'HttpError',
    '503 after retries',
    async () => {
      server.handle((_, res) => json(res, 503, { message: 'down' }, { 'retry-after': '1' }))
      return expectLeft(await getCustomer(ctx({ retry: {} }), 'c1')())
    }
  ],
  [
    'HttpError',
    '409 on addCustomer',
    async () => {
      server.handle((_, res) => json(res, 409, { message: 'exists', data: { customer: { id: 'c9', href: 'x' } } }))
      return expectLeft(await addCustomer(ctx(), { externalId: 'x' })())
    }
  ],
  [
    'HttpError',
    'a redirect',
    async () => {
      server.handle((_, res) => {
        res.writeHead(302, { location: 'https://evil.example/' })
        res.end()
      })
      return expectLeft(await getCustomer(ctx(), 'c1')())
    }
  ],
  [
    'DecodeError',
    'a wrong shape',
    async () => {
      server.handle((_, res) => json(res, 200, { id: 42, base: { firstName: 7 } }))
      return expectLeft(await getCustomer(ctx(), 'c1')())
    }
  ],
  [
    'DecodeError',
    'an HTML 200',
    async () => {
      server.handle((_, res) => {
        res.writeHead(200, { 'content-type': 'text/html' })
        res.end('<html>login</html>')
      })
      return expectLeft(await getCustomer(ctx(), 'c1')())
    }
  ],
  ['NetworkError', 'refused', async () => expectLeft(await getCustomer(contextFor(refusedUrl, vc), 'c1')())],
  [
    'NetworkError',
    'a reset',
    async () => {
      server.handle((_, res) => res.socket?.destroy())
      return expectLeft(await addCustomer(ctx(), {})())
    }
  ],
  [
    'NetworkError',
    'a fetch that throws an error naming the token',
    async () =>
      expectLeft(
        await getCustomer(
          ctx({
            fetch: (_input, init) => {
              const auth = new Headers(init?.headers).get('authorization') ?? ''
              return Promise.reject(new TypeError(`fetch failed for ${auth}`, { cause: { headers: init?.headers } }))
            }
          }),
          'c1'
        )()
      )
  ],
  [
    'TimeoutError',
    'a stalled server',
    async () => {
      server.handle(() => undefined)
      return expectLeft(await getCustomer(ctx({ timeout: 50 }), 'c1')())
    }
  ],
  [
    'AbortError',
    'a caller abort',
    async () => {
      server.handle(() => undefined)
      const c = new AbortController()
      setTimeout(() => c.abort(new Error(`stop ${TOKEN}`)), 20)
      return expectLeft(await getCustomer({ ...ctx(), signal: c.signal }, 'c1')())
    }
  ],
  [
    'ResponseTooLarge',
    'a big body',
    async () => {
      server.handle((_, res) => json(res, 200, { ...CUSTOMER, padding: 'x'.repeat(4096) }))
      return expectLeft(await getCustomer(ctx({ maxResponseBytes: 1024 }), 'c1')())
    }
  ],
  ['InvalidInput', 'a bad id', async () => expectLeft(await getCustomer(ctx(), '..')())],
  [
    'InvalidInput',
    'a token with CRLF',
    async () => expectLeft(await getCustomer(ctx({ token: `${TOKEN}\r\nX: y` }), 'c1')())
  ],
  [
    'InvalidInput',
    'a token with non-Latin-1 characters',
    async () => expectLeft(await getCustomer(ctx({ token: `${TOKEN}\u20ac` }), 'c1')())
  ],
  [
    'InvalidInput',
    'the token in the base URL user info',
    async () => expectLeft(await getCustomer(ctx({ baseUrl: `https://u:${TOKEN}@api.example.com` }), 'c1')())
  ],
  [
    'InvalidInput',
    'the token in a plain-http base URL',
    async () => expectLeft(await getCustomer(ctx({ baseUrl: `http://api.example.com/${TOKEN}` }), 'c1')())
  ],
  [
    'InvalidInput',
    'a header that cannot be sent',
    async () => expectLeft(await getCustomer(ctx({ headers: { 'X-Auth': `${TOKEN}\n` } }), 'c1')())
  ],
  [
    'InvalidInput',
    'an event without customer',
    async () => expectLeft(await addEvent(ctx(), { type: 'viewedPage', context: 'WEB' } as never)())
  ],
  [
    'NotFound',
    'getCustomerByExternalId with no match',
    async () => {
      server.handle((_, res) =>
        json(res, 200, { elements: [], page: { number: 0, size: 10, totalElements: 0, totalPages: 0 } })
      )
      return expectLeft(await getCustomerByExternalId(ctx(), 'x')())
    }
  ]
]

describe('every error variant hides the token', () => {
  it('covers every variant of ContacthubError', () => {
    expect(new Set(VARIANTS.map(([tag]) => tag))).toEqual(
      new Set([
        'HttpError',
        'DecodeError',
        'NetworkError',
        'TimeoutError',
        'AbortError',
        'ResponseTooLarge',
        'InvalidInput',
        'NotFound'
      ])
    )
  })

  it.each(VARIANTS)('%s (%s)', async (tag, _, build) => {
    const e = await build()
    expect(e._tag).toBe(tag)
    expectHidden(e)
    expect(Object.getOwnPropertySymbols(e)).toEqual([])
    expect('cause' in e ? hides((e as { cause?: unknown }).cause, TOKEN) : true).toBe(true)
  })

  it('the requests that produced them did carry the token (so the check means something)', async () => {
    server.handle((_, res) => json(res, 401, { message: 'no' }))
    await getCustomer(ctx(), 'c1')()
    expect(nth(server.requests, 0).headers.authorization).toBe(`Bearer ${TOKEN}`)
  })
})

// A server (or a proxy, or a debugging gateway) that echoes the request back puts the token in the body of its
// answer. The guarantee is unconditional: the error must still not carry it.
describe('a server that echoes the token back', () => {
  const echo = (status: number, shape: (auth: string) => unknown, type = 'application/json') =>
    server.handle((req, res) => {
      const body = shape(String(req.headers.authorization))
      res.writeHead(status, { 'content-type': type })
      res.end(typeof body === 'string' ? body : JSON.stringify(body))
    })

  it('HttpError: the token in message, logref, data and errors', async () => {
    echo(401, (auth) => ({
      message: `Invalid token ${auth}`,
      logref: auth,
      data: { headers: { authorization: auth } },
      errors: [{ got: auth }]
    }))
    expectHidden(expectLeft(await getCustomer(ctx(), 'c1')()))
  })

  it('HttpError: the token in a framework error field and in a plain-text body', async () => {
    echo(400, (auth) => ({ error: `Bad header ${auth}` }))
    expectHidden(expectLeft(await getCustomer(ctx(), 'c1')()))
    echo(500, (auth) => `Unauthorized: ${auth}`, 'text/plain')
    expectHidden(expectLeft(await getCustomer(ctx(), 'c1')()))
  })

  it('DecodeError: the token in a field of the wrong type', async () => {
    echo(200, (auth) => ({ id: 'c1', enabled: auth.slice('Bearer '.length) }))
    expectHidden(expectLeft(await getCustomer(ctx(), 'c1')()))
  })
})

describe('values hide the token', () => {
  it('a Paginated value, its copy, the next page and every page of a walk', async () => {
    server.handle((req, res) => json(res, 200, page(Number(req.searchParams.get('page') ?? 0), 3)))
    const first: Paginated<Customer> = expectRight(await getCustomers(ctx(), { size: 1 })())
    expectHidden(first)
    expectHidden({ ...first })
    const second = expectRight(await nextPage({ ...first })())
    expect(second.page.number).toBe(1)
    expectHidden(second)
    let n = 0
    for await (const p of pages(getCustomers(ctx(), { size: 1 }))) {
      expectHidden(p)
      if (++n > 5) break
    }
    expect(n).toBe(3)
  })

  it('a customer returned by addTag', async () => {
    server.handle((req, res) => json(res, 200, { ...CUSTOMER, tags: { manual: ['vip'] } }))
    expectHidden(expectRight(await addTag(ctx(), 'c1', 'vip')()))
  })

  it('a Left yielded by pages()', async () => {
    server.handle((_, res) => json(res, 401, { message: 'no' }))
    const yielded: Array<E.Either<unknown, unknown>> = []
    for await (const p of pages(getCustomers(ctx()))) yielded.push(p)
    // One Left, then the walk stops: the loop above asserted nothing when pages() yielded nothing.
    expect(yielded.map(E.isLeft)).toEqual([true])
    expectHidden(yielded)
  })
})
