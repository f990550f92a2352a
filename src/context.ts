/**
 * The context: a plain, readonly object that carries the workspace, the node, the token and the transport settings.
 * Users may write it literally; nothing in it is mutated.
 *
 * @since 0.1.0
 */
import type * as E from '#fp-ts/Either'
import { left, right } from './either'
import { after } from './http/timer'

/**
 * Retry settings for idempotent requests (GET and PUT). POST, PATCH and DELETE are never repeated.
 *
 * @category model
 * @since 0.1.0
 */
export interface RetryOptions {
  /** Extra attempts after the first; default 2. */
  readonly retries?: number
  /** Full-jitter exponential backoff: a wait of `random() * min(maxDelayMs, baseDelayMs * 2 ** attempt)`; default 200. */
  readonly baseDelayMs?: number
  /** Cap of one backoff wait; default 5000. */
  readonly maxDelayMs?: number
  /** A `Retry-After` longer than this is not waited for: the error is returned at once; default 30000. */
  readonly maxRetryAfterMs?: number
}

/**
 * Capabilities the library uses for time and randomness. Inject them to make tests fast and deterministic.
 *
 * @category model
 * @since 0.1.0
 */
export interface Clock {
  /** The current time in milliseconds since the epoch (event dates, `Retry-After` dates). */
  readonly now: () => number
  /** Waits `ms` milliseconds; rejects (or resolves early) when `signal` aborts. */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  /** A number in [0, 1) for backoff jitter. */
  readonly random: () => number
}

/**
 * A Contacthub workspace and how to reach it.
 *
 * @category model
 * @since 0.1.0
 */
export interface Workspace {
  readonly workspaceId: string
  /** The API token. It is sent as `Authorization: Bearer` and never appears in errors or values. */
  readonly token: string
  /** Default `https://api.contactlab.it/hub/v1`. Must be `https`, or `http` to a loopback host. */
  readonly baseUrl?: string
  /** Milliseconds per attempt, response body included; default 30000. */
  readonly timeout?: number
  /** Retry settings, or `false` for a single attempt. */
  readonly retry?: RetryOptions | false
  /** The transport; default `globalThis.fetch`. */
  readonly fetch?: typeof globalThis.fetch
  /** Extra headers for every request (e.g. a tracing id). They cannot replace `Authorization`. */
  readonly headers?: Readonly<Record<string, string>>
  /** Larger responses are refused as `ResponseTooLarge`; default 10 MiB. */
  readonly maxResponseBytes?: number
  /** Cancels every call made with this context. */
  readonly signal?: AbortSignal
  /** Time and randomness; default the real clock, `setTimeout` and `Math.random`. */
  readonly clock?: Partial<Clock>
}

/**
 * A workspace plus the node (source) that customers and events belong to.
 *
 * @category model
 * @since 0.1.0
 */
export interface Context extends Workspace {
  readonly nodeId: string
}

/**
 * The default base URL of the Contacthub API.
 *
 * @category constants
 * @since 0.1.0
 */
export const DEFAULT_BASE_URL = 'https://api.contactlab.it/hub/v1'

/**
 * The default timeout of one attempt, in milliseconds.
 *
 * @category constants
 * @since 0.1.0
 */
export const DEFAULT_TIMEOUT_MS = 30_000

/**
 * The default cap of a response body, in bytes (10 MiB).
 *
 * @category constants
 * @since 0.1.0
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024

/**
 * The default retry settings: 2 extra attempts, backoff from 200 ms capped at 5 s, a `Retry-After` of up to 30 s
 * waited for.
 *
 * @category constants
 * @since 0.2.0
 */
export const DEFAULT_RETRY: Required<RetryOptions> = {
  retries: 2,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 30_000
}

/** Waits with real timers (however long: see `after`); wakes up early, resolved, when `signal` aborts. */
const realSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const done = (): void => {
      cancel()
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const cancel = after(ms, done)
    signal?.addEventListener('abort', done)
  })

/**
 * The real clock: `Date.now`, timers and `Math.random`. A context's `clock` overrides any of them.
 *
 * @internal
 * @category constants
 * @since 0.2.0
 */
export const REAL_CLOCK: Clock = { now: Date.now, sleep: realSleep, random: Math.random }

const baseUrlCache = new Map<string, E.Either<string, string>>()

const LOOPBACK: ReadonlyArray<string> = ['127.0.0.1', 'localhost', '[::1]']

/** A parsed URL as a base URL (without a trailing slash), or why it cannot be one. */
const asBaseUrl = (url: URL): E.Either<string, string> =>
  url.username !== '' || url.password !== ''
    ? left('the base URL must not carry user info')
    : url.search !== '' || url.hash !== ''
      ? left('the base URL must not carry a query or a fragment')
      : url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.includes(url.hostname))
        ? right(url.href.replace(/\/+$/, ''))
        : left('the base URL must use https (plain http is allowed only to 127.0.0.1, localhost or [::1])')

/**
 * Checks a base URL: `https`, or `http` to a loopback host (`127.0.0.1`, `localhost`, `[::1]`); no user info,
 * query or fragment. Returns it without a trailing slash, or the reason it is refused.
 *
 * @internal
 * @example
 * checkBaseUrl('https://api.contactlab.it/hub/v1/') // right('https://api.contactlab.it/hub/v1')
 *
 * @category utils
 * @since 0.1.0
 */
export const checkBaseUrl = (baseUrl: unknown): E.Either<string, string> => {
  if (typeof baseUrl !== 'string') return left('the base URL must be a string')
  let result = baseUrlCache.get(baseUrl)
  if (result !== undefined) return result
  let url: URL | undefined
  try {
    url = new URL(baseUrl)
  } catch {
    // not a URL: refused below
  }
  result = url === undefined ? left('the base URL is not a valid absolute URL') : asBaseUrl(url)
  // Bounded: a program uses a handful of base URLs; past 64 distinct ones, results are not kept.
  if (baseUrlCache.size < 64) baseUrlCache.set(baseUrl, result)
  return result
}

/**
 * Derives the context of one node from a workspace.
 *
 * @example
 * const ctx = getNode({ workspaceId: 'w', token: process.env.TOKEN! }, 'node-id')
 *
 * @category constructors
 * @since 0.1.0
 */
export const getNode = (workspace: Workspace, nodeId: string): Context => ({ ...workspace, nodeId })
