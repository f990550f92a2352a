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
import type * as TE from '#fp-ts/TaskEither'
import { invalidInput, type ContacthubError } from './error'
import { left } from './taskEither'
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
    const raw = await fetchRaw(page)()
    if (E.isLeft(raw)) return raw
    const value: Paginated<A> = { elements: raw.right.elements, page: raw.right.page, [continuation]: fetchPage }
    return E.right(value)
  }
  return fetchPage
}

/**
 * Whether a page after this one exists (`number` is 0-based).
 *
 * @category utils
 * @since 0.1.0
 */
export const hasNextPage = <A>(p: Paginated<A>): boolean => p.page.number + 1 < p.page.totalPages

/**
 * Whether a page before this one exists.
 *
 * @category utils
 * @since 0.1.0
 */
export const hasPreviousPage = <A>(p: Paginated<A>): boolean => p.page.number > 0 && p.page.totalPages > 0

const goTo =
  <A>(p: Paginated<A>, page: number, name: string): TE.TaskEither<ContacthubError, Paginated<A>> =>
  async () => {
    const fetchPage = p[continuation]
    if (typeof fetchPage !== 'function')
      return E.left({
        _tag: 'InvalidInput',
        message: `${name}: this page does not remember the request that produced it.`
      })
    return fetchPage(page)()
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
export const nextPage = <A>(p: Paginated<A>): TE.TaskEither<ContacthubError, Paginated<A>> =>
  hasNextPage(p)
    ? goTo(p, p.page.number + 1, 'nextPage')
    : left(invalidInput(`nextPage: page ${p.page.number} is the last of ${p.page.totalPages}.`))

/**
 * Fetches the page before `p`; `InvalidInput` (nothing sent) when `p` is the first.
 *
 * @category utils
 * @since 0.1.0
 */
export const previousPage = <A>(p: Paginated<A>): TE.TaskEither<ContacthubError, Paginated<A>> =>
  hasPreviousPage(p)
    ? goTo(p, p.page.number - 1, 'previousPage')
    : left(invalidInput(`previousPage: page ${p.page.number} is the first.`))

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
      result = E.left({
        _tag: 'NetworkError',
        message: 'pages: fetching a page failed unexpectedly.',
        method: 'GET',
        path: ''
      })
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
