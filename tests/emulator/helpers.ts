/**
 * Raw-HTTP helpers for the emulator's tests: global fetch, no client library.
 */
import type { Emulator } from '../../src/emulator/index'
import { decodeWith } from '../../src/decode'

/** A parsed JSON body, read loosely by the assertions of these tests. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any

export interface RawResponse {
  readonly status: number
  readonly headers: Headers
  readonly text: string
  /** The parsed JSON body, or undefined when the body is empty or not JSON. */
  readonly body: Json
}

export interface RequestOptions {
  readonly body?: unknown
  /** A raw body, sent as is. */
  readonly raw?: string
  readonly query?: Readonly<Record<string, string | number | ReadonlyArray<string>>>
  readonly headers?: Readonly<Record<string, string>>
  /** Send no Authorization header. */
  readonly noAuth?: boolean
}

export const send = async (url: string, method: string, init: RequestInit = {}): Promise<RawResponse> => {
  const res = await fetch(url, { method, ...init })
  const text = await res.text()
  let body: unknown
  try {
    body = text === '' ? undefined : JSON.parse(text)
  } catch {
    body = undefined
  }
  return { status: res.status, headers: res.headers, text, body }
}

/** A client of one emulator's workspace: `call('GET', '/customers', { query: { nodeId } })`. */
export const client = (emulator: Emulator) => {
  const call = (method: string, path: string, opts: RequestOptions = {}): Promise<RawResponse> => {
    const url = new URL(`${emulator.url}/workspaces/${emulator.workspaceId}${path}`)
    for (const [k, v] of Object.entries(opts.query ?? {})) {
      if (Array.isArray(v)) for (const x of v) url.searchParams.append(k, x)
      else url.searchParams.set(k, String(v))
    }
    const headers: Record<string, string> = {
      ...(opts.noAuth === true ? {} : { Authorization: `Bearer ${emulator.token}` })
    }
    let body: string | undefined
    if (opts.raw !== undefined) body = opts.raw
    else if (opts.body !== undefined) body = JSON.stringify(opts.body)
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    return send(url.toString(), method, { headers: { ...headers, ...(opts.headers ?? {}) }, body })
  }
  const nodeId = emulator.nodeId
  return {
    call,
    nodeId,
    create: async (customer: Record<string, unknown>): Promise<Json> => {
      const r = await call('POST', '/customers', { body: { nodeId, ...customer } })
      if (r.status !== 201) throw new Error(`create failed: ${r.status} ${r.text}`)
      return r.body
    },
    list: (query: Record<string, string | number | ReadonlyArray<string>> = {}) =>
      call('GET', '/customers', { query: { nodeId, ...query } })
  }
}

/** The shape of the API's error body. */
export const expectApiError = (body: Json): void => {
  if (typeof body !== 'object' || body === null) throw new Error(`not an error body: ${JSON.stringify(body)}`)
  for (const k of ['message', 'logref', 'data', 'errors']) {
    if (!(k in body)) throw new Error(`error body without ${k}: ${JSON.stringify(body)}`)
  }
  if (typeof body.message !== 'string' || !Array.isArray(body.errors))
    throw new Error(`bad error body ${JSON.stringify(body)}`)
}

/** The live API's timestamp form. */
export const WIRE_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/

/** A deterministic id generator: `id-1`, `id-2`... */
export const counterIds = (prefix = 'id'): (() => string) => {
  let n = 0
  return () => `${prefix}-${++n}`
}

/** A value decoded with one of the client's codecs (the emulator's answers must decode), or a failing test. */
export const decoded = <A>(codec: Parameters<typeof decodeWith<A>>[0], u: unknown): A => {
  const r = decodeWith(codec)(u)
  if (r._tag === 'Left') throw new Error(`does not decode: ${r.left.join('; ')}`)
  return r.right
}
