/**
 * The `contacthub` commands, with everything they touch passed in (the bulk functions, the environment, the
 * streams, the clock, Ctrl-C), so that tests can run them in-process as well as through the bin.
 *
 * @since 0.2.0
 */
import { createWriteStream, promises as fs } from 'node:fs'
import { once } from 'node:events'
import * as E from '#fp-ts/Either'
import type * as TE from '#fp-ts/TaskEither'
import type { Context, Workspace } from '../context'
import { renderError, type ContacthubError } from '../error'
import type { Customer } from '../codecs/customer'
import type { CustomerInput } from '../codecs/customer-input'
import type { EventInput } from '../codecs/event'
import type { UserInfo } from '../codecs/me'
import { QueryCodec, type Query } from '../codecs/query'
import { formatValidationErrors } from '../decode'
import { contextFromEnv, workspaceFromIni } from '../node/index'
import { parseCommandLine, type CommandName, type Options } from './args'
import { dryRunContext } from './dry-run'
import { createProgress, duration, type ProgressOutput } from './progress'
import { fileRows, formatOf, isBadHeader, type Format } from './records'

/**
 * What an import reports (the shape of `importCustomers`' and `importEvents`' result).
 *
 * @category model
 * @since 0.2.0
 */
export interface CliImportReport {
  readonly created: number
  readonly updated: number
  readonly failed: number
  readonly failures: ReadonlyArray<{
    readonly index: number
    readonly externalId?: string
    readonly error: ContacthubError
  }>
}

/**
 * The options the command passes to an import.
 *
 * @category model
 * @since 0.2.0
 */
export interface CliImportOptions {
  readonly concurrency?: number
  readonly mode?: 'create' | 'upsert'
  readonly onProgress?: (p: { done: number; created: number; updated: number; failed: number }) => void
  readonly signal?: AbortSignal
}

/**
 * An import function (`importCustomers`, `importEvents`).
 *
 * @category model
 * @since 0.2.0
 */
export type CliImport<A> = (
  ctx: Context,
  source: AsyncIterable<A>,
  opts: CliImportOptions
) => TE.TaskEither<ContacthubError, CliImportReport>

/**
 * What the commands use from outside.
 *
 * @category model
 * @since 0.2.0
 */
export interface CliDeps {
  readonly importCustomers: CliImport<CustomerInput>
  readonly importEvents: CliImport<EventInput>
  readonly exportCustomers: (
    ctx: Context,
    opts: { readonly query?: Query; readonly fields?: ReadonlyArray<string>; readonly pageSize?: number }
  ) => AsyncIterable<E.Either<ContacthubError, Customer>>
  readonly getMe: (ws: Omit<Workspace, 'workspaceId'>) => TE.TaskEither<ContacthubError, UserInfo>
  readonly env: Readonly<Record<string, string | undefined>>
  readonly stdout: NodeJS.WritableStream
  readonly stderr: ProgressOutput
  readonly now: () => number
  /** Calls `handler` on each Ctrl-C until the returned function is called. */
  readonly onInterrupt: (handler: () => void) => () => void
  readonly version: string
}

/**
 * Exit statuses.
 *
 * @category constants
 * @since 0.2.0
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const

/** Files up to this size are counted first, so that progress shows a total. */
const COUNT_LIMIT_BYTES = 32 * 1024 * 1024

const rate = (n: number, ms: number): string => (ms <= 0 ? '-' : String(Math.round((n * 1000) / ms)))

const say = (out: { readonly write: (s: string) => unknown }, text: string): void => {
  out.write(`${text}\n`)
}

/** Item index → line number, stored only where the lines stop following the indexes one by one. */
const lineIndex = () => {
  const idx: Array<number> = []
  const lines: Array<number> = []
  return {
    add: (i: number, line: number): void => {
      const n = idx.length
      const lastI = idx[n - 1]
      const lastLine = lines[n - 1]
      if (lastI !== undefined && lastLine !== undefined && line - lastLine === i - lastI) return
      idx.push(i)
      lines.push(line)
    },
    lineOf: (i: number): number => {
      let lo = 0
      let hi = idx.length - 1
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1
        if ((idx[mid] ?? 0) <= i) lo = mid
        else hi = mid - 1
      }
      return (lines[lo] ?? 0) + (i - (idx[lo] ?? 0))
    }
  }
}

/** The context of the options and environment, or why there is none (never naming the token). */
const resolveContext = async (o: Options, env: CliDeps['env']): Promise<E.Either<string, Context>> => {
  if (o.config !== undefined) {
    const ws = await workspaceFromIni(o.config, o.section)()
    if (E.isLeft(ws)) return E.left(ws.left.message)
    const nodeId = o.node ?? ws.right.nodeId ?? env.CONTACTHUB_NODE_ID
    if (nodeId === undefined || nodeId === '')
      return E.left(`no node id: use --node, a node_id key in ${o.config}, or CONTACTHUB_NODE_ID.`)
    return E.right({ ...ws.right, nodeId })
  }
  const ctx = contextFromEnv(o.node === undefined ? env : { ...env, CONTACTHUB_NODE_ID: o.node })
  return E.isLeft(ctx) ? E.left(`${ctx.left.message} Set them, or use --config <file.ini>.`) : ctx
}

const noContext = (deps: CliDeps, why: string): number => {
  say(deps.stderr, `contacthub: no context: ${why}`)
  return EXIT.usage
}

const reasonOf = (error: ContacthubError): string => renderError(error)

interface Reject {
  readonly reason: string
  readonly externalId?: string
  readonly status?: number
}

/** Writes the rejected rows in line order, each with its source text, reading the input once more. */
const writeRejects = async (
  file: string,
  format: Format,
  rejectsPath: string,
  rejects: ReadonlyMap<number, Reject>
): Promise<void> => {
  const out = createWriteStream(rejectsPath)
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain')
  }
  const left = new Map(rejects)
  for await (const row of fileRows(file, format)) {
    if (isBadHeader(row)) break
    const r = left.get(row.line)
    if (r === undefined) continue
    left.delete(row.line)
    await write(`${JSON.stringify({ line: row.line, ...r, raw: row.raw })}\n`)
    if (left.size === 0) break
  }
  for (const [line, r] of [...left.entries()].sort(([a], [b]) => a - b))
    await write(`${JSON.stringify({ line, ...r })}\n`)
  out.end()
  await once(out, 'close')
}

const importCommand = async (
  deps: CliDeps,
  command: 'import customers' | 'import events',
  file: string,
  o: Options
): Promise<number> => {
  const format: Format = o.format ?? formatOf(file)
  if (command === 'import events' && format === 'csv') {
    say(deps.stderr, `contacthub: import events reads NDJSON only (one event per line), not ${file}`)
    return EXIT.usage
  }
  let size: number
  try {
    const st = await fs.stat(file)
    if (!st.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' })
    size = st.size
  } catch (e) {
    const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined
    say(deps.stderr, `contacthub: cannot read ${file}${typeof code === 'string' ? ` (${code})` : ''}`)
    return EXIT.usage
  }
  const resolved = await resolveContext(o, deps.env)
  if (E.isLeft(resolved) && !o.dryRun) return noContext(deps, resolved.left)
  const ctx = o.dryRun
    ? dryRunContext(E.isRight(resolved) ? resolved.right : undefined, deps.now)
    : (resolved as E.Right<Context>).right

  // The total, when the file is small enough to be read twice.
  let total: number | undefined
  if (size <= COUNT_LIMIT_BYTES) {
    let n = 0
    for await (const row of fileRows(file, format)) {
      if (isBadHeader(row)) {
        say(deps.stderr, `contacthub: ${file}: ${row.badHeader}`)
        return EXIT.usage
      }
      n++
    }
    total = n
  }

  const started = deps.now()
  const label = o.dryRun ? `${command} (dry run)` : command
  const progress = createProgress(deps.stderr, label, total, deps.now)
  const stop = new AbortController()
  let interrupted = false
  const unlisten = deps.onInterrupt(() => {
    if (!interrupted) say(deps.stderr, '\ninterrupted: no new row is sent; waiting for those in flight')
    interrupted = true
    stop.abort()
  })

  const index = lineIndex()
  const rejects = new Map<number, Reject>()
  let rows = 0
  let unread = 0
  let badHeader: string | undefined
  let last = { done: 0, created: 0, updated: 0, failed: 0 }
  async function* source(): AsyncGenerator<Record<string, unknown>> {
    let i = 0
    for await (const row of fileRows(file, format)) {
      if (stop.signal.aborted) return
      if (isBadHeader(row)) {
        badHeader = row.badHeader
        stop.abort()
        return
      }
      rows++
      if (!row.ok) {
        unread++
        rejects.set(row.line, { reason: row.reason })
        progress.update({ done: last.done + unread, failed: last.failed + unread })
        continue
      }
      index.add(i++, row.line)
      yield row.value
    }
  }
  const importOf = command === 'import customers' ? deps.importCustomers : (deps.importEvents as CliImport<unknown>)
  const result = await importOf(ctx, source() as AsyncIterable<never>, {
    ...(o.concurrency === undefined ? {} : { concurrency: o.concurrency }),
    ...(o.mode === undefined || command !== 'import customers' ? {} : { mode: o.mode }),
    signal: stop.signal,
    onProgress: (p) => {
      last = p
      progress.update({ done: p.done + unread, failed: p.failed + unread })
    }
  })()
  unlisten()
  if (badHeader !== undefined) {
    say(deps.stderr, `contacthub: ${file}: ${badHeader}`)
    return EXIT.usage
  }
  const report: CliImportReport = E.isRight(result)
    ? result.right
    : { created: last.created, updated: last.updated, failed: last.failed, failures: [] }
  for (const f of report.failures) {
    const line = index.lineOf(f.index)
    rejects.set(line, {
      reason: reasonOf(f.error),
      ...(f.externalId === undefined ? {} : { externalId: f.externalId }),
      ...(f.error._tag === 'HttpError' ? { status: f.error.status } : {})
    })
  }
  const failed = report.failed + unread
  const done = report.created + report.updated + failed
  progress.finish({ done, failed })

  const rejectsPath = o.rejects ?? `${file}.rejects.ndjson`
  if (rejects.size > 0) {
    try {
      await writeRejects(file, format, rejectsPath, rejects)
    } catch (e) {
      say(deps.stderr, `contacthub: cannot write ${rejectsPath}: ${e instanceof Error ? e.message : String(e)}`)
    }
  }
  const elapsed = deps.now() - started
  const noun = command === 'import customers' ? 'customers' : 'events'
  const counts = o.dryRun
    ? `${report.created + report.updated} ${noun} would be sent, ${failed} failed the checks`
    : command === 'import customers'
      ? `${report.created} created, ${report.updated} updated, ${failed} failed`
      : `${report.created} sent, ${failed} failed`
  const read = interrupted ? `${done} of ${total ?? rows} rows` : `${done} rows`
  say(
    deps.stdout,
    `${label} ${file}: ${read}: ${counts}, in ${duration(elapsed)} (${rate(done, elapsed)}/s)${o.dryRun ? '; nothing was sent' : ''}.`
  )
  if (rejects.size > 0) say(deps.stdout, `${rejects.size} failed rows written to ${rejectsPath} (line, reason, raw).`)
  if (interrupted) {
    say(deps.stdout, 'Interrupted: the rows after these were not sent.')
    return EXIT.interrupted
  }
  if (E.isLeft(result)) {
    say(deps.stderr, `contacthub: ${command} stopped: ${reasonOf(result.left)}`)
    return EXIT.failed
  }
  return failed > 0 ? EXIT.failed : EXIT.ok
}

const readQuery = async (path: string): Promise<E.Either<string, Query>> => {
  let text: string
  try {
    text = await fs.readFile(path, 'utf8')
  } catch (e) {
    const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined
    return E.left(`cannot read ${path}${typeof code === 'string' ? ` (${code})` : ''}`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return E.left(`${path} is not JSON`)
  }
  const q = QueryCodec.decode(json)
  return E.isLeft(q) ? E.left(`${path} is not a customer query: ${formatValidationErrors(q.left, 3).join('; ')}`) : q
}

const exportCommand = async (deps: CliDeps, o: Options): Promise<number> => {
  const resolved = await resolveContext(o, deps.env)
  if (E.isLeft(resolved)) return noContext(deps, resolved.left)
  let query: Query | undefined
  if (o.query !== undefined) {
    const q = await readQuery(o.query)
    if (E.isLeft(q)) {
      say(deps.stderr, `contacthub: --query: ${q.left}`)
      return EXIT.usage
    }
    query = q.right
  }
  const started = deps.now()
  const progress = createProgress(deps.stderr, 'export customers', undefined, deps.now)
  let interrupted = false
  let broken = false
  const unlisten = deps.onInterrupt(() => {
    interrupted = true
  })
  const onError = (): void => {
    broken = true
  }
  deps.stdout.on('error', onError)
  let n = 0
  let failure: ContacthubError | undefined
  try {
    for await (const item of deps.exportCustomers(resolved.right, {
      ...(query === undefined ? {} : { query }),
      ...(o.fields === undefined ? {} : { fields: o.fields }),
      ...(o.pageSize === undefined ? {} : { pageSize: o.pageSize })
    })) {
      if (E.isLeft(item)) {
        failure = item.left
        break
      }
      n++
      if (!deps.stdout.write(`${JSON.stringify(item.right)}\n`)) await once(deps.stdout, 'drain')
      progress.update({ done: n, failed: 0 })
      if (interrupted || broken) break
    }
  } finally {
    unlisten()
    deps.stdout.off('error', onError)
  }
  progress.finish({ done: n, failed: 0 })
  say(deps.stderr, `export customers: ${n} customers written in ${duration(deps.now() - started)}.`)
  if (failure !== undefined) {
    say(deps.stderr, `contacthub: export customers stopped: ${reasonOf(failure)}`)
    return EXIT.failed
  }
  if (interrupted) return EXIT.interrupted
  return broken ? EXIT.failed : EXIT.ok
}

const whoamiCommand = async (deps: CliDeps, o: Options): Promise<number> => {
  let ws: Omit<Workspace, 'workspaceId'>
  if (o.config !== undefined) {
    const r = await workspaceFromIni(o.config, o.section)()
    if (E.isLeft(r)) return noContext(deps, r.left.message)
    ws = r.right
  } else {
    // Only the token and the base URL matter here; the placeholders let contextFromEnv check the URL.
    const env = { CONTACTHUB_WORKSPACE_ID: '-', CONTACTHUB_NODE_ID: '-', ...deps.env }
    const r = contextFromEnv(env)
    if (E.isLeft(r)) return noContext(deps, `${r.left.message} Set it, or use --config <file.ini>.`)
    ws = { token: r.right.token, ...(r.right.baseUrl === undefined ? {} : { baseUrl: r.right.baseUrl }) }
  }
  const me = await deps.getMe(ws)()
  if (E.isLeft(me)) {
    say(deps.stderr, `contacthub: whoami: ${reasonOf(me.left)}`)
    return EXIT.failed
  }
  const u = me.right
  const name = [u.name, u.surname].filter((s) => s !== null && s !== '').join(' ')
  const lines = [`${name === '' ? '(no name)' : name} (user ${u.id ?? '?'})`]
  for (const g of u.groups ?? []) {
    lines.push(`  group ${g.name ?? '?'} (${g.id ?? '?'})`)
    for (const w of g.workspaces ?? []) {
      lines.push(`    workspace ${w.name ?? '?'} (${w.id ?? '?'})`)
      for (const n of w.nodes ?? []) lines.push(`      node ${n.id ?? '?'}: ${n.permission ?? '?'}`)
    }
  }
  say(deps.stdout, lines.join('\n'))
  return EXIT.ok
}

/**
 * Runs one command line (without `node` and the script name) and resolves to its exit status. It never rejects:
 * an unexpected fault is a message on stderr and status 1.
 *
 * @category combinators
 * @since 0.2.0
 */
export const run = async (argv: ReadonlyArray<string>, deps: CliDeps): Promise<number> => {
  try {
    const parsed = parseCommandLine(argv)
    if ('usage' in parsed) {
      deps.stderr.write(parsed.usage)
      return EXIT.usage
    }
    if (parsed.kind === 'help') {
      deps.stdout.write(parsed.text)
      return EXIT.ok
    }
    if (parsed.kind === 'version') {
      say(deps.stdout, deps.version)
      return EXIT.ok
    }
    const command: CommandName = parsed.command
    switch (command) {
      case 'import customers':
      case 'import events':
        return await importCommand(deps, command, parsed.file ?? '', parsed.options)
      case 'export customers':
        return await exportCommand(deps, parsed.options)
      case 'whoami':
        return await whoamiCommand(deps, parsed.options)
    }
  } catch (e) {
    say(deps.stderr, `contacthub: ${e instanceof Error ? e.message : String(e)}`)
    return EXIT.failed
  }
}
