/**
 * The emulator's HTTP layer: CORS, authentication, routing to the store, request logging and fault injection.
 *
 * @since 0.1.0
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { wireTimestamp } from '../codecs/common'
import type { FaultState } from './faults'
import { headBytes, type MutableRecord, type RequestLog } from './request-log'
import { matchRoute, type RouteMatch } from './routes'
import { hasOwn, setOwn, tooDeep, tooDeepMessage } from './schema-language'
import type { Reply, Store } from './store'

/**
 * What the HTTP layer needs.
 *
 * @category model
 * @since 0.1.0
 */
export interface HandlerDeps {
  readonly basePath: string
  readonly workspaceId: string
  readonly token: string
  readonly store: Store
  readonly faults: FaultState
  readonly now: () => number
  readonly maxBodyBytes: number
  /** The request log (bounded by count and bytes). */
  readonly log: RequestLog
  /** Waits (a timer the emulator cancels when it closes). */
  readonly sleep: (ms: number) => Promise<void>
}

const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS'
const ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'Accept', 'X-Requested-With']

const corsHeaders = (req: IncomingMessage): Record<string, string> => {
  const origin = req.headers.origin
  return {
    'Access-Control-Allow-Origin': typeof origin === 'string' && origin !== '' ? origin : '*',
    'Access-Control-Expose-Headers': 'Retry-After, Content-Length, Content-Type, Location',
    Vary: 'Origin'
  }
}

const preflightHeaders = (req: IncomingMessage): Record<string, string> => {
  const requested = req.headers['access-control-request-headers']
  const extra =
    typeof requested === 'string'
      ? requested
          .split(',')
          .map((h) => h.trim())
          .filter((h) => h !== '')
      : []
  const all = [
    ...ALLOWED_HEADERS,
    ...extra.filter((h) => !ALLOWED_HEADERS.some((a) => a.toLowerCase() === h.toLowerCase()))
  ]
  return {
    'Access-Control-Allow-Methods': ALLOWED_METHODS,
    'Access-Control-Allow-Headers': all.join(', '),
    'Access-Control-Max-Age': '600'
  }
}

class BodyTooLarge extends Error {}

const readBody = (req: IncomingMessage, max: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Array<Buffer> = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > max) {
        reject(new BodyTooLarge())
        req.removeAllListeners('data')
        req.resume()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })

interface Encoded {
  readonly status: number
  readonly headers: Record<string, string>
  readonly payload: Buffer
}

const encode = (reply: Reply): Encoded => {
  const headers: Record<string, string> = { ...(reply.headers ?? {}) }
  if (reply.body === undefined || reply.status === 204) {
    return { status: reply.status, headers: { ...headers, 'Content-Length': '0' }, payload: Buffer.alloc(0) }
  }
  const isText = typeof reply.body === 'string'
  const payload = Buffer.from(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body), 'utf8')
  return {
    status: reply.status,
    headers: {
      'Content-Type': isText ? 'text/html; charset=utf-8' : 'application/json;charset=UTF-8',
      ...headers,
      'Content-Length': String(payload.length)
    },
    payload
  }
}

/**
 * The request handler of an emulator.
 *
 * @category constructors
 * @since 0.1.0
 */
export const createHandler = (deps: HandlerDeps) => {
  const { store, log } = deps
  const prefix = `${deps.basePath}/workspaces/`
  let seq = 0

  /** A framework-default body (as Spring answers unknown routes), not the API's error shape. */
  const frameworkError = (status: number, error: string, path: string, headers?: Record<string, string>): Reply => ({
    status,
    body: { timestamp: wireTimestamp(deps.now()), status, error, message: 'No message available', path },
    ...(headers === undefined ? {} : { headers })
  })

  /** The decoded path segments under `/workspaces/`, or a reply when the path is malformed. */
  const segmentsOf = (path: string): ReadonlyArray<string> | Reply => {
    try {
      const segments = path
        .slice(prefix.length)
        .split('/')
        .map((s) => decodeURIComponent(s))
      if (segments.length > 1 && segments[segments.length - 1] === '') segments.pop()
      return segments
    } catch {
      return store.error(400, `Malformed URL path: ${path}`)
    }
  }

  /** Whether the request carries the emulator's token: `missing`, `wrong` or `ok`. */
  const authOf = (req: IncomingMessage): 'missing' | 'wrong' | 'ok' => {
    const auth = req.headers.authorization
    const m = typeof auth === 'string' ? /^Bearer\s+(.+)$/i.exec(auth.trim()) : null
    if (m === null) return 'missing'
    return m[1] === deps.token ? 'ok' : 'wrong'
  }

  /** The route of an authenticated request in the workspace, or undefined. */
  const routeOf = (method: string, path: string): RouteMatch | undefined => {
    if (!path.startsWith(prefix)) return undefined
    const segments = segmentsOf(path)
    if (!Array.isArray(segments)) return undefined
    const [workspaceId, ...rest] = segments as ReadonlyArray<string>
    if (workspaceId !== deps.workspaceId || rest.some((s) => s === '')) return undefined
    return matchRoute(method, rest)
  }

  /** Everything after the body is read: synchronous, so that no other request interleaves. */
  const answer = (req: IncomingMessage, url: URL, text: string): Reply => {
    const method = (req.method ?? 'GET').toUpperCase()
    const path = url.pathname
    const isMe = path === `${deps.basePath}/me` || path === '/me'
    if (!path.startsWith(prefix) && !isMe) return frameworkError(404, 'Not Found', path)

    const auth = authOf(req)
    if (auth !== 'ok') {
      const r = store.error(
        401,
        auth === 'missing'
          ? 'Full authentication is required to access this resource'
          : 'The client is not authorized to access the API'
      )
      return { ...r, headers: { 'WWW-Authenticate': 'Bearer realm="contacthub"' } }
    }
    // `GET /me` is outside every workspace: under the API's base path (as clients build it) and at the root.
    if (isMe) return method === 'GET' ? store.me() : frameworkError(405, 'Method Not Allowed', path, { Allow: 'GET' })

    const segments = segmentsOf(path)
    if (!Array.isArray(segments)) return segments as Reply
    const [workspaceId, ...rest] = segments as ReadonlyArray<string>
    if (workspaceId !== deps.workspaceId) return store.error(403, `workspace not found: ${workspaceId}`)
    if (rest.some((s) => s === '')) return frameworkError(404, 'Not Found', path)

    const match = matchRoute(method, rest)
    if (match._tag === 'unknown') return frameworkError(404, 'Not Found', path)
    if (match._tag === 'wrongMethod')
      return frameworkError(405, 'Method Not Allowed', path, { Allow: match.allow.join(', ') })

    const params = new Map<string, Array<string>>()
    for (const [k, v] of url.searchParams) params.set(k, [...(params.get(k) ?? []), v])

    let body: unknown = undefined
    if (match.route.body && text.trim() !== '') {
      try {
        body = JSON.parse(text) as unknown
      } catch (e) {
        const message = (e as Error).message
        return store.error(400, `Malformed JSON request body: ${message}`, [
          { message, path: '', data: null, code: 'json' }
        ])
      }
      const deep = tooDeep(body)
      if (deep !== undefined) {
        const message = tooDeepMessage(deep)
        return store.error(400, `Invalid request body: ${message}`, [
          { message, path: deep, data: null, code: 'depth' }
        ])
      }
    }
    return match.route.handle({ store, path: match.path, params, body })
  }

  const send = (res: ServerResponse, base: Record<string, string>, reply: Reply, record: MutableRecord): void => {
    const e = encode(reply)
    record.status = e.status
    res.writeHead(e.status, { ...base, ...e.headers })
    res.end(e.payload)
  }

  const cut = (
    res: ServerResponse,
    base: Record<string, string>,
    reply: Reply,
    bytes: number | undefined,
    record: MutableRecord
  ): void => {
    const e = encode(reply.body === undefined ? { ...reply, body: { cut: true } } : reply)
    record.status = e.status
    const n = Math.max(0, Math.min(e.payload.length - 1, bytes ?? Math.floor(e.payload.length / 2)))
    res.writeHead(e.status === 204 ? 200 : e.status, {
      ...base,
      ...e.headers,
      'Content-Length': String(e.payload.length)
    })
    res.flushHeaders()
    const destroy = (): void => {
      res.socket?.destroy()
    }
    if (n > 0) res.write(e.payload.subarray(0, n), () => setImmediate(destroy))
    else setImmediate(destroy)
  }

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase()
    const url = new URL(req.url ?? '/', 'http://emulator.invalid')
    const headers: Record<string, string> = {}
    for (const [k, v] of Object.entries(req.headers))
      if (v !== undefined && k !== 'authorization') setOwn(headers, k, Array.isArray(v) ? v.join(', ') : v)
    const query: Record<string, Array<string>> = {}
    for (const [k, v] of url.searchParams) setOwn(query, k, [...(hasOwn(query, k) ? (query[k] ?? []) : []), v])
    const recordedUrl = req.url ?? '/'
    const record: MutableRecord = {
      seq: seq++,
      method,
      url: recordedUrl,
      path: url.pathname,
      query,
      headers,
      body: undefined,
      at: deps.now(),
      status: undefined,
      fault: undefined,
      hasToken: typeof req.headers.authorization === 'string' && req.headers.authorization.trim() !== '',
      bytes: headBytes(recordedUrl, headers)
    }
    log.add(record)
    const base = corsHeaders(req)

    if (method === 'OPTIONS') {
      record.status = 204
      res.writeHead(204, { ...base, ...preflightHeaders(req), 'Content-Length': '0' })
      res.end()
      return
    }

    let text: string
    try {
      text = (await readBody(req, deps.maxBodyBytes)).toString('utf8')
    } catch (e) {
      if (e instanceof BodyTooLarge) {
        send(
          res,
          { ...base, Connection: 'close' },
          store.error(413, `Request body larger than ${deps.maxBodyBytes} bytes`),
          record
        )
      } else {
        res.socket?.destroy()
      }
      return
    }
    // Only the bodies of authenticated, routed requests are kept: nobody can fill the log without the token.
    if (text !== '' && authOf(req) === 'ok' && routeOf(method, url.pathname)?._tag === 'found') {
      let body: unknown = text
      try {
        const parsed = JSON.parse(text) as unknown
        // a body too deep to walk safely is kept as its text
        if (tooDeep(parsed) === undefined) body = parsed
      } catch {
        // kept as text
      }
      log.keepBody(record, body, Buffer.byteLength(text, 'utf8'))
    }

    const fault = deps.faults.take(method, url.pathname)
    record.fault = fault?.kind
    const latency = deps.faults.latencyMs()
    // A client that gives up during the delay does not stop the request: as on a real server, it still takes effect.
    if (latency > 0) await deps.sleep(latency)

    if (fault?.kind === 'hang') return
    if (fault?.kind === 'reset') {
      req.socket.destroy()
      return
    }
    if (fault?.kind === 'fail') {
      const { retryAfter, body, headers: extra } = fault.options
      const r: Reply =
        body === undefined
          ? store.error(fault.status, `Injected fault: HTTP ${fault.status}`)
          : { status: fault.status, body }
      send(
        res,
        base,
        {
          ...r,
          headers: { ...(retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) }), ...(extra ?? {}) }
        },
        record
      )
      return
    }

    let reply: Reply
    try {
      reply = answer(req, url, text)
    } catch (e) {
      // An emulator bug, never bad input: say so.
      reply = store.error(500, `Internal emulator error: ${(e as Error).message}`)
    }
    if (fault?.kind === 'cut') cut(res, base, reply, fault.options.bytes, record)
    else send(res, base, reply, record)
  }
}
