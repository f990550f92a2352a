import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from '#fp-ts/Either'
import {
  Composition,
  CustomerCount,
  CustomerSourceDistribution,
  CustomerTrend,
  EventTimeDistribution,
  flatList,
  Metric,
  NestedDistribution,
  NumericQueryResult,
  TrendQueryResult
} from '../../src/codecs/analytics'
import {
  ANALYTICS_ENDPOINTS,
  analyticsParams,
  getCityCompositionEndpoint,
  getCustomerDistributionByTimeEndpoint,
  getCustomerQueryDistributionEndpoint,
  getCustomerTrendEndpoint,
  getEventDistributionByNodeEndpoint,
  getGenderCompositionEndpoint,
  getNumericQueryEndpoint,
  type AnalyticsEndpoint,
  type AnalyticsFunction
} from '../../src/codecs/analytics-options'
import { decodeWith } from '../../src/decode'
import { expectLeft, expectRight } from '../helpers/either'

const NAMES: ReadonlyArray<AnalyticsFunction> = [
  'countCustomers',
  'getCustomerTrend',
  'getEventTrend',
  'getGenderComposition',
  'getAgeRangeComposition',
  'getCountryComposition',
  'getCityComposition',
  'getCustomerDistributionByNode',
  'getCustomerDistributionBySource',
  'getCustomerDistributionByTime',
  'getEventDistributionByNode',
  'getEventDistributionBySource',
  'getEventDistributionByTime',
  'getCustomerAcquisitionDistribution',
  'getCustomerQueryDistribution',
  'getEventQueryDistribution',
  'getNumericQuery',
  'getTrendQuery',
  'getQueryDistribution'
]

describe('the analytics table', () => {
  it('has exactly the 19 functions, each under its own name, with distinct analytics paths', () => {
    const entries = Object.entries(ANALYTICS_ENDPOINTS)
    expect(entries.map(([k]) => k).sort()).toEqual([...NAMES].sort())
    for (const [k, e] of entries) {
      expect(e.name).toBe(k)
      expect(e.path).toMatch(/^\/analytics\/[a-z/-]+[a-z]$/)
      for (const r of e.required) expect(e.params).toContain(r)
      if (e.defaultMode !== undefined) expect(e.modes).toContain(e.defaultMode)
      if (e.params.includes('mode')) expect(e.modes?.length).toBeGreaterThan(0)
    }
    expect(new Set(entries.map(([, e]) => e.path)).size).toBe(19)
  })
})

describe('result codecs', () => {
  it('decodes a trend as the spec example writes it, with unknown fields and nulls', () => {
    const wire = {
      name: 'analytics trend',
      parameters: { nodes: null, mode: 'MONTHLY', startDate: '2015-12-31', endDate: '2016-08-31' },
      headers: { nodeId: { type: 'string' } },
      data: [
        {
          values: [
            { new: 1, total: 2, time: '2016-01', lost: 0 },
            { new: 12, total: 13, time: '2016-02', lost: 1 }
          ],
          nodeId: 'node_1'
        }
      ],
      computedIn: 12
    }
    const r = decodeWith(CustomerTrend)(wire)
    expect(r).toEqual(E.right(wire))
  })

  it('decodes composition values as numbers whether the wire sends numbers or numeric strings', () => {
    const wire = (value: unknown) => ({
      name: 'analytics gender',
      parameters: { nodes: 'n-1,n-2', startDate: null, endDate: null },
      headers: {},
      data: [{ distribution: [{ name: 'male', value }], nodeId: 'n-1' }]
    })
    const fromNumber = decodeWith(Composition)(wire(7))
    const fromString = decodeWith(Composition)(wire('7'))
    expect(fromString).toEqual(fromNumber)
    expect(expectRight(fromString).data?.[0]?.distribution?.[0]?.value).toBe(7)
    expect(decodeWith(Composition)(wire('seven'))).toEqual(
      E.left(['data.0.distribution.0.value: expected Metric | null, got "seven"'])
    )
  })

  it('decodes `data` as a flat list (examples) and as a list of lists (definitions) alike', () => {
    const flat = [
      { count: 0, nodeId: 'a' },
      { count: 3, nodeId: 'b' }
    ]
    const base = { name: 'count', headers: null, parameters: { nodes: ['a', 'b'] } }
    const fromFlat = decodeWith(CustomerCount)({ ...base, data: flat })
    const fromNested = decodeWith(CustomerCount)({ ...base, data: [[flat[0]], [flat[1]]] })
    expect(expectRight(fromFlat).data).toEqual(flat)
    expect(fromNested).toEqual(fromFlat)
    // the echoed node list comes back comma-separated, as the spec writes it
    expect(expectRight(fromFlat).parameters).toEqual({ nodes: 'a,b', startDate: null, endDate: null })
  })

  it('names the path of a bad item inside a nested list', () => {
    const r = decodeWith(CustomerSourceDistribution)({
      data: [[{ nodeId: 'a', values: [{ sourceId: 's', count: 'many' }] }]]
    })
    expect(r).toEqual(E.left(['data.0.0.values.0.count: expected Metric | null, got "many"']))
  })

  it('decodes an event time distribution, absent fields as null', () => {
    const r = decodeWith(EventTimeDistribution)({
      parameters: { context: 'ECOMMERCE', mode: 'DAYOFWEEK', nodes: 'n' },
      data: [{ values: [{ count: 2, time: 'Tue' }], nodeId: 'n' }]
    })
    expect(r).toEqual(
      E.right({
        name: null,
        headers: null,
        parameters: {
          context: 'ECOMMERCE',
          eventType: null,
          mode: 'DAYOFWEEK',
          nodes: 'n',
          startDate: null,
          endDate: null
        },
        data: [{ values: [{ count: 2, time: 'Tue' }], nodeId: 'n' }]
      })
    )
  })

  it('decodes the query results (object data, an object name on the query distributions)', () => {
    const numeric = decodeWith(NumericQueryResult)({
      name: 'numeric',
      parameters: { nodeId: 'n', aggregation: { operator: 'SUM', fieldPath: 'properties.amount.total' } },
      data: { nodeId: 'n', value: '12.5' }
    })
    expect(expectRight(numeric).data).toEqual({ nodeId: 'n', value: 12.5 })
    expect(expectRight(numeric).parameters?.aggregation?.operator).toBe('SUM')
    const trend = decodeWith(TrendQueryResult)({
      data: { nodeId: 'n', values: [{ time: '2016-01', new: 1, total: 2 }] }
    })
    expect(expectRight(trend).data?.values?.[0]).toEqual({ time: '2016-01', new: 1, lost: null, total: 2 })
    const nested = decodeWith(NestedDistribution)({
      name: { label: 'by sku' },
      parameters: { anything: true },
      data: { nodeId: 'n', distribution: [{ name: 'SKU-1', distribution: [{ name: 'female', value: 3 }] }] }
    })
    expect(expectRight(nested).name).toEqual({ label: 'by sku' })
    expect(E.isLeft(decodeWith(NestedDistribution)({ name: 4 }))).toBe(true)
  })

  it('fails with a path message on a malformed result', () => {
    expect(decodeWith(CustomerTrend)({ data: [{ nodeId: 'n', values: {} }] })).toEqual(
      E.left(['data.0.values: expected ReadonlyArray<TrendValue> | null, got an object'])
    )
    expect(decodeWith(CustomerCount)({ data: 'none' })).toEqual(
      E.left(['data: expected FlatList<NodeCount> | null, got "none"'])
    )
  })

  it('Metric and flatList refuse what they should', () => {
    expect(E.isLeft(Metric.decode(''))).toBe(true)
    expect(E.isLeft(Metric.decode('1e999'))).toBe(true)
    expect(E.isLeft(Metric.decode(Number.NaN))).toBe(true)
    expect(Metric.decode(' 42 ')).toEqual(E.right(42))
    expect(E.isLeft(flatList(Metric).decode({}))).toBe(true)
  })
})

const params = <K extends AnalyticsFunction>(e: AnalyticsEndpoint<K>, opts: unknown) =>
  analyticsParams(e, opts as Parameters<typeof analyticsParams<K>>[1])

describe('analyticsParams', () => {
  it('writes each parameter form', () => {
    expect(
      analyticsParams(getCustomerTrendEndpoint, {
        nodes: ['a', 'b'],
        startDate: new Date(Date.UTC(2024, 0, 1, 23, 30)),
        endDate: '2024-01-31',
        mode: 'WEEKLY'
      })
    ).toEqual(E.right({ nodes: 'a,b', startDate: '2024-01-01', endDate: '2024-01-31', mode: 'WEEKLY' }))
    expect(analyticsParams(getCityCompositionEndpoint, { country: 'italy', nodes: [] })).toEqual(
      E.right({ country: 'italy' })
    )
    expect(
      analyticsParams(getEventDistributionByNodeEndpoint, { context: 'ECOMMERCE', eventType: 'completedOrder' })
    ).toEqual(E.right({ context: 'ECOMMERCE', eventType: 'completedOrder' }))
    expect(analyticsParams(getGenderCompositionEndpoint)).toEqual(E.right({}))
    expect(analyticsParams(getGenderCompositionEndpoint, { startDate: undefined })).toEqual(E.right({}))
  })

  it("fills a trend's mode with DAILY, and leaves a time distribution's to the server", () => {
    expect(analyticsParams(getCustomerTrendEndpoint, { startDate: '2024-01-01', endDate: '2024-01-02' })).toEqual(
      E.right({ startDate: '2024-01-01', endDate: '2024-01-02', mode: 'DAILY' })
    )
    expect(analyticsParams(getCustomerDistributionByTimeEndpoint, {})).toEqual(E.right({}))
    expect(analyticsParams(getCustomerDistributionByTimeEndpoint, { mode: 'DAYOFMONTH' })).toEqual(
      E.right({ mode: 'DAYOFMONTH' })
    )
  })

  it('sends a query object as JSON, its dates as YYYY-MM-DD, size and sort', () => {
    const query = {
      nodeId: 'n',
      startDate: new Date(Date.UTC(2015, 0, 1)),
      endDate: '2016-03-31',
      eventType: 'completedOrder',
      aggregation: { operator: 'SUM', fieldPath: 'properties.products.price' },
      distributionFieldPath: 'properties.products.sku'
    } as const
    const r = analyticsParams(getCustomerQueryDistributionEndpoint, { query, size: 5, sort: 'desc' })
    expect(expectRight(r).size).toBe('5')
    expect(expectRight(r).sort).toBe('desc')
    expect(JSON.parse(expectRight(r).query ?? '')).toEqual({ ...query, startDate: '2015-01-01' })
    expect(query.startDate).toBeInstanceOf(Date)
  })

  it('refuses invalid values, naming the function', () => {
    const trend = { startDate: '2024-01-01', endDate: '2024-01-31' }
    expect(expectLeft(params(getCustomerTrendEndpoint, { ...trend, mode: 'HOURLY' }))).toBe(
      'getCustomerTrend: mode must be one of DAILY, WEEKLY, MONTHLY, got "HOURLY".'
    )
    expect(expectLeft(params(getCustomerDistributionByTimeEndpoint, { mode: 'DAILY' }))).toMatch(
      /^getCustomerDistributionByTime: mode must be one of HOUROFDAY/
    )
    expect(expectLeft(params(getCustomerTrendEndpoint, { ...trend, startDate: '2023-02-29' }))).toBe(
      'getCustomerTrend: startDate must be a valid Date or a YYYY-MM-DD date, got "2023-02-29".'
    )
    expect(expectLeft(params(getCustomerTrendEndpoint, { ...trend, endDate: new Date(Number.NaN) }))).toBe(
      'getCustomerTrend: endDate must be a valid Date or a YYYY-MM-DD date, got an invalid Date.'
    )
    expect(expectLeft(params(getCustomerTrendEndpoint, { ...trend, startDate: '2024-02-01' }))).toBe(
      'getCustomerTrend: startDate 2024-02-01 is after endDate 2024-01-31.'
    )
    expect(expectLeft(params(getCustomerTrendEndpoint, { startDate: '2024-01-01' }))).toBe(
      'getCustomerTrend needs the option endDate.'
    )
    expect(expectLeft(params(getCustomerQueryDistributionEndpoint, {}))).toBe(
      'getCustomerQueryDistribution needs the option query.'
    )
    expect(expectLeft(params(getGenderCompositionEndpoint, { mode: 'DAILY' }))).toBe(
      'getGenderComposition takes no option "mode".'
    )
    expect(expectLeft(params(getGenderCompositionEndpoint, { nodes: 'a,b' }))).toMatch(/nodes must be an array/)
    expect(expectLeft(params(getGenderCompositionEndpoint, { nodes: ['a,b'] }))).toMatch(/without commas/)
    expect(expectLeft(params(getGenderCompositionEndpoint, { nodes: [''] }))).toMatch(/non-empty node ids/)
    expect(expectLeft(params(getEventDistributionByNodeEndpoint, { context: 'web' }))).toMatch(
      /context must be one of WEB/
    )
    expect(expectLeft(params(getEventDistributionByNodeEndpoint, { eventType: '' }))).toMatch(
      /eventType must be a non-empty/
    )
    expect(expectLeft(params(getCustomerQueryDistributionEndpoint, { query: {}, size: 0 }))).toMatch(
      /size must be a positive/
    )
    expect(expectLeft(params(getNumericQueryEndpoint, { query: '{}' }))).toBe(
      'getNumericQuery: query must be an object, got "{}".'
    )
    expect(expectLeft(params(getNumericQueryEndpoint, { query: { startDate: '2024-1-1' } }))).toMatch(
      /^getNumericQuery: query\.startDate must be a valid Date/
    )
    expect(expectLeft(params(getNumericQueryEndpoint, { query: { big: 1n } }))).toBe(
      'getNumericQuery: query cannot be written as JSON.'
    )
    expect(expectLeft(params(getGenderCompositionEndpoint, 'all'))).toMatch(/the options must be an object/)
  })

  it('a valid Date is sent as its UTC day', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
        (d) => {
          const r = analyticsParams(getGenderCompositionEndpoint, { startDate: d })
          expect(r).toEqual(E.right({ startDate: d.toISOString().slice(0, 10) }))
        }
      )
    )
  })

  it('a YYYY-MM-DD string is accepted exactly when it is a calendar date', () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0')
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`
          const probe = new Date(0)
          probe.setUTCFullYear(y, m - 1, d)
          const real = m >= 1 && m <= 12 && d >= 1 && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d
          const r = analyticsParams(getGenderCompositionEndpoint, { endDate: s })
          expect(E.isRight(r)).toBe(real)
          if (real) expect(r).toEqual(E.right({ endDate: s }))
        }
      )
    )
  })

  it('any other string is refused', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s)),
        (s) => {
          expect(E.isLeft(analyticsParams(getGenderCompositionEndpoint, { startDate: s }))).toBe(true)
        }
      )
    )
  })
})
