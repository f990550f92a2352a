// A small HTTP server on 127.0.0.1 for the event tests: it records every request (method, path, query, parsed body,
// authorization header) and answers with whatever the current test scripted.
import { createServer } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export interface RecordedRequest {
  readonly method: string
  /** The path without the query string, decoded as the server saw it. */
  readonly path: string
  /** The query parameters, one value each (the last wins). */
  readonly query: Readonly<Record<string, string>>
  /** The parsed JSON body; `undefined` when there was none. */
  readonly body: unknown
  readonly authorization: string | undefined
}

export interface CannedAnswer {
  readonly status: number
  /** A value sent as JSON, or a string sent as it is; nothing when absent. */
  readonly body?: unknown
}

export type Responder = (req: RecordedRequest) => CannedAnswer

export interface EventRecorder {
  /** The base URL to put in a context. */
  readonly url: string
  readonly requests: Array<RecordedRequest>
  /** Sets how the next requests are answered, and forgets the recorded ones. */
  readonly reset: (responder?: Responder) => void
  readonly close: () => Promise<void>
}

const parse = (text: string): unknown => {
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

export const startEventRecorder = async (): Promise<EventRecorder> => {
  const requests: Array<RecordedRequest> = []
  const sockets = new Set<Socket>()
  let responder: Responder = () => ({ status: 204 })
  const server = createServer((req, res) => {
    const chunks: Array<Buffer> = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body: parse(Buffer.concat(chunks).toString('utf8')),
        authorization: req.headers.authorization
      }
      requests.push(recorded)
      let answer: CannedAnswer
      try {
        answer = responder(recorded)
      } catch {
        answer = { status: 500, body: { message: 'the test responder failed' } }
      }
      if (answer.body === undefined) {
        res.writeHead(answer.status)
        res.end()
        return
      }
      const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body)
      res.writeHead(answer.status, { 'content-type': 'application/json' })
      res.end(text)
    })
  })
  server.on('connection', (s: Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reset: (next) => {
      requests.length = 0
      responder = next ?? (() => ({ status: 204 }))
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
}
