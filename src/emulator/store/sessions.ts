/**
 * Sessions of a customer: `/customers/{id}/sessions[/{sessionId}]`. A session value belongs to one customer at a
 * time: linking it to another moves it.
 *
 * @since 0.2.0
 */
import { SessionBodySchema } from '../customer-schema'
import { validate } from '../schema-language'
import type { Reply } from './replies'
import type { Session, StoredCustomer, Workspace } from './workspace'

/**
 * Links a session value to a customer (moving it from its previous owner); returns the session.
 *
 * @category helpers
 * @since 0.2.0
 */
export const linkSession =
  (ws: Workspace) =>
  (c: StoredCustomer, value: string, id?: string): Session => {
    const existing = c.sessions.find((s) => s.value === value)
    if (existing !== undefined) return existing
    const ownerId = ws.sessionOwner.get(value)
    const owner = ownerId === undefined ? undefined : ws.customers.get(ownerId)
    if (owner !== undefined) owner.sessions = owner.sessions.filter((s) => s.value !== value)
    const session = { id: id ?? ws.deps.uuid(), value }
    c.sessions.push(session)
    ws.sessionOwner.set(value, c.id)
    return session
  }

/**
 * The session operations of a workspace.
 *
 * @category constructors
 * @since 0.2.0
 */
export const sessionOperations = (ws: Workspace) => {
  const { customers, sessionOwner, error, invalid, customerNotFound } = ws
  const link = linkSession(ws)

  const findSession = (c: StoredCustomer, sessionId: string): Session | undefined =>
    c.sessions.find((s) => s.id === sessionId) ?? c.sessions.find((s) => s.value === sessionId)

  const listSessions = (customerId: string): Reply => {
    const c = customers.get(customerId)
    return c === undefined
      ? customerNotFound(customerId)
      : { status: 200, body: { elements: c.sessions.map((s) => ({ ...s })) } }
  }

  const addSession = (customerId: string, body: unknown): Reply => {
    const c = customers.get(customerId)
    if (c === undefined) return customerNotFound(customerId)
    const errors = validate(SessionBodySchema, body ?? null)
    if (errors.length > 0) return invalid('session', errors)
    const b = body as { value: string; id?: string | null }
    const session = link(c, b.value, typeof b.id === 'string' && b.id !== '' ? b.id : undefined)
    return { status: 201, body: { ...session } }
  }

  const getSession = (customerId: string, sessionId: string): Reply => {
    const c = customers.get(customerId)
    if (c === undefined) return customerNotFound(customerId)
    const s = findSession(c, sessionId)
    return s === undefined ? error(404, `Session not found: ${sessionId}`) : { status: 200, body: { ...s } }
  }

  const deleteSession = (customerId: string, sessionId: string): Reply => {
    const c = customers.get(customerId)
    if (c === undefined) return customerNotFound(customerId)
    const s = findSession(c, sessionId)
    if (s === undefined) return error(404, `Session not found: ${sessionId}`)
    c.sessions = c.sessions.filter((x) => x !== s)
    sessionOwner.delete(s.value)
    return { status: 200 }
  }

  return { listSessions, addSession, getSession, deleteSession }
}
