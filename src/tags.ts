/**
 * Manual tags: `addTag` and `removeTag` read the customer and PATCH only `tags.manual`.
 *
 * The API has no compare-and-set, so two read-modify-write cycles on the same customer could lose a change. Calls
 * for the same customer (same workspace and customer id) made through this module in one process are therefore
 * run one after the other, in the order they were started. Calls from other processes are not covered.
 *
 * @since 0.1.0
 */
import * as E from '#fp-ts/Either'
import * as TE from './taskEither'
import { pipe } from '#fp-ts/function'
import type { Context } from './context'
import { invalidInput, type ContacthubError } from './error'
import { request } from './request'
import { Customer } from './codecs/customer'

const CUSTOMER = '/workspaces/{workspaceId}/customers/{id}'

/** The tail of each customer's queue; an entry is removed when its last task has finished. */
const queues = new Map<string, Promise<void>>()

/** Runs `task` after the tasks already queued under `key`. Never rejects. */
const serialised =
  <A>(key: string, operation: string, task: TE.TaskEither<ContacthubError, A>): TE.TaskEither<ContacthubError, A> =>
  () => {
    const previous = queues.get(key) ?? Promise.resolve()
    const run: Promise<E.Either<ContacthubError, A>> = previous
      .then(() => task())
      .catch(() =>
        E.left({ _tag: 'NetworkError', message: `${operation} failed unexpectedly.`, method: 'PATCH', path: '' })
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
  operation: string,
  ctx: Context,
  customerId: string,
  tag: string,
  change: Change
): TE.TaskEither<ContacthubError, Customer> => {
  if (typeof tag !== 'string' || tag === '')
    return TE.left(invalidInput(`${operation}: tag must be a non-empty string.`))
  const workspaceId: unknown = typeof ctx === 'object' && ctx !== null ? ctx.workspaceId : undefined
  const task = pipe(
    request(ctx, { operation, method: 'GET', path: CUSTOMER, params: { id: customerId } }, Customer),
    TE.flatMap((customer) => {
      const manual = change(customer.tags?.manual ?? [])
      return manual === undefined
        ? TE.right(customer)
        : request(
            ctx,
            { operation, method: 'PATCH', path: CUSTOMER, params: { id: customerId }, body: { tags: { manual } } },
            Customer
          )
    })
  )
  return serialised(JSON.stringify([workspaceId, customerId]), operation, task)
}

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
