/**
 * The request core's facade: what operations import to send a request and decode its answer. It turns an
 * operation's description into a request, and everything that can go wrong (input, transport, timeout, abort,
 * status, size, JSON, shape) into a `ContacthubError`. Internal: operations use it; users do not need it.
 *
 * Each concern lives in a module of `http/` named for it: `url` (path and query), `headers`, `settings` (the
 * context's transport options, checked), `body` (reading under the cap, JSON), `redact` (the token out of what the
 * server said), `status-error` (the `HttpError` of a response), `failure` (transport failure or caller's bug),
 * `attempt` (one attempt, with its timeout), `retry` (the loop, backoff, `Retry-After`), `timer` (long waits).
 *
 * @since 0.1.0
 */
import { createFetch, type $Fetch } from 'ofetch'
import type * as t from '#io-ts/index'
import * as E from '#fp-ts/Either'
import type * as TE from '#fp-ts/TaskEither'
import { checkBaseUrl, DEFAULT_BASE_URL, type Workspace } from './context'
import { decodeError, invalidInput, networkError, type ContacthubError } from './error'
import { decodeWith } from './decode'
import type { Attempt } from './http/attempt'
import { causeOf, guardFetch } from './http/failure'
import { buildHeaders } from './http/headers'
import { retrying } from './http/retry'
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

const fetchers = new WeakMap<object, $Fetch>()
const globalFetch: typeof fetch = (input, init) => globalThis.fetch(input, init)

/** One ofetch instance per fetch function (the global one by default), created on first use. */
const fetcherFor = (custom: typeof fetch = globalFetch): $Fetch => {
  let f = fetchers.get(custom)
  if (f === undefined) fetchers.set(custom, (f = createFetch({ fetch: guardFetch(custom) })))
  return f
}

/** What the last-resort error can say: the resolved path once known, and how many attempts were started. */
interface Progress {
  path: string
  attempts: number
}

const run = async (ws: Workspace, spec: RequestSpec, progress: Progress): Promise<E.Either<ContacthubError, Reply>> => {
  const settings = settingsOf(ws)
  if (E.isLeft(settings)) return E.left(invalidInput(`${spec.operation}: ${settings.left}.`))
  const checked = checkInput(ws, spec)
  if (E.isLeft(checked)) return E.left(invalidInput(`${spec.operation}: ${checked.left}.`))
  const { base, path, headers, body } = checked.right
  progress.path = path
  const s = settings.right
  const idempotent = spec.idempotent ?? (spec.method === 'GET' || spec.method === 'PUT')
  const attempt: Attempt = {
    fetcher: fetcherFor(ws.fetch),
    url: `${base}${path}${buildQuery(spec.query)}`,
    method: spec.method,
    headers,
    body,
    where: `${spec.operation} ${spec.method} ${path}`,
    path,
    baseUrl: base,
    timeout: s.timeout,
    limit: s.limit,
    signal: ws.signal,
    now: s.clock.now,
    secret: ws.token
  }
  return retrying(attempt, s, idempotent ? 1 + s.retries : 1, progress)
}

interface Input {
  readonly base: string
  readonly path: string
  readonly headers: Record<string, string>
  readonly body: string | undefined
}

/** The caller's input, checked: base URL, path, headers and body, or the first reason to refuse it. */
const checkInput = (ws: Workspace, spec: RequestSpec): E.Either<string, Input> => {
  const base = checkBaseUrl(ws.baseUrl ?? DEFAULT_BASE_URL)
  if (E.isLeft(base)) return base
  const path = buildPath(spec.path, spec.params, ws.workspaceId)
  if (E.isLeft(path)) return path
  const headers = buildHeaders(ws, spec.body !== undefined)
  if (E.isLeft(headers)) return headers
  let body: string | undefined
  try {
    body = spec.body === undefined ? undefined : JSON.stringify(spec.body)
  } catch {
    return E.left('the body cannot be serialised as JSON')
  }
  return E.right({ base: base.right, path: path.right, headers: headers.right, body })
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
 * Sends a request and returns the status, headers and parsed JSON body of a 2xx answer. Retries idempotent requests
 * on transient failures; never throws.
 *
 * @category utils
 * @since 0.1.0
 */
export const send =
  (ws: Workspace, spec: RequestSpec): TE.TaskEither<ContacthubError, Reply> =>
  () => {
    const progress: Progress = { path: spec.path, attempts: 0 }
    // A last line of defence: nothing exported may reject, whatever a user's fetch, clock or context does. It
    // keeps what is known: the resolved path and the attempts started.
    return run(ws, spec, progress).catch((e: unknown) =>
      E.left(
        networkError({
          message: `${spec.operation} ${spec.method} ${progress.path} failed unexpectedly.`,
          method: spec.method,
          path: progress.path,
          ...(progress.attempts > 0 ? { attempts: progress.attempts } : {}),
          cause: causeOf(e, tokenOf(ws))
        })
      )
    )
  }

/**
 * Sends a request and decodes its body with `decoder`; a missing or mis-shaped body is a `DecodeError` whose
 * messages are bounded (at most 100, then a count) and token-free.
 *
 * @category utils
 * @since 0.1.0
 */
export const request =
  <A>(ws: Workspace, spec: RequestSpec, decoder: t.Decoder<unknown, A>): TE.TaskEither<ContacthubError, A> =>
  async () => {
    const reply = await send(ws, spec)()
    if (E.isLeft(reply)) return reply
    const { status, body, path, where } = reply.right
    const fail = (message: string, errors: ReadonlyArray<string>): E.Either<ContacthubError, A> =>
      E.left(decodeError({ message, errors, method: spec.method, path, status }))
    if (body === undefined)
      return fail(`${where} answered ${status} with an empty body where JSON was expected.`, [
        '(root): expected JSON, got an empty body'
      ])
    let decoded: E.Either<ReadonlyArray<string>, A>
    try {
      decoded = decodeWith(decoder, true, tokenOf(ws))(body)
    } catch {
      decoded = E.left(['(root): the body could not be decoded'])
    }
    return E.isRight(decoded)
      ? decoded
      : fail(
          `${where} answered ${status} with a body that does not match the expected shape (${decoded.left[0] ?? ''}).`,
          decoded.left
        )
  }

/**
 * Sends a request whose answer carries nothing the caller needs (an empty body or any JSON).
 *
 * @category utils
 * @since 0.1.0
 */
export const requestVoid =
  (ws: Workspace, spec: RequestSpec): TE.TaskEither<ContacthubError, void> =>
  async () => {
    const reply = await send(ws, spec)()
    return E.isLeft(reply) ? reply : E.right(undefined)
  }
