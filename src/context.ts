/**
 * The context: a plain, readonly object that carries the workspace, the node, the token and the transport settings.
 * Users may write it literally; nothing in it is mutated.
 *
 * @since 0.1.0
 */

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
 * Derives the context of one node from a workspace.
 *
 * @example
 * const ctx = getNode({ workspaceId: 'w', token: process.env.TOKEN! }, 'node-id')
 *
 * @category constructors
 * @since 0.1.0
 */
export const getNode = (workspace: Workspace, nodeId: string): Context => ({ ...workspace, nodeId })
