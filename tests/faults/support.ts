// Shared by the fault, security and fuzz suites: a virtual clock, a context for a test server, and probes.
import { inspect } from 'node:util'
import type { Clock, Context } from '../../src/context'

export const TOKEN = 'tok-SECRET-7f3a9c2e5b1d'

/** The epoch of the virtual clock: 2026-01-01T00:00:00Z. */
export const T0 = Date.UTC(2026, 0, 1)

export interface VirtualClock {
  readonly clock: Clock
  /** Every backoff wait the client asked for, in order. */
  readonly sleeps: Array<number>
  /** Virtual milliseconds elapsed: the sum of the waits. */
  readonly elapsed: () => number
  readonly reset: () => void
}

/**
 * A clock whose `sleep` returns at once and moves virtual time forward: backoff and `Retry-After` waits are
 * measured exactly, and never slept. `random()` is 0.5, so a full-jitter wait is half of its cap.
 */
export const virtualClock = (): VirtualClock => {
  let now = T0
  const sleeps: Array<number> = []
  return {
    sleeps,
    elapsed: () => now - T0,
    reset: () => {
      now = T0
      sleeps.length = 0
    },
    clock: {
      now: () => now,
      random: () => 0.5,
      sleep: (ms) => {
        sleeps.push(ms)
        now += ms
        return Promise.resolve()
      }
    }
  }
}

export const contextFor = (baseUrl: string, vc: VirtualClock, over: Partial<Context> = {}): Context => ({
  workspaceId: 'ws',
  nodeId: 'node',
  token: TOKEN,
  baseUrl,
  clock: vc.clock,
  ...over
})

/** Every string the value can be turned into: fields at any depth, `String`, JSON and a full `util.inspect`. */
export const renderings = (value: unknown): ReadonlyArray<string> => {
  const out: Array<string> = [
    String(value),
    JSON.stringify(value) ?? '',
    inspect(value, { showHidden: true, getters: true, depth: Infinity })
  ]
  const seen = new Set<unknown>()
  const walk = (v: unknown, depth: number): void => {
    if (depth > 50) return
    if (typeof v === 'string') out.push(v)
    else if (typeof v === 'function') out.push(v.toString())
    if ((typeof v !== 'object' && typeof v !== 'function') || v === null || seen.has(v)) return
    seen.add(v)
    for (const key of Reflect.ownKeys(v)) {
      if (typeof key === 'string') out.push(key)
      const desc = Object.getOwnPropertyDescriptor(v, key)
      if (desc === undefined) continue
      if ('value' in desc) walk(desc.value, depth + 1)
      else if (desc.get !== undefined) {
        try {
          walk(desc.get.call(v), depth + 1)
        } catch {
          // a getter that throws shows nothing
        }
      }
    }
    if (v instanceof Error && v.cause !== undefined) walk(v.cause, depth + 1)
  }
  walk(value, 0)
  return out
}

/** True when no rendering of the value holds the secret. */
export const hides = (value: unknown, secret: string): boolean => renderings(value).every((s) => !s.includes(secret))

/** Walks a decoded value: every object's prototype must be `Object.prototype`, `Array.prototype` or null. */
export const plainPrototypes = (value: unknown): boolean => {
  const seen = new Set<unknown>()
  const ok = (v: unknown): boolean => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return true
    seen.add(v)
    const proto: unknown = Object.getPrototypeOf(v)
    if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return false
    return Object.values(v).every(ok)
  }
  return ok(value)
}
