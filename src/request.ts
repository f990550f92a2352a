/**
 * The one module that talks to the network (through ofetch). It turns an operation's description into a request,
 * and everything that can go wrong (input, transport, timeout, abort, status, size, JSON, shape) into a
 * `ContacthubError`. Internal: operations use it; users do not need it.
 *
 * ofetch's own `timeout` stops at the headers and, with its `retry`, aborts every later attempt, so this module
 * owns the loop: a fresh timeout per attempt that also covers the body, full-jitter backoff, `Retry-After`.
 *
 * @since 0.1.0
 */
import { createFetch, type $Fetch } from 'ofetch'
import type * as t from '#io-ts/index'
import * as E from '#fp-ts/Either'
import type * as TE from '#fp-ts/TaskEither'
import { DEFAULT_BASE_URL, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS, type Clock, type Workspace } from './context'
import type { ContacthubError } from './error'
import { decodeWith } from './decode'

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

// Defaults of RetryOptions (see context.ts): retries, baseDelayMs, maxDelayMs, maxRetryAfterMs.
const RETRIES = 2
const BASE_DELAY_MS = 200
const MAX_DELAY_MS = 5_000
const MAX_RETRY_AFTER_MS = 30_000

const RETRY_STATUSES: ReadonlyArray<number> = [408, 429, 500, 502, 503, 504]

const defaultSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done)
  })

const clockOf = (ws: Workspace): Clock => ({
  now: Date.now,
  sleep: defaultSleep,
  random: Math.random,
  ...ws.clock
})

const baseUrlCache = new Map<string, E.Either<string, string>>()

/**
 * Checks a base URL: `https`, or `http` to a loopback host (`127.0.0.1`, `localhost`, `[::1]`); no user info,
 * query or fragment. Returns it without a trailing slash, or the reason it is refused.
 *
 * @category utils
 * @since 0.1.0
 */
export const checkBaseUrl = (baseUrl: unknown): E.Either<string, string> => {
  if (typeof baseUrl !== 'string') return E.left('the base URL must be a string')
  let result = baseUrlCache.get(baseUrl)
  if (result !== undefined) return result
  let url: URL | undefined
  try {
    url = new URL(baseUrl)
  } catch {
    // not a URL: refused below
  }
  result = E.left(
    url === undefined
      ? 'the base URL is not a valid absolute URL'
      : url.username !== '' || url.password !== ''
        ? 'the base URL must not carry user info'
        : url.search !== '' || url.hash !== ''
          ? 'the base URL must not carry a query or a fragment'
          : 'the base URL must use https (plain http is allowed only to 127.0.0.1, localhost or [::1])'
  )
  if (
    url !== undefined &&
    url.username === '' &&
    url.password === '' &&
    url.search === '' &&
    url.hash === '' &&
    (url.protocol === 'https:' ||
      (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)))
  )
    result = E.right(url.href.replace(/\/+$/, ''))
  if (baseUrlCache.size < 64) baseUrlCache.set(baseUrl, result)
  return result
}

/** Fills a path template; every parameter is checked and encoded into exactly one segment. */
const buildPath = (spec: RequestSpec, workspaceId: unknown): E.Either<string, string> => {
  let failure: string | undefined
  const path = spec.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = name === 'workspaceId' ? workspaceId : spec.params?.[name]
    if (typeof value !== 'string') failure ??= `${name} must be a string, got ${value === null ? 'null' : typeof value}`
    else if (value.trim() === '' || value === '.' || value === '..')
      failure ??= `${name} must be a non-empty id other than "." and "..", got ${JSON.stringify(value)}`
    else if (value.length > 1024) failure ??= `${name} is longer than 1024 characters`
    else
      try {
        return encodeURIComponent(value)
      } catch {
        failure ??= `${name} is not well-formed Unicode (it holds a lone surrogate)`
      }
    return ''
  })
  return failure === undefined ? E.right(path) : E.left(failure)
}

const buildQuery = (query: RequestSpec['query']): string => {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {}))
    for (const v of Array.isArray(value) ? (value as ReadonlyArray<string | number>) : [value])
      if (v !== undefined && v !== null) params.append(key, String(v))
  const s = params.toString()
  return s === '' ? '' : `?${s}`
}

const UNSENDABLE = /[^\t\x20-\x7e\x80-\xff]/

const buildHeaders = (ws: Workspace, hasBody: boolean): E.Either<string, Record<string, string>> => {
  if (typeof ws.token !== 'string' || ws.token === '') return E.left('the token must be a non-empty string')
  if (UNSENDABLE.test(ws.token)) return E.left('the token contains characters that cannot be sent in a header')
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(ws.headers ?? {})) {
    if (typeof value !== 'string' || !/^[\w!#$%&'*+.^`|~-]+$/.test(name) || UNSENDABLE.test(value))
      return E.left(`the header ${JSON.stringify(name).slice(0, 60)} is not a valid header`)
    if (!/^(authorization|content-length|host)$/i.test(name)) headers[name.toLowerCase()] = value
  }
  headers.accept = 'application/json'
  if (hasBody) headers['content-type'] = 'application/json'
  headers.authorization = `Bearer ${ws.token}`
  return E.right(headers)
}

const fetchers = new WeakMap<object, $Fetch>()
const globalFetch: typeof fetch = (input, init) => globalThis.fetch(input, init)

const fetcherFor = (custom: typeof fetch = globalFetch): $Fetch => {
  let f = fetchers.get(custom)
  if (f === undefined) fetchers.set(custom, (f = createFetch({ fetch: custom })))
  return f
}

/**
 * Parses `Retry-After` (delay-seconds, or an IMF-fixdate such as `Sun, 06 Nov 1994 08:49:37 GMT`) into
 * milliseconds from `now`; `undefined` when absent or unparsable.
 *
 * @category utils
 * @since 0.1.0
 */
export const parseRetryAfter = (value: string | null, now: number): number | undefined => {
  const v = value?.trim() ?? ''
  if (/^\d+$/.test(v)) return Number(v) * 1000
  if (!/^[A-Za-z]{3}, \d\d [A-Za-z]{3} \d{4} \d\d:\d\d:\d\d GMT$/.test(v)) return undefined
  const at = Date.parse(v)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

/** The outcome of one attempt: a reply, or an error that may be worth repeating (`transient`). */
type Outcome =
  | { readonly reply: Reply; readonly error?: undefined }
  | { readonly error: ContacthubError; readonly transient?: boolean; readonly retryAfterMs?: number }

/** Drops `__proto__` keys: io-ts copies objects by assignment, which would turn such a key into a prototype. */
const dropProto = (key: string, value: unknown): unknown => (key === '__proto__' ? undefined : value)

/**
 * Whether a body may hold a `__proto__` key, literally or through `\u` escapes. The reviver that drops such keys
 * makes JSON.parse about three times slower, so it runs only then. (`_proto` is searched for rather than
 * `__proto__`: V8 finds it some twenty times faster, measured on a 212 KB page.)
 */
const suspicious = (text: string): boolean => text.includes('_proto') || text.includes('\\u')

const parseJson = (text: string): E.Either<string, unknown> => {
  try {
    return E.right(suspicious(text) ? JSON.parse(text, dropProto) : JSON.parse(text))
  } catch {
    return E.left(text.trimStart().startsWith('<') ? 'an HTML page' : 'text that is not valid JSON')
  }
}

/** Reads a body up to `limit` bytes; `undefined` when it is larger (the rest is not read). */
const readBody = async (res: Response, limit: number, stop: Promise<never>): Promise<string | undefined> => {
  if (Number(res.headers.get('content-length')) > limit) {
    void res.body?.cancel().catch(() => undefined)
    return undefined
  }
  if (res.body === null) return ''
  const reader = res.body.getReader()
  const chunks: Array<Uint8Array> = []
  let total = 0
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), stop])
      if (done) break
      total += value.byteLength
      if (total > limit) return undefined
      chunks.push(value)
    }
  } finally {
    // Past the cap, or on a failure, the rest is not read; after the end this does nothing.
    void reader.cancel().catch(() => undefined)
  }
  const all = chunks.length === 1 ? chunks[0] : new Uint8Array(total)
  if (chunks.length !== 1) chunks.reduce((offset, c) => (all.set(c, offset), offset + c.byteLength), 0)
  return new TextDecoder().decode(all)
}

/**
 * A deep copy of a JSON value with the token replaced in every string and key. Error paths use it, so that a server
 * or proxy that echoes the request cannot put the token into an error (before any message is clipped).
 */
const redact = (u: unknown, secret: string): unknown => {
  if (typeof u === 'string') return u.split(secret).join('[redacted]')
  if (Array.isArray(u)) return u.map((v) => redact(v, secret))
  if (typeof u !== 'object' || u === null) return u
  const out = {}
  for (const [k, v] of Object.entries(u))
    Object.defineProperty(out, redact(k, secret) as string, {
      value: redact(v, secret),
      enumerable: true,
      writable: true,
      configurable: true
    })
  return out
}

const field = (body: unknown, key: string): unknown =>
  typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined

/** An `HttpError` from a non-2xx answer: the API's own fields when its body has them, a useful message when not. */
const httpError = (res: Response, a: Attempt, raw: string | undefined): ContacthubError => {
  const { where, method, path, secret } = a
  const text = raw === undefined ? undefined : (redact(raw, secret) as string)
  const parsed =
    text === undefined || text === ''
      ? E.left(text === undefined ? 'a body too large to read' : 'an empty body')
      : parseJson(text)
  const body = E.isRight(parsed) ? redact(parsed.right, secret) : undefined
  const said = [field(body, 'message'), field(body, 'error')].find(
    (m): m is string => typeof m === 'string' && m.trim() !== ''
  )
  const type = res.headers.get('content-type')
  let detail = said?.trim() ?? (E.isRight(parsed) ? 'a JSON body with no message' : parsed.left)
  if (said === undefined && E.isLeft(parsed) && text !== undefined && text !== '' && type !== null)
    detail += ` (${type.split(';')[0]})`
  detail = detail.replace(/[\r\n]+/g, ' ')
  if (detail.length > 300) detail = `${detail.slice(0, 297)}...`
  const { logref, errors, data } = (body ?? {}) as Record<string, unknown>
  return {
    _tag: 'HttpError',
    status: res.status,
    message: `${where} failed with ${res.status}${res.statusText === '' ? '' : ` ${redact(res.statusText, secret) as string}`}: ${detail}${/[.!?]$/.test(detail) ? '' : '.'}`,
    method,
    path,
    ...(typeof logref === 'string' ? { logref } : {}),
    ...(Array.isArray(errors) ? { errors } : {}),
    ...(data !== undefined ? { data } : {})
  }
}

interface Attempt {
  readonly fetcher: $Fetch
  readonly url: string
  readonly method: Method
  readonly headers: Record<string, string>
  readonly body: string | undefined
  readonly where: string
  readonly path: string
  readonly timeout: number
  readonly limit: number
  readonly signal: AbortSignal | undefined
  readonly now: () => number
  /** The token, to keep it out of errors built from what the server said. */
  readonly secret: string
}

const attemptOnce = async (a: Attempt): Promise<Outcome> => {
  const { method, path, where } = a
  const controller = new AbortController()
  let cause: 'timeout' | 'abort' | undefined
  let rejectStop: (e: Error) => void = () => undefined
  const stop = new Promise<never>((_, reject) => (rejectStop = reject))
  stop.catch(() => undefined)
  const fire = (why: 'timeout' | 'abort'): void => {
    if (cause !== undefined) return
    cause = why
    controller.abort()
    rejectStop(new Error(why))
  }
  const onAbort = (): void => fire('abort')
  const timer = setTimeout(() => fire('timeout'), a.timeout)
  if (a.signal?.aborted) fire('abort')
  a.signal?.addEventListener('abort', onAbort)
  /** A failure of the transport: the caller's abort, the attempt's timeout, or the network. */
  const lost = (what: string): Outcome =>
    cause === 'abort'
      ? { error: { _tag: 'AbortError', message: `${where} was aborted by the caller.`, method, path } }
      : {
          error:
            cause === 'timeout'
              ? {
                  _tag: 'TimeoutError',
                  message: `${where} timed out after ${a.timeout} ms.`,
                  method,
                  path,
                  timeout: a.timeout
                }
              : { _tag: 'NetworkError', message: `${where} ${what}.`, method, path },
          transient: true
        }
  const notJson = (status: number, what: string): Outcome => ({
    error: {
      _tag: 'DecodeError',
      message: `${where} answered ${status} with ${what} where JSON was expected.`,
      errors: [`(root): expected JSON, got ${what}`],
      method,
      path,
      status
    }
  })
  try {
    let res: Response
    try {
      res = await Promise.race([
        a.fetcher.raw(a.url, {
          method,
          headers: a.headers,
          body: a.body,
          signal: controller.signal,
          retry: false,
          redirect: 'manual',
          ignoreResponseError: true,
          responseType: 'stream'
        }),
        stop
      ])
    } catch {
      return lost('could not reach the server or lost the connection')
    }
    const status = res.status
    if (res.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
      void res.body?.cancel().catch(() => undefined)
      return {
        error: {
          _tag: 'HttpError',
          status,
          message: `${where} was answered with a redirect (${status || 'opaque'}), which is not followed.`,
          method,
          path
        }
      }
    }
    let text: string | undefined
    try {
      text = await readBody(res, a.limit, stop)
    } catch {
      return lost('lost the connection while reading the response')
    }
    if (status < 200 || status >= 300)
      return {
        error: httpError(res, a, text),
        transient: RETRY_STATUSES.includes(status),
        retryAfterMs: parseRetryAfter(res.headers.get('retry-after'), a.now())
      }
    if (text === undefined)
      return {
        error: {
          _tag: 'ResponseTooLarge',
          message: `${where} answered with more than ${a.limit} bytes, which were not read.`,
          limit: a.limit,
          method,
          path
        }
      }
    const reply = { status, headers: res.headers, path, where }
    if (text.trim() === '') return { reply: { ...reply, body: undefined } }
    if (/html/i.test(res.headers.get('content-type') ?? '')) return notJson(status, 'an HTML page')
    const json = parseJson(text)
    return E.isLeft(json) ? notJson(status, json.left) : { reply: { ...reply, body: json.right } }
  } finally {
    clearTimeout(timer)
    a.signal?.removeEventListener('abort', onAbort)
  }
}

const withAttempts = (error: ContacthubError, attempts: number, suffix = ''): ContacthubError =>
  error._tag === 'HttpError' || error._tag === 'NetworkError' || error._tag === 'TimeoutError'
    ? { ...error, attempts, message: suffix === '' ? error.message : `${error.message.slice(0, -1)}${suffix}` }
    : error

const option = (n: unknown, fallback: number): number =>
  typeof n === 'number' && n >= 0 && n < Infinity ? n : fallback

const run = async (ws: Workspace, spec: RequestSpec): Promise<E.Either<ContacthubError, Reply>> => {
  const base = checkBaseUrl(ws.baseUrl ?? DEFAULT_BASE_URL)
  const path = buildPath(spec, ws.workspaceId)
  const headers = buildHeaders(ws, spec.body !== undefined)
  const body =
    spec.body === undefined
      ? E.right(undefined)
      : E.tryCatch(
          () => JSON.stringify(spec.body),
          () => 'the body cannot be serialised as JSON'
        )
  const invalid = [base, path, headers, body].find(E.isLeft)
  if (invalid !== undefined || E.isLeft(base) || E.isLeft(path) || E.isLeft(headers) || E.isLeft(body))
    return E.left({ _tag: 'InvalidInput', message: `${spec.operation}: ${invalid?.left ?? 'invalid input'}.` })
  const where = `${spec.operation} ${spec.method} ${path.right}`
  const clock = clockOf(ws)
  const retry = ws.retry === false ? undefined : ws.retry
  const idempotent = spec.idempotent ?? (spec.method === 'GET' || spec.method === 'PUT')
  const maxAttempts = ws.retry === false || !idempotent ? 1 : 1 + Math.floor(option(retry?.retries, RETRIES))
  const attempt: Attempt = {
    fetcher: fetcherFor(ws.fetch),
    url: `${base.right}${path.right}${buildQuery(spec.query)}`,
    method: spec.method,
    headers: headers.right,
    body: body.right,
    where,
    path: path.right,
    timeout: option(ws.timeout, DEFAULT_TIMEOUT_MS),
    limit: option(ws.maxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES),
    signal: ws.signal,
    now: clock.now,
    secret: ws.token
  }
  for (let n = 1; ; n++) {
    if (ws.signal?.aborted === true)
      return E.left({
        _tag: 'AbortError',
        message: `${where} was aborted by the caller.`,
        method: spec.method,
        path: path.right
      })
    const outcome = await attemptOnce(attempt)
    if (outcome.error === undefined) return E.right(outcome.reply)
    if (outcome.transient !== true || n >= maxAttempts) return E.left(withAttempts(outcome.error, n))
    let delay = outcome.retryAfterMs
    if (delay !== undefined && delay > option(retry?.maxRetryAfterMs, MAX_RETRY_AFTER_MS))
      return E.left(withAttempts(outcome.error, n, ', and its Retry-After is longer than the client waits.'))
    delay ??= Math.floor(
      clock.random() *
        Math.min(option(retry?.maxDelayMs, MAX_DELAY_MS), option(retry?.baseDelayMs, BASE_DELAY_MS) * 2 ** (n - 1))
    )
    if (delay > 0) await clock.sleep(delay, ws.signal).catch(() => undefined)
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
  () =>
    // A last line of defence: nothing exported may reject, whatever a user's fetch, clock or context does.
    run(ws, spec).catch(() =>
      E.left({
        _tag: 'NetworkError',
        message: `${spec.operation} failed unexpectedly.`,
        method: spec.method,
        path: spec.path
      })
    )

/**
 * Sends a request and decodes its body with `decoder`; a missing or mis-shaped body is a `DecodeError`.
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
    const decoded =
      body === undefined ? E.left(['(root): expected JSON, got an empty body']) : decodeWith(decoder, true)(body)
    if (E.isRight(decoded)) return decoded
    // Messages quote the values they refuse: build them from a copy without the token.
    const redacted = body === undefined ? decoded : decodeWith(decoder)(redact(body, ws.token))
    const errors = (E.isLeft(redacted) ? redacted.left : decoded.left).map((e) => redact(e, ws.token) as string)
    return E.left({
      _tag: 'DecodeError',
      message:
        body === undefined
          ? `${where} answered ${status} with an empty body where JSON was expected.`
          : `${where} answered ${status} with a body that does not match the expected shape (${errors[0]}).`,
      errors,
      method: spec.method,
      path,
      status
    })
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
