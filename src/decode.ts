/**
 * Turning io-ts validation errors into readable path messages, and decoding with a bounded report of failures.
 *
 * @since 0.1.0
 */
import { UnknownRecord } from '#io-ts/index'
import type * as t from '#io-ts/index'
import type * as E from '#fp-ts/Either'
import { compile, compileCheck, FAIL } from '#compile'
import { left, right } from './either'
import { decodeError, type ContacthubError } from './error'
import { redactText as redact } from './http/redact'

// Unions and intersections add the index of a branch to the context; it is not a key of the data.
const TRANSPARENT = /^(Union|Intersection)Type$/

/** The most messages a failed decoding reports; the rest are counted in a last "and N more" line. */
const MAX_MESSAGES = 100

/** Deeper values are not walked: the report says so instead of overflowing the stack. */
const MAX_DEPTH = 500

/**
 * A value as a message shows it: short literals as JSON (cut after 40 characters), other values by kind (`an
 * object`, `an array`, `[]`...), with `secret` (when not empty) redacted.
 *
 * @internal
 * @category utils
 * @since 0.2.0
 */
export const show = (u: unknown, secret = ''): string => {
  if (u === undefined) return 'undefined'
  if (typeof u === 'function') return 'a function'
  if (Array.isArray(u)) return u.length === 0 ? '[]' : 'an array'
  if (typeof u === 'object' && u !== null) return 'an object'
  // Only the first 40 characters are shown: a long string is cut before it is quoted (same result, less work).
  const v = typeof u === 'string' ? redact(u, secret) : u
  const s =
    typeof v === 'bigint' || typeof v === 'symbol'
      ? v.toString()
      : (JSON.stringify(typeof v === 'string' && v.length > 40 ? v.slice(0, 40) : v) ?? 'a value')
  return s.length > 40 ? `${s.slice(0, 37)}...` : s
}

/** `formatValidationError`, with the token (when given) removed from keys, values and messages. */
const format = (error: t.ValidationError, secret: string): string => {
  const keys: Array<string> = []
  const context = error.context
  for (let i = 1; i < context.length; i++) {
    const key = context[i]?.key
    // A parent without a `_tag` is tested as "undefined", which is not transparent.
    const parentTag = (context[i - 1]?.type as { _tag?: string } | undefined)?._tag as string
    if (key && !TRANSPARENT.test(parentTag)) keys.push(redact(key, secret))
  }
  const where = keys.join('.') || '(root)'
  if (error.message !== undefined) return `${where}: ${redact(error.message, secret)}`
  return `${where}: expected ${context[context.length - 1]?.type.name ?? 'a valid value'}, got ${show(error.value, secret)}`
}

/**
 * Renders one io-ts validation error as `a.b.0.c: expected string | null, got 42`.
 *
 * @category utils
 * @since 0.1.0
 */
export const formatValidationError = (error: t.ValidationError): string => format(error, '')

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

interface Tagged {
  readonly _tag?: string
  readonly props?: t.Props
  readonly type?: t.Decoder<unknown, unknown>
}

/** What a report has found so far: up to `MAX_MESSAGES` messages, then only a count. */
interface Report {
  readonly messages: Set<string>
  more: number
  readonly secret: string
}

/** Whether the report still builds messages (past the limit it only counts). */
const open = (r: Report): boolean => r.messages.size < MAX_MESSAGES

const add = (r: Report, error: t.ValidationError): void => {
  if (open(r)) r.messages.add(format(error, r.secret))
  else r.more++
}

/**
 * Walks a value that failed to decode, the way io-ts's `validate` would (same order, same contexts, so the same
 * messages), but: valid parts are skipped through a compiled check, messages stop at `MAX_MESSAGES` (the rest is
 * only counted, without building anything), and the depth is bounded. Structs, arrays and nullables are walked here;
 * any other codec is asked through its own `validate`, one value at a time (past the limit, a failing value counts
 * once). `context` is a stack: entries are pushed and popped while messages are built, and copied only when an
 * error or an opaque codec needs them.
 */
const walk = (
  codec: t.Decoder<unknown, unknown>,
  u: unknown,
  context: Array<t.ContextEntry>,
  r: Report,
  depth: number
): void => {
  const c = codec as unknown as Tagged
  const tag = c._tag
  const type = c.type
  const fail = (message?: string): void => add(r, { value: u, context: context.slice(), message })
  if (depth > MAX_DEPTH) return fail(`nested deeper than ${MAX_DEPTH} levels`)
  if (tag === 'InterfaceType' && c.props !== undefined) {
    if (!UnknownRecord.is(u)) return fail()
    const props = c.props
    for (const key of Object.keys(props)) {
      const type = props[key] as t.Decoder<unknown, unknown>
      const v = u[key]
      if (!compileCheck(type)(v)) into(type, key, v, context, r, depth)
    }
    return
  }
  if ((tag === 'ReadonlyArrayType' || tag === 'ArrayType') && type !== undefined) {
    if (!Array.isArray(u)) return fail()
    const item = compileCheck(type)
    // (a loop, not forEach: holes are checked as `undefined`, as io-ts does)
    for (let i = 0; i < u.length; i++) if (!item(u[i])) into(type, String(i), u[i], context, r, depth)
    return
  }
  if (tag === 'NullableType' && type !== undefined) {
    // `nullable` hands a present value to its codec with its own context (see codecs/common.ts).
    if (u != null) walk(type, u, context, r, depth + 1)
    return
  }
  if (compileCheck(codec)(u)) return
  if (!open(r)) {
    r.more++
    return
  }
  let result: t.Validation<unknown>
  try {
    result = codec.validate(u, context.slice())
  } catch {
    // A codec that overflows the stack on a deep value (or fails otherwise) is reported, not thrown.
    return fail('could not be checked (nested too deeply?)')
  }
  if (result._tag === 'Left') for (const e of result.left) add(r, e)
}

/** Walks a child under `key`: its context entry is pushed only while messages are still built. */
const into = (
  type: t.Decoder<unknown, unknown>,
  key: string,
  v: unknown,
  context: Array<t.ContextEntry>,
  r: Report,
  depth: number
): void => {
  if (!open(r)) return walk(type, v, context, r, depth + 1)
  context.push({ key, type, actual: v })
  walk(type, v, context, r, depth + 1)
  context.pop()
}

/**
 * Decodes a value, turning failures into readable path messages. A compiled fast path decodes valid values; a
 * failure is reported by a bounded walk: at most 100 messages (then `... and N more`), found without building
 * io-ts's error for every bad item or copying the value. `owned`: the value is the caller's own (a body it has just
 * parsed), so converted fields are written into it instead of into copies. `secret`: a string (the token) that is
 * replaced by `[redacted]` in every message.
 *
 * @category utils
 * @since 0.1.0
 */
export const decodeWith =
  <A>(decoder: t.Decoder<unknown, A>, owned = false, secret = '') =>
  (u: unknown): E.Either<ReadonlyArray<string>, A> => {
    let fast: unknown = FAIL
    try {
      fast = compile(decoder, owned)(u)
    } catch {
      // Too deep for the compiled decoder: the walk below reports it.
    }
    if (fast !== FAIL) return right(fast as A)
    const report: Report = { messages: new Set(), more: 0, secret }
    walk(decoder, u, [{ key: '', type: decoder, actual: u }], report, 0)
    if (report.messages.size === 0) {
      // The compiled decoder refuses a few values that io-ts takes (an own `__proto__` key that needs a copy):
      // io-ts decides those, once.
      try {
        const slow = decoder.decode(u)
        if (slow._tag === 'Right') return slow
        for (const e of slow.left) add(report, e)
      } catch {
        report.messages.add('(root): could not be checked (nested too deeply?)')
      }
    }
    const messages = [...report.messages]
    if (report.more > 0) messages.push(`... and ${report.more} more`)
    return left(messages)
  }

/** A codec's name in a message: io-ts's generated names of inline structs can be long, so they are cut. */
const nameOf = (decoder: t.Decoder<unknown, unknown>): string => {
  const name = typeof decoder.name === 'string' ? decoder.name : ''
  return name.length > 60 ? `${name.slice(0, 57)}...` : name
}

/**
 * Applies any exported codec to your own data (a webhook's body, a file, a stored value) the way the operations
 * decode answers: converted values (timestamps) in their normal form, and on failure a `DecodeError` whose `errors`
 * are the same readable path messages (`base.contacts.email: expected string | null, got 42`, at most 100). No
 * request is involved, so the error's `method` and `path` are empty strings and its message names `decode` and the
 * codec. The value is not modified. It never throws.
 *
 * @example
 * const customer = decode(Customer, JSON.parse('{"id":"c1","registeredAt":"2017-03-08T10:18:17.000+0000"}'))
 * // E.right({ id: 'c1', registeredAt: '2017-03-08T10:18:17.000Z', ... }) or E.left(DecodeError)
 *
 * @category utils
 * @since 0.2.0
 */
export const decode = <A>(codec: t.Decoder<unknown, A>, value: unknown): E.Either<ContacthubError, A> => {
  try {
    const result = decodeWith(codec)(value)
    if (result._tag === 'Right') return result
    const name = nameOf(codec)
    return left(
      decodeError({
        message: `decode: the value is not a valid ${name === '' ? 'value of this codec' : name}.`,
        errors: result.left,
        method: '',
        path: ''
      })
    )
  } catch {
    return left(
      decodeError({
        message: 'decode: the value could not be checked with this codec.',
        errors: [],
        method: '',
        path: ''
      })
    )
  }
}
