// items(): the elements of a listing, one Either each, page after page, lazily; a failing page ends the walk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as E from '#fp-ts/Either'
import { items } from '../src/pagination'
import { addCustomer, getCustomers } from '../src/customers'
import { startEmulator, type Emulator } from '../src/emulator/index'
import { expectLeft, expectRight } from './helpers/either'
import { listing } from './helpers/listing'

const collect = async <A>(it: AsyncIterable<A>): Promise<ReadonlyArray<A>> => {
  const out: Array<A> = []
  for await (const a of it) out.push(a)
  return out
}

describe('items', () => {
  it('yields every element of every page, in order, one Right each', async () => {
    const { first, asked } = listing(7, 3)
    const out = await collect(items(first))
    expect(out).toEqual([0, 1, 2, 3, 4, 5, 6].map((n) => E.right(n)))
    expect(asked).toEqual([0, 1, 2])
  })

  it('on a failing middle page: the elements of the pages before it, then one Left, then nothing', async () => {
    const { first, asked } = listing(9, 3, 1)
    const out = await collect(items(first))
    expect(out.slice(0, 3)).toEqual([E.right(0), E.right(1), E.right(2)])
    expect(out).toHaveLength(4)
    expect(expectLeft(out[3] ?? E.right(-1))).toMatchObject({ _tag: 'NetworkError', message: 'down' })
    expect(asked).toEqual([0, 1])
  })

  it('a first page that fails is one Left', async () => {
    const { first } = listing(9, 3, 0)
    const out = await collect(items(first))
    expect(out.map(E.isLeft)).toEqual([true])
  })

  it('an empty listing yields nothing', async () => {
    const { first, asked } = listing(0, 3)
    expect(await collect(items(first))).toEqual([])
    expect(asked).toEqual([0])
  })

  it('is lazy: nothing is fetched before the first element is asked for, the next page only after the last element', async () => {
    const { first, asked } = listing(7, 3)
    const it = items(first)
    expect(asked).toEqual([])
    expect(await it.next()).toEqual({ done: false, value: E.right(0) })
    expect(asked).toEqual([0])
    await it.next()
    await it.next()
    // The third element (the last of page 0) is out: page 1 is still not asked for.
    expect(asked).toEqual([0])
    expect(await it.next()).toEqual({ done: false, value: E.right(3) })
    expect(asked).toEqual([0, 1])
  })

  it('leaving the loop early fetches nothing more and closes the walk', async () => {
    const { first, asked } = listing(30, 3)
    const seen: Array<number> = []
    for await (const n of items(first)) {
      seen.push(expectRight(n))
      if (seen.length === 4) break
    }
    expect(seen).toEqual([0, 1, 2, 3])
    expect(asked).toEqual([0, 1])
    const it = items(listing(30, 3).first)
    await it.next()
    expect(await it.return()).toEqual({ done: true, value: undefined })
    expect(await it.next()).toEqual({ done: true, value: undefined })
  })

  it('a task that rejects is one Left, never a rejection', async () => {
    const out = await collect(items<number>(() => Promise.reject(new Error('x'))))
    expect(out).toHaveLength(1)
    expect(expectLeft(out[0] ?? E.right(0))._tag).toBe('NetworkError')
  })
})

describe('items against the emulator', () => {
  let emulator: Emulator
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 })
    for (let i = 0; i < 5; i++)
      expectRight(await addCustomer(emulator.context, { base: { firstName: `c${i}` }, externalId: `x${i}` })())
  })
  afterAll(() => emulator.close())

  it('walks the customers two per page, one request per page', async () => {
    emulator.clearRequests()
    const out = await collect(items(getCustomers(emulator.context, { size: 2 })))
    expect(out.map((c) => expectRight(c).externalId).sort()).toEqual(['x0', 'x1', 'x2', 'x3', 'x4'])
    const pagesAsked = emulator.requests.map((r) => r.query['page']?.[0] ?? '0')
    expect(pagesAsked).toEqual(['0', '1', '2'])
  })
})
