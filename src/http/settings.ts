/**
 * The transport settings of a context, checked before anything is sent: a wrong type, `NaN`, a negative number or
 * an infinity where it means nothing is refused (it used to be replaced by the default, silently). Internal.
 *
 * @since 0.2.0
 */
import * as E from '#fp-ts/Either'
import {
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_RETRY,
  DEFAULT_TIMEOUT_MS,
  REAL_CLOCK,
  type Clock,
  type Workspace
} from '../context'

/**
 * A context's transport settings, defaults filled in.
 *
 * @category model
 * @since 0.2.0
 */
export interface Settings {
  /** Milliseconds per attempt; `Infinity`: no limit. */
  readonly timeout: number
  /** Bytes of a response body; `Infinity`: no cap. */
  readonly limit: number
  /** Extra attempts of an idempotent request (0 with `retry: false`). */
  readonly retries: number
  readonly baseDelayMs: number
  readonly maxDelayMs: number
  readonly maxRetryAfterMs: number
  readonly clock: Clock
}

/**
 * A number option: `undefined` takes `fallback`; anything else must be a number ≥ 0, finite unless `infinite`.
 * The reason names the option and what it got (a type or a number, never a string the caller passed).
 */
const numberOption = (name: string, u: unknown, fallback: number, infinite: boolean): E.Either<string, number> => {
  if (u === undefined) return E.right(fallback)
  if (typeof u !== 'number') return E.left(`${name} must be a number, got ${u === null ? 'null' : typeof u}`)
  if (Number.isNaN(u) || u < 0 || (!infinite && u === Infinity))
    return E.left(`${name} must be a${infinite ? '' : ' finite'} number of 0 or more, got ${u}`)
  return E.right(u)
}

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null

const clockOf = (u: unknown): E.Either<string, Clock> => {
  if (u === undefined) return E.right(REAL_CLOCK)
  if (!isObject(u)) return E.left('ctx.clock must be an object')
  for (const k of ['now', 'sleep', 'random'] as const)
    if (u[k] !== undefined && typeof u[k] !== 'function') return E.left(`ctx.clock.${k} must be a function`)
  const c = u as Partial<Clock>
  return E.right(
    c.now === undefined && c.sleep === undefined && c.random === undefined
      ? REAL_CLOCK
      : { now: c.now ?? REAL_CLOCK.now, sleep: c.sleep ?? REAL_CLOCK.sleep, random: c.random ?? REAL_CLOCK.random }
  )
}

const check = (u: Record<string, unknown>): E.Either<string, Settings> => {
  if (u.fetch !== undefined && typeof u.fetch !== 'function') return E.left('ctx.fetch must be a function')
  const signal = u.signal
  if (signal !== undefined && (!isObject(signal) || typeof signal.addEventListener !== 'function'))
    return E.left('ctx.signal must be an AbortSignal')
  const retry = u.retry
  if (retry !== undefined && retry !== false && !isObject(retry))
    return E.left('ctx.retry must be retry options or false')
  const r = isObject(retry) ? retry : {}
  let failure: string | undefined
  /** A number option, or `fallback` once an earlier option has failed (only the first reason is kept). */
  const num = (name: string, v: unknown, fallback: number, infinite: boolean): number => {
    const n = numberOption(name, v, fallback, infinite)
    if (E.isLeft(n)) failure ??= n.left
    return E.isRight(n) ? n.right : fallback
  }
  const settings = {
    timeout: num('ctx.timeout', u.timeout, DEFAULT_TIMEOUT_MS, true),
    limit: num('ctx.maxResponseBytes', u.maxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES, true),
    retries: retry === false ? 0 : Math.floor(num('ctx.retry.retries', r.retries, DEFAULT_RETRY.retries, false)),
    baseDelayMs: num('ctx.retry.baseDelayMs', r.baseDelayMs, DEFAULT_RETRY.baseDelayMs, false),
    maxDelayMs: num('ctx.retry.maxDelayMs', r.maxDelayMs, DEFAULT_RETRY.maxDelayMs, true),
    maxRetryAfterMs: num('ctx.retry.maxRetryAfterMs', r.maxRetryAfterMs, DEFAULT_RETRY.maxRetryAfterMs, true)
  }
  const clock = clockOf(u.clock)
  return failure !== undefined
    ? E.left(failure)
    : E.isLeft(clock)
      ? clock
      : E.right({ ...settings, clock: clock.right })
}

// One check per context object: contexts are plain readonly values, written once and used for many calls. A
// WeakMap holds no context alive.
const checked = new WeakMap<object, E.Either<string, Settings>>()

/**
 * Checks the transport settings of a context (`timeout`, `maxResponseBytes`, `retry`, `clock`, `fetch`, `signal`)
 * and fills in the defaults; or the reason it is refused. The context itself must be an object. The result is kept
 * per context object.
 *
 * @category utils
 * @since 0.2.0
 */
export const settingsOf = (ws: Workspace): E.Either<string, Settings> => {
  const u: unknown = ws
  if (!isObject(u)) return E.left(`the context must be an object, got ${u === null ? 'null' : typeof u}`)
  let result = checked.get(u)
  if (result === undefined) checked.set(u, (result = check(u)))
  return result
}
