/**
 * Building blocks shared by every codec: nullable fields, timestamps and dates as the wire really carries them.
 *
 * Timestamps surface as ISO 8601 strings in UTC with milliseconds (`2019-06-14T08:21:05.118Z`), everywhere:
 * serialisable, comparable, and parseable by every engine's `Date`. The wire's `+0000` form is parsed explicitly.
 *
 * @since 0.1.0
 */
import * as t from '#io-ts/index'
import { put } from '../http/redact'

/**
 * A plain JSON object, as the API's objects are.
 *
 * @internal
 * @category model
 * @since 0.2.0
 */
export type Rec = Readonly<Record<string, unknown>>

/**
 * Whether `u` is a non-null object that is not an array.
 *
 * @internal
 * @category refinements
 * @since 0.2.0
 */
export const isRecord = (u: unknown): u is Rec => typeof u === 'object' && u !== null && !Array.isArray(u)

/**
 * A codec of `A | null` that also takes an absent (`undefined`) value as `null`. It validates in place: a present
 * value is handed to `codec` unchanged, so objects that need no conversion are returned as they came.
 *
 * @category combinators
 * @since 0.1.0
 */
export const nullable = <C extends t.Mixed>(codec: C): NullableType<C> =>
  Object.assign(
    new t.Type<t.TypeOf<C> | null, t.OutputOf<C> | null, unknown>(
      `${codec.name} | null`,
      (u): u is t.TypeOf<C> | null => u === null || codec.is(u),
      (u, c) => (u === null || u === undefined ? t.success(null) : codec.validate(u, c)),
      (a) => (a === null ? null : (codec.encode(a) as t.OutputOf<C>))
    ),
    { _tag: 'NullableType' as const, type: codec }
  )

/**
 * The type of a codec of `A | null` that also takes an absent value as `null`: an io-ts `Type` that names its inner
 * codec (as `t.array` does). The codecs of nullable customer fields have it.
 *
 * @category model
 * @since 0.1.0
 */
export interface NullableType<C extends t.Mixed> extends t.Type<t.TypeOf<C> | null, t.OutputOf<C> | null, unknown> {
  readonly _tag: 'NullableType'
  readonly type: C
}

/**
 * A value of an enumeration the server may extend: one of the `Known` values (which editors offer for
 * autocompletion), or any other string (a value added by a later release of the API).
 *
 * @example
 * import type { OpenEnum } from 'contacthub-fp'
 * const kind: OpenEnum<'SERVICE' | 'OTHER'> = 'NEWSLETTER' // also accepted: another string
 *
 * @category model
 * @since 0.2.0
 */
export type OpenEnum<Known extends string> = Known | (string & {})

/**
 * The codec `openEnum` returns: an io-ts `Type` that also lists the known values.
 *
 * @category model
 * @since 0.2.0
 */
export interface OpenEnumType<Known extends string> extends t.Type<OpenEnum<Known>, string, unknown> {
  readonly _tag: 'OpenEnumType'
  /** The values known to this version of the client (may be empty when listing them would cost bundle size). */
  readonly values: ReadonlyArray<Known>
}

/**
 * The codec of an enumeration decoded as an open union: any string decodes (kept as the server sent it), so that a
 * value the vendor adds does not fail a whole page; anything else fails. Its type, `OpenEnum<Known>`, still offers
 * the known values.
 *
 * @example
 * const Kind = openEnum(['SERVICE', 'OTHER'], 'Kind')
 * E.isRight(Kind.decode('NEWSLETTER')) // true
 * E.isRight(Kind.decode(1)) // false
 *
 * @category combinators
 * @since 0.2.0
 */
export const openEnum = <Known extends string>(values: ReadonlyArray<Known>, name: string): OpenEnumType<Known> =>
  Object.assign(
    new t.Type<OpenEnum<Known>, string, unknown>(
      name,
      (u): u is OpenEnum<Known> => typeof u === 'string',
      (u, c) => (typeof u === 'string' ? t.success(u) : t.failure(u, c)),
      (a) => a
    ),
    { _tag: 'OpenEnumType' as const, values }
  )

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/**
 * Whether y-m-d is a real calendar day. February has 28 days, 29 in a leap year; from January, months alternate 31
 * and 30 days, and from August the other way round: `30 + ((m + (m >> 3)) & 1)`.
 */
const validDate = (y: number, m: number, d: number): boolean =>
  m >= 1 &&
  m <= 12 &&
  d >= 1 &&
  d <= (m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : 30 + ((m + (m >> 3)) & 1))

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/

/** Two decimal digits at `i`, or -1. */
const d2 = (s: string, i: number): number => {
  const a = s.charCodeAt(i) - 48
  const b = s.charCodeAt(i + 1) - 48
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1
}

/** Whether `s` starts with `YYYY-MM-DD`, a real calendar day, checked digit by digit. */
const dateAt = (s: string): boolean => {
  const y1 = d2(s, 0)
  const y2 = d2(s, 2)
  // (y1 | y2) < 0 when either is -1 (not two digits).
  return s[4] === '-' && s[7] === '-' && (y1 | y2) >= 0 && validDate(y1 * 100 + y2, d2(s, 5), d2(s, 8))
}

/**
 * The wire's own UTC forms, `2017-03-08T10:18:17.000+0000` and `2017-03-08T10:18:17.000Z`, checked digit by digit
 * and rewritten as `…Z` without a regular expression or a `Date` (the same result as `parseTimestamp` then
 * `isoString`); `undefined` for any other form, which the general parser handles.
 */
const utcFast = (s: string): string | undefined => {
  const len = s.length
  if (len === 28 ? s.slice(23) !== '+0000' : len !== 24 || s[23] !== 'Z') return undefined
  const h = d2(s, 11)
  const mi = d2(s, 14)
  const sec = d2(s, 17)
  const ms = d2(s, 20) | d2(s, 21)
  if (s[10] !== 'T' || s[13] !== ':' || s[16] !== ':' || s[19] !== '.' || ms < 0 || h > 23 || mi > 59 || sec > 59)
    return undefined
  // h, mi, sec are -1 when they are not two digits: (h | mi | sec) < 0.
  if ((h | mi | sec) < 0 || !dateAt(s)) return undefined
  return len === 24 ? s : `${s.slice(0, 23)}Z`
}

/**
 * Parses a date-time the way the API writes it (`2017-03-08T10:18:17.000+0000`), and the other ISO 8601 forms
 * (`Z`, `+02:00`, no milliseconds, no seconds, a space instead of `T`), into milliseconds since the epoch.
 * With `assumeUtc`, a value with no offset is read as UTC; without it, such a value is refused.
 * Returns `undefined` for anything else. It does not use `Date`'s lenient parser.
 *
 * @category utils
 * @since 0.1.0
 */
export const parseTimestamp = (s: string, assumeUtc = false): number | undefined => {
  const m = TIMESTAMP.exec(s)
  if (m === null) return undefined
  // An absent group (seconds, fraction) counts as 0.
  const n = (i: number): number => Number(m[i] ?? 0)
  const y = n(1)
  const mo = n(2)
  const d = n(3)
  const h = n(4)
  const mi = n(5)
  const sec = n(6)
  const ms = Math.floor(Number(`0.${m[7] ?? 0}`) * 1000)
  if (!validDate(y, mo, d) || h > 23 || mi > 59 || sec > 59) return undefined
  const zone = m[8]
  let offsetMin = 0
  if (zone === undefined) {
    if (!assumeUtc) return undefined
  } else if (zone !== 'Z' && zone !== 'z') {
    const digits = zone.slice(1).replace(':', '')
    const oh = Number(digits.slice(0, 2))
    const om = Number(digits.slice(2, 4) || 0)
    if (oh > 23 || om > 59) return undefined
    offsetMin = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om)
  }
  const date = new Date(0)
  date.setUTCFullYear(y, mo - 1, d)
  date.setUTCHours(h, mi, sec, ms)
  return date.getTime() - offsetMin * 60_000
}

/**
 * Formats milliseconds since the epoch as `2019-06-14T08:21:05.118Z`.
 *
 * @category utils
 * @since 0.1.0
 */
export const isoString = (ms: number): string => new Date(ms).toISOString()

/**
 * Formats milliseconds since the epoch the way the API writes timestamps: `2019-06-14T08:21:05.118+0000`.
 *
 * @category utils
 * @since 0.1.0
 */
export const wireTimestamp = (ms: number): string => new Date(ms).toISOString().replace('Z', '+0000')

/**
 * Whether `s` is a bare `YYYY-MM-DD` that is a real calendar day, checked digit by digit (no regular expression, no
 * `Date`).
 *
 * @internal
 * @category utils
 * @since 0.2.0
 */
export const validDateOnly = (s: string): boolean => s.length === 10 && dateAt(s)

/**
 * A timestamp the server sets (`registeredAt`, `updatedAt`, an event's `date`), decoded strictly: the wire's
 * `2017-03-08T10:18:17.000+0000` (or any ISO 8601 date-time with an offset) becomes `2017-03-08T10:18:17.000Z`.
 * Anything else fails with its path.
 *
 * @category codecs
 * @since 0.1.0
 */
export const Timestamp = /*#__PURE__*/ new t.Type<string, string, unknown>(
  'Timestamp',
  // The normal form, a real instant: `utcFast` gives such a string back unchanged.
  (u): u is string => typeof u === 'string' && utcFast(u) === u,
  (u, c) => {
    if (typeof u !== 'string') return t.failure(u, c)
    const fast = utcFast(u)
    if (fast !== undefined) return t.success(fast)
    const ms = parseTimestamp(u)
    if (ms === undefined) return t.failure(u, c)
    const iso = isoString(ms)
    return t.success(iso === u ? u : iso)
  },
  (a) => wireTimestamp(parseTimestamp(a) ?? 0)
)

/**
 * A date-time that echoes what a client once wrote (like, subscription and consent dates). Decoded leniently:
 * a date-time (with or without offset, read as UTC when it has none) becomes `…Z` ISO; a date alone becomes
 * midnight UTC; any other string is kept as the server sent it. Only non-strings fail.
 *
 * @category codecs
 * @since 0.1.0
 */
export const LenientTimestamp = /*#__PURE__*/ new t.Type<string, string, unknown>(
  'LenientTimestamp',
  (u): u is string => typeof u === 'string',
  (u, c) => {
    if (typeof u !== 'string') return t.failure(u, c)
    const fast = utcFast(u)
    if (fast !== undefined) return t.success(fast)
    const ms = parseTimestamp(u, true) ?? parseTimestamp(`${u}T00:00:00Z`)
    // (the second form parses only when `u` is a bare YYYY-MM-DD: a date alone is midnight UTC)
    return t.success(ms === undefined ? u : isoString(ms))
  },
  (a) => a
)

/**
 * A date without time (`base.dob`, a job's `startDate`/`endDate`): `YYYY-MM-DD` stays as it is; a date-time that
 * parses is normalised to `…Z` ISO; any other string is kept as the server sent it. Only non-strings fail.
 *
 * @category codecs
 * @since 0.1.0
 */
export const LenientDate = /*#__PURE__*/ new t.Type<string, string, unknown>(
  'LenientDate',
  (u): u is string => typeof u === 'string',
  (u, c) => {
    if (typeof u !== 'string') return t.failure(u, c)
    if (validDateOnly(u)) return t.success(u)
    const ms = parseTimestamp(u, true)
    return t.success(ms === undefined ? u : isoString(ms))
  },
  (a) => a
)

/**
 * A date a user passes in: a `Date`, or a string the API understands.
 *
 * @category model
 * @since 0.1.0
 */
export type DateInput = Date | string

/**
 * Serialises a date input as `YYYY-MM-DD` (a `Date` by its UTC calendar day; a string is sent as given).
 * Returns `undefined` for an invalid `Date`.
 *
 * @category utils
 * @since 0.1.0
 */
export const toDateOnly = (d: DateInput): string | undefined => {
  if (typeof d === 'string') return d
  const ms = d.getTime()
  if (Number.isNaN(ms)) return undefined
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/**
 * Serialises a date input as an ISO date-time (`2019-06-14T08:21:05.118Z`); a string that parses as a date-time or
 * a date is normalised, another string is sent as given. Returns `undefined` for an invalid `Date`.
 *
 * @category utils
 * @since 0.1.0
 */
export const toDateTime = (d: DateInput): string | undefined => {
  if (typeof d === 'string') {
    const ms = parseTimestamp(d, true) ?? parseTimestamp(`${d}T00:00:00Z`)
    return ms === undefined ? d : isoString(ms)
  }
  const ms = d.getTime()
  return Number.isNaN(ms) ? undefined : isoString(ms)
}

/**
 * A copy of a JSON-like value without the object properties whose value is `null` or `undefined`, at every depth
 * (array items are kept). Create and full-update bodies use it: absent means unset.
 *
 * @category utils
 * @since 0.1.0
 */
export const withoutNulls = (u: unknown): unknown => {
  if (Array.isArray(u)) return u.map(withoutNulls)
  if (u instanceof Date || typeof u !== 'object' || u === null) return u
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(u)) {
    if (v === null || v === undefined) continue
    put(out, k, withoutNulls(v))
  }
  return out
}
