// The one loopback recorder of the tests: a real HTTP server on 127.0.0.1:0 that records every request and answers
// what the current test scripted, from a FIFO queue of canned answers first, then from its handler.
// `useRecorder()` is the per-file fixture: started before the tests, cleared after each, closed after them all.
import { afterAll, afterEach, beforeAll } from 'vitest'
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { Context } from '../../src/context'

export interface Recorded {
  readonly method: string
  /** The request target as sent: the raw (still percent-encoded) path and query string. */
  readonly url: string
  /** The raw (still percent-encoded, not normalised) path, without the query string. */
  readonly path: string
  /** The query parameters: a string for a key sent once, the list of values for a key sent more than once. */
  readonly query: Readonly<Record<string, string | ReadonlyArray<string>>>
  /** The query parameters as `URLSearchParams`, for `get`, `getAll` and `has`. */
  readonly searchParams: URLSearchParams
  readonly headers: IncomingHttpHeaders
  /** The body as text; '' when there was none. */
  readonly text: string
  /** The body parsed: JSON when it is JSON, the text otherwise, `undefined` when empty. */
  readonly body: unknown
}

/** Answers a request: `n` is how many requests the recorder has seen, this one included. */
export type Handler = (req: Recorded, res: ServerResponse, n: number) => unknown

export interface Canned {
  readonly status: number
  /** Sent as JSON; `undefined` sends an empty body. */
  readonly body?: unknown
}

export type Responder = (req: Recorded) => Canned | Promise<Canned>

export interface Recorder {
  /** The base URL to put in a context. */
  readonly url: string
  /** A context for this recorder: workspace `w`, node `n`, token `secret-token`, no retries. */
  readonly ctx: Context
  readonly requests: Array<Recorded>
  /** Queues canned answers, used in order before the handler answers. */
  readonly reply: (...canned: ReadonlyArray<Canned>) => void
  /** Sets the handler that answers when the queue is empty. */
  readonly handle: (handler: Handler) => void
  /** Sets a responder of canned answers as the handler. */
  readonly respond: (responder: Responder) => void
  /** Forgets the requests and the queued answers, and puts the first handler back. */
  readonly reset: () => void
  /** Closes the server; every socket is destroyed, so a stalled response never keeps it alive. */
  readonly close: () => Promise<void>
}

/** Parses a recorded body: JSON when it is JSON, the text otherwise, `undefined` when empty. */
export const parseBody = (text: string): unknown => {
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** Answers `status` with `body`: nothing when `undefined`, a string as it is, anything else as JSON. */
export const answer = (res: ServerResponse, status: number, body?: unknown): void => {
  if (body === undefined) {
    res.writeHead(status, { 'content-length': '0' })
    res.end()
    return
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) })
  res.end(text)
}

/** Answers with a JSON body. */
export const json = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void => {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers
  })
  res.end(text)
}

const sendCanned = (res: ServerResponse, canned: Canned): void =>
  answer(res, canned.status, canned.body === undefined ? undefined : JSON.stringify(canned.body))

/** A handler that answers what the responder returns; a responder that throws gets a 500. */
export const replyWith =
  (responder: Responder): Handler =>
  async (req, res) => {
    let canned: Canned
    try {
      canned = await responder(req)
    } catch {
      canned = { status: 500, body: { message: 'the test responder failed' } }
    }
    sendCanned(res, canned)
  }

/** The handler of a recorder started without one: every request is a 404. */
export const noCannedAnswer: Handler = replyWith(() => ({ status: 404, body: { message: 'no canned answer' } }))

const queryOf = (params: URLSearchParams): Record<string, string | ReadonlyArray<string>> => {
  const query: Record<string, string | ReadonlyArray<string>> = {}
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key)
    query[key] = all.length === 1 ? (all[0] ?? '') : all
  }
  return query
}

/** Starts a recorder on 127.0.0.1:0, answering with `initial` (default: 404) when no canned answer is queued. */
export const startRecorder = async (initial: Handler = noCannedAnswer): Promise<Recorder> => {
  const requests: Array<Recorded> = []
  const sockets = new Set<Socket>()
  let queue: Array<Canned> = []
  let handler = initial
  const server = createServer((req, res) => {
    const chunks: Array<Buffer> = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = req.url ?? ''
      const searchParams = new URL(url, 'http://127.0.0.1').searchParams
      const text = Buffer.concat(chunks).toString('utf8')
      const rec: Recorded = {
        method: req.method ?? '',
        url,
        path: url.split('?')[0] ?? '',
        query: queryOf(searchParams),
        searchParams,
        headers: req.headers,
        text,
        body: parseBody(text)
      }
      requests.push(rec)
      const queued = queue.shift()
      const answering = queued === undefined ? handler(rec, res, requests.length) : sendCanned(res, queued)
      void Promise.resolve(answering).catch(() => res.destroy())
    })
  })
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}`
  return {
    url,
    ctx: { workspaceId: 'w', nodeId: 'n', token: 'secret-token', baseUrl: url, retry: false },
    requests,
    reply: (...canned) => {
      queue.push(...canned)
    },
    handle: (h) => {
      handler = h
    },
    respond: (r) => {
      handler = replyWith(r)
    },
    reset: () => {
      requests.length = 0
      queue = []
      handler = initial
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
}

/**
 * A recorder for a whole file (or describe block): started in `beforeAll`, reset after each test (requests, queue
 * and handler), closed in `afterAll`. Call it at the top level of the file or block; the value is usable inside
 * hooks and tests.
 */
export const useRecorder = (initial?: Handler): Recorder => {
  let started: Recorder | undefined
  const get = (): Recorder => {
    if (started === undefined) throw new Error('useRecorder: the recorder starts in beforeAll')
    return started
  }
  beforeAll(async () => {
    started = await startRecorder(initial)
  })
  afterEach(() => get().reset())
  afterAll(() => get().close())
  return {
    get url() {
      return get().url
    },
    get ctx() {
      return get().ctx
    },
    get requests() {
      return get().requests
    },
    reply: (...canned) => get().reply(...canned),
    handle: (h) => get().handle(h),
    respond: (r) => get().respond(r),
    reset: () => get().reset(),
    close: () => get().close()
  }
}
