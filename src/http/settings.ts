/**
 * The transport settings of a context, checked before anything is sent: a wrong type, `NaN`, a negative number or
 * an infinity where it means nothing is refused (it used to be replaced by the default, silently). Internal.
 *
 * @since 0.2.0
 */
import {
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_RETRY,
  DEFAULT_TIMEOUT_MS,
  REAL_CLOCK,
  type Clock,
  type Hooks,
  type RetryOptions,
  type Workspace
} from '../context'

/**
 * A context's transport settings, defaults filled in, named as the options are.
 *
 * @category model
 * @since 0.2.0
 */
export interface Settings extends Required<RetryOptions> {
  /** Milliseconds per attempt; `Infinity`: no limit. */
  readonly timeout: number
  /** Bytes of a response body; `Infinity`: no cap. */
  readonly maxResponseBytes: number
  readonly clock: Clock
  /** The context's hooks (checked: functions or `undefined`), or none. */
  readonly hooks: Hooks
}

/**
 * `null` or the type of a value, for a reason that must not quote what the caller passed.
 *
 * @category utils
 * @since 0.2.0
 */
export const typeName = (u: unknown): string => (u === null ? 'null' : typeof u)

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null
const isFunction = (u: unknown): boolean => typeof u === 'function'

/** The options other than numbers, in the order they are checked: name, test, what it must be. */
const OPTIONS: ReadonlyArray<readonly [string, (u: unknown) => boolean, string]> = [
  ['fetch', isFunction, 'a function'],
  ['signal', (u) => isObject(u) && isFunction(u.addEventListener), 'an AbortSignal'],
  ['retry', (u) => u === false || isObject(u), 'retry options or false'],
  [
    'hooks',
    (u) => isObject(u) && Object.values(u).every((f) => f === undefined || isFunction(f)),
    'an object of functions'
  ]
]

/** The number options and their defaults; the retry options (`DEFAULT_RETRY`'s keys) live under `ctx.retry`. */
const NUMBERS: Readonly<Record<string, number>> = {
  timeout: DEFAULT_TIMEOUT_MS,
  maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
  ...DEFAULT_RETRY
}

/** The number options that must be finite (the others may be `Infinity`: no limit). */
const FINITE: ReadonlyArray<string> = ['retries', 'baseDelayMs']

const check = (u: Record<string, unknown>): string | Settings => {
  for (const [name, test, what] of OPTIONS)
    if (u[name] !== undefined && !test(u[name])) return `ctx.${name} must be ${what}`
  const retry = isObject(u.retry) ? u.retry : {}
  const s: Record<string, unknown> = {}
  for (const key in NUMBERS) {
    const inRetry = key in DEFAULT_RETRY
    const name = `ctx.${inRetry ? 'retry.' : ''}${key}`
    const given = (inRetry ? retry : u)[key]
    const v = given === undefined ? NUMBERS[key] : given
    if (typeof v !== 'number') return `${name} must be a number, got ${typeName(v)}`
    const finite = FINITE.includes(key)
    if (Number.isNaN(v) || v < 0 || (finite && v === Infinity))
      return `${name} must be a${finite ? ' finite' : ''} number of 0 or more, got ${v}`
    s[key] = v
  }
  s.retries = u.retry === false ? 0 : Math.floor(s.retries as number)
  const c = u.clock
  if (c !== undefined && !isObject(c)) return 'ctx.clock must be an object'
  const clock: Record<string, unknown> = { ...REAL_CLOCK }
  for (const k in REAL_CLOCK) {
    const f = c?.[k]
    if (f !== undefined) {
      if (!isFunction(f)) return `ctx.clock.${k} must be a function`
      clock[k] = f
    }
  }
  s.clock = clock
  s.hooks = u.hooks ?? {}
  return s as unknown as Settings
}

// One check per context object: contexts are plain readonly values, written once and used for many calls. A
// WeakMap holds no context alive.
const checked = new WeakMap<object, string | Settings>()

/**
 * Checks the transport settings of a context (`timeout`, `maxResponseBytes`, `retry`, `clock`, `hooks`, `fetch`,
 * `signal`, `allowInsecureHttp`) and fills in the defaults; or the reason it is refused (a string). The context
 * itself must be an object. The result is kept per context object.
 *
 * @category utils
 * @since 0.2.0
 */
export const settingsOf = (ws: Workspace): string | Settings => {
  const u: unknown = ws
  if (!isObject(u)) return `the context must be an object, got ${typeName(u)}`
  let result = checked.get(u)
  if (result === undefined) checked.set(u, (result = check(u)))
  return result
}
