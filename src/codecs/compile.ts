/**
 * A fast path for decoding: io-ts codecs compiled, once per codec, into plain functions that validate in place
 * without building io-ts contexts (one array and one object per field) or `Right`s, and copy only what converts.
 * On any failure the caller reports the errors (see `decodeWith` in decode.ts), with io-ts's paths and messages.
 *
 * It reads codecs by their `_tag`: `InterfaceType` (t.type), `ArrayType`/`ReadonlyArrayType`, `NullableType`
 * (`nullable` in common.ts) and the primitives are compiled; anything else (refinements, unions, intersections,
 * custom types such as `Timestamp`) is called through its own `validate`. It assumes that an `InterfaceType` or an
 * array codec is io-ts's own and not a clone with another `validate`, which holds for every codec of this package.
 *
 * @since 0.1.0
 */
import type * as t from '#io-ts/index'

/** Returned by a compiled decoder when the value does not match.
 *
 * @category constants
 * @since 0.1.0
 */
export const FAIL: unique symbol = Symbol('contacthub-fp/fail')

/**
 * A compiled decoder: the decoded value, or `FAIL`.
 *
 * @category model
 * @since 0.1.0
 */
export type Fast = (u: unknown) => unknown

/** Codecs whose `validate` returns the input itself when `is` holds. */
const IDENTITY: ReadonlySet<string> = new Set([
  'StringType',
  'NumberType',
  'BooleanType',
  'NullType',
  'UndefinedType',
  'UnknownType',
  'KeyofType',
  'LiteralType',
  'AnyDictionaryType',
  'AnyArrayType'
])

const NO_CONTEXT: t.Context = []
const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k)
const cache = new WeakMap<t.Decoder<unknown, unknown>, Fast>()
const cacheInPlace = new WeakMap<t.Decoder<unknown, unknown>, Fast>()

interface Tagged {
  readonly _tag?: string
  readonly props?: t.Props
  readonly type?: t.Decoder<unknown, unknown>
  readonly is?: (u: unknown) => boolean
}

const opaque =
  (codec: t.Decoder<unknown, unknown>): Fast =>
  (u) => {
    const r = codec.validate(u, NO_CONTEXT)
    return r._tag === 'Right' ? r.right : FAIL
  }

/** A plain check for codecs that decode to their input; `undefined` for the others. */
const checkOf = (codec: t.Decoder<unknown, unknown>): ((u: unknown) => boolean) | undefined => {
  const c = codec as unknown as Tagged
  const tag = c._tag
  if (tag === 'StringType') return (u) => typeof u === 'string'
  if (tag === 'NumberType') return (u) => typeof u === 'number'
  if (tag === 'BooleanType') return (u) => typeof u === 'boolean'
  if (tag !== undefined && IDENTITY.has(tag) && typeof c.is === 'function') return c.is.bind(codec)
  return undefined
}

const build = (codec: t.Decoder<unknown, unknown>, inPlace: boolean): Fast => {
  const c = codec as unknown as Tagged
  const tag = c._tag
  const check = checkOf(codec)
  if (check !== undefined) return (u) => (check(u) ? u : FAIL)
  if (tag === 'InterfaceType' && c.props !== undefined) {
    const props = c.props
    const keys = Object.keys(props)
    const len = keys.length
    const fs = keys.map((k) => compile(props[k] as t.Decoder<unknown, unknown>, inPlace))
    return (u) => {
      if (u === null || typeof u !== 'object' || Array.isArray(u)) return FAIL
      const o = u as Record<string, unknown>
      let a = o
      for (let i = 0; i < len; i++) {
        const k = keys[i]
        const f = fs[i]
        if (k === undefined || f === undefined) return FAIL // never: i < len
        const ak = o[k]
        const v = f(ak)
        if (v === FAIL) return FAIL
        if (v !== ak || (v === undefined && !hasOwn(o, k))) {
          if (a === o) {
            // io-ts copies by assignment, which turns an own `__proto__` into the copy's prototype: such a value
            // takes io-ts's own path, so that both paths always give the same answer.
            if (hasOwn(o, '__proto__')) return FAIL
            if (!inPlace) a = { ...o }
          }
          a[k] = v
        }
      }
      return a
    }
  }
  if ((tag === 'ReadonlyArrayType' || tag === 'ArrayType') && c.type !== undefined) {
    const item = compile(c.type, inPlace)
    return (u) => {
      if (!Array.isArray(u)) return FAIL
      const us: ReadonlyArray<unknown> = u
      let as: Array<unknown> | undefined
      for (let i = 0; i < us.length; i++) {
        const ui = us[i]
        const v = item(ui)
        if (v === FAIL) return FAIL
        if (v !== ui) {
          as ??= inPlace ? (us as Array<unknown>) : us.slice()
          as[i] = v
        }
      }
      return as ?? us
    }
  }
  if (tag === 'NullableType' && c.type !== undefined) {
    const plain = checkOf(c.type)
    if (plain !== undefined) return (u) => (u === null || u === undefined ? null : plain(u) ? u : FAIL)
    const inner = compile(c.type, inPlace)
    return (u) => (u === null || u === undefined ? null : inner(u))
  }
  return opaque(codec)
}

/**
 * Compiles a codec (once; the result is cached). Structs, arrays, nullables and primitives are compiled; any other
 * codec is called through its own `validate`. With `inPlace`, converted values are written into the input instead
 * of a copy: only for values nobody else holds (a body the client has just parsed). Decoding a decoded value gives
 * the same value, so the io-ts pass that reports errors after a failure sees the same problems.
 *
 * @category utils
 * @since 0.1.0
 */
export const compile = (codec: t.Decoder<unknown, unknown>, inPlace = false): Fast => {
  const store = inPlace ? cacheInPlace : cache
  let f = store.get(codec)
  if (f === undefined) {
    // A forwarding entry first, so that a codec that contains itself compiles.
    const forward: { built?: Fast } = {}
    store.set(codec, (u) => (forward.built as Fast)(u))
    f = forward.built = build(codec, inPlace)
    store.set(codec, f)
  }
  return f
}

/**
 * A compiled check: whether a value decodes, without decoding it (no copies, no writes, no `Right`s for structs,
 * arrays, nullables and primitives). Reporting a failure uses it to skip the valid parts of a value.
 *
 * @category model
 * @since 0.2.0
 */
export type Check = (u: unknown) => boolean

const checks = new WeakMap<t.Decoder<unknown, unknown>, Check>()

const buildCheck = (codec: t.Decoder<unknown, unknown>): Check => {
  const c = codec as unknown as Tagged
  const tag = c._tag
  const plain = checkOf(codec)
  if (plain !== undefined) return plain
  if (tag === 'InterfaceType' && c.props !== undefined) {
    const props = c.props
    const keys = Object.keys(props)
    const fields = keys.map((key) => ({ key, check: compileCheck(props[key] as t.Decoder<unknown, unknown>) }))
    return (u) => {
      if (u === null || typeof u !== 'object' || Array.isArray(u)) return false
      const o = u as Record<string, unknown>
      for (const { key, check } of fields) if (!check(o[key])) return false
      return true
    }
  }
  if ((tag === 'ReadonlyArrayType' || tag === 'ArrayType') && c.type !== undefined) {
    const item = compileCheck(c.type)
    return (u) => Array.isArray(u) && (u as ReadonlyArray<unknown>).every(item)
  }
  if (tag === 'NullableType' && c.type !== undefined) {
    const inner = compileCheck(c.type)
    return (u) => u === null || u === undefined || inner(u)
  }
  return (u) => codec.validate(u, NO_CONTEXT)._tag === 'Right'
}

/**
 * Compiles a codec into a `Check` (once; the result is cached). It agrees with `compile` except on values that
 * `compile` sends to io-ts (an own `__proto__` key that needs a copy), which it takes.
 *
 * @category utils
 * @since 0.2.0
 */
export const compileCheck = (codec: t.Decoder<unknown, unknown>): Check => {
  let f = checks.get(codec)
  if (f === undefined) {
    const forward: { built?: Check } = {}
    checks.set(codec, (u) => (forward.built as Check)(u))
    f = forward.built = buildCheck(codec)
    checks.set(codec, f)
  }
  return f
}
