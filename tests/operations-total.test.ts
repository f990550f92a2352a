// Every exported function of the operation modules is total: whatever its arguments and its context, calling it never throws, it reads
// nothing until its task runs, and running the task never rejects; a bad argument is an InvalidInput.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import fc from 'fast-check'
import * as E from '#fp-ts/Either'
import { DEFAULT_BASE_URL, type Context } from '../src/context'
import * as customers from '../src/customers'
import * as entities from '../src/entities'
import * as events from '../src/events'
import * as pagination from '../src/pagination'
import * as sessions from '../src/sessions'
import * as tags from '../src/tags'
import { expectLeft, expectRight, nth } from './helpers/either'
import { useRecorder } from './helpers/recorder'

const wire = { elements: [], page: { number: 0, size: 10, totalElements: 0, totalPages: 0 } }

/** A fetch that answers every request with the same 200 and records the URLs it was asked for. */
const fakeFetch = () => {
  const urls: Array<string> = []
  const fetch = (input: RequestInfo | URL): Promise<Response> => {
    urls.push(input instanceof Request ? input.url : String(input))
    return Promise.resolve(
      new Response(JSON.stringify(wire), { status: 200, headers: { 'content-type': 'application/json' } })
    )
  }
  return { urls, fetch: fetch }
}

/** An object whose every read of a named property, and every `in` of one, throws. */
const hostile = (): object =>
  new Proxy(
    {},
    {
      get: (_, key) => {
        if (typeof key === 'symbol') return undefined
        throw new Error(`read ${key}`)
      },
      has: (_, key) => {
        if (typeof key === 'symbol') return false
        throw new Error(`has ${key}`)
      }
    }
  )

/** An object with one throwing getter under `key`. */
const withThrowingGetter = (key: string, base: object = {}): object =>
  Object.defineProperty({ ...base, [fc.toStringMethod]: () => `withThrowingGetter(${JSON.stringify(key)})` }, key, {
    enumerable: true,
    get: () => {
      throw new Error(`getter ${key}`)
    }
  })

const OPERATIONS: ReadonlyArray<readonly [string, (...args: ReadonlyArray<unknown>) => unknown]> = [
  customers,
  entities,
  events,
  sessions,
  tags,
  pagination
].flatMap((m) =>
  Object.entries(m)
    .filter((e): e is [string, (...args: ReadonlyArray<unknown>) => unknown] => typeof e[1] === 'function')
    .map(([name, f]) => [name, f] as const)
)

describe('every exported function of the operation modules', () => {
  const fake = fakeFetch()
  beforeEach(() => {
    // Contexts without a fetch of their own fall back to the global one: never the network.
    vi.stubGlobal('fetch', fake.fetch)
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  const value = fc.oneof(
    fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withSparseArray: true,
      withTypedArray: true
    }),
    fc.constant(undefined).map(hostile),
    fc.string().map((k) => withThrowingGetter(k)),
    fc.constantFrom('page', 'size', 'fields', 'type', 'date', 'customerId', 'base', 'forceUpdate', 'fullUpdate'),
    fc.constantFrom('c1', '', ' ', '\ud800', '..')
  )
  const context = fc.oneof(
    value,
    fc
      .record(
        {
          workspaceId: fc.oneof(fc.constant('w'), value),
          nodeId: fc.oneof(fc.constant('n'), value),
          token: fc.oneof(fc.constant('tok'), value),
          baseUrl: fc.oneof(fc.constant('https://api.example.test/hub/v1'), value),
          clock: fc.oneof(
            value,
            fc.record({
              now: fc.oneof(
                value,
                fc.double().map((n) => () => n)
              ),
              random: fc.constant(() => 0)
            })
          ),
          timeout: value,
          retry: fc.oneof(fc.constant(false), value),
          signal: value,
          headers: value
        },
        { requiredKeys: ['workspaceId', 'nodeId', 'token'] }
      )
      .map((c) => ({ ...c, fetch: fake.fetch })),
    fc.constant(undefined).map(() => withThrowingGetter('nodeId', { workspaceId: 'w', token: 't', fetch: fake.fetch }))
  )

  it.each(OPERATIONS.map(([name, f]) => [name, f] as const))(
    '%s never throws and its task never rejects, with any arguments and any context',
    async (_name, f) => {
      await fc.assert(
        fc.asyncProperty(context, fc.array(value, { maxLength: 4 }), async (ctx, args) => {
          const result = f(ctx, ...args)
          if (typeof result === 'function' && result.length === 0) {
            // A task: it resolves to an Either.
            const either: unknown = await (result as () => Promise<unknown>)()
            expect(
              E.isLeft(either as E.Either<unknown, unknown>) || E.isRight(either as E.Either<unknown, unknown>)
            ).toBe(true)
          } else if (typeof result === 'object' && result !== null && Symbol.asyncIterator in result) {
            // pages(): a bounded walk that never throws.
            let n = 0
            for await (const page of result as AsyncIterable<unknown>) if (page === undefined || ++n > 3) break
          }
        }),
        { numRuns: 40 }
      )
    }
  )

  it('the property reaches the network layer (the fake fetch), not only the refusals', () => {
    expect(fake.urls.length).toBeGreaterThan(0)
    const bases = ['https://api.example.test/hub/v1/', `${DEFAULT_BASE_URL}/`]
    expect(fake.urls.filter((u) => !bases.some((b) => u.startsWith(b)))).toEqual([])
  })
})

describe('hardening: arguments are read and checked when the task runs, never at call time', () => {
  const rec = useRecorder()

  const invalid = async (task: () => Promise<E.Either<{ _tag: string; message: string }, unknown>>) =>
    expectLeft(await task())

  it('getCustomers refuses fields that are neither a string nor a list of strings', async () => {
    for (const fields of [42, null, [1], { a: 'b' }]) {
      const task = customers.getCustomers(rec.ctx, { fields } as never)
      expect(await invalid(task)).toEqual({
        _tag: 'InvalidInput',
        message: 'getCustomers: fields must be a string or a list of strings.'
      })
    }
    expect(rec.requests).toHaveLength(0)
  })

  it('options with a throwing getter are an InvalidInput of getCustomers, getEvents and addEvent', async () => {
    const get = customers.getCustomers(rec.ctx, withThrowingGetter('size'))
    expect(await invalid(get)).toEqual({ _tag: 'InvalidInput', message: 'getCustomers: its arguments cannot be read.' })
    const list = events.getEvents(rec.ctx, 'c1', withThrowingGetter('type'))
    expect(await invalid(list)).toEqual({ _tag: 'InvalidInput', message: 'getEvents: its arguments cannot be read.' })
    const add = events.addEvent(rec.ctx, withThrowingGetter('type', { context: 'WEB', customerId: 'c1' }) as never)
    expect(await invalid(add)).toEqual({ _tag: 'InvalidInput', message: 'addEvent: its arguments cannot be read.' })
    const update = customers.updateCustomer(rec.ctx, 'c1', {}, withThrowingGetter('fullUpdate'))
    expect((await invalid(update))._tag).toBe('InvalidInput')
    expect(rec.requests).toHaveLength(0)
  })

  it('nothing is read from the arguments until the task runs', async () => {
    const reads: Array<PropertyKey> = []
    const spy = <T extends object>(o: T): T => new Proxy(o, { get: (t, k, r) => (reads.push(k), Reflect.get(t, k, r)) })
    rec.reply({ status: 200, body: wire }, { status: 200, body: wire }, { status: 202 })
    const tasks: ReadonlyArray<() => Promise<E.Either<unknown, unknown>>> = [
      customers.getCustomers(spy(rec.ctx), spy({ size: 5 })),
      events.getEvents(spy(rec.ctx), 'c1', spy({ size: 5 })),
      events.addEvent(spy(rec.ctx), spy({ type: 'viewedPage', context: 'WEB', customerId: 'c1' }))
    ]
    expect(reads).toEqual([])
    for (const task of tasks) expectRight(await task())
    expect(reads.length).toBeGreaterThan(0)
  })

  it('addEvent with a null context is an InvalidInput', async () => {
    const task = events.addEvent(null as unknown as Context, { type: 'viewedPage', context: 'WEB', customerId: 'c1' })
    expect(await invalid(task)).toEqual({ _tag: 'InvalidInput', message: 'addEvent: the context must be an object.' })
  })

  it('addEvent with a clock out of the range of a Date sends the real time instead of rejecting', async () => {
    rec.reply({ status: 202 })
    const ctx: Context = { ...rec.ctx, clock: { now: () => 1e20 } }
    vi.useFakeTimers({ toFake: ['Date'] }) // only Date: the real time is a fixed one
    vi.setSystemTime(Date.UTC(2021, 5, 7, 8, 9, 10, 11))
    try {
      expectRight(await events.addEvent(ctx, { type: 'viewedPage', context: 'WEB', customerId: 'c1' })())
    } finally {
      vi.useRealTimers()
    }
    expect((nth(rec.requests, 0).body as { date: string }).date).toBe('2021-06-07T08:09:10.011Z')
  })
})
