/**
 * The emulator's in-memory workspace and every operation of the API on it, as pure request-in, reply-out
 * functions, one module per resource (customers, sessions, sub-entities, sources, events, segments, analytics,
 * `/me`) over a shared state
 * (workspace.ts). Nothing here awaits: each operation runs to completion on its own, so a check and the write that
 * follows it (e.g. the `externalId` uniqueness of a create) cannot interleave with another request.
 *
 * @since 0.1.0
 */
import type { EntityName } from '../customer-schema'
import type { FieldError } from '../schema-language'
import { analyticsOperations, type AnalyticName } from './analytics'
import { customerOperations } from './customers'
import { entityOperations } from './entities'
import { eventOperations } from './events'
import { meOperations } from './me'
import type { Params, Reply } from './replies'
import { segmentOperations } from './segments'
import { sessionOperations } from './sessions'
import { sourceOperations } from './sources'
import { createWorkspace, type StoreDeps } from './workspace'

export type { ApiErrorBody, Params, Reply } from './replies'
export { readInstant, type EmulatorUser, type StoreDeps } from './workspace'
export { EMULATED_ANALYTICS, NOT_EMULATED_ANALYTICS, type AnalyticName } from './analytics'

/**
 * The in-memory workspace and its operations.
 *
 * @category model
 * @since 0.1.0
 */
export interface Store {
  readonly nodes: Set<string>
  readonly error: (status: number, message: string, errors?: ReadonlyArray<FieldError>, data?: unknown) => Reply
  readonly listCustomers: (params: Params) => Reply
  readonly createCustomer: (body: unknown, params: Params) => Reply
  readonly getCustomer: (id: string) => Reply
  readonly patchCustomer: (id: string, body: unknown, params: Params) => Reply
  readonly putCustomer: (id: string, body: unknown, params: Params) => Reply
  readonly deleteCustomer: (id: string) => Reply
  readonly listSessions: (customerId: string) => Reply
  readonly addSession: (customerId: string, body: unknown) => Reply
  readonly getSession: (customerId: string, sessionId: string) => Reply
  readonly deleteSession: (customerId: string, sessionId: string) => Reply
  readonly listEntities: (customerId: string, entity: EntityName) => Reply
  readonly addEntity: (customerId: string, entity: EntityName, body: unknown) => Reply
  readonly getEntity: (customerId: string, entity: EntityName, id: string) => Reply
  readonly putEntity: (customerId: string, entity: EntityName, id: string, body: unknown) => Reply
  readonly deleteEntity: (customerId: string, entity: EntityName, id: string) => Reply
  readonly listEvents: (params: Params) => Reply
  readonly addEvent: (body: unknown) => Reply
  readonly getEvent: (id: string) => Reply
  readonly putEvent: (id: string, body: unknown) => Reply
  readonly deleteEvent: (id: string) => Reply
  readonly listSources: (customerId: string) => Reply
  readonly getSource: (customerId: string, sourceId: string) => Reply
  readonly listSegments: (params: Params) => Reply
  readonly addSegment: (body: unknown) => Reply
  readonly getSegment: (id: string) => Reply
  readonly putSegment: (id: string, body: unknown) => Reply
  readonly deleteSegment: (id: string) => Reply
  readonly segmentCustomers: (id: string, params: Params) => Reply
  readonly analytics: (name: AnalyticName, params: Params) => Reply
  /** The 501 of an analytic that is not emulated (`path` under the workspace). */
  readonly notEmulated: (path: string) => Reply
  /** `GET /me`. */
  readonly me: () => Reply
  /** Forgets every customer, session, event and segment. */
  readonly clear: () => void
  /** Counts, for tests and logs. */
  readonly size: () => { readonly customers: number; readonly events: number }
}

/**
 * Creates an empty workspace with the given nodes.
 *
 * @category constructors
 * @since 0.1.0
 */
export const createStore = (deps: StoreDeps, nodeIds: ReadonlyArray<string>): Store => {
  const ws = createWorkspace(deps, nodeIds)
  return {
    nodes: ws.nodes,
    error: ws.error,
    ...customerOperations(ws),
    ...sessionOperations(ws),
    ...entityOperations(ws),
    ...eventOperations(ws),
    ...sourceOperations(ws),
    ...segmentOperations(ws),
    ...analyticsOperations(ws),
    ...meOperations(ws),
    clear: () => {
      ws.customers.clear()
      ws.byExternalId.clear()
      ws.sessionOwner.clear()
      ws.events.clear()
      ws.segments.clear()
      ws.gone.length = 0
    },
    size: () => ({ customers: ws.customers.size, events: ws.events.size })
  }
}
