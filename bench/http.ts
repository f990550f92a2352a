// Client throughput against the static server, with the same requests, sequentially and 16 at a time, on one
// customer and on 100-customer pages (plain, and with `\u` escapes), for two floors, the library and axios:
// - `floor`: raw `fetch` + `JSON.parse`, no validation, no timeout (the physical floor);
// - `guard`: the guarantee floor, raw `fetch` with an `AbortController` and a timer per request + `JSON.parse`: the
//   cheapest hand-written client that can still cancel a timed-out request (Node's fetch is slower the moment a
//   per-request signal is passed, and a client with a timeout must pass one).
// Each round runs every side once per scenario, in an order that rotates from round to round; ratios are taken
// within a round (paired) and the median over rounds is reported.
import axios from 'axios'
import { ESCAPED_WORKSPACE } from './fixtures'
import type { Ctx, Lib } from './lib'
import { median, rotate, throughput, type Sample } from './measure'

/** `candidate` is the library loaded from another source tree (`--candidate=DIR`): a change, measured beside it. */
export type SideName = 'floor' | 'guard' | 'library' | 'candidate' | 'axios'
export const SIDES: ReadonlyArray<SideName> = ['floor', 'guard', 'library', 'candidate', 'axios']

/** The guarantee floor's timeout: the library's default (30 s), never reached here. */
const GUARD_TIMEOUT_MS = 30_000

type Payload = 'customer' | 'page' | 'escapedPage'

export interface Scenario {
  readonly name: string
  readonly payload: Payload
  readonly concurrency: number
  readonly durationMs: number
  readonly maxCalls: number
  /** The target ratios of the library's throughput to the guarantee floor's and to the raw floor's. */
  readonly target: { readonly guard: number; readonly floor: number }
}

export interface Cell {
  readonly perSec: number
  readonly cpuUs: number
  /** Median over rounds of (side ÷ floor) within the round. */
  readonly ratio: number
  readonly ratios: ReadonlyArray<number>
  /** Median over rounds of (side ÷ guarantee floor) within the round. */
  readonly guardRatio: number
}

export interface ScenarioResult {
  readonly scenario: Scenario
  readonly sides: Readonly<Partial<Record<SideName, Cell>>>
}

const scenarios = (scale: number): ReadonlyArray<Scenario> => [
  {
    name: 'getCustomer, sequential',
    payload: 'customer',
    concurrency: 1,
    durationMs: 400 * scale,
    maxCalls: 50_000,
    target: { guard: 0.95, floor: 0.92 }
  },
  {
    name: 'getCustomer, 16 concurrent',
    payload: 'customer',
    concurrency: 16,
    durationMs: 400 * scale,
    maxCalls: 100_000,
    target: { guard: 0.95, floor: 0.85 }
  },
  {
    name: 'getCustomers (100/page), sequential',
    payload: 'page',
    concurrency: 1,
    durationMs: 600 * scale,
    maxCalls: 5_000,
    target: { guard: 0.95, floor: 0.9 }
  },
  {
    name: 'getCustomers (100/page), 16 concurrent',
    payload: 'page',
    concurrency: 16,
    durationMs: 600 * scale,
    maxCalls: 10_000,
    target: { guard: 0.95, floor: 0.9 }
  },
  {
    name: 'getCustomers (100/page, `\\u` escapes), sequential',
    payload: 'escapedPage',
    concurrency: 1,
    durationMs: 600 * scale,
    maxCalls: 5_000,
    target: { guard: 0.95, floor: 0.9 }
  }
]

type Call = () => Promise<void>

const libraryCalls = (lib: Lib, ctx: Ctx, customerId: string): Record<Payload, Call> => {
  const escaped: Ctx = { ...ctx, workspaceId: ESCAPED_WORKSPACE }
  const check = (r: { _tag: string; left?: unknown }, what: string): void => {
    if (r._tag !== 'Right') throw new Error(`library ${what}: ${JSON.stringify(r.left)}`)
  }
  return {
    customer: async () => check(await lib.getCustomer(ctx, customerId)(), 'getCustomer'),
    page: async () => check(await lib.getCustomers(ctx, { page: 0, size: 100 })(), 'getCustomers'),
    escapedPage: async () => check(await lib.getCustomers(escaped, { page: 0, size: 100 })(), 'getCustomers')
  }
}

const makeCalls = (libs: Libs, ctx: Ctx, customerId: string): Partial<Record<SideName, Record<Payload, Call>>> => {
  const base = ctx.baseUrl ?? ''
  const customerUrl = `${base}/workspaces/${encodeURIComponent(ctx.workspaceId)}/customers/${encodeURIComponent(customerId)}`
  const listUrl = (ws: string): string =>
    `${base}/workspaces/${encodeURIComponent(ws)}/customers?nodeId=${encodeURIComponent(ctx.nodeId)}&page=0&size=100`
  const pageUrl = listUrl(ctx.workspaceId)
  const escapedUrl = listUrl(ESCAPED_WORKSPACE)
  // The same headers the library sends.
  const headers = { accept: 'application/json', authorization: `Bearer ${ctx.token}` }
  const raw =
    (url: string): Call =>
    async () => {
      const res = await fetch(url, { headers })
      const text = await res.text()
      if (res.status !== 200) throw new Error(`floor: ${res.status} ${text.slice(0, 200)}`)
      JSON.parse(text)
    }
  // The guarantee floor: a controller and a timer per request, covering the body, cleared at the end.
  const guarded =
    (url: string): Call =>
    async () => {
      const controller = new AbortController()
      const timer = setTimeout(() => controller.abort(), GUARD_TIMEOUT_MS)
      try {
        const res = await fetch(url, { headers, signal: controller.signal })
        const text = await res.text()
        if (res.status !== 200) throw new Error(`guard: ${res.status} ${text.slice(0, 200)}`)
        JSON.parse(text)
      } finally {
        clearTimeout(timer)
      }
    }
  const ax = axios.create({ headers, validateStatus: () => true })
  const viaAxios =
    (url: string): Call =>
    async () => {
      const res = await ax.get<unknown>(url)
      if (res.status !== 200 || typeof res.data !== 'object') throw new Error(`axios: ${res.status}`)
    }
  return {
    floor: { customer: raw(customerUrl), page: raw(pageUrl), escapedPage: raw(escapedUrl) },
    guard: { customer: guarded(customerUrl), page: guarded(pageUrl), escapedPage: guarded(escapedUrl) },
    library: libraryCalls(libs.library, ctx, customerId),
    ...(libs.candidate === undefined ? {} : { candidate: libraryCalls(libs.candidate, ctx, customerId) }),
    axios: { customer: viaAxios(customerUrl), page: viaAxios(pageUrl), escapedPage: viaAxios(escapedUrl) }
  }
}

export interface HttpOptions {
  readonly rounds: number
  /** Multiplies every measurement's duration (0.3 for a quick look). */
  readonly scale: number
  readonly sides: ReadonlyArray<SideName>
  readonly log: (line: string) => void
}

export interface Libs {
  readonly library: Lib
  readonly candidate?: Lib
}

export const runHttp = async (
  libs: Libs,
  ctx: Ctx,
  customerId: string,
  o: HttpOptions
): Promise<ReadonlyArray<ScenarioResult>> => {
  const all = makeCalls(libs, ctx, customerId)
  const sides = o.sides.filter((side) => all[side] !== undefined)
  const calls = (side: SideName): Record<Payload, Call> => all[side] as Record<Payload, Call>
  const list = scenarios(o.scale)
  // Warm-up: every side, every scenario, so that the JIT and the connection pools are ready before round 1.
  for (const s of list)
    for (const side of sides) await throughput(calls(side)[s.payload], s.concurrency, 250 * o.scale, s.maxCalls)
  const samples = new Map<string, Array<Sample>>()
  const key = (s: Scenario, side: SideName): string => `${s.name}|${side}`
  for (let round = 0; round < o.rounds; round++) {
    const order = rotate(sides, round)
    for (const s of list) {
      for (const side of order) {
        const sample = await throughput(calls(side)[s.payload], s.concurrency, s.durationMs, s.maxCalls)
        const k = key(s, side)
        samples.set(k, [...(samples.get(k) ?? []), sample])
      }
    }
    o.log(`  round ${round + 1}/${o.rounds}: ${order.join(' → ')}`)
  }
  return list.map((scenario) => {
    const floor = samples.get(key(scenario, 'floor'))
    const guard = samples.get(key(scenario, 'guard'))
    const cells: Partial<Record<SideName, Cell>> = {}
    for (const side of sides) {
      const xs = samples.get(key(scenario, side)) ?? []
      const against = (ref: ReadonlyArray<Sample> | undefined): Array<number> =>
        ref === undefined ? [] : xs.map((x, i) => x.perSec / (ref[i]?.perSec ?? NaN))
      const ratios = against(floor)
      cells[side] = {
        perSec: median(xs.map((x) => x.perSec)),
        cpuUs: median(xs.map((x) => x.cpuUs)),
        ratio: median(ratios),
        ratios,
        guardRatio: median(against(guard))
      }
    }
    return { scenario, sides: cells }
  })
}
