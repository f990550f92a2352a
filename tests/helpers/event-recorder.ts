// A small HTTP server on 127.0.0.1 for the event tests: it records every request (method, path, query, parsed body,
// authorization header) and answers with whatever the current test scripted.
import { answer, parseBody, startServer } from './http'

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

export const startEventRecorder = async (): Promise<EventRecorder> => {
  const requests: Array<RecordedRequest> = []
  let responder: Responder = () => ({ status: 204 })
  const server = await startServer((raw, res) => {
    const recorded: RecordedRequest = {
      method: raw.method,
      path: raw.path,
      query: Object.fromEntries(raw.query),
      body: parseBody(raw.body),
      authorization: raw.headers.authorization
    }
    requests.push(recorded)
    let canned: CannedAnswer
    try {
      canned = responder(recorded)
    } catch {
      canned = { status: 500, body: { message: 'the test responder failed' } }
    }
    answer(res, canned.status, canned.body)
  })
  return {
    url: server.url,
    requests,
    reset: (next) => {
      requests.length = 0
      responder = next ?? (() => ({ status: 204 }))
    },
    close: server.close
  }
}
