/**
 * Pagination: a `Paginated` value remembers the request that produced it, so that `nextPage` and `previousPage`
 * repeat it with another page number, and `pages` walks every page lazily.
 *
 * The continuation lives under a symbol key: `JSON.stringify` and `util.inspect` show no token, and `{ ...p }`
 * copies it, so copies keep working with every helper.
 *
 * @since 0.1.0
 */
import * as E from './either'
import type * as TE from './taskEither'
import { invalidInput, networkError, type ContacthubError } from './error'
import type { Page, PageInfo } from './codecs/page'

/**
 * The key under which a `Paginated` keeps its continuation.
 *
 * @category pagination
 * @since 0.1.0
 */
export const continuation: unique symbol = Symbol.for('contacthub-fp/continuation')

/**
 * Fetches another page of the same request.
 *
 * @category pagination
 * @since 0.1.0
 */
export type FetchPage<A> = (page: number) => TE.TaskEither<ContacthubError, Paginated<A>>

/**
 * One page of a listing, able to fetch its neighbours.
 *
 * @category pagination
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
 * @category pagination
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
 * @category pagination
 * @since 0.1.0
 */
export const hasNextPage = <A>(p: Paginated<A>): boolean => {
  try {
    return p.page.number + 1 < p.page.totalPages
  } catch {
    return false
  }
}

/**
 * Whether a page before this one exists.
 *
 * @category pagination
 * @since 0.1.0
 */
export const hasPreviousPage = <A>(p: Paginated<A>): boolean => {
  try {
    return p.page.number > 0 && p.page.totalPages > 0
  } catch {
    return false
  }
}

/** Fetches the page `step` away from `p` when `can(p)`, lazily; a value that is not a page is an `InvalidInput`. */
const move =
  <A>(
    name: string,
    p: Paginated<A>,
    step: number,
    can: (p: Paginated<A>) => boolean,
    cannot: (n: PageInfo) => string
  ): TE.TaskEither<ContacthubError, Paginated<A>> =>
  async () => {
    try {
      if (!can(p)) return E.left(invalidInput(`${name}: ${cannot(p.page)}.`))
      const fetchPage = p[continuation]
      if (typeof fetchPage === 'function') return await fetchPage(p.page.number + step)()
    } catch {
      // not a page: it cannot remember a request either
    }
    return E.left(invalidInput(`${name}: this page does not remember the request that produced it.`))
  }

/**
 * Fetches the page after `p`; `InvalidInput` (nothing sent) when `p` is the last.
 *
 * @example
 * pipe(getCustomers(ctx, { size: 50 }), TE.flatMap(nextPage))
 *
 * @category pagination
 * @since 0.1.0
 */
export const nextPage = <A>(p: Paginated<A>): TE.TaskEither<ContacthubError, Paginated<A>> =>
  move('nextPage', p, 1, hasNextPage, (n) => `page ${n.number} is the last of ${n.totalPages}`)

/**
 * Fetches the page before `p`; `InvalidInput` (nothing sent) when `p` is the first.
 *
 * @example
 * pipe(getCustomers(ctx, { page: 3 }), TE.flatMap(previousPage))
 *
 * @category pagination
 * @since 0.1.0
 */
export const previousPage = <A>(p: Paginated<A>): TE.TaskEither<ContacthubError, Paginated<A>> =>
  move('previousPage', p, -1, hasPreviousPage, (n) => `page ${n.number} is the first`)

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
 * @category pagination
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

/**
 * Walks the elements of a listing lazily, starting with `first`: one `Right` per element, page after page. The next
 * page is fetched only when the consumer asks for the element after the last one of the current page; a failure is
 * yielded once as a `Left` (after the elements of the pages before it), and then the walk stops. Leaving the loop
 * early (`break`, `return`, a throw) fetches nothing more. It never throws.
 *
 * @example
 * for await (const customer of items(getCustomers(ctx, { size: 100 }))) {
 *   if (E.isLeft(customer)) { console.error(renderError(customer.left)); break }
 *   console.log(customer.right.id)
 * }
 *
 * @category pagination
 * @since 0.2.0
 */
export async function* items<A>(
  first: TE.TaskEither<ContacthubError, Paginated<A>>
): AsyncGenerator<E.Either<ContacthubError, A>, void, undefined> {
  for await (const page of pages(first)) {
    if (E.isLeft(page)) {
      yield page
      return
    }
    for (const element of page.right.elements) yield E.right(element)
  }
}
