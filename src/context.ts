/**
 * The context: a plain, readonly object that carries the workspace, the node, the token and the transport settings.
 * Users may write it literally; nothing in it is mutated.
 *
 * @since 0.1.0
 */
import type * as E from '#fp-ts/Either'
import { left, right } from './either'
import type { ContacthubError } from './error'
import type { Method } from './request'
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
 * What every hook is told about a request: which call, which operation, where, which attempt. Never the token and
 * never a header: events carry nothing else.
 *
 * @category model
 * @since 0.2.0
 */
export interface RequestEvent {
  /** Numbers the calls of this process: the same in every event of one call, to tell concurrent calls apart. */
  readonly callId: number
  /** The public operation's name (`getCustomer`). */
  readonly operation: string
  readonly method: Method
  /** The path under the base URL, ids encoded, without the query string (as in errors). */
  readonly path: string
  /** 1 for the first request, 2 for the first retry... In `onDone`: how many attempts were started. */
  readonly attempt: number
}

/**
 * An answer arrived (any status, a 4xx or 5xx too): its status and how long the attempt took, body included.
 *
 * @category model
 * @since 0.2.0
 */
export interface ResponseEvent extends RequestEvent {
  readonly status: number
  /** Milliseconds from sending the request to reading its body, by `ctx.clock.now`. */
  readonly durationMs: number
}

/**
 * An attempt failed and another follows after `delayMs`; `tag` is the failed attempt's error (`HttpError` for a
 * 503, `NetworkError`, `TimeoutError`).
 *
 * @category model
 * @since 0.2.0
 */
export interface RetryEvent extends RequestEvent {
  readonly tag: ContacthubError['_tag']
  readonly delayMs: number
}

/**
 * A call ended: after its last attempt and the decoding of its answer. `tag` is the error's when it failed (any
 * failure: HTTP status, network, timeout, abort, size, decoding), `undefined` when it succeeded.
 *
 * @category model
 * @since 0.2.0
 */
export interface DoneEvent extends RequestEvent {
  readonly tag?: ContacthubError['_tag']
  /** Milliseconds of the whole call, retries and backoff included, by `ctx.clock.now`. */
  readonly durationMs: number
}

/**
 * Functions called as a request goes (`ctx.hooks`), for logs and metrics: `onRequest` before every attempt,
 * `onResponse` when an answer arrives, `onRetry` before waiting for the next attempt, `onDone` once when the call
 * ends, successful or not. An input refused before anything is sent calls no hook. A hook's result is ignored: a
 * hook that throws, or returns a promise that rejects, changes nothing in the call; a promise is not awaited.
 *
 * @example
 * const logged: Context = { ...ctx, hooks: { onDone: (e) => console.log(e.operation, e.tag ?? 'ok', e.durationMs) } }
 *
 * @category model
 * @since 0.2.0
 */
export interface Hooks {
  readonly onRequest?: (event: RequestEvent) => unknown
  readonly onResponse?: (event: ResponseEvent) => unknown
  readonly onRetry?: (event: RetryEvent) => unknown
  readonly onDone?: (event: DoneEvent) => unknown
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
  /** Default `https://api.contactlab.it/hub/v1`. Must be `https`, or `http` to a loopback host (any host with
   * `allowInsecureHttp`). */
  readonly baseUrl?: string
  /** `true` allows a plain `http` base URL to any host (an emulator in another container); default: loopback only. */
  readonly allowInsecureHttp?: boolean
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
  /** Called as requests go, for logs and metrics; see `Hooks`. */
  readonly hooks?: Hooks
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
const asBaseUrl = (url: URL, insecure: boolean): E.Either<string, string> =>
  url.username !== '' || url.password !== ''
    ? left('the base URL must not carry user info')
    : url.search !== '' || url.hash !== ''
      ? left('the base URL must not carry a query or a fragment')
      : url.protocol === 'https:' || (url.protocol === 'http:' && (insecure || LOOPBACK.includes(url.hostname)))
        ? right(url.href.replace(/\/+$/, ''))
        : left(
            'the base URL must use https (plain http is allowed only to 127.0.0.1, localhost or [::1], or with ctx.allowInsecureHttp)'
          )

/**
 * Checks a base URL: `https`, or `http` to a loopback host (`127.0.0.1`, `localhost`, `[::1]`), or to any host when
 * `insecure` (`ctx.allowInsecureHttp`); no user info, query or fragment. Returns it without a trailing slash, or the
 * reason it is refused.
 *
 * @internal
 * @example
 * checkBaseUrl('https://api.contactlab.it/hub/v1/') // right('https://api.contactlab.it/hub/v1')
 *
 * @category utils
 * @since 0.1.0
 */
export const checkBaseUrl = (baseUrl: unknown, insecure = false): E.Either<string, string> => {
  if (typeof baseUrl !== 'string') return left('the base URL must be a string')
  // The flag is the key's first character: no base URL can be mistaken for another with the other flag.
  const key = `${+insecure}${baseUrl}`
  let result = baseUrlCache.get(key)
  if (result !== undefined) return result
  let url: URL | undefined
  try {
    url = new URL(baseUrl)
  } catch {
    // not a URL: refused below
  }
  result = url === undefined ? left('the base URL is not a valid absolute URL') : asBaseUrl(url, insecure)
  // Bounded: a program uses a handful of base URLs; past 64 distinct ones, results are not kept.
  if (baseUrlCache.size < 64) baseUrlCache.set(key, result)
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
