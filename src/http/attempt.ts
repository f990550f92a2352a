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
import * as E from '#fp-ts/Either'
import {
  abortError,
  decodeError,
  httpError,
  networkError,
  responseTooLarge,
  timeoutError,
  type ContacthubError,
  type NetworkCause
} from '../error'
import type { Method, Reply } from '../request'
import { parseJson, readBody } from './body'
import { explainFailure, causeOf } from './failure'
import { statusError, type Target } from './status-error'
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
  readonly now: () => number
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
 * Runs one attempt. It does not reject: whatever happens (including a failure of this code) is an `Outcome`.
 *
 * @category utils
 * @since 0.2.0
 */
export const attemptOnce = async (a: Attempt): Promise<Outcome> => {
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
  const cancelTimer = after(a.timeout, () => fire('timeout'))
  if (a.signal?.aborted) fire('abort')
  a.signal?.addEventListener('abort', onAbort)
  /** A failure of the transport: the caller's abort, the attempt's timeout, or the network. */
  const lost = (what: string, netCause: NetworkCause | undefined, transient = true): Outcome =>
    cause === 'abort'
      ? { error: abortError({ message: `${where} was aborted by the caller.`, method, path }) }
      : cause === 'timeout'
        ? {
            error: timeoutError({
              message: `${where} timed out after ${a.timeout} ms.`,
              method,
              path,
              timeout: a.timeout
            }),
            transient: true
          }
        : {
            error: networkError({
              message: `${where} ${what}.`,
              method,
              path,
              ...(netCause === undefined ? {} : { cause: netCause })
            }),
            transient
          }
  const notJson = (status: number, what: string): Outcome => ({
    error: decodeError({
      message: `${where} answered ${status} with ${what} where JSON was expected.`,
      errors: [`(root): expected JSON, got ${what}`],
      method,
      path,
      status
    })
  })
  let status: number | undefined
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
    } catch (e) {
      const failure = explainFailure(e, a.secret)
      return lost(failure.what, failure.cause, failure.transport)
    }
    status = res.status
    if (res.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
      void res.body?.cancel().catch(() => undefined)
      return {
        error: httpError({
          status,
          message: `${where} was answered with a redirect (${status || 'opaque'}), which is not followed.`,
          method,
          path
        })
      }
    }
    let text: string | undefined
    try {
      text = await readBody(res, a.limit, stop)
    } catch (e) {
      return lost('lost the connection while reading the response', causeOf(e, a.secret))
    }
    if (status < 200 || status >= 300)
      return {
        error: statusError(a, status, res.statusText, res.headers.get('content-type'), text),
        transient: RETRY_STATUSES.includes(status),
        retryAfter: res.headers.get('retry-after')
      }
    if (text === undefined)
      return {
        error: responseTooLarge({
          message: `${where} answered with more than ${a.limit} bytes, which were not read.`,
          limit: a.limit,
          method,
          path
        })
      }
    const reply = { status, headers: res.headers, path, where }
    if (text.trim() === '') return { reply: { ...reply, body: undefined } }
    if (/html/i.test(res.headers.get('content-type') ?? '')) return notJson(status, 'an HTML page')
    const json = parseJson(text)
    return E.isLeft(json) ? notJson(status, json.left) : { reply: { ...reply, body: json.right } }
  } catch (e) {
    // A last resort inside the attempt: what is known (the status) is kept; nothing here is worth repeating.
    const message = `${where} failed unexpectedly while handling the response`
    return {
      error:
        status === undefined
          ? networkError({ message: `${message}.`, method, path, cause: causeOf(e, a.secret) })
          : status >= 200 && status < 300
            ? decodeError({
                message: `${message} (status ${status}).`,
                errors: ['(root): the body could not be read'],
                method,
                path,
                status
              })
            : httpError({ status, message: `${message} (status ${status}).`, method, path })
    }
  } finally {
    cancelTimer()
    a.signal?.removeEventListener('abort', onAbort)
  }
}
