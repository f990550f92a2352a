/**
 * The emulator's in-memory workspace: customers (with their sessions and sub-entities) and events, and every
 * operation of the API on them, as pure request-in, reply-out functions. Nothing here awaits: each operation runs
 * to completion on its own, so a check and the write that follows it (e.g. the `externalId` uniqueness of a create)
 * cannot interleave with another request.
 *
 * @since 0.1.0
 */
import { parseTimestamp, wireTimestamp } from '../codecs/common'
import * as E from '#fp-ts/Either'
import { parseQuery, parseSort, runQuery, selectFields, sortBy, isKnownAttribute } from './query-engine'
import {
  BaseSchema,
  ConsentsSchema,
  CustomerBodySchema,
  ENTITY_SCHEMAS,
  EVENT_CONTEXTS,
  EVENT_TYPES,
  type EntityName,
  type FieldError,
  type Schema,
  TagsSchema,
  eventMode,
  isCalendarDate,
  isRecord,
  mergePatch,
  READ_ONLY_CUSTOMER_PROPERTIES,
  render,
  setOwn,
  stripNulls,
  validate
} from './schema'

/** What an operation answers: a status, a JSON body (none for an empty body) and extra headers. */
export interface Reply {
  readonly status: number
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>>
}

/** The query string of a request, every value of every parameter. */
export type Params = ReadonlyMap<string, ReadonlyArray<string>>

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

interface Session {
  readonly id: string
  readonly value: string
}

interface StoredCustomer {
  readonly id: string
  nodeId: string
  readonly registeredAt: number
  updatedAt: number
  /** The writable part, sparse: externalId, extra, enabled, base, extended, tags, consents; no nulls. */
  doc: Record<string, unknown>
  sessions: Array<Session>
}

interface BringBack {
  readonly type: 'SESSION_ID' | 'EXTERNAL_ID'
  readonly value: string
  readonly nodeId: string
}

interface StoredEvent {
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

/** The API's error body. */
export interface ApiErrorBody {
  readonly message: string
  readonly logref: string
  readonly data: unknown
  readonly errors: ReadonlyArray<FieldError>
}

const EVENT_BODY_SCHEMA: Schema = {
  kind: 'object',
  nullable: false,
  closed: true,
  required: ['type', 'context', 'properties'],
  props: {
    customerId: { kind: 'string', nullable: true },
    bringBackProperties: {
      kind: 'object',
      nullable: true,
      closed: true,
      required: ['type', 'value', 'nodeId'],
      props: {
        type: { kind: 'string', nullable: false, enum: new Set(['SESSION_ID', 'EXTERNAL_ID']) },
        value: { kind: 'string', nullable: false },
        nodeId: { kind: 'string', nullable: false }
      }
    },
    type: { kind: 'string', nullable: false, enum: EVENT_TYPES },
    context: { kind: 'string', nullable: false, enum: EVENT_CONTEXTS },
    date: { kind: 'string', nullable: true, format: 'date-time' },
    contextInfo: { kind: 'any', nullable: true, objectOnly: true },
    tracking: { kind: 'any', nullable: true, objectOnly: true },
    properties: { kind: 'any', nullable: false, objectOnly: true }
  }
}

const SESSION_BODY_SCHEMA: Schema = {
  kind: 'object',
  nullable: false,
  closed: false,
  required: ['value'],
  props: { value: { kind: 'string', nullable: false }, id: { kind: 'string', nullable: true } }
}

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

/** A date-time or a calendar date (midnight UTC) as ms; undefined when it is neither. */
export const readInstant = (s: string): number | undefined =>
  parseTimestamp(s, true) ?? (isCalendarDate(s) ? parseTimestamp(`${s}T00:00:00Z`) : undefined)

/** The in-memory workspace and its operations. */
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
  /** Forgets every customer, session and event. */
  readonly clear: () => void
  /** Counts, for tests and logs. */
  readonly size: () => { readonly customers: number; readonly events: number }
}

/** Creates an empty workspace with the given nodes. */
export const createStore = (deps: StoreDeps, nodeIds: ReadonlyArray<string>): Store => {
  const nodes = new Set(nodeIds)
  const customers = new Map<string, StoredCustomer>()
  /** `${nodeId}\n${externalId}` → customer id */
  const byExternalId = new Map<string, string>()
  /** session value → customer id */
  const sessionOwner = new Map<string, string>()
  const events = new Map<string, StoredEvent>()

  const extKey = (nodeId: string, externalId: string): string => `${nodeId}\n${externalId}`

  const error = (
    status: number,
    message: string,
    errors: ReadonlyArray<FieldError> = [],
    data: unknown = null
  ): Reply => ({
    status,
    body: { message, logref: deps.uuid(), data, errors } satisfies ApiErrorBody
  })

  const invalid = (what: string, errors: ReadonlyArray<FieldError>): Reply =>
    error(
      400,
      `Invalid ${what}: ${errors
        .slice(0, 3)
        .map((e) => `${e.path === '' ? '(root)' : e.path}: ${e.message}`)
        .join('; ')}${errors.length > 3 ? ` (and ${errors.length - 3} more)` : ''}`,
      errors
    )

  const badParam = (name: string, value: unknown, message: string): Reply =>
    error(400, `Invalid parameter ${name}: ${message}`, [
      { message, path: name, data: value ?? null, code: 'parameter' }
    ])

  const customerNotFound = (id: string): Reply => error(404, `Customer not found: ${id}`)

  const nodeNotFound = (id: string): Reply => error(403, `node not found: ${id}`)

  // -------------------------------------------------------------------------------------------------------------
  // rendering

  const renderCustomer = (c: StoredCustomer): Record<string, unknown> => ({
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

  const renderEvent = (e: StoredEvent): Record<string, unknown> => ({
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

  // -------------------------------------------------------------------------------------------------------------
  // parameters

  const one = (params: Params, name: string): string | undefined => params.get(name)?.[0]

  const intParam = (params: Params, name: string, fallback: number, min: number): E.Either<Reply, number> => {
    const raw = one(params, name)
    if (raw === undefined || raw === '') return E.right(fallback)
    const n = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN
    if (!Number.isSafeInteger(n) || n < min) return E.left(badParam(name, raw, `expected an integer >= ${min}`))
    return E.right(n)
  }

  const paginate = <A>(
    all: ReadonlyArray<A>,
    unfiltered: number,
    params: Params,
    render: (a: A) => unknown = (a) => a
  ): Reply => {
    const page = intParam(params, 'page', 0, 0)
    if (E.isLeft(page)) return page.left
    const size = intParam(params, 'size', 10, 1)
    if (E.isLeft(size)) return size.left
    const start = page.right * size.right
    return {
      status: 200,
      body: {
        elements: all.slice(start, start + size.right).map(render),
        page: {
          size: size.right,
          totalElements: all.length,
          totalUnfilteredElements: unfiltered,
          totalPages: Math.ceil(all.length / size.right),
          number: page.right
        }
      }
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // customers

  const withoutReadOnly = (body: Record<string, unknown>, drop: ReadonlyArray<string>): Record<string, unknown> => {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(body)) if (!drop.includes(k)) setOwn(out, k, v)
    return out
  }

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

  const linkSession = (c: StoredCustomer, value: string, id?: string): Session => {
    const existing = c.sessions.find((s) => s.value === value)
    if (existing !== undefined) return existing
    const ownerId = sessionOwner.get(value)
    const owner = ownerId === undefined ? undefined : customers.get(ownerId)
    if (owner !== undefined) owner.sessions = owner.sessions.filter((s) => s.value !== value)
    const session = { id: id ?? deps.uuid(), value }
    c.sessions.push(session)
    sessionOwner.set(value, c.id)
    return session
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
    const nodeId = one(params, 'nodeId')
    if (nodeId === undefined || nodeId === '') return badParam('nodeId', null, 'the nodeId parameter is required')
    if (!nodes.has(nodeId)) return nodeNotFound(nodeId)
    const inNode = [...customers.values()].filter((c) => c.nodeId === nodeId)
    const externalId = one(params, 'externalId')
    const stored = externalId === undefined ? inNode : inNode.filter((c) => (c.doc.externalId ?? null) === externalId)
    const fieldsText = one(params, 'fields')
    const fields = (fieldsText ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter((f) => f !== '')
    const unknown = fields.find((f) => !isKnownAttribute(f))
    if (unknown !== undefined) return badParam('fields', fieldsText, `unknown attribute ${JSON.stringify(unknown)}`)
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
      selected = [...runQuery(query.right, selected)]
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
    const c: StoredCustomer = { id: deps.uuid(), nodeId, registeredAt: now, updatedAt: now, doc, sessions: [] }
    customers.set(c.id, c)
    index(c)
    const sessionId = sessionParam(params)
    if (sessionId !== undefined) linkSession(c, sessionId)
    return { status: 201, body: renderCustomer(c) }
  }

  const getCustomer = (id: string): Reply => {
    const c = customers.get(id)
    return c === undefined ? customerNotFound(id) : { status: 200, body: renderCustomer(c) }
  }

  const replaceDoc = (c: StoredCustomer, nodeId: string, doc: Record<string, unknown>, params: Params): Reply => {
    const existing = holder(nodeId, doc.externalId, c.id)
    if (existing !== undefined) return conflict(existing)
    unindex(c)
    c.nodeId = nodeId
    c.doc = doc
    c.updatedAt = Math.max(deps.now(), c.registeredAt)
    index(c)
    const sessionId = sessionParam(params)
    if (sessionId !== undefined) linkSession(c, sessionId)
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
    return replaceDoc(c, c.nodeId, checked.right.doc, params)
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
    return replaceDoc(c, checked.right.nodeId, checked.right.doc, params)
  }

  const deleteCustomer = (id: string): Reply => {
    const c = customers.get(id)
    if (c === undefined) return customerNotFound(id)
    unindex(c)
    for (const s of c.sessions) sessionOwner.delete(s.value)
    customers.delete(id)
    return { status: 200 }
  }

  // -------------------------------------------------------------------------------------------------------------
  // sessions

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
    const errors = validate(SESSION_BODY_SCHEMA, body ?? null)
    if (errors.length > 0) return invalid('session', errors)
    const b = body as { value: string; id?: string | null }
    const session = linkSession(c, b.value, typeof b.id === 'string' && b.id !== '' ? b.id : undefined)
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

  // -------------------------------------------------------------------------------------------------------------
  // jobs, likes, educations, subscriptions

  const entities = (c: StoredCustomer, entity: EntityName): ReadonlyArray<Record<string, unknown>> => {
    const base = isRecord(c.doc.base) ? c.doc.base : {}
    const list = base[entity]
    return Array.isArray(list) ? (list as ReadonlyArray<Record<string, unknown>>) : []
  }

  const setEntities = (c: StoredCustomer, entity: EntityName, list: ReadonlyArray<Record<string, unknown>>): void => {
    const base = isRecord(c.doc.base) ? c.doc.base : {}
    c.doc = { ...c.doc, base: { ...base, [entity]: list } }
    c.updatedAt = Math.max(deps.now(), c.registeredAt)
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

  // -------------------------------------------------------------------------------------------------------------
  // events

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
    const errors = validate(EVENT_BODY_SCHEMA, body ?? null)
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

  return {
    nodes,
    error,
    listCustomers,
    createCustomer,
    getCustomer,
    patchCustomer,
    putCustomer,
    deleteCustomer,
    listSessions,
    addSession,
    getSession,
    deleteSession,
    listEntities,
    addEntity,
    getEntity,
    putEntity,
    deleteEntity,
    listEvents,
    addEvent,
    getEvent,
    putEvent,
    deleteEvent,
    clear: () => {
      customers.clear()
      byExternalId.clear()
      sessionOwner.clear()
      events.clear()
    },
    size: () => ({ customers: customers.size, events: events.size })
  }
}
