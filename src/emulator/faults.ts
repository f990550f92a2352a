/**
 * Fault injection for the emulator: added latency, the next requests answered with a chosen status, cut mid-body,
 * left hanging or reset, so that a client's retry, timeout and error handling can be exercised end to end.
 *
 * @since 0.1.0
 */

/**
 * Which requests a fault applies to: by method and by path (the URL path, e.g.
 * `/hub/v1/workspaces/w/customers`, matched as a substring or by a regular expression). Preflights (`OPTIONS`) are
 * never affected.
 *
 * @category model
 * @since 0.1.0
 */
export interface RequestMatcher {
  readonly method?: string
  readonly path?: string | RegExp
}

/**
 * Options of {@link Faults.failNext}.
 *
 * @category model
 * @since 0.1.0
 */
export interface FailOptions {
  /** A `Retry-After` header: seconds, or an HTTP date. */
  readonly retryAfter?: number | string
  /**
   * The body: a JSON value, or a string sent as `text/html` (a proxy's error page). Default: the API's error body
   * `{ message, logref, data, errors }`.
   */
  readonly body?: unknown
  /** More response headers. */
  readonly headers?: Readonly<Record<string, string>>
  readonly match?: RequestMatcher
}

/**
 * Options of {@link Faults.cutNext}.
 *
 * @category model
 * @since 0.1.0
 */
export interface CutOptions {
  /** How many bytes of the body are sent before the connection is destroyed; default half of it. */
  readonly bytes?: number
  readonly match?: RequestMatcher
}

/**
 * The fault controls of a running emulator. Faults queue up in the order they are set; each request takes the
 * first one that matches it.
 *
 * @category model
 * @since 0.1.0
 */
export interface Faults {
  /** Delays every answer by `ms` (0 removes the delay). The request is processed after the delay. */
  readonly latency: (ms: number) => void
  /** The next `n` matching requests are answered with `status`, without being processed. */
  readonly failNext: (n: number, status: number, options?: FailOptions) => void
  /**
   * The next `n` matching requests are processed, then their response is cut: the status line, the headers (with
   * the full `Content-Length`) and part of the body are sent, and the connection is destroyed.
   */
  readonly cutNext: (n: number, options?: CutOptions) => void
  /** The next `n` matching requests are never answered (until the client gives up or the emulator closes). */
  readonly hangNext: (n: number, options?: { readonly match?: RequestMatcher }) => void
  /** The connection of the next `n` matching requests is destroyed before anything is sent. */
  readonly resetNext: (n: number, options?: { readonly match?: RequestMatcher }) => void
  /** Removes every pending fault and the latency. */
  readonly reset: () => void
  /** The number of requests that pending faults will still affect. */
  readonly pending: () => number
}

/**
 * A fault taken by one request.
 *
 * @category model
 * @since 0.1.0
 */
export type Fault =
  | { readonly kind: 'fail'; readonly status: number; readonly options: FailOptions }
  | { readonly kind: 'cut'; readonly options: CutOptions }
  | { readonly kind: 'hang' }
  | { readonly kind: 'reset' }

interface Rule {
  readonly fault: Fault
  readonly match: RequestMatcher | undefined
  remaining: number
}

/**
 * The fault controls plus what the server needs: the current latency and the fault a request takes.
 *
 * @category model
 * @since 0.1.0
 */
export interface FaultState extends Faults {
  readonly latencyMs: () => number
  readonly take: (method: string, path: string) => Fault | undefined
}

const matches = (m: RequestMatcher | undefined, method: string, path: string): boolean => {
  if (m === undefined) return true
  if (m.method !== undefined && m.method.toUpperCase() !== method.toUpperCase()) return false
  if (m.path === undefined) return true
  return typeof m.path === 'string' ? path.includes(m.path) : m.path.test(path)
}

const count = (n: number): number => {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`expected a count >= 0, got ${n}`)
  return n
}

/**
 * Creates an empty fault state.
 *
 * @category constructors
 * @since 0.1.0
 */
export const createFaults = (): FaultState => {
  let rules: Array<Rule> = []
  let latencyMs = 0
  const add = (n: number, fault: Fault, match: RequestMatcher | undefined): void => {
    if (count(n) > 0) rules.push({ fault, match, remaining: n })
  }
  return {
    latency: (ms) => {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`expected a latency >= 0, got ${ms}`)
      latencyMs = ms
    },
    failNext: (n, status, options = {}) => {
      if (!Number.isInteger(status) || status < 200 || status > 599) {
        throw new RangeError(`expected an HTTP status, got ${status}`)
      }
      add(n, { kind: 'fail', status, options }, options.match)
    },
    cutNext: (n, options = {}) => add(n, { kind: 'cut', options }, options.match),
    hangNext: (n, options = {}) => add(n, { kind: 'hang' }, options.match),
    resetNext: (n, options = {}) => add(n, { kind: 'reset' }, options.match),
    reset: () => {
      rules = []
      latencyMs = 0
    },
    pending: () => rules.reduce((acc, r) => acc + r.remaining, 0),
    latencyMs: () => latencyMs,
    take: (method, path) => {
      const rule = rules.find((r) => r.remaining > 0 && matches(r.match, method, path))
      if (rule === undefined) return undefined
      rule.remaining -= 1
      if (rule.remaining === 0) rules = rules.filter((r) => r !== rule)
      return rule.fault
    }
  }
}
