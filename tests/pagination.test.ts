import { describe, expect, it } from 'vitest'
import { inspect } from 'node:util'
import * as E from '#fp-ts/Either'
import type { ContacthubError } from '../src/error'
import {
  hasNextPage,
  hasPreviousPage,
  nextPage,
  pages,
  paginate,
  previousPage,
  type Paginated
} from '../src/pagination'
import { getCustomers } from '../src/customers'
import { useRecorder } from './helpers/recorder'
import { expectLeft, expectRight } from './helpers/either'
import { listing } from './helpers/listing'

describe('pagination', () => {
  it('knows its neighbours, with no off-by-one at the last page', async () => {
    const { at } = listing(25, 10)
    const p0 = expectRight(await at(0)())
    const p2 = expectRight(await at(2)())
    expect([hasPreviousPage(p0), hasNextPage(p0)]).toEqual([false, true])
    expect([hasPreviousPage(p2), hasNextPage(p2)]).toEqual([true, false])
    expect(p2.elements).toEqual([20, 21, 22, 23, 24])
  })

  it('moves forward and back, and refuses to go past either end without a request', async () => {
    const { at, asked } = listing(25, 10)
    const p1 = expectRight(await nextPage(expectRight(await at(0)()))())
    expect(p1.page.number).toBe(1)
    expect(expectRight(await previousPage(p1)()).page.number).toBe(0)
    const last = expectRight(await at(2)())
    asked.length = 0
    expect(await nextPage(last)()).toEqual(
      E.left({ _tag: 'InvalidInput', message: 'nextPage: page 2 is the last of 3.' })
    )
    expect(await previousPage(expectRight(await at(0)()))()).toEqual(
      E.left({ _tag: 'InvalidInput', message: 'previousPage: page 0 is the first.' })
    )
    expect(asked).toEqual([0])
  })

  it('keeps working on a spread copy, and serialises as its elements and page only', async () => {
    const { at } = listing(25, 10)
    const p0 = expectRight(await at(0)())
    const copy: Paginated<number> = { ...p0 }
    expect(expectRight(await nextPage(copy)()).page.number).toBe(1)
    expect(JSON.parse(JSON.stringify(p0))).toEqual({ elements: p0.elements, page: p0.page })
  })

  describe('a page of a real request', () => {
    const rec = useRecorder()

    it('shows no token when printed, though its continuation sends it', async () => {
      const token = rec.ctx.token
      const page = (number: number) => ({
        status: 200,
        body: { elements: [], page: { number, size: 1, totalElements: 2, totalPages: 2 } }
      })
      rec.reply(page(0), page(1))
      const p0 = expectRight(await getCustomers(rec.ctx, { size: 1 })())
      expect(JSON.stringify(p0)).not.toContain(token)
      expect(inspect(p0, { showHidden: true, depth: 10 })).not.toContain(token)
      expect(inspect({ ...p0 }, { showHidden: true, depth: 10 })).not.toContain(token)
      expect(expectRight(await nextPage(p0)()).page.number).toBe(1)
      // The continuation holds the context: the second request carried the token.
      expect(rec.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${token}`, `Bearer ${token}`])
      expect(rec.requests[1]?.query).toMatchObject({ page: '1', size: '1', nodeId: 'n' })
    })
  })

  it('a page written by hand cannot move, and says so', async () => {
    const p: Paginated<number> = { elements: [1], page: { number: 0, size: 1, totalElements: 2, totalPages: 2 } }
    const e = await nextPage(p)()
    expect(expectLeft(e)).toEqual({
      _tag: 'InvalidInput',
      message: 'nextPage: this page does not remember the request that produced it.'
    })
  })

  it('pages() fetches lazily, one page at a time', async () => {
    const { first, asked } = listing(25, 10)
    const it = pages(first)[Symbol.asyncIterator]()
    expect(asked).toEqual([])
    const a = await it.next()
    expect(asked).toEqual([0])
    expect(!a.done && expectRight(a.value).elements).toHaveLength(10)
    const seen = [a]
    for (let r = await it.next(); !r.done; r = await it.next()) seen.push(r)
    expect(asked).toEqual([0, 1, 2])
    expect(seen).toHaveLength(3)
  })

  it('pages() yields a Left once and stops', async () => {
    const { first, asked } = listing(50, 10, 2)
    const out: Array<E.Either<ContacthubError, Paginated<number>>> = []
    for await (const p of pages(first)) out.push(p)
    expect(out.map(E.isRight)).toEqual([true, true, false])
    expect(asked).toEqual([0, 1, 2])
  })

  it('pages() of an empty listing yields one empty page', async () => {
    const { first } = listing(0, 10)
    const out = []
    for await (const p of pages(first)) out.push(p)
    expect(out).toHaveLength(1)
  })

  it('pages() yields a Left for a task that rejects, and stops on a server that does not move forward', async () => {
    const out = []
    for await (const p of pages<number>(() => Promise.reject(new Error('x')))) out.push(p)
    expect(out.map(E.isLeft)).toEqual([true])
    let n = 0
    const stuck = paginate<number>(() => () => {
      n++
      return Promise.resolve(E.right({ elements: [1], page: { number: 0, size: 1, totalElements: 5, totalPages: 5 } }))
    })
    const seen = []
    for await (const p of pages(stuck(0))) seen.push(p)
    // It yields what it got (at least the first page), then stops: at most one request that did not move forward.
    expect(seen.length).toBeGreaterThanOrEqual(1)
    expect(seen.length).toBeLessThanOrEqual(2)
    expect(n).toBeGreaterThanOrEqual(1)
    expect(n).toBeLessThanOrEqual(2)
  })
})
