// The bulk functions are total: whatever the context, the options or the source (throwing getters, wrong types),
// calling them never throws, nothing is sent, and the task (or the iteration) ends in a Left instead of rejecting.
import { describe, expect, it } from 'vitest'
import * as E from '#fp-ts/Either'
import { exportCustomers, importCustomers, importEvents } from '../../src/index'
import type { Context } from '../../src/context'
import type { CustomerInput } from '../../src/codecs/customer-input'
import type { EventInput } from '../../src/codecs/event'
import { expectLeft } from '../helpers/either'

const throwing = (key: string, base: object = {}): never =>
  Object.defineProperty({ ...base }, key, {
    enumerable: true,
    get: () => {
      throw new Error(`getter ${key}`)
    }
  }) as never

let sent = 0
const ctx: Context = {
  workspaceId: 'w',
  nodeId: 'n',
  token: 'secret-token-1234',
  baseUrl: 'http://127.0.0.1:9/hub/v1',
  fetch: () => {
    sent += 1
    return Promise.reject(new Error('no network in this test'))
  }
}

describe('bulk totality', () => {
  it.each([
    ['a context with a throwing getter', throwing('token', ctx), {}],
    ['a null context', null, {}],
    ['options with a throwing getter', ctx, throwing('concurrency')],
    ['options of the wrong type', ctx, 'fast'],
    ['a signal that is not one', ctx, { signal: 42 }],
    ['onProgress that is not a function', ctx, { onProgress: 'log' }]
  ])('importCustomers and importEvents refuse %s with a Left, nothing sent', async (_, c, opts) => {
    sent = 0
    const a = importCustomers(c as Context, [], opts as never)
    const b = importEvents(c as Context, [], opts as never)
    expect(expectLeft(await a())._tag).toBe('InvalidInput')
    expect(expectLeft(await b())._tag).toBe('InvalidInput')
    expect(sent).toBe(0)
  })

  it('a source whose iterator getter throws is a Left', async () => {
    const source = throwing('x') as unknown as Iterable<CustomerInput>
    Object.defineProperty(source, Symbol.iterator, {
      get: () => {
        throw new Error('no iterator')
      }
    })
    expect(expectLeft(await importCustomers(ctx, source)()).message).toBe(
      'importCustomers: its arguments cannot be read.'
    )
  })

  it('a network that is down makes every item a failure, with the import going on to the end', async () => {
    sent = 0
    const items: ReadonlyArray<EventInput> = Array.from({ length: 5 }, (_, i) => ({
      type: 'viewedPage',
      context: 'WEB',
      customerId: `c-${i}`,
      properties: {}
    }))
    const r = await importEvents({ ...ctx, retry: false }, items)()
    expect(r).toMatchObject({ right: { created: 0, failed: 5 } })
    expect(sent).toBe(5)
    expect(JSON.stringify(r)).not.toContain('secret-token-1234')
  })

  it('exportCustomers with a hostile context or options gives one Left and ends', async () => {
    for (const [c, o] of [
      [throwing('nodeId', ctx), {}],
      [ctx, throwing('pageSize')]
    ] as const) {
      const out: Array<unknown> = []
      for await (const item of exportCustomers(c, o)) out.push(item)
      expect(out).toHaveLength(1)
      expect(E.isLeft(out[0] as E.Either<unknown, unknown>)).toBe(true)
    }
  })
})
