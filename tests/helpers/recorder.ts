// A loopback HTTP recorder: a real server on 127.0.0.1:0 that records every request (method, path, query, body)
// and answers canned JSON responses, either from a FIFO queue or from a responder function.
import { answer, parseBody, startServer } from './http'
import type { Context } from '../../src/context'

export interface Recorded {
  readonly method: string
  /** The raw (still percent-encoded) path. */
  readonly path: string
  readonly query: Readonly<Record<string, string | ReadonlyArray<string>>>
  /** The parsed JSON body, the raw text when it is not JSON, `undefined` when empty. */
  readonly body: unknown
  readonly headers: Readonly<Record<string, string | ReadonlyArray<string> | undefined>>
}

export interface Canned {
  readonly status: number
  /** Sent as JSON; `undefined` sends an empty body. */
  readonly body?: unknown
}

export type Responder = (req: Recorded) => Canned | Promise<Canned>

export interface Recorder {
  readonly url: string
  readonly ctx: Context
  readonly requests: Array<Recorded>
  /** Queues canned answers, used in order; when the queue is empty the responder answers. */
  readonly reply: (...canned: ReadonlyArray<Canned>) => void
  /** Sets the responder used when the queue is empty (default: 404). */
  readonly respond: (responder: Responder) => void
  /** Forgets requests, queued answers and the responder. */
  readonly reset: () => void
  readonly close: () => Promise<void>
}

const notFound: Responder = () => ({ status: 404, body: { message: 'no canned answer' } })

export const startRecorder = async (): Promise<Recorder> => {
  const requests: Array<Recorded> = []
  let queue: Array<Canned> = []
  let responder: Responder = notFound
  const server = await startServer(async (raw, res) => {
    const query: Record<string, string | Array<string>> = {}
    for (const key of new Set(raw.query.keys())) {
      const all = raw.query.getAll(key)
      query[key] = all.length === 1 ? all[0] : all
    }
    const rec: Recorded = {
      method: raw.method,
      path: raw.url.split('?')[0],
      query,
      body: parseBody(raw.body),
      headers: raw.headers
    }
    requests.push(rec)
    const canned = await (queue.shift() ?? responder(rec))
    answer(res, canned.status, canned.body === undefined ? undefined : JSON.stringify(canned.body))
  })
  return {
    url: server.url,
    ctx: { workspaceId: 'w', nodeId: 'n', token: 'secret-token', baseUrl: server.url, retry: false },
    requests,
    reply: (...canned) => {
      queue.push(...canned)
    },
    respond: (r) => {
      responder = r
    },
    reset: () => {
      requests.length = 0
      queue = []
      responder = notFound
    },
    close: server.close
  }
}
