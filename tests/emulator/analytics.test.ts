// Analytics over raw HTTP, computed from a store seeded at known times: every emulated answer is asked for with the
// client's own parameter builder (`analyticsParams`) and decoded with the client's codec of that endpoint; bad
// parameters are 400s naming the parameter; the query-based analytics answer 501 with a message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as E from '#fp-ts/Either'
import {
  ANALYTICS_ENDPOINTS,
  analyticsParams,
  type AnalyticsFunction,
  type AnalyticsOptions,
  type AnalyticsResults
} from '../../src/codecs/analytics-options'
import { decodeWith } from '../../src/decode'
import { startEmulator, type Emulator } from '../../src/emulator/index'
import { MAX_TREND_STEPS } from '../../src/emulator/store/analytics'
import { client, counterIds, expectApiError, type Json } from './helpers'

let emulator: Emulator
let api: ReturnType<typeof client>
let clock = 0
const at = (iso: string): void => {
  clock = Date.parse(iso)
}

beforeAll(async () => {
  emulator = await startEmulator({
    workspaceId: 'ws',
    nodeId: 'a',
    nodes: ['b'],
    token: 'secret',
    uuid: counterIds(),
    now: () => clock
  })
  api = client(emulator)
  const create = async (when: string, nodeId: string, body: Json): Promise<Json> => {
    at(when)
    const r = await api.call('POST', '/customers', { body: { nodeId, ...body } })
    expect(r.status, r.text).toBe(201)
    return r.body
  }
  const c1 = await create('2024-01-01T09:00:00Z', 'a', {
    base: { gender: 'female', dob: '1990-06-15', address: { country: 'Italy', city: 'Milano' } }
  })
  await create('2024-01-02T10:00:00Z', 'a', {
    base: { gender: 'male', dob: '2010-01-01', address: { country: 'Italy', city: 'Roma' } }
  })
  const c5 = await create('2024-01-03T00:00:00Z', 'a', { base: { gender: 'male' } })
  // created by node b, then moved to node a by a replace: in node a, from source b
  const c3 = await create('2024-01-15T10:00:00Z', 'b', { base: { address: { country: 'Spain', city: 'Madrid' } } })
  at('2024-01-15T11:00:00Z')
  const moved = await api.call('PUT', `/customers/${c3.id}`, {
    body: { id: c3.id, nodeId: 'a', base: { address: { country: 'Spain', city: 'Madrid' } } }
  })
  expect(moved.status).toBe(200)
  const c4 = await create('2024-02-01T12:00:00Z', 'b', {
    base: { gender: 'female', dob: '1950-01-01', address: { country: 'Italy', city: 'Milano' } }
  })
  at('2024-02-10T00:00:00Z')
  expect((await api.call('DELETE', `/customers/${c5.id}`)).status).toBe(200)

  const event = async (body: Json): Promise<void> => {
    const r = await api.call('POST', '/events', { body: { properties: {}, ...body } })
    expect(r.status, r.text).toBe(202)
  }
  await event({ customerId: c1.id, type: 'viewedPage', context: 'WEB', date: '2024-01-05T08:00:00Z' }) // Fri
  await event({ customerId: c1.id, type: 'viewedPage', context: 'WEB', date: '2024-01-20T08:00:00Z' }) // Sat
  await event({ customerId: c1.id, type: 'searched', context: 'MOBILE', date: '2024-02-02T15:00:00Z' }) // Fri
  await event({ customerId: c4.id, type: 'searched', context: 'MOBILE', date: '2024-02-03T20:00:00Z' }) // Sat
  // no customer yet: its node is the bring-back node
  await event({
    bringBackProperties: { type: 'EXTERNAL_ID', value: 'nobody', nodeId: 'b' },
    type: 'viewedPage',
    context: 'WEB',
    date: '2024-02-04T21:00:00Z' // Sun
  })
  at('2024-03-01T00:00:00Z')
})
afterAll(() => emulator.close())

/** Asks for an analytic as the client would (its parameter builder), and decodes the answer with its codec. */
const ask = async <K extends AnalyticsFunction>(
  name: K,
  opts: AnalyticsOptions[K] = {}
): Promise<AnalyticsResults[K]> => {
  const endpoint = ANALYTICS_ENDPOINTS[name]
  const params = analyticsParams(endpoint, opts)
  if (E.isLeft(params)) throw new Error(params.left)
  const query: Record<string, string> = {}
  for (const [k, v] of Object.entries(params.right)) if (v !== undefined) query[k] = v
  const r = await api.call('GET', endpoint.path, { query })
  expect(r.status, r.text).toBe(200)
  expect(Object.keys(r.body).sort()).toEqual(['data', 'headers', 'name', 'parameters'])
  const decoded = decodeWith(endpoint.codec)(r.body)
  if (E.isLeft(decoded)) throw new Error(`${name} does not decode: ${decoded.left.join('; ')}`)
  return decoded.right
}

const raw = (path: string, query: Record<string, string> = {}) => api.call('GET', path, { query })

describe('customer counts and distributions', () => {
  it('countCustomers: the customers of each node (all nodes by default), in the period when given', async () => {
    const all = await ask('countCustomers')
    expect(all.data).toEqual([
      { nodeId: 'a', count: 3 },
      { nodeId: 'b', count: 1 }
    ])
    expect(all.parameters).toEqual({ nodes: null, startDate: null, endDate: null })
    const some = await ask('countCustomers', { nodes: ['a'], startDate: '2024-01-02', endDate: '2024-01-15' })
    expect(some.data).toEqual([{ nodeId: 'a', count: 2 }])
    // both ends are whole days, included
    const jan15 = await ask('countCustomers', { nodes: ['a'], startDate: '2024-01-15', endDate: '2024-01-15' })
    expect(jan15.data).toEqual([{ nodeId: 'a', count: 1 }])
    expect(some.parameters).toEqual({ nodes: 'a', startDate: '2024-01-02', endDate: '2024-01-15' })
  })

  it('getCustomerDistributionByNode: new customers per node', async () => {
    const r = await ask('getCustomerDistributionByNode', { nodes: ['b', 'a'], startDate: '2024-02-01' })
    expect(r.data).toEqual([
      { nodeId: 'b', count: 1 },
      { nodeId: 'a', count: 0 }
    ])
    expect(r.parameters?.nodes).toBe('b,a')
  })

  it('getCustomerDistributionBySource: by the source (node) that created each customer', async () => {
    const r = await ask('getCustomerDistributionBySource')
    expect(r.data).toEqual([
      {
        nodeId: 'a',
        values: [
          { sourceId: 'a', count: 2 },
          { sourceId: 'b', count: 1 }
        ]
      },
      { nodeId: 'b', values: [{ sourceId: 'b', count: 1 }] }
    ])
  })

  it('getCustomerDistributionByTime: every label of the mode, HOUROFDAY by default', async () => {
    const week = await ask('getCustomerDistributionByTime', { mode: 'DAYOFWEEK' })
    const a = week.data?.[0]
    expect(a?.values?.map((v) => v.time)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'])
    expect(a?.values?.map((v) => v.count)).toEqual([2, 1, 0, 0, 0, 0, 0])
    expect(week.data?.[1]?.values?.find((v) => v.time === 'Thu')?.count).toBe(1)
    expect(week.parameters?.mode).toBe('DAYOFWEEK')
    const r = await raw('/analytics/distribution/customer/time', { nodes: 'a' })
    expect(r.body.parameters.mode).toBe('HOUROFDAY')
    const hours: ReadonlyArray<{ time: string; count: number }> = r.body.data[0].values
    expect(hours).toHaveLength(24)
    expect(hours.filter((h) => h.count > 0)).toEqual([
      { time: '9', count: 1 },
      { time: '10', count: 2 }
    ])
    const month = await ask('getCustomerDistributionByTime', { nodes: ['a'], mode: 'DAYOFMONTH' })
    expect(month.data?.[0]?.values).toHaveLength(31)
    expect(month.data?.[0]?.values?.filter((v) => (v.count ?? 0) > 0).map((v) => v.time)).toEqual(['1', '2', '15'])
  })
})

describe('compositions', () => {
  it('getGenderComposition: by base.gender, N/A without one, most frequent first', async () => {
    const r = await ask('getGenderComposition')
    expect(r.data).toEqual([
      {
        nodeId: 'a',
        distribution: [
          { name: 'N/A', value: 1 },
          { name: 'female', value: 1 },
          { name: 'male', value: 1 }
        ]
      },
      { nodeId: 'b', distribution: [{ name: 'female', value: 1 }] }
    ])
  })

  it('getAgeRangeComposition: every range, ages by the emulator clock', async () => {
    const r = await ask('getAgeRangeComposition', { nodes: ['a', 'b'] })
    const values = (i: number) => Object.fromEntries((r.data?.[i]?.distribution ?? []).map((d) => [d.name, d.value]))
    expect(values(0)).toEqual({
      '> 64': 0,
      '55-64': 0,
      '45-54': 0,
      '35-44': 0,
      '25-34': 1,
      '18-24': 0,
      '< 18': 1,
      'N/A': 1
    })
    expect(values(1)['> 64']).toBe(1)
  })

  it('getCountryComposition and getCityComposition (one country, matched case-insensitively)', async () => {
    const countries = await ask('getCountryComposition')
    expect(countries.data).toEqual([
      {
        nodeId: 'a',
        distribution: [
          { name: 'Italy', value: 2 },
          { name: 'Spain', value: 1 }
        ]
      },
      { nodeId: 'b', distribution: [{ name: 'Italy', value: 1 }] }
    ])
    const cities = await ask('getCityComposition', { country: 'italy' })
    expect(cities.data).toEqual([
      {
        nodeId: 'a',
        distribution: [
          { name: 'Milano', value: 1 },
          { name: 'Roma', value: 1 }
        ]
      },
      { nodeId: 'b', distribution: [{ name: 'Milano', value: 1 }] }
    ])
    expect(cities.parameters?.country).toBe('italy')
    const all = await ask('getCityComposition', { nodes: ['a'] })
    expect(all.data?.[0]?.distribution?.map((d) => d.name)).toEqual(['Madrid', 'Milano', 'Roma'])
  })
})

describe('event distributions', () => {
  it('getEventDistributionByNode: events by their customer’s node (or bring-back node), filtered', async () => {
    expect((await ask('getEventDistributionByNode')).data).toEqual([
      { nodeId: 'a', count: 3 },
      { nodeId: 'b', count: 2 }
    ])
    const web = await ask('getEventDistributionByNode', { context: 'WEB' })
    expect(web.data?.map((d) => d.count)).toEqual([2, 1])
    expect(web.parameters).toEqual({ nodes: null, startDate: null, endDate: null, context: 'WEB', eventType: null })
    const searched = await ask('getEventDistributionByNode', { eventType: 'searched' })
    expect(searched.data?.map((d) => d.count)).toEqual([1, 1])
    const february = await ask('getEventDistributionByNode', { startDate: '2024-02-01', endDate: '2024-02-29' })
    expect(february.data?.map((d) => d.count)).toEqual([1, 2])
  })

  it('getEventDistributionBySource: one source per node', async () => {
    const r = await ask('getEventDistributionBySource', { context: 'MOBILE' })
    expect(r.data).toEqual([
      { nodeId: 'a', values: [{ sourceId: 'a', count: 1 }] },
      { nodeId: 'b', values: [{ sourceId: 'b', count: 1 }] }
    ])
    const none = await ask('getEventDistributionBySource', { nodes: ['a'], eventType: 'completedOrder' })
    expect(none.data).toEqual([{ nodeId: 'a', values: [] }])
  })

  it('getEventDistributionByTime', async () => {
    const r = await ask('getEventDistributionByTime', { mode: 'DAYOFWEEK' })
    const counts = (i: number) =>
      Object.fromEntries((r.data?.[i]?.values ?? []).filter((v) => (v.count ?? 0) > 0).map((v) => [v.time, v.count]))
    expect(counts(0)).toEqual({ Fri: 2, Sat: 1 })
    expect(counts(1)).toEqual({ Sat: 1, Sun: 1 })
  })
})

describe('trends', () => {
  it('getCustomerTrend MONTHLY: new, lost (deleted) and total at the end of each month', async () => {
    const r = await ask('getCustomerTrend', { startDate: '2024-01-01', endDate: '2024-02-29', mode: 'MONTHLY' })
    expect(r.data).toEqual([
      {
        nodeId: 'a',
        values: [
          { time: '2024-01', new: 4, lost: 0, total: 4 },
          { time: '2024-02', new: 0, lost: 1, total: 3 }
        ]
      },
      {
        nodeId: 'b',
        values: [
          { time: '2024-01', new: 0, lost: 0, total: 0 },
          { time: '2024-02', new: 1, lost: 0, total: 1 }
        ]
      }
    ])
    expect(r.parameters).toEqual({ nodes: null, startDate: '2024-01-01', endDate: '2024-02-29', mode: 'MONTHLY' })
  })

  it('getCustomerTrend DAILY (the default) and WEEKLY (ISO weeks, cut to the period)', async () => {
    const daily = await ask('getCustomerTrend', { nodes: ['a'], startDate: '2024-01-01', endDate: '2024-01-03' })
    expect(daily.parameters?.mode).toBe('DAILY')
    expect(daily.data?.[0]?.values).toEqual([
      { time: '2024-01-01', new: 1, lost: 0, total: 1 },
      { time: '2024-01-02', new: 1, lost: 0, total: 2 },
      { time: '2024-01-03', new: 1, lost: 0, total: 3 }
    ])
    const weekly = await ask('getCustomerTrend', {
      nodes: ['a'],
      startDate: '2024-01-01',
      endDate: '2024-01-16',
      mode: 'WEEKLY'
    })
    expect(weekly.data?.[0]?.values).toEqual([
      { time: '2024-W01', new: 3, lost: 0, total: 3 },
      { time: '2024-W02', new: 0, lost: 0, total: 3 },
      { time: '2024-W03', new: 1, lost: 0, total: 4 }
    ])
    // a period that starts mid-week: its first step is that week's end
    const mid = await ask('getCustomerTrend', {
      nodes: ['a'],
      startDate: '2023-12-31',
      endDate: '2024-01-01',
      mode: 'WEEKLY'
    })
    expect(mid.data?.[0]?.values?.map((v) => v.time)).toEqual(['2023-W52', '2024-W01'])
  })

  it('getEventTrend: new and cumulative total events, no lost', async () => {
    const r = await ask('getEventTrend', {
      nodes: ['a'],
      startDate: '2024-01-01',
      endDate: '2024-02-29',
      mode: 'MONTHLY'
    })
    expect(r.data).toEqual([
      {
        nodeId: 'a',
        values: [
          { time: '2024-01', new: 2, lost: null, total: 2 },
          { time: '2024-02', new: 1, lost: null, total: 3 }
        ]
      }
    ])
    const web = await ask('getEventTrend', {
      nodes: ['b'],
      startDate: '2024-02-04',
      endDate: '2024-02-05',
      context: 'WEB'
    })
    expect(web.data?.[0]?.values?.map((v) => [v.time, v.new, v.total])).toEqual([
      ['2024-02-04', 1, 1],
      ['2024-02-05', 0, 1]
    ])
  })
})

describe('bad parameters', () => {
  it.each([
    ['/analytics/customer/count', { startDate: '2024-13-01' }, 'startDate'],
    ['/analytics/customer/count', { endDate: '01/02/2024' }, 'endDate'],
    ['/analytics/customer/count', { startDate: '2024-02-01', endDate: '2024-01-01' }, 'startDate'],
    ['/analytics/trend/customer', { endDate: '2024-01-01' }, 'startDate'],
    ['/analytics/trend/customer', { startDate: '2024-01-01' }, 'endDate'],
    ['/analytics/trend/customer', { startDate: '2024-01-01', endDate: '2024-01-02', mode: 'HOURLY' }, 'mode'],
    ['/analytics/trend/event', { startDate: '2024-01-01', endDate: '2024-01-02', context: 'MARS' }, 'context'],
    ['/analytics/distribution/customer/time', { mode: 'DAILY' }, 'mode'],
    ['/analytics/distribution/event/time', { mode: 'weekly' }, 'mode'],
    ['/analytics/trend/customer', { startDate: '0001-01-01', endDate: '9999-12-31' }, 'endDate']
  ])('GET %s with %j is a 400 naming %s', async (path, query, param) => {
    const r = await raw(path, query)
    expect(r.status).toBe(400)
    expectApiError(r.body)
    expect(r.body.errors[0].path).toBe(param)
    expect(r.body.message).toContain(`Invalid parameter ${param}`)
  })

  it(`a trend of more than ${MAX_TREND_STEPS} steps is refused; one of ${MAX_TREND_STEPS} is computed`, async () => {
    const start = Date.UTC(2000, 0, 1)
    const day = (n: number) => new Date(start + n * 86_400_000).toISOString().slice(0, 10)
    const ok = await raw('/analytics/trend/customer', {
      nodes: 'a',
      startDate: day(0),
      endDate: day(MAX_TREND_STEPS - 1)
    })
    expect(ok.status).toBe(200)
    expect(ok.body.data[0].values).toHaveLength(MAX_TREND_STEPS)
    const over = await raw('/analytics/trend/customer', {
      nodes: 'a',
      startDate: day(0),
      endDate: day(MAX_TREND_STEPS)
    })
    expect(over.status).toBe(400)
  })

  it('an unknown node is a 404 with the live message', async () => {
    const r = await raw('/analytics/composition/gender', { nodes: 'a,ghost' })
    expect(r.status).toBe(404)
    expect(r.body.message).toBe('node not found ghost')
  })

  it('the analytics answer GET only', async () => {
    const r = await api.call('POST', '/analytics/customer/count', { body: {} })
    expect(r.status).toBe(405)
    expect(r.headers.get('allow')).toBe('GET')
  })
})

describe('query-based analytics', () => {
  const queryPaths = Object.values(ANALYTICS_ENDPOINTS)
    .map((e) => e.path)
    .filter((p) => p.startsWith('/analytics/query/'))

  it('are the six of the contract', () => {
    expect(queryPaths).toHaveLength(6)
  })

  it.each(queryPaths)('GET %s answers 501 with a message saying it is not emulated', async (path) => {
    const r = await raw(path, { query: JSON.stringify({ nodeId: 'a' }) })
    expect(r.status).toBe(501)
    expectApiError(r.body)
    expect(r.body.message).toContain('not emulated')
    expect(r.body.message).toContain(path)
  })
})

describe('every emulated endpoint of the client table', () => {
  it('answers 200 with an answer its codec decodes, with no option given (trends: with dates)', async () => {
    const emulated = Object.values(ANALYTICS_ENDPOINTS).filter((e) => !e.path.startsWith('/analytics/query/'))
    expect(emulated).toHaveLength(13)
    for (const e of emulated) {
      const needsDates = e.required.includes('startDate')
      const opts = needsDates ? { startDate: '2024-01-01', endDate: '2024-01-31' } : {}
      const result = await ask(e.name, opts as never)
      expect(Array.isArray(result.data), e.name).toBe(true)
      expect(typeof result.name).toBe('string')
    }
  })
})
