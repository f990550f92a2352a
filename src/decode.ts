/**
 * Turning io-ts validation errors into readable path messages.
 *
 * @since 0.1.0
 */
import type * as t from '#io-ts/index'
import * as E from '#fp-ts/Either'
import { compile, FAIL } from './codecs/fast'

// Unions and intersections add the index of a branch to the context; it is not a key of the data.
const TRANSPARENT = new Set(['UnionType', 'IntersectionType'])

const show = (u: unknown): string => {
  if (u === undefined) return 'undefined'
  if (typeof u === 'function') return 'a function'
  if (Array.isArray(u)) return u.length === 0 ? '[]' : 'an array'
  if (typeof u === 'object' && u !== null) return 'an object'
  const s = typeof u === 'bigint' || typeof u === 'symbol' ? u.toString() : (JSON.stringify(u) ?? 'a value')
  return s.length > 40 ? `${s.slice(0, 37)}...` : s
}

/**
 * Renders one io-ts validation error as `a.b.0.c: expected string | null, got 42`.
 *
 * @category utils
 * @since 0.1.0
 */
export const formatValidationError = (error: t.ValidationError): string => {
  const keys: Array<string> = []
  const context = error.context
  for (let i = 1; i < context.length; i++) {
    const entry = context[i]
    const parent = context[i - 1]
    if (entry.key === '') continue
    const parentTag = (parent.type as { _tag?: string })._tag
    if (parentTag !== undefined && TRANSPARENT.has(parentTag)) continue
    keys.push(entry.key)
  }
  const last = context[context.length - 1]
  const where = keys.length > 0 ? keys.join('.') : '(root)'
  if (error.message !== undefined) return `${where}: ${error.message}`
  const expected = last === undefined ? 'a valid value' : last.type.name
  return `${where}: expected ${expected}, got ${show(error.value)}`
}

/**
 * Renders io-ts validation errors as readable path messages, without duplicates, at most `max` of them.
 *
 * @category utils
 * @since 0.1.0
 */
export const formatValidationErrors = (errors: t.Errors, max = 20): ReadonlyArray<string> => {
  const out = new Set<string>()
  for (const e of errors) {
    if (out.size >= max) break
    out.add(formatValidationError(e))
  }
  return [...out]
}

/**
 * Decodes a value, turning failures into readable path messages. A compiled fast path decodes valid values; io-ts
 * runs only to report a failure. `owned`: the value is the caller's own (a body it has just parsed), so converted
 * fields are written into it instead of into copies.
 *
 * @category utils
 * @since 0.1.0
 */
export const decodeWith =
  <A>(decoder: t.Decoder<unknown, A>, owned = false) =>
  (u: unknown): E.Either<ReadonlyArray<string>, A> => {
    const fast = compile(decoder, owned)(u)
    if (fast !== FAIL) return E.right(fast as A)
    const result = decoder.decode(u)
    return E.isRight(result) ? result : E.left(formatValidationErrors(result.left))
  }
