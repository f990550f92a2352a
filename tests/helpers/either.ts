// The one way tests unwrap an Either: the side they expect, or a thrown error that shows the other side.
import * as E from '#fp-ts/Either'

/** The Right of an Either, or a thrown error that shows the Left. */
export const expectRight = <L, A>(e: E.Either<L, A>): A => {
  if (E.isLeft(e)) throw new Error(`expected a Right, got ${JSON.stringify(e.left)}`)
  return e.right
}

/** The Left of an Either, or a thrown error that shows the Right. */
export const expectLeft = <L, A>(e: E.Either<L, A>): L => {
  if (E.isRight(e)) throw new Error(`expected a Left, got ${JSON.stringify(e.right)}`)
  return e.left
}

/** The element at `index` (negative counts from the end), or a thrown error naming the index and the length. */
export const nth = <A>(list: ReadonlyArray<A>, index: number): A => {
  const i = index < 0 ? list.length + index : index
  if (i < 0 || i >= list.length) throw new Error(`expected an element at ${index}, the list has ${list.length}`)
  return list[i] as A
}
