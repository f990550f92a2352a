/**
 * Bulk export: `exportCustomers`, every customer of the context's node (or those a query selects), page by page.
 *
 * @since 0.2.0
 */
import type { Either } from '#fp-ts/Either'
import type { Context } from '../context'
import { invalidInput, type ContacthubError } from '../error'
import { left, right } from '../either'
import { getCustomers } from '../customers'
import { pages } from '../pagination'
import type { Customer } from '../codecs/customer'
import type { Query } from '../codecs/query'
import { isRecord } from '../operation'

/**
 * Options of {@link exportCustomers}.
 *
 * @category bulk
 * @since 0.2.0
 */
export interface ExportCustomersOptions {
  /** Only the customers this query selects (built with `customerQuery(...)`). */
  readonly query?: Query
  /** The fields to return (`['base.firstName', 'base.contacts.email']`); the others come back `null`. */
  readonly fields?: ReadonlyArray<string> | string
  /** Customers per request; default 50. */
  readonly pageSize?: number
}

/** The default page size: the API's safe maximum. */
const DEFAULT_PAGE_SIZE = 50

async function* customersOf(
  ctx: Context,
  opts: ExportCustomersOptions | undefined
): AsyncGenerator<Either<ContacthubError, Customer>, void, undefined> {
  let query: Query | undefined
  let fields: ReadonlyArray<string> | string | undefined
  let pageSize: unknown
  try {
    const o: unknown = opts ?? {}
    if (!isRecord(o)) {
      yield left(invalidInput('exportCustomers: the options must be an object.'))
      return
    }
    ;({ query, fields, pageSize } = o as ExportCustomersOptions)
  } catch {
    yield left(invalidInput('exportCustomers: its arguments cannot be read.'))
    return
  }
  pageSize ??= DEFAULT_PAGE_SIZE
  if (typeof pageSize !== 'number' || !Number.isInteger(pageSize) || pageSize < 1) {
    yield left(invalidInput('exportCustomers: pageSize must be an integer >= 1.'))
    return
  }
  for await (const page of pages(getCustomers(ctx, { query, fields, size: pageSize }))) {
    if (page._tag === 'Left') {
      yield page
      return
    }
    for (const customer of page.right.elements) yield right(customer)
  }
}

/**
 * Every customer of the context's node, or those `query` selects, as an async iterable read page by page
 * (`GET /customers?nodeId&query&fields&page&size`): one page in memory at a time, the next one fetched when the
 * last customer of the current one has been taken. One `Either` per customer; a page that fails gives one `Left`,
 * and the iteration stops there. It never throws or rejects. Nothing is sent until the iteration starts.
 *
 * @example
 * for await (const item of exportCustomers(ctx, { fields: ['base.firstName', 'base.contacts.email'], pageSize: 50 })) {
 *   if (E.isLeft(item)) console.error(item.left.message)
 *   else console.log(item.right.id, item.right.base?.firstName)
 * }
 *
 * @category bulk
 * @since 0.2.0
 */
export const exportCustomers = (
  ctx: Context,
  opts?: ExportCustomersOptions
): AsyncIterable<Either<ContacthubError, Customer>> => ({
  [Symbol.asyncIterator]: () => customersOf(ctx, opts)
})
