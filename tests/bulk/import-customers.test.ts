// importCustomers against the emulator over 127.0.0.1, with its faults: nothing lost, nothing duplicated (counted
// in the emulator's store), exact counts, failures with their indexes, re-runs that converge, the concurrency bound
// and its adaptation, measured at the server.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importCustomers, type ImportProgress } from '../../src/index'
import type { Context } from '../../src/context'
import type { CustomerInput } from '../../src/codecs/customer-input'
import { expectLeft, expectRight } from '../helpers/either'
import { startTracked, type TrackedEmulator } from './helpers'

let emu: TrackedEmulator

// A new emulator per test: requests a test aborted may still arrive after it, and must not reach the next one.
beforeEach(async () => {
  emu = await startTracked()
})
afterEach(() => emu.close())

const customer = (i: number, firstName = `First${i}`): CustomerInput => ({
  externalId: `ext-${i}`,
  base: { firstName, contacts: { email: `c${i}@example.com` } }
})
const range = (n: number): ReadonlyArray<number> => Array.from({ length: n }, (_, i) => i)
const customers = (n: number, firstName?: string): ReadonlyArray<CustomerInput> =>
  range(n).map((i) => customer(i, firstName))

/** A clock whose waits are recorded and not waited: Retry-After and backoff without wall-clock time. */
const instantClock = () => {
  const sleeps: Array<number> = []
  return { sleeps, clock: { sleep: async (ms: number) => void sleeps.push(ms), random: () => 0.5 } }
}

const posts = () => emu.log.records.filter((r) => r.method === 'POST')
const firstNames = (): ReadonlyArray<string> => {
  const page = emu.store.listCustomers(
    new Map([
      ['nodeId', [emu.context.nodeId]],
      ['size', ['1000']]
    ])
  ).body as { elements: ReadonlyArray<{ base: { firstName: string } }> }
  return page.elements.map((c) => c.base.firstName)
}

describe('importCustomers: the happy path', () => {
  it('an array of 30: 30 created, 30 in the store, at most 4 requests in flight, progress after each item', async () => {
    emu.faults.latency(5)
    emu.gather(4)
    const seen: Array<ImportProgress> = []
    const report = expectRight(await importCustomers(emu.context, customers(30), { onProgress: (p) => seen.push(p) })())
    expect(report).toEqual({ created: 30, updated: 0, failed: 0, failures: [] })
    expect(emu.customers()).toBe(30)
    expect(posts()).toHaveLength(30)
    expect(emu.peak()).toBe(4)
    expect(seen.map((p) => p.done)).toEqual(range(30).map((i) => i + 1))
    expect(seen.at(-1)).toEqual({ done: 30, created: 30, updated: 0, failed: 0 })
  })

  it('an async generator is read lazily: never more items pulled than handled plus the concurrency', async () => {
    emu.faults.latency(3)
    let pulled = 0
    let done = 0
    let worst = 0
    async function* source() {
      for (const i of range(40)) {
        pulled += 1
        worst = Math.max(worst, pulled - done)
        yield customer(i)
      }
    }
    const report = expectRight(
      await importCustomers(emu.context, source(), { concurrency: 3, onProgress: (p) => (done = p.done) })()
    )
    expect(report.created).toBe(40)
    expect(emu.customers()).toBe(40)
    expect(worst).toBeLessThanOrEqual(3)
    expect(emu.peak()).toBeLessThanOrEqual(3)
  })

  it('concurrency 8 is never exceeded at the server, and is reached', async () => {
    emu.faults.latency(10)
    emu.gather(8) // the first 8 are held until all have arrived: the bound is reached on any machine
    expectRight(await importCustomers(emu.context, customers(64), { concurrency: 8 })())
    expect(emu.peak()).toBe(8)
    expect(emu.customers()).toBe(64)
  })

  it('concurrency 1 is sequential', async () => {
    emu.faults.latency(2)
    expectRight(await importCustomers(emu.context, customers(10), { concurrency: 1 })())
    expect(emu.peak()).toBe(1)
  })

  it('a callback that throws does not break the import', async () => {
    const report = expectRight(
      await importCustomers(emu.context, customers(5), {
        onProgress: () => {
          throw new Error('boom')
        }
      })()
    )
    expect(report.created).toBe(5)
  })
})

describe('importCustomers: failures', () => {
  it('items the server refuses (invalid email) or the client refuses are reported with their index; the rest goes in', async () => {
    const items: Array<CustomerInput> = [...customers(10)]
    items[3] = { externalId: 'bad-3', base: { contacts: { email: 'not an email' } } }
    items[7] = { externalId: 'bad-7', base: { contacts: { email: 'also@not@valid' } } }
    items[5] = null as unknown as CustomerInput
    const report = expectRight(await importCustomers(emu.context, items)())
    expect(report).toMatchObject({ created: 7, updated: 0, failed: 3 })
    expect(report.failures.map((f) => f.index).sort()).toEqual([3, 5, 7])
    const byIndex = new Map(report.failures.map((f) => [f.index, f]))
    expect(byIndex.get(3)).toMatchObject({ externalId: 'bad-3', error: { _tag: 'HttpError', status: 400 } })
    expect(byIndex.get(7)).toMatchObject({ externalId: 'bad-7', error: { _tag: 'HttpError', status: 400 } })
    expect(byIndex.get(5)?.error._tag).toBe('InvalidInput')
    expect(byIndex.get(5)).not.toHaveProperty('externalId')
    expect(emu.customers()).toBe(7)
  })

  it("mode 'create': an existing customer is a 409 failure of that item, nothing is updated", async () => {
    expectRight(await importCustomers(emu.context, customers(3))())
    const report = expectRight(await importCustomers(emu.context, customers(5, 'Changed'), { mode: 'create' })())
    expect(report).toMatchObject({ created: 2, updated: 0, failed: 3 })
    expect(report.failures.map((f) => [f.index, f.externalId, f.error._tag === 'HttpError' && f.error.status])).toEqual(
      expect.arrayContaining([
        [0, 'ext-0', 409],
        [1, 'ext-1', 409],
        [2, 'ext-2', 409]
      ])
    )
    expect(emu.customers()).toBe(5)
    expect(firstNames().filter((n) => n === 'Changed')).toHaveLength(2)
  })

  it('a 401 ends the import with a Left at once: no more than the first requests in flight are sent', async () => {
    const ctx: Context = { ...emu.context, token: 'wrong-token-000000' }
    const e = expectLeft(await importCustomers(ctx, customers(50), { concurrency: 4 })())
    expect(e).toMatchObject({ _tag: 'HttpError', status: 401 })
    expect(emu.log.records.length).toBeLessThanOrEqual(4)
    expect(emu.customers()).toBe(0)
  })

  it('a 403 ends it too', async () => {
    emu.faults.failNext(1, 403, { match: { method: 'POST' } })
    const e = expectLeft(await importCustomers(emu.context, customers(50), { concurrency: 1 })())
    expect(e).toMatchObject({ _tag: 'HttpError', status: 403 })
    expect(emu.log.records).toHaveLength(1)
  })

  it('a source that throws ends the import with a Left naming it; what was in flight finishes', async () => {
    function* source() {
      yield customer(0)
      yield customer(1)
      throw new Error('line 3 is not JSON')
    }
    const e = expectLeft(await importCustomers(emu.context, source())())
    expect(e._tag).toBe('InvalidInput')
    expect(e.message).toBe('importCustomers: reading the source failed after 2 items: line 3 is not JSON.')
    expect(emu.customers()).toBe(2)
  })

  it("a source's error message never carries the token", async () => {
    const token = emu.context.token
    const source: Iterable<CustomerInput> = {
      [Symbol.iterator]: () => ({
        next: () => {
          throw new Error(`cannot read with ${token}`)
        }
      })
    }
    const e = expectLeft(await importCustomers(emu.context, source)())
    expect(e.message).toBe('importCustomers: reading the source failed after 0 items: cannot read with [redacted].')
    expect(JSON.stringify(e)).not.toContain(token)
  })

  it('options and sources that cannot work are refused before anything is sent', async () => {
    const refusals = [
      await importCustomers(emu.context, customers(1), { concurrency: 0 })(),
      await importCustomers(emu.context, customers(1), { mode: 'merge' as 'create' })(),
      await importCustomers(emu.context, 42 as unknown as Iterable<CustomerInput>)(),
      await importCustomers(emu.context, 'abc' as unknown as Iterable<CustomerInput>)(),
      await importCustomers({ ...emu.context, nodeId: '' }, customers(1))(),
      await importCustomers(null as unknown as Context, customers(1))()
    ]
    expect(refusals.map((r) => expectLeft(r).message)).toEqual([
      'importCustomers: concurrency must be an integer >= 1.',
      'importCustomers: mode must be "create" or "upsert".',
      'importCustomers: the source must be an iterable or an async iterable.',
      'importCustomers: the source must be an iterable or an async iterable.',
      "importCustomers: the context's nodeId must be a non-empty string.",
      'importCustomers: the context must be an object.'
    ])
    expect(emu.log.records).toHaveLength(0)
  })
})

describe('importCustomers: upsert and re-runs', () => {
  it('a re-run converges: existing customers are updated, new ones created, none duplicated', async () => {
    expectRight(await importCustomers(emu.context, customers(20))())
    const report = expectRight(await importCustomers(emu.context, customers(30, 'Again'))())
    expect(report).toEqual({ created: 10, updated: 20, failed: 0, failures: [] })
    expect(emu.customers()).toBe(30)
    expect(firstNames().every((n) => n === 'Again')).toBe(true)
  })

  it('a half-done import, aborted, then run again: every item once in the store', async () => {
    const controller = new AbortController()
    const first = await importCustomers(emu.context, customers(40), {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 15) controller.abort()
      }
    })()
    expect(expectLeft(first)._tag).toBe('AbortError')
    const half = emu.customers()
    expect(half).toBeGreaterThanOrEqual(15)
    expect(half).toBeLessThan(40)
    const second = expectRight(await importCustomers(emu.context, customers(40))())
    expect(second.created + second.updated).toBe(40)
    expect(second.updated).toBeGreaterThanOrEqual(half)
    expect(emu.customers()).toBe(40)
  })
})

describe('importCustomers: abort', () => {
  it('no request starts after the abort, and the import ends with an AbortError', async () => {
    emu.faults.latency(5)
    const controller = new AbortController()
    let sent = 0
    let sentAfterAbort = 0
    const ctx: Context = {
      ...emu.context,
      fetch: (input, init) => {
        sent += 1
        if (controller.signal.aborted) sentAfterAbort += 1
        return fetch(input, init)
      }
    }
    const e = expectLeft(
      await importCustomers(ctx, customers(100), {
        concurrency: 4,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.done === 10) controller.abort()
        }
      })()
    )
    expect(e).toMatchObject({ _tag: 'AbortError', method: 'POST' })
    expect(e.message).toMatch(/^importCustomers POST \/workspaces\/ws-bulk\/customers was aborted by the caller\.$/)
    expect(sentAfterAbort).toBe(0)
    expect(sent).toBeLessThan(15)
    expect(emu.log.records.length).toBeLessThanOrEqual(sent)
  })

  it('an already aborted signal sends nothing', async () => {
    const e = expectLeft(await importCustomers(emu.context, customers(5), { signal: AbortSignal.abort() })())
    expect(e._tag).toBe('AbortError')
    expect(emu.log.records).toHaveLength(0)
  })

  it('an abort while the source is waiting ends the import promptly', async () => {
    const controller = new AbortController()
    let release: () => void = () => undefined
    async function* source() {
      yield customer(0)
      controller.abort()
      await new Promise<void>((resolve) => (release = resolve))
      yield customer(1)
    }
    const e = expectLeft(await importCustomers(emu.context, source(), { signal: controller.signal })())
    release()
    expect(e._tag).toBe('AbortError')
    expect(emu.customers()).toBeLessThanOrEqual(1)
  })
})

describe('importCustomers: faults', () => {
  it('a burst of 429 with Retry-After: every item in once, the waits as told, the concurrency halved', async () => {
    const { sleeps, clock } = instantClock()
    emu.faults.latency(5)
    emu.gather(8)
    emu.faults.failNext(8, 429, { retryAfter: 1, match: { method: 'POST' } })
    const report = expectRight(await importCustomers({ ...emu.context, clock }, customers(40), { concurrency: 8 })())
    expect(report).toEqual({ created: 40, updated: 0, failed: 0, failures: [] })
    expect(emu.customers()).toBe(40)
    const statuses = emu.log.records.map((r) => r.status)
    expect(statuses.filter((s) => s === 429)).toHaveLength(8)
    expect(statuses.filter((s) => s === 201)).toHaveLength(40)
    expect(sleeps.slice(0, 8)).toEqual(Array.from({ length: 8 }, () => 1000))
    // The 8 first items at once, all rate limited, and their 8 retries; the limit is then 8 halved 8 times: 1. After
    // a calm run of 10 successes it grows by one at a time, never above 8.
    expect(emu.arrivals.slice(0, 8)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(emu.arrivals.slice(16, 18)).toEqual([1, 1])
    expect(Math.max(...emu.arrivals.slice(18, 28))).toBeLessThanOrEqual(2)
    expect(Math.max(...emu.arrivals.slice(28, 38))).toBeLessThanOrEqual(3)
    expect(emu.peak()).toBe(8)
  })

  it('after the burst the concurrency grows back to the limit asked, never above it', async () => {
    const { clock } = instantClock()
    emu.faults.latency(5)
    emu.gather(4)
    emu.faults.failNext(4, 429, { retryAfter: 0, match: { method: 'POST' } })
    expectRight(await importCustomers({ ...emu.context, clock }, customers(120), { concurrency: 4 })())
    expect(emu.customers()).toBe(120)
    expect(Math.max(...emu.arrivals.slice(8, 12))).toBe(1)
    expect(Math.max(...emu.arrivals.slice(60))).toBe(4)
    expect(emu.peak()).toBe(4)
  })

  it('upsert: 503s on create are tried again; every item once', async () => {
    const { clock } = instantClock()
    emu.faults.failNext(5, 503, { match: { method: 'POST' } })
    const report = expectRight(await importCustomers({ ...emu.context, clock }, customers(20))())
    expect(report).toEqual({ created: 20, updated: 0, failed: 0, failures: [] })
    expect(emu.customers()).toBe(20)
    expect(posts()).toHaveLength(25)
  })

  it('create: a 503 is a failure of that item (it may or may not have been processed)', async () => {
    const { clock } = instantClock()
    emu.faults.failNext(2, 503, { match: { method: 'POST' } })
    const report = expectRight(await importCustomers({ ...emu.context, clock }, customers(10), { mode: 'create' })())
    expect(report).toMatchObject({ created: 8, failed: 2 })
    expect(report.failures.map((f) => f.error)).toMatchObject([{ status: 503 }, { status: 503 }])
    expect(emu.customers()).toBe(8)
  })

  it('upsert: a create processed but whose answer was lost is tried again, meets a 409 and becomes a PATCH', async () => {
    const { clock } = instantClock()
    emu.faults.cutNext(3, { match: { method: 'POST' } })
    const report = expectRight(await importCustomers({ ...emu.context, clock }, customers(12))())
    expect(report).toEqual({ created: 9, updated: 3, failed: 0, failures: [] })
    expect(emu.customers()).toBe(12)
    expect(emu.log.records.filter((r) => r.method === 'PATCH')).toHaveLength(3)
  })

  it('upsert: a timeout is tried again too', async () => {
    const { clock } = instantClock()
    emu.faults.hangNext(2, { match: { method: 'POST' } })
    const report = expectRight(
      await importCustomers({ ...emu.context, clock, timeout: 200 }, customers(6), { concurrency: 2 })()
    )
    expect(report).toMatchObject({ created: 6, failed: 0 })
    expect(emu.customers()).toBe(6)
  })

  it('retries are bounded: an item whose retries are spent is a failure, and the import goes on', async () => {
    const { clock } = instantClock()
    // 1 + 2 item attempts: every one a 503
    emu.faults.failNext(3, 503, { match: { method: 'POST' } })
    const report = expectRight(await importCustomers({ ...emu.context, clock }, customers(4), { concurrency: 1 })())
    expect(report).toMatchObject({ created: 3, failed: 1 })
    expect(report.failures[0]).toMatchObject({ index: 0, externalId: 'ext-0', error: { status: 503 } })
  })
})
