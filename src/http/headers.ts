/**
 * Building the headers of a request from the context: the token, the caller's extra headers, and what the client
 * always sends. Internal.
 *
 * @since 0.2.0
 */
import type { Workspace } from '../context'

const UNSENDABLE = /[^\t\x20-\x7e\x80-\xff]/
const TOKEN_CHARS = /^[\w!#$%&'*+.^`|~-]+$/
/** Replaced by the client's own values, silently (as before). */
const OWN = /^(authorization|content-length|host)$/i
/** Hop-by-hop headers the fetch implementations refuse (every attempt would fail): refused up front instead. */
const HOP_BY_HOP = /^(transfer-encoding|connection|upgrade|keep-alive|expect)$/i

/**
 * The headers of every request of a context, or why they cannot be sent (a string). The token is never part of a
 * reason.
 *
 * @category utils
 * @since 0.2.0
 */
export const buildHeaders = (ws: Workspace, hasBody: boolean): string | Record<string, string> => {
  const token: unknown = ws.token
  if (typeof token !== 'string' || token === '') return 'the token must be a non-empty string'
  if (UNSENDABLE.test(token)) return 'the token contains characters that cannot be sent in a header'
  const headers: Record<string, string> = {}
  const extra: unknown = ws.headers
  if (extra !== undefined && (typeof extra !== 'object' || extra === null))
    return 'ctx.headers must be an object of header names and values'
  for (const [name, value] of Object.entries(extra ?? {})) {
    const quoted = JSON.stringify(name)
    if (typeof value !== 'string' || !TOKEN_CHARS.test(name) || UNSENDABLE.test(value))
      return `the header ${quoted.slice(0, 60)} is not a valid header`
    if (HOP_BY_HOP.test(name)) return `the header ${quoted} is managed by the transport and cannot be set`
    if (!OWN.test(name)) headers[name.toLowerCase()] = value
  }
  headers.accept = 'application/json'
  if (hasBody) headers['content-type'] = 'application/json'
  headers.authorization = `Bearer ${token}`
  return headers
}

/**
 * The headers of a request as ofetch holds them on their way to the runtime's own fetch: a plain object of
 * lower-case names and values (what `fetch` takes as a header record) with the `get`/`set`/`has` that ofetch calls
 * on its prototype. Given to `createFetch` as its `Headers`, it saves building a `Headers` that the fetch would then
 * copy again into its request (ofetch's `raw` cost about 50–100k instructions per request with a real `Headers`;
 * `npm run bench:instructions`). Used only with the runtime's own fetch: a custom fetch gets a real `Headers`.
 *
 * @category utils
 * @since 0.2.0
 */
export const PlainHeaders = function (this: Record<string, string>, init?: Readonly<Record<string, string>>): void {
  if (init) for (const name in init) this[name.toLowerCase()] = String(init[name])
} as unknown as typeof Headers

const own = (o: object, name: string): boolean => Object.prototype.hasOwnProperty.call(o, name.toLowerCase())

Object.defineProperties(PlainHeaders.prototype, {
  get: {
    value(this: Record<string, string>, name: string): string | null {
      return own(this, name) ? (this[name.toLowerCase()] ?? null) : null
    }
  },
  set: {
    value(this: Record<string, string>, name: string, value: string): void {
      this[name.toLowerCase()] = String(value)
    }
  },
  has: {
    value(this: object, name: string): boolean {
      return own(this, name)
    }
  }
})
