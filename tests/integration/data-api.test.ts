// Issue 13's operations against the local emulator over 127.0.0.1: segments and their customers, customer sources,
// getMe, updateEvent and the analytics, end to end through real HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import * as E from '#fp-ts/Either'
import { startEmulator, type Emulator } from '../../src/emulator/index'
import type { Context } from '../../src/context'
import { addCustomer } from '../../src/customers'
import { addEvent, getEvent, getEvents, updateEvent } from '../../src/events'
import {
  addSegment,
  deleteSegment,
  getSegment,
  getSegmentCustomers,
  getSegments,
  updateSegment
} from '../../src/segments'
import { getCustomerSource, getCustomerSources } from '../../src/sources'
import { getMe } from '../../src/me'
import {
  countCustomers,
  getCustomerDistributionByNode,
  getCustomerTrend,
  getEventDistributionByTime,
  getGenderComposition,
  getNumericQuery
} from '../../src/analytics'
import { customerQuery, eq } from '../../src/query'
import { pages } from '../../src/pagination'
import { expectLeft as left, expectRight as right } from '../helpers/fixtures'

const NOW = Date.UTC(2024, 0, 15, 10, 0, 0)

let emulator: Emulator
let ctx: Context
let ids = 0

beforeAll(async () => {
  emulator = await startEmulator({
    now: () => NOW,
    uuid: () => `id-${++ids}`,
    user: { name: 'Ada', surname: 'Lovelace', workspaceName: 'shop', permission: 'R' }
  })
  ctx = { ...emulator.context, retry: false }
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

const addPeople = async (): Promise<void> => {
  for (const [name, city, gender] of [
    ['Ada', 'Milano', 'female'],
    ['Bea', 'Milano', 'female'],
    ['Carl', 'Roma', 'male']
  ] as const)
    right(await addCustomer(ctx, { externalId: name, base: { firstName: name, gender, address: { city } } })())
}

describe('segments', () => {
  it('stores a segment, finds it by name, lists its customers page by page, replaces and deletes it', async () => {
    await addPeople()
    const query = customerQuery(eq('base.address.city', 'Milano'))
    const created = right(await addSegment(ctx, { name: 'Milano', query })())
    expect(created).toMatchObject({ name: 'Milano', enabled: true })
    expect(created.query).toMatchObject({ type: 'simple' })
    right(await addSegment(ctx, { name: 'Roma', query: customerQuery(eq('base.address.city', 'Roma')) })())

    const found = right(await getSegments(ctx, { name: 'Milano' })())
    expect(found.elements.map((s) => s.id)).toEqual([created.id])
    expect(right(await getSegment(ctx, created.id)()).name).toBe('Milano')

    const names: Array<string | null> = []
    for await (const page of pages(getSegmentCustomers(ctx, created.id, { fields: ['base.firstName'], size: 1 })))
      names.push(...right(page).elements.map((c) => c.base?.firstName ?? null))
    expect(names.sort()).toEqual(['Ada', 'Bea'])

    const updated = right(
      await updateSegment(ctx, created.id, {
        name: 'Roma too',
        query: customerQuery(eq('base.address.city', 'Roma')),
        enabled: false
      })()
    )
    expect(updated).toMatchObject({ id: created.id, name: 'Roma too', enabled: false })
    const romans = right(await getSegmentCustomers(ctx, created.id, { fields: 'base.firstName' })())
    expect(romans.elements.map((c) => c.base?.firstName)).toEqual(['Carl'])

    right(await deleteSegment(ctx, created.id)())
    expect(left(await getSegment(ctx, created.id)())).toMatchObject({ _tag: 'HttpError', status: 404 })
  })

  it('a query the server refuses is an HttpError 400 that names the path', async () => {
    const bad = { name: 'bad', query: { type: 'simple', name: 'q', are: { condition: { type: 'atomic' } } } }
    const error = left(await addSegment(ctx, bad as never)())
    expect(error).toMatchObject({ _tag: 'HttpError', status: 400, method: 'POST' })
    expect(error.message).toContain('addSegment')
  })
})

describe('customer sources', () => {
  it('lists the source of each node that wrote a customer, and reads one', async () => {
    const ada = right(await addCustomer(ctx, { externalId: 'ada', base: { firstName: 'Ada' } })())
    const sources = right(await getCustomerSources(ctx, ada.id)())
    expect(sources.length).toBe(1)
    const [source] = sources
    expect(source).toMatchObject({ nodeId: emulator.nodeId, externalId: 'ada' })
    expect(source?.base?.firstName).toBe('Ada')
    const one = right(await getCustomerSource(ctx, ada.id, source?.id ?? '')())
    expect(one.id).toBe(source?.id)
    expect(left(await getCustomerSource(ctx, ada.id, 'nope')())).toMatchObject({ _tag: 'HttpError', status: 404 })
  })
})

describe('getMe', () => {
  it('answers the configured user with the workspace, from only a token and a base URL', async () => {
    const me = right(await getMe({ token: emulator.token, baseUrl: emulator.url, retry: false })())
    expect(me).toMatchObject({ name: 'Ada', surname: 'Lovelace' })
    const workspace = me.groups?.[0]?.workspaces?.[0]
    expect(workspace).toMatchObject({ id: emulator.workspaceId, name: 'shop' })
    expect(workspace?.nodes).toContainEqual({ id: emulator.nodeId, permission: 'R' })
  })

  it('a wrong token is an HttpError 401', async () => {
    const error = left(await getMe({ token: 'wrong', baseUrl: emulator.url, retry: false })())
    expect(error).toMatchObject({ _tag: 'HttpError', status: 401 })
  })
})

describe('updateEvent', () => {
  it('replaces a stored event; an id in the body other than the path is refused before sending', async () => {
    const ada = right(await addCustomer(ctx, { base: { firstName: 'Ada' } })())
    right(
      await addEvent(ctx, {
        type: 'viewedPage',
        context: 'WEB',
        customerId: ada.id,
        properties: { url: 'https://a.example/' }
      })()
    )
    const [event] = right(await getEvents(ctx, ada.id)()).elements
    const id = event?.id ?? ''
    right(
      await updateEvent(ctx, id, {
        type: 'viewedPage',
        context: 'WEB',
        customerId: ada.id,
        date: new Date(NOW),
        properties: { url: 'https://b.example/' }
      })()
    )
    expect(right(await getEvent(ctx, id)()).properties).toMatchObject({ url: 'https://b.example/' })
    const before = emulator.requests.length
    const refused = await updateEvent(ctx, id, {
      type: 'viewedPage',
      context: 'WEB',
      customerId: ada.id,
      id: 'other'
    } as never)()
    expect(left(refused)._tag).toBe('InvalidInput')
    expect(emulator.requests.length).toBe(before)
  })
})

describe('analytics', () => {
  it('counts and composes the stored customers, by node and over time', async () => {
    await addPeople()
    const count = right(await countCustomers(ctx)())
    expect(count.data).toContainEqual({ nodeId: emulator.nodeId, count: 3 })
    const byNode = right(await getCustomerDistributionByNode(ctx, { nodes: [emulator.nodeId] })())
    expect(byNode.data).toEqual([{ nodeId: emulator.nodeId, count: 3 }])
    const gender = right(await getGenderComposition(ctx)())
    const values = gender.data?.flatMap((d) => d.distribution ?? []) ?? []
    expect(values).toContainEqual({ name: 'female', value: 2 })
    const trend = right(await getCustomerTrend(ctx, { startDate: '2024-01-14', endDate: '2024-01-16' })())
    const total = trend.data?.flatMap((d) => d.values ?? []).reduce((n, v) => n + (v.new ?? 0), 0)
    expect(total).toBe(3)
    right(await getEventDistributionByTime(ctx, { mode: 'DAYOFWEEK', context: 'WEB' })())
  })

  it('a query-based analytic the emulator does not compute is an HttpError 501', async () => {
    const error = left(
      await getNumericQuery(ctx, { query: { nodeId: emulator.nodeId, aggregation: { operator: 'COUNT' } } })()
    )
    expect(error).toMatchObject({ _tag: 'HttpError', status: 501 })
  })

  it('invalid options are refused before sending', async () => {
    const before = emulator.requests.length
    expect(E.isLeft(await getCustomerTrend(ctx, { startDate: '2024-01-14' })())).toBe(true)
    expect(emulator.requests.length).toBe(before)
  })
})
