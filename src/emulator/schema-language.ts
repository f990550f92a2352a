/**
 * The emulator's schema language: a small subset of JSON Schema (the `Schema` type and its builders), the validator
 * that reports JSON-pointer paths the way the API's `errors[]` do, the renderer that fills every unset field with
 * `null` (lists with `[]`) so that responses look like the live API's, null stripping, JSON merge, and the depth
 * limit every request body passes before any of them runs. The data it describes (customers, events) lives in
 * customer-schema.ts and event-schema.ts.
 *
 * Node-only, internal to the emulator.
 *
 * @since 0.2.0
 */
import { hasOwn } from '../codecs/event-check'

/**
 * A node of the schema language (a small subset of JSON Schema, enough for the customer model).
 *
 * @category model
 * @since 0.1.0
 */
export type Schema =
  | {
      readonly kind: 'string'
      readonly nullable: boolean
      readonly format?: 'date' | 'date-time' | 'email' | 'uri'
      readonly enum?: ReadonlySet<string>
      readonly pattern?: RegExp
    }
  | { readonly kind: 'number' | 'integer' | 'boolean'; readonly nullable: boolean }
  | {
      readonly kind: 'object'
      readonly nullable: boolean
      readonly props: Readonly<Record<string, Schema>>
      /** `additionalProperties: false` */
      readonly closed: boolean
      readonly required?: ReadonlyArray<string>
      /** Rendered as an object of nulls when unset, instead of `null` (`base`, `base.contacts`). */
      readonly alwaysPresent?: boolean
    }
  | { readonly kind: 'array'; readonly items: Schema }
  | { readonly kind: 'any'; readonly nullable: boolean; readonly objectOnly?: boolean }

// ---------------------------------------------------------------------------------------------------------------
// Builders: `str()` a nullable string, `strReq()` a required one, `obj({...})` a closed, nullable object...

/**
 * The options of a string schema.
 *
 * @category model
 * @since 0.1.0
 */
export type StringOpts = Omit<Extract<Schema, { kind: 'string' }>, 'kind' | 'nullable'>

/**
 * A nullable string.
 *
 * @category constructors
 * @since 0.1.0
 */
export const str = (opts: StringOpts = {}): Schema => ({ kind: 'string', nullable: true, ...opts })
/**
 * A string that may not be null.
 *
 * @category constructors
 * @since 0.1.0
 */
export const strReq = (opts: StringOpts = {}): Schema => ({ kind: 'string', nullable: false, ...opts })
/**
 * A nullable number.
 *
 * @category constructors
 * @since 0.1.0
 */
export const num: Schema = { kind: 'number', nullable: true }
/**
 * A nullable integer.
 *
 * @category constructors
 * @since 0.1.0
 */
export const int: Schema = { kind: 'integer', nullable: true }
/**
 * A nullable boolean.
 *
 * @category constructors
 * @since 0.1.0
 */
export const bool: Schema = { kind: 'boolean', nullable: true }
/**
 * An object: closed and nullable unless told otherwise.
 *
 * @category constructors
 * @since 0.1.0
 */
export const obj = (
  props: Record<string, Schema>,
  opts: { closed?: boolean; required?: ReadonlyArray<string>; alwaysPresent?: boolean; nullable?: boolean } = {}
): Schema => ({
  kind: 'object',
  nullable: opts.nullable ?? true,
  props,
  closed: opts.closed ?? true,
  ...(opts.required === undefined ? {} : { required: opts.required }),
  ...(opts.alwaysPresent === undefined ? {} : { alwaysPresent: opts.alwaysPresent })
})
/**
 * A list.
 *
 * @category constructors
 * @since 0.1.0
 */
export const arr = (items: Schema): Schema => ({ kind: 'array', items })
/**
 * A set of words, from one space-separated string (an enum).
 *
 * @category constructors
 * @since 0.1.0
 */
export const oneOf = (words: string): ReadonlySet<string> => new Set(words.split(' '))

// ---------------------------------------------------------------------------------------------------------------
// Depth limit

/**
 * How deeply a request body (or the JSON of a `query` parameter) may nest objects and arrays: the root container is
 * level 1. Every recursive walk of the emulator (validation, null stripping, merging, rendering, query evaluation,
 * `JSON.stringify` of an answer) runs only on values that passed {@link tooDeep}, so none can exhaust the stack.
 *
 * @category constants
 * @since 0.2.0
 */
export const MAX_DEPTH = 64

/**
 * The JSON pointer of the first container nested deeper than `max` levels, or undefined when `u` is shallow enough.
 * Iterative: any depth is safe to check.
 *
 * @category helpers
 * @since 0.2.0
 */
export const tooDeep = (u: unknown, max: number = MAX_DEPTH): string | undefined => {
  const stack: Array<{ readonly value: unknown; readonly path: string; readonly depth: number }> = [
    { value: u, path: '', depth: 1 }
  ]
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { value, path, depth } = top
    if (typeof value !== 'object' || value === null) continue
    if (depth > max) return path
    const entries: ReadonlyArray<readonly [string | number, unknown]> = Array.isArray(value)
      ? value.map((v: unknown, i) => [i, v] as const)
      : Object.entries(value)
    for (const [k, v] of entries) {
      if (typeof v === 'object' && v !== null) stack.push({ value: v, path: pointer(path, k), depth: depth + 1 })
    }
  }
  return undefined
}

/**
 * The message of a value {@link tooDeep} refuses: `/extended/a/a/...: nested deeper than 64 levels`.
 *
 * @category helpers
 * @since 0.2.0
 */
export const tooDeepMessage = (path: string, max: number = MAX_DEPTH): string => {
  const shown = path.length > 120 ? `${path.slice(0, 120)}...` : path
  return `${shown === '' ? '(root)' : shown}: nested deeper than ${max} levels`
}

// ---------------------------------------------------------------------------------------------------------------
// Validation

/**
 * One entry of the API's `errors[]`.
 *
 * @category model
 * @since 0.1.0
 */
export interface FieldError {
  readonly message: string
  /** A JSON pointer (RFC 6901) into the request body, e.g. `/base/contacts/email`. */
  readonly path: string
  readonly data: unknown
  readonly code: string
}

/**
 * Escapes one JSON-pointer token.
 *
 * @category helpers
 * @since 0.1.0
 */
export const pointerToken = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1')

/**
 * Appends a token to a JSON pointer.
 *
 * @category helpers
 * @since 0.1.0
 */
export const pointer = (base: string, token: string | number): string => `${base}/${pointerToken(String(token))}`

/**
 * A JSON object (not an array, not null).
 *
 * @category refinements
 * @since 0.1.0
 */
export const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u)

/**
 * Sets an own, enumerable property, whatever its name: `o[k] = v` with `k` = `__proto__` (a key JSON may carry)
 * would replace the prototype instead.
 *
 * @category helpers
 * @since 0.1.0
 */
export const setOwn = (o: Record<string, unknown>, k: string, v: unknown): void => {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true })
}

// The client's schema walker has the one `hasOwn` (an own property, never an inherited one such as `constructor`).
export { hasOwn }

/**
 * The JSON type name of a value, for messages.
 *
 * @category helpers
 * @since 0.1.0
 */
export const typeName = (u: unknown): string =>
  u === null ? 'null' : Array.isArray(u) ? 'array' : Number.isInteger(u) ? 'integer' : typeof u

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME_RE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}([.,]\d{1,9})?)?(Z|z|[+-]\d{2}(:?\d{2})?)?)?$/
const EMAIL_RE = /^[^\s@]+@[^\s@]+$/

/**
 * Whether `s` is a calendar date `YYYY-MM-DD` that exists.
 *
 * @category refinements
 * @since 0.1.0
 */
export const isCalendarDate = (s: string): boolean => {
  const m = DATE_RE.exec(s)
  if (m === null) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(0)
  date.setUTCFullYear(y, mo - 1, d)
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

const formatOk = (format: string, s: string): boolean => {
  switch (format) {
    case 'date':
      return isCalendarDate(s)
    case 'date-time':
      // Lenient, as the live API: stored data holds `1994-10-06` and `1994-02-11 14:05` in date-time fields.
      return DATE_TIME_RE.test(s) && isCalendarDate(s.slice(0, 10))
    case 'email':
      return EMAIL_RE.test(s)
    default:
      return true
  }
}

const expected = (schema: Schema): string => {
  const k = schema.kind === 'any' ? (schema.objectOnly === true ? 'object' : 'any') : schema.kind
  return 'nullable' in schema && schema.nullable ? `${k} or null` : k
}

const typeError = (schema: Schema, u: unknown, path: string): FieldError => ({
  message: `expected ${expected(schema)}, got ${typeName(u)}`,
  path,
  data: u,
  code: 'type'
})

/**
 * Validates a JSON value against a schema; returns every problem found, each with its JSON-pointer path.
 * `null` is accepted where the schema is nullable (the body of a create may carry nulls: they mean unset).
 *
 * @category helpers
 * @since 0.1.0
 */
export const validate = (schema: Schema, u: unknown, path = '', out: FieldError[] = []): FieldError[] => {
  if (u === null) {
    if (!('nullable' in schema) || !schema.nullable) out.push(typeError(schema, u, path))
    return out
  }
  switch (schema.kind) {
    case 'any':
      if (schema.objectOnly === true && !isRecord(u)) out.push(typeError(schema, u, path))
      return out
    case 'string':
      if (typeof u !== 'string') out.push(typeError(schema, u, path))
      else if (schema.enum !== undefined && !schema.enum.has(u)) {
        out.push({ message: `${JSON.stringify(u)} is not one of the allowed values`, path, data: u, code: 'enum' })
      } else if (schema.pattern !== undefined && !schema.pattern.test(u)) {
        out.push({
          message: `${JSON.stringify(u)} does not match ${String(schema.pattern)}`,
          path,
          data: u,
          code: 'pattern'
        })
      } else if (schema.format !== undefined && !formatOk(schema.format, u)) {
        out.push({ message: `${JSON.stringify(u)} is not a valid ${schema.format}`, path, data: u, code: 'format' })
      }
      return out
    case 'number':
    case 'integer':
      if (typeof u !== 'number' || !Number.isFinite(u) || (schema.kind === 'integer' && !Number.isInteger(u))) {
        out.push(typeError(schema, u, path))
      }
      return out
    case 'boolean':
      if (typeof u !== 'boolean') out.push(typeError(schema, u, path))
      return out
    case 'array':
      if (!Array.isArray(u)) out.push(typeError(schema, u, path))
      else u.forEach((item, i) => validate(schema.items, item, pointer(path, i), out))
      return out
    case 'object': {
      if (!isRecord(u)) {
        out.push(typeError(schema, u, path))
        return out
      }
      for (const k of schema.required ?? []) {
        if (!hasOwn(u, k) || u[k] === null || u[k] === undefined) {
          out.push({
            message: `required property ${JSON.stringify(k)} is missing`,
            path: pointer(path, k),
            data: null,
            code: 'required'
          })
        }
      }
      for (const [k, v] of Object.entries(u)) {
        if (!hasOwn(schema.props, k)) {
          if (schema.closed) {
            out.push({
              message: `unknown property ${JSON.stringify(k)}`,
              path: pointer(path, k),
              data: v,
              code: 'additionalProperties'
            })
          }
        } else if (!(v === null && schema.required?.includes(k) === true)) {
          const p = schema.props[k]
          if (p !== undefined) validate(p, v, pointer(path, k), out)
        }
      }
      return out
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering and merging

/**
 * The value as the live API shows it: every property the schema knows is present (`null` when unset, `[]` for an
 * unset list), nullable objects that are unset are `null` (unless `alwaysPresent`), unknown properties of open
 * objects are kept as they are.
 *
 * @category helpers
 * @since 0.1.0
 */
export const render = (schema: Schema, u: unknown): unknown => {
  switch (schema.kind) {
    case 'array':
      return Array.isArray(u) ? u.map((x) => render(schema.items, x)) : []
    case 'object': {
      if (!isRecord(u)) return schema.alwaysPresent === true ? render(schema, {}) : (u ?? null)
      const out: Record<string, unknown> = {}
      for (const [k, p] of Object.entries(schema.props)) setOwn(out, k, render(p, hasOwn(u, k) ? u[k] : undefined))
      for (const [k, v] of Object.entries(u)) if (!hasOwn(schema.props, k)) setOwn(out, k, v)
      return out
    }
    default:
      return u === undefined ? null : u
  }
}

/**
 * A copy of a JSON value without object properties whose value is `null` (array items are kept, their own
 * properties cleaned). In a create or full-update body, null means unset.
 *
 * @category helpers
 * @since 0.1.0
 */
export const stripNulls = (u: unknown): unknown => {
  if (Array.isArray(u)) return u.map(stripNulls)
  if (!isRecord(u)) return u
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(u)) if (v !== null && v !== undefined) setOwn(out, k, stripNulls(v))
  return out
}

/**
 * A JSON merge of `patch` into `target` (RFC 7386, arrays replaced): objects are merged recursively, arrays and
 * scalars replace, `null` removes the property. Neither input is mutated.
 *
 * @category helpers
 * @since 0.1.0
 */
export const mergePatch = (target: unknown, patch: unknown): unknown => {
  if (!isRecord(patch)) return stripNulls(patch)
  const out: Record<string, unknown> = isRecord(target) ? { ...target } : {}
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else if (v !== undefined) setOwn(out, k, mergePatch(hasOwn(out, k) ? out[k] : undefined, v))
  }
  return out
}

/**
 * The schema at a dotted attribute path of a customer (`base.contacts.email`, `base.jobs.companyName`,
 * `extended.anything`), or undefined when the model has no such attribute. Lists are looked through.
 *
 * @category helpers
 * @since 0.1.0
 */
export const schemaAt = (root: Schema, segments: ReadonlyArray<string>): Schema | undefined => {
  let s: Schema | undefined = root
  for (const seg of segments) {
    while (s !== undefined && s.kind === 'array') s = s.items
    if (s === undefined) return undefined
    if (s.kind === 'any') return s
    if (s.kind !== 'object') return undefined
    s = hasOwn(s.props, seg) ? s.props[seg] : s.closed ? undefined : { kind: 'any', nullable: true }
  }
  return s
}
