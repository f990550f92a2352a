/**
 * Manual tags: `addTag` and `removeTag` read the customer and PATCH only `tags.manual`.
 *
 * The API has no compare-and-set, so two read-modify-write cycles on the same customer could lose a change. Calls
 * for the same customer (same workspace and customer id) made through this module in one process are therefore
 * run one after the other, in the order they were started. Calls from other processes are not covered.
 *
 * @since 0.1.0
 */
import type * as E from '#fp-ts/Either'
import * as TE from './taskEither'
import { pipe } from '#fp-ts/function'
import type { Context } from './context'
import { networkError, type ContacthubError } from './error'
import { request } from './request'
import { operation, pathOf, refuse } from './operation'
import { Customer } from './codecs/customer'

const CUSTOMER = '/workspaces/{workspaceId}/customers/{id}'

/**
 * The one piece of module-level mutable state of the library: the tail of each customer's queue, keyed by
 * `JSON.stringify([workspaceId, customerId])`. Its scope is this module instance, so one JavaScript realm (a
 * process, a worker, a browser tab); two copies of the package (an ESM and a CJS one in the same process) keep two
 * maps. The context's other fields (token, base URL) are not part of the key: two contexts of the same workspace
 * share a customer's queue. An entry is removed as soon as its last task has finished, so the map holds only the
 * customers with a change in flight.
 */
const queues = new Map<string, Promise<void>>()

/** Runs `task` after the tasks already queued under `key`. Never rejects. */
const serialised =
  <A>(
    key: string,
    operation: string,
    path: string,
    task: TE.TaskEither<ContacthubError, A>
  ): TE.TaskEither<ContacthubError, A> =>
  () => {
    const previous = queues.get(key) ?? Promise.resolve()
    const run: Promise<E.Either<ContacthubError, A>> = previous
      .then(() => task())
      .catch(() =>
        TE.left(networkError({ message: `${operation} PATCH ${path} failed unexpectedly.`, method: 'PATCH', path }))()
      )
    const tail = run.then(() => undefined)
    queues.set(key, tail)
    void tail.then(() => {
      if (queues.get(key) === tail) queues.delete(key)
    })
    return run
  }

type Change = (manual: ReadonlyArray<string>) => ReadonlyArray<string> | undefined

const changeTags = (
  name: string,
  ctx: Context,
  customerId: string,
  tag: string,
  change: Change
): TE.TaskEither<ContacthubError, Customer> =>
  operation(name, ctx, () => {
    if (typeof tag !== 'string' || tag === '') return refuse(name, 'tag must be a non-empty string')
    const workspaceId: unknown = ctx.workspaceId
    const task = pipe(
      request(ctx, { operation: name, method: 'GET', path: CUSTOMER, params: { id: customerId } }, Customer),
      TE.flatMap((customer) => {
        const manual = change(customer.tags?.manual ?? [])
        return manual === undefined
          ? TE.right(customer)
          : request(
              ctx,
              {
                operation: name,
                method: 'PATCH',
                path: CUSTOMER,
                params: { id: customerId },
                body: { tags: { manual } }
              },
              Customer
            )
      })
    )
    const path = pathOf(CUSTOMER, { workspaceId, id: customerId })
    return serialised(JSON.stringify([workspaceId, customerId]), name, path, task)
  })

/**
 * Adds a manual tag to a customer: reads it, then PATCHes `tags.manual` with the tag appended. When the tag is
 * already there nothing is written and the customer is returned as read. Calls for the same customer in this
 * process run one at a time, so concurrent changes are not lost.
 *
 * @example
 * addTag(ctx, customerId, 'vip')
 *
 * @category tags
 * @since 0.1.0
 */
export const addTag = (ctx: Context, customerId: string, tag: string): TE.TaskEither<ContacthubError, Customer> =>
  changeTags('addTag', ctx, customerId, tag, (manual) => (manual.includes(tag) ? undefined : [...manual, tag]))

/**
 * Removes a manual tag from a customer: reads it, then PATCHes `tags.manual` without the tag. When the tag is not
 * there nothing is written and the customer is returned as read. Calls for the same customer in this process run
 * one at a time, so concurrent changes are not lost.
 *
 * @example
 * removeTag(ctx, customerId, 'vip')
 *
 * @category tags
 * @since 0.1.0
 */
export const removeTag = (ctx: Context, customerId: string, tag: string): TE.TaskEither<ContacthubError, Customer> =>
  changeTags('removeTag', ctx, customerId, tag, (manual) =>
    manual.includes(tag) ? manual.filter((t) => t !== tag) : undefined
  )
