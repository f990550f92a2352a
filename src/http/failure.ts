/**
 * What went wrong, said once: the fields every error of a request shares (`at`), the `HttpError` of a non-2xx
 * answer (`statusError`), and a fetch failure explained (`explainFailure`): a transport failure (refused, reset,
 * DNS, TLS: worth another attempt) told from a programming error in a caller's `ctx.fetch` (a throw before any
 * I/O, a rejection with its own bug, a value that is not a `Response`: not worth repeating). Nothing the server or
 * the fetch said reaches an error unredacted. Internal.
 *
 * @since 0.2.0
 */
import { decodeError, httpError, type DecodeError, type HttpError, type NetworkCause } from '../error'
import { parseJson } from './body'
import { redactText, redactValue } from './redact'

/**
 * Where a request went, for messages: `where` is operation, method and path; `baseUrl` the checked base URL.
 *
 * @category model
 * @since 0.2.0
 */
export interface Target {
  readonly where: string
  readonly method: string
  readonly path: string
  readonly baseUrl: string
  /** The token, to keep it out of errors built from what the server said. */
  readonly secret: string
}

/**
 * What a message needs of a `Target`.
 *
 * @category model
 * @since 0.2.0
 */
export type Place = Pick<Target, 'where' | 'method' | 'path'>

/**
 * The fields every error of a request has: a one-sentence message that starts with `where` (a full stop is added
 * unless `text` ends a sentence already), the method and path; plus `extra`.
 *
 * @category constructors
 * @since 0.2.0
 */
export const at = <F extends object>(t: Place, text: string, extra: F) => ({
  message: `${t.where} ${text}${/[.!?]$/.test(text) ? '' : '.'}`,
  method: t.method,
  path: t.path,
  ...extra
})

/**
 * The `DecodeError` of a 2xx answer that is not JSON (`what` it is instead: `an HTML page`, `an empty body`...).
 *
 * @category constructors
 * @since 0.2.0
 */
export const notJson = (t: Place, status: number, what: string): DecodeError =>
  decodeError(
    at(t, `answered ${status} with ${what} where JSON was expected`, {
      errors: [`(root): expected JSON, got ${what}`],
      status
    })
  )

const get = (u: unknown, key: PropertyKey): unknown =>
  typeof u === 'object' && u !== null ? (u as Record<PropertyKey, unknown>)[key] : undefined

const str = (u: unknown): string | undefined => (typeof u === 'string' && u !== '' ? u : undefined)

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 3)}...` : s)

const oneLine = (s: string): string => s.replace(/[\r\n]+/g, ' ')

/** What a user can do about a status, when the status says it (404: see `statusError`). */
const HINTS: Readonly<Record<number, string>> = {
  401: 'check the token',
  403: "check the workspace id and the token's rights"
}

/**
 * Builds the `HttpError` of an answer with a non-2xx `status`, from its body (`undefined`: too large to read): the
 * API's own fields when its body has them, a message a user can act on when not.
 *
 * @category constructors
 * @since 0.2.0
 */
export const statusError = (
  t: Target,
  status: number,
  statusText: string,
  contentType: string | null,
  raw: string | undefined
): HttpError => {
  const red = (s: string): string => redactText(s, t.secret)
  // The raw text is redacted first; parsed strings are redacted again only where an escape could have hidden the
  // token from that first pass, and only in the parts that reach the error.
  const text = raw === undefined ? undefined : red(raw)
  const parsed = text ? parseJson(text) : text === undefined ? 'a body too large to read' : 'an empty body'
  const json = typeof parsed !== 'string'
  const body: unknown = json && !Array.isArray(parsed[0]) ? parsed[0] : undefined
  const keep = (u: unknown): unknown => (text?.includes('\\') ? redactValue(u, t.secret) : u)
  const said = [get(body, 'message'), get(body, 'error')].find(
    (m): m is string => typeof m === 'string' && m.trim() !== ''
  )
  let detail = clip(
    oneLine(
      said !== undefined
        ? red(said).trim()
        : json
          ? 'a JSON body with no message'
          : text && contentType !== null
            ? `${parsed} (${red(contentType.split(';')[0] ?? '')})`
            : parsed
    ),
    300
  )
  const advice =
    HINTS[status] ??
    (status === 404 && !json ? `no such route under ${new URL(t.baseUrl).origin}, check the base URL` : undefined)
  if (advice !== undefined) detail = `${detail.replace(/[.!?]+$/, '')}; ${advice}`
  const logref = get(body, 'logref')
  const errors = get(body, 'errors')
  const data = get(body, 'data')
  return httpError(
    at(t, `failed with ${status}${statusText && ` ${oneLine(red(statusText))}`}: ${detail}`, {
      status,
      ...(typeof logref === 'string' ? { logref: red(logref) } : {}),
      ...(Array.isArray(errors) ? { errors: keep(errors) as ReadonlyArray<unknown> } : {}),
      ...(data !== undefined ? { data: keep(data) } : {})
    })
  )
}

const BOXED: unique symbol = Symbol('contacthub-fp/fetch-failure')

/** How the transport failed: it threw at once, rejected, or resolved to something that is not a `Response`. */
type How = 'threw' | 'rejected' | 'not a Response'

/** An Error (what a rejection should be) that carries how the fetch failed and what it failed with. */
const box = (how: How, error: unknown): Error => Object.assign(new Error(`the fetch ${how}`), { [BOXED]: how, error })

/**
 * Wraps a fetch so that its failures say how they happened (what ofetch wraps them in keeps them as `cause`).
 * A real fetch never throws synchronously: a throw is the caller's code, before any I/O.
 *
 * @category utils
 * @since 0.2.0
 */
export const guardFetch =
  (f: typeof fetch): typeof fetch =>
  async (input, init) => {
    let r: unknown
    try {
      r = f(input, init)
    } catch (error) {
      throw box('threw', error)
    }
    if (typeof (r as { then?: unknown } | null)?.then !== 'function') throw box('not a Response', r)
    try {
      r = await r
    } catch (error) {
      throw box('rejected', error)
    }
    if (typeof get(r, 'status') !== 'number' || typeof get(get(r, 'headers'), 'get') !== 'function')
      throw box('not a Response', r)
    return r as Response
  }

/** Fetch failures that name no code: undici, Chrome, Firefox, Safari, Deno, workerd. */
const TRANSPORT_MESSAGE =
  /^(fetch failed|failed to fetch|load failed|terminated)|networkerror|network (connection|error|request)|error sending request|connection (lost|refused|reset|closed)/i

// (node-fetch's FetchError of a system failure carries a `code`: found by codeOf.)
const TRANSPORT_NAMES: ReadonlyArray<string> = ['AbortError', 'TimeoutError', 'NetworkError']

/** The first string `code` along an error and its causes (at most four deep). */
const codeOf = (error: unknown): string | undefined => {
  let code: string | undefined
  for (let i = 0, e = error; i < 4 && code === undefined; i++, e = get(e, 'cause')) code = str(get(e, 'code'))
  return code
}

/**
 * What an error says, token-free: its `name`, its `message` (with its cause's message when that adds something:
 * undici's `fetch failed: connect ECONNREFUSED 127.0.0.1:1`) and the first `code` along its causes.
 *
 * @category utils
 * @since 0.2.0
 */
export const causeOf = (error: unknown, secret: string): NetworkCause => {
  const outer = str(get(error, 'message'))
  const inner = str(get(get(error, 'cause'), 'message'))
  const found: Record<string, string | undefined> =
    typeof error === 'object' && error !== null
      ? {
          name: str(get(error, 'name')),
          message: outer && inner && inner !== outer ? `${outer}: ${inner}` : (outer ?? inner),
          code: codeOf(error)
        }
      : { message: String(error) }
  const cause: Record<string, string> = {}
  for (const k in found) {
    const v = found[k]
    if (v !== undefined) cause[k] = clip(redactText(v, secret), 200)
  }
  return cause
}

/**
 * A failed fetch explained: whether it is the transport (worth another attempt), what to say, and its cause.
 *
 * @category model
 * @since 0.2.0
 */
export interface FetchFailure {
  readonly transport: boolean
  /** What happened, to follow the operation's name in a message. */
  readonly what: string
  readonly cause: NetworkCause
}

const NOT_THE_NETWORK = ', which is not a network failure and was not retried'

/**
 * Explains what a fetch (through ofetch) rejected with.
 *
 * @category utils
 * @since 0.2.0
 */
export const explainFailure = (thrown: unknown, secret: string): FetchFailure => {
  // ofetch wraps what the fetch rejected with in its own FetchError, as `cause`.
  const boxed = get(thrown, BOXED) ? thrown : get(thrown, 'cause')
  const how = get(boxed, BOXED) as How | undefined
  if (how === undefined)
    return {
      transport: false,
      what: `failed while handling the response${NOT_THE_NETWORK}`,
      cause: causeOf(thrown, secret)
    }
  const error = get(boxed, 'error')
  const cause = causeOf(error, secret)
  const transport = how === 'rejected' && isTransport(error)
  return {
    transport,
    what: transport
      ? `could not reach the server or lost the connection${cause.code ? ` (${cause.code})` : ''}`
      : `failed because the fetch function ${
          how === 'not a Response'
            ? 'resolved to something that is not a Response'
            : `${how} a ${cause.name ?? 'value'}`
        }${NOT_THE_NETWORK}`,
    cause
  }
}

/** Whether an error a fetch rejected with is the network failing (rather than a bug in the caller's fetch). */
const isTransport = (error: unknown): boolean => {
  const name = str(get(error, 'name')) ?? ''
  return (
    codeOf(error) !== undefined ||
    TRANSPORT_NAMES.includes(name) ||
    (name === 'TypeError' && TRANSPORT_MESSAGE.test(str(get(error, 'message')) ?? ''))
  )
}
