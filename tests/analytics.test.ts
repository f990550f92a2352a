// The 19 analytics functions on the wire: each GETs its own path under the workspace with the query parameters the
// spec names (nodes comma-separated, dates YYYY-MM-DD, mode enums, query objects as JSON), decodes a live-shaped
// answer (numeric strings, nulls, unknown fields, flat or nested `data`), fails a malformed one with a path, and
// refuses invalid options with an InvalidInput before sending anything.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from '#fp-ts/Either'
import type * as TE from '#fp-ts/TaskEither'
import type { Context } from '../src/context'
import type { ContacthubError } from '../src/error'
import * as analytics from '../src/analytics'
import { ANALYTICS_ENDPOINTS, type AnalyticsFunction } from '../src/codecs/analytics-options'
import { expectLeft, expectRight } from './helpers/fixtures'
import { startRecorder, type Recorder } from './helpers/recorder'

let rec: Recorder

beforeAll(async () => {
  rec = await startRecorder()
})
afterAll(() => rec.close())
beforeEach(() => rec.reset())

type Fn = (ctx: Context, opts?: unknown) => TE.TaskEither<ContacthubError, { readonly data: unknown }>
const fn = (name: AnalyticsFunction): Fn => analytics[name] as unknown as Fn

const nodeCounts = { wire: [[{ nodeId: 'n', count: '12' }]], decoded: [{ nodeId: 'n', count: 12 }] }
const trend = {
  wire: [{ nodeId: 'n', values: [{ time: '2024-01', new: 3, lost: '1', total: 2 }] }],
  decoded: [{ nodeId: 'n', values: [{ time: '2024-01', new: 3, lost: 1, total: 2 }] }]
}
const composition = {
  wire: [
    {
      nodeId: 'n',
      distribution: [
        { name: 'female', value: '3' },
        { name: 'male', value: null }
      ]
    }
  ],
  decoded: [
    {
      nodeId: 'n',
      distribution: [
        { name: 'female', value: 3 },
        { name: 'male', value: null }
      ]
    }
  ]
}
const sources = {
  wire: [{ nodeId: 'n', values: [{ sourceId: 's', count: 2 }] }],
  decoded: [{ nodeId: 'n', values: [{ sourceId: 's', count: 2 }] }]
}
const times = {
  wire: [{ nodeId: 'n', values: [{ time: 'MONDAY', count: 4 }] }],
  decoded: [{ nodeId: 'n', values: [{ time: 'MONDAY', count: 4 }] }]
}
const distribution = {
  wire: { nodeId: 'n', distribution: [{ name: 'SKU-1', value: '7' }] },
  decoded: { nodeId: 'n', distribution: [{ name: 'SKU-1', value: 7 }] }
}
const nested = {
  wire: { nodeId: 'n', distribution: [{ name: 'SKU-1', distribution: [{ name: 'female', value: 2 }] }] },
  decoded: { nodeId: 'n', distribution: [{ name: 'SKU-1', distribution: [{ name: 'female', value: 2 }] }] }
}

const query = {
  nodeId: 'n',
  startDate: new Date(Date.UTC(2024, 0, 1)),
  endDate: '2024-01-31',
  eventType: 'completedOrder'
}
const queryJson = JSON.stringify({ ...query, startDate: '2024-01-01' })

interface Case {
  readonly opts: Record<string, unknown>
  readonly query: Record<string, string>
  readonly data: { readonly wire: unknown; readonly decoded: unknown }
}

const DATES = { startDate: '2024-01-01', endDate: '2024-01-31' }

/** What each function is called with, what it must send, and what it decodes. */
const CASES: { readonly [K in AnalyticsFunction]: Case } = {
  countCustomers: { opts: { nodes: ['n', 'm'] }, query: { nodes: 'n,m' }, data: nodeCounts },
  getCustomerTrend: {
    opts: { ...DATES, startDate: new Date(Date.UTC(2024, 0, 1, 23, 59)), mode: 'WEEKLY' },
    query: { ...DATES, mode: 'WEEKLY' },
    data: trend
  },
  getEventTrend: {
    opts: { ...DATES, context: 'WEB', eventType: 'viewedPage' },
    query: { ...DATES, context: 'WEB', eventType: 'viewedPage', mode: 'DAILY' },
    data: trend
  },
  getGenderComposition: { opts: {}, query: {}, data: composition },
  getAgeRangeComposition: { opts: { nodes: [] }, query: {}, data: composition },
  getCountryComposition: { opts: { endDate: '2024-02-29' }, query: { endDate: '2024-02-29' }, data: composition },
  getCityComposition: {
    opts: { country: 'Italy', nodes: ['n'] },
    query: { country: 'Italy', nodes: 'n' },
    data: composition
  },
  getCustomerDistributionByNode: { opts: DATES, query: DATES, data: nodeCounts },
  getCustomerDistributionBySource: { opts: { nodes: ['n'] }, query: { nodes: 'n' }, data: sources },
  getCustomerDistributionByTime: { opts: { mode: 'DAYOFWEEK' }, query: { mode: 'DAYOFWEEK' }, data: times },
  getEventDistributionByNode: { opts: { context: 'ECOMMERCE' }, query: { context: 'ECOMMERCE' }, data: nodeCounts },
  getEventDistributionBySource: {
    opts: { eventType: 'addedProduct' },
    query: { eventType: 'addedProduct' },
    data: sources
  },
  getEventDistributionByTime: {
    opts: { mode: 'HOUROFDAY', nodes: ['n'] },
    query: { mode: 'HOUROFDAY', nodes: 'n' },
    data: times
  },
  getCustomerAcquisitionDistribution: { opts: { query }, query: { query: queryJson }, data: distribution },
  getCustomerQueryDistribution: {
    opts: { query, size: 5, sort: 'desc' },
    query: { query: queryJson, size: '5', sort: 'desc' },
    data: nested
  },
  getEventQueryDistribution: { opts: { query }, query: { query: queryJson }, data: nested },
  getNumericQuery: {
    opts: { query },
    query: { query: queryJson },
    data: { wire: { nodeId: 'n', value: '12.5' }, decoded: { nodeId: 'n', value: 12.5 } }
  },
  getTrendQuery: {
    opts: {},
    query: {},
    data: { wire: trend.wire[0], decoded: trend.decoded[0] }
  },
  getQueryDistribution: { opts: { query }, query: { query: queryJson }, data: distribution }
}

const NAMES = Object.keys(CASES) as ReadonlyArray<AnalyticsFunction>

describe('the analytics functions', () => {
  it('are the 19 of the table, each exported under its own name', () => {
    expect(NAMES.length).toBe(19)
    expect(Object.keys(analytics).sort()).toEqual([...NAMES].sort())
    expect(Object.keys(ANALYTICS_ENDPOINTS).sort()).toEqual([...NAMES].sort())
  })

  it.each(NAMES)('%s GETs its path with its query and decodes a live-shaped answer', async (name) => {
    const c = CASES[name]
    const wire = {
      name: `analytics ${name}`,
      headers: { nodeId: { type: 'string' } },
      parameters: { nodes: ['n'], startDate: '2024-01-01' },
      data: c.data.wire,
      computedAt: '2024-02-01T10:00:00.000+0000'
    }
    rec.reply({ status: 200, body: wire })
    const result = expectRight(await fn(name)(rec.ctx, c.opts)())
    expect(result.data).toEqual(c.data.decoded)
    expect(result).toMatchObject({ name: `analytics ${name}`, computedAt: '2024-02-01T10:00:00.000+0000' })
    expect(rec.requests.map(({ method, path, query, body }) => ({ method, path, query, body }))).toEqual([
      { method: 'GET', path: `/workspaces/w${ANALYTICS_ENDPOINTS[name].path}`, query: c.query, body: undefined }
    ])
  })

  it.each(NAMES)('%s fails a malformed answer with a DecodeError that names the path', async (name) => {
    rec.reply({ status: 200, body: { name: 'x', data: 'none' } })
    const error = expectLeft(await fn(name)(rec.ctx, CASES[name].opts)())
    expect(error).toMatchObject({ _tag: 'DecodeError', path: `/workspaces/w${ANALYTICS_ENDPOINTS[name].path}` })
    expect(error._tag === 'DecodeError' ? error.errors[0] : '').toMatch(/^data: /)
  })

  it('answers with nulls everywhere decode as nulls', async () => {
    rec.reply({ status: 200, body: { name: null, headers: null, parameters: null, data: null } })
    expect(expectRight(await analytics.countCustomers(rec.ctx)())).toEqual({
      name: null,
      headers: null,
      parameters: null,
      data: null
    })
  })

  it('refuse invalid options with the reason analyticsParams gives, and send nothing', async () => {
    const cases: ReadonlyArray<readonly [AnalyticsFunction, unknown, string]> = [
      ['getCustomerTrend', {}, 'getCustomerTrend needs the option startDate.'],
      [
        'getCustomerTrend',
        { ...DATES, mode: 'YEARLY' },
        'getCustomerTrend: mode must be one of DAILY, WEEKLY, MONTHLY, got "YEARLY".'
      ],
      ['countCustomers', { nodes: 'n' }, 'countCustomers: nodes must be an array of node ids, got "n".'],
      [
        'countCustomers',
        { startDate: '2024-02-30' },
        'countCustomers: startDate must be a valid Date or a YYYY-MM-DD date, got "2024-02-30".'
      ],
      [
        'countCustomers',
        { startDate: '2024-02-01', endDate: '2024-01-01' },
        'countCustomers: startDate 2024-02-01 is after endDate 2024-01-01.'
      ],
      ['getGenderComposition', { mode: 'DAILY' }, 'getGenderComposition takes no option "mode".'],
      ['getCustomerAcquisitionDistribution', undefined, 'getCustomerAcquisitionDistribution needs the option query.'],
      ['getNumericQuery', { query: 'x' }, 'getNumericQuery: query must be an object, got "x".'],
      [
        'getEventQueryDistribution',
        { query: {}, size: 0 },
        'getEventQueryDistribution: size must be a positive integer, got 0.'
      ],
      ['getEventDistributionByNode', 7, 'getEventDistributionByNode: the options must be an object, got 7.']
    ]
    for (const [name, opts, message] of cases)
      expect(expectLeft(await fn(name)(rec.ctx, opts)())).toEqual({ _tag: 'InvalidInput', message })
    expect(rec.requests).toEqual([])
  })

  it('never throw, never reject, and read nothing until the task runs, whatever the arguments', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...NAMES),
        fc.oneof(
          fc.anything(),
          fc.constant({ ...rec.ctx, baseUrl: 'https://x.invalid', fetch: () => Promise.reject(new Error('no')) })
        ),
        fc.anything(),
        async (name, ctx, opts) => {
          const task = fn(name)(ctx as Context, opts)
          expect(typeof task).toBe('function')
          const either = await task()
          expect(E.isLeft(either)).toBe(true)
        }
      ),
      { numRuns: 200 }
    )
    expect(rec.requests).toEqual([])
  })
})
