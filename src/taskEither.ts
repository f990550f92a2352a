/**
 * The few TaskEither combinators the operations use, written out so that a bundle with one operation does not
 * carry fp-ts's TaskEither module and its type-class instances: about 0.85 KB min+gz per operation bundle
 * (`addCustomer` alone: 14.3 KB with this module, 15.1 KB with these five re-exported from `fp-ts/TaskEither`;
 * esbuild, browser ESM, minified, gzip -9, the way tests/size/scenarios.ts measures). The values are ordinary fp-ts
 * `TaskEither`s; users compose them with fp-ts as usual. tests/taskEither.test.ts checks them against fp-ts's own.
 * Internal: not re-exported from the package.
 *
 * @since 0.1.0
 */
import * as E from './either'
import type { TaskEither } from '#fp-ts/TaskEither'

export type { TaskEither } from '#fp-ts/TaskEither'

/** @internal */
export const left =
  <L, A = never>(e: L): TaskEither<L, A> =>
  () =>
    Promise.resolve(E.left(e))

/** @internal */
export const right =
  <A, L = never>(a: A): TaskEither<L, A> =>
  () =>
    Promise.resolve(E.right(a))

/** @internal */
export const map =
  <A, B>(f: (a: A) => B) =>
  <L>(ma: TaskEither<L, A>): TaskEither<L, B> =>
  async () => {
    const a = await ma()
    return E.isLeft(a) ? a : E.right(f(a.right))
  }

/** @internal */
export const flatMap =
  <A, L2, B>(f: (a: A) => TaskEither<L2, B>) =>
  <L1>(ma: TaskEither<L1, A>): TaskEither<L1 | L2, B> =>
  async () => {
    const a = await ma()
    return E.isLeft(a) ? a : f(a.right)()
  }

/** @internal */
export const orElse =
  <L1, L2, B>(f: (e: L1) => TaskEither<L2, B>) =>
  <A>(ma: TaskEither<L1, A>): TaskEither<L2, A | B> =>
  async () => {
    const a = await ma()
    return E.isLeft(a) ? f(a.left)() : a
  }
