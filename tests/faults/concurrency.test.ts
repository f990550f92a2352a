// Concurrency and end-to-end faults against the emulator: 100 concurrent addTag calls on one customer keep all 100
// tags (the read-modify-write cycles are serialised per customer), a failure in the middle does not stall the queue,
// and the emulator's injected faults reach the public operations as the right error after the right attempts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import * as E from '#fp-ts/Either'
import { startEmulator, type Emulator } from '../../src/emulator/index'
import type { Context } from '../../src/context'
import { addCustomer, getCustomer } from '../../src/customers'
import { addTag, removeTag } from '../../src/tags'
import { virtualClock } from './support'
import { expectLeft, expectRight, nth } from '../helpers/either'

let emulator: Emulator
const vc = virtualClock()
const ctx = (over: Partial<Context> = {}): Context => ({ ...emulator.context, clock: vc.clock, ...over })

const newCustomer = async (tags: ReadonlyArray<string> = []): Promise<string> =>
  expectRight(await addCustomer(ctx(), { base: { firstName: 'Ada' }, tags: { manual: [...tags] } })()).id

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 })
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => {
  emulator.faults.reset()
  emulator.clearRequests()
  vc.reset()
})

const manualTags = async (id: string): Promise<ReadonlyArray<string>> =>
  expectRight(await getCustomer(ctx(), id)()).tags?.manual ?? []

describe('100 concurrent addTag calls for one customer', () => {
  it('keep all 100 tags, with one GET and one PATCH each', async () => {
    const id = await newCustomer()
    emulator.clearRequests()
    const tags = Array.from({ length: 100 }, (_, i) => `tag-${i}`)
    const results = await Promise.all(tags.map((tag) => addTag(ctx(), id, tag)()))
    expect(results.every(E.isRight)).toBe(true)
    expect([...(await manualTags(id))].sort()).toEqual([...tags].sort())
    const methods = emulator.requests.slice(0, 200).map((r) => r.method)
    expect(methods.filter((m) => m === 'GET')).toHaveLength(100)
    expect(methods.filter((m) => m === 'PATCH')).toHaveLength(100)
  })

  it('in the order they were started', async () => {
    const id = await newCustomer()
    const tags = Array.from({ length: 20 }, (_, i) => `t${String(i).padStart(2, '0')}`)
    await Promise.all(tags.map((tag) => addTag(ctx(), id, tag)()))
    expect(await manualTags(id)).toEqual(tags)
  })

  it('mixed with removeTag, keep exactly what a one-at-a-time run would', async () => {
    const id = await newCustomer(['keep', 'drop-0', 'drop-1', 'drop-2'])
    const tasks = [
      ...Array.from({ length: 30 }, (_, i) => addTag(ctx(), id, `add-${i}`)),
      ...Array.from({ length: 3 }, (_, i) => removeTag(ctx(), id, `drop-${i}`)),
      addTag(ctx(), id, 'keep') // already there: nothing written
    ]
    const results = await Promise.all(tasks.map((t) => t()))
    expect(results.every(E.isRight)).toBe(true)
    const expected = ['keep', ...Array.from({ length: 30 }, (_, i) => `add-${i}`)]
    expect([...(await manualTags(id))].sort()).toEqual(expected.sort())
  })

  it('two customers at once: each keeps its own tags', async () => {
    const [a, b] = [await newCustomer(), await newCustomer()]
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => [addTag(ctx(), a, `a${i}`)(), addTag(ctx(), b, `b${i}`)()]).flat()
    )
    expect(await manualTags(a)).toHaveLength(25)
    expect(await manualTags(b)).toHaveLength(25)
    expect((await manualTags(a)).every((t) => t.startsWith('a'))).toBe(true)
  })

  it('a failed PATCH in the middle fails that call only; the queue goes on and the other 49 tags are kept', async () => {
    const id = await newCustomer()
    emulator.clearRequests()
    emulator.faults.failNext(1, 500, { match: { method: 'PATCH' } })
    const tags = Array.from({ length: 50 }, (_, i) => `tag-${i}`)
    const results = await Promise.all(tags.map((tag) => addTag(ctx(), id, tag)()))
    const failed = results.filter(E.isLeft)
    expect(failed).toHaveLength(1)
    expect(nth(failed, 0).left).toMatchObject({ _tag: 'HttpError', status: 500, method: 'PATCH', attempts: 1 })
    expect(await manualTags(id)).toHaveLength(49)
  })

  it('a call whose GET hangs until its timeout does not block the queue for ever', async () => {
    const id = await newCustomer()
    emulator.faults.hangNext(1, { match: { method: 'GET' } })
    const results = await Promise.all(
      ['x', 'y', 'z'].map((tag) => addTag(ctx({ timeout: 150, retry: false }), id, tag)())
    )
    expect(results.filter(E.isLeft).map((r) => expectLeft(r)._tag)).toEqual(['TimeoutError'])
    expect(await manualTags(id)).toHaveLength(2)
  })
})

describe('emulator faults through the public operations', () => {
  it('failNext(2, 503, retryAfter 1): getCustomer succeeds on the third attempt after 2 s (virtual)', async () => {
    const id = await newCustomer()
    emulator.clearRequests()
    emulator.faults.failNext(2, 503, { retryAfter: 1 })
    expect(expectRight(await getCustomer(ctx(), id)()).id).toBe(id)
    expect(emulator.requests).toHaveLength(3)
    expect(vc.sleeps).toEqual([1000, 1000])
  })

  it('failNext(1, 503): addCustomer is not retried and creates nothing', async () => {
    emulator.faults.failNext(1, 503, { body: '<html><h1>503 Service Unavailable</h1></html>' })
    const e = expectLeft(await addCustomer(ctx(), { externalId: 'never' })())
    expect(e).toMatchObject({ _tag: 'HttpError', status: 503, attempts: 1 })
    expect(e.message).toContain('an HTML page')
    expect(emulator.requests).toHaveLength(1)
  })

  it('resetNext(1): getCustomer retries and succeeds; addCustomer gives a NetworkError', async () => {
    const id = await newCustomer()
    emulator.faults.resetNext(1)
    expect(expectRight(await getCustomer(ctx(), id)()).id).toBe(id)
    emulator.faults.resetNext(1)
    expect(expectLeft(await addCustomer(ctx(), {})())).toMatchObject({ _tag: 'NetworkError', attempts: 1 })
  })

  it('cutNext(3): getCustomer gives a NetworkError after three attempts', async () => {
    const id = await newCustomer()
    emulator.clearRequests()
    emulator.faults.cutNext(3)
    expect(expectLeft(await getCustomer(ctx(), id)())).toMatchObject({ _tag: 'NetworkError', attempts: 3 })
    expect(emulator.requests).toHaveLength(3)
  })

  it('hangNext(1) with a 150 ms timeout: the retry succeeds', async () => {
    const id = await newCustomer()
    emulator.faults.hangNext(1)
    expect(expectRight(await getCustomer(ctx({ timeout: 150 }), id)()).id).toBe(id)
  })

  it('latency above the timeout: TimeoutError after bounded attempts', async () => {
    emulator.faults.latency(400)
    expect(expectLeft(await getCustomer(ctx({ timeout: 100 }), 'c1')())).toMatchObject({
      _tag: 'TimeoutError',
      attempts: 3
    })
  })
})
