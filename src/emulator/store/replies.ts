/**
 * What the store's operations answer: the reply type, the API's error body and its usual messages, and the
 * parameter and page helpers every listing shares.
 *
 * @since 0.2.0
 */
import * as E from '#fp-ts/Either'
import type { FieldError } from '../schema-language'
import { isKnownAttribute } from '../query-engine'

/**
 * What an operation answers: a status, a JSON body (none for an empty body) and extra headers.
 *
 * @category model
 * @since 0.1.0
 */
export interface Reply {
  readonly status: number
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>>
}

/**
 * The query string of a request, every value of every parameter.
 *
 * @category model
 * @since 0.1.0
 */
export type Params = ReadonlyMap<string, ReadonlyArray<string>>

/**
 * The API's error body.
 *
 * @category model
 * @since 0.1.0
 */
export interface ApiErrorBody {
  readonly message: string
  readonly logref: string
  readonly data: unknown
  readonly errors: ReadonlyArray<FieldError>
}

/**
 * The error replies and parameter helpers of one workspace (error `logref`s come from its id generator).
 *
 * @category model
 * @since 0.2.0
 */
export interface Replies {
  readonly error: (status: number, message: string, errors?: ReadonlyArray<FieldError>, data?: unknown) => Reply
  /** 400 `Invalid <what>: <the first errors>`, with every error in `errors`. */
  readonly invalid: (what: string, errors: ReadonlyArray<FieldError>) => Reply
  readonly badParam: (name: string, value: unknown, message: string) => Reply
  readonly customerNotFound: (id: string) => Reply
  readonly nodeNotFound: (id: string) => Reply
  /** The `nodeId` (required, a node of `nodes`) and `fields` (known attributes) of a listing, or the 400/404 answer. */
  readonly listingScope: (
    params: Params,
    nodes: ReadonlySet<string>
  ) => E.Either<Reply, { readonly nodeId: string; readonly fields: ReadonlyArray<string> }>
  /** The first value of a query parameter. */
  readonly one: (params: Params, name: string) => string | undefined
  readonly intParam: (params: Params, name: string, fallback: number, min: number) => E.Either<Reply, number>
  /** A page of `all` as the `page` and `size` parameters ask (400 for nonsense values). */
  readonly paginate: <A>(all: ReadonlyArray<A>, unfiltered: number, params: Params, render?: (a: A) => unknown) => Reply
}

/**
 * The replies of a workspace whose error `logref`s come from `uuid`.
 *
 * @category constructors
 * @since 0.2.0
 */
export const createReplies = (uuid: () => string): Replies => {
  const error = (
    status: number,
    message: string,
    errors: ReadonlyArray<FieldError> = [],
    data: unknown = null
  ): Reply => ({
    status,
    body: { message, logref: uuid(), data, errors } satisfies ApiErrorBody
  })

  const invalid = (what: string, errors: ReadonlyArray<FieldError>): Reply =>
    error(
      400,
      `Invalid ${what}: ${errors
        .slice(0, 3)
        .map((e) => `${e.path === '' ? '(root)' : e.path}: ${e.message}`)
        .join('; ')}${errors.length > 3 ? ` (and ${errors.length - 3} more)` : ''}`,
      errors
    )

  const badParam = (name: string, value: unknown, message: string): Reply =>
    error(400, `Invalid parameter ${name}: ${message}`, [
      { message, path: name, data: value ?? null, code: 'parameter' }
    ])

  const customerNotFound = (id: string): Reply => error(404, `Customer not found: ${id}`)

  const nodeNotFound = (id: string): Reply => error(404, `node not found ${id}`)

  const one = (params: Params, name: string): string | undefined => params.get(name)?.[0]

  const listingScope = (
    params: Params,
    nodes: ReadonlySet<string>
  ): E.Either<Reply, { readonly nodeId: string; readonly fields: ReadonlyArray<string> }> => {
    const nodeId = one(params, 'nodeId')
    if (nodeId === undefined || nodeId === '')
      return E.left(badParam('nodeId', null, 'the nodeId parameter is required'))
    if (!nodes.has(nodeId)) return E.left(nodeNotFound(nodeId))
    const fieldsText = one(params, 'fields')
    const fields = (fieldsText ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter((f) => f !== '')
    const unknown = fields.find((f) => !isKnownAttribute(f))
    if (unknown !== undefined)
      return E.left(badParam('fields', fieldsText, `unknown attribute ${JSON.stringify(unknown)}`))
    return E.right({ nodeId, fields })
  }

  const intParam = (params: Params, name: string, fallback: number, min: number): E.Either<Reply, number> => {
    const raw = one(params, name)
    if (raw === undefined || raw === '') return E.right(fallback)
    const n = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN
    if (!Number.isSafeInteger(n) || n < min) return E.left(badParam(name, raw, `expected an integer >= ${min}`))
    return E.right(n)
  }

  const paginate = <A>(
    all: ReadonlyArray<A>,
    unfiltered: number,
    params: Params,
    render: (a: A) => unknown = (a) => a
  ): Reply => {
    const page = intParam(params, 'page', 0, 0)
    if (E.isLeft(page)) return page.left
    const size = intParam(params, 'size', 10, 1)
    if (E.isLeft(size)) return size.left
    const start = page.right * size.right
    return {
      status: 200,
      body: {
        elements: all.slice(start, start + size.right).map(render),
        page: {
          size: size.right,
          totalElements: all.length,
          totalUnfilteredElements: unfiltered,
          totalPages: Math.ceil(all.length / size.right),
          number: page.right
        }
      }
    }
  }

  return { error, invalid, badParam, customerNotFound, nodeNotFound, listingScope, one, intParam, paginate }
}
