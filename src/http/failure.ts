/**
 * Telling a transport failure (refused, reset, DNS, TLS: worth another attempt) from a programming error in a
 * caller's `ctx.fetch` (a throw before any I/O, a rejection with its own bug, a value that is not a `Response`: not
 * worth repeating), and describing either as a token-free `NetworkCause`. Internal.
 *
 * @since 0.2.0
 */
import type { NetworkCause } from '../error'
import { redactText } from './redact'

const BOXED: unique symbol = Symbol('contacthub-fp/fetch-failure')

/** How the transport failed: it threw at once, rejected, or resolved to something that is not a `Response`. */
type How = 'threw' | 'rejected' | 'not a Response'

interface Boxed extends Error {
  readonly [BOXED]: How
  readonly error: unknown
}

/** An Error (what a rejection should be) that carries how the fetch failed and what it failed with. */
const box = (how: How, error: unknown): Boxed => Object.assign(new Error(`the fetch ${how}`), { [BOXED]: how, error })

const isBoxed = (u: unknown): u is Boxed => typeof u === 'object' && u !== null && BOXED in u

const isResponse = (r: unknown): r is Response =>
  typeof r === 'object' &&
  r !== null &&
  typeof (r as { status?: unknown }).status === 'number' &&
  typeof (r as { headers?: { get?: unknown } }).headers?.get === 'function'

/**
 * Wraps a fetch so that its failures say how they happened (what ofetch wraps them in keeps them as `cause`).
 * A real fetch never throws synchronously: a throw is the caller's code, before any I/O.
 *
 * @category utils
 * @since 0.2.0
 */
export const guardFetch =
  (f: typeof fetch): typeof fetch =>
  (input, init) => {
    let p: Promise<Response>
    try {
      p = f(input, init)
    } catch (error) {
      return Promise.reject(box('threw', error))
    }
    if (typeof (p as { then?: unknown } | null)?.then !== 'function') return Promise.reject(box('not a Response', p))
    return p.then(
      (r) => (isResponse(r) ? r : Promise.reject(box('not a Response', r))),
      (error: unknown) => Promise.reject(box('rejected', error))
    )
  }

/** Fetch failures that name no code: undici, Chrome, Firefox, Safari, Deno, workerd. */
const TRANSPORT_MESSAGE =
  /^(fetch failed|failed to fetch|load failed|terminated)|networkerror|network (connection|error|request)|error sending request|connection (lost|refused|reset|closed)/i

// (node-fetch's FetchError of a system failure carries a `code`: found above.)
const TRANSPORT_NAMES: ReadonlyArray<string> = ['AbortError', 'TimeoutError', 'NetworkError']

const get = (u: unknown, key: string): unknown =>
  typeof u === 'object' && u !== null ? (u as Record<string, unknown>)[key] : undefined

const str = (u: unknown): string | undefined => (typeof u === 'string' && u !== '' ? u : undefined)

/** The first string `code` along an error and its causes (at most four deep). */
const codeOf = (error: unknown): string | undefined => {
  let e = error
  for (let i = 0; i < 4 && typeof e === 'object' && e !== null; i++, e = get(e, 'cause')) {
    const code = str(get(e, 'code'))
    if (code !== undefined) return code
  }
  return undefined
}

/** Whether an error a fetch rejected with is the network failing (rather than a bug in the caller's fetch). */
const isTransport = (error: unknown): boolean => {
  if (codeOf(error) !== undefined) return true
  const name = str(get(error, 'name')) ?? ''
  if (TRANSPORT_NAMES.includes(name)) return true
  return name === 'TypeError' && TRANSPORT_MESSAGE.test(str(get(error, 'message')) ?? '')
}

const clip = (s: string): string => (s.length > 200 ? `${s.slice(0, 197)}...` : s)

/**
 * What an error says, token-free: its `name`, its `message` (with its cause's message when that adds something:
 * undici's `fetch failed: connect ECONNREFUSED 127.0.0.1:1`) and the first `code` along its causes.
 *
 * @category utils
 * @since 0.2.0
 */
export const causeOf = (error: unknown, secret: string): NetworkCause => {
  if (typeof error !== 'object' || error === null) return { message: clip(redactText(String(error), secret)) }
  const name = str(get(error, 'name'))
  const outer = str(get(error, 'message'))
  const inner = str(get(get(error, 'cause'), 'message'))
  const message =
    outer !== undefined && inner !== undefined && inner !== outer ? `${outer}: ${inner}` : (outer ?? inner)
  const code = codeOf(error)
  return {
    ...(name === undefined ? {} : { name: clip(redactText(name, secret)) }),
    ...(message === undefined ? {} : { message: clip(redactText(message, secret)) }),
    ...(code === undefined ? {} : { code: clip(redactText(code, secret)) })
  }
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

/**
 * Explains what a fetch (through ofetch) rejected with.
 *
 * @category utils
 * @since 0.2.0
 */
export const explainFailure = (thrown: unknown, secret: string): FetchFailure => {
  // ofetch wraps what the fetch rejected with in its own FetchError, as `cause`.
  const boxed = isBoxed(thrown) ? thrown : isBoxed(get(thrown, 'cause')) ? (get(thrown, 'cause') as Boxed) : undefined
  if (boxed === undefined)
    return {
      transport: false,
      what: 'failed while handling the response, which is not a network failure and was not retried',
      cause: causeOf(thrown, secret)
    }
  const how = boxed[BOXED]
  const cause = causeOf(boxed.error, secret)
  if (how === 'rejected' && isTransport(boxed.error))
    return {
      transport: true,
      what: `could not reach the server or lost the connection${cause.code === undefined ? '' : ` (${cause.code})`}`,
      cause
    }
  const did =
    how === 'not a Response'
      ? 'resolved to something that is not a Response'
      : `${how} ${cause.name === undefined ? 'a value' : `a ${cause.name}`}`
  return {
    transport: false,
    what: `failed because the fetch function ${did}, which is not a network failure and was not retried`,
    cause
  }
}
