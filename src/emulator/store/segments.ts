/**
 * Segments: `/segments[/{id}]` (a named, stored customer query: list with a `name` filter and pages, create,
 * read, replace, delete) and `/segments/{id}/customers`, which evaluates the stored query against the customers
 * of a node with the query engine of `GET /customers`, with pages and `fields`.
 *
 * A segment's `query` is the inner query of a customer query (`{ type: 'simple' | 'combined', ... }`), validated
 * as the `query` parameter of `GET /customers` is: errors point into the body (`/query/are/condition/...`).
 *
 * @since 0.2.0
 */
import * as E from '#fp-ts/Either'
import { wireTimestamp } from '../../codecs/common'
import { parseQuery, runQuery, selectFields, type Query } from '../query-engine'
import { isRecord, typeName, type FieldError } from '../schema-language'
import { renderCustomer } from './customers'
import type { Params, Reply } from './replies'
import type { StoredSegment, Workspace } from './workspace'

/**
 * A stored segment as the API shows it.
 *
 * @category helpers
 * @since 0.2.0
 */
export const renderSegment = (s: StoredSegment): Record<string, unknown> => ({
  id: s.id,
  name: s.name,
  query: s.query,
  enabled: s.enabled,
  createdAt: wireTimestamp(s.createdAt),
  updatedAt: wireTimestamp(s.updatedAt)
})

/** What a valid segment body holds. */
interface SegmentBody {
  readonly name: string
  readonly query: Record<string, unknown>
  readonly enabled: boolean | undefined
}

/** The stored query of a segment as a customer query the engine runs (it was validated when stored). */
const asQuery = (s: StoredSegment): E.Either<ReadonlyArray<FieldError>, Query> =>
  parseQuery(JSON.stringify({ name: s.name, query: s.query }))

/**
 * The segment operations of a workspace.
 *
 * @category constructors
 * @since 0.2.0
 */
export const segmentOperations = (ws: Workspace) => {
  const { deps, nodes, customers, segments, error, invalid, listingScope, one, paginate } = ws

  const segmentNotFound = (id: string): Reply => error(404, `Segment not found: ${id}`)

  /** Checks a POST or PUT body: `name` a non-empty string, `query` a valid inner query, `enabled` a boolean. */
  const checkSegment = (body: unknown): E.Either<Reply, SegmentBody> => {
    const errors: Array<FieldError> = []
    if (!isRecord(body)) {
      return E.left(
        invalid('segment', [
          { message: `expected object, got ${typeName(body ?? null)}`, path: '', data: body ?? null, code: 'type' }
        ])
      )
    }
    const { name, query } = body
    // The spec's examples spell the flag `enable`: both are read.
    const enabled = body.enabled ?? body.enable
    if (typeof name !== 'string' || name.trim() === '')
      errors.push({ message: 'expected a non-empty string', path: '/name', data: name ?? null, code: 'required' })
    if (enabled !== undefined && enabled !== null && typeof enabled !== 'boolean')
      errors.push({
        message: `expected boolean or null, got ${typeName(enabled)}`,
        path: body.enabled === undefined ? '/enable' : '/enabled',
        data: enabled,
        code: 'type'
      })
    if (!isRecord(query)) {
      errors.push({
        message: `expected a simple or combined query object, got ${typeName(query ?? null)}`,
        path: '/query',
        data: query ?? null,
        code: query === undefined || query === null ? 'required' : 'type'
      })
    } else {
      // Validated as the inner query of a customer query, whose pointers (`/query/...`) are the body's too.
      const parsed = parseQuery(JSON.stringify({ name: 'segment', query }))
      if (E.isLeft(parsed)) errors.push(...parsed.left)
    }
    if (errors.length > 0) return E.left(invalid('segment', errors))
    return E.right({
      name: name as string,
      query: query as Record<string, unknown>,
      enabled: typeof enabled === 'boolean' ? enabled : undefined
    })
  }

  const listSegments = (params: Params): Reply => {
    const all = [...segments.values()]
    const name = (one(params, 'name') ?? '').trim().toLowerCase()
    const selected = name === '' ? all : all.filter((s) => s.name.toLowerCase().includes(name))
    return paginate(selected, all.length, params, renderSegment)
  }

  const addSegment = (body: unknown): Reply => {
    const checked = checkSegment(body)
    if (E.isLeft(checked)) return checked.left
    const now = deps.now()
    const s: StoredSegment = {
      id: deps.uuid(),
      name: checked.right.name,
      query: checked.right.query,
      enabled: checked.right.enabled ?? true,
      createdAt: now,
      updatedAt: now
    }
    segments.set(s.id, s)
    // As the spec says: an array of one segment.
    return { status: 201, body: [renderSegment(s)] }
  }

  const getSegment = (id: string): Reply => {
    const s = segments.get(id)
    return s === undefined ? segmentNotFound(id) : { status: 200, body: renderSegment(s) }
  }

  const putSegment = (id: string, body: unknown): Reply => {
    const s = segments.get(id)
    if (s === undefined) return segmentNotFound(id)
    if (isRecord(body) && body.id !== undefined && body.id !== null && body.id !== id) {
      return invalid('segment', [
        { message: `the id does not match the URL (${id})`, path: '/id', data: body.id, code: 'id' }
      ])
    }
    const checked = checkSegment(body)
    if (E.isLeft(checked)) return checked.left
    s.name = checked.right.name
    s.query = checked.right.query
    s.enabled = checked.right.enabled ?? true
    s.updatedAt = Math.max(deps.now(), s.createdAt)
    return { status: 200, body: renderSegment(s) }
  }

  const deleteSegment = (id: string): Reply => {
    const s = segments.get(id)
    if (s === undefined) return segmentNotFound(id)
    segments.delete(id)
    return { status: 200, body: renderSegment(s) }
  }

  const segmentCustomers = (id: string, params: Params): Reply => {
    const s = segments.get(id)
    if (s === undefined) return segmentNotFound(id)
    const scope = listingScope(params, nodes)
    if (E.isLeft(scope)) return scope.left
    const { nodeId, fields } = scope.right
    const query = asQuery(s)
    if (E.isLeft(query)) return error(400, `The query of segment ${id} cannot be evaluated`, query.left)
    const inNode = [...customers.values()].filter((c) => c.nodeId === nodeId).map(renderCustomer)
    const selected = runQuery(query.right, inNode, ws.events.values())
    return paginate(selected, inNode.length, params, (c) => (fields.length === 0 ? c : selectFields(c, fields)))
  }

  return { listSegments, addSegment, getSegment, putSegment, deleteSegment, segmentCustomers }
}
