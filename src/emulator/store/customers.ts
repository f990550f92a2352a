/**
 * Customers: `/customers[/{id}]`: listing (with `externalId`, `query`, `sort`, `fields` and pages), create, read,
 * merge (PATCH), replace (PUT) and delete, with the `externalId` uniqueness of a node.
 *
 * @since 0.2.0
 */
import * as E from '#fp-ts/Either'
import { wireTimestamp } from '../../codecs/common'
import {
  BaseSchema,
  ConsentsSchema,
  CustomerBodySchema,
  READ_ONLY_CUSTOMER_PROPERTIES,
  TagsSchema
} from '../customer-schema'
import { parseQuery, parseSort, runQuery, selectFields, sortBy } from '../query-engine'
import { isRecord, mergePatch, render, setOwn, stripNulls, validate } from '../schema-language'
import type { Params, Reply } from './replies'
import { linkSession } from './sessions'
import { recordSource } from './sources'
import { extKey, type StoredCustomer, type Workspace } from './workspace'

/**
 * How many deleted customers the store remembers for the trends' `lost` (the latest).
 *
 * @category constants
 * @since 0.2.0
 */
export const MAX_GONE = 100_000

/**
 * A body without the properties named in `drop`.
 *
 * @category helpers
 * @since 0.2.0
 */
export const withoutReadOnly = (
  body: Record<string, unknown>,
  drop: ReadonlyArray<string>
): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(body)) if (!drop.includes(k)) setOwn(out, k, v)
  return out
}

/**
 * A stored customer as the API shows it: every field present, `null` when unset.
 *
 * @category helpers
 * @since 0.2.0
 */
export const renderCustomer = (c: StoredCustomer): Record<string, unknown> => ({
  id: c.id,
  nodeId: c.nodeId,
  externalId: c.doc.externalId ?? null,
  extra: c.doc.extra ?? null,
  registeredAt: wireTimestamp(c.registeredAt),
  updatedAt: wireTimestamp(c.updatedAt),
  enabled: c.doc.enabled ?? true,
  base: render(BaseSchema, c.doc.base),
  extended: c.doc.extended ?? null,
  tags: c.doc.tags === undefined ? null : render(TagsSchema, c.doc.tags),
  consents: c.doc.consents === undefined ? null : render(ConsentsSchema, c.doc.consents)
})

/**
 * The customer operations of a workspace.
 *
 * @category constructors
 * @since 0.2.0
 */
export const customerOperations = (ws: Workspace) => {
  const { deps, nodes, customers, byExternalId, sessionOwner, gone, error, invalid, badParam, customerNotFound } = ws
  const { nodeNotFound, listingScope, one, paginate } = ws
  const link = linkSession(ws)

  /** The customer of this node that already holds `externalId`, other than `self`. */
  const holder = (nodeId: string, externalId: unknown, self?: string): StoredCustomer | undefined => {
    if (typeof externalId !== 'string') return undefined
    const id = byExternalId.get(extKey(nodeId, externalId))
    return id === undefined || id === self ? undefined : customers.get(id)
  }

  const conflict = (existing: StoredCustomer): Reply =>
    error(409, `Conflict with exiting customer ${existing.id}`, [], {
      customer: {
        id: existing.id,
        href: `${deps.baseUrl()}/workspaces/${encodeURIComponent(deps.workspaceId)}/customers/${encodeURIComponent(existing.id)}`
      }
    })

  const index = (c: StoredCustomer): void => {
    if (typeof c.doc.externalId === 'string') byExternalId.set(extKey(c.nodeId, c.doc.externalId), c.id)
  }
  const unindex = (c: StoredCustomer): void => {
    if (typeof c.doc.externalId === 'string') byExternalId.delete(extKey(c.nodeId, c.doc.externalId))
  }

  const sessionParam = (params: Params): string | undefined => {
    const s = one(params, 'sessionId')
    return s === undefined || s === '' ? undefined : s
  }

  /** Validates a whole customer (POST/PUT body or a merged PATCH); returns its sparse doc and node. */
  const checkCustomer = (
    whole: Record<string, unknown>
  ): E.Either<Reply, { readonly nodeId: string; readonly doc: Record<string, unknown> }> => {
    const errors = validate(CustomerBodySchema, whole)
    if (errors.length > 0) return E.left(invalid('customer', errors))
    const nodeId = whole.nodeId as string
    if (!nodes.has(nodeId)) return E.left(nodeNotFound(nodeId))
    const doc = stripNulls(withoutReadOnly(whole, ['nodeId'])) as Record<string, unknown>
    return E.right({ nodeId, doc })
  }

  const listCustomers = (params: Params): Reply => {
    const scope = listingScope(params, nodes)
    if (E.isLeft(scope)) return scope.left
    const { nodeId, fields } = scope.right
    const inNode = [...customers.values()].filter((c) => c.nodeId === nodeId)
    const externalId = one(params, 'externalId')
    const stored = externalId === undefined ? inNode : inNode.filter((c) => (c.doc.externalId ?? null) === externalId)
    const project = (c: Record<string, unknown>): Record<string, unknown> =>
      fields.length === 0 ? c : (selectFields(c, fields) as Record<string, unknown>)
    const queryText = one(params, 'query') ?? ''
    const sortValues = (params.get('sort') ?? []).filter((s) => s !== '')
    // Without a query or a sort, only the customers of the page asked for are rendered: long walks stay cheap.
    if (queryText === '' && sortValues.length === 0)
      return paginate(stored, inNode.length, params, (c) => project(renderCustomer(c)))
    let selected = stored.map(renderCustomer)
    if (queryText !== '') {
      const query = parseQuery(queryText)
      if (E.isLeft(query)) {
        return error(
          400,
          `Invalid query: ${query.left
            .slice(0, 3)
            .map((e) => `${e.path === '' ? '(root)' : e.path}: ${e.message}`)
            .join('; ')}`,
          query.left
        )
      }
      selected = [...runQuery(query.right, selected, ws.events.values())]
    }
    const direction = one(params, 'direction')
    const sort = parseSort(sortValues, direction === undefined || direction === '' ? 'asc' : direction)
    if (E.isLeft(sort)) return badParam('sort', sort.left, 'expected <attribute>[,asc|desc] with a known attribute')
    selected = [...sortBy(selected, sort.right)]
    return paginate(selected, inNode.length, params, project)
  }

  const createCustomer = (body: unknown, params: Params): Reply => {
    if (!isRecord(body)) return invalid('customer', validate(CustomerBodySchema, body ?? null))
    const checked = checkCustomer(withoutReadOnly(body, READ_ONLY_CUSTOMER_PROPERTIES))
    if (E.isLeft(checked)) return checked.left
    const { nodeId, doc } = checked.right
    const existing = holder(nodeId, doc.externalId)
    if (existing !== undefined) return conflict(existing)
    const now = deps.now()
    const c: StoredCustomer = {
      id: deps.uuid(),
      nodeId,
      registeredAt: now,
      updatedAt: now,
      doc,
      sessions: [],
      sources: new Map()
    }
    recordSource(c, nodeId, doc, 'replace', now)
    customers.set(c.id, c)
    index(c)
    const sessionId = sessionParam(params)
    if (sessionId !== undefined) link(c, sessionId)
    return { status: 201, body: renderCustomer(c) }
  }

  const getCustomer = (id: string): Reply => {
    const c = customers.get(id)
    return c === undefined ? customerNotFound(id) : { status: 200, body: renderCustomer(c) }
  }

  /** Stores a checked doc; `sent` is what the node sent, for its source (a PATCH's is merged into it). */
  const replaceDoc = (
    c: StoredCustomer,
    nodeId: string,
    doc: Record<string, unknown>,
    params: Params,
    sent: { readonly doc: Record<string, unknown>; readonly how: 'replace' | 'merge' }
  ): Reply => {
    const existing = holder(nodeId, doc.externalId, c.id)
    if (existing !== undefined) return conflict(existing)
    unindex(c)
    c.nodeId = nodeId
    c.doc = doc
    c.updatedAt = Math.max(deps.now(), c.registeredAt)
    recordSource(c, nodeId, sent.doc, sent.how, c.updatedAt)
    index(c)
    const sessionId = sessionParam(params)
    if (sessionId !== undefined) link(c, sessionId)
    return { status: 200, body: renderCustomer(c) }
  }

  const patchCustomer = (id: string, body: unknown, params: Params): Reply => {
    const c = customers.get(id)
    if (c === undefined) return customerNotFound(id)
    if (!isRecord(body)) {
      return invalid('customer', [
        {
          message: `expected object, got ${body === null ? 'null' : typeof body}`,
          path: '',
          data: body ?? null,
          code: 'type'
        }
      ])
    }
    const patch = withoutReadOnly(body, [...READ_ONLY_CUSTOMER_PROPERTIES, 'nodeId'])
    const merged = mergePatch(c.doc, patch) as Record<string, unknown>
    const checked = checkCustomer({ nodeId: c.nodeId, ...merged })
    if (E.isLeft(checked)) return checked.left
    return replaceDoc(c, c.nodeId, checked.right.doc, params, { doc: patch, how: 'merge' })
  }

  const putCustomer = (id: string, body: unknown, params: Params): Reply => {
    const c = customers.get(id)
    if (c === undefined) return customerNotFound(id)
    if (!isRecord(body)) return invalid('customer', validate(CustomerBodySchema, body ?? null))
    if (body.id !== undefined && body.id !== null && body.id !== id) {
      return invalid('customer', [
        { message: `the id does not match the URL (${id})`, path: '/id', data: body.id, code: 'id' }
      ])
    }
    const checked = checkCustomer(withoutReadOnly(body, READ_ONLY_CUSTOMER_PROPERTIES))
    if (E.isLeft(checked)) return checked.left
    return replaceDoc(c, checked.right.nodeId, checked.right.doc, params, { doc: checked.right.doc, how: 'replace' })
  }

  const deleteCustomer = (id: string): Reply => {
    const c = customers.get(id)
    if (c === undefined) return customerNotFound(id)
    unindex(c)
    for (const s of c.sessions) sessionOwner.delete(s.value)
    customers.delete(id)
    gone.push({ nodeId: c.nodeId, registeredAt: c.registeredAt, deletedAt: Math.max(deps.now(), c.registeredAt) })
    // Bounded: past the bound, the oldest deletions are forgotten (the trends then miss them).
    if (gone.length > MAX_GONE + 1000) gone.splice(0, gone.length - MAX_GONE)
    return { status: 200 }
  }

  return { listCustomers, createCustomer, getCustomer, patchCustomer, putCustomer, deleteCustomer }
}
