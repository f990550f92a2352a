/**
 * `contacthub-fp/emulator`: a local, in-memory server that speaks the Contacthub wire format, so that tests, demos
 * and users' own test suites run against real HTTP on 127.0.0.1. Node only.
 *
 * @example
 * import { startEmulator } from 'contacthub-fp/emulator'
 * import { addCustomer } from 'contacthub-fp'
 *
 * const emulator = await startEmulator()
 * const result = await addCustomer(emulator.context, { base: { firstName: 'Ada' } })()
 * emulator.faults.failNext(1, 503, { retryAfter: 1 })
 * await emulator.close()
 *
 * @since 0.1.0
 */
import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { Context } from '../context'
import { createFaults, type Faults } from './faults'
import { createRequestLog, type RecordedRequest } from './request-log'
import { createHandler } from './server'
import { createStore, type EmulatorUser } from './store'

export type { CutOptions, FailOptions, Faults, RequestMatcher } from './faults'
export type { RecordedRequest } from './request-log'
export type { EmulatorUser } from './store'

/**
 * Options of {@link startEmulator}. Every one is optional.
 *
 * @category model
 * @since 0.1.0
 */
export interface EmulatorOptions {
  /** Default 0: any free port. */
  readonly port?: number
  /** Default `127.0.0.1`. */
  readonly host?: string
  /** Default: a new UUID. */
  readonly workspaceId?: string
  /** The node of `context`; default: a new UUID. */
  readonly nodeId?: string
  /** More nodes the workspace has (customers are per node). */
  readonly nodes?: ReadonlyArray<string>
  /** The bearer token the emulator accepts; default: a new random one. */
  readonly token?: string
  /** The path of the API under the server's root; default `/hub/v1`, as the live API. */
  readonly basePath?: string
  /** The clock, ms since the epoch (customer and event timestamps); default `Date.now`. */
  readonly now?: () => number
  /**
   * The id generator (workspace, node and token defaults, customers, sessions, sub-entities, events, error
   * `logref`s), for deterministic tests; default `crypto.randomUUID`.
   */
  readonly uuid?: () => string
  /** Latency added to every answer from the start, ms; default 0. See {@link Faults.latency}. */
  readonly latencyMs?: number
  /** Larger request bodies are refused with 413; default 1 MiB. */
  readonly maxBodyBytes?: number
  /** How many requests {@link Emulator.requests} keeps (the latest); default 10000. */
  readonly maxLoggedRequests?: number
  /**
   * How many bytes {@link Emulator.requests} keeps (URLs, headers and bodies; the oldest requests are dropped first);
   * default 16 MiB.
   *
   * @since 0.2.0
   */
  readonly maxLoggedBytes?: number
  /**
   * The user `GET /me` answers with (under the base URL and at the server's root): one group that may use the
   * emulator's workspace and all its nodes. Defaults: id `emulator-user`, `Emulator User`, group `emulator-group`
   * named `emulator`, workspace named `emulator`, permission `RW`.
   *
   * @since 0.2.0
   */
  readonly user?: EmulatorUser
}

/**
 * A running emulator.
 *
 * @category model
 * @since 0.1.0
 */
export interface Emulator {
  /** The base URL to put in a context, e.g. `http://127.0.0.1:41234/hub/v1`. */
  readonly url: string
  /** A context ready to use: `{ workspaceId, nodeId, token, baseUrl: url }`. */
  readonly context: Context
  readonly host: string
  readonly port: number
  readonly workspaceId: string
  readonly nodeId: string
  readonly token: string
  /** Every node of the workspace, the context's first. */
  readonly nodes: ReadonlyArray<string>
  /** Adds a node to the workspace and returns its id (a new one by default). */
  readonly addNode: (nodeId?: string) => string
  /** Latency, injected failures, cut and hanging connections. */
  readonly faults: Faults
  /**
   * The requests received so far (the latest `maxLoggedRequests`, within `maxLoggedBytes`), oldest first; a live
   * view. Bodies are kept for authenticated, routed requests only; tokens never.
   */
  readonly requests: ReadonlyArray<RecordedRequest>
  /** Forgets the recorded requests. */
  readonly clearRequests: () => void
  /** Forgets every customer, session, event and segment, every pending fault and the recorded requests. */
  readonly reset: () => void
  /** Stops the server, closes every connection (idle keep-alive ones and those left hanging) and cancels timers. */
  readonly close: () => Promise<void>
}

const formatHost = (host: string): string => {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1'
  if (host === '::') return '[::1]'
  return host.includes(':') ? `[${host}]` : host
}

/**
 * Starts an emulator. It listens on `127.0.0.1` and a free port unless told otherwise, and resolves once it
 * accepts connections.
 *
 * @example
 * const emulator = await startEmulator({ port: 0 })
 * const res = await fetch(`${emulator.url}/workspaces/${emulator.workspaceId}/customers?nodeId=${emulator.nodeId}`, {
 *   headers: { Authorization: `Bearer ${emulator.token}` }
 * })
 * await emulator.close()
 *
 * @category constructors
 * @since 0.1.0
 */
export const startEmulator = async (options: EmulatorOptions = {}): Promise<Emulator> => {
  const uuid = options.uuid ?? randomUUID
  const now = options.now ?? Date.now
  const host = options.host ?? '127.0.0.1'
  const basePath = (options.basePath ?? '/hub/v1').replace(/\/+$/, '')
  const workspaceId = options.workspaceId ?? uuid()
  const nodeId = options.nodeId ?? uuid()
  const token = options.token ?? `emulator-${uuid()}`
  let url = ''

  const store = createStore(
    { workspaceId, now, uuid, baseUrl: () => url, ...(options.user === undefined ? {} : { user: options.user }) },
    [nodeId, ...(options.nodes ?? [])]
  )
  const faults = createFaults()
  if (options.latencyMs !== undefined) faults.latency(options.latencyMs)
  const log = createRequestLog(options.maxLoggedRequests ?? 10_000, options.maxLoggedBytes ?? 16 * 1024 * 1024)
  const timers = new Set<NodeJS.Timeout>()
  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t)
        resolve()
      }, ms)
      timers.add(t)
    })

  const handler = createHandler({
    basePath,
    workspaceId,
    token,
    store,
    faults,
    now,
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    log,
    sleep
  })

  const sockets = new Set<Socket>()
  const server: Server = createServer((req, res) => {
    handler(req, res).catch(() => {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'application/json;charset=UTF-8' })
        res.end(JSON.stringify({ message: 'Internal emulator error', logref: uuid(), data: null, errors: [] }))
      } else res.destroy()
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
    else socket.destroy()
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  url = `http://${formatHost(host)}:${port}${basePath}`

  let closing: Promise<void> | undefined
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      for (const t of timers) clearTimeout(t)
      timers.clear()
      server.close(() => resolve())
      server.closeAllConnections()
      for (const s of sockets) s.destroy()
    })
    return closing
  }

  return {
    url,
    context: { workspaceId, nodeId, token, baseUrl: url },
    host,
    port,
    workspaceId,
    nodeId,
    token,
    get nodes() {
      return [...store.nodes]
    },
    addNode: (id) => {
      const n = id ?? uuid()
      store.nodes.add(n)
      return n
    },
    faults: {
      latency: faults.latency,
      failNext: faults.failNext,
      cutNext: faults.cutNext,
      hangNext: faults.hangNext,
      resetNext: faults.resetNext,
      reset: faults.reset,
      pending: faults.pending
    },
    requests: log.records,
    clearRequests: () => {
      log.clear()
    },
    reset: () => {
      store.clear()
      faults.reset()
      log.clear()
    },
    close
  }
}
