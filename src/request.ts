/**
 * The one module that talks to the network (through ofetch). It turns an operation's description into a request,
 * and everything that can go wrong (input, transport, timeout, abort, status, size, JSON, shape) into a
 * `ContacthubError`. Internal: operations use it; users do not need it.
 *
 * @since 0.1.0
 */
import { createFetch, type $Fetch } from 'ofetch'
import type * as t from '#io-ts/index'
import * as E from '#fp-ts/Either'
import type * as TE from '#fp-ts/TaskEither'
import {
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT_MS,
  type Clock,
  type RetryOptions,
  type Workspace
} from './context'
import type { ContacthubError, HttpError } from './error'
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
 * What a successful exchange gave: the status, the headers and the parsed JSON body (`undefined` when empty).
 *
 * @category model
 * @since 0.1.0
 */
export interface Reply {
  readonly status: number
  readonly headers: Headers
  readonly body: unknown
}

const DEFAULT_RETRY: Required<RetryOptions> = {
  retries: 2,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 30_000
}

const RETRY_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504])

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

const defaultSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const done = (): void => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, Math.max(0, ms))
    signal?.addEventListener('abort', done)
  })

const realClock: Clock = { now: () => Date.now(), sleep: defaultSleep, random: () => Math.random() }

/** @internal */
export const clockOf = (ws: Workspace): Clock =>
  ws.clock === undefined ? realClock : { ...realClock, ...ws.clock }

const baseUrlCache = new Map<string, E.Either<string, string>>()

/**
 * Checks a base URL: `https`, or `http` to a loopback host; no user info, query or fragment.
 * Returns it without a trailing slash, or the reason it is refused.
 *
 * @category utils
 * @since 0.1.0
 */
export const checkBaseUrl = (baseUrl: unknown): E.Either<string, string> => {
  if (typeof baseUrl !== 'string') return E.left('the base URL must be a string')
  const cached = baseUrlCache.get(baseUrl)
  if (cached !== undefined) return cached
  let result: E.Either<string, string>
  let url: URL | undefined
  try {
    url = new URL(baseUrl)
  } catch {
    url = undefined
  }
  if (url === undefined) result = E.left('the base URL is not a valid absolute URL')
  else if (url.username !== '' || url.password !== '') result = E.left('the base URL must not carry user info')
  else if (url.search !== '' || url.hash !== '') result = E.left('the base URL must not carry a query or a fragment')
  else if (url.protocol === 'https:') result = E.right(url.href.replace(/\/+$/, ''))
  else if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) result = E.right(url.href.replace(/\/+$/, ''))
  else result = E.left('the base URL must use https (plain http is allowed only to 127.0.0.1, localhost or [::1])')
  if (baseUrlCache.size < 64) baseUrlCache.set(baseUrl, result)
  return result
}

/**
 * Checks one path parameter and encodes it into exactly one path segment.
 *
 * @category utils
 * @since 0.1.0
 */
export const encodeSegment = (name: string, value: unknown): E.Either<string, string> => {
  if (typeof value !== 'string') return E.left(`${name} must be a string, got ${value === null ? 'null' : typeof value}`)
  if (value === '' || value === '.' || value === '..' || value.trim() === '')
    return E.left(`${name} must be a non-empty id other than "." and "..", got ${JSON.stringify(value)}`)
  if (value.length > 1024) return E.left(`${name} is longer than 1024 characters`)
  return E.right(encodeURIComponent(value))
}

const buildPath = (spec: RequestSpec, workspaceId: string): E.Either<string, string> => {
  let failure: string | undefined
  const path = spec.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = name === 'workspaceId' ? workspaceId : spec.params?.[name]
    const seg = encodeSegment(name, value)
    if (E.isLeft(seg)) {
      failure ??= seg.left
      return ''
    }
    return seg.right
  })
  return failure === undefined ? E.right(path) : E.left(failure)
}

const buildQuery = (query: RequestSpec['query']): string => {
  if (query === undefined) return ''
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue
    if (Array.isArray(value)) for (const v of value as ReadonlyArray<string | number>) params.append(key, String(v))
    else params.append(key, String(value))
  }
  const s = params.toString()
  return s === '' ? '' : `?${s}`
}

// eslint-disable-next-line no-control-regex
const BAD_HEADER_CHARS = /[\r\n\u0000]/

const buildHeaders = (ws: Workspace, hasBody: boolean): E.Either<string, Record<string, string>> => {
  if (typeof ws.token !== 'string' || ws.token === '') return E.left('the token must be a non-empty string')
  if (BAD_HEADER_CHARS.test(ws.token) || /[^\t\x20-\x7e\x80-\xff]/.test(ws.token))
    return E.left('the token contains characters that cannot be sent in a header')
  const headers: Record<string, string> = {}
  if (ws.headers !== undefined) {
    for (const [name, value] of Object.entries(ws.headers)) {
      if (typeof value !== 'string' || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || BAD_HEADER_CHARS.test(value))
        return E.left(`the header ${JSON.stringify(name).slice(0, 60)} is not a valid header`)
      const lower = name.toLowerCase()
      if (lower === 'authorization' || lower === 'content-length' || lower === 'host') continue
      headers[lower] = value
    }
  }
  headers['accept'] = 'application/json'
  if (hasBody) headers['content-type'] = 'application/json'
  headers['authorization'] = `Bearer ${ws.token}`
  return E.right(headers)
}

const fetchers = new WeakMap<typeof globalThis.fetch, $Fetch>()
let defaultFetcher: $Fetch | undefined

const fetcherFor = (custom: typeof globalThis.fetch | undefined): $Fetch => {
  if (custom === undefined) {
    defaultFetcher ??= createFetch({ fetch: (input, init) => globalThis.fetch(input, init) })
    return defaultFetcher
  }
  let f = fetchers.get(custom)
  if (f === undefined) {
    f = createFetch({ fetch: custom })
    fetchers.set(custom, f)
  }
  return f
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout'
}

const statusLabel = (status: number): string => {
  const text = STATUS_TEXT[status]
  return text === undefined ? String(status) : `${status} ${text}`
}

/** Parses `Retry-After` (delay-seconds or an HTTP date) into milliseconds; undefined when absent or unparsable. */
export const parseRetryAfter = (value: string | null, now: number): number | undefined => {
  if (value === null) return undefined
  const v = value.trim()
  if (/^\d+$/.test(v)) {
    const seconds = Number(v)
    return Number.isFinite(seconds) ? seconds * 1000 : undefined
  }
  // An HTTP date: IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), checked before it is handed to Date.parse.
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(v)) return undefined
  const at = Date.parse(v)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

type Outcome =
  | { readonly _tag: 'reply'; readonly reply: Reply }
  | {
      readonly _tag: 'failure'
      readonly error: ContacthubError
      /** The failure is transient: repeating an idempotent request may succeed. */
      readonly transient: boolean
      readonly retryAfterMs?: number
    }

const isJsonType = (contentType: string | null): boolean =>
  contentType === null || /json|^text\/plain|^application\/octet-stream/i.test(contentType)

/** Reads a body up to `limit` bytes; `undefined` when it is larger (the rest is not read). */
const readBody = async (res: Response, limit: number, stop: Promise<never>): Promise<string | undefined> => {
  const declared = res.headers.get('content-length')
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) {
    void res.body?.cancel().catch(() => undefined)
    return undefined
  }
  const body = res.body
  if (body === null) return ''
  const reader = body.getReader()
  const chunks: Array<Uint8Array> = []
  let total = 0
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), stop])
      if (done) break
      total += value.byteLength
      if (total > limit) {
        void reader.cancel().catch(() => undefined)
        return undefined
      }
      chunks.push(value)
    }
  } catch (e) {
    void reader.cancel().catch(() => undefined)
    throw e
  }
  if (chunks.length === 1) return new TextDecoder().decode(chunks[0])
  const all = new Uint8Array(total)
  let offset = 0
  for (const c of chunks) {
    all.set(c, offset)
    offset += c.byteLength
  }
  return new TextDecoder().decode(all)
}

const parseJson = (text: string): E.Either<string, unknown> => {
  try {
    return E.right(JSON.parse(text))
  } catch {
    return E.left(text.trimStart().startsWith('<') ? 'an HTML page' : 'text that is not valid JSON')
  }
}

const field = (body: unknown, key: string): unknown =>
  typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>)[key] : undefined

const httpError = (
  status: number,
  where: string,
  method: string,
  path: string,
  text: string | undefined,
  contentType: string | null
): HttpError => {
  const parsed = text === undefined || text === '' ? undefined : parseJson(text)
  const body = parsed !== undefined && E.isRight(parsed) ? parsed.right : undefined
  const apiMessage = field(body, 'message')
  const frameworkError = field(body, 'error')
  const logref = field(body, 'logref')
  const errors = field(body, 'errors')
  const data = field(body, 'data')
  const said =
    typeof apiMessage === 'string' && apiMessage.trim() !== ''
      ? apiMessage.trim()
      : typeof frameworkError === 'string' && frameworkError.trim() !== ''
        ? frameworkError.trim()
        : text === undefined
          ? 'a body too large to read'
          : text === ''
            ? 'an empty body'
            : body !== undefined
              ? 'a JSON body with no message'
              : `${parsed !== undefined && E.isLeft(parsed) ? parsed.left : 'a body'}${contentType === null ? '' : ` (${contentType.split(';')[0]})`}`
  const clipped = said.length > 300 ? `${said.slice(0, 297)}...` : said
  return {
    _tag: 'HttpError',
    status,
    message: `${where} failed with ${statusLabel(status)}: ${clipped.replace(/[\r\n]+/g, ' ')}${/[.!?]$/.test(clipped) ? '' : '.'}`,
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
}

const attemptOnce = async (a: Attempt): Promise<Outcome> => {
  const { method, path, where } = a
  const controller = new AbortController()
  let cause: 'timeout' | 'abort' | undefined
  let rejectStop: (e: unknown) => void = () => undefined
  const stop = new Promise<never>((_, reject) => {
    rejectStop = reject
  })
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
  else a.signal?.addEventListener('abort', onAbort)
  const failure = (error: ContacthubError, transient: boolean): Outcome => ({ _tag: 'failure', error, transient })
  const stopped = (): Outcome =>
    cause === 'abort'
      ? failure({ _tag: 'AbortError', message: `${where} was aborted by the caller.`, method, path }, false)
      : failure(
          {
            _tag: 'TimeoutError',
            message: `${where} timed out after ${a.timeout} ms.`,
            method,
            path,
            timeout: a.timeout
          },
          true
        )
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
      if (cause !== undefined) return stopped()
      return failure(
        { _tag: 'NetworkError', message: `${where} could not reach the server or lost the connection.`, method, path },
        true
      )
    }
    const status = res.status
    const contentType = res.headers.get('content-type')
    if (res.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
      void res.body?.cancel().catch(() => undefined)
      return failure(
        {
          _tag: 'HttpError',
          status,
          message: `${where} was answered with a redirect (${status === 0 ? 'opaque' : status}), which is not followed.`,
          method,
          path
        },
        false
      )
    }
    let text: string | undefined
    try {
      text = await readBody(res, a.limit, stop)
    } catch {
      if (cause !== undefined) return stopped()
      return failure(
        { _tag: 'NetworkError', message: `${where} lost the connection while reading the response.`, method, path },
        true
      )
    }
    if (status < 200 || status >= 300) {
      const error = httpError(status, where, method, path, text, contentType)
      return {
        _tag: 'failure',
        error,
        transient: RETRY_STATUSES.has(status),
        retryAfterMs: parseRetryAfter(res.headers.get('retry-after'), a.now())
      }
    }
    if (text === undefined)
      return failure(
        {
          _tag: 'ResponseTooLarge',
          message: `${where} answered with more than ${a.limit} bytes, which were not read.`,
          limit: a.limit,
          method,
          path
        },
        false
      )
    if (text.trim() === '') return { _tag: 'reply', reply: { status, headers: res.headers, body: undefined } }
    const decodeFailure = (what: string): Outcome =>
      failure(
        {
          _tag: 'DecodeError',
          message: `${where} answered ${status} with ${what} where JSON was expected.`,
          errors: [`(root): expected JSON, got ${what}`],
          method,
          path,
          status
        },
        false
      )
    if (contentType !== null && /html/i.test(contentType)) return decodeFailure('an HTML page')
    const json = parseJson(text)
    if (E.isLeft(json)) return decodeFailure(json.left)
    if (!isJsonType(contentType) && contentType !== null && !/json/i.test(contentType))
      return decodeFailure(`a body of type ${contentType.split(';')[0]}`)
    return { _tag: 'reply', reply: { status, headers: res.headers, body: json.right } }
  } finally {
    clearTimeout(timer)
    a.signal?.removeEventListener('abort', onAbort)
  }
}

const withAttempts = (error: ContacthubError, attempts: number): ContacthubError =>
  error._tag === 'HttpError' || error._tag === 'NetworkError' || error._tag === 'TimeoutError'
    ? { ...error, attempts }
    : error

const positive = (n: unknown, fallback: number): number =>
  typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : fallback

/**
 * Sends a request and returns the status, headers and parsed JSON body of a 2xx answer. Retries idempotent requests
 * on transient failures; never throws.
 *
 * @category utils
 * @since 0.1.0
 */
export const send =
  (ws: Workspace, spec: RequestSpec): TE.TaskEither<ContacthubError, Reply> =>
  async () => {
    try {
      return await run(ws, spec)
    } catch {
      // A last line of defence: nothing exported may reject. Nothing here should throw, but a user's fetch might.
      return E.left({
        _tag: 'NetworkError',
        message: `${spec.operation} failed unexpectedly.`,
        method: spec.method,
        path: spec.path
      })
    }
  }

const run = async (ws: Workspace, spec: RequestSpec): Promise<E.Either<ContacthubError, Reply>> => {
  const invalid = (why: string): E.Either<ContacthubError, never> =>
    E.left({ _tag: 'InvalidInput', message: `${spec.operation}: ${why}.` })
  if (typeof ws !== 'object' || ws === null) return invalid('the context must be an object')
  const base = checkBaseUrl(ws.baseUrl ?? DEFAULT_BASE_URL)
  if (E.isLeft(base)) return invalid(base.left)
  const path = buildPath(spec, ws.workspaceId)
  if (E.isLeft(path)) return invalid(path.left)
  const headers = buildHeaders(ws, spec.body !== undefined)
  if (E.isLeft(headers)) return invalid(headers.left)
  let body: string | undefined
  if (spec.body !== undefined) {
    try {
      body = JSON.stringify(spec.body)
    } catch {
      return invalid('the body cannot be serialised as JSON')
    }
  }
  const where = `${spec.operation} ${spec.method} ${path.right}`
  const clock = clockOf(ws)
  const retry = ws.retry === false ? undefined : { ...DEFAULT_RETRY, ...ws.retry }
  const idempotent = spec.idempotent ?? (spec.method === 'GET' || spec.method === 'PUT')
  const maxAttempts = retry === undefined || !idempotent ? 1 : 1 + Math.floor(positive(retry.retries, 2))
  const attempt: Attempt = {
    fetcher: fetcherFor(ws.fetch),
    url: `${base.right}${path.right}${buildQuery(spec.query)}`,
    method: spec.method,
    headers: headers.right,
    body,
    where,
    path: path.right,
    timeout: positive(ws.timeout, DEFAULT_TIMEOUT_MS),
    limit: positive(ws.maxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES),
    signal: ws.signal,
    now: clock.now
  }
  const aborted = (): E.Either<ContacthubError, never> =>
    E.left({ _tag: 'AbortError', message: `${where} was aborted by the caller.`, method: spec.method, path: path.right })
  for (let n = 1; ; n++) {
    if (ws.signal?.aborted) return aborted()
    const outcome = await attemptOnce(attempt)
    if (outcome._tag === 'reply') return E.right(outcome.reply)
    if (!outcome.transient || n >= maxAttempts || retry === undefined)
      return E.left(withAttempts(outcome.error, n))
    let delay: number
    if (outcome.retryAfterMs !== undefined) {
      if (outcome.retryAfterMs > positive(retry.maxRetryAfterMs, DEFAULT_RETRY.maxRetryAfterMs)) {
        const e = outcome.error
        return E.left(
          withAttempts(
            { ...e, message: `${e.message.replace(/\.$/, '')}, and its Retry-After is longer than the client waits.` },
            n
          )
        )
      }
      delay = outcome.retryAfterMs
    } else {
      const cap = Math.min(
        positive(retry.maxDelayMs, DEFAULT_RETRY.maxDelayMs),
        positive(retry.baseDelayMs, DEFAULT_RETRY.baseDelayMs) * 2 ** (n - 1)
      )
      delay = Math.floor(clock.random() * cap)
    }
    if (delay > 0) {
      try {
        await clock.sleep(delay, ws.signal)
      } catch {
        if (ws.signal?.aborted) return aborted()
      }
    }
  }
}

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
    const { status, body } = reply.right
    const path = spec.path.includes('{') ? rendered(ws, spec) : spec.path
    const where = `${spec.operation} ${spec.method} ${path}`
    if (body === undefined)
      return E.left({
        _tag: 'DecodeError',
        message: `${where} answered ${status} with an empty body where JSON was expected.`,
        errors: ['(root): expected JSON, got an empty body'],
        method: spec.method,
        path,
        status
      })
    const decoded = decodeWith(decoder)(body)
    if (E.isRight(decoded)) return decoded
    return E.left({
      _tag: 'DecodeError',
      message: `${where} answered ${status} with a body that does not match the expected shape (${decoded.left[0]}).`,
      errors: decoded.left,
      method: spec.method,
      path,
      status
    })
  }

const rendered = (ws: Workspace, spec: RequestSpec): string => {
  const p = buildPath(spec, ws.workspaceId)
  return E.isRight(p) ? p.right : spec.path
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
