/**
 * Jobs, likes, educations and subscriptions of a customer: `/customers/{id}/{entity}[/{entityId}]`, stored in the
 * customer's `base` lists.
 *
 * @since 0.2.0
 */
import * as E from '#fp-ts/Either'
import { ENTITY_SCHEMAS, type EntityName } from '../customer-schema'
import { isRecord, render, stripNulls, validate } from '../schema-language'
import type { Reply } from './replies'
import { recordSource } from './sources'
import type { StoredCustomer, Workspace } from './workspace'

/** Post statuses of the sub-entities, as the 1.39 spec gives them. */
const ENTITY_POST_STATUS: Readonly<Record<EntityName, number>> = {
  jobs: 200,
  likes: 200,
  educations: 200,
  subscriptions: 201
}

const ENTITY_LABEL: Readonly<Record<EntityName, string>> = {
  jobs: 'job',
  likes: 'like',
  educations: 'education',
  subscriptions: 'subscription'
}

/**
 * The sub-entity operations of a workspace.
 *
 * @category constructors
 * @since 0.2.0
 */
export const entityOperations = (ws: Workspace) => {
  const { deps, customers, error, invalid, customerNotFound } = ws

  const entities = (c: StoredCustomer, entity: EntityName): ReadonlyArray<Record<string, unknown>> => {
    const base = isRecord(c.doc.base) ? c.doc.base : {}
    const list = base[entity]
    return Array.isArray(list) ? (list as ReadonlyArray<Record<string, unknown>>) : []
  }

  const setEntities = (c: StoredCustomer, entity: EntityName, list: ReadonlyArray<Record<string, unknown>>): void => {
    const base = isRecord(c.doc.base) ? c.doc.base : {}
    c.doc = { ...c.doc, base: { ...base, [entity]: list } }
    c.updatedAt = Math.max(deps.now(), c.registeredAt)
    recordSource(c, c.nodeId, { base: { [entity]: list } }, 'merge', c.updatedAt)
  }

  const checkEntity = (entity: EntityName, body: unknown, id: string): E.Either<Reply, Record<string, unknown>> => {
    if (!isRecord(body)) return E.left(invalid(ENTITY_LABEL[entity], validate(ENTITY_SCHEMAS[entity], body ?? null)))
    const item = stripNulls({ ...body, id }) as Record<string, unknown>
    const errors = validate(ENTITY_SCHEMAS[entity], item)
    return errors.length > 0 ? E.left(invalid(ENTITY_LABEL[entity], errors)) : E.right(item)
  }

  const entityNotFound = (entity: EntityName, id: string): Reply =>
    error(404, `${ENTITY_LABEL[entity]} not found: ${id}`)

  const listEntities = (customerId: string, entity: EntityName): Reply => {
    const c = customers.get(customerId)
    if (c === undefined) return customerNotFound(customerId)
    return { status: 200, body: { elements: entities(c, entity).map((x) => render(ENTITY_SCHEMAS[entity], x)) } }
  }

  const addEntity = (customerId: string, entity: EntityName, body: unknown): Reply => {
    const c = customers.get(customerId)
    if (c === undefined) return customerNotFound(customerId)
    const given = isRecord(body) && typeof body.id === 'string' && body.id !== '' ? body.id : undefined
    if (isRecord(body) && body.id !== undefined && body.id !== null && given === undefined) {
      return invalid(ENTITY_LABEL[entity], [
        { message: 'expected a non-empty string', path: '/id', data: body.id, code: 'type' }
      ])
    }
    const id = given ?? deps.uuid()
    const item = checkEntity(entity, body, id)
    if (E.isLeft(item)) return item.left
    const list = entities(c, entity)
    if (list.some((x) => x.id === id)) return error(409, `Conflict with existing ${ENTITY_LABEL[entity]} ${id}`)
    setEntities(c, entity, [...list, item.right])
    return { status: ENTITY_POST_STATUS[entity], body: render(ENTITY_SCHEMAS[entity], item.right) }
  }

  const getEntity = (customerId: string, entity: EntityName, id: string): Reply => {
    const c = customers.get(customerId)
    if (c === undefined) return customerNotFound(customerId)
    const item = entities(c, entity).find((x) => x.id === id)
    return item === undefined ? entityNotFound(entity, id) : { status: 200, body: render(ENTITY_SCHEMAS[entity], item) }
  }

  const putEntity = (customerId: string, entity: EntityName, id: string, body: unknown): Reply => {
    const c = customers.get(customerId)
    if (c === undefined) return customerNotFound(customerId)
    const list = entities(c, entity)
    if (!list.some((x) => x.id === id)) return entityNotFound(entity, id)
    if (isRecord(body) && body.id !== undefined && body.id !== null && body.id !== id) {
      return invalid(ENTITY_LABEL[entity], [
        { message: `the id does not match the URL (${id})`, path: '/id', data: body.id, code: 'id' }
      ])
    }
    const item = checkEntity(entity, body, id)
    if (E.isLeft(item)) return item.left
    setEntities(
      c,
      entity,
      list.map((x) => (x.id === id ? item.right : x))
    )
    return { status: 200, body: render(ENTITY_SCHEMAS[entity], item.right) }
  }

  const deleteEntity = (customerId: string, entity: EntityName, id: string): Reply => {
    const c = customers.get(customerId)
    if (c === undefined) return customerNotFound(customerId)
    const list = entities(c, entity)
    if (!list.some((x) => x.id === id)) return entityNotFound(entity, id)
    setEntities(
      c,
      entity,
      list.filter((x) => x.id !== id)
    )
    return { status: 200 }
  }

  return { listEntities, addEntity, getEntity, putEntity, deleteEntity }
}
