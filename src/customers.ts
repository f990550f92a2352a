/**
 * Customer operations: create (with `forceUpdate` on a conflict), read by id or external id, list and query,
 * update (PATCH or PUT) and delete.
 *
 * @since 0.1.0
 */
import * as t from '#io-ts/index'
import * as E from './either'
import * as TE from './taskEither'
import { pipe } from '#fp-ts/function'
import type { Context } from './context'
import { conflictingCustomerId, notFound, type ContacthubError } from './error'
import { request, requestVoid } from './request'
import { withoutNulls } from './codecs/common'
import { Customer } from './codecs/customer'
import { encodeCustomerInput, type CustomerInput, type CustomerPatch } from './codecs/customer-input'
import type { Paginated } from './pagination'
import type { Query } from './codecs/query'
import {
  encodeBody,
  nodeIdOf,
  nonEmptyString,
  operation,
  pagedGet,
  refuse,
  withNode,
  type Check,
  type PagedRequest,
  type Rec
} from './operation'

const CUSTOMERS = '/workspaces/{workspaceId}/customers'
const CUSTOMER = '/workspaces/{workspaceId}/customers/{id}'

const CustomerElements = /*#__PURE__*/ t.type({ elements: /*#__PURE__*/ t.readonlyArray(Customer) }, 'CustomerList')

const omit = (o: Rec, keys: ReadonlyArray<string>): Record<string, unknown> => {
  const out: Record<string, unknown> = { ...o }
  for (const k of keys) delete out[k]
  return out
}

/** The body of a customer input, encoded when the task runs (see `encodeBody`). */
const body = (
  operation: string,
  customer: CustomerInput,
  shape: (wire: Rec) => unknown
): TE.TaskEither<ContacthubError, unknown> => encodeBody(operation, 'customer', encodeCustomerInput, customer, shape)

/** Create and PATCH bodies never carry the server's read-only properties. */
const NOT_SENT_ON_CREATE = ['id', 'registeredAt', 'updatedAt']
const NOT_SENT_ON_PATCH = ['id', 'nodeId', 'registeredAt', 'updatedAt']
const NOT_SENT_ON_PUT = ['registeredAt', 'updatedAt']

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
 * @category customers
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
  operation('addCustomer', ctx, () => {
    const forceUpdate = opts?.forceUpdate === true
    return withNode('addCustomer', ctx, (nodeId) =>
      pipe(
        body('addCustomer', customer, (wire) => withoutNulls({ ...omit(wire, NOT_SENT_ON_CREATE), nodeId })),
        TE.flatMap((payload) =>
          pipe(
            request(ctx, { operation: 'addCustomer', method: 'POST', path: CUSTOMERS, body: payload }, Customer),
            TE.orElse((error) => {
              const existing = forceUpdate ? conflictingCustomerId(error) : undefined
              return existing?._tag === 'Some'
                ? // (the payload is the object built above)
                  patch(ctx, 'addCustomer', existing.value, omit(payload as Rec, NOT_SENT_ON_PATCH))
                : TE.left(error)
            })
          )
        )
      )
    )
  })

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
  operation('getCustomer', ctx, () =>
    request(ctx, { operation: 'getCustomer', method: 'GET', path: CUSTOMER, params: { id } }, Customer)
  )

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
  operation('getCustomerByExternalId', ctx, () =>
    nonEmptyString('externalId', externalId) !== undefined
      ? refuse('getCustomerByExternalId', 'externalId must be a non-empty string')
      : withNode('getCustomerByExternalId', ctx, (nodeId) =>
          pipe(
            request(
              ctx,
              { operation: 'getCustomerByExternalId', method: 'GET', path: CUSTOMERS, query: { nodeId, externalId } },
              CustomerElements
            ),
            TE.flatMap(({ elements: [first] }) =>
              first !== undefined
                ? TE.right(first)
                : TE.left(
                    notFound(
                      `getCustomerByExternalId: no customer of node ${nodeId} has the external id ${JSON.stringify(externalId)}.`
                    )
                  )
            )
          )
        )
  )

/**
 * Options of {@link getCustomers}.
 *
 * @category customers
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

const sortCheck: Check = (name, u) =>
  u === undefined || (typeof u === 'string' && u !== '') ? undefined : `${name} must be a non-empty field name`

/** The request of `GET /customers` (page and size aside), or why it is refused. */
const customersRequest = (ctx: Context, o: GetCustomersOptions): E.Either<string, PagedRequest> => {
  const { sort, direction, query, externalId, fields } = o
  const why =
    sortCheck('sort', sort) ??
    (direction === undefined || direction === 'asc' || direction === 'desc'
      ? undefined
      : 'direction must be "asc" or "desc"') ??
    (direction !== undefined && sort === undefined ? 'direction needs sort' : undefined) ??
    (query !== undefined && (typeof query !== 'object' || query === null)
      ? 'query must be a query object'
      : undefined) ??
    (externalId !== undefined && typeof externalId !== 'string' ? 'externalId must be a string' : undefined) ??
    (fields === undefined ||
    typeof fields === 'string' ||
    (Array.isArray(fields) && fields.every((f) => typeof f === 'string'))
      ? undefined
      : 'fields must be a string or a list of strings')
  if (why !== undefined) return E.left(why)
  let json: string | undefined
  try {
    json = query === undefined ? undefined : JSON.stringify(query)
  } catch {
    return E.left('the query cannot be serialised as JSON')
  }
  const nodeId = nodeIdOf(ctx)
  if (E.isLeft(nodeId)) return nodeId
  return E.right({
    query: {
      nodeId: nodeId.right,
      externalId,
      query: json,
      fields: typeof fields === 'string' || fields === undefined ? fields : fields.join(','),
      sort: sort === undefined ? undefined : direction === undefined ? sort : `${sort},${direction}`
    }
  })
}

const customersPaged = /*#__PURE__*/ pagedGet('getCustomers', CUSTOMERS, Customer)

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
  opts?: GetCustomersOptions
): TE.TaskEither<ContacthubError, Paginated<Customer>> => customersPaged(ctx, opts, (o) => customersRequest(ctx, o))

/**
 * Options of {@link updateCustomer}.
 *
 * @category customers
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
 * declare const wholeCustomer: CustomerInput
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
  operation('updateCustomer', ctx, () =>
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
  )

/**
 * Deletes a customer (`DELETE /customers/{id}`). An empty 200, or one with the deleted customer, is a success.
 *
 * @category customers
 * @since 0.1.0
 */
export const deleteCustomer = (ctx: Context, id: string): TE.TaskEither<ContacthubError, void> =>
  operation('deleteCustomer', ctx, () =>
    requestVoid(ctx, { operation: 'deleteCustomer', method: 'DELETE', path: CUSTOMER, params: { id } })
  )
