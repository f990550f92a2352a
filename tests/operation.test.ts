// The operation toolkit: the lazy total shell, the option checks, the lazy body, withNode and pagedGet.
import { describe, expect, it } from 'vitest'
import * as t from '#io-ts/index'
import * as E from '#fp-ts/Either'
import type { Context } from '../src/context'
import {
  encodeBody,
  id,
  integer,
  nonEmptyString,
  oneOf,
  operation,
  optional,
  pagedGet,
  pathOf,
  refuse,
  withNode
} from '../src/operation'
import { nextPage } from '../src/pagination'
import * as TE from '../src/taskEither'
import { expectLeft, expectRight } from './helpers/either'
import { useRecorder } from './helpers/recorder'

const ctx = { workspaceId: 'w', nodeId: 'n', token: 't' } as Context

describe('operation', () => {
  it('builds nothing at call time, and turns a context that is not an object or a throw into InvalidInput', async () => {
    let built = 0
    const task = operation('op', ctx, () => (built++, TE.right(1)))
    expect(built).toBe(0)
    expect(await task()).toEqual(E.right(1))
    expect(await task()).toEqual(E.right(1))
    expect(built).toBe(2)
    expect(await operation('op', null as unknown as Context, () => TE.right(1))()).toEqual(
      E.left({ _tag: 'InvalidInput', message: 'op: the context must be an object.' })
    )
    const throwing = operation('op', ctx, () => {
      throw new Error('boom')
    })
    expect(await throwing()).toEqual(E.left({ _tag: 'InvalidInput', message: 'op: its arguments cannot be read.' }))
  })

  it('checks say why they refuse', () => {
    expect(optional(id)('x', undefined)).toBeUndefined()
    expect(id('customerId', ' ')).toBe('customerId must be a non-empty string')
    expect(nonEmptyString('externalId', ' ')).toBeUndefined()
    expect(oneOf(['asc', 'desc'])('direction', 'up')).toBe('direction must be "asc" or "desc"')
    expect(oneOf(['asc', 'desc'])('direction', 'asc')).toBeUndefined()
    expect(integer(1)('size', 0)).toBe('size must be an integer >= 1')
    expect(integer(0)('page', 2)).toBeUndefined()
    expect(pathOf('/workspaces/{workspaceId}/customers/{id}', { workspaceId: 'w', id: 'a/b' })).toBe(
      '/workspaces/w/customers/a%2Fb'
    )
    expect(pathOf('/x/{id}', { id: '\ud800' })).toBe('/x/{id}')
  })

  it('encodeBody encodes when the task runs, and refuses a Left or a throw', async () => {
    let runs = 0
    const encode = (n: number) => (runs++, n > 0 ? E.right({ n }) : E.left('n must be positive'))
    const ok = encodeBody('op', 'number', encode, 2, (w) => ({ ...w, extra: true }))
    expect(runs).toBe(0)
    expect(await ok()).toEqual(E.right({ n: 2, extra: true }))
    expect(await encodeBody('op', 'number', encode, 0, (w) => w)()).toEqual(
      E.left({ _tag: 'InvalidInput', message: 'op: n must be positive.' })
    )
    const throws = encodeBody(
      'op',
      'number',
      () => E.right({}),
      1,
      () => {
        throw new TypeError('cyclic')
      }
    )
    expect(await throws()).toEqual(
      E.left({ _tag: 'InvalidInput', message: 'op: the number cannot be serialised as JSON.' })
    )
  })

  it('withNode gives the node id, or refuses a context without one', async () => {
    expect(await withNode('op', ctx, (nodeId) => TE.right(nodeId))()).toEqual(E.right('n'))
    expect(await withNode('op', { ...ctx, nodeId: '' }, () => TE.right(1))()).toEqual(
      E.left({ _tag: 'InvalidInput', message: "op: the context's nodeId must be a non-empty string." })
    )
    expect(await refuse('op', 'why')()).toEqual(E.left({ _tag: 'InvalidInput', message: 'op: why.' }))
  })
})

describe('pagedGet', () => {
  const rec = useRecorder()

  const Thing = t.type({ name: t.string })
  const things = pagedGet('getThings', '/workspaces/{workspaceId}/things', Thing)
  const getThings = (c: Context, opts?: { name?: string; page?: number; size?: number }) =>
    things(c, opts, (o) => (o.name === 'bad' ? E.left('name is bad') : E.right({ query: { name: o.name } })))
  const page = (number: number) => ({
    status: 200,
    body: { elements: [{ name: `t${number}` }], page: { number, size: 1, totalElements: 2, totalPages: 2 } }
  })

  it('sends the query with page and size, and the next page repeats it', async () => {
    rec.reply(page(0), page(1))
    const p0 = expectRight(await getThings(rec.ctx, { name: 'x', size: 1 })())
    const p1 = expectRight(await nextPage(p0)())
    expect([p0.elements, p1.elements]).toEqual([[{ name: 't0' }], [{ name: 't1' }]])
    expect(rec.requests.map((r) => [r.path, r.query])).toEqual([
      ['/workspaces/w/things', { name: 'x', page: '0', size: '1' }],
      ['/workspaces/w/things', { name: 'x', page: '1', size: '1' }]
    ])
  })

  it('refuses bad pages, sizes, options and what the builder refuses, without sending', async () => {
    const why = async (opts: unknown) => expectLeft(await getThings(rec.ctx, opts as never)()).message
    expect(await why({ page: -1 })).toBe('getThings: page must be an integer >= 0.')
    expect(await why({ size: 1.5 })).toBe('getThings: size must be an integer >= 1.')
    expect(await why(7)).toBe('getThings: the options must be an object.')
    expect(await why({ name: 'bad' })).toBe('getThings: name is bad.')
    expect(rec.requests).toHaveLength(0)
  })
})
