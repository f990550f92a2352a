/**
 * One attempt of a request: send it, read its body under the size cap and within the attempt's timeout, and say
 * what came of it (a reply, or an error and whether another attempt may help). Internal.
 *
 * ofetch's own `timeout` stops at the headers and, with its `retry`, aborts every later attempt, so each attempt
 * here has its own timer, which also covers the body.
 *
 * @since 0.2.0
 */
import type { $Fetch } from 'ofetch'
import {
  abortError,
  decodeError,
  httpError,
  networkError,
  responseTooLarge,
  timeoutError,
  type AbortError,
  type ContacthubError,
  type NetworkCause
} from '../error'
import type { Method, Reply } from '../request'
import { parseJson, readBody } from './body'
import { at, causeOf, explainFailure, notJson, statusError, type Target } from './failure'
import { noop } from './hooks'
import { after } from './timer'

/**
 * Everything one attempt needs; the same value serves every attempt of a request.
 *
 * @category model
 * @since 0.2.0
 */
export interface Attempt extends Target {
  readonly fetcher: $Fetch
  readonly url: string
  readonly method: Method
  readonly headers: Record<string, string>
  readonly body: string | undefined
  readonly timeout: number
  readonly limit: number
  readonly signal: AbortSignal | undefined
  /** The body is bounded by its `Content-Length` and every header is visible: Node's own fetch (see `readBody`). */
  readonly framed: boolean
}

/**
 * The outcome of one attempt: a reply, or an error that may be worth repeating (`transient`), with the server's
 * `Retry-After` header when it sent one.
 *
 * @category model
 * @since 0.2.0
 */
export type Outcome =
  | { readonly reply: Reply; readonly error?: undefined }
  | { readonly error: ContacthubError; readonly transient?: boolean; readonly retryAfter?: string | null }

const RETRY_STATUSES: ReadonlyArray<number> = [408, 429, 500, 502, 503, 504]

/**
 * The `AbortError` of a request whose caller's signal fired, with the signal's `reason` told token-free.
 *
 * @category constructors
 * @since 0.2.0
 */
export const aborted = (a: Target & Pick<Attempt, 'signal'>): AbortError => {
  const reason: unknown = a.signal?.reason
  return abortError(
    at(a, 'was aborted by the caller', reason === undefined ? {} : { reason: causeOf(reason, a.secret) })
  )
}

/**
 * Runs one attempt. It does not reject: whatever happens (including a failure of this code) is an `Outcome`.
 * `answered` is told the status once the answer is handled, when one arrived (any status).
 *
 * @category utils
 * @since 0.2.0
 */
export const attemptOnce = async (a: Attempt, answered: (status: number) => void): Promise<Outcome> => {
  const { timeout, limit, signal, secret } = a
  const controller = new AbortController()
  let cause: 'timeout' | 'abort' | undefined
  // Node's own fetch ends the exchange and its body read when the controller aborts; any other fetch is also raced
  // against `stop`, so that one that ignores the signal cannot hold the attempt past its timeout.
  let rejectStop: (e: Error) => void = noop
  let stop: Promise<never> | undefined
  if (!a.framed) {
    stop = new Promise<never>((_, reject) => (rejectStop = reject))
    stop.catch(noop)
  }
  const within = <T>(p: Promise<T>): Promise<T> => (stop === undefined ? p : Promise.race([p, stop]))
  const fire = (why: 'timeout' | 'abort'): void => {
    if (cause !== undefined) return
    cause = why
    controller.abort()
    rejectStop(new Error(why))
  }
  const onAbort = (): void => fire('abort')
  const cancelTimer = after(timeout, () => fire('timeout'))
  if (signal?.aborted) fire('abort')
  signal?.addEventListener('abort', onAbort)
  /** A failure of the transport: the caller's abort, the attempt's timeout, or the network. */
  const lost = (what: string, netCause: NetworkCause, transient = true): Outcome =>
    cause === 'abort'
      ? { error: aborted(a) }
      : cause === 'timeout'
        ? { error: timeoutError(at(a, `timed out after ${timeout} ms`, { timeout })), transient }
        : { error: networkError(at(a, what, { cause: netCause })), transient }
  let status: number | undefined
  try {
    let res: Response
    try {
      res = await within(
        a.fetcher.raw(a.url, {
          method: a.method,
          headers: a.headers,
          body: a.body,
          signal: controller.signal,
          retry: false,
          redirect: 'manual',
          ignoreResponseError: true,
          responseType: 'stream'
        })
      )
    } catch (e) {
      const failure = explainFailure(e, secret)
      return lost(failure.what, failure.cause, cause !== undefined || failure.transport)
    }
    status = res.status
    if (res.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
      void res.body?.cancel().catch(noop)
      return {
        error: httpError(
          at(a, `was answered with a redirect (${status || 'opaque'}), which is not followed`, { status })
        )
      }
    }
    let text: string | undefined
    try {
      text = await readBody(res, limit, within, a.framed)
    } catch (e) {
      return lost('lost the connection while reading the response', causeOf(e, secret))
    }
    const headers = res.headers
    if (status < 200 || status >= 300)
      return {
        error: statusError(a, status, res.statusText, headers.get('content-type'), text),
        transient: RETRY_STATUSES.includes(status),
        retryAfter: headers.get('retry-after')
      }
    if (text === undefined)
      return {
        error: responseTooLarge(at(a, `answered with more than ${limit} bytes, which were not read`, { limit }))
      }
    const reply = { status, headers, path: a.path, where: a.where }
    if (text.trim() === '') return { reply: { ...reply, body: undefined } }
    if (/html/i.test(headers.get('content-type') ?? '')) return { error: notJson(a, status, 'an HTML page') }
    const json = parseJson(text)
    return typeof json === 'string' ? { error: notJson(a, status, json) } : { reply: { ...reply, body: json[0] } }
  } catch (e) {
    // A last resort inside the attempt: what is known (the status) is kept; nothing here is worth repeating.
    const text = `failed unexpectedly while handling the response${status === undefined ? '' : ` (status ${status})`}`
    return {
      error:
        status === undefined
          ? networkError(at(a, text, { cause: causeOf(e, secret) }))
          : status >= 200 && status < 300
            ? decodeError(at(a, text, { errors: ['(root): the body could not be read'], status }))
            : httpError(at(a, text, { status }))
    }
  } finally {
    cancelTimer()
    signal?.removeEventListener('abort', onAbort)
    if (status !== undefined) answered(status)
  }
}
