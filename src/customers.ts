/**
 * Customer operations: create (with `forceUpdate` on a conflict), read by id or external id, list and query,
 * update (PATCH or PUT) and delete.
 *
 * @since 0.1.0
 */
import * as t from '#io-ts/index'
import * as E from '#fp-ts/Either'
import * as TE from './taskEither'
import { pipe } from '#fp-ts/function'
import type { Context } from './context'
import { conflictingCustomerId, invalidInput, notFound, type ContacthubError } from './error'
import { request, requestVoid } from './request'
import { withoutNulls } from './codecs/common'
import { pageOf } from './codecs/page'
import { Customer } from './codecs/customer'
import { encodeCustomerInput, type CustomerInput, type CustomerPatch } from './codecs/customer-input'
import { paginate, type Paginated } from './pagination'
import type { Query } from './codecs/query'

const CUSTOMERS = '/workspaces/{workspaceId}/customers'
const CUSTOMER = '/workspaces/{workspaceId}/customers/{id}'

type Rec = Readonly<Record<string, unknown>>

const CustomerPage = /*#__PURE__*/ pageOf(Customer)

const CustomerElements = /*#__PURE__*/ t.type({ elements: /*#__PURE__*/ t.readonlyArray(Customer) }, 'CustomerList')

const isRecord = (u: unknown): u is Rec => typeof u === 'object' && u !== null && !Array.isArray(u)

const omit = (o: Rec, keys: ReadonlyArray<string>): Record<string, unknown> => {
  const out: Record<string, unknown> = { ...o }
  for (const k of keys) delete out[k]
  return out
}

/** Encodes a customer input into a body, lazily and safely: an invalid input is an `InvalidInput`, never a throw. */
const body =
  (
    operation: string,
    customer: CustomerInput,
    shape: (wire: Rec) => unknown
  ): TE.TaskEither<ContacthubError, unknown> =>
  () => {
    try {
      const wire = encodeCustomerInput(customer)
      return Promise.resolve(
        E.isLeft(wire) ? E.left(invalidInput(`${operation}: ${wire.left}.`)) : E.right(shape(wire.right))
      )
    } catch {
      return Promise.resolve(E.left(invalidInput(`${operation}: the customer cannot be serialised as JSON.`)))
    }
  }

/** Create and PATCH bodies never carry the server's read-only properties. */
const NOT_SENT_ON_CREATE = ['id', 'registeredAt', 'updatedAt']
const NOT_SENT_ON_PATCH = ['id', 'nodeId', 'registeredAt', 'updatedAt']
const NOT_SENT_ON_PUT = ['registeredAt', 'updatedAt']

/** Runs `f` with the context's node id, or fails with `InvalidInput` when the context has none. Lazy. */
const withNode =
  <A>(
    operation: string,
    ctx: Context,
    f: (nodeId: string) => TE.TaskEither<ContacthubError, A>
  ): TE.TaskEither<ContacthubError, A> =>
  () => {
    const nodeId: unknown = typeof ctx === 'object' && ctx !== null ? ctx.nodeId : undefined
    return typeof nodeId === 'string' && nodeId !== ''
      ? f(nodeId)()
      : Promise.resolve(E.left(invalidInput(`${operation}: the context's nodeId must be a non-empty string.`)))
  }

const patch = (
  ctx: Context,
  operation: string,
  id: string,
  payload: unknown
): TE.TaskEither<ContacthubError, Customer> =>
  request(ctx, { operation, method: 'PATCH', path: CUSTOMER, params: { id }, body: payload }, Customer)

/**
 * Options of {@link addCustomer}.
 *
 * @category model
 * @since 0.1.0
 */
export interface AddCustomerOptions {
  /**
   * When a customer with the same unique key exists (a 409), PATCH that customer with the same properties instead
   * of failing. The existing id is read from the 409's `data.customer.id`; its `href` is never followed.
   */
  readonly forceUpdate?: boolean
}

/**
 * Creates a customer in the context's node (`POST /customers`, the body gets `nodeId`; `null`s are left out, `dob`
 * is sent as `YYYY-MM-DD`). With `forceUpdate`, a conflict with an existing customer PATCHes that one with the same
 * properties (the `null`s of `customer` are left out there too) and returns it.
 *
 * @example
 * const task = addCustomer(ctx, { externalId: 'c-42', base: { firstName: 'Ada', contacts: { email: 'ada@example.com' } } }, { forceUpdate: true })
 * const result = await task() // Either<ContacthubError, Customer>
 *
 * @category customers
 * @since 0.1.0
 */
export const addCustomer = (
  ctx: Context,
  customer: CustomerInput,
  opts?: AddCustomerOptions
): TE.TaskEither<ContacthubError, Customer> =>
  withNode('addCustomer', ctx, (nodeId) =>
    pipe(
      body('addCustomer', customer, (wire) => withoutNulls({ ...omit(wire, NOT_SENT_ON_CREATE), nodeId })),
      TE.flatMap((payload) =>
        pipe(
          request(ctx, { operation: 'addCustomer', method: 'POST', path: CUSTOMERS, body: payload }, Customer),
          TE.orElse((error) => {
            const existing = opts?.forceUpdate === true ? conflictingCustomerId(error) : undefined
            return existing?._tag === 'Some'
              ? patch(
                  ctx,
                  'addCustomer',
                  existing.value,
                  isRecord(payload) ? omit(payload, NOT_SENT_ON_PATCH) : payload
                )
              : TE.left(error)
          })
        )
      )
    )
  )

/**
 * Reads a customer by id (`GET /customers/{id}`). An unknown id is an `HttpError` with status 404.
 *
 * @example
 * pipe(getCustomer(ctx, id), TE.map((c) => c.base?.firstName))
 *
 * @category customers
 * @since 0.1.0
 */
export const getCustomer = (ctx: Context, id: string): TE.TaskEither<ContacthubError, Customer> =>
  request(ctx, { operation: 'getCustomer', method: 'GET', path: CUSTOMER, params: { id } }, Customer)

/**
 * Reads the customer of the context's node with this external id (`GET /customers?nodeId&externalId`).
 * `NotFound` when no customer has it.
 *
 * @example
 * pipe(getCustomerByExternalId(ctx, 'c-42'), TE.map((c) => c.id))
 *
 * @category customers
 * @since 0.1.0
 */
export const getCustomerByExternalId = (ctx: Context, externalId: string): TE.TaskEither<ContacthubError, Customer> =>
  typeof externalId !== 'string' || externalId === ''
    ? TE.left(invalidInput('getCustomerByExternalId: externalId must be a non-empty string.'))
    : withNode('getCustomerByExternalId', ctx, (nodeId) =>
        pipe(
          request(
            ctx,
            { operation: 'getCustomerByExternalId', method: 'GET', path: CUSTOMERS, query: { nodeId, externalId } },
            CustomerElements
          ),
          TE.flatMap(({ elements }) =>
            elements.length > 0
              ? TE.right(elements[0])
              : TE.left(
                  notFound(
                    `getCustomerByExternalId: no customer of node ${nodeId} has the external id ${JSON.stringify(externalId)}.`
                  )
                )
          )
        )
      )

/**
 * Options of {@link getCustomers}.
 *
 * @category model
 * @since 0.1.0
 */
export interface GetCustomersOptions {
  /** Only the customers with this external id. */
  readonly externalId?: string
  /** A query built with the query builder (`customerQuery(...)`), sent as the `query` parameter. */
  readonly query?: Query
  /** The fields to return (`['base.firstName', 'base.contacts.email']`); the others come back `null`. */
  readonly fields?: ReadonlyArray<string> | string
  /** The 0-based page number; default 0. */
  readonly page?: number
  /** The page size (the API's default is 10; 50 is a safe maximum). */
  readonly size?: number
  /** The field to sort by (`base.lastName`). */
  readonly sort?: string
  /** The sort direction; needs `sort`. */
  readonly direction?: 'asc' | 'desc'
}

const checkOptions = (opts: GetCustomersOptions): string | undefined => {
  const { page, size, sort, direction, query, externalId } = opts
  if (page !== undefined && !(Number.isInteger(page) && page >= 0)) return 'page must be an integer >= 0'
  if (size !== undefined && !(Number.isInteger(size) && size >= 1)) return 'size must be an integer >= 1'
  if (sort !== undefined && (typeof sort !== 'string' || sort === '')) return 'sort must be a non-empty field name'
  if (direction !== undefined && direction !== 'asc' && direction !== 'desc') return 'direction must be "asc" or "desc"'
  if (direction !== undefined && sort === undefined) return 'direction needs sort'
  if (query !== undefined && (typeof query !== 'object' || query === null)) return 'query must be a query object'
  if (externalId !== undefined && typeof externalId !== 'string') return 'externalId must be a string'
  return undefined
}

/**
 * Lists the customers of the context's node, a page at a time (`GET /customers?nodeId&...`). `query` filters
 * with the query builder; `fields` limits the returned properties; `sort` and `direction` are sent as
 * `sort=<field>,<direction>`. The result remembers the request: `nextPage`, `previousPage` and `pages` walk on.
 *
 * @example
 * pipe(
 *   getCustomers(ctx, { query: customerQuery(eq('base.firstName', 'Ada')), size: 50, sort: 'base.lastName', direction: 'asc' }),
 *   TE.map((p) => p.elements)
 * )
 *
 * @category customers
 * @since 0.1.0
 */
export const getCustomers = (
  ctx: Context,
  opts: GetCustomersOptions = {}
): TE.TaskEither<ContacthubError, Paginated<Customer>> => {
  const invalid = checkOptions(opts ?? {})
  if (invalid !== undefined) return TE.left(invalidInput(`getCustomers: ${invalid}.`))
  const { externalId, query, fields, size, sort, direction } = opts ?? {}
  let queryJson: string | undefined
  try {
    queryJson = query === undefined ? undefined : JSON.stringify(query)
  } catch {
    return TE.left(invalidInput('getCustomers: the query cannot be serialised as JSON.'))
  }
  const fieldList = fields === undefined ? undefined : typeof fields === 'string' ? fields : fields.join(',')
  const sortParam = sort === undefined ? undefined : direction === undefined ? sort : `${sort},${direction}`
  const fetchPage = paginate((page: number) =>
    withNode('getCustomers', ctx, (nodeId) =>
      request(
        ctx,
        {
          operation: 'getCustomers',
          method: 'GET',
          path: CUSTOMERS,
          query: { nodeId, externalId, query: queryJson, fields: fieldList, page, size, sort: sortParam }
        },
        CustomerPage
      )
    )
  )
  return fetchPage(opts?.page ?? 0)
}

/**
 * Options of {@link updateCustomer}.
 *
 * @category model
 * @since 0.1.0
 */
export interface UpdateCustomerOptions {
  /** Replace the whole customer with `PUT` (the body gets `id` and `nodeId`; `null`s are left out). */
  readonly fullUpdate?: boolean
}

/**
 * Updates a customer. By default a `PATCH /customers/{id}`: the given properties change, `null` clears one, the
 * others stay (see `customerPatch`). With `fullUpdate`, a `PUT` that replaces the whole customer.
 *
 * @example
 * updateCustomer(ctx, id, { base: { firstName: 'Ada', middleName: null } })
 * updateCustomer(ctx, id, wholeCustomer, { fullUpdate: true })
 *
 * @category customers
 * @since 0.1.0
 */
export const updateCustomer = (
  ctx: Context,
  id: string,
  customer: CustomerPatch,
  opts?: UpdateCustomerOptions
): TE.TaskEither<ContacthubError, Customer> =>
  opts?.fullUpdate === true
    ? withNode('updateCustomer', ctx, (nodeId) =>
        pipe(
          body('updateCustomer', customer, (wire) => withoutNulls({ ...omit(wire, NOT_SENT_ON_PUT), id, nodeId })),
          TE.flatMap((payload) =>
            request(
              ctx,
              { operation: 'updateCustomer', method: 'PUT', path: CUSTOMER, params: { id }, body: payload },
              Customer
            )
          )
        )
      )
    : pipe(
        body('updateCustomer', customer, (wire) => omit(wire, NOT_SENT_ON_PATCH)),
        TE.flatMap((payload) => patch(ctx, 'updateCustomer', id, payload))
      )

/**
 * Deletes a customer (`DELETE /customers/{id}`). An empty 200, or one with the deleted customer, is a success.
 *
 * @category customers
 * @since 0.1.0
 */
export const deleteCustomer = (ctx: Context, id: string): TE.TaskEither<ContacthubError, void> =>
  requestVoid(ctx, { operation: 'deleteCustomer', method: 'DELETE', path: CUSTOMER, params: { id } })
