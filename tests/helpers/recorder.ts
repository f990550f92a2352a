// A loopback HTTP recorder: a real server on 127.0.0.1:0 that records every request (method, path, query, body)
// and answers canned JSON responses, either from a FIFO queue or from a responder function.
import { createServer } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
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
  const sockets = new Set<Socket>()
  const server = createServer((req, res) => {
    const chunks: Array<Buffer> = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://127.0.0.1')
      const query: Record<string, string | Array<string>> = {}
      for (const key of new Set(u.searchParams.keys())) {
        const all = u.searchParams.getAll(key)
        query[key] = all.length === 1 ? all[0] : all
      }
      const text = Buffer.concat(chunks).toString('utf8')
      let body: unknown = undefined
      if (text !== '') {
        try {
          body = JSON.parse(text)
        } catch {
          body = text
        }
      }
      const rec: Recorded = { method: req.method ?? '', path: (req.url ?? '/').split('?')[0], query, body, headers: req.headers }
      requests.push(rec)
      const next = queue.shift()
      void Promise.resolve(next ?? responder(rec)).then(
        (canned) => {
          if (canned.body === undefined) {
            res.writeHead(canned.status, { 'content-length': '0' })
            res.end()
          } else {
            const payload = JSON.stringify(canned.body)
            res.writeHead(canned.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) })
            res.end(payload)
          }
        },
        () => res.destroy()
      )
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
    respond: (r) => {
      responder = r
    },
    reset: () => {
      requests.length = 0
      queue = []
      responder = notFound
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
}
