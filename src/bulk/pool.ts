/**
 * The engine of the bulk imports: reads a source lazily (the next item only when a slot is free), writes items with
 * a bounded, adaptive concurrency, retries an item where repeating it is harmless, reports every failure with its
 * index and stops at once on a fault that makes every further call pointless (401, 403, abort). Internal: the public
 * functions are in `bulk/import.ts`.
 *
 * @since 0.2.0
 */
import type { Either } from '#fp-ts/Either'
import type { Context } from '../context'
import { abortError, invalidInput, type ContacthubError } from '../error'
import { checkBaseUrl, DEFAULT_BASE_URL } from '../context'
import { left, right } from '../either'
import { buildHeaders } from '../http/headers'
import { redactText } from '../http/redact'
import { settingsOf, type Settings } from '../http/settings'
import { isRecord, pathOf, type Task } from '../operation'

/**
 * What an import has done so far: items handled (`done`), and of them created, updated and failed.
 *
 * @category bulk
 * @since 0.2.0
 */
export interface ImportProgress {
  readonly done: number
  readonly created: number
  readonly updated: number
  readonly failed: number
}

/**
 * An item that could not be written: its 0-based index in the source, its `externalId` when it has one, and why.
 *
 * @category bulk
 * @since 0.2.0
 */
export interface ImportFailure {
  readonly index: number
  readonly externalId?: string
  readonly error: ContacthubError
}

/**
 * The outcome of an import that ran to the end of its source: how many items were created, updated and failed, and
 * the failures in the order they happened (an item's `index` says where it was in the source).
 *
 * @category bulk
 * @since 0.2.0
 */
export interface ImportReport {
  readonly created: number
  readonly updated: number
  readonly failed: number
  readonly failures: ReadonlyArray<ImportFailure>
}

/**
 * The options every import takes.
 *
 * @category bulk
 * @since 0.2.0
 */
export interface ImportOptions {
  /**
   * How many requests may be in flight at once; default 4. The import halves it (down to 1) when the server answers
   * 429 or 503, and adds one back after a run of calm successes, never above this value.
   */
  readonly concurrency?: number
  /** Called after every item; a callback that throws does not stop the import. */
  readonly onProgress?: (progress: ImportProgress) => void
  /** Stops the import: no request starts after it fires, and the import ends with an `AbortError`. */
  readonly signal?: AbortSignal
}

/**
 * An iterable or async iterable of items: an array, a generator, a stream of parsed lines.
 *
 * @category bulk
 * @since 0.2.0
 */
export type ImportSource<A> = Iterable<A> | AsyncIterable<A>

/**
 * What an import writes, and how: one item's request (`created` or `updated`), which failures are worth repeating,
 * and the external id of an item for its failure. Internal.
 *
 * @internal
 * @category model
 * @since 0.2.0
 */
export interface Job<A> {
  readonly name: string
  /** The collection written, for messages: `/workspaces/{workspaceId}/customers`. */
  readonly path: string
  readonly needsNode: boolean
  readonly write: (ctx: Context, item: A) => Task<'created' | 'updated'>
  readonly retryable: (error: ContacthubError) => boolean
  readonly externalIdOf: (item: A) => string | undefined
}

/** The default number of requests in flight. */
const DEFAULT_CONCURRENCY = 4

/** Successes in a row, with no 429 or 503 between them, before the concurrency grows by one. */
const CALM_RUN = 10

const noop = (): void => undefined

/**
 * A fault after which every further call is pointless: the token or the workspace is refused, or the caller aborted.
 *
 * @internal
 * @category refinements
 * @since 0.2.0
 */
export const isFatal = (e: ContacthubError): boolean =>
  e._tag === 'AbortError' || (e._tag === 'HttpError' && (e.status === 401 || e.status === 403))

/**
 * The adaptive limit: halved (min 1) on 429 or 503, one more after `CALM_RUN` successes in a row, never above `max`.
 *
 * @internal
 * @category constructors
 * @since 0.2.0
 */
export const limiter = (max: number) => {
  let limit = max
  let calm = 0
  return {
    current: (): number => limit,
    throttle: (): void => {
      limit = Math.max(1, Math.floor(limit / 2))
      calm = 0
    },
    success: (): void => {
      if (limit >= max) return
      calm += 1
      if (calm >= CALM_RUN) {
        limit += 1
        calm = 0
      }
    }
  }
}

interface Reader<A> {
  readonly next: () => Promise<IteratorResult<A>>
  readonly close: () => void
}

/** A reader of the source, or undefined when it is neither iterable nor async iterable (a string is refused). */
const readerOf = <A>(source: unknown): Reader<A> | undefined => {
  if (typeof source !== 'object' || source === null) return undefined
  const s = source as Partial<AsyncIterable<A> & Iterable<A>>
  const asyncOpen = s[Symbol.asyncIterator]
  const syncOpen = s[Symbol.iterator]
  const it: AsyncIterator<A> | Iterator<A> | undefined =
    typeof asyncOpen === 'function'
      ? asyncOpen.call(source)
      : typeof syncOpen === 'function'
        ? syncOpen.call(source)
        : undefined
  if (it === undefined || typeof it.next !== 'function') return undefined
  return {
    next: async () => it.next(),
    close: () => {
      try {
        // not awaited: an async generator answers `return` only after a pending `next`
        void Promise.resolve(it.return?.()).catch(noop)
      } catch {
        // a source that cannot be closed is left to the garbage collector
      }
    }
  }
}

/** Why the options or the context are refused, or undefined. */
const refusal = <A>(ctx: Context, o: Record<string, unknown>, job: Job<A>): string | undefined => {
  const { concurrency, onProgress, signal } = o
  if (
    concurrency !== undefined &&
    !(typeof concurrency === 'number' && Number.isInteger(concurrency) && concurrency >= 1)
  )
    return 'concurrency must be an integer >= 1'
  if (onProgress !== undefined && typeof onProgress !== 'function') return 'onProgress must be a function'
  if (signal !== undefined && !(isRecord(signal) && typeof signal.addEventListener === 'function'))
    return 'signal must be an AbortSignal'
  if (typeof ctx !== 'object' || ctx === null) return 'the context must be an object'
  const s = settingsOf(ctx)
  if (typeof s === 'string') return s
  const base = checkBaseUrl(ctx.baseUrl ?? DEFAULT_BASE_URL)
  if (base._tag === 'Left') return base.left
  const headers = buildHeaders(ctx, true)
  if (typeof headers === 'string') return headers
  if (typeof ctx.workspaceId !== 'string' || ctx.workspaceId.trim() === '')
    return "the context's workspaceId must be a non-empty string"
  if (job.needsNode && (typeof ctx.nodeId !== 'string' || ctx.nodeId === ''))
    return "the context's nodeId must be a non-empty string"
  return undefined
}

/**
 * Runs an import. The task never rejects: a source that throws, a callback that throws, a context that cannot be
 * read are a `Left` or are ignored (the callback).
 *
 * @internal
 * @category combinators
 * @since 0.2.0
 */
export const runImport =
  <A>(job: Job<A>, ctx: Context, source: ImportSource<A>, opts: ImportOptions | undefined): Task<ImportReport> =>
  async () => {
    const { name } = job
    const refuse = (why: string): Either<ContacthubError, ImportReport> => left(invalidInput(`${name}: ${why}.`))
    let o: Record<string, unknown>
    let reader: Reader<A> | undefined
    let settings: Settings
    let path: string
    let token: string
    try {
      const given: unknown = opts ?? {}
      if (!isRecord(given)) return refuse('the options must be an object')
      o = given
      const why = refusal(ctx, o, job)
      if (why !== undefined) return refuse(why)
      settings = settingsOf(ctx) as Settings
      path = pathOf(job.path, { workspaceId: ctx.workspaceId })
      token = ctx.token
      reader = readerOf<A>(source)
      if (reader === undefined) return refuse('the source must be an iterable or an async iterable')
    } catch {
      return refuse('its arguments cannot be read')
    }
    // A last line of defence: a context or a signal whose getters throw while the import runs.
    return run(job, ctx, reader, o as ImportOptions, settings, path, token).catch(() =>
      refuse('it failed unexpectedly')
    )
  }

const run = async <A>(
  job: Job<A>,
  ctx: Context,
  reader: Reader<A>,
  o: ImportOptions,
  settings: Settings,
  path: string,
  token: string
): Promise<Either<ContacthubError, ImportReport>> => {
  const { name } = job
  const { clock } = settings
  const max = o.concurrency ?? DEFAULT_CONCURRENCY
  const limit = limiter(max)
  const stop = new AbortController()
  let fatal: ContacthubError | undefined
  const end = (e: ContacthubError): void => {
    fatal ??= e
    stop.abort()
  }

  // The caller's signals (the context's and the option's) stop everything at once.
  const outer = [ctx.signal, o.signal].filter((s): s is AbortSignal => s !== undefined)
  const onOuterAbort = (): void =>
    end(abortError({ message: `${name} POST ${path} was aborted by the caller.`, method: 'POST', path }))
  for (const s of outer) {
    if (s.aborted) onOuterAbort()
    else s.addEventListener('abort', onOuterAbort)
  }
  /**
   * `p`, or `undefined` as soon as the import stops. The listener goes with each wait: a promise that lived as long as
   * the import, raced once per item, would hold one reaction per item (memory growing with the source).
   */
  const unlessStopped = <T>(p: Promise<T>): Promise<T | undefined> =>
    stop.signal.aborted
      ? Promise.resolve(undefined)
      : new Promise<T | undefined>((resolve, reject) => {
          const onStop = (): void => resolve(undefined)
          stop.signal.addEventListener('abort', onStop, { once: true })
          p.then(
            (v) => {
              stop.signal.removeEventListener('abort', onStop)
              resolve(v)
            },
            (e: unknown) => {
              stop.signal.removeEventListener('abort', onStop)
              // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the source's own reason, passed on
              reject(e)
            }
          )
        })

  // Every attempt's answer reaches the context's onResponse hook, the retries of the request core included: 429 and
  // 503 slow the import. The caller's own hooks still run.
  const hooks = settings.hooks
  const c: Context = {
    ...ctx,
    signal: stop.signal,
    hooks: {
      ...hooks,
      onResponse: (event) => {
        if (event.status === 429 || event.status === 503) limit.throttle()
        return hooks.onResponse?.(event)
      }
    }
  }

  let created = 0
  let updated = 0
  let failed = 0
  const failures: Array<ImportFailure> = []
  const progress = (): void => {
    try {
      o.onProgress?.({ done: created + updated + failed, created, updated, failed })
    } catch {
      // the caller's callback is not the import's business
    }
  }

  const backoff = (attempt: number): number =>
    Math.floor(clock.random() * Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** attempt))

  const one = async (index: number, item: A): Promise<void> => {
    let externalId: string | undefined
    try {
      externalId = job.externalIdOf(item)
    } catch {
      externalId = undefined
    }
    for (let attempt = 0; ; attempt++) {
      if (stop.signal.aborted) return
      const r = await job.write(c, item)()
      if (r._tag === 'Right') {
        if (r.right === 'created') created += 1
        else updated += 1
        limit.success()
        return progress()
      }
      const e = r.left
      if (isFatal(e)) return end(e)
      if (attempt < settings.retries && job.retryable(e)) {
        await clock.sleep(backoff(attempt), stop.signal).catch(noop)
        continue
      }
      failed += 1
      failures.push(externalId === undefined ? { index, error: e } : { index, externalId, error: e })
      return progress()
    }
  }
  const guarded = (index: number, item: A): Promise<void> =>
    one(index, item).catch(() => {
      failed += 1
      failures.push({ index, error: invalidInput(`${name}: item ${index} failed unexpectedly.`) })
      progress()
    })

  const inFlight = new Set<Promise<void>>()
  let wake: () => void = noop
  let index = 0
  let exhausted = false
  while (!stop.signal.aborted) {
    while (inFlight.size >= limit.current() && !stop.signal.aborted)
      await unlessStopped(new Promise<void>((resolve) => (wake = resolve)))
    if (stop.signal.aborted) break
    let next: IteratorResult<A> | undefined
    try {
      next = await unlessStopped(reader.next())
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e)
      // Stops reading; what is in flight finishes (those items are as good as any other).
      fatal ??= invalidInput(
        `${name}: reading the source failed after ${index} items: ${redactText(why, token).slice(0, 200)}.`
      )
      break
    }
    if (next === undefined || stop.signal.aborted) break
    if (next.done === true) {
      exhausted = true
      break
    }
    const p: Promise<void> = guarded(index++, next.value).then(() => {
      inFlight.delete(p)
      wake()
    })
    inFlight.add(p)
  }
  await Promise.all(inFlight)
  for (const s of outer) s.removeEventListener('abort', onOuterAbort)
  if (!exhausted) reader.close()
  return fatal === undefined ? right({ created, updated, failed, failures }) : left(fatal)
}
