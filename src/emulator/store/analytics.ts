/**
 * Analytics: `GET /analytics/...`, computed from the store where the definition is plain. Every answer is
 * `{ name, headers, parameters, data }`, `data` a flat list with one item per node asked for.
 *
 * Parameters: `nodes` (comma-separated node ids; every node of the workspace when absent; an unknown one is a 404),
 * `startDate` / `endDate` (`YYYY-MM-DD`, UTC days, both ends included), `mode`, `context`, `eventType`, `country`.
 * A bad value is a 400 naming the parameter. The emulator's definitions (UTC throughout):
 * - a customer counts in a period when it was registered in it; its node is its current node; an event's node is
 *   its customer's (or the node of its `bringBackProperties` while it has none); the emulator gives each node one
 *   source, whose id is the node's id;
 * - count, distribution by node: the customers of each node registered in the period; by source: the same, by the
 *   source that created them; by time: by hour of day (`0`..`23`), day of week (`Mon`..`Sun`) or day of month
 *   (`1`..`31`), every label listed;
 * - compositions: the customers of each node registered in the period, by `base.gender`, age range (from
 *   `base.dob`, today by the emulator's clock), `base.address.country` or (for one `country` when given)
 *   `base.address.city`; `N/A` counts those without a value; most frequent first;
 * - event distributions: the events of each node dated in the period, filtered by `context` and `eventType`;
 * - trends (`startDate` and `endDate` needed, `mode` `DAILY` by default): one step per day (`2024-01-31`), ISO week
 *   (`2024-W05`) or month (`2024-01`); customers: `new` registered in the step, `lost` deleted in it, `total` in the
 *   node at its end; events: `new` dated in the step, `total` dated up to its end.
 *
 * The query-based analytics (`/analytics/query/...`) are not emulated: 501.
 *
 * @since 0.2.0
 */
import * as E from '#fp-ts/Either'
import { EVENT_CONTEXTS } from '../event-schema'
import { isCalendarDate, isRecord } from '../schema-language'
import type { Params, Reply } from './replies'
import type { StoredCustomer, StoredEvent, Workspace } from './workspace'

/** The analytics the emulator computes, by path under the workspace. */
export const EMULATED_ANALYTICS = {
  '/analytics/customer/count': 'countCustomers',
  '/analytics/trend/customer': 'customerTrend',
  '/analytics/trend/event': 'eventTrend',
  '/analytics/composition/gender': 'gender',
  '/analytics/composition/age-range': 'ageRange',
  '/analytics/composition/geo/country': 'country',
  '/analytics/composition/geo/city': 'city',
  '/analytics/distribution/customer/node': 'customersByNode',
  '/analytics/distribution/customer/source': 'customersBySource',
  '/analytics/distribution/customer/time': 'customersByTime',
  '/analytics/distribution/event/node': 'eventsByNode',
  '/analytics/distribution/event/source': 'eventsBySource',
  '/analytics/distribution/event/time': 'eventsByTime'
} as const

/** The name of an emulated analytic. */
export type AnalyticName = (typeof EMULATED_ANALYTICS)[keyof typeof EMULATED_ANALYTICS]

/** The analytics the emulator does not compute (they answer 501). */
export const NOT_EMULATED_ANALYTICS: ReadonlyArray<string> = [
  '/analytics/query/distribution/customer/acquisition',
  '/analytics/query/distribution/customer',
  '/analytics/query/distribution/event',
  '/analytics/query/numeric',
  '/analytics/query/trend',
  '/analytics/query/distribution'
]

const DAY = 86_400_000
/** At most this many steps in a trend (about 13 years by day). */
export const MAX_TREND_STEPS = 5000

const TREND_MODES: ReadonlyArray<string> = ['DAILY', 'WEEKLY', 'MONTHLY']
const TIME_MODES: ReadonlyArray<string> = ['HOUROFDAY', 'DAYOFWEEK', 'DAYOFMONTH']
const WEEKDAYS: ReadonlyArray<string> = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const AGE_RANGES: ReadonlyArray<readonly [string, number, number]> = [
  ['> 64', 65, Infinity],
  ['55-64', 55, 64],
  ['45-54', 45, 54],
  ['35-44', 35, 44],
  ['25-34', 25, 34],
  ['18-24', 18, 24],
  ['< 18', -Infinity, 17]
]

/** Midnight UTC of a `YYYY-MM-DD` date (years below 100 included), as ms. */
const dayStart = (s: string): number => {
  const d = new Date(0)
  d.setUTCFullYear(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)))
  return d.getTime()
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')
const dayLabel = (ms: number): string => {
  const d = new Date(ms)
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** The ISO week of a day: `2024-W05`. */
const isoWeek = (ms: number): string => {
  const d = new Date(ms)
  const weekday = (d.getUTCDay() + 6) % 7 // Monday 0
  const thursday = new Date(ms - weekday * DAY + 3 * DAY)
  const year = thursday.getUTCFullYear()
  const jan1 = new Date(0)
  jan1.setUTCFullYear(year, 0, 1)
  const week = 1 + Math.floor((thursday.getTime() - jan1.getTime()) / (7 * DAY))
  return `${pad(year, 4)}-W${pad(week)}`
}

/** One step of a trend: `[from, to)` and its label. */
interface Step {
  readonly from: number
  readonly to: number
  readonly time: string
}

/** The steps of a trend over `[start, end)` (whole UTC days), at most `MAX_TREND_STEPS + 1` of them. */
const stepsOf = (mode: string, start: number, end: number): ReadonlyArray<Step> => {
  const out: Array<Step> = []
  let from = start
  while (from < end && out.length <= MAX_TREND_STEPS) {
    const d = new Date(from)
    let to: number
    let time: string
    if (mode === 'DAILY') {
      to = from + DAY
      time = dayLabel(from)
    } else if (mode === 'WEEKLY') {
      to = from + (7 - ((d.getUTCDay() + 6) % 7)) * DAY
      time = isoWeek(from)
    } else {
      const next = new Date(0)
      next.setUTCFullYear(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)
      to = next.getTime()
      time = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}`
    }
    out.push({ from, to: Math.min(to, end), time })
    from = to
  }
  return out
}

/** How many of the sorted numbers are below `t`. */
const countBelow = (sorted: ReadonlyArray<number>, t: number): number => {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((sorted[mid] ?? 0) < t) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The value at a dotted path of a sparse customer doc, when it is a non-empty string. */
const textAt = (doc: Record<string, unknown>, path: ReadonlyArray<string>): string | undefined => {
  let u: unknown = doc
  for (const k of path) u = isRecord(u) ? u[k] : undefined
  return typeof u === 'string' && u.trim() !== '' ? u : undefined
}

/** The age in whole years at `now` of someone born on `dob` (`YYYY-MM-DD`), or undefined. */
const ageOf = (dob: string | undefined, now: number): number | undefined => {
  if (dob === undefined || !isCalendarDate(dob)) return undefined
  const today = new Date(now)
  const [y, m, d] = [Number(dob.slice(0, 4)), Number(dob.slice(5, 7)), Number(dob.slice(8, 10))]
  const before = today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d)
  return today.getUTCFullYear() - y - (before ? 1 : 0)
}

/** Counts by name, most frequent first (then by name), as `{ name, value }`. */
const tally = (names: ReadonlyArray<string>): ReadonlyArray<{ readonly name: string; readonly value: number }> => {
  const counts = new Map<string, number>()
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1)
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([name, value]) => ({ name, value }))
}

/** The time label of an instant in a time distribution mode. */
const timeLabel = (mode: string, ms: number): string => {
  const d = new Date(ms)
  if (mode === 'HOUROFDAY') return String(d.getUTCHours())
  if (mode === 'DAYOFWEEK') return WEEKDAYS[d.getUTCDay()] ?? ''
  return String(d.getUTCDate())
}

/** Every label of a time distribution mode, in order. */
const timeLabels = (mode: string): ReadonlyArray<string> => {
  if (mode === 'HOUROFDAY') return Array.from({ length: 24 }, (_, i) => String(i))
  if (mode === 'DAYOFWEEK') return [...WEEKDAYS.slice(1), 'Sun']
  return Array.from({ length: 31 }, (_, i) => String(i + 1))
}

/** The JSON schema of a `data` item, as `headers` carries it. */
const header = (value: 'count' | 'distribution' | 'sources' | 'times' | 'trend'): Record<string, unknown> => {
  const item = (props: Record<string, string>): Record<string, unknown> => ({
    type: 'array',
    items: {
      type: 'object',
      properties: Object.fromEntries(Object.entries(props).map(([k, t]) => [k, { type: t }]))
    }
  })
  const nodeId = { type: 'string' }
  switch (value) {
    case 'count':
      return { nodeId, count: { type: 'integer' } }
    case 'distribution':
      return { nodeId, distribution: item({ name: 'string', value: 'integer' }) }
    case 'sources':
      return { nodeId, values: item({ sourceId: 'string', count: 'integer' }) }
    case 'times':
      return { nodeId, values: item({ time: 'string', count: 'integer' }) }
    case 'trend':
      return { nodeId, values: item({ time: 'string', new: 'integer', lost: 'integer', total: 'integer' }) }
  }
}

/** The parsed parameters of a request. */
interface Asked {
  readonly nodes: ReadonlyArray<string>
  /** `[from, to)` in ms; unbounded ends are infinite. */
  readonly from: number
  readonly to: number
  readonly mode: string | undefined
  readonly context: string | undefined
  readonly eventType: string | undefined
  readonly country: string | undefined
  /** The parameters as the answer echoes them. */
  readonly echo: Record<string, unknown>
}

/** What each analytic takes: its mode enum and default, whether it needs dates, its event filter and country. */
interface Shape {
  readonly modes?: ReadonlyArray<string>
  readonly defaultMode?: string
  readonly needsDates?: boolean
  readonly events?: boolean
  readonly country?: boolean
}

const SHAPES: Readonly<Record<AnalyticName, Shape>> = {
  countCustomers: {},
  customerTrend: { modes: TREND_MODES, defaultMode: 'DAILY', needsDates: true },
  eventTrend: { modes: TREND_MODES, defaultMode: 'DAILY', needsDates: true, events: true },
  gender: {},
  ageRange: {},
  country: {},
  city: { country: true },
  customersByNode: {},
  customersBySource: {},
  customersByTime: { modes: TIME_MODES, defaultMode: 'HOUROFDAY' },
  eventsByNode: { events: true },
  eventsBySource: { events: true },
  eventsByTime: { modes: TIME_MODES, defaultMode: 'HOUROFDAY', events: true }
}

const NAMES: Readonly<Record<AnalyticName, string>> = {
  countCustomers: 'customer count',
  customerTrend: 'customer trend',
  eventTrend: 'event trend',
  gender: 'composition by gender',
  ageRange: 'composition by age range',
  country: 'composition by country',
  city: 'composition by city',
  customersByNode: 'new customers by node',
  customersBySource: 'new customers by node and source',
  customersByTime: 'new customers by node and time',
  eventsByNode: 'events by node',
  eventsBySource: 'events by node and source',
  eventsByTime: 'events by node and time'
}

/** The analytics operations of a workspace. */
export const analyticsOperations = (ws: Workspace) => {
  const { deps, nodes, customers, events, gone, error, badParam, nodeNotFound, one } = ws

  const readParams = (name: AnalyticName, params: Params): E.Either<Reply, Asked> => {
    const shape = SHAPES[name]
    const rawNodes = one(params, 'nodes')
    const asked = (rawNodes ?? '')
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n !== '')
    const unknown = asked.find((n) => !nodes.has(n))
    if (unknown !== undefined) return E.left(nodeNotFound(unknown))
    const dates: Record<'startDate' | 'endDate', string | undefined> = { startDate: undefined, endDate: undefined }
    for (const key of ['startDate', 'endDate'] as const) {
      const raw = one(params, key)
      if (raw === undefined || raw === '') {
        if (shape.needsDates === true) return E.left(badParam(key, null, `the ${key} parameter is required`))
        continue
      }
      if (!isCalendarDate(raw)) return E.left(badParam(key, raw, 'expected a date YYYY-MM-DD'))
      dates[key] = raw
    }
    const { startDate, endDate } = dates
    if (startDate !== undefined && endDate !== undefined && startDate > endDate)
      return E.left(badParam('startDate', startDate, `the start date is after the end date ${endDate}`))
    let mode: string | undefined
    if (shape.modes !== undefined) {
      const raw = one(params, 'mode')
      mode = raw === undefined || raw === '' ? shape.defaultMode : raw
      if (mode === undefined || !shape.modes.includes(mode))
        return E.left(badParam('mode', raw ?? null, `expected one of ${shape.modes.join(', ')}`))
    }
    let context: string | undefined
    let eventType: string | undefined
    if (shape.events === true) {
      const c = one(params, 'context')
      context = c === undefined || c === '' ? undefined : c
      if (context !== undefined && !EVENT_CONTEXTS.has(context))
        return E.left(badParam('context', context, `expected one of ${[...EVENT_CONTEXTS].join(', ')}`))
      const t = one(params, 'eventType')
      eventType = t === undefined || t.trim() === '' ? undefined : t
    }
    const c = shape.country === true ? one(params, 'country') : undefined
    const country = c === undefined || c.trim() === '' ? undefined : c
    const echo: Record<string, unknown> = {
      nodes: rawNodes === undefined || rawNodes === '' ? null : rawNodes,
      startDate: startDate ?? null,
      endDate: endDate ?? null
    }
    if (mode !== undefined) echo.mode = mode
    if (shape.events === true) {
      echo.context = context ?? null
      echo.eventType = eventType ?? null
    }
    if (shape.country === true) echo.country = country ?? null
    return E.right({
      nodes: asked.length > 0 ? [...new Set(asked)] : [...nodes],
      from: startDate === undefined ? -Infinity : dayStart(startDate),
      to: endDate === undefined ? Infinity : dayStart(endDate) + DAY,
      mode,
      context,
      eventType,
      country,
      echo
    })
  }

  /** The customers of a node registered in the period. */
  const customersOf = (nodeId: string, a: Asked): ReadonlyArray<StoredCustomer> =>
    [...customers.values()].filter((c) => c.nodeId === nodeId && c.registeredAt >= a.from && c.registeredAt < a.to)

  /** The node of an event: its customer's, or its bring-back node while it has no customer. */
  const nodeOfEvent = (e: StoredEvent): string | undefined => {
    if (e.customerId !== null) return customers.get(e.customerId)?.nodeId
    return e.bringBackProperties?.nodeId
  }

  /** The events of a node that pass the event filter (any date). */
  const eventsOf = (nodeId: string, a: Asked): ReadonlyArray<StoredEvent> =>
    [...events.values()].filter(
      (e) =>
        nodeOfEvent(e) === nodeId &&
        (a.context === undefined || e.context === a.context) &&
        (a.eventType === undefined || e.type === a.eventType)
    )

  const inPeriod = (ms: number, a: Asked): boolean => ms >= a.from && ms < a.to

  const composition = (a: Asked, nodeId: string, valueOf: (c: StoredCustomer) => string | undefined) => ({
    nodeId,
    distribution: tally(customersOf(nodeId, a).map((c) => valueOf(c) ?? 'N/A'))
  })

  const byTime = (nodeId: string, mode: string, instants: ReadonlyArray<number>) => {
    const counts = new Map<string, number>()
    for (const ms of instants) {
      const label = timeLabel(mode, ms)
      counts.set(label, (counts.get(label) ?? 0) + 1)
    }
    return { nodeId, values: timeLabels(mode).map((time) => ({ time, count: counts.get(time) ?? 0 })) }
  }

  /** The data of an analytic, or a reply when it cannot be computed. */
  const dataOf = (
    name: AnalyticName,
    a: Asked
  ): E.Either<Reply, { data: ReadonlyArray<unknown>; headers: unknown }> => {
    const mode = a.mode ?? ''
    switch (name) {
      case 'countCustomers':
      case 'customersByNode':
        return E.right({
          headers: header('count'),
          data: a.nodes.map((nodeId) => ({ nodeId, count: customersOf(nodeId, a).length }))
        })
      case 'customersBySource':
        return E.right({
          headers: header('sources'),
          data: a.nodes.map((nodeId) => ({
            nodeId,
            values: tally(customersOf(nodeId, a).map((c) => c.sources.keys().next().value ?? nodeId)).map((x) => ({
              sourceId: x.name,
              count: x.value
            }))
          }))
        })
      case 'customersByTime':
        return E.right({
          headers: header('times'),
          data: a.nodes.map((nodeId) =>
            byTime(
              nodeId,
              mode,
              customersOf(nodeId, a).map((c) => c.registeredAt)
            )
          )
        })
      case 'gender':
        return E.right({
          headers: header('distribution'),
          data: a.nodes.map((n) => composition(a, n, (c) => textAt(c.doc, ['base', 'gender'])))
        })
      case 'ageRange': {
        const now = deps.now()
        const range = (c: StoredCustomer): string | undefined => {
          const age = ageOf(textAt(c.doc, ['base', 'dob']), now)
          return age === undefined ? undefined : AGE_RANGES.find(([, lo, hi]) => age >= lo && age <= hi)?.[0]
        }
        return E.right({
          headers: header('distribution'),
          data: a.nodes.map((nodeId) => {
            const counts = new Map<string, number>()
            for (const c of customersOf(nodeId, a)) {
              const r = range(c) ?? 'N/A'
              counts.set(r, (counts.get(r) ?? 0) + 1)
            }
            return {
              nodeId,
              distribution: [...AGE_RANGES.map(([n]) => n), 'N/A'].map((n) => ({ name: n, value: counts.get(n) ?? 0 }))
            }
          })
        })
      }
      case 'country':
        return E.right({
          headers: header('distribution'),
          data: a.nodes.map((n) => composition(a, n, (c) => textAt(c.doc, ['base', 'address', 'country'])))
        })
      case 'city': {
        const wanted = a.country?.trim().toLowerCase()
        return E.right({
          headers: header('distribution'),
          data: a.nodes.map((nodeId) => ({
            nodeId,
            distribution: tally(
              customersOf(nodeId, a)
                .filter(
                  (c) =>
                    wanted === undefined ||
                    textAt(c.doc, ['base', 'address', 'country'])?.trim().toLowerCase() === wanted
                )
                .map((c) => textAt(c.doc, ['base', 'address', 'city']) ?? 'N/A')
            )
          }))
        })
      }
      case 'eventsByNode':
        return E.right({
          headers: header('count'),
          data: a.nodes.map((nodeId) => ({
            nodeId,
            count: eventsOf(nodeId, a).filter((e) => inPeriod(e.date, a)).length
          }))
        })
      case 'eventsBySource':
        return E.right({
          headers: header('sources'),
          data: a.nodes.map((nodeId) => {
            const count = eventsOf(nodeId, a).filter((e) => inPeriod(e.date, a)).length
            return { nodeId, values: count === 0 ? [] : [{ sourceId: nodeId, count }] }
          })
        })
      case 'eventsByTime':
        return E.right({
          headers: header('times'),
          data: a.nodes.map((nodeId) =>
            byTime(
              nodeId,
              mode,
              eventsOf(nodeId, a)
                .filter((e) => inPeriod(e.date, a))
                .map((e) => e.date)
            )
          )
        })
      case 'customerTrend':
      case 'eventTrend': {
        const steps = stepsOf(mode, a.from, a.to)
        if (steps.length > MAX_TREND_STEPS)
          return E.left(
            badParam('endDate', a.echo.endDate, `the period holds more than ${MAX_TREND_STEPS} steps of ${mode}`)
          )
        const sorted = (xs: ReadonlyArray<number>): ReadonlyArray<number> => [...xs].sort((x, y) => x - y)
        return E.right({
          headers: header('trend'),
          data: a.nodes.map((nodeId) => {
            if (name === 'eventTrend') {
              const dates = sorted(eventsOf(nodeId, a).map((e) => e.date))
              return {
                nodeId,
                values: steps.map((s) => {
                  const total = countBelow(dates, s.to)
                  return { time: s.time, new: total - countBelow(dates, s.from), total }
                })
              }
            }
            const mine = [...customers.values()].filter((c) => c.nodeId === nodeId)
            const left = gone.filter((g) => g.nodeId === nodeId)
            const registered = sorted([...mine.map((c) => c.registeredAt), ...left.map((g) => g.registeredAt)])
            const deleted = sorted(left.map((g) => g.deletedAt))
            return {
              nodeId,
              values: steps.map((s) => {
                const inBefore = countBelow(registered, s.to)
                const outBefore = countBelow(deleted, s.to)
                return {
                  time: s.time,
                  new: inBefore - countBelow(registered, s.from),
                  lost: outBefore - countBelow(deleted, s.from),
                  total: inBefore - outBefore
                }
              })
            }
          })
        })
      }
    }
  }

  /** Computes an emulated analytic. */
  const analytics = (name: AnalyticName, params: Params): Reply => {
    const asked = readParams(name, params)
    if (E.isLeft(asked)) return asked.left
    const result = dataOf(name, asked.right)
    if (E.isLeft(result)) return result.left
    return {
      status: 200,
      body: { name: NAMES[name], headers: result.right.headers, parameters: asked.right.echo, data: result.right.data }
    }
  }

  /** The 501 of an analytic the emulator does not compute. */
  const notEmulated = (path: string): Reply =>
    error(501, `GET ${path} is not emulated: the emulator computes no query-based analytics`)

  return { analytics, notEmulated }
}
