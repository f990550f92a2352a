/**
 * The emulator's route table: every route it speaks, as method + path pattern → store operation, in one place, and
 * the router that matches a request against it (404 for an unknown path, 405 with `Allow` for a known path and
 * another method). Paths are relative to `/workspaces/{workspaceId}`; `GET /me`, the one route outside a workspace,
 * is answered by the server itself.
 *
 * Node-only, internal to the emulator.
 *
 * @since 0.2.0
 */
import { ENTITY_SCHEMAS, type EntityName } from './customer-schema'
import {
  EMULATED_ANALYTICS,
  NOT_EMULATED_ANALYTICS,
  type AnalyticName,
  type Params,
  type Reply,
  type Store
} from './store'

/**
 * What a route's handler gets.
 *
 * @category model
 * @since 0.2.0
 */
export interface RouteRequest {
  readonly store: Store
  /** The values of the pattern's `:name` segments, decoded. */
  readonly path: Readonly<Record<string, string>>
  readonly params: Params
  /** The parsed JSON body (`undefined` when empty); the router has already refused malformed or too deep ones. */
  readonly body: unknown
}

/**
 * One route: a method, a path pattern (`/customers/:customerId/sessions`) and what answers it.
 *
 * @category model
 * @since 0.2.0
 */
export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  readonly pattern: string
  /** Whether the handler reads the request body. */
  readonly body: boolean
  readonly handle: (r: RouteRequest) => Reply
}

/** `r.path[name]`, which the router always sets for the pattern's `:name` segments. */
const seg = (r: RouteRequest, name: string): string => r.path[name] ?? ''

const entityRoutes = (entity: EntityName): ReadonlyArray<Route> => [
  {
    method: 'GET',
    pattern: `/customers/:customerId/${entity}`,
    body: false,
    handle: (r) => r.store.listEntities(seg(r, 'customerId'), entity)
  },
  {
    method: 'POST',
    pattern: `/customers/:customerId/${entity}`,
    body: true,
    handle: (r) => r.store.addEntity(seg(r, 'customerId'), entity, r.body)
  },
  {
    method: 'GET',
    pattern: `/customers/:customerId/${entity}/:id`,
    body: false,
    handle: (r) => r.store.getEntity(seg(r, 'customerId'), entity, seg(r, 'id'))
  },
  {
    method: 'PUT',
    pattern: `/customers/:customerId/${entity}/:id`,
    body: true,
    handle: (r) => r.store.putEntity(seg(r, 'customerId'), entity, seg(r, 'id'), r.body)
  },
  {
    method: 'DELETE',
    pattern: `/customers/:customerId/${entity}/:id`,
    body: false,
    handle: (r) => r.store.deleteEntity(seg(r, 'customerId'), entity, seg(r, 'id'))
  }
]

/**
 * Every route of the emulator. The order of the methods of one pattern is the order of its `Allow` header.
 *
 * @category constants
 * @since 0.2.0
 */
export const ROUTES: ReadonlyArray<Route> = [
  { method: 'GET', pattern: '/customers', body: false, handle: (r) => r.store.listCustomers(r.params) },
  { method: 'POST', pattern: '/customers', body: true, handle: (r) => r.store.createCustomer(r.body, r.params) },
  { method: 'GET', pattern: '/customers/:id', body: false, handle: (r) => r.store.getCustomer(seg(r, 'id')) },
  {
    method: 'PATCH',
    pattern: '/customers/:id',
    body: true,
    handle: (r) => r.store.patchCustomer(seg(r, 'id'), r.body, r.params)
  },
  {
    method: 'PUT',
    pattern: '/customers/:id',
    body: true,
    handle: (r) => r.store.putCustomer(seg(r, 'id'), r.body, r.params)
  },
  { method: 'DELETE', pattern: '/customers/:id', body: false, handle: (r) => r.store.deleteCustomer(seg(r, 'id')) },
  {
    method: 'GET',
    pattern: '/customers/:customerId/sessions',
    body: false,
    handle: (r) => r.store.listSessions(seg(r, 'customerId'))
  },
  {
    method: 'POST',
    pattern: '/customers/:customerId/sessions',
    body: true,
    handle: (r) => r.store.addSession(seg(r, 'customerId'), r.body)
  },
  {
    method: 'GET',
    pattern: '/customers/:customerId/sessions/:id',
    body: false,
    handle: (r) => r.store.getSession(seg(r, 'customerId'), seg(r, 'id'))
  },
  {
    method: 'DELETE',
    pattern: '/customers/:customerId/sessions/:id',
    body: false,
    handle: (r) => r.store.deleteSession(seg(r, 'customerId'), seg(r, 'id'))
  },
  ...(Object.keys(ENTITY_SCHEMAS) as ReadonlyArray<EntityName>).flatMap(entityRoutes),
  { method: 'GET', pattern: '/events', body: false, handle: (r) => r.store.listEvents(r.params) },
  { method: 'POST', pattern: '/events', body: true, handle: (r) => r.store.addEvent(r.body) },
  { method: 'GET', pattern: '/events/:id', body: false, handle: (r) => r.store.getEvent(seg(r, 'id')) },
  { method: 'PUT', pattern: '/events/:id', body: true, handle: (r) => r.store.putEvent(seg(r, 'id'), r.body) },
  { method: 'DELETE', pattern: '/events/:id', body: false, handle: (r) => r.store.deleteEvent(seg(r, 'id')) },
  {
    method: 'GET',
    pattern: '/customers/:customerId/sources',
    body: false,
    handle: (r) => r.store.listSources(seg(r, 'customerId'))
  },
  {
    method: 'GET',
    pattern: '/customers/:customerId/sources/:sourceId',
    body: false,
    handle: (r) => r.store.getSource(seg(r, 'customerId'), seg(r, 'sourceId'))
  },
  { method: 'GET', pattern: '/segments', body: false, handle: (r) => r.store.listSegments(r.params) },
  { method: 'POST', pattern: '/segments', body: true, handle: (r) => r.store.addSegment(r.body) },
  { method: 'GET', pattern: '/segments/:id', body: false, handle: (r) => r.store.getSegment(seg(r, 'id')) },
  { method: 'PUT', pattern: '/segments/:id', body: true, handle: (r) => r.store.putSegment(seg(r, 'id'), r.body) },
  { method: 'DELETE', pattern: '/segments/:id', body: false, handle: (r) => r.store.deleteSegment(seg(r, 'id')) },
  {
    method: 'GET',
    pattern: '/segments/:id/customers',
    body: false,
    handle: (r) => r.store.segmentCustomers(seg(r, 'id'), r.params)
  },
  ...(Object.entries(EMULATED_ANALYTICS) as ReadonlyArray<[string, AnalyticName]>).map(([pattern, name]): Route => ({
    method: 'GET',
    pattern,
    body: false,
    handle: (r) => r.store.analytics(name, r.params)
  })),
  ...NOT_EMULATED_ANALYTICS.map((pattern): Route => ({
    method: 'GET',
    pattern,
    body: false,
    handle: (r) => r.store.notEmulated(pattern)
  }))
]

/** The values of the `:name` segments when `segments` fit `pattern`, else undefined. */
const fit = (pattern: string, segments: ReadonlyArray<string>): Record<string, string> | undefined => {
  const parts = pattern.split('/').slice(1)
  if (parts.length !== segments.length) return undefined
  const out: Record<string, string> = {}
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? ''
    const s = segments[i] ?? ''
    if (part.startsWith(':')) Object.defineProperty(out, part.slice(1), { value: s, enumerable: true })
    else if (part !== s) return undefined
  }
  return out
}

/**
 * What the router finds for a path and a method.
 *
 * @category model
 * @since 0.2.0
 */
export type RouteMatch =
  | { readonly _tag: 'found'; readonly route: Route; readonly path: Readonly<Record<string, string>> }
  /** The path is known, not with this method: the methods it has, for `Allow`. */
  | { readonly _tag: 'wrongMethod'; readonly allow: ReadonlyArray<string> }
  | { readonly _tag: 'unknown' }

/**
 * Matches a request (its decoded path segments under the workspace) against a route table.
 *
 * @category helpers
 * @since 0.2.0
 */
export const matchRoute = (
  method: string,
  segments: ReadonlyArray<string>,
  routes: ReadonlyArray<Route> = ROUTES
): RouteMatch => {
  const allow: Array<string> = []
  for (const route of routes) {
    const path = fit(route.pattern, segments)
    if (path === undefined) continue
    if (route.method === method) return { _tag: 'found', route, path }
    allow.push(route.method)
  }
  return allow.length === 0 ? { _tag: 'unknown' } : { _tag: 'wrongMethod', allow }
}
