/**
 * Events: `/events[/{id}]`: add (202), read, replace, delete, and the listing of a customer's events with its
 * filters. Events that name their customer by session or external id are attached once that customer exists.
 *
 * @since 0.2.0
 */
import * as E from '#fp-ts/Either'
import { wireTimestamp } from '../../codecs/common'
import { EventBodySchema, eventMode, eventPayloadErrors } from '../event-schema'
import { isRecord, validate } from '../schema-language'
import { withoutReadOnly } from './customers'
import type { Params, Reply } from './replies'
import { extKey, readInstant, type BringBack, type StoredEvent, type Workspace } from './workspace'

/**
 * A stored event as the API shows it.
 *
 * @category helpers
 * @since 0.2.0
 */
export const renderEvent = (e: StoredEvent): Record<string, unknown> => ({
  id: e.id,
  customerId: e.customerId,
  bringBackProperties: e.bringBackProperties,
  type: e.type,
  context: e.context,
  date: wireTimestamp(e.date),
  properties: e.properties,
  contextInfo: e.contextInfo,
  tracking: e.tracking,
  registeredAt: wireTimestamp(e.registeredAt)
})

/**
 * The event operations of a workspace.
 *
 * @category constructors
 * @since 0.2.0
 */
export const eventOperations = (ws: Workspace) => {
  const { nodes, events, byExternalId, sessionOwner, deps, error, invalid, badParam, nodeNotFound, one, paginate } = ws

  /** Attaches events that name their customer by session or external id, once that customer exists. */
  const bringBack = (): void => {
    for (const e of events.values()) {
      if (e.customerId !== null || e.bringBackProperties === null) continue
      const { type, value, nodeId } = e.bringBackProperties
      const ownerId = type === 'SESSION_ID' ? sessionOwner.get(value) : byExternalId.get(extKey(nodeId, value))
      if (ownerId !== undefined) e.customerId = ownerId
    }
  }

  const checkEvent = (id: string, body: unknown, registeredAt: number): E.Either<Reply, StoredEvent> => {
    const errors = validate(EventBodySchema, body ?? null)
    const b: Record<string, unknown> = isRecord(body) ? body : {}
    const hasCustomer = typeof b.customerId === 'string' && b.customerId !== ''
    if (errors.length === 0 && !hasCustomer && !isRecord(b.bringBackProperties)) {
      errors.push({
        message: 'either customerId or bringBackProperties is required',
        path: '/customerId',
        data: null,
        code: 'required'
      })
    }
    if (errors.length === 0)
      errors.push(...eventPayloadErrors(b.type as string, b.context as string, b.properties, b.contextInfo))
    let date = registeredAt
    if (errors.length === 0 && typeof b.date === 'string') {
      const ms = readInstant(b.date)
      if (ms === undefined)
        errors.push({
          message: `${JSON.stringify(b.date)} is not a valid date-time`,
          path: '/date',
          data: b.date,
          code: 'format'
        })
      else date = ms
    }
    if (errors.length > 0) return E.left(invalid('event', errors))
    const bbp = isRecord(b.bringBackProperties) ? (b.bringBackProperties as unknown as BringBack) : null
    if (bbp !== null && !nodes.has(bbp.nodeId)) return E.left(nodeNotFound(bbp.nodeId))
    return E.right({
      id,
      customerId: hasCustomer ? (b.customerId as string) : null,
      bringBackProperties: bbp === null ? null : { type: bbp.type, value: bbp.value, nodeId: bbp.nodeId },
      type: b.type as string,
      context: b.context as string,
      date,
      properties: b.properties,
      contextInfo: b.contextInfo ?? null,
      tracking: b.tracking ?? null,
      registeredAt
    })
  }

  const addEvent = (body: unknown): Reply => {
    const e = checkEvent(deps.uuid(), body, deps.now())
    if (E.isLeft(e)) return e.left
    events.set(e.right.id, e.right)
    bringBack()
    return { status: 202, body: { id: e.right.id } }
  }

  const putEvent = (id: string, body: unknown): Reply => {
    const old = events.get(id)
    if (old === undefined) return error(404, `Event not found: ${id}`)
    const b = isRecord(body) ? withoutReadOnly(body, ['id', 'registeredAt', 'updatedAt', 'mode']) : body
    const e = checkEvent(id, b, old.registeredAt)
    if (E.isLeft(e)) return e.left
    events.set(id, e.right)
    bringBack()
    return { status: 202, body: { id } }
  }

  const getEvent = (id: string): Reply => {
    bringBack()
    const e = events.get(id)
    return e === undefined ? error(404, `Event not found: ${id}`) : { status: 200, body: renderEvent(e) }
  }

  const deleteEvent = (id: string): Reply => {
    if (!events.delete(id)) return error(404, `Event not found: ${id}`)
    return { status: 204 }
  }

  const listParam = (params: Params, name: string): ReadonlySet<string> | undefined => {
    const values = (params.get(name) ?? [])
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter((v) => v !== '')
    return values.length === 0 ? undefined : new Set(values)
  }

  const instantParam = (params: Params, name: string): E.Either<Reply, number | undefined> => {
    const raw = one(params, name)
    if (raw === undefined || raw === '') return E.right(undefined)
    const ms = readInstant(raw)
    return ms === undefined ? E.left(badParam(name, raw, 'expected an ISO 8601 date-time')) : E.right(ms)
  }

  const listEvents = (params: Params): Reply => {
    const customerId = one(params, 'customerId')
    if (customerId === undefined || customerId === '') {
      return badParam('customerId', null, 'the customerId parameter is required')
    }
    const types = listParam(params, 'type')
    const contexts = listParam(params, 'context')
    const mode = one(params, 'mode')
    if (mode !== undefined && mode !== '' && mode !== 'ACTIVE' && mode !== 'PASSIVE') {
      return badParam('mode', mode, 'expected ACTIVE or PASSIVE')
    }
    const from = instantParam(params, 'dateFrom')
    if (E.isLeft(from)) return from.left
    const to = instantParam(params, 'dateTo')
    if (E.isLeft(to)) return to.left
    bringBack()
    const mine = [...events.values()].filter((e) => e.customerId === customerId)
    const selected = mine
      .filter(
        (e) =>
          (types === undefined || types.has(e.type)) &&
          (contexts === undefined || contexts.has(e.context)) &&
          (mode === undefined || mode === '' || eventMode(e.type) === mode) &&
          (from.right === undefined || e.date >= from.right) &&
          (to.right === undefined || e.date <= to.right)
      )
      .map((e, i) => ({ e, i }))
      .sort((x, y) => y.e.date - x.e.date || x.i - y.i)
      .map((x) => renderEvent(x.e))
    return paginate(selected, mine.length, params)
  }

  return { listEvents, addEvent, getEvent, putEvent, deleteEvent }
}
