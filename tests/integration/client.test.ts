// The client against the local emulator over 127.0.0.1: every operation group, end to end, through real HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import * as E from '#fp-ts/Either'
import * as O from '#fp-ts/Option'
import { startEmulator, type Emulator } from '../../src/emulator/index'
import type { Context } from '../../src/context'
import { conflictingCustomerId } from '../../src/error'
import {
  addCustomer,
  deleteCustomer,
  getCustomer,
  getCustomerByExternalId,
  getCustomers,
  updateCustomer
} from '../../src/customers'
import { addCustomerSession, createSessionId, deleteCustomerSession, getCustomerSessions } from '../../src/sessions'
import { addTag, removeTag } from '../../src/tags'
import {
  addEducation,
  addJob,
  addLike,
  addSubscription,
  getCustomerEducation,
  getCustomerJob,
  getCustomerLike,
  getCustomerSubscription,
  removeJob,
  removeLike,
  updateJob,
  updateSubscription
} from '../../src/entities'
import { addEvent, deleteEvent, getEvent, getEvents } from '../../src/events'
import { and, between, customerQuery, eq, except, gt, isIn, isNull, or, union } from '../../src/query'
import { hasNextPage, nextPage, pages, previousPage } from '../../src/pagination'
import { customerPatch } from '../../src/patch'
import { expectLeft as left, expectRight as right, nth } from '../helpers/either'

let emulator: Emulator
let ctx: Context
let ids = 0

beforeAll(async () => {
  emulator = await startEmulator({
    workspaceId: 'ws-int',
    nodeId: 'node-int',
    token: 'tok-int',
    now: () => Date.UTC(2026, 10, 28, 12, 0, 0, 5),
    uuid: () => `id-${++ids}`
  })
  ctx = { ...emulator.context, retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 2 } }
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

describe('customers against the emulator', () => {
  it('creates, reads, updates, replaces and deletes', async () => {
    const c = right(
      await addCustomer(ctx, {
        externalId: 'ext-1',
        base: { firstName: 'Ada', dob: new Date(Date.UTC(1815, 11, 10)), contacts: { email: 'ada@example.com' } },
        extended: { level: 3 }
      })()
    )
    expect(c).toMatchObject({ externalId: 'ext-1', nodeId: 'node-int', enabled: true })
    expect(c.base?.dob).toBe('1815-12-10')
    expect(c.base?.lastName).toBeNull()
    expect(c.registeredAt).toBe('2026-11-28T12:00:00.005Z')

    expect(right(await getCustomer(ctx, c.id)())).toEqual(c)
    expect(right(await getCustomerByExternalId(ctx, 'ext-1')()).id).toBe(c.id)
    expect(left(await getCustomerByExternalId(ctx, 'nobody')())._tag).toBe('NotFound')

    const patched = right(
      await updateCustomer(ctx, c.id, { base: { lastName: 'Lovelace', contacts: { email: null } } })()
    )
    expect(patched.base?.firstName).toBe('Ada')
    expect(patched.base?.lastName).toBe('Lovelace')
    expect(patched.base?.contacts?.email).toBeNull()

    const replaced = right(
      await updateCustomer(ctx, c.id, { externalId: 'ext-1', base: { firstName: 'Augusta' } }, { fullUpdate: true })()
    )
    expect(replaced.base?.firstName).toBe('Augusta')
    expect(replaced.base?.lastName).toBeNull()
    expect(replaced.extended).toBeNull()

    expect(right(await deleteCustomer(ctx, c.id)())).toBeUndefined()
    expect(left(await getCustomer(ctx, c.id)())).toMatchObject({ _tag: 'HttpError', status: 404 })
  })

  it('turns a 409 into a typed error, and forceUpdate into a PATCH of the existing customer', async () => {
    const first = right(await addCustomer(ctx, { externalId: 'dup', base: { firstName: 'A' } })())
    emulator.clearRequests()
    const e = left(await addCustomer(ctx, { externalId: 'dup', base: { firstName: 'B' } })())
    expect(e).toMatchObject({ _tag: 'HttpError', status: 409 })
    expect(conflictingCustomerId(e)).toEqual(O.some(first.id))
    expect(emulator.requests).toHaveLength(1)
    const forced = right(
      await addCustomer(ctx, { externalId: 'dup', base: { firstName: 'B' } }, { forceUpdate: true })()
    )
    expect(forced).toMatchObject({ id: first.id, base: { firstName: 'B' } })
  })

  it('applies customerPatch to reach the target state', async () => {
    const before = right(
      await addCustomer(ctx, { externalId: 'p', base: { firstName: 'A', lastName: 'B' }, tags: { manual: ['x'] } })()
    )
    const after = {
      ...before,
      base: { ...before.base, lastName: null, title: 'Dr' },
      tags: { auto: [], manual: ['x', 'y'] }
    }
    const result = right(await updateCustomer(ctx, before.id, customerPatch(before, after))())
    expect(result.base).toMatchObject({ firstName: 'A', lastName: null, title: 'Dr' })
    expect(result.tags?.manual).toEqual(['x', 'y'])
  })

  it('lists with fields, sort and pages, and walks every page', async () => {
    for (let i = 0; i < 23; i++)
      right(await addCustomer(ctx, { externalId: `e-${String(i).padStart(2, '0')}`, base: { firstName: `F${i}` } })())
    const p0 = right(
      await getCustomers(ctx, { size: 10, sort: 'externalId', direction: 'desc', fields: ['externalId'] })()
    )
    expect(p0.page).toMatchObject({ number: 0, size: 10, totalElements: 23, totalPages: 3 })
    expect(nth(p0.elements, 0).externalId).toBe('e-22')
    expect(nth(p0.elements, 0).base).toBeNull()
    const p1 = right(await nextPage(p0)())
    expect(nth(p1.elements, 0).externalId).toBe('e-12')
    expect(right(await previousPage(p1)()).elements).toEqual(p0.elements)
    const all: Array<string> = []
    let last = p0
    for await (const page of pages(getCustomers(ctx, { size: 10, sort: 'externalId', direction: 'asc' }))) {
      last = right(page)
      all.push(...last.elements.map((c) => c.externalId ?? ''))
    }
    expect(all).toEqual(Array.from({ length: 23 }, (_, i) => `e-${String(i).padStart(2, '0')}`))
    expect(hasNextPage(last)).toBe(false)
    expect(left(await nextPage(last)())._tag).toBe('InvalidInput')
  })

  it('sends queries built with the builder', async () => {
    const people: Array<[string, string, number]> = [
      ['a', 'Ada', 36],
      ['b', 'Alan', 41],
      ['c', 'Grace', 85],
      ['d', 'Ada', 12]
    ]
    for (const [ext, name, age] of people)
      right(await addCustomer(ctx, { externalId: ext, base: { firstName: name }, extended: { age } })())
    const ids = async (q: Parameters<typeof getCustomers>[1]): Promise<Array<string | null>> =>
      right(await getCustomers(ctx, { ...q, sort: 'externalId', direction: 'asc' })()).elements.map((c) => c.externalId)
    expect(await ids({ query: customerQuery(eq('base.firstName', 'Ada')) })).toEqual(['a', 'd'])
    expect(await ids({ query: customerQuery(and(eq('base.firstName', 'Ada'), gt('extended.age', 20))) })).toEqual(['a'])
    expect(
      await ids({ query: customerQuery(or(eq('base.firstName', 'Grace'), between('extended.age', 40, 50))) })
    ).toEqual(['b', 'c'])
    expect(await ids({ query: customerQuery(isIn('externalId', ['a', 'c'])) })).toEqual(['a', 'c'])
    expect(await ids({ query: customerQuery(isNull('base.lastName')) })).toEqual(['a', 'b', 'c', 'd'])
    expect(
      await ids({
        query: except(customerQuery(eq('base.firstName', 'Ada')), customerQuery(gt('extended.age', 20)))
      })
    ).toEqual(['d'])
    expect(
      await ids({ query: union(customerQuery(eq('externalId', 'a')), customerQuery(eq('externalId', 'b'))) })
    ).toEqual(['a', 'b'])
  })
})

describe('sessions, tags and sub-entities against the emulator', () => {
  it('adds, lists and deletes sessions by the id the API returned', async () => {
    const c = right(await addCustomer(ctx, { base: { firstName: 'S' } })())
    const value = createSessionId()
    const s = right(await addCustomerSession(ctx, c.id, value)())
    expect(s.value).toBe(value)
    expect(right(await getCustomerSessions(ctx, c.id)())).toEqual([s])
    expect(right(await deleteCustomerSession(ctx, c.id, s.id)())).toBeUndefined()
    expect(right(await getCustomerSessions(ctx, c.id)())).toEqual([])
  })

  it('adds and removes tags, writing only when something changes', async () => {
    const c = right(await addCustomer(ctx, { base: { firstName: 'T' } })())
    expect(right(await addTag(ctx, c.id, 'vip')()).tags?.manual).toEqual(['vip'])
    emulator.clearRequests()
    right(await addTag(ctx, c.id, 'vip')())
    expect(emulator.requests.map((r) => r.method)).toEqual(['GET'])
    expect(right(await removeTag(ctx, c.id, 'vip')()).tags?.manual).toEqual([])
  })

  it('keeps all of 100 concurrent tags on one customer', async () => {
    const c = right(await addCustomer(ctx, { base: { firstName: 'Many' } })())
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => addTag(ctx, c.id, `t${i}`)()))
    expect(results.every(E.isRight)).toBe(true)
    const tags = right(await getCustomer(ctx, c.id)()).tags?.manual ?? []
    expect([...tags].sort()).toEqual(Array.from({ length: 100 }, (_, i) => `t${i}`).sort())
  })

  it('adds, reads, updates and removes jobs, likes, educations and subscriptions', async () => {
    const c = right(await addCustomer(ctx, { base: { firstName: 'J' } })())
    const job = right(
      await addJob(ctx, c.id, {
        companyName: 'ACME',
        jobTitle: 'Dev',
        startDate: new Date(Date.UTC(2020, 0, 2)),
        isCurrent: true
      })()
    )
    expect(job).toMatchObject({ companyName: 'ACME', startDate: '2020-01-02' })
    expect(right(await getCustomerJob(ctx, c.id, job.id ?? '')())).toEqual(job)
    expect(right(await updateJob(ctx, c.id, job.id ?? '', { companyName: 'ACME', jobTitle: 'Lead' })()).jobTitle).toBe(
      'Lead'
    )
    expect(right(await getCustomer(ctx, c.id)()).base?.jobs?.map((j) => j.jobTitle)).toEqual(['Lead'])
    right(await removeJob(ctx, c.id, job.id ?? '')())
    expect(left(await getCustomerJob(ctx, c.id, job.id ?? '')())).toMatchObject({ status: 404 })

    const like = right(
      await addLike(ctx, c.id, {
        id: 'like-1',
        name: 'Jazz',
        category: 'music',
        createdTime: '2020-01-01T10:00:00.000Z'
      })()
    )
    expect(like.id).toBe('like-1')
    expect(right(await getCustomerLike(ctx, c.id, 'like-1')()).name).toBe('Jazz')
    right(await removeLike(ctx, c.id, 'like-1')())

    const edu = right(await addEducation(ctx, c.id, { schoolType: 'COLLEGE', schoolName: 'Uni', startYear: 2001 })())
    expect(right(await getCustomerEducation(ctx, c.id, edu.id ?? '')()).schoolName).toBe('Uni')

    const sub = right(await addSubscription(ctx, c.id, { name: 'News', kind: 'DIGITAL_MESSAGE', subscribed: true })())
    expect(right(await getCustomerSubscription(ctx, c.id, sub.id ?? '')()).subscribed).toBe(true)
    expect(
      right(await updateSubscription(ctx, c.id, sub.id ?? '', { name: 'News', subscribed: false })()).subscribed
    ).toBe(false)
  })
})

describe('events against the emulator', () => {
  it('adds events by customer id and by session id, and reads them back', async () => {
    const c = right(await addCustomer(ctx, { externalId: 'ev', base: { firstName: 'E' } })())
    right(
      await addEvent(ctx, {
        type: 'viewedPage',
        context: 'WEB',
        customerId: c.id,
        properties: { url: 'https://x/1' }
      })()
    )
    const sessionId = createSessionId()
    right(await addEvent(ctx, { type: 'loggedIn', context: 'WEB', sessionId, properties: {} })())
    right(await addEvent(ctx, { type: 'clickedLink', context: 'MOBILE', externalId: 'ev', properties: {} })())
    right(await addCustomerSession(ctx, c.id, sessionId)())
    const all = right(await getEvents(ctx, c.id)())
    expect(all.elements.map((e) => e.type).sort()).toEqual(['clickedLink', 'loggedIn', 'viewedPage'])
    const web = right(await getEvents(ctx, c.id, { context: 'WEB', type: 'viewedPage' })())
    expect(web.elements).toHaveLength(1)
    const one = right(await getEvent(ctx, nth(web.elements, 0).id)())
    expect(one).toMatchObject({ type: 'viewedPage', customerId: c.id, properties: { url: 'https://x/1' } })
    right(await deleteEvent(ctx, one.id)())
    expect(left(await getEvent(ctx, one.id)())).toMatchObject({ _tag: 'HttpError', status: 404 })
  })

  it('refuses an event with no customer before sending anything', async () => {
    emulator.clearRequests()
    // The compiler refuses it too; at run time it is an InvalidInput.
    // @ts-expect-error an event must name its customer
    const e = left(await addEvent(ctx, { type: 'viewedPage', context: 'WEB', properties: {} })())
    expect(e._tag).toBe('InvalidInput')
    expect(emulator.requests).toHaveLength(0)
  })
})

describe('faults injected by the emulator', () => {
  it('retries a read through two 503s, and never repeats a create', async () => {
    const c = right(await addCustomer(ctx, { base: { firstName: 'R' } })())
    emulator.clearRequests()
    emulator.faults.failNext(2, 503)
    expect(right(await getCustomer(ctx, c.id)()).id).toBe(c.id)
    expect(emulator.requests).toHaveLength(3)
    emulator.clearRequests()
    emulator.faults.failNext(1, 503)
    expect(left(await addCustomer(ctx, { base: { firstName: 'X' } })())).toMatchObject({ status: 503, attempts: 1 })
    expect(emulator.requests).toHaveLength(1)
  })

  it('survives a connection cut mid-body', async () => {
    const c = right(await addCustomer(ctx, { base: { firstName: 'C' } })())
    emulator.faults.cutNext(1)
    expect(right(await getCustomer(ctx, c.id)()).id).toBe(c.id)
    emulator.faults.cutNext(5)
    expect(left(await getCustomer({ ...ctx, retry: false }, c.id)())._tag).toBe('NetworkError')
    emulator.faults.reset()
  })

  it('gives 401 for a wrong token and 403 for an unknown workspace', async () => {
    expect(left(await getCustomers({ ...ctx, token: 'wrong' })())).toMatchObject({ _tag: 'HttpError', status: 401 })
    const e = left(await getCustomers({ ...ctx, workspaceId: 'other' })())
    expect(e).toMatchObject({ _tag: 'HttpError', status: 403 })
    expect(e.message).toContain('workspace not found: other')
  })
})
