// Customer sources and getMe on the wire (method, path, body against Swagger 1.39), decoding of live-shaped answers
// (nulls, `+0000`, unknown fields), malformed answers, and refusals that send nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { getCustomerSource, getCustomerSources } from '../src/sources'
import { getMe } from '../src/me'
import { emptyWireBase, expectLeft, expectRight } from './helpers/fixtures'
import { startRecorder, type Recorder } from './helpers/recorder'

let rec: Recorder

beforeAll(async () => {
  rec = await startRecorder()
})
afterAll(() => rec.close())
beforeEach(() => rec.reset())

/** One source's data as the live API answers it: nulls, `+0000` timestamps, a field the spec does not list. */
const wireSource = (id: string, more: Record<string, unknown> = {}) => ({
  id,
  externalId: 'c-42',
  nodeId: 'n',
  base: { ...emptyWireBase(), firstName: 'Ada' },
  extended: null,
  extra: null,
  consents: null,
  tags: { auto: [], manual: ['vip'] },
  enabled: true,
  registeredAt: '2017-03-08T10:18:17.000+0000',
  updatedAt: '2017-03-08T10:18:17.000+0000',
  href: 'https://api.example/sources/' + id,
  ...more
})

const sent = () => rec.requests.map(({ method, path, query, body }) => ({ method, path, query, body }))

describe('getCustomerSources', () => {
  it('GETs /customers/{id}/sources and unwraps elements, decoding live-shaped sources', async () => {
    rec.reply({ status: 200, body: { elements: [wireSource('s1'), wireSource('s2', { base: null, tags: null })] } })
    const sources = expectRight(await getCustomerSources(rec.ctx, 'c1')())
    expect(sources.map((s) => [s.id, s.nodeId, s.base?.firstName ?? null, s.registeredAt])).toEqual([
      ['s1', 'n', 'Ada', '2017-03-08T10:18:17.000Z'],
      ['s2', 'n', null, '2017-03-08T10:18:17.000Z']
    ])
    expect(sources[0]).toMatchObject({ href: 'https://api.example/sources/s1', tags: { manual: ['vip'] } })
    expect(sent()).toEqual([{ method: 'GET', path: '/workspaces/w/customers/c1/sources', query: {}, body: undefined }])
  })

  it('an answer without elements, or with a bad timestamp, is a DecodeError with the path', async () => {
    rec.reply({ status: 200, body: [] }, { status: 200, body: { elements: [wireSource('s1', { updatedAt: 'now' })] } })
    const first = expectLeft(await getCustomerSources(rec.ctx, 'c1')())
    expect(first._tag).toBe('DecodeError')
    const second = expectLeft(await getCustomerSources(rec.ctx, 'c1')())
    expect(second._tag === 'DecodeError' ? second.errors.join('\n') : second._tag).toContain('elements.0.updatedAt')
  })

  it('refuses an empty customer id and sends nothing', async () => {
    expect(expectLeft(await getCustomerSources(rec.ctx, '')())).toMatchObject({
      _tag: 'InvalidInput',
      message: expect.stringMatching(/^getCustomerSources: customerId /) as unknown
    })
    expect(rec.requests).toEqual([])
  })
})

describe('getCustomerSource', () => {
  it('GETs /customers/{id}/sources/{sourceId} (encoded) and decodes the source', async () => {
    rec.reply({ status: 200, body: wireSource('s 1') })
    const source = expectRight(await getCustomerSource(rec.ctx, 'c1', 's 1')())
    expect(source).toMatchObject({ id: 's 1', externalId: 'c-42', enabled: true, extra: null })
    expect(sent()).toEqual([
      { method: 'GET', path: '/workspaces/w/customers/c1/sources/s%201', query: {}, body: undefined }
    ])
  })

  it('a source without an id is a DecodeError', async () => {
    rec.reply({ status: 200, body: wireSource('s1', { id: undefined }) })
    const error = expectLeft(await getCustomerSource(rec.ctx, 'c1', 's1')())
    expect(error).toMatchObject({ _tag: 'DecodeError', path: '/workspaces/w/customers/c1/sources/s1' })
  })

  it('refuses a bad source id and sends nothing', async () => {
    expect(expectLeft(await getCustomerSource(rec.ctx, 'c1', '..')())).toMatchObject({
      _tag: 'InvalidInput',
      message: expect.stringMatching(/^getCustomerSource: sourceId /) as unknown
    })
    expect(rec.requests).toEqual([])
  })
})

describe('getMe', () => {
  const wireMe = {
    id: 'u1',
    name: 'Ada',
    surname: 'Lovelace',
    email: 'ada@example.com',
    groups: [
      { id: 'g1', name: 'admins', workspaces: [{ id: 'w', name: 'shop', nodes: [{ id: 'n', permission: 'RW' }] }] }
    ]
  }

  it('GETs /me at the base URL, not under a workspace, with only a token and a base URL', async () => {
    rec.reply({ status: 200, body: wireMe })
    const me = expectRight(await getMe({ token: 'secret-token', baseUrl: rec.url, retry: false })())
    expect(me).toMatchObject({ id: 'u1', surname: 'Lovelace', email: 'ada@example.com' })
    expect(me.groups?.[0]?.workspaces?.[0]?.nodes).toEqual([{ id: 'n', permission: 'RW' }])
    expect(sent()).toEqual([{ method: 'GET', path: '/me', query: {}, body: undefined }])
    expect(rec.requests[0]?.headers.authorization).toBe('Bearer secret-token')
  })

  it('takes a context too (its workspace is not read), and decodes a user with nulls', async () => {
    rec.reply({ status: 200, body: { id: null, name: null, surname: null, groups: null } })
    expect(expectRight(await getMe(rec.ctx)())).toEqual({ id: null, name: null, surname: null, groups: null })
    expect(rec.requests[0]?.path).toBe('/me')
  })

  it('a malformed user is a DecodeError with the path of the bad field', async () => {
    rec.reply({ status: 200, body: { ...wireMe, groups: [{ id: 'g1', workspaces: 'all' }] } })
    const error = expectLeft(await getMe(rec.ctx)())
    expect(error).toMatchObject({ _tag: 'DecodeError', path: '/me' })
    expect(error._tag === 'DecodeError' ? error.errors.join('\n') : '').toContain('groups.0.workspaces')
  })

  it('a 401 is an HttpError that does not carry the token', async () => {
    rec.reply({ status: 401, body: { message: 'bad token secret-token' } })
    const error = expectLeft(await getMe(rec.ctx)())
    expect(error).toMatchObject({ _tag: 'HttpError', status: 401 })
    expect(JSON.stringify(error)).not.toContain('secret-token')
  })

  it('refuses a context that is not an object, or one with no token, and sends nothing', async () => {
    expect(expectLeft(await getMe(null as never)())).toEqual({
      _tag: 'InvalidInput',
      message: 'getMe: the context must be an object.'
    })
    expect(expectLeft(await getMe({ baseUrl: rec.url } as never)())._tag).toBe('InvalidInput')
    expect(rec.requests).toEqual([])
  })
})
