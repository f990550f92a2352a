// The hand-written TaskEither combinators behave exactly as fp-ts's own: the monad laws, and the same results as
// TE.left/right/map/flatMap/orElse on generated inputs.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from '#fp-ts/Either'
import * as FTE from '#fp-ts/TaskEither'
import { pipe } from '#fp-ts/function'
import * as TE from '../src/taskEither'

type T = TE.TaskEither<string, number>

const either = fc.oneof(fc.string().map(E.left), fc.integer().map(E.right)) as fc.Arbitrary<E.Either<string, number>>
/** A task that resolves to a generated Either, at once or after a microtask. */
const task = fc.tuple(either, fc.boolean()).map(
  ([e, later]): T =>
    () =>
      later ? Promise.resolve().then(() => e) : Promise.resolve(e)
)
/** A function to a task: a generated table from the input's parity and sign to Eithers. */
const kleisli = fc.tuple(either, either, either).map(
  ([a, b, c]) =>
    (n: number): T =>
    () =>
      Promise.resolve(n % 2 === 0 ? a : n < 0 ? b : c)
)
const kleisliLeft = fc.tuple(either, either).map(
  ([a, b]) =>
    (s: string): T =>
    () =>
      Promise.resolve(s.length % 2 === 0 ? a : b)
)
const fn = fc.integer().map((k) => (n: number) => n * 3 + k)

const same = async (x: T, y: T): Promise<void> => expect(await x()).toEqual(await y())

describe('taskEither', () => {
  it('left and right build the same tasks as fp-ts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.integer(), async (s, n) => {
        await same(TE.left(s), FTE.left(s))
        await same(TE.right(n), FTE.right(n))
      })
    )
  })

  it('map, flatMap and orElse give what fp-ts gives', async () => {
    await fc.assert(
      fc.asyncProperty(task, fn, kleisli, kleisliLeft, async (ma, f, g, h) => {
        await same(pipe(ma, TE.map(f)), pipe(ma, FTE.map(f)))
        await same(pipe(ma, TE.flatMap(g)), pipe(ma, FTE.flatMap(g)))
        await same(pipe(ma, TE.orElse(h)), pipe(ma, FTE.orElse(h)))
      })
    )
  })

  it('obeys the monad laws', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer(), task, kleisli, kleisli, async (a, m, f, g) => {
        // left identity, right identity, associativity
        await same(pipe(TE.right(a), TE.flatMap(f)), f(a))
        await same(
          pipe(
            m,
            TE.flatMap((x) => TE.right(x))
          ),
          m
        )
        await same(
          pipe(m, TE.flatMap(f), TE.flatMap(g)),
          pipe(
            m,
            TE.flatMap((x) => pipe(f(x), TE.flatMap(g)))
          )
        )
      })
    )
  })

  it('obeys the functor laws, and orElse recovers only from a Left', async () => {
    await fc.assert(
      fc.asyncProperty(task, fn, fn, kleisliLeft, fc.integer(), async (m, f, g, h, n) => {
        await same(
          pipe(
            m,
            TE.map((x) => x)
          ),
          m
        )
        await same(
          pipe(m, TE.map(f), TE.map(g)),
          pipe(
            m,
            TE.map((x) => g(f(x)))
          )
        )
        await same(pipe(TE.right(n), TE.orElse(h)), TE.right(n))
      })
    )
  })

  it('runs nothing until the task runs, and each run runs again', async () => {
    let runs = 0
    const counted: T = () => Promise.resolve(E.right(++runs))
    const composed = pipe(
      counted,
      TE.map((n) => n + 1),
      TE.flatMap((n) => TE.right(n * 2)),
      TE.orElse(() => TE.right(0))
    )
    expect(runs).toBe(0)
    expect(await composed()).toEqual(E.right(4))
    expect(await composed()).toEqual(E.right(6))
    expect(runs).toBe(2)
  })
})
