// A real HTTP server on 127.0.0.1 for tests: each request is recorded and handed to a scripted handler.
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export interface Recorded {
  readonly method: string
  readonly url: string
  readonly path: string
  readonly query: URLSearchParams
  readonly headers: IncomingMessage['headers']
  readonly body: string
}

export type Handler = (req: Recorded, res: ServerResponse, n: number) => unknown

export interface TestServer {
  readonly url: string
  readonly requests: Array<Recorded>
  handle: (h: Handler) => void
  readonly close: () => Promise<void>
}

/** Starts a server on 127.0.0.1:0. Every socket is destroyed on close, so stalled responses never keep it alive. */
export const startServer = async (initial?: Handler): Promise<TestServer> => {
  const requests: Array<Recorded> = []
  const sockets = new Set<Socket>()
  let handler: Handler = initial ?? ((_, res) => res.end())
  const server = createServer((req, res) => {
    const chunks: Array<Buffer> = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://127.0.0.1')
      const rec: Recorded = {
        method: req.method ?? '',
        url: req.url ?? '',
        path: u.pathname,
        query: u.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8')
      }
      requests.push(rec)
      void Promise.resolve(handler(rec, res, requests.length)).catch(() => res.destroy())
    })
  })
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle: (h) => {
      handler = h
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
}

/**
 * A test server for a whole file: started before its tests, closed after them, its request log cleared before
 * each test. Call it at the top level of a test file; the value is usable inside hooks and tests.
 */
export const useServer = (initial?: Handler): TestServer => {
  let started: TestServer | undefined
  const get = (): TestServer => {
    if (started === undefined) throw new Error('useServer: the server starts in beforeAll')
    return started
  }
  beforeAll(async () => {
    started = await startServer(initial)
  })
  afterAll(() => get().close())
  beforeEach(() => {
    get().requests.length = 0
  })
  return {
    get url() {
      return get().url
    },
    get requests() {
      return get().requests
    },
    handle: (h) => get().handle(h),
    close: () => get().close()
  }
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
