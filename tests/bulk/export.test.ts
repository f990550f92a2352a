// exportCustomers against the emulator: every customer once across several pages, a query and fields, a failing
// page giving one Left and then the end, and nothing sent before the iteration starts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as E from '#fp-ts/Either'
import { customerQuery, eq, exportCustomers, importCustomers } from '../../src/index'
import type { Customer } from '../../src/codecs/customer'
import type { ContacthubError } from '../../src/error'
import { expectRight } from '../helpers/either'
import { startTracked, type TrackedEmulator } from './helpers'

let emu: TrackedEmulator

beforeEach(async () => {
  emu = await startTracked()
  const source = Array.from({ length: 23 }, (_, i) => ({
    externalId: `ext-${i}`,
    base: { firstName: i % 3 === 0 ? 'Ada' : 'Alan', lastName: `Last${i}`, contacts: { email: `c${i}@example.com` } }
  }))
  expectRight(await importCustomers(emu.context, source)())
  emu.log.clear()
})
afterEach(() => emu.close())

const collect = async (
  it: AsyncIterable<E.Either<ContacthubError, Customer>>
): Promise<Array<E.Either<ContacthubError, Customer>>> => {
  const out: Array<E.Either<ContacthubError, Customer>> = []
  for await (const item of it) out.push(item)
  return out
}
const gets = () => emu.log.records.filter((r) => r.method === 'GET')

describe('exportCustomers', () => {
  it('every customer once, page by page', async () => {
    const items = await collect(exportCustomers(emu.context, { pageSize: 5 }))
    expect(items.every(E.isRight)).toBe(true)
    const ids = items.map((i) => expectRight(i).externalId)
    expect(new Set(ids).size).toBe(23)
    expect(gets().map((r) => [r.query.page, r.query.size])).toEqual([
      [['0'], ['5']],
      [['1'], ['5']],
      [['2'], ['5']],
      [['3'], ['5']],
      [['4'], ['5']]
    ])
  })

  it('pages are fetched lazily: nothing before the iteration, the next page only when the last item is taken', async () => {
    const iterable = exportCustomers(emu.context, { pageSize: 10 })
    expect(gets()).toHaveLength(0)
    const iterator = iterable[Symbol.asyncIterator]()
    for (let i = 0; i < 10; i++) await iterator.next()
    expect(gets()).toHaveLength(1)
    await iterator.next()
    expect(gets()).toHaveLength(2)
    await iterator.return?.()
  })

  it('with a query and fields: only the selected customers, only the fields asked for', async () => {
    const items = await collect(
      exportCustomers(emu.context, {
        query: customerQuery(eq('base.firstName', 'Ada')),
        fields: ['base.firstName'],
        pageSize: 3
      })
    )
    const customers = items.map(expectRight)
    expect(customers).toHaveLength(8)
    expect(customers.every((c) => c.base?.firstName === 'Ada')).toBe(true)
    expect(customers.every((c) => c.base?.lastName == null)).toBe(true)
    const first = gets()[0]
    expect(first?.query.fields).toEqual(['base.firstName'])
    expect(first?.query.query?.[0]).toContain('Ada')
  })

  it('a failing page gives one Left, then the iteration stops', async () => {
    const iterator = exportCustomers(emu.context, { pageSize: 5 })[Symbol.asyncIterator]()
    const items: Array<E.Either<ContacthubError, Customer>> = []
    for (let i = 0; i < 5; i++) items.push((await iterator.next()).value as E.Either<ContacthubError, Customer>)
    emu.faults.failNext(1, 400, { match: { method: 'GET' } })
    for (;;) {
      const r = await iterator.next()
      if (r.done === true) break
      items.push(r.value)
    }
    expect(items.slice(0, 5).every(E.isRight)).toBe(true)
    expect(items).toHaveLength(6)
    const last = items[5]
    expect(last !== undefined && E.isLeft(last) && last.left).toMatchObject({ _tag: 'HttpError', status: 400 })
    expect(gets()).toHaveLength(2)
  })

  it('a bad pageSize or options: one Left, nothing sent', async () => {
    const bad = await collect(exportCustomers(emu.context, { pageSize: 0 }))
    const notObject = await collect(exportCustomers(emu.context, 7 as unknown as { pageSize: number }))
    expect([...bad, ...notObject].map((i) => E.isLeft(i) && i.left.message)).toEqual([
      'exportCustomers: pageSize must be an integer >= 1.',
      'exportCustomers: the options must be an object.'
    ])
    expect(gets()).toHaveLength(0)
  })
})
