// importEvents against the emulator: every valid event once, an invalid one a failure of its own (nothing sent for
// it), a 429 tried again, a 503 not (an event sent twice could be stored twice).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importEvents, type ImportProgress } from '../../src/index'
import type { EventInput } from '../../src/codecs/event'
import { expectLeft, expectRight } from '../helpers/either'
import { startTracked, type TrackedEmulator } from './helpers'

let emu: TrackedEmulator

beforeEach(async () => {
  emu = await startTracked()
})
afterEach(() => emu.close())

const event = (i: number): EventInput => ({
  type: 'viewedPage',
  context: 'WEB',
  externalId: `ext-${i}`,
  properties: { url: `https://example.com/${i}`, title: `Page ${i}` }
})
const events = (n: number): ReadonlyArray<EventInput> => Array.from({ length: n }, (_, i) => event(i))
const instantClock = () => ({ sleep: async () => undefined, random: () => 0.5 })

describe('importEvents', () => {
  it('an async generator of 25 events: 25 accepted, 25 in the store, at most the concurrency in flight', async () => {
    emu.faults.latency(3)
    emu.gather(3)
    async function* source() {
      yield* events(25)
    }
    const seen: Array<ImportProgress> = []
    const report = expectRight(
      await importEvents(emu.context, source(), { concurrency: 3, onProgress: (p) => seen.push(p) })()
    )
    expect(report).toEqual({ created: 25, updated: 0, failed: 0, failures: [] })
    expect(emu.store.size().events).toBe(25)
    expect(emu.peak()).toBe(3)
    expect(seen).toHaveLength(25)
  })

  it('each item is checked as addEvent checks it: an invalid one fails alone, with its index, and is not sent', async () => {
    const items: Array<EventInput> = [...events(6)]
    items[2] = { context: 'WEB', externalId: 'ext-2', properties: {} } as unknown as EventInput
    items[4] = { type: 'viewedPage', context: 'WEB', properties: {} } as unknown as EventInput
    const report = expectRight(await importEvents(emu.context, items)())
    expect(report).toMatchObject({ created: 4, failed: 2 })
    expect(report.failures.map((f) => [f.index, f.externalId, f.error._tag, f.error.message]).sort()).toEqual([
      [2, 'ext-2', 'InvalidInput', 'addEvent: the event needs a type (e.g. "viewedPage").'],
      [
        4,
        undefined,
        'InvalidInput',
        'addEvent: the event must name its customer with customerId, sessionId or externalId.'
      ]
    ])
    expect(emu.log.records).toHaveLength(4)
    expect(emu.store.size().events).toBe(4)
  })

  it('a burst of 429: every event once', async () => {
    emu.faults.failNext(6, 429, { retryAfter: 0, match: { method: 'POST' } })
    const report = expectRight(await importEvents({ ...emu.context, clock: instantClock() }, events(20))())
    expect(report).toMatchObject({ created: 20, failed: 0 })
    expect(emu.store.size().events).toBe(20)
  })

  it('a 503 is a failure of that event: it is not sent again', async () => {
    emu.faults.failNext(1, 503, { match: { method: 'POST' } })
    const report = expectRight(
      await importEvents({ ...emu.context, clock: instantClock() }, events(5), { concurrency: 1 })()
    )
    expect(report).toMatchObject({ created: 4, failed: 1 })
    expect(report.failures[0]).toMatchObject({ index: 0, externalId: 'ext-0', error: { status: 503 } })
    expect(emu.log.records).toHaveLength(5)
  })

  it('a 401 ends it with a Left', async () => {
    const e = expectLeft(await importEvents({ ...emu.context, token: 'not-the-token-0000' }, events(30))())
    expect(e).toMatchObject({ _tag: 'HttpError', status: 401 })
    expect(emu.log.records.length).toBeLessThanOrEqual(4)
  })
})
