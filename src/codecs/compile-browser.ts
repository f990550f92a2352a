/**
 * The browser variant of `codecs/compile.ts`, chosen by the `browser` condition of the package's `#compile` import:
 * nothing is compiled, io-ts decodes. It gives the same results as the compiled fast path (tests/size compares them
 * on fuzzed inputs) and keeps ~0.5 KB gz out of every browser bundle that decodes. Internal.
 *
 * @since 0.2.0
 */
import type * as t from '#io-ts/index'

/** Returned by a decoder of this module when the value does not match.
 *
 * @category constants
 * @since 0.2.0
 */
export const FAIL: unique symbol = Symbol('contacthub-fp/fail')

/**
 * A decoder: the decoded value, or `FAIL`.
 *
 * @category model
 * @since 0.2.0
 */
export type Fast = (u: unknown) => unknown

/**
 * Whether a value decodes.
 *
 * @category model
 * @since 0.2.0
 */
export type Check = (u: unknown) => boolean

/**
 * io-ts's own decoding, shaped as a compiled decoder (`inPlace` is ignored: io-ts copies what it converts).
 *
 * @category utils
 * @since 0.2.0
 */
export const compile =
  (codec: t.Decoder<unknown, unknown>, _inPlace?: boolean): Fast =>
  (u) => {
    const r = codec.decode(u)
    return r._tag === 'Right' ? r.right : FAIL
  }

/**
 * io-ts's own decoding, as a check.
 *
 * @category utils
 * @since 0.2.0
 */
export const compileCheck =
  (codec: t.Decoder<unknown, unknown>): Check =>
  (u) =>
    codec.decode(u)._tag === 'Right'
