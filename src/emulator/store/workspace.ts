/**
 * The state of the emulator's in-memory workspace: its nodes, customers (with their sessions and sub-entities),
 * the indexes by external id and session value, and events. The operations on it live in customers.ts,
 * sessions.ts, entities.ts and events.ts, one resource each.
 *
 * @since 0.2.0
 */
import { parseTimestamp } from '../../codecs/common'
import { isCalendarDate } from '../schema-language'
import { createReplies, type Replies } from './replies'

/** What the store needs from its host. */
export interface StoreDeps {
  readonly workspaceId: string
  /** The current time, ms since the epoch. */
  readonly now: () => number
  /** A new unique id. */
  readonly uuid: () => string
  /** The base URL, for the `href` of a 409. */
  readonly baseUrl: () => string
}

export interface Session {
  readonly id: string
  readonly value: string
}

export interface StoredCustomer {
  readonly id: string
  nodeId: string
  readonly registeredAt: number
  updatedAt: number
  /** The writable part, sparse: externalId, extra, enabled, base, extended, tags, consents; no nulls. */
  doc: Record<string, unknown>
  sessions: Array<Session>
}

export interface BringBack {
  readonly type: 'SESSION_ID' | 'EXTERNAL_ID'
  readonly value: string
  readonly nodeId: string
}

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

/** A date-time or a calendar date (midnight UTC) as ms; undefined when it is neither. */
export const readInstant = (s: string): number | undefined =>
  parseTimestamp(s, true) ?? (isCalendarDate(s) ? parseTimestamp(`${s}T00:00:00Z`) : undefined)

/** The shared state every resource's operations work on, with the replies of the workspace. */
export interface Workspace extends Replies {
  readonly deps: StoreDeps
  readonly nodes: Set<string>
  readonly customers: Map<string, StoredCustomer>
  /** `${nodeId}\n${externalId}` → customer id */
  readonly byExternalId: Map<string, string>
  /** session value → customer id */
  readonly sessionOwner: Map<string, string>
  readonly events: Map<string, StoredEvent>
}

/** The key of `byExternalId`. */
export const extKey = (nodeId: string, externalId: string): string => `${nodeId}\n${externalId}`

/** An empty workspace with the given nodes. */
export const createWorkspace = (deps: StoreDeps, nodeIds: ReadonlyArray<string>): Workspace => ({
  ...createReplies(deps.uuid),
  deps,
  nodes: new Set(nodeIds),
  customers: new Map(),
  byExternalId: new Map(),
  sessionOwner: new Map(),
  events: new Map()
})
