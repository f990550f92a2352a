/**
 * The one error type of contacthub-fp: a tagged union of plain, serialisable objects.
 *
 * No error ever carries the token, a `Response`, a `Request` or the context: only the method, the path (under the
 * base URL, without the query string) and what the server said.
 *
 * @since 0.1.0
 */
import type * as O from '#fp-ts/Option'

// Option values written out: importing fp-ts/Option for `some` and `none` costs ~0.3 KB gz per bundle.
const none: O.Option<never> = { _tag: 'None' }
const some = <A>(value: A): O.Option<A> => ({ _tag: 'Some', value })

/**
 * The server answered with a status the operation does not accept (4xx, 5xx, or a 3xx that was not followed).
 * `message`, `logref`, `errors` and `data` are the API's own fields when its body had them.
 *
 * @category model
 * @since 0.1.0
 */
export interface HttpError {
  readonly _tag: 'HttpError'
  readonly status: number
  readonly message: string
  readonly method: string
  readonly path: string
  readonly logref?: string
  readonly errors?: ReadonlyArray<unknown>
  readonly data?: unknown
  /** How many requests were sent before giving up (1 when nothing was retried). */
  readonly attempts?: number
}

/**
 * A 2xx response whose body is not what the operation expects: not JSON, or JSON of the wrong shape.
 * `errors` are readable path messages such as `base.contacts.email: expected string | null, got 42`.
 *
 * @category model
 * @since 0.1.0
 */
export interface DecodeError {
  readonly _tag: 'DecodeError'
  readonly message: string
  readonly errors: ReadonlyArray<string>
  readonly method: string
  readonly path: string
  readonly status?: number
}

/**
 * The request could not be sent or its response could not be read (refused, reset, cut mid-body, DNS...).
 *
 * @category model
 * @since 0.1.0
 */
export interface NetworkError {
  readonly _tag: 'NetworkError'
  readonly message: string
  readonly method: string
  readonly path: string
  readonly attempts?: number
  /** What the transport said, token-free: a refused connection, a DNS failure and a TLS error can be told apart. */
  readonly cause?: NetworkCause
}

/**
 * The transport's own account of a `NetworkError`: its error's `name`, `message` and `code` when it gave them
 * (`ECONNREFUSED`, `ENOTFOUND`, `UND_ERR_SOCKET`...), with the token removed.
 *
 * @category model
 * @since 0.2.0
 */
export interface NetworkCause {
  readonly name?: string
  readonly message?: string
  readonly code?: string
}

/**
 * An attempt took longer than `ctx.timeout` (headers and body together), and no retry was left or allowed.
 *
 * @category model
 * @since 0.1.0
 */
export interface TimeoutError {
  readonly _tag: 'TimeoutError'
  readonly message: string
  readonly method: string
  readonly path: string
  readonly timeout?: number
  readonly attempts?: number
}

/**
 * The caller's `AbortSignal` (`ctx.signal`) fired: the call stopped at once, during a request, a body or a backoff.
 *
 * @category model
 * @since 0.1.0
 */
export interface AbortError {
  readonly _tag: 'AbortError'
  readonly message: string
  readonly method: string
  readonly path: string
  /**
   * The signal's `reason`, told as its `name`, `message` and `code` (a string reason is the `message`), token-free:
   * `controller.abort('user left')` gives `{ message: 'user left' }`, `AbortSignal.timeout(ms)` a `TimeoutError`.
   *
   * @since 0.2.0
   */
  readonly reason?: NetworkCause
}

/**
 * The response was larger than `ctx.maxResponseBytes`; it was refused without reading it whole.
 *
 * @category model
 * @since 0.1.0
 */
export interface ResponseTooLarge {
  readonly _tag: 'ResponseTooLarge'
  readonly message: string
  readonly limit: number
  readonly method: string
  readonly path: string
}

/**
 * The caller's input was refused before anything was sent (empty id, non-https base URL, event without customer...).
 *
 * @category model
 * @since 0.1.0
 */
export interface InvalidInput {
  readonly _tag: 'InvalidInput'
  readonly message: string
}

/**
 * A lookup answered with an empty list (`getCustomerByExternalId`). An HTTP 404 is an `HttpError` instead.
 *
 * @category model
 * @since 0.1.0
 */
export interface NotFound {
  readonly _tag: 'NotFound'
  readonly message: string
}

/**
 * Everything that can go wrong in a contacthub-fp operation.
 *
 * @category model
 * @since 0.1.0
 */
export type ContacthubError =
  HttpError | DecodeError | NetworkError | TimeoutError | AbortError | ResponseTooLarge | InvalidInput | NotFound

/** The fields of an error variant other than its tag. */
type Fields<E extends { readonly _tag: string }> = Omit<E, '_tag'>

/**
 * Builds an `HttpError`.
 *
 * @internal
 * @category constructors
 * @since 0.2.0
 */
export const httpError = (fields: Fields<HttpError>): HttpError => ({ _tag: 'HttpError', ...fields })

/**
 * Builds a `DecodeError`.
 *
 * @internal
 * @category constructors
 * @since 0.2.0
 */
export const decodeError = (fields: Fields<DecodeError>): DecodeError => ({ _tag: 'DecodeError', ...fields })

/**
 * Builds a `NetworkError`.
 *
 * @internal
 * @category constructors
 * @since 0.2.0
 */
export const networkError = (fields: Fields<NetworkError>): NetworkError => ({ _tag: 'NetworkError', ...fields })

/**
 * Builds a `TimeoutError`.
 *
 * @internal
 * @category constructors
 * @since 0.2.0
 */
export const timeoutError = (fields: Fields<TimeoutError>): TimeoutError => ({ _tag: 'TimeoutError', ...fields })

/**
 * Builds an `AbortError`.
 *
 * @internal
 * @category constructors
 * @since 0.2.0
 */
export const abortError = (fields: Fields<AbortError>): AbortError => ({ _tag: 'AbortError', ...fields })

/**
 * Builds a `ResponseTooLarge` error.
 *
 * @internal
 * @category constructors
 * @since 0.2.0
 */
export const responseTooLarge = (fields: Fields<ResponseTooLarge>): ResponseTooLarge => ({
  _tag: 'ResponseTooLarge',
  ...fields
})

/**
 * Builds an `InvalidInput` error.
 *
 * @category constructors
 * @since 0.1.0
 */
export const invalidInput = (message: string): ContacthubError => ({ _tag: 'InvalidInput', message })

/**
 * Builds a `NotFound` error.
 *
 * @category constructors
 * @since 0.1.0
 */
export const notFound = (message: string): ContacthubError => ({ _tag: 'NotFound', message })

// Every tag of the union, once: the compiler refuses this object when a variant is added and not listed here.
const TAG_SET: { readonly [K in ContacthubError['_tag']]: true } = {
  HttpError: true,
  DecodeError: true,
  NetworkError: true,
  TimeoutError: true,
  AbortError: true,
  ResponseTooLarge: true,
  InvalidInput: true,
  NotFound: true
}

/**
 * Tells whether an unknown value is a `ContacthubError` (any variant).
 *
 * @category refinements
 * @since 0.1.0
 */
export const isContacthubError = (u: unknown): u is ContacthubError =>
  typeof u === 'object' &&
  u !== null &&
  typeof (u as { _tag?: unknown })._tag === 'string' &&
  Object.prototype.hasOwnProperty.call(TAG_SET, (u as { _tag: string })._tag) &&
  typeof (u as { message?: unknown }).message === 'string'

/**
 * The id of the existing customer named by a 409 answer to `addCustomer` (`data.customer.id`), if the error is one.
 *
 * @example
 * declare const c: CustomerInput
 * pipe(addCustomer(ctx, c), TE.orElse((e) => pipe(conflictingCustomerId(e), O.match(() => TE.left(e), (id) => getCustomer(ctx, id)))))
 *
 * @category destructors
 * @since 0.1.0
 */
export const conflictingCustomerId = (error: ContacthubError): O.Option<string> => {
  if (error._tag !== 'HttpError' || error.status !== 409) return none
  // `data` is parsed JSON: reading a property of a string, number or boolean gives `undefined`.
  const id = (error.data as { customer?: { id?: unknown } } | null | undefined)?.customer?.id
  return typeof id === 'string' && id.length > 0 ? some(id) : none
}

/**
 * Renders an error as one line for logs: its tag, its status where it has one, and its message.
 *
 * @example
 * declare const e: ContacthubError
 * renderError(e) // 'HttpError 404: getCustomer GET /workspaces/w/customers/x failed with 404 Not Found: Customer not found.'
 *
 * @category destructors
 * @since 0.1.0
 */
export const renderError = (error: ContacthubError): string => {
  const status = error._tag === 'HttpError' ? ` ${error.status}` : ''
  const details =
    error._tag === 'DecodeError' && error.errors.length > 0
      ? ` (${error.errors.slice(0, 3).join('; ')}${error.errors.length > 3 ? '; ...' : ''})`
      : ''
  return `${error._tag}${status}: ${error.message}${details}`.replace(/[\r\n]+/g, ' ')
}
