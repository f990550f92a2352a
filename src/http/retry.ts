/**
 * The retry loop: attempts until one succeeds, fails for good, or the retries run out; full-jitter exponential
 * backoff between them, or the server's `Retry-After` when it sent one (within `maxRetryAfterMs`). Internal.
 *
 * @since 0.2.0
 */
import type { Either } from '#fp-ts/Either'
import type { Hooks } from '../context'
import type { ContacthubError } from '../error'
import type { Reply } from '../request'
import { aborted, attemptOnce, type Attempt } from './attempt'
import { noop, timeOf } from './hooks'
import { left, right } from '../either'
import type { Settings } from './settings'

/**
 * Parses `Retry-After` (delay-seconds, or an IMF-fixdate such as `Sun, 06 Nov 1994 08:49:37 GMT`) into
 * milliseconds from `now`; `undefined` when absent or unparsable.
 *
 * @category utils
 * @since 0.1.0
 */
export const parseRetryAfter = (value: string | null | undefined, now: number): number | undefined => {
  const v = value?.trim() ?? ''
  if (/^\d+$/.test(v)) return Number(v) * 1000
  if (!/^[A-Za-z]{3}, \d\d [A-Za-z]{3} \d{4} \d\d:\d\d:\d\d GMT$/.test(v)) return undefined
  const at = Date.parse(v)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

/** The error of the last attempt, with the number of attempts (in the message too, when more than one). */
const withAttempts = (error: ContacthubError, attempts: number, suffix = ''): ContacthubError => {
  if (error._tag !== 'HttpError' && error._tag !== 'NetworkError' && error._tag !== 'TimeoutError') return error
  // Messages end with a full stop: the count and the suffix go before it.
  const counted = error._tag !== 'HttpError' && attempts > 1 ? `, ${attempts} attempts` : ''
  const message =
    counted === '' && suffix === '' ? error.message : `${error.message.slice(0, -1)}${counted}${suffix || '.'}`
  return { ...error, attempts, message }
}

/** A 429: the server refused the request unprocessed, so repeating it is harmless whatever its method. */
const rateLimited = (error: ContacthubError): boolean => error._tag === 'HttpError' && error.status === 429

/**
 * What the loop tells its caller as it goes: how many attempts were started (for a last-resort error and the
 * events), and `hook`, which calls a hook of the context with the call's event plus `extra` (absent when the
 * context has no hooks).
 *
 * @category model
 * @since 0.2.0
 */
export interface Tries {
  attempts: number
  hook?: (name: keyof Hooks, extra: () => object) => void
}

/**
 * Runs the attempts of a request. `progress.attempts` says how many were started, for a last-resort error. A request
 * that is not `idempotent` is repeated only after a 429.
 *
 * @category utils
 * @since 0.2.0
 */
export const retrying = async (
  a: Attempt,
  s: Settings,
  maxAttempts: number,
  progress: Tries,
  idempotent = true
): Promise<Either<ContacthubError, Reply>> => {
  const { clock } = s
  // Set by the caller once the input is accepted, when the context has hooks.
  const hook = progress.hook
  for (let n = 1; ; n++) {
    if (a.signal?.aborted === true) return left(aborted(a))
    progress.attempts = n
    let answered: (status: number) => void = noop
    if (hook) {
      hook('onRequest', () => ({}))
      const start = timeOf(clock)
      answered = (status) => hook('onResponse', () => ({ status, durationMs: clock.now() - start }))
    }
    const outcome = await attemptOnce(a, answered)
    const { error } = outcome
    if (error === undefined) return right(outcome.reply)
    const again = outcome.transient === true && (idempotent || rateLimited(error))
    if (!again || n >= maxAttempts) return left(withAttempts(error, n))
    let delay = parseRetryAfter(outcome.retryAfter, clock.now())
    if (delay !== undefined && delay > s.maxRetryAfterMs)
      return left(withAttempts(error, n, ', and its Retry-After is longer than the client waits.'))
    delay ??= Math.floor(clock.random() * Math.min(s.maxDelayMs, s.baseDelayMs * 2 ** (n - 1)))
    const delayMs = delay
    hook?.('onRetry', () => ({ tag: error._tag, delayMs }))
    if (delay > 0) await clock.sleep(delay, a.signal).catch(noop)
  }
}
