/**
 * Bulk imports: `importCustomers` (upsert by default) and `importEvents`, from any iterable or async iterable, read
 * lazily, written with a bounded, adaptive concurrency.
 *
 * @since 0.2.0
 */
import { pipe } from '#fp-ts/function'
import * as TE from '../taskEither'
import type { Context } from '../context'
import { conflictingCustomerId, invalidInput, type ContacthubError } from '../error'
import { addCustomer, updateCustomer } from '../customers'
import { addEvent } from '../events'
import { withoutNulls } from '../codecs/common'
import type { CustomerInput, CustomerPatch } from '../codecs/customer-input'
import type { EventInput } from '../codecs/event'
import { isRecord, type Task } from '../operation'
import { runImport, type ImportOptions, type ImportReport, type Job, type ImportSource } from './pool'

export type { ImportFailure, ImportOptions, ImportProgress, ImportReport, ImportSource } from './pool'

/**
 * Options of {@link importCustomers}.
 *
 * @category bulk
 * @since 0.2.0
 */
export interface ImportCustomersOptions extends ImportOptions {
  /**
   * `upsert` (default): a customer that exists already (a 409) is PATCHed with the item's properties (its `null`s
   * left out, as `addCustomer`'s `forceUpdate` does), and an item is tried again after a 503, a timeout or a network
   * error (a repeated create meets a 409 and becomes a PATCH). `create`: a 409 is a failure of that item, and only a
   * 429 is tried again.
   */
  readonly mode?: 'create' | 'upsert'
}

const CUSTOMERS = '/workspaces/{workspaceId}/customers'
const EVENTS = '/workspaces/{workspaceId}/events'

const rateLimited = (e: ContacthubError): boolean => e._tag === 'HttpError' && e.status === 429

/** Failures after which the request may not have been processed, or was processed: harmless to repeat in upsert. */
const repeatableInUpsert = (e: ContacthubError): boolean =>
  rateLimited(e) ||
  (e._tag === 'HttpError' && e.status === 503) ||
  e._tag === 'TimeoutError' ||
  e._tag === 'NetworkError'

const externalIdOf = (item: unknown): string | undefined => {
  const id = isRecord(item) ? item.externalId : undefined
  return typeof id === 'string' && id !== '' ? id : undefined
}

/** Creates the customer; in upsert mode a 409 PATCHes the existing one with the item, its `null`s left out. */
const upsert =
  (upsertMode: boolean) =>
  (ctx: Context, item: CustomerInput): Task<'created' | 'updated'> =>
    pipe(
      addCustomer(ctx, item),
      TE.map((): 'created' | 'updated' => 'created'),
      TE.orElse((error) => {
        const existing = upsertMode ? conflictingCustomerId(error) : undefined
        return existing?._tag === 'Some'
          ? pipe(
              updateCustomer(ctx, existing.value, withoutNulls(item) as CustomerPatch),
              TE.map((): 'created' | 'updated' => 'updated')
            )
          : TE.left(error)
      })
    )

/**
 * Imports customers into the context's node from an array, a generator or any (async) iterable, read lazily: the
 * next item is pulled only when a request slot is free, so memory stays flat for a source of millions. At most
 * `concurrency` requests (default 4) are in flight; a 429 or 503 halves that, calm brings it back.
 *
 * Upsert by default: a customer that exists already is updated (see {@link ImportCustomersOptions.mode}), so a
 * re-run of a half-done import converges. An item the server refuses (a 400 for an invalid email, say) or whose
 * retries are spent is reported in `failures` with its index, and the import goes on; a 401, a 403 or an abort ends
 * it with a `Left` at once (no request starts after it).
 *
 * @example
 * async function* customers() {
 *   yield { externalId: 'c-1', base: { firstName: 'Ada', contacts: { email: 'ada@example.com' } } }
 *   yield { externalId: 'c-2', base: { firstName: 'Alan' } }
 * }
 * const report = await importCustomers(ctx, customers(), {
 *   concurrency: 8,
 *   onProgress: (p) => console.log(`${p.done} done, ${p.failed} failed`)
 * })()
 * if (E.isRight(report)) console.log(report.right.created, report.right.updated, report.right.failures)
 *
 * @category bulk
 * @since 0.2.0
 */
export const importCustomers =
  (
    ctx: Context,
    source: ImportSource<CustomerInput>,
    opts?: ImportCustomersOptions
  ): TE.TaskEither<ContacthubError, ImportReport> =>
  () => {
    // Read when the task runs, as every option is.
    const mode = readMode(opts)
    if (mode === undefined) return TE.left(invalidInput('importCustomers: its arguments cannot be read.'))()
    if (mode !== 'create' && mode !== 'upsert')
      return TE.left(invalidInput('importCustomers: mode must be "create" or "upsert".'))()
    const upsertMode = mode === 'upsert'
    const job: Job<CustomerInput> = {
      name: 'importCustomers',
      path: CUSTOMERS,
      needsNode: true,
      write: upsert(upsertMode),
      retryable: upsertMode ? repeatableInUpsert : rateLimited,
      externalIdOf
    }
    return runImport(job, ctx, source, opts)()
  }

/** The mode asked for (default `upsert`), or what was passed instead; `undefined` when the options cannot be read. */
const readMode = (opts: unknown): unknown => {
  try {
    if (!isRecord(opts)) return 'upsert'
    return opts.mode ?? 'upsert'
  } catch {
    return undefined
  }
}

/**
 * Sends events from an array, a generator or any (async) iterable, read lazily, with at most `concurrency` requests
 * in flight (default 4, adaptive as in {@link importCustomers}). Each item is checked as `addEvent` checks its input
 * (an invalid one is a failure of that item, and nothing is sent for it). Every accepted event counts as `created`.
 * An event is sent again only after a 429 (a rate-limited request was not processed): an event repeated after a
 * 503 or a timeout could be stored twice.
 *
 * @example
 * const events: ReadonlyArray<EventInput> = [
 *   { type: 'viewedPage', context: 'WEB', customerId, properties: { url: 'https://example.com/' } },
 *   { type: 'viewedPage', context: 'WEB', externalId: 'c-1', properties: { url: 'https://example.com/a' } }
 * ]
 * const report = await importEvents(ctx, events, { concurrency: 4 })()
 *
 * @category bulk
 * @since 0.2.0
 */
export const importEvents = (
  ctx: Context,
  source: ImportSource<EventInput>,
  opts?: ImportOptions
): TE.TaskEither<ContacthubError, ImportReport> =>
  runImport(
    {
      name: 'importEvents',
      path: EVENTS,
      needsNode: false,
      write: (c, item) =>
        pipe(
          addEvent(c, item),
          TE.map((): 'created' | 'updated' => 'created')
        ),
      retryable: rateLimited,
      externalIdOf
    },
    ctx,
    source,
    opts
  )
