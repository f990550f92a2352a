/**
 * `customerPatch`: the smallest PATCH body that turns one customer into another, the functional twin of the Python
 * SDK's mutation tracker.
 *
 * @since 0.1.0
 */
import * as E from './either'
import { put } from './http/redact'
import { encodeCustomerInput, type CustomerInput, type CustomerPatch } from './codecs/customer-input'

type Rec = Readonly<Record<string, unknown>>

/** Properties the server sets: never part of a PATCH body. */
const READ_ONLY: ReadonlySet<string> = new Set(['id', 'nodeId', 'registeredAt', 'updatedAt'])

const isPlainObject = (u: unknown): u is Rec =>
  typeof u === 'object' && u !== null && !Array.isArray(u) && !(u instanceof Date)

const own = (o: Rec, key: string): unknown => (Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined)

/** Deep equality of JSON-like values, where an absent property and a `null` one are the same. */
const same = (x: unknown, y: unknown): boolean => {
  if (x === y) return true
  if ((x === null || x === undefined) && (y === null || y === undefined)) return true
  if (x instanceof Date || y instanceof Date)
    return (
      x instanceof Date &&
      y instanceof Date &&
      (x.getTime() === y.getTime() || (isNaN(x.getTime()) && isNaN(y.getTime())))
    )
  if (Array.isArray(x) || Array.isArray(y)) {
    if (!Array.isArray(x) || !Array.isArray(y)) return false
    const xs: ReadonlyArray<unknown> = x
    const ys: ReadonlyArray<unknown> = y
    return xs.length === ys.length && xs.every((v, i) => same(v, ys[i]))
  }
  if (isPlainObject(x) && isPlainObject(y)) {
    for (const k of Object.keys(x)) if (!same(own(x, k), own(y, k))) return false
    for (const k of Object.keys(y))
      if (!Object.prototype.hasOwnProperty.call(x, k) && !same(undefined, own(y, k))) return false
    return true
  }
  return false
}

const diff = (before: Rec, after: Rec, skip: ReadonlySet<string>): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  const keys = new Set([...Object.keys(before), ...Object.keys(after)])
  for (const key of keys) {
    if (skip.has(key)) continue
    const b = own(before, key) ?? null
    const a = own(after, key) ?? null
    if (same(b, a)) continue
    put(out, key, isPlainObject(b) && isPlainObject(a) ? diff(b, a, NONE) : a)
  }
  return out
}

const NONE: ReadonlySet<string> = new Set()

const wire = (c: CustomerInput): unknown => {
  const encoded = encodeCustomerInput(c)
  return E.isRight(encoded) ? encoded.right : c
}

/**
 * The smallest PATCH body that turns `before` into `after`: only the leaves that changed, `null` for what `after`
 * clears (a property absent from `after` is cleared too), arrays whole (the API replaces them). Objects are compared
 * in depth, so changing `base.address.city` sends `{ base: { address: { city } } }` only. Dates are compared in the
 * form they are sent in (a `Date` dob equals the same `YYYY-MM-DD` string). The server's own properties (`id`,
 * `nodeId`, `registeredAt`, `updatedAt`) are never part of the patch. An empty object means nothing changed.
 *
 * @example
 * pipe(
 *   getCustomer(ctx, id),
 *   TE.flatMap((c) => {
 *     const after = { ...c, base: { ...c.base, firstName: 'Ada' } }
 *     return updateCustomer(ctx, id, customerPatch(c, after)) // PATCH { base: { firstName: 'Ada' } }
 *   })
 * )
 *
 * @category helpers
 * @since 0.1.0
 */
export const customerPatch = (before: CustomerInput, after: CustomerInput): CustomerPatch => {
  const b = wire(before)
  const a = wire(after)
  return diff(isPlainObject(b) ? b : {}, isPlainObject(a) ? a : {}, READ_ONLY)
}
