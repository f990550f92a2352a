/**
 * Customer sources: `/customers/{id}/sources[/{sourceId}]`. Each node that wrote a customer is one source of it
 * (the emulator gives a node one source, whose id is the node's id); the source keeps the merge of what that node
 * sent: a create or a replace sets it, a merge (PATCH) and a sub-entity change are merged into it.
 *
 * @since 0.2.0
 */
import { wireTimestamp } from '../../codecs/common'
import { BaseSchema, ConsentsSchema, TagsSchema } from '../customer-schema'
import { mergePatch, render } from '../schema-language'
import type { Reply } from './replies'
import type { StoredCustomer, StoredSource, Workspace } from './workspace'

/** Records a write of `nodeId` on a customer: `replace` sets the source's data, `merge` merges `doc` into it. */
export const recordSource = (
  c: StoredCustomer,
  nodeId: string,
  doc: Record<string, unknown>,
  how: 'replace' | 'merge',
  at: number
): void => {
  const s = c.sources.get(nodeId)
  if (s === undefined) {
    c.sources.set(nodeId, { registeredAt: at, updatedAt: at, doc })
    return
  }
  s.doc = how === 'replace' ? doc : (mergePatch(s.doc, doc) as Record<string, unknown>)
  s.updatedAt = Math.max(at, s.registeredAt)
}

/** A source of a customer as the API shows it: every field present, `null` when unset. */
export const renderSource = (nodeId: string, s: StoredSource): Record<string, unknown> => ({
  id: nodeId,
  externalId: s.doc.externalId ?? null,
  nodeId,
  base: render(BaseSchema, s.doc.base),
  extended: s.doc.extended ?? null,
  extra: s.doc.extra ?? null,
  consents: s.doc.consents === undefined ? null : render(ConsentsSchema, s.doc.consents),
  tags: s.doc.tags === undefined ? null : render(TagsSchema, s.doc.tags),
  registeredAt: wireTimestamp(s.registeredAt),
  updatedAt: wireTimestamp(s.updatedAt),
  enabled: s.doc.enabled ?? true
})

/** The source operations of a workspace. */
export const sourceOperations = (ws: Workspace) => {
  const { customers, error, customerNotFound } = ws

  const listSources = (customerId: string): Reply => {
    const c = customers.get(customerId)
    if (c === undefined) return customerNotFound(customerId)
    return { status: 200, body: { elements: [...c.sources].map(([id, s]) => renderSource(id, s)) } }
  }

  const getSource = (customerId: string, sourceId: string): Reply => {
    const c = customers.get(customerId)
    if (c === undefined) return customerNotFound(customerId)
    const s = c.sources.get(sourceId)
    return s === undefined
      ? error(404, `Source not found: ${sourceId}`)
      : { status: 200, body: renderSource(sourceId, s) }
  }

  return { listSources, getSource }
}
