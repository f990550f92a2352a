/**
 * The emulator's query engine: it validates the `query` parameter of `GET /customers` (with the project's io-ts
 * codec of the query language, then against the customer model), and evaluates queries, sorts and field selections
 * on rendered customers (the full, null-filled shape).
 *
 * Semantics (the emulator's reading of the API, which documents none of it):
 * - an attribute path is resolved on the full customer; lists are looked through, so `base.jobs.companyName` and
 *   `tags.manual` yield every item's value. `null`, absent values and empty lists yield nothing.
 * - `EQUALS`, `GT`, `GTE`, `LT`, `LTE`, `BETWEEN` (both ends included) and `IN` hold when some value does;
 *   `NOT_EQUALS` and `NOT_IN` are their negations (so they hold for a customer with no value);
 *   `IS_NULL` holds when there is no value, `IS_NOT_NULL` when there is one.
 * - numbers compare as numbers; strings that both read as dates or date-times compare as instants (so
 *   `2017-03-08T10:18:17.000+0000` equals `2017-03-08T10:18:17.000Z`); other strings compare by code unit,
 *   case-sensitively; booleans are equal or not. Values of different types never match (except by `NOT_*`).
 * - `and` / `or` over no condition are true / false; `INTERSECT`, `UNION`, `EXCEPT` (the first query minus the
 *   others) keep the order of the customers.
 * - a simple query with `did` selects the customers linked to at least one event of type `did.event.name` that
 *   satisfies both `did.condition` and `did.timeframe`; conditions read the event as the API shows it (`type`,
 *   `context`, `date` as a date-time, `properties.*`, `contextInfo.*`, `tracking.*`). Events not yet linked to a
 *   customer (by session or external id) count for no one. With both `are` and `did`, both must hold.
 *
 * @since 0.1.0
 */
import * as E from '#fp-ts/Either'
import type * as t from '#io-ts/index'
import { parseTimestamp } from '../codecs/common'
import { QueryCodec, type Condition, type InnerQuery, type Query, type QueryScalar } from '../codecs/query'
import { CustomerSchema } from './customer-schema'
import { EVENT_TYPES, PASSIVE_EVENT_TYPES as PASSIVE_TYPES } from './event-schema'
import {
  type FieldError,
  hasOwn,
  isCalendarDate,
  isRecord,
  pointer,
  schemaAt,
  setOwn,
  tooDeep,
  tooDeepMessage
} from './schema-language'

export type { Condition, InnerQuery, Query, QueryScalar }

// ---------------------------------------------------------------------------------------------------------------
// Validation

const UNWRAP = new Set(['RecursiveType', 'RefinementType', 'ReadonlyType', 'ExactType'])
const TRANSPARENT = new Set(['UnionType', 'IntersectionType'])

const innerTag = (type: t.Decoder<unknown, unknown>): string | undefined => {
  let ty = type as unknown as { _tag?: string; type?: unknown }
  for (let i = 0; i < 10 && ty._tag !== undefined && UNWRAP.has(ty._tag) && ty.type !== undefined; i++) {
    ty = ty.type as { _tag?: string; type?: unknown }
  }
  return ty._tag
}

/** The JSON pointer of an io-ts validation error (union and intersection branches left out). */
const errorPointer = (error: t.ValidationError): string => {
  let path = ''
  for (let i = 1; i < error.context.length; i++) {
    const parent = error.context[i - 1]
    const entry = error.context[i]
    if (parent === undefined || entry === undefined) continue
    const tag = innerTag(parent.type)
    if (entry.key === '' || (tag !== undefined && TRANSPARENT.has(tag))) continue
    path = pointer(path, entry.key)
  }
  return path
}

const describe = (u: unknown): string => {
  if (u === undefined) return 'nothing'
  if (Array.isArray(u)) return 'an array'
  if (isRecord(u)) return 'an object'
  return JSON.stringify(u) ?? typeof u
}

/** The codec's own errors, when the diagnosis below finds nothing: the deepest paths only (io-ts reports every union branch). */
const fromCodecErrors = (errors: t.Errors): ReadonlyArray<FieldError> => {
  const all = errors.map((e) => {
    const last = e.context[e.context.length - 1]
    return {
      message: e.message ?? `expected ${last?.type.name ?? 'a valid value'}, got ${describe(e.value)}`,
      path: errorPointer(e),
      data: e.value === undefined ? null : e.value,
      code: 'query'
    }
  })
  const depth = (p: string): number => (p === '' ? 0 : p.split('/').length)
  const max = Math.max(...all.map((e) => depth(e.path)))
  const seen = new Set<string>()
  return all.filter((e) => {
    if (depth(e.path) !== max || seen.has(e.path)) return false
    seen.add(e.path)
    return true
  })
}

const OPERATOR_VALUES: Readonly<Record<string, 'scalar' | 'list' | 'pair' | 'none'>> = {
  EQUALS: 'scalar',
  NOT_EQUALS: 'scalar',
  GT: 'scalar',
  GTE: 'scalar',
  LT: 'scalar',
  LTE: 'scalar',
  IN: 'list',
  NOT_IN: 'list',
  BETWEEN: 'pair',
  IS_NULL: 'none',
  IS_NOT_NULL: 'none'
}

const isScalar = (u: unknown): boolean =>
  typeof u === 'string' || typeof u === 'boolean' || (typeof u === 'number' && Number.isFinite(u))

/**
 * Says precisely what is wrong with a query the codec refused (the codec's own errors list every branch of every
 * union). The codec stays the judge of validity.
 */
const diagnose = (json: unknown): Array<FieldError> => {
  const out: Array<FieldError> = []
  const bad = (path: string, data: unknown, message: string): void => {
    out.push({ message, path, data: data === undefined ? null : data, code: 'query' })
  }
  const object = (u: unknown, path: string): u is Record<string, unknown> => {
    if (isRecord(u)) return true
    bad(path, u, `expected an object, got ${describe(u)}`)
    return false
  }
  const condition = (c: unknown, path: string): void => {
    if (!object(c, path)) return
    if (c.type === 'composite') {
      if (c.conjunction !== 'and' && c.conjunction !== 'or') {
        bad(pointer(path, 'conjunction'), c.conjunction, `expected "and" or "or", got ${describe(c.conjunction)}`)
      }
      if (!Array.isArray(c.conditions))
        bad(pointer(path, 'conditions'), c.conditions, `expected a list of conditions, got ${describe(c.conditions)}`)
      else c.conditions.forEach((x, i) => condition(x, pointer(pointer(path, 'conditions'), i)))
      return
    }
    if (c.type !== 'atomic') {
      bad(pointer(path, 'type'), c.type, `expected "atomic" or "composite", got ${describe(c.type)}`)
      return
    }
    if (typeof c.attribute !== 'string' || c.attribute === '') {
      bad(pointer(path, 'attribute'), c.attribute, `expected an attribute path, got ${describe(c.attribute)}`)
    }
    const shape =
      typeof c.operator === 'string' && hasOwn(OPERATOR_VALUES, c.operator) ? OPERATOR_VALUES[c.operator] : undefined
    const vp = pointer(path, 'value')
    const v = c.value
    switch (shape) {
      case undefined:
        bad(pointer(path, 'operator'), c.operator, `unknown operator ${describe(c.operator)}`)
        return
      case 'scalar':
        if (!isScalar(v))
          bad(vp, v, `${String(c.operator)} expects a string, a number or a boolean, got ${describe(v)}`)
        return
      case 'list':
        if (!Array.isArray(v) || !v.every(isScalar))
          bad(vp, v, `${String(c.operator)} expects a list of values, got ${describe(v)}`)
        return
      case 'pair':
        if (!Array.isArray(v) || v.length !== 2 || !v.every(isScalar))
          bad(vp, v, `BETWEEN expects [from, to], got ${describe(v)}`)
        return
      case 'none':
        if (v !== undefined && v !== null) bad(vp, v, `${String(c.operator)} takes no value, got ${describe(v)}`)
        return
    }
  }
  const inner = (q: unknown, path: string): void => {
    if (!object(q, path)) return
    if (q.name !== undefined && typeof q.name !== 'string')
      bad(pointer(path, 'name'), q.name, `expected a string, got ${describe(q.name)}`)
    if (q.type === 'simple') {
      if (q.are === undefined && q.did === undefined)
        bad(pointer(path, 'are'), null, 'a simple query needs "are", "did" or both')
      if (q.are !== undefined && object(q.are, pointer(path, 'are')))
        condition(q.are.condition, pointer(pointer(path, 'are'), 'condition'))
      const dp = pointer(path, 'did')
      if (q.did !== undefined && object(q.did, dp)) {
        const ep = pointer(dp, 'event')
        if (object(q.did.event, ep) && (typeof q.did.event.name !== 'string' || q.did.event.name === ''))
          bad(pointer(ep, 'name'), q.did.event.name, `expected an event type, got ${describe(q.did.event.name)}`)
        condition(q.did.condition, pointer(dp, 'condition'))
        condition(q.did.timeframe, pointer(dp, 'timeframe'))
      }
    } else if (q.type === 'combined') {
      if (q.conjunction !== 'INTERSECT' && q.conjunction !== 'UNION' && q.conjunction !== 'EXCEPT') {
        bad(
          pointer(path, 'conjunction'),
          q.conjunction,
          `expected "INTERSECT", "UNION" or "EXCEPT", got ${describe(q.conjunction)}`
        )
      }
      if (!Array.isArray(q.queries))
        bad(pointer(path, 'queries'), q.queries, `expected a list of queries, got ${describe(q.queries)}`)
      else q.queries.forEach((x, i) => inner(x, pointer(pointer(path, 'queries'), i)))
    } else bad(pointer(path, 'type'), q.type, `expected "simple" or "combined", got ${describe(q.type)}`)
  }
  if (object(json, '')) {
    if (typeof json.name !== 'string') bad('/name', json.name, `expected a string, got ${describe(json.name)}`)
    inner(json.query, '/query')
  }
  return out
}

/**
 * Whether an attribute path names something in the customer model (`extended.*` names anything).
 *
 * @category refinements
 * @since 0.1.0
 */
export const isKnownAttribute = (attribute: string): boolean => {
  const segments = attribute.split('.')
  if (segments.some((s) => s.length === 0)) return false
  return schemaAt(CustomerSchema, segments) !== undefined
}

const EVENT_ROOTS: ReadonlySet<string> = new Set(['properties', 'contextInfo', 'tracking'])
const EVENT_FIELDS: ReadonlySet<string> = new Set(['id', 'type', 'context', 'mode', 'date', 'registeredAt'])

/**
 * Whether an attribute path names something of an event: `type`, `context`, `mode`, `date`, `registeredAt`, or a
 * path under `properties`, `contextInfo` or `tracking`.
 *
 * @category refinements
 * @since 0.2.0
 */
export const isEventAttribute = (attribute: string): boolean => {
  const segments = attribute.split('.')
  if (segments.some((s) => s.length === 0)) return false
  const root = segments[0] ?? ''
  return segments.length === 1 ? EVENT_FIELDS.has(root) || EVENT_ROOTS.has(root) : EVENT_ROOTS.has(root)
}

const checkCondition = (
  c: Condition,
  path: string,
  out: FieldError[],
  known: (attribute: string) => boolean = isKnownAttribute
): void => {
  if (c.type === 'composite') {
    c.conditions.forEach((x, i) => checkCondition(x, pointer(pointer(path, 'conditions'), i), out, known))
    return
  }
  if (!known(c.attribute)) {
    out.push({
      message: `unknown attribute ${JSON.stringify(c.attribute)}`,
      path: pointer(path, 'attribute'),
      data: c.attribute,
      code: 'attribute'
    })
  }
}

const checkInner = (q: InnerQuery, path: string, out: FieldError[]): void => {
  if (q.type === 'combined') {
    q.queries.forEach((x, i) => checkInner(x, pointer(pointer(path, 'queries'), i), out))
    return
  }
  if (q.are !== undefined) checkCondition(q.are.condition, pointer(pointer(path, 'are'), 'condition'), out)
  if (q.did !== undefined) {
    const dp = pointer(path, 'did')
    const name = q.did.event.name
    if (!EVENT_TYPES.has(name)) {
      out.push({
        message: `unknown event type ${JSON.stringify(name)}`,
        path: pointer(pointer(dp, 'event'), 'name'),
        data: name,
        code: 'event'
      })
    }
    checkCondition(q.did.condition, pointer(dp, 'condition'), out, isEventAttribute)
    checkCondition(q.did.timeframe, pointer(dp, 'timeframe'), out, isEventAttribute)
  }
}

/**
 * Turns the scalar value of every `IN` / `NOT_IN` condition into a one-element list, in place: the live API accepts
 * `"value": "vip"` there (the vendor's SDKs send it so, to ask whether a list attribute holds a value), the
 * project's `QueryCodec` wants a list. Iterative.
 */
const listifyScalarIn = (json: unknown): void => {
  const stack: Array<unknown> = [json]
  while (stack.length > 0) {
    const u = stack.pop()
    if (Array.isArray(u)) stack.push(...(u as ReadonlyArray<unknown>))
    else if (isRecord(u)) {
      if (u.type === 'atomic' && (u.operator === 'IN' || u.operator === 'NOT_IN') && isScalar(u.value)) {
        u.value = [u.value]
      }
      stack.push(...Object.values(u))
    }
  }
}

/**
 * Reads the `query` parameter: JSON text (at most `MAX_DEPTH` levels deep), validated by the project's
 * `QueryCodec`, then against the customer model (every attribute must exist). Errors carry JSON pointers into the
 * query JSON. A scalar `IN` / `NOT_IN` value is read as a one-element list, as the live API does.
 *
 * @category helpers
 * @since 0.1.0
 */
export const parseQuery = (text: string): E.Either<ReadonlyArray<FieldError>, Query> => {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    return E.left([
      { message: `the query is not valid JSON: ${(e as Error).message}`, path: '', data: text, code: 'json' }
    ])
  }
  // Every walk below (the codec, the diagnosis, the evaluation) recurses: the depth is bounded first.
  const deep = tooDeep(json)
  if (deep !== undefined) return E.left([{ message: tooDeepMessage(deep), path: deep, data: null, code: 'depth' }])
  listifyScalarIn(json)
  const decoded = QueryCodec.decode(json)
  if (E.isLeft(decoded)) {
    const diagnosis = diagnose(json)
    return E.left(diagnosis.length > 0 ? diagnosis : fromCodecErrors(decoded.left))
  }
  const out: FieldError[] = []
  checkInner(decoded.right.query, '/query', out)
  return out.length > 0 ? E.left(out) : E.right(decoded.right)
}

// ---------------------------------------------------------------------------------------------------------------
// Evaluation

const flatten = (xs: ReadonlyArray<unknown>): Array<unknown> =>
  xs.flatMap((x): ReadonlyArray<unknown> => (Array.isArray(x) ? (x as ReadonlyArray<unknown>) : [x]))

/**
 * The values at a dotted path of a JSON value, looking through lists; nulls, absent values and empty lists yield none.
 *
 * @category helpers
 * @since 0.1.0
 */
export const resolve = (root: unknown, attribute: string): ReadonlyArray<unknown> => {
  let current: Array<unknown> = [root]
  for (const seg of attribute.split('.')) {
    const next: Array<unknown> = []
    for (const v of flatten(current)) {
      if (isRecord(v) && hasOwn(v, seg)) next.push(v[seg])
    }
    current = next
  }
  return flatten(current).filter((x) => x !== null && x !== undefined)
}

/** A string as an instant (ms), when it reads as a date-time or a calendar date. */
const asInstant = (s: string): number | undefined =>
  parseTimestamp(s, true) ?? (isCalendarDate(s) ? parseTimestamp(`${s}T00:00:00Z`) : undefined)

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0)

/**
 * Compares two values of one type; `undefined` when they cannot be compared.
 *
 * @category helpers
 * @since 0.1.0
 */
export const compareValues = (a: unknown, b: unknown): number | undefined => {
  if (typeof a === 'number' && typeof b === 'number') return sign(a - b)
  if (typeof a === 'string' && typeof b === 'string') {
    if (a === b) return 0
    const ta = asInstant(a)
    const tb = ta === undefined ? undefined : asInstant(b)
    if (ta !== undefined && tb !== undefined) return sign(ta - tb)
    return a < b ? -1 : 1
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1
  return undefined
}

const equalValues = (a: unknown, b: unknown): boolean =>
  compareValues(a, b) === 0 || (typeof a === 'object' && JSON.stringify(a) === JSON.stringify(b))

const someValue = (values: ReadonlyArray<unknown>, test: (c: number | undefined, v: unknown) => boolean, to: unknown) =>
  values.some((v) => test(compareValues(v, to), v))

/**
 * Whether a rendered customer satisfies a condition.
 *
 * @category helpers
 * @since 0.1.0
 */
export const matches = (condition: Condition, customer: unknown): boolean => {
  if (condition.type === 'composite') {
    return condition.conjunction === 'and'
      ? condition.conditions.every((c) => matches(c, customer))
      : condition.conditions.some((c) => matches(c, customer))
  }
  const values = resolve(customer, condition.attribute)
  switch (condition.operator) {
    case 'EQUALS':
      return values.some((v) => equalValues(v, condition.value))
    case 'NOT_EQUALS':
      return !values.some((v) => equalValues(v, condition.value))
    case 'GT':
      return someValue(values, (c) => c !== undefined && c > 0, condition.value)
    case 'GTE':
      return someValue(values, (c) => c !== undefined && c >= 0, condition.value)
    case 'LT':
      return someValue(values, (c) => c !== undefined && c < 0, condition.value)
    case 'LTE':
      return someValue(values, (c) => c !== undefined && c <= 0, condition.value)
    case 'BETWEEN': {
      const [from, to] = condition.value
      return values.some((v) => {
        const lo = compareValues(v, from)
        const hi = compareValues(v, to)
        return lo !== undefined && hi !== undefined && lo >= 0 && hi <= 0
      })
    }
    case 'IN':
      return values.some((v) => condition.value.some((x) => equalValues(v, x)))
    case 'NOT_IN':
      return !values.some((v) => condition.value.some((x) => equalValues(v, x)))
    case 'IS_NULL':
      return values.length === 0
    case 'IS_NOT_NULL':
      return values.length > 0
  }
}

/**
 * An event as a `did` query reads it: the store's event, its date in ms. Events with no `customerId` are not
 * linked to anyone yet.
 *
 * @category model
 * @since 0.2.0
 */
export interface QueryableEvent {
  readonly customerId: string | null
  readonly type: string
  readonly context: string
  readonly date: number
  readonly registeredAt: number
  readonly properties: unknown
  readonly contextInfo: unknown
  readonly tracking: unknown
}

/** The events of each customer, by type, as conditions read them (dates as wire date-times); built once per run. */
type EventIndex = () => ReadonlyMap<string, ReadonlyArray<unknown>>

const indexEvents = (events: Iterable<QueryableEvent>): EventIndex => {
  let index: Map<string, Array<unknown>> | undefined
  return () => {
    if (index !== undefined) return index
    const built = new Map<string, Array<unknown>>()
    for (const e of events) {
      if (e.customerId === null) continue
      const key = `${e.customerId}\n${e.type}`
      const list = built.get(key) ?? []
      list.push({
        type: e.type,
        context: e.context,
        mode: PASSIVE_TYPES.has(e.type) ? 'PASSIVE' : 'ACTIVE',
        date: new Date(e.date).toISOString(),
        registeredAt: new Date(e.registeredAt).toISOString(),
        properties: e.properties,
        contextInfo: e.contextInfo,
        tracking: e.tracking
      })
      built.set(key, list)
    }
    index = built
    return built
  }
}

const customerId = (customer: unknown): string | undefined =>
  isRecord(customer) && typeof customer.id === 'string' ? customer.id : undefined

/** The indexes of `customers` that a query selects, in order. */
const select = (query: InnerQuery, customers: ReadonlyArray<unknown>, events: EventIndex): Set<number> => {
  if (query.type === 'simple') {
    const { are, did } = query
    const out = new Set<number>()
    customers.forEach((c, i) => {
      if (are !== undefined && !matches(are.condition, c)) return
      if (did !== undefined) {
        const id = customerId(c)
        const theirs = id === undefined ? undefined : events().get(`${id}\n${did.event.name}`)
        const done = (theirs ?? []).some((e) => matches(did.condition, e) && matches(did.timeframe, e))
        if (!done) return
      }
      out.add(i)
    })
    return out
  }
  const parts = query.queries.map((q) => select(q, customers, events))
  switch (query.conjunction) {
    case 'UNION':
      return new Set(parts.flatMap((p) => [...p]))
    case 'INTERSECT':
      return parts.length === 0
        ? new Set(customers.map((_, i) => i))
        : new Set([...(parts[0] ?? [])].filter((i) => parts.every((p) => p.has(i))))
    case 'EXCEPT':
      return parts.length === 0
        ? new Set()
        : new Set([...(parts[0] ?? [])].filter((i) => parts.slice(1).every((p) => !p.has(i))))
  }
}

/**
 * The rendered customers a query selects, in their original order. `events` (the workspace's events) are read
 * only by `did` queries.
 *
 * @category helpers
 * @since 0.1.0
 */
export const runQuery = <A>(
  query: Query,
  customers: ReadonlyArray<A>,
  events: Iterable<QueryableEvent> = []
): ReadonlyArray<A> => {
  const selected = select(query.query, customers, indexEvents(events))
  return customers.filter((_, i) => selected.has(i))
}

// ---------------------------------------------------------------------------------------------------------------
// Sorting and field selection

/**
 * One key of `sort=<field>,asc|desc`.
 *
 * @category model
 * @since 0.1.0
 */
export interface SortKey {
  readonly field: string
  readonly direction: 'asc' | 'desc'
}

/**
 * Reads `sort` parameters (`base.lastName,desc`; the direction defaults to `defaultDirection`, itself `asc`).
 * Returns the offending value when a field is unknown or a direction is not `asc`/`desc`.
 *
 * @category helpers
 * @since 0.1.0
 */
export const parseSort = (
  values: ReadonlyArray<string>,
  defaultDirection = 'asc'
): E.Either<string, ReadonlyArray<SortKey>> => {
  const keys: Array<SortKey> = []
  for (const value of values) {
    const parts = value.split(',').map((s) => s.trim())
    const field = parts[0] ?? ''
    const direction = (parts[1] ?? defaultDirection).toLowerCase()
    if (parts.length > 2 || !isKnownAttribute(field) || (direction !== 'asc' && direction !== 'desc')) {
      return E.left(value)
    }
    keys.push({ field, direction })
  }
  return E.right(keys)
}

/**
 * Sorts rendered customers by the keys (stable; customers with no value come last, whatever the direction).
 *
 * @category helpers
 * @since 0.1.0
 */
export const sortBy = <A>(customers: ReadonlyArray<A>, keys: ReadonlyArray<SortKey>): ReadonlyArray<A> => {
  if (keys.length === 0) return customers
  const keyed = customers.map((c) => ({ c, values: keys.map((k) => resolve(c, k.field)[0]) }))
  keyed.sort((x, y) => {
    for (let i = 0; i < keys.length; i++) {
      const a = x.values[i]
      const b = y.values[i]
      if (a === undefined || b === undefined) {
        if (a !== b) return a === undefined ? 1 : -1
        continue
      }
      const c = compareValues(a, b) ?? compareValues(typeof a, typeof b) ?? 0
      if (c !== 0) return keys[i]?.direction === 'desc' ? -c : c
    }
    return 0
  })
  return keyed.map((k) => k.c)
}

const projectValue = (value: unknown, paths: ReadonlyArray<ReadonlyArray<string>>): unknown => {
  if (paths.some((p) => p.length === 0)) return value
  if (Array.isArray(value)) return value.map((v) => projectValue(v, paths))
  if (!isRecord(value)) return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    const sub = paths.filter((p) => p[0] === k).map((p) => p.slice(1))
    setOwn(out, k, sub.length === 0 ? null : projectValue(v, sub))
  }
  return out
}

/**
 * Properties of a customer that `fields` never blanks: its identity and timestamps.
 *
 * @category constants
 * @since 0.1.0
 */
export const ALWAYS_SELECTED: ReadonlyArray<string> = ['id', 'nodeId', 'registeredAt', 'updatedAt', 'enabled']

/**
 * A rendered customer with only the selected fields (dotted paths); every other property is `null`, except the
 * {@link ALWAYS_SELECTED} ones.
 *
 * @category helpers
 * @since 0.1.0
 */
export const selectFields = (customer: Record<string, unknown>, fields: ReadonlyArray<string>): unknown =>
  projectValue(
    customer,
    [...fields, ...ALWAYS_SELECTED].map((f) => f.split('.'))
  )
