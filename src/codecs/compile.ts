/**
 * A fast path for decoding: io-ts codecs compiled, once per codec, into plain functions that validate in place
 * without building io-ts contexts (one array and one object per field) or `Right`s, and copy only what converts.
 * On any failure the caller reports the errors (see `decodeWith` in decode.ts), with io-ts's paths and messages.
 *
 * A struct becomes one generated function (`new Function`): a constant property read per field and the checks of
 * strings, numbers, booleans and their nullables written inline (a 100-customer page decodes about twice as fast as
 * with closures). This module is Node-only (the `#compile` import map gives browsers `compile-browser.ts`); where
 * code generation is refused all the same, structs fall back to closures with the same results.
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
  // `openEnum` (codecs/common.ts): any string decodes to itself.
  if (tag === 'OpenEnumType') return (u) => typeof u === 'string'
  if (tag !== undefined && IDENTITY.has(tag) && typeof c.is === 'function') return c.is.bind(codec)
  return undefined
}

/** A struct's decoder, as closures: the fallback where code cannot be generated. */
const struct = (props: t.Props, inPlace: boolean): Fast => {
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

/** A check written out as an expression on `x`, for codecs that decode to their input; `undefined` otherwise. */
const inlineCheck = (codec: t.Decoder<unknown, unknown>): string | undefined => {
  const tag = (codec as unknown as Tagged)._tag
  if (tag === 'StringType' || tag === 'OpenEnumType') return `typeof x === 'string'`
  if (tag === 'NumberType') return `typeof x === 'number'`
  if (tag === 'BooleanType') return `typeof x === 'boolean'`
  return undefined
}

/** Whether this runtime refuses code generation (Workers, `--disallow-code-generation-from-strings`): then closures. */
let noCodegen = false

/**
 * A struct's decoder generated as one straight-line function: a constant property read per field (V8 caches each
 * one), the checks of strings, numbers, booleans and their nullables written inline, other fields through their own
 * compiled decoders. Same semantics as `struct`. `undefined` when the runtime refuses generated code.
 */
const generated = (props: t.Props, inPlace: boolean): Fast | undefined => {
  if (noCodegen) return undefined
  const keys = Object.keys(props)
  const fs: Array<Fast> = []
  const lines: Array<string> = []
  keys.forEach((k) => {
    const key = JSON.stringify(k)
    const codec = props[k] as t.Decoder<unknown, unknown>
    const c = codec as unknown as Tagged
    const plain = inlineCheck(codec)
    const nullablePlain = c._tag === 'NullableType' && c.type !== undefined ? inlineCheck(c.type) : undefined
    lines.push(`x = o[${key}]`)
    if (plain !== undefined) {
      // Decodes to itself: nothing is written, and `undefined` (absent) fails the check.
      lines.push(`if (!(${plain})) return FAIL`)
      return
    }
    if (nullablePlain !== undefined) {
      lines.push(`if (x !== null && x !== undefined && !(${nullablePlain})) return FAIL`)
      lines.push(
        `if (x === undefined) { if (a === o) { if (hasOwn(o, '__proto__')) return FAIL; ${inPlace ? '' : 'a = { ...o }'} } a[${key}] = null }`
      )
      return
    }
    fs.push(compile(codec, inPlace))
    lines.push(
      `v = f${fs.length - 1}(x)`,
      `if (v === FAIL) return FAIL`,
      `if (v !== x || (v === undefined && !hasOwn(o, ${key}))) { if (a === o) { if (hasOwn(o, '__proto__')) return FAIL; ${inPlace ? '' : 'a = { ...o }'} } a[${key}] = v }`
    )
  })
  const source = [
    `return function (o) {`,
    `if (o === null || typeof o !== 'object' || Array.isArray(o)) return FAIL`,
    `let a = o, x, v`,
    ...lines,
    `return a`,
    `}`
  ].join('\n')
  // A child's generation may have been refused meanwhile.
  if (noCodegen) return undefined
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- Node only (see the `#compile` import map)
    const make = new Function('FAIL', 'hasOwn', ...fs.map((_, i) => `f${i}`), source) as (
      ...args: Array<unknown>
    ) => Fast
    return make(FAIL, hasOwn, ...fs)
  } catch {
    noCodegen = true
    return undefined
  }
}

const build = (codec: t.Decoder<unknown, unknown>, inPlace: boolean): Fast => {
  const c = codec as unknown as Tagged
  const tag = c._tag
  const check = checkOf(codec)
  if (check !== undefined) return (u) => (check(u) ? u : FAIL)
  if (tag === 'InterfaceType' && c.props !== undefined) {
    const props = c.props
    return generated(props, inPlace) ?? struct(props, inPlace)
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
