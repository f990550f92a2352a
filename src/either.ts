/**
 * The few Either helpers the request core and the operations use, written out: importing fp-ts/Either for them costs
 * ~0.55 KB gz per bundle that does not decode with io-ts (its module-level instances cannot be shaken). The values
 * are ordinary fp-ts `Either`s. Internal.
 *
 * @since 0.2.0
 */
import type { Either, Left, Right } from '#fp-ts/Either'

export type { Either } from '#fp-ts/Either'

/**
 * A failure.
 *
 * @category constructors
 * @since 0.2.0
 */
export const left = <L, A = never>(left: L): Either<L, A> => ({ _tag: 'Left', left })

/**
 * A success.
 *
 * @category constructors
 * @since 0.2.0
 */
export const right = <A, L = never>(right: A): Either<L, A> => ({ _tag: 'Right', right })

/**
 * Whether an Either is a failure.
 *
 * @category refinements
 * @since 0.2.0
 */
export const isLeft = <L, A>(e: Either<L, A>): e is Left<L> => e._tag === 'Left'

/**
 * Whether an Either is a success.
 *
 * @category refinements
 * @since 0.2.0
 */
export const isRight = <L, A>(e: Either<L, A>): e is Right<A> => e._tag === 'Right'
