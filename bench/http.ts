// Client throughput against the static server: the floor (fetch + JSON.parse), the library, and axios, with the
// same requests, sequentially and 16 at a time, on one customer and on 100-customer pages. Each round runs every
// side once per scenario, in an order that rotates from round to round; ratios are taken within a round (paired)
// and the median over rounds is reported.
import axios from 'axios'
import type { Ctx, Lib } from './lib'
import { median, rotate, throughput, type Sample } from './measure'

/** `candidate` is the library loaded from another source tree (`--candidate=DIR`): a change, measured beside it. */
export type SideName = 'floor' | 'library' | 'candidate' | 'axios'
export const SIDES: ReadonlyArray<SideName> = ['floor', 'library', 'candidate', 'axios']

export interface Scenario {
  readonly name: string
  readonly payload: 'customer' | 'page'
  readonly concurrency: number
  readonly durationMs: number
  readonly maxCalls: number
  /** The target ratio of the library's throughput to the floor's. */
  readonly target: number
}

export interface Cell {
  readonly perSec: number
  readonly cpuUs: number
  /** Median over rounds of (side ÷ floor) within the round. */
  readonly ratio: number
  readonly ratios: ReadonlyArray<number>
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
    target: 0.95
  },
  {
    name: 'getCustomer, 16 concurrent',
    payload: 'customer',
    concurrency: 16,
    durationMs: 400 * scale,
    maxCalls: 100_000,
    target: 0.9
  },
  {
    name: 'getCustomers (100/page), sequential',
    payload: 'page',
    concurrency: 1,
    durationMs: 600 * scale,
    maxCalls: 5_000,
    target: 0.8
  },
  {
    name: 'getCustomers (100/page), 16 concurrent',
    payload: 'page',
    concurrency: 16,
    durationMs: 600 * scale,
    maxCalls: 10_000,
    target: 0.8
  }
]

type Call = () => Promise<void>

const libraryCalls = (lib: Lib, ctx: Ctx, customerId: string): Record<Scenario['payload'], Call> => {
  const check = (r: { _tag: string; left?: unknown }, what: string): void => {
    if (r._tag !== 'Right') throw new Error(`library ${what}: ${JSON.stringify(r.left)}`)
  }
  return {
    customer: async () => check(await lib.getCustomer(ctx, customerId)(), 'getCustomer'),
    page: async () => check(await lib.getCustomers(ctx, { page: 0, size: 100 })(), 'getCustomers')
  }
}

const makeCalls = (
  libs: Libs,
  ctx: Ctx,
  customerId: string
): Partial<Record<SideName, Record<Scenario['payload'], Call>>> => {
  const base = ctx.baseUrl ?? ''
  const customerUrl = `${base}/workspaces/${encodeURIComponent(ctx.workspaceId)}/customers/${encodeURIComponent(customerId)}`
  const pageUrl = `${base}/workspaces/${encodeURIComponent(ctx.workspaceId)}/customers?nodeId=${encodeURIComponent(ctx.nodeId)}&page=0&size=100`
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
  const ax = axios.create({ headers, validateStatus: () => true })
  const viaAxios =
    (url: string): Call =>
    async () => {
      const res = await ax.get<unknown>(url)
      if (res.status !== 200 || typeof res.data !== 'object') throw new Error(`axios: ${res.status}`)
    }
  return {
    floor: { customer: raw(customerUrl), page: raw(pageUrl) },
    library: libraryCalls(libs.library, ctx, customerId),
    ...(libs.candidate === undefined ? {} : { candidate: libraryCalls(libs.candidate, ctx, customerId) }),
    axios: { customer: viaAxios(customerUrl), page: viaAxios(pageUrl) }
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
  const calls = (side: SideName): Record<Scenario['payload'], Call> => all[side] as Record<Scenario['payload'], Call>
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
    const cells: Partial<Record<SideName, Cell>> = {}
    for (const side of sides) {
      const xs = samples.get(key(scenario, side)) ?? []
      const ratios = floor === undefined ? [] : xs.map((x, i) => x.perSec / (floor[i]?.perSec ?? NaN))
      cells[side] = {
        perSec: median(xs.map((x) => x.perSec)),
        cpuUs: median(xs.map((x) => x.cpuUs)),
        ratio: median(ratios),
        ratios
      }
    }
    return { scenario, sides: cells }
  })
}
