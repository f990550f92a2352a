import { describe, expect, it } from 'vitest'
import * as E from '#fp-ts/Either'
import { addCustomerSession, createSessionId, deleteCustomerSession, getCustomerSessions } from '../src/sessions'
import { addTag, removeTag } from '../src/tags'
import { expectLeft, expectRight, nth } from './helpers/either'
import { useRecorder, type Canned, type Recorded } from './helpers/recorder'

const rec = useRecorder()

const customerWire = (id: string, manual: ReadonlyArray<string> | null, auto: ReadonlyArray<string> = ['a1']) => ({
  id,
  nodeId: 'n',
  externalId: null,
  extra: null,
  registeredAt: '2017-03-09T11:31:31.842+0000',
  updatedAt: '2017-03-09T11:31:31.842+0000',
  enabled: true,
  base: null,
  consents: null,
  extended: null,
  tags: manual === null ? null : { auto, manual }
})

describe('sessions', () => {
  it('createSessionId returns distinct UUID v4 strings', () => {
    const ids = new Set(Array.from({ length: 50 }, () => createSessionId()))
    expect(ids.size).toBe(50)
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('addCustomerSession POSTs {value} and decodes the session', async () => {
    rec.reply({ status: 201, body: { id: 'sess-1', value: 'v-1' } })
    const s = expectRight(await addCustomerSession(rec.ctx, 'c1', 'v-1')())
    expect(rec.requests[0]).toMatchObject({
      method: 'POST',
      path: '/workspaces/w/customers/c1/sessions',
      query: {},
      body: { value: 'v-1' }
    })
    expect(s).toEqual({ id: 'sess-1', value: 'v-1' })
  })

  it('addCustomerSession refuses an empty session id without sending', async () => {
    const r = await addCustomerSession(rec.ctx, 'c1', '')()
    expect(expectLeft(r)._tag).toBe('InvalidInput')
    expect(rec.requests).toHaveLength(0)
  })

  it('getCustomerSessions GETs the list and returns its elements', async () => {
    rec.reply({
      status: 200,
      body: {
        elements: [
          { id: 's1', value: 'v1' },
          { id: 's2', value: 'v2', extra: true }
        ]
      }
    })
    const list = expectRight(await getCustomerSessions(rec.ctx, 'c1')())
    expect(rec.requests[0]).toMatchObject({
      method: 'GET',
      path: '/workspaces/w/customers/c1/sessions',
      query: {},
      body: undefined
    })
    expect(list.map((s) => s.id)).toEqual(['s1', 's2'])
    expect(nth(list, 1).value).toBe('v2')
  })

  it('getCustomerSessions reports a malformed list with its path', async () => {
    rec.reply({ status: 200, body: { elements: [{ id: 7, value: 'v1' }] } })
    const r = await getCustomerSessions(rec.ctx, 'c1')()
    expect(expectLeft(r)).toMatchObject({ _tag: 'DecodeError' })
    expect(expectLeft(r)).toHaveProperty('errors', expect.arrayContaining(['elements.0.id: expected string, got 7']))
  })

  it('deleteCustomerSession DELETEs by the session id; an empty answer is a success', async () => {
    rec.reply({ status: 200 }, { status: 404, body: { message: 'Session not found' } })
    expect(await deleteCustomerSession(rec.ctx, 'c1', 'sess-1')()).toEqual(E.right(undefined))
    expect(rec.requests[0]).toMatchObject({
      method: 'DELETE',
      path: '/workspaces/w/customers/c1/sessions/sess-1',
      query: {}
    })
    const r = await deleteCustomerSession(rec.ctx, 'c1', 'gone')()
    expect(expectLeft(r)).toMatchObject({ _tag: 'HttpError', status: 404 })
  })
})

/** A responder backed by a small in-memory store of customers: GET reads, PATCH merges `tags.manual`. */
const storeResponder =
  (store: Map<string, ReturnType<typeof customerWire>>) =>
  (req: Recorded): Canned => {
    const id = decodeURIComponent(req.path.split('/').pop() ?? '')
    const c = store.get(id)
    if (c === undefined) return { status: 404, body: { message: 'Customer not found' } }
    if (req.method === 'GET') return { status: 200, body: c }
    if (req.method === 'PATCH') {
      const manual = (req.body as { tags: { manual: Array<string> } }).tags.manual
      const next = { ...c, tags: { auto: c.tags?.auto ?? [], manual } }
      store.set(id, next)
      return { status: 200, body: next }
    }
    return { status: 405, body: { message: 'no' } }
  }

describe('tags', () => {
  it('addTag GETs the customer, then PATCHes only tags.manual with the tag appended', async () => {
    rec.reply(
      { status: 200, body: customerWire('c1', ['old']) },
      { status: 200, body: customerWire('c1', ['old', 'new']) }
    )
    const c = expectRight(await addTag(rec.ctx, 'c1', 'new')())
    expect(rec.requests.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'GET /workspaces/w/customers/c1',
      'PATCH /workspaces/w/customers/c1'
    ])
    expect(nth(rec.requests, 1).body).toEqual({ tags: { manual: ['old', 'new'] } })
    expect(nth(rec.requests, 1).query).toEqual({})
    expect(c.tags?.manual).toEqual(['old', 'new'])
  })

  it('addTag writes nothing when the tag is already there', async () => {
    rec.reply({ status: 200, body: customerWire('c1', ['vip']) })
    const c = expectRight(await addTag(rec.ctx, 'c1', 'vip')())
    expect(rec.requests.map((r) => r.method)).toEqual(['GET'])
    expect(c.tags?.manual).toEqual(['vip'])
  })

  it('addTag on a customer whose tags are null starts a new list', async () => {
    rec.reply({ status: 200, body: customerWire('c1', null) }, { status: 200, body: customerWire('c1', ['first']) })
    expectRight(await addTag(rec.ctx, 'c1', 'first')())
    expect(nth(rec.requests, 1).body).toEqual({ tags: { manual: ['first'] } })
  })

  it('removeTag PATCHes tags.manual without the tag, and writes nothing when it is absent', async () => {
    rec.reply(
      { status: 200, body: customerWire('c1', ['a', 'b', 'c']) },
      { status: 200, body: customerWire('c1', ['a', 'c']) },
      { status: 200, body: customerWire('c1', ['a', 'c']) }
    )
    const c = expectRight(await removeTag(rec.ctx, 'c1', 'b')())
    expect(rec.requests[1]).toMatchObject({
      method: 'PATCH',
      path: '/workspaces/w/customers/c1',
      body: { tags: { manual: ['a', 'c'] } }
    })
    expect(c.tags?.manual).toEqual(['a', 'c'])
    expectRight(await removeTag(rec.ctx, 'c1', 'zzz')())
    expect(rec.requests.map((r) => r.method)).toEqual(['GET', 'PATCH', 'GET'])
  })

  it('refuses an empty tag without sending', async () => {
    const r = await addTag(rec.ctx, 'c1', '')()
    expect(expectLeft(r)._tag).toBe('InvalidInput')
    expect(rec.requests).toHaveLength(0)
  })

  it('serialises concurrent changes of one customer: 20 concurrent addTag calls keep all 20 tags', async () => {
    const store = new Map([['c1', customerWire('c1', [])]])
    rec.respond(storeResponder(store))
    const tags = Array.from({ length: 20 }, (_, i) => `t${i}`)
    const results = await Promise.all(tags.map((tag) => addTag(rec.ctx, 'c1', tag)()))
    expect(results.every(E.isRight)).toBe(true)
    expect(store.get('c1')?.tags?.manual).toEqual(tags)
    // each read comes after the previous write: GET, PATCH, GET, PATCH...
    expect(rec.requests.map((r) => r.method)).toEqual(tags.flatMap(() => ['GET', 'PATCH']))
    const last = nth(results, -1)
    expect(expectRight(last).tags?.manual).toEqual(tags)
  })

  it('serialises mixed adds and removes, and a failing call does not block the queue', async () => {
    const store = new Map([['c1', customerWire('c1', ['keep', 'drop'])]])
    rec.respond(storeResponder(store))
    const results = await Promise.all([
      addTag(rec.ctx, 'c1', 'x')(),
      removeTag(rec.ctx, 'c1', 'drop')(),
      addTag(rec.ctx, 'missing', 'y')(),
      addTag(rec.ctx, 'c1', 'y')(),
      addTag(rec.ctx, 'c1', 'x')(),
      removeTag(rec.ctx, 'c1', 'x')()
    ])
    expect(results.map((r) => (E.isLeft(r) ? r.left._tag : 'ok'))).toEqual(['ok', 'ok', 'HttpError', 'ok', 'ok', 'ok'])
    expect(store.get('c1')?.tags?.manual).toEqual(['keep', 'y'])
    // a later call for the same customer still runs
    expectRight(await addTag(rec.ctx, 'c1', 'z')())
    expect(store.get('c1')?.tags?.manual).toEqual(['keep', 'y', 'z'])
  })

  it('queues by workspace and customer id: the same id in another workspace is not held back', async () => {
    // The queue is module-level state keyed by [workspaceId, customerId]: while a change of w/c1 waits for the
    // server, a change of w2/c1 goes through (a key without the workspace would make it wait forever).
    let release = (): void => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    rec.respond(async (req) => {
      if (req.method === 'GET' && req.path === '/workspaces/w/customers/c1') await held
      return { status: 200, body: customerWire('c1', []) }
    })
    const first = addTag(rec.ctx, 'c1', 'x')()
    const other = expectRight(await addTag({ ...rec.ctx, workspaceId: 'w2' }, 'c1', 'y')())
    expect(other.tags?.manual).toEqual([])
    expect(rec.requests.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'GET /workspaces/w/customers/c1',
      'GET /workspaces/w2/customers/c1',
      'PATCH /workspaces/w2/customers/c1'
    ])
    release()
    expectRight(await first)
    expect(rec.requests.map((r) => `${r.method} ${r.path}`).slice(3)).toEqual(['PATCH /workspaces/w/customers/c1'])
  })

  it('keeps concurrent changes of several customers apart', async () => {
    const store = new Map([
      ['c1', customerWire('c1', [])],
      ['c2', customerWire('c2', [])]
    ])
    rec.respond(storeResponder(store))
    const calls = Array.from({ length: 10 }, (_, i) => addTag(rec.ctx, i % 2 === 0 ? 'c1' : 'c2', `t${i}`)())
    const results = await Promise.all(calls)
    expect(results.every(E.isRight)).toBe(true)
    expect(store.get('c1')?.tags?.manual).toEqual(['t0', 't2', 't4', 't6', 't8'])
    expect(store.get('c2')?.tags?.manual).toEqual(['t1', 't3', 't5', 't7', 't9'])
  })
})
