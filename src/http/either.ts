/**
 * `left` and `right` written out: importing fp-ts/Either for them costs ~0.55 KB gz per bundle (its module-level
 * instances cannot be shaken), and the request core needs nothing else from it. The values are ordinary fp-ts
 * `Either`s. Internal.
 *
 * @since 0.2.0
 */
import type { Either } from '#fp-ts/Either'

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
