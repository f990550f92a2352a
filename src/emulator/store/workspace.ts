/**
 * The state of the emulator's in-memory workspace: its nodes, customers (with their sessions and sub-entities),
 * what each node sent of them), the indexes by external id and session value, events, segments and the customers
 * that left. The operations on it live in customers.ts, sessions.ts, entities.ts, events.ts, sources.ts,
 * segments.ts, analytics.ts and me.ts, one resource each.
 *
 * @since 0.2.0
 */
import { parseTimestamp } from '../../codecs/common'
import { isCalendarDate } from '../schema-language'
import { createReplies, type Replies } from './replies'

/**
 * What the store needs from its host.
 *
 * @category model
 * @since 0.1.0
 */
export interface StoreDeps {
  readonly workspaceId: string
  /** The current time, ms since the epoch. */
  readonly now: () => number
  /** A new unique id. */
  readonly uuid: () => string
  /** The base URL, for the `href` of a 409. */
  readonly baseUrl: () => string
  /** The user `GET /me` describes; defaults for what is left out. */
  readonly user?: EmulatorUser
}

/**
 * The user the emulator's token belongs to, as `GET /me` shows it: one group that may use the emulator's
 * workspace and every node of it. Every field is optional.
 *
 * @example
 * import { startEmulator } from 'contacthub-fp/emulator'
 * const emulator = await startEmulator({ user: { name: 'Ada', surname: 'Lovelace', permission: 'R' } })
 *
 * @category model
 * @since 0.2.0
 */
export interface EmulatorUser {
  /** Default `emulator-user`. */
  readonly id?: string
  /** Default `Emulator`. */
  readonly name?: string | null
  /** Default `User`. */
  readonly surname?: string | null
  /** Default `emulator-group`. */
  readonly groupId?: string
  /** Default `emulator`. */
  readonly groupName?: string
  /** The name of the emulator's workspace; default `emulator`. */
  readonly workspaceName?: string
  /** The user's permission on every node; default `RW`. */
  readonly permission?: 'R' | 'RW' | 'W'
}

/**
 * What one node (one source: the emulator gives each node one source, whose id is the node's id) sent of a
 * customer: the merge of its writes.
 *
 * @category model
 * @since 0.2.0
 */
export interface StoredSource {
  readonly registeredAt: number
  updatedAt: number
  /** Sparse, like a customer's doc. */
  doc: Record<string, unknown>
}

/**
 * A session of a customer: its id and its value (a value belongs to one customer at a time).
 *
 * @category model
 * @since 0.1.0
 */
export interface Session {
  readonly id: string
  readonly value: string
}

/**
 * A stored customer: its identity, times (ms), sparse writable part, sessions and sources.
 *
 * @category model
 * @since 0.1.0
 */
export interface StoredCustomer {
  readonly id: string
  nodeId: string
  readonly registeredAt: number
  updatedAt: number
  /** The writable part, sparse: externalId, extra, enabled, base, extended, tags, consents; no nulls. */
  doc: Record<string, unknown>
  sessions: Array<Session>
  /** node id → what that node sent; the first entry is the source that created the customer. */
  readonly sources: Map<string, StoredSource>
}

/**
 * A customer that was deleted: what the trends need to count it as lost.
 *
 * @category model
 * @since 0.2.0
 */
export interface GoneCustomer {
  readonly nodeId: string
  readonly registeredAt: number
  readonly deletedAt: number
}

/**
 * A stored segment: its name, its inner query as sent, whether it is enabled, and its times (ms).
 *
 * @category model
 * @since 0.2.0
 */
export interface StoredSegment {
  readonly id: string
  name: string
  /** The inner query (simple or combined), as sent. */
  query: Record<string, unknown>
  enabled: boolean
  readonly createdAt: number
  updatedAt: number
}

/**
 * How an event names a customer that may not exist yet: a session or an external id, within a node.
 *
 * @category model
 * @since 0.1.0
 */
export interface BringBack {
  readonly type: 'SESSION_ID' | 'EXTERNAL_ID'
  readonly value: string
  readonly nodeId: string
}

/**
 * A stored event: its customer (null until brought back), type, context, properties and times (ms).
 *
 * @category model
 * @since 0.1.0
 */
export interface StoredEvent {
  readonly id: string
  customerId: string | null
  readonly bringBackProperties: BringBack | null
  readonly type: string
  readonly context: string
  readonly date: number
  readonly properties: unknown
  readonly contextInfo: unknown
  readonly tracking: unknown
  readonly registeredAt: number
}

/**
 * A date-time or a calendar date (midnight UTC) as ms; undefined when it is neither.
 *
 * @category helpers
 * @since 0.1.0
 */
export const readInstant = (s: string): number | undefined =>
  parseTimestamp(s, true) ?? (isCalendarDate(s) ? parseTimestamp(`${s}T00:00:00Z`) : undefined)

/**
 * The shared state every resource's operations work on, with the replies of the workspace.
 *
 * @category model
 * @since 0.2.0
 */
export interface Workspace extends Replies {
  readonly deps: StoreDeps
  readonly nodes: Set<string>
  readonly customers: Map<string, StoredCustomer>
  /** `${nodeId}\n${externalId}` → customer id */
  readonly byExternalId: Map<string, string>
  /** session value → customer id */
  readonly sessionOwner: Map<string, string>
  readonly events: Map<string, StoredEvent>
  readonly segments: Map<string, StoredSegment>
  /** Deleted customers, oldest first (for the trends' `lost`). */
  readonly gone: Array<GoneCustomer>
}

/**
 * The key of `byExternalId`.
 *
 * @category helpers
 * @since 0.2.0
 */
export const extKey = (nodeId: string, externalId: string): string => `${nodeId}\n${externalId}`

/**
 * An empty workspace with the given nodes.
 *
 * @category constructors
 * @since 0.2.0
 */
export const createWorkspace = (deps: StoreDeps, nodeIds: ReadonlyArray<string>): Workspace => ({
  ...createReplies(deps.uuid),
  deps,
  nodes: new Set(nodeIds),
  customers: new Map(),
  byExternalId: new Map(),
  sessionOwner: new Map(),
  events: new Map(),
  segments: new Map(),
  gone: []
})
