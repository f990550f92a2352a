/**
 * `--dry-run`: the import runs as it would, through the library (its own checks and encoding), but its transport
 * answers in the process and nothing leaves it. A create is checked against the API's customer or event schema as
 * the emulator models it: a row the emulator would refuse with a 400 is refused here too, with the same reason.
 * The live API may refuse more (its workspace's extended schema, a unique key already taken).
 *
 * @since 0.2.0
 */
import type { Context } from '../context'
import { CustomerBodySchema } from '../emulator/customer-schema'
import { EventBodySchema } from '../emulator/event-schema'
import { isRecord, stripNulls, validate, type FieldError, type Schema } from '../emulator/schema-language'
import { renderCustomer } from '../emulator/store/customers'

const json = (status: number, body: unknown): Response =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json;charset=UTF-8' }
  })

const refuse = (what: string, errors: ReadonlyArray<FieldError>): Response =>
  json(400, {
    message: `Invalid ${what}: ${errors
      .slice(0, 3)
      .map((e) => `${e.path === '' ? '(root)' : e.path}: ${e.message}`)
      .join('; ')}${errors.length > 3 ? ` (and ${errors.length - 3} more)` : ''}`,
    logref: 'dry-run',
    data: null,
    errors
  })

const check = (schema: Schema, what: string, body: unknown): Response | undefined => {
  const errors = validate(schema, body ?? null)
  return errors.length > 0 ? refuse(what, errors) : undefined
}

/**
 * A `fetch` that sends nothing: `POST .../customers` and `POST .../events` are checked and answered as the emulator
 * would (201 with the customer, 202), everything else is a 405. `now` stamps the customers it answers with.
 *
 * @category constructors
 * @since 0.2.0
 */
export const dryRunFetch =
  (now: () => number): typeof globalThis.fetch =>
  (input, init) =>
    Promise.resolve(answer(now, input, init))

const answer = (now: () => number, input: Parameters<typeof fetch>[0], init: RequestInit | undefined): Response => {
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url)
  const method = (init?.method ?? 'GET').toUpperCase()
  let body: unknown
  try {
    body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined
  } catch {
    body = undefined
  }
  if (method === 'POST' && url.pathname.endsWith('/customers')) {
    const refused = check(CustomerBodySchema, 'customer', body)
    if (refused !== undefined) return refused
    const doc = stripNulls(body) as Record<string, unknown>
    const t = now()
    return json(
      201,
      renderCustomer({
        id: `dry-run-${t}`,
        nodeId: isRecord(body) && typeof body.nodeId === 'string' ? body.nodeId : 'dry-run',
        registeredAt: t,
        updatedAt: t,
        doc,
        sessions: [],
        sources: new Map()
      })
    )
  }
  if (method === 'POST' && url.pathname.endsWith('/events'))
    return check(EventBodySchema, 'event', body) ?? json(202, undefined)
  return json(405, {
    message: `--dry-run sends no ${method} ${url.pathname}`,
    logref: 'dry-run',
    data: null,
    errors: []
  })
}

/**
 * The context of a dry run: the real one when there is one (so that its node id is the one checked), else a
 * stand-in; either way with the transport of {@link dryRunFetch} and no retries.
 *
 * @category constructors
 * @since 0.2.0
 */
export const dryRunContext = (ctx: Context | undefined, now: () => number): Context => ({
  workspaceId: ctx?.workspaceId ?? 'dry-run',
  nodeId: ctx?.nodeId ?? 'dry-run',
  token: 'dry-run',
  baseUrl: 'https://dry-run.invalid/hub/v1',
  retry: false,
  fetch: dryRunFetch(now)
})
