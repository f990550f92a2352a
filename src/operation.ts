/**
 * The pieces every operation is made of: a lazy, total shell (`operation`), checks of the caller's options that
 * answer with the reason of a refusal, the lazy encoded body, `withNode`, and `pagedGet` for the listings.
 *
 * With them an operation only names its endpoint, its codec and what it reads from its arguments; nothing runs at
 * call time, and whatever the caller passes (a `null` context, options with throwing getters, a value of the wrong
 * type), the task resolves to a `Right` or to a `Left` of `ContacthubError`. Internal: not re-exported.
 *
 * @since 0.2.0
 */
import type * as t from '#io-ts/index'
import * as E from './either'
import * as TE from './taskEither'
import type { Context } from './context'
import { invalidInput, type ContacthubError } from './error'
import { request, type QueryValue } from './request'
import { pageOf, type Page } from './codecs/page'
import type { Rec } from './codecs/common'
import { paginate, type Paginated } from './pagination'

/**
 * A task of an operation.
 *
 * @internal
 * @category model
 * @since 0.2.0
 */
export type Task<A> = TE.TaskEither<ContacthubError, A>

export { isRecord, type Rec } from './codecs/common'

/**
 * Whether `u` is a string with something other than white space in it.
 *
 * @internal
 * @category refinements
 * @since 0.2.0
 */
export const isNonBlank = (u: unknown): u is string => typeof u === 'string' && u.trim() !== ''

/**
 * An `InvalidInput` task: `operation: why.`, nothing sent.
 *
 * @internal
 * @category constructors
 * @since 0.2.0
 */
export const refuse = <A = never>(operation: string, why: string): Task<A> =>
  TE.left(invalidInput(`${operation}: ${why}.`))

/**
 * The shell of every operation: `build` runs when the task runs, never at call time. A context that is not an
 * object, and a `build` that throws (an argument with a throwing getter, a value of the wrong type), are an
 * `InvalidInput`; the task never rejects as long as the task `build` returns does not.
 *
 * @internal
 * @category constructors
 * @since 0.2.0
 */
export const operation =
  <A>(name: string, ctx: Context, build: () => Task<A>): Task<A> =>
  () => {
    try {
      if (typeof ctx !== 'object' || ctx === null) return refuse<A>(name, 'the context must be an object')()
      return build()()
    } catch {
      return refuse<A>(name, 'its arguments cannot be read')()
    }
  }

/**
 * A check of one argument or option: why `u` is refused (`size must be ...`), or `undefined` when it is accepted.
 *
 * @internal
 * @category model
 * @since 0.2.0
 */
export type Check = (name: string, u: unknown) => string | undefined

/**
 * Accepts `undefined` as well as what `check` accepts.
 *
 * @internal
 * @category combinators
 * @since 0.2.0
 */
export const optional =
  (check: Check): Check =>
  (name, u) =>
    u === undefined ? undefined : check(name, u)

/**
 * Accepts a non-empty string.
 *
 * @internal
 * @category utils
 * @since 0.2.0
 */
export const nonEmptyString: Check = (name, u) =>
  typeof u === 'string' && u !== '' ? undefined : `${name} must be a non-empty string`

/**
 * Accepts an id: a string with something other than white space in it.
 *
 * @internal
 * @category utils
 * @since 0.2.0
 */
export const id: Check = (name, u) => (isNonBlank(u) ? undefined : `${name} must be a non-empty string`)

/**
 * Accepts one of `values`.
 *
 * @internal
 * @category utils
 * @since 0.2.0
 */
export const oneOf =
  (values: ReadonlyArray<string>): Check =>
  (name, u) =>
    values.includes(u as string) ? undefined : `${name} must be ${values.map((v) => `"${v}"`).join(' or ')}`

/**
 * Accepts an integer `>= min`.
 *
 * @internal
 * @category utils
 * @since 0.2.0
 */
export const integer =
  (min: number): Check =>
  (name, u) =>
    typeof u === 'number' && Number.isInteger(u) && u >= min ? undefined : `${name} must be an integer >= ${min}`

/**
 * A path template with its parameters filled in, percent-encoded, for messages (a parameter that is not a usable
 * string stays as its placeholder). The request itself builds and checks its path in `request.ts`.
 *
 * @internal
 * @category utils
 * @since 0.2.0
 */
export const pathOf = (template: string, params: Readonly<Record<string, unknown>>): string =>
  template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name]
    try {
      return typeof value === 'string' && value !== '' ? encodeURIComponent(value) : placeholder
    } catch {
      return placeholder
    }
  })

/**
 * The context's node id, or why there is none. Reading a context may throw (a getter): call it where `operation`
 * catches, when the task runs.
 *
 * @internal
 * @category utils
 * @since 0.2.0
 */
export const nodeIdOf = (ctx: Context): E.Either<string, string> => {
  const nodeId: unknown = ctx.nodeId
  return typeof nodeId === 'string' && nodeId !== ''
    ? E.right(nodeId)
    : E.left("the context's nodeId must be a non-empty string")
}

/**
 * Runs `f` with the context's node id, or refuses when the context has none. Lazy: the node id is read when the
 * task runs (inside an `operation`, which turns a context that throws into an `InvalidInput`).
 *
 * @internal
 * @category combinators
 * @since 0.2.0
 */
export const withNode =
  <A>(name: string, ctx: Context, f: (nodeId: string) => Task<A>): Task<A> =>
  () => {
    const nodeId = nodeIdOf(ctx)
    return E.isLeft(nodeId) ? refuse<A>(name, nodeId.left)() : f(nodeId.right)()
  }

/**
 * The JSON body of a request, encoded from the caller's input when the task runs: `encode` refusing it, or
 * throwing, is an `InvalidInput` (`what` names the input in that message); `shape` then adds or leaves out
 * properties of the encoded object.
 *
 * @internal
 * @category constructors
 * @since 0.2.0
 */
export const encodeBody =
  <I>(
    name: string,
    what: string,
    encode: (input: I) => E.Either<string, Rec>,
    input: I,
    shape: (wire: Rec) => unknown
  ): Task<unknown> =>
  () => {
    try {
      const wire = encode(input)
      return E.isLeft(wire) ? refuse(name, wire.left)() : TE.right(shape(wire.right))()
    } catch {
      return refuse(name, `the ${what} cannot be serialised as JSON`)()
    }
  }

/**
 * The common options of a listing: the 0-based page number and the page size.
 *
 * @category model
 * @since 0.2.0
 */
export interface PageOptions {
  /** The 0-based page number; default 0. */
  readonly page?: number
  /** The page size (the API's default is 10). */
  readonly size?: number
}

/**
 * What a listing sends besides `page` and `size`: the path's parameters and the query.
 *
 * @internal
 * @category model
 * @since 0.2.0
 */
export interface PagedRequest {
  readonly params?: Readonly<Record<string, unknown>>
  readonly query?: Readonly<Record<string, QueryValue>>
}

/**
 * A paged `GET` of `path` whose pages hold `codec`s. The result takes the context, the caller's options and what
 * the options mean for the request (`request`, which refuses with a reason); it checks `page` and `size` itself,
 * reads everything when the task runs, and answers a `Paginated` that `nextPage`, `previousPage` and `pages` walk.
 *
 * @internal
 * @category constructors
 * @since 0.2.0
 */
export const pagedGet = <C extends t.Mixed>(name: string, path: string, codec: C) => {
  const pageCodec: t.Decoder<unknown, Page<t.TypeOf<C>>> = pageOf(codec)
  return <O extends PageOptions>(
    ctx: Context,
    opts: O | undefined,
    build: (o: O) => E.Either<string, PagedRequest>
  ): Task<Paginated<t.TypeOf<C>>> =>
    operation(name, ctx, () => {
      const o: unknown = opts ?? {}
      if (typeof o !== 'object' || o === null) return refuse(name, 'the options must be an object')
      const { page, size } = o as PageOptions
      const why = optional(integer(0))('page', page) ?? optional(integer(1))('size', size)
      if (why !== undefined) return refuse(name, why)
      const req = build(o as O)
      if (E.isLeft(req)) return refuse(name, req.left)
      const { params, query } = req.right
      return paginate((p: number) =>
        request(
          ctx,
          {
            operation: name,
            method: 'GET',
            path,
            params,
            query: { ...query, page: p, size: size }
          },
          pageCodec
        )
      )(page ?? 0)
    })
}
