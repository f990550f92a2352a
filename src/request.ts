/**
 * The request core's facade: what operations import to send a request and decode its answer. It turns an
 * operation's description into a request, and everything that can go wrong (input, transport, timeout, abort,
 * status, size, JSON, shape) into a `ContacthubError`. Internal: operations use it; users do not need it.
 *
 * Each concern lives in a module of `http/` named for it: `url` (path and query), `headers`, `settings` (the
 * context's transport options, checked), `body` (reading under the cap, JSON), `redact` (the token out of what the
 * server said), `status-error` (the `HttpError` of a response), `failure` (transport failure or caller's bug),
 * `attempt` (one attempt, with its timeout), `retry` (the loop, backoff, `Retry-After`), `timer` (long waits),
 * `hooks` (calling `ctx.hooks`, safely).
 *
 * @since 0.1.0
 */
import { createFetch, type $Fetch } from 'ofetch'
import type * as t from '#io-ts/index'
import type { Either } from '#fp-ts/Either'
import type * as TE from '#fp-ts/TaskEither'
import { checkBaseUrl, DEFAULT_BASE_URL, type Workspace } from './context'
import { decodeError, invalidInput, networkError, type ContacthubError } from './error'
import { decodeWith } from './decode'
import type { Attempt } from './http/attempt'
import { left, right } from './either'
import { at, causeOf, guardFetch, notJson } from './http/failure'
import { buildHeaders, PlainHeaders } from './http/headers'
import { emit, timeOf } from './http/hooks'
import { redactText } from './http/redact'
import { retrying, type Tries } from './http/retry'
import { settingsOf } from './http/settings'
import { buildPath, buildQuery } from './http/url'

export { parseRetryAfter } from './http/retry'

/**
 * An HTTP method the API uses.
 *
 * @category model
 * @since 0.1.0
 */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * A query-string value; `undefined` and `null` leave the parameter out, an array repeats it.
 *
 * @category model
 * @since 0.1.0
 */
export type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number>

/**
 * The description of one request.
 *
 * @category model
 * @since 0.1.0
 */
export interface RequestSpec {
  /** The public operation's name, used in messages (`getCustomer`). */
  readonly operation: string
  readonly method: Method
  /** A path template under the base URL, e.g. `/workspaces/{workspaceId}/customers/{id}`. */
  readonly path: string
  /** Values of the template's parameters; `workspaceId` comes from the context. */
  readonly params?: Readonly<Record<string, unknown>>
  readonly query?: Readonly<Record<string, QueryValue>>
  /** A JSON body. */
  readonly body?: unknown
  /** Overrides whether repeating the request is harmless (default: GET and PUT are, others are not). */
  readonly idempotent?: boolean
}

/**
 * What a successful exchange gave: the status, the headers and the parsed JSON body (`undefined` when empty),
 * and where it was sent (`path` under the base URL, `where` = operation, method and path, for messages).
 *
 * @category model
 * @since 0.1.0
 */
export interface Reply {
  readonly status: number
  readonly headers: Headers
  readonly body: unknown
  readonly path: string
  readonly where: string
}

/**
 * Node's own fetch (undici): it frames a body by its `Content-Length` and shows every header (a browser hides
 * `Content-Encoding` from cross-origin code), so a declared length bounds what `res.text()` reads.
 */
const NODE_FETCH = typeof process === 'object' && typeof process?.versions?.node === 'string'

const fetchers = new WeakMap<object, $Fetch>()
const globalFetch: typeof fetch = (input, init) => globalThis.fetch(input, init)

/** One ofetch instance per fetch function (the global one by default), created on first use. */
const fetcherFor = (custom: typeof fetch = globalFetch): $Fetch => {
  let f = fetchers.get(custom)
  if (f === undefined) {
    // The runtime's own fetch takes the headers as a plain record; a custom fetch gets the `Headers` it may expect.
    const own = custom === globalFetch ? { Headers: PlainHeaders } : {}
    fetchers.set(custom, (f = createFetch({ fetch: guardFetch(custom), ...own })))
  }
  return f
}

/**
 * What the last-resort error can say (the resolved path once known, how many attempts were started), and, once the
 * input is accepted, how to tell the hooks that the call is done.
 */
interface Progress extends Tries {
  path: string
  done?: (tag?: ContacthubError['_tag']) => void
}

/** Numbers the calls of this process, for the hooks' `callId`. */
let calls = 0

const run = async (ws: Workspace, spec: RequestSpec, progress: Progress): Promise<Either<ContacthubError, Reply>> => {
  const { operation, method } = spec
  const refuse = (why: string): Either<ContacthubError, Reply> => left(invalidInput(`${operation}: ${why}.`))
  // The caller's input, checked in this order; the first reason to refuse it is the error.
  const s = settingsOf(ws)
  if (typeof s === 'string') return refuse(s)
  const base = checkBaseUrl(ws.baseUrl ?? DEFAULT_BASE_URL, ws.allowInsecureHttp === true)
  if (base._tag === 'Left') return refuse(base.left)
  const path = buildPath(spec.path, spec.params, ws.workspaceId)
  if (path._tag === 'Left') return refuse(path.left)
  const headers = buildHeaders(ws, spec.body !== undefined)
  if (typeof headers === 'string') return refuse(headers)
  let body: string | undefined
  try {
    body = spec.body === undefined ? undefined : JSON.stringify(spec.body)
  } catch {
    return refuse('the body cannot be serialised as JSON')
  }
  progress.path = path.right
  const callId = ++calls
  const { hooks, clock } = s
  // With no hook set, nothing is prepared for them (no event, no clock reading).
  if (hooks.onRequest || hooks.onResponse || hooks.onRetry || hooks.onDone) {
    // What every event of this call says; the path as errors have it, and never the token (even as an id).
    const call = { callId, operation, method, path: redactText(path.right, ws.token) }
    progress.hook = (name, extra) => emit(hooks, name, () => ({ ...call, attempt: progress.attempts, ...extra() }))
    const started = timeOf(clock)
    progress.done = (tag) => progress.hook?.('onDone', () => ({ durationMs: clock.now() - started, tag }))
  }
  const attempt: Attempt = {
    fetcher: fetcherFor(ws.fetch),
    url: `${base.right}${path.right}${buildQuery(spec.query)}`,
    method,
    headers,
    body,
    where: `${operation} ${method} ${path.right}`,
    path: path.right,
    baseUrl: base.right,
    timeout: s.timeout,
    limit: s.maxResponseBytes,
    signal: ws.signal,
    framed: NODE_FETCH && ws.fetch === undefined,
    secret: ws.token
  }
  const idempotent = spec.idempotent ?? (method === 'GET' || method === 'PUT')
  // A 429 is retried for every method (the request was not processed); other failures only when idempotent.
  // `return await`: V8 adopts a returned promise with two more microtask turns than it takes to await it.
  return await retrying(attempt, s, 1 + s.retries, progress, idempotent)
}

/** The context's token for redaction, read without trusting the context (a getter may throw). */
const tokenOf = (ws: unknown): string => {
  try {
    const token = (ws as Workspace).token
    return typeof token === 'string' ? token : ''
  } catch {
    return ''
  }
}

/**
 * Runs a request and turns its reply into the result with `then`; tells `onDone` how the call ended. Never rejects:
 * whatever a user's fetch, clock or context does, a last line of defence keeps what is known (the resolved path,
 * the attempts started).
 */
const exchange =
  <A>(
    ws: Workspace,
    spec: RequestSpec,
    then: (reply: Reply) => Either<ContacthubError, A>
  ): TE.TaskEither<ContacthubError, A> =>
  async () => {
    const progress: Progress = { path: spec.path, attempts: 0 }
    let result: Either<ContacthubError, A>
    try {
      const reply = await run(ws, spec, progress)
      result = reply._tag === 'Left' ? reply : then(reply.right)
    } catch (e) {
      const { method } = spec
      const { path, attempts } = progress
      result = left(
        networkError(
          at({ where: `${spec.operation} ${method} ${path}`, method, path }, 'failed unexpectedly', {
            ...(attempts > 0 ? { attempts } : {}),
            cause: causeOf(e, tokenOf(ws))
          })
        )
      )
    }
    progress.done?.(result._tag === 'Left' ? result.left._tag : undefined)
    return result
  }

/**
 * Sends a request and returns the status, headers and parsed JSON body of a 2xx answer. Retries idempotent requests
 * on transient failures; never throws.
 *
 * @category utils
 * @since 0.1.0
 */
export const send = (ws: Workspace, spec: RequestSpec): TE.TaskEither<ContacthubError, Reply> =>
  exchange(ws, spec, right)

/**
 * Sends a request and decodes its body with `decoder`; a missing or mis-shaped body is a `DecodeError` whose
 * messages are bounded (at most 100, then a count) and token-free.
 *
 * @category utils
 * @since 0.1.0
 */
export const request = <A>(
  ws: Workspace,
  spec: RequestSpec,
  decoder: t.Decoder<unknown, A>
): TE.TaskEither<ContacthubError, A> =>
  exchange(ws, spec, ({ status, body, path, where }) => {
    const t = { where, method: spec.method, path }
    if (body === undefined) return left(notJson(t, status, 'an empty body'))
    let decoded: Either<ReadonlyArray<string>, A>
    try {
      decoded = decodeWith(decoder, true, tokenOf(ws))(body)
    } catch {
      decoded = left(['(root): the body could not be decoded'])
    }
    return decoded._tag === 'Right'
      ? decoded
      : left(
          decodeError(
            at(t, `answered ${status} with a body that does not match the expected shape (${decoded.left[0] ?? ''})`, {
              errors: decoded.left,
              status
            })
          )
        )
  })

/**
 * Sends a request whose answer carries nothing the caller needs (an empty body or any JSON).
 *
 * @category utils
 * @since 0.1.0
 */
export const requestVoid = (ws: Workspace, spec: RequestSpec): TE.TaskEither<ContacthubError, void> =>
  exchange(ws, spec, () => right(undefined))
