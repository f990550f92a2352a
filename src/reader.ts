/**
 * Operations as fp-ts readers: the context is given once, to the whole program, instead of to every call.
 *
 * @since 0.2.0
 */
import type { ReaderTaskEither } from '#fp-ts/ReaderTaskEither'
import type { TaskEither } from '#fp-ts/TaskEither'

/**
 * Turns an operation `(ctx, ...args) => TaskEither<E, A>` into `(...args) => ReaderTaskEither<R, E, A>`, where `R`
 * is the type of the operation's first parameter (a `Context`; `getMe`'s workspace without its id). The arguments,
 * optional ones included, keep their types; the operation runs only when the reader gets its context and the task
 * runs. One function for every operation: nothing is copied per operation.
 *
 * An overloaded function gives TypeScript's inference only its last signature (no operation of this package is
 * overloaded). A generic operation keeps its type parameters.
 *
 * @example
 * import * as RTE from 'fp-ts/ReaderTaskEither'
 * import type { Context } from 'contacthub-fp'
 *
 * const renameFirst = pipe(
 *   asReader(getCustomers)({ size: 1 }),
 *   RTE.chain((page) =>
 *     page.elements[0] === undefined
 *       ? RTE.right<Context, ContacthubError, O.Option<Customer>>(O.none)
 *       : pipe(asReader(updateCustomer)(page.elements[0].id, { base: { firstName: 'Ada' } }), RTE.map(O.some))
 *   )
 * )
 * const task = renameFirst(ctx) // TaskEither<ContacthubError, Option<Customer>>
 *
 * @category combinators
 * @since 0.2.0
 */
export const asReader =
  <R, P extends ReadonlyArray<unknown>, E, A>(op: (r: R, ...args: P) => TaskEither<E, A>) =>
  (...args: P): ReaderTaskEither<R, E, A> =>
  (r) =>
    op(r, ...args)
