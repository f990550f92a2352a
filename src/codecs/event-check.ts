/**
 * The one walker of event schemas (`Shape`, see `event-plan.ts`): it checks a value against a shape and reports
 * each problem with its path as segments, which `validateEvent` renders as dotted paths
 * (`properties.products[2].price`) and the emulator as JSON pointers (`/properties/products/2/price`).
 *
 * Total: it never throws. A getter or proxy that throws is reported where it was read; a cycle, nesting deeper than
 * `MAX_SHAPE_DEPTH` levels and more than `MAX_SHAPE_VALUES` values are reported instead of being walked. Where a
 * shape accepts any JSON (`any`, an object without `properties`, the unknown fields of an open object), the value
 * must still be JSON: plain objects, arrays, strings, finite numbers, booleans and `null`.
 *
 * @since 0.2.0
 */
import type { Shape } from './event-shape'

/**
 * One step of a path: an object key or an array index.
 *
 * @internal
 * @category model
 * @since 0.2.0
 */
export type PathSegment = string | number

/**
 * What kind of problem an issue is (the emulator sends it as the `code` of an `errors[]` entry).
 *
 * @internal
 * @category model
 * @since 0.2.0
 */
export type IssueCode =
  | 'type'
  | 'enum'
  | 'format'
  | 'minimum'
  | 'maximum'
  | 'required'
  | 'additionalProperties'
  | 'depth'
  | 'cycle'
  | 'unreadable'
  | 'size'

/**
 * One problem: where (`path`), what (`message`, without the path), and the value found there.
 *
 * @internal
 * @category model
 * @since 0.2.0
 */
export interface ShapeIssue {
  readonly path: ReadonlyArray<PathSegment>
  readonly code: IssueCode
  readonly message: string
  readonly value: unknown
}

/**
 * The problems found so far: at most `max` issues, the others only counted in `more`. The walk stops early once
 * `stopAt` problems were found (1 for a yes/no answer).
 *
 * @internal
 * @category model
 * @since 0.2.0
 */
export interface ShapeReport {
  readonly issues: Array<ShapeIssue>
  more: number
  readonly max: number
  readonly stopAt: number
  /** Values visited, across every walk into this report. */
  visited: number
}

/**
 * How deeply objects and arrays may nest, the event itself being level 1 (the emulator's limit for a body).
 *
 * @internal
 * @category constants
 * @since 0.2.0
 */
export const MAX_SHAPE_DEPTH = 64

/**
 * How many values one report walks at most; a larger event is refused as too large to check.
 *
 * @internal
 * @category constants
 * @since 0.2.0
 */
export const MAX_SHAPE_VALUES = 1_000_000

/**
 * An empty report that keeps `max` issues and stops after `stopAt` problems.
 *
 * @internal
 * @category constructors
 * @since 0.2.0
 */
export const shapeReport = (max: number, stopAt: number = Infinity): ShapeReport => ({
  issues: [],
  more: 0,
  max,
  stopAt,
  visited: 0
})

/**
 * Whether the walk should stop: enough problems found, or too many values visited.
 *
 * @internal
 * @category refinements
 * @since 0.2.0
 */
export const isDone = (r: ShapeReport): boolean => r.issues.length + r.more >= r.stopAt || r.visited > MAX_SHAPE_VALUES

/**
 * Records a problem (kept while fewer than `max` are kept, else counted).
 *
 * @internal
 * @category utils
 * @since 0.2.0
 */
export const addIssue = (
  r: ShapeReport,
  path: ReadonlyArray<PathSegment>,
  code: IssueCode,
  message: string,
  value: unknown
): void => {
  if (r.issues.length < r.max) r.issues.push({ path: path.slice(), code, message, value })
  else r.more++
}

/**
 * Whether `k` is an own property of `o` (not one inherited, such as `constructor`).
 *
 * @category utils
 * @since 0.2.0
 * @internal
 */
export const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k)

/**
 * An object JSON writes as an object: not an array, a Date, a Map... (io-ts's own test for a record).
 *
 * @category utils
 * @since 0.2.0
 * @internal
 */
export const isPlainObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && Object.prototype.toString.call(u) === '[object Object]'

/**
 * A short, safe rendering of a value for a message: strings quoted and cut at 40 characters, containers named.
 *
 * @internal
 * @category utils
 * @since 0.2.0
 */
export const showValue = (u: unknown): string => {
  switch (typeof u) {
    case 'string': {
      // Cut before quoting: a long string costs nothing to show.
      const cut = u.length > 40
      const s = JSON.stringify(cut ? u.slice(0, 37) : u)
      return cut ? `${s.slice(0, -1)}..."` : s
    }
    case 'number':
    case 'boolean':
      return String(u)
    case 'bigint':
      return `${String(u)}n`
    case 'undefined':
      return 'undefined'
    case 'function':
      return 'a function'
    case 'symbol':
      return 'a symbol'
  }
  if (u === null) return 'null'
  if (Array.isArray(u)) return 'an array'
  const tag = Object.prototype.toString.call(u).slice(8, -1)
  return tag === 'Object' ? 'an object' : `a ${tag}`
}

// ---------------------------------------------------------------------------------------------------------------
// Formats: strict checks, written out (no `Date` parsing and its leniency).

const daysIn = (y: number, m: number): number =>
  m === 2
    ? y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
      ? 29
      : 28
    : m === 4 || m === 6 || m === 9 || m === 11
      ? 30
      : 31

const isDay = (y: string | undefined, m: string | undefined, d: string | undefined): boolean => {
  const month = Number(m)
  const day = Number(d)
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(Number(y), month)
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
// RFC 3339 (`T`/`Z` in either case), and the API's own `+0000` offsets without a colon.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:[Zz]|[+-](\d{2}):?(\d{2}))$/
const EMAIL_LOCAL = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?'
const EMAIL = new RegExp(`^${EMAIL_LOCAL}(?:\\.${EMAIL_LOCAL})*@(?:${LABEL}\\.)+${LABEL}$`)
// An absolute URI (RFC 3986 characters, `%` followed by two hex digits); `scheme://` needs a host.
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/
const EMPTY_AUTHORITY = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/(?:[/?#]|$)/
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)'
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`)

const dateTimeOk = (s: string): boolean => {
  const m = DATE_TIME.exec(s)
  if (m === null || !isDay(m[1], m[2], m[3])) return false
  const [h, min, sec] = [Number(m[4]), Number(m[5]), Number(m[6])]
  // A leap second (`:60`) ends a minute 59.
  return (
    h <= 23 &&
    min <= 59 &&
    (sec <= 59 || (sec === 60 && min === 59)) &&
    Number(m[7] ?? 0) <= 23 &&
    Number(m[8] ?? 0) <= 59
  )
}

/**
 * Whether a string has a format of the event schemas: `date-time`, `date`, `email`, `uri`, `ipv4` (any other format
 * is not checked).
 *
 * @internal
 * @category refinements
 * @since 0.2.0
 */
export const formatOk = (format: string, s: string): boolean => {
  switch (format) {
    case 'date-time':
      return dateTimeOk(s)
    case 'date': {
      const m = DATE.exec(s)
      return m !== null && isDay(m[1], m[2], m[3])
    }
    case 'email':
      return s.length <= 254 && EMAIL.test(s)
    case 'uri':
      return URI.test(s) && !EMPTY_AUTHORITY.test(s)
    case 'ipv4':
      return IPV4.test(s)
    default:
      return true
  }
}

const EXAMPLES: Readonly<Record<string, string>> = {
  'date-time': 'a date-time such as 2026-01-31T09:30:00Z',
  date: 'a date such as 2026-01-31',
  email: 'an e-mail address',
  uri: 'an absolute URI such as https://example.com/',
  ipv4: 'an IPv4 address such as 192.0.2.1'
}

// ---------------------------------------------------------------------------------------------------------------
// The walk

interface Walk {
  readonly r: ShapeReport
  /** The path of the current value: pushed and popped, copied only into issues. */
  readonly path: Array<PathSegment>
  /** The containers being walked (a cycle comes back to one of them). */
  readonly open: Set<object>
}

const issue = (w: Walk, code: IssueCode, message: string, value: unknown): void =>
  addIssue(w.r, w.path, code, message, value)

const expectedType = (shape: Shape): string => {
  const t = shape.type === 'any' ? 'a JSON value' : shape.type
  return shape.nullable === true ? `${t} or null` : t
}

const typeIssue = (w: Walk, shape: Shape, u: unknown): void =>
  shape.enum !== undefined
    ? enumIssue(w, shape, u)
    : issue(w, 'type', `expected ${expectedType(shape)}, got ${showValue(u)}`, u)

const enumIssue = (w: Walk, shape: Shape, u: unknown): void => {
  const values = shape.enum ?? []
  const shown = values.slice(0, 10).map((v) => JSON.stringify(v) ?? String(v))
  const list = `${shown.join(', ')}${values.length > 10 ? ', ...' : ''}`
  issue(w, 'enum', `expected one of ${list}${shape.nullable === true ? ' or null' : ''}, got ${showValue(u)}`, u)
}

/** Starts walking a container: false (and reported) when it is too deep or part of a cycle. */
const enter = (w: Walk, u: object): boolean => {
  if (w.path.length + 1 > MAX_SHAPE_DEPTH) {
    issue(w, 'depth', `nested deeper than ${MAX_SHAPE_DEPTH} levels`, u)
    return false
  }
  if (w.open.has(u)) {
    issue(w, 'cycle', 'refers back to an object that contains it (a cycle)', u)
    return false
  }
  w.open.add(u)
  return true
}

/** Walks one child: reads it (a throwing getter is reported), then checks it against `shape` (undefined: any JSON). */
const child = (
  w: Walk,
  u: Record<string | number, unknown>,
  key: PathSegment,
  shape: Shape | undefined,
  skipUndefined: boolean
): void => {
  w.path.push(key)
  try {
    let v: unknown
    try {
      v = u[key]
    } catch {
      issue(w, 'unreadable', 'could not be read (its getter threw)', undefined)
      return
    }
    if (v === undefined && skipUndefined) return
    check(w, shape, v)
  } finally {
    w.path.pop()
  }
}

/** Checks `u` against `shape` (undefined: any JSON value), reporting what does not match. Never throws. */
const check = (w: Walk, shape: Shape | undefined, u: unknown): void => {
  if (isDone(w.r)) return
  if (++w.r.visited > MAX_SHAPE_VALUES) {
    issue(w, 'size', `too large to check (more than ${MAX_SHAPE_VALUES} values)`, undefined)
    return
  }
  try {
    walk(w, shape, u)
  } catch {
    issue(w, 'unreadable', 'could not be read (a getter or proxy threw)', undefined)
  }
}

const walk = (w: Walk, shape: Shape | undefined, u: unknown): void => {
  if (shape === undefined || shape.type === 'any') return json(w, u)
  if (u === null) {
    if (shape.nullable !== true) typeIssue(w, shape, u)
    return
  }
  switch (shape.type) {
    case 'string':
      if (typeof u !== 'string') return typeIssue(w, shape, u)
      if (shape.enum !== undefined && !shape.enum.includes(u)) return enumIssue(w, shape, u)
      if (shape.format !== undefined && !formatOk(shape.format, u)) {
        const expected = EXAMPLES[shape.format] ?? `a ${shape.format}`
        return issue(w, 'format', `expected ${expected}, got ${showValue(u)}`, u)
      }
      return
    case 'number':
    case 'integer':
      if (typeof u !== 'number' || !Number.isFinite(u) || (shape.type === 'integer' && !Number.isInteger(u)))
        return typeIssue(w, shape, u)
      if (shape.enum !== undefined && !shape.enum.includes(u)) return enumIssue(w, shape, u)
      if (shape.minimum !== undefined && u < shape.minimum)
        return issue(w, 'minimum', `expected at least ${shape.minimum}, got ${u}`, u)
      if (shape.maximum !== undefined && u > shape.maximum)
        return issue(w, 'maximum', `expected at most ${shape.maximum}, got ${u}`, u)
      return
    case 'boolean':
      if (typeof u !== 'boolean') return typeIssue(w, shape, u)
      if (shape.enum !== undefined && !shape.enum.includes(u)) return enumIssue(w, shape, u)
      return
    case 'array':
      if (!Array.isArray(u)) return typeIssue(w, shape, u)
      return items(w, shape.items, u)
    case 'object':
      if (!isPlainObject(u)) return typeIssue(w, shape, u)
      return fields(w, shape, u)
  }
}

const items = (w: Walk, shape: Shape | undefined, u: ReadonlyArray<unknown>): void => {
  if (!enter(w, u)) return
  try {
    const n = u.length
    for (let i = 0; i < n && !isDone(w.r); i++) child(w, u as unknown as Record<number, unknown>, i, shape, false)
  } finally {
    w.open.delete(u)
  }
}

const fields = (w: Walk, shape: Shape | undefined, u: Record<string, unknown>): void => {
  if (!enter(w, u)) return
  try {
    const props = shape?.properties
    for (const k of shape?.required ?? []) {
      if (!hasOwn(u, k) || u[k] === undefined) {
        w.path.push(k)
        issue(w, 'required', 'missing (required)', undefined)
        w.path.pop()
      }
    }
    for (const k of Object.keys(u)) {
      if (isDone(w.r)) return
      if (props !== undefined && hasOwn(props, k)) child(w, u, k, props[k], true)
      else if (shape?.closed === true) {
        w.path.push(k)
        issue(w, 'additionalProperties', 'not allowed', undefined)
        w.path.pop()
      } else child(w, u, k, undefined, true)
    }
  } finally {
    w.open.delete(u)
  }
}

/** Any JSON value; an object member that is `undefined` is absent (JSON leaves it out), an array item is not. */
const json = (w: Walk, u: unknown): void => {
  switch (typeof u) {
    case 'string':
    case 'boolean':
      return
    case 'number':
      if (!Number.isFinite(u)) issue(w, 'type', `expected a JSON value, got ${showValue(u)}`, u)
      return
    case 'object':
      if (u === null) return
      if (Array.isArray(u)) return items(w, undefined, u)
      if (isPlainObject(u)) return fields(w, undefined, u)
  }
  issue(w, 'type', `expected a JSON value, got ${showValue(u)}`, u)
}

/**
 * Checks `value` against `shape` (undefined: any JSON value) and adds what does not match to `report`, with paths
 * under `at` (e.g. `['properties']`). Never throws.
 *
 * @internal
 * @category utils
 * @since 0.2.0
 */
export const checkShape = (
  report: ShapeReport,
  shape: Shape | undefined,
  value: unknown,
  at: ReadonlyArray<PathSegment>
): void => check({ r: report, path: at.slice(), open: new Set() }, shape, value)
