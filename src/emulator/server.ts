/**
 * The emulator's HTTP layer: CORS, authentication, routing to the store, request logging and fault injection.
 *
 * @since 0.1.0
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { wireTimestamp } from '../codecs/common'
import type { Fault, FaultState } from './faults'
import { isEntityName } from './customer-schema'
import { hasOwn, setOwn } from './schema-language'
import type { Params, Reply, Store } from './store'

/**
 * One request the emulator received, as its log keeps it.
 *
 * @category model
 * @since 0.1.0
 */
export interface RecordedRequest {
  /** 0, 1, 2... in order of arrival. */
  readonly seq: number
  readonly method: string
  /** The path and query string as sent. */
  readonly url: string
  /** The URL path, e.g. `/hub/v1/workspaces/w/customers`. */
  readonly path: string
  /** The query parameters (a repeated parameter has every value). */
  readonly query: Readonly<Record<string, ReadonlyArray<string>>>
  /** Request headers, lower-case names. */
  readonly headers: Readonly<Record<string, string>>
  /** The body: parsed JSON, the raw text when it is not JSON, `undefined` when empty. */
  readonly body: unknown
  /** When it arrived (the emulator's clock). */
  readonly at: number
  /** The status answered; `undefined` while pending, and for requests that were reset or left hanging. */
  readonly status: number | undefined
  /** The fault it took, if any. */
  readonly fault: Fault['kind'] | undefined
}

type MutableRecord = { -readonly [K in keyof RecordedRequest]: RecordedRequest[K] }

/** What the HTTP layer needs. */
export interface HandlerDeps {
  readonly basePath: string
  readonly workspaceId: string
  readonly token: string
  readonly store: Store
  readonly faults: FaultState
  readonly now: () => number
  readonly maxBodyBytes: number
  readonly log: Array<RecordedRequest>
  /** The log keeps the latest requests only. */
  readonly maxLoggedRequests: number
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

class Malformed extends Error {}

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

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH'])

/** The request handler of an emulator. */
export const createHandler = (deps: HandlerDeps) => {
  const { store } = deps
  let seq = 0

  /** A framework-default body (as Spring answers unknown routes), not the API's error shape. */
  const frameworkError = (status: number, error: string, path: string, headers?: Record<string, string>): Reply => ({
    status,
    body: { timestamp: wireTimestamp(deps.now()), status, error, message: 'No message available', path },
    ...(headers === undefined ? {} : { headers })
  })

  const route = (
    method: string,
    path: string,
    segments: ReadonlyArray<string>,
    params: Params,
    body: () => unknown
  ): Reply => {
    const notFound = (): Reply => frameworkError(404, 'Not Found', path)
    const allow = (methods: string, handlers: Readonly<Record<string, () => Reply>>): Reply => {
      const h = handlers[method]
      return h === undefined ? frameworkError(405, 'Method Not Allowed', path, { Allow: methods }) : h()
    }
    const [collection, id, sub, subId, ...rest] = segments
    if (rest.length > 0) return notFound()
    if (collection === 'customers') {
      if (id === undefined) {
        return allow('GET, POST', {
          GET: () => store.listCustomers(params),
          POST: () => store.createCustomer(body(), params)
        })
      }
      if (sub === undefined) {
        return allow('GET, PATCH, PUT, DELETE', {
          GET: () => store.getCustomer(id),
          PATCH: () => store.patchCustomer(id, body(), params),
          PUT: () => store.putCustomer(id, body(), params),
          DELETE: () => store.deleteCustomer(id)
        })
      }
      if (sub === 'sessions') {
        return subId === undefined
          ? allow('GET, POST', { GET: () => store.listSessions(id), POST: () => store.addSession(id, body()) })
          : allow('GET, DELETE', {
              GET: () => store.getSession(id, subId),
              DELETE: () => store.deleteSession(id, subId)
            })
      }
      if (isEntityName(sub)) {
        return subId === undefined
          ? allow('GET, POST', {
              GET: () => store.listEntities(id, sub),
              POST: () => store.addEntity(id, sub, body())
            })
          : allow('GET, PUT, DELETE', {
              GET: () => store.getEntity(id, sub, subId),
              PUT: () => store.putEntity(id, sub, subId, body()),
              DELETE: () => store.deleteEntity(id, sub, subId)
            })
      }
      return notFound()
    }
    if (collection === 'events' && sub === undefined) {
      return id === undefined
        ? allow('GET, POST', { GET: () => store.listEvents(params), POST: () => store.addEvent(body()) })
        : allow('GET, PUT, DELETE', {
            GET: () => store.getEvent(id),
            PUT: () => store.putEvent(id, body()),
            DELETE: () => store.deleteEvent(id)
          })
    }
    return notFound()
  }

  /** Everything after the body is read: synchronous, so that no other request interleaves. */
  const answer = (req: IncomingMessage, url: URL, text: string): Reply => {
    const method = (req.method ?? 'GET').toUpperCase()
    const path = url.pathname
    const prefix = `${deps.basePath}/workspaces/`
    if (!path.startsWith(prefix)) return frameworkError(404, 'Not Found', path)

    const auth = req.headers.authorization
    const m = typeof auth === 'string' ? /^Bearer\s+(.+)$/i.exec(auth.trim()) : null
    if (m === null || m[1] !== deps.token) {
      const r = store.error(
        401,
        m === null ? 'Full authentication is required to access this resource' : 'Invalid access token'
      )
      return { ...r, headers: { 'WWW-Authenticate': 'Bearer realm="contacthub"' } }
    }

    let segments: Array<string>
    try {
      segments = path
        .slice(prefix.length)
        .split('/')
        .map((s) => decodeURIComponent(s))
    } catch {
      return store.error(400, `Malformed URL path: ${path}`)
    }
    if (segments.length > 1 && segments[segments.length - 1] === '') segments.pop()
    const [workspaceId, ...rest] = segments
    if (workspaceId !== deps.workspaceId) return store.error(403, `workspace not found: ${workspaceId}`)
    if (rest.some((s) => s === '')) return frameworkError(404, 'Not Found', path)

    const params = new Map<string, Array<string>>()
    for (const [k, v] of url.searchParams) params.set(k, [...(params.get(k) ?? []), v])

    let parsed: { ok: true; value: unknown } | { ok: false; error: string } = { ok: true, value: undefined }
    if (METHODS_WITH_BODY.has(method) && text.trim() !== '') {
      try {
        parsed = { ok: true, value: JSON.parse(text) as unknown }
      } catch (e) {
        parsed = { ok: false, error: (e as Error).message }
      }
    }
    try {
      return route(method, path, rest, params, () => {
        if (!parsed.ok) throw new Malformed(parsed.error)
        return parsed.value
      })
    } catch (e) {
      if (e instanceof Malformed) {
        return store.error(400, `Malformed JSON request body: ${e.message}`, [
          { message: e.message, path: '', data: null, code: 'json' }
        ])
      }
      throw e
    }
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
      if (v !== undefined) setOwn(headers, k, Array.isArray(v) ? v.join(', ') : v)
    const query: Record<string, Array<string>> = {}
    for (const [k, v] of url.searchParams) setOwn(query, k, [...(hasOwn(query, k) ? query[k] : []), v])
    const record: MutableRecord = {
      seq: seq++,
      method,
      url: req.url ?? '/',
      path: url.pathname,
      query,
      headers,
      body: undefined,
      at: deps.now(),
      status: undefined,
      fault: undefined
    }
    deps.log.push(record)
    if (deps.log.length > deps.maxLoggedRequests) deps.log.splice(0, deps.log.length - deps.maxLoggedRequests)
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
    if (text !== '') {
      try {
        record.body = JSON.parse(text) as unknown
      } catch {
        record.body = text
      }
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
