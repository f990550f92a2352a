/**
 * Pagination: a `Paginated` value remembers the request that produced it, so that `nextPage` and `previousPage`
 * repeat it with another page number, and `pages` walks every page lazily.
 *
 * The continuation lives under a symbol key: `JSON.stringify` and `util.inspect` show no token, and `{ ...p }`
 * copies it, so copies keep working with every helper.
 *
 * @since 0.1.0
 */
import * as E from '#fp-ts/Either'
import type * as TE from './taskEither'
import { invalidInput, networkError, type ContacthubError } from './error'
import type { Page, PageInfo } from './codecs/page'

/**
 * The key under which a `Paginated` keeps its continuation.
 *
 * @category model
 * @since 0.1.0
 */
export const continuation: unique symbol = Symbol.for('contacthub-fp/continuation')

/**
 * Fetches another page of the same request.
 *
 * @category model
 * @since 0.1.0
 */
export type FetchPage<A> = (page: number) => TE.TaskEither<ContacthubError, Paginated<A>>

/**
 * One page of a listing, able to fetch its neighbours.
 *
 * @category model
 * @since 0.1.0
 */
export interface Paginated<A> {
  readonly elements: ReadonlyArray<A>
  readonly page: PageInfo
  readonly [continuation]?: FetchPage<A>
}

/**
 * Turns a function that fetches one raw page into one that returns `Paginated` values which remember it.
 * Operations that list things use it; users rarely need it.
 *
 * @category constructors
 * @since 0.1.0
 */
export const paginate = <A>(fetchRaw: (page: number) => TE.TaskEither<ContacthubError, Page<A>>): FetchPage<A> => {
  const fetchPage: FetchPage<A> = (page) => async () => {
    try {
      const raw = await fetchRaw(page)()
      if (E.isLeft(raw)) return raw
      const value: Paginated<A> = { elements: raw.right.elements, page: raw.right.page, [continuation]: fetchPage }
      return E.right(value)
    } catch {
      return E.left(
        networkError({ message: 'paginate: fetching a page failed unexpectedly.', method: 'GET', path: '' })
      )
    }
  }
  return fetchPage
}

/** The numbers of `p`'s page, when it has them (a value from outside the types may not). */
const numbers = (p: unknown): Pick<PageInfo, 'number' | 'totalPages'> | undefined => {
  try {
    const page: unknown = (p as Paginated<unknown>).page
    const { number, totalPages } = (typeof page === 'object' && page !== null ? page : {}) as Partial<PageInfo>
    return typeof number === 'number' && typeof totalPages === 'number' ? { number, totalPages } : undefined
  } catch {
    return undefined
  }
}

const after = (n: Pick<PageInfo, 'number' | 'totalPages'>): boolean => n.number + 1 < n.totalPages

const before = (n: Pick<PageInfo, 'number' | 'totalPages'>): boolean => n.number > 0 && n.totalPages > 0

/**
 * Whether a page after this one exists (`number` is 0-based).
 *
 * @category utils
 * @since 0.1.0
 */
export const hasNextPage = <A>(p: Paginated<A>): boolean => {
  const n = numbers(p)
  return n !== undefined && after(n)
}

/**
 * Whether a page before this one exists.
 *
 * @category utils
 * @since 0.1.0
 */
export const hasPreviousPage = <A>(p: Paginated<A>): boolean => {
  const n = numbers(p)
  return n !== undefined && before(n)
}

/** Fetches the page `step` away from `p`, lazily; every refusal and failure is a `Left`. */
const move =
  <A>(name: string, p: Paginated<A>, step: 1 | -1): TE.TaskEither<ContacthubError, Paginated<A>> =>
  async () => {
    const n = numbers(p)
    if (n === undefined) return E.left(invalidInput(`${name}: the value is not a page of a listing.`))
    if (step === 1 && !after(n))
      return E.left(invalidInput(`${name}: page ${n.number} is the last of ${n.totalPages}.`))
    if (step === -1 && !before(n)) return E.left(invalidInput(`${name}: page ${n.number} is the first.`))
    try {
      const fetchPage = p[continuation]
      if (typeof fetchPage !== 'function')
        return E.left(invalidInput(`${name}: this page does not remember the request that produced it.`))
      return await fetchPage(n.number + step)()
    } catch {
      return E.left(
        networkError({
          message: `${name}: fetching page ${n.number + step} failed unexpectedly.`,
          method: 'GET',
          path: ''
        })
      )
    }
  }

/**
 * Fetches the page after `p`; `InvalidInput` (nothing sent) when `p` is the last.
 *
 * @example
 * pipe(getCustomers(ctx, { size: 50 }), TE.flatMap(nextPage))
 *
 * @category utils
 * @since 0.1.0
 */
export const nextPage = <A>(p: Paginated<A>): TE.TaskEither<ContacthubError, Paginated<A>> => move('nextPage', p, 1)

/**
 * Fetches the page before `p`; `InvalidInput` (nothing sent) when `p` is the first.
 *
 * @example
 * pipe(getCustomers(ctx, { page: 3 }), TE.flatMap(previousPage))
 *
 * @category utils
 * @since 0.1.0
 */
export const previousPage = <A>(p: Paginated<A>): TE.TaskEither<ContacthubError, Paginated<A>> =>
  move('previousPage', p, -1)

/**
 * Walks a listing lazily, one request per page, starting with `first`. Yields each page as a `Right`; a failure is
 * yielded once as a `Left`, and then the walk stops. It never throws.
 *
 * @example
 * for await (const page of pages(getCustomers(ctx, { size: 50 }))) {
 *   if (E.isLeft(page)) { console.error(renderError(page.left)); break }
 *   for (const customer of page.right.elements) console.log(customer.id)
 * }
 *
 * @category utils
 * @since 0.1.0
 */
export async function* pages<A>(
  first: TE.TaskEither<ContacthubError, Paginated<A>>
): AsyncGenerator<E.Either<ContacthubError, Paginated<A>>, void, undefined> {
  let next: TE.TaskEither<ContacthubError, Paginated<A>> | undefined = first
  let lastNumber = -1
  while (next !== undefined) {
    let result: E.Either<ContacthubError, Paginated<A>>
    try {
      result = await next()
    } catch {
      result = E.left(networkError({ message: 'pages: fetching a page failed unexpectedly.', method: 'GET', path: '' }))
    }
    yield result
    if (E.isLeft(result)) return
    const p: Paginated<A> = result.right
    // Stop on the last page, and on a server that does not move forward (never loop on the same page).
    if (!hasNextPage(p) || p.page.number <= lastNumber || p.elements.length === 0) return
    lastNumber = p.page.number
    next = nextPage(p)
  }
}
