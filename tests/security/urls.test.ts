// Base URLs and the final URL of every request: https only, plain http only to loopback, no user info; whatever
// the ids, every request stays under the base URL, and the Authorization header goes nowhere else.
import { beforeEach, describe, expect, it } from 'vitest'
import * as E from '#fp-ts/Either'
import type { Context } from '../../src/context'
import type { ContacthubError } from '../../src/error'
import { addCustomer, deleteCustomer, getCustomer, getCustomers, updateCustomer } from '../../src/customers'
import { getCustomerJob, updateJob } from '../../src/entities'
import { deleteCustomerSession } from '../../src/sessions'
import { addTag } from '../../src/tags'
import { getEvent } from '../../src/events'
import { json, useRecorder } from '../helpers/recorder'
import { expectLeft, nth } from '../helpers/either'
import { TOKEN, contextFor, hides, virtualClock } from '../faults/support'

const server = useRecorder((_, res) => json(res, 200, { id: 'c1' }))
const other = useRecorder((_, res) => json(res, 200, { id: 'stolen' }))
const vc = virtualClock()

beforeEach(() => {
  vc.reset()
})

/** A context whose transport records the URL of every request and answers a customer, without any network. */
const recording = (baseUrl: string): { ctx: Context; urls: Array<string>; auth: Array<string | null> } => {
  const urls: Array<string> = []
  const auth: Array<string | null> = []
  const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    urls.push(input instanceof Request ? input.url : String(input))
    auth.push(new Headers(init?.headers).get('authorization'))
    return Promise.resolve(
      new Response('{"id":"c1"}', { status: 200, headers: { 'content-type': 'application/json' } })
    )
  }) as typeof globalThis.fetch
  return { ctx: contextFor(baseUrl, vc, { fetch, retry: false }), urls, auth }
}

describe('base URLs that are refused before anything is sent', () => {
  const port = (): string => new URL(server.url).port
  const refused: ReadonlyArray<[string, () => string]> = [
    ['plain http to a public host', () => 'http://api.contactlab.it/hub/v1'],
    ['plain http to a private address', () => 'http://10.0.0.1/hub/v1'],
    ['plain http to another loopback address', () => `http://127.0.0.2:${port()}`],
    ['plain http to 0.0.0.0', () => `http://0.0.0.0:${port()}`],
    ['plain http to a host that starts with localhost', () => 'http://localhost.evil.example/hub/v1'],
    ['plain http to a host that starts with 127.0.0.1', () => 'http://127.0.0.1.nip.io/hub/v1'],
    ['plain http to an IPv4-mapped IPv6 loopback', () => `http://[::ffff:127.0.0.1]:${port()}`],
    ['user and password', () => `https://user:${TOKEN}@api.contactlab.it/hub/v1`],
    ['a user name only', () => 'https://user@api.contactlab.it/hub/v1'],
    ['a password only', () => `https://:${TOKEN}@api.contactlab.it`],
    ['user info on loopback', () => `http://user:pw@127.0.0.1:${port()}`],
    ['a query', () => 'https://api.contactlab.it/hub/v1?x=1'],
    ['a fragment', () => 'https://api.contactlab.it/hub/v1#x'],
    ['ftp', () => 'ftp://127.0.0.1/'],
    ['file', () => 'file:///etc/passwd'],
    ['javascript', () => 'javascript:alert(1)'],
    ['data', () => 'data:text/plain,hi'],
    ['ws', () => `ws://127.0.0.1:${port()}`],
    ['a relative URL', () => '/hub/v1'],
    ['a scheme-relative URL', () => '//api.contactlab.it/hub/v1'],
    ['a bare host', () => 'api.contactlab.it'],
    ['an empty string', () => '']
  ]

  it.each(refused)('%s: InvalidInput, for every kind of operation, and no request', async (_, base) => {
    const ctx = contextFor(base(), vc)
    const results: ReadonlyArray<E.Either<ContacthubError, unknown>> = [
      await getCustomer(ctx, 'c1')(),
      await addCustomer(ctx, {})(),
      await getCustomers(ctx)(),
      await deleteCustomer(ctx, 'c1')(),
      await addTag(ctx, 'c1', 't')()
    ]
    for (const r of results) {
      const e = expectLeft(r)
      expect(e._tag).toBe('InvalidInput')
      expect(hides(e, TOKEN)).toBe(true)
      expect(e.message).not.toContain('pw@')
    }
    expect(server.requests).toHaveLength(0)
    expect(other.requests).toHaveLength(0)
  })

  it('a base URL that is not a string is an InvalidInput', async () => {
    for (const baseUrl of [42, {}, new URL('http://api.contactlab.it'), ['https://api.contactlab.it']]) {
      expect(expectLeft(await getCustomer(contextFor(baseUrl as never, vc), 'c1')())._tag).toBe('InvalidInput')
    }
  })
})

describe('base URLs that are accepted', () => {
  it.each([
    ['127.0.0.1', (p: string) => `http://127.0.0.1:${p}`],
    ['localhost', (p: string) => `http://localhost:${p}`],
    ['upper-case scheme and host', (p: string) => `HTTP://LOCALHOST:${p}/`],
    ['a trailing slash', (p: string) => `http://127.0.0.1:${p}/`]
  ])('plain http to loopback (%s)', async (_, base) => {
    const r = await getCustomer(contextFor(base(new URL(server.url).port), vc), 'c1')()
    expect(E.isRight(r)).toBe(true)
    expect(nth(server.requests, 0).url).toBe('/workspaces/ws/customers/c1')
  })

  it('plain http to [::1] is not refused as input', async () => {
    const { ctx, urls } = recording('http://[::1]:8080/hub/v1')
    expect(E.isRight(await getCustomer(ctx, 'c1')())).toBe(true)
    expect(urls).toEqual(['http://[::1]:8080/hub/v1/workspaces/ws/customers/c1'])
  })

  it('https anywhere', async () => {
    const { ctx, urls, auth } = recording('https://api.contactlab.it/hub/v1')
    expect(E.isRight(await getCustomer(ctx, 'c1')())).toBe(true)
    expect(urls).toEqual(['https://api.contactlab.it/hub/v1/workspaces/ws/customers/c1'])
    expect(auth).toEqual([`Bearer ${TOKEN}`])
  })

  it('the default base URL is https://api.contactlab.it/hub/v1', async () => {
    const { ctx, urls } = recording('unused')
    const { baseUrl: _, ...noBase } = ctx
    expect(E.isRight(await getCustomer(noBase as Context, 'c1')())).toBe(true)
    expect(urls).toEqual(['https://api.contactlab.it/hub/v1/workspaces/ws/customers/c1'])
  })
})

describe('the final URL of every request stays under the base URL', () => {
  const BASE = 'https://api.contactlab.it/hub/v1'
  const HOSTILE_IDS = [
    '../../x',
    '../../../../etc/passwd',
    '%2e%2e',
    '%2e%2e%2f%2e%2e%2fx',
    '.%2e',
    '..%00',
    'a/b',
    '..\\..\\x',
    'http://evil.example/x',
    'https://evil.example',
    '//evil.example/x',
    '@evil.example',
    ':443@evil.example',
    '?x=1',
    '#x',
    'x?nodeId=other',
    '\uff0e\uff0e',
    ' .. ',
    'c1/../../../../workspaces/other/customers/c2'
  ]

  const under = (url: string, prefix: string): void => {
    const u = new URL(url)
    expect(u.origin).toBe(new URL(BASE).origin)
    expect(u.pathname.startsWith(prefix)).toBe(true)
    expect(u.search).toBe('')
    expect(u.hash).toBe('')
    expect(url.startsWith(`${BASE}/`)).toBe(true)
  }

  it.each(HOSTILE_IDS)('the id %j (injected transport, every operation kind)', async (id) => {
    const { ctx, urls, auth } = recording(BASE)
    await getCustomer(ctx, id)()
    await deleteCustomer(ctx, id)()
    await updateCustomer(ctx, id, { externalId: 'x' }, { fullUpdate: true })()
    await getCustomerJob(ctx, id, id)()
    await updateJob(ctx, 'c1', id, { jobTitle: 'x' })()
    await deleteCustomerSession(ctx, id, id)()
    await getEvent(ctx, id)()
    for (const url of urls) under(url, '/hub/v1/workspaces/ws/')
    expect(
      urls.filter(
        (u) => !u.startsWith(`${BASE}/workspaces/ws/customers/`) && !u.startsWith(`${BASE}/workspaces/ws/events/`)
      )
    ).toEqual([])
    expect(new Set(auth)).toEqual(new Set([`Bearer ${TOKEN}`]))
  })

  it('over real sockets, with a base path: the server sees each id as one segment; the other server sees nothing', async () => {
    const base = `${server.url}/hub/v1`
    for (const id of [...HOSTILE_IDS, `${other.url}/steal`, other.url.replace('http:', '')]) {
      server.requests.length = 0
      await getCustomer(contextFor(base, vc, { retry: false }), id)()
      expect(server.requests).toHaveLength(1)
      const req = nth(server.requests, 0)
      expect(req.url.startsWith('/hub/v1/workspaces/ws/customers/')).toBe(true)
      expect(req.url.split('/')).toHaveLength(7)
      expect(decodeURIComponent(nth(req.url.split('/'), 6))).toBe(id)
    }
    expect(other.requests).toHaveLength(0)
  })

  it('a workspace id cannot leave the workspace either', async () => {
    const { ctx, urls } = recording(BASE)
    for (const workspaceId of ['../other', '..%2Fother', 'ws/../../other', 'http://evil.example']) {
      await getCustomer({ ...ctx, workspaceId }, 'c1')()
    }
    expect(urls).toHaveLength(4)
    for (const url of urls) {
      const segs = new URL(url).pathname.split('/')
      expect(segs).toHaveLength(7)
      expect(segs.slice(0, 4)).toEqual(['', 'hub', 'v1', 'workspaces'])
      expect(segs.slice(5)).toEqual(['customers', 'c1'])
    }
  })

  it('getCustomers options cannot inject parameters or a path', async () => {
    const { ctx, urls } = recording(BASE)
    await getCustomers(ctx, { externalId: 'x&nodeId=other#y', sort: 'a&b=c', fields: ['x/../y'] })()
    const u = new URL(nth(urls, 0))
    expect(u.pathname).toBe('/hub/v1/workspaces/ws/customers')
    expect(u.searchParams.getAll('nodeId')).toEqual(['node'])
    expect(u.searchParams.get('externalId')).toBe('x&nodeId=other#y')
    expect(u.searchParams.has('b')).toBe(false)
  })
})
