/**
 * The emulator's own request handler, store, faults and request log behind a server that also counts the requests
 * in flight (arrived, not yet answered) and the most it ever had: what the bulk tests need to prove a concurrency
 * bound at the server. 127.0.0.1 only; `close` stops it.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { Context } from '../../src/context'
import { createFaults, type FaultState } from '../../src/emulator/faults'
import { createRequestLog, type RequestLog } from '../../src/emulator/request-log'
import { createHandler } from '../../src/emulator/server'
import { createStore, type Store } from '../../src/emulator/store'

export interface TrackedEmulator {
  readonly url: string
  readonly context: Context
  readonly store: Store
  readonly faults: FaultState
  readonly log: RequestLog
  /** Requests being handled now. */
  readonly inFlight: () => number
  /** The most requests handled at once since the last `resetPeak`; `OPTIONS` preflights are not counted. */
  readonly peak: () => number
  readonly resetPeak: () => void
  /** For every request that arrived (preflights aside), how many were in flight with it, itself included. */
  readonly arrivals: ReadonlyArray<number>
  /**
   * Holds the next requests until `n` of them have arrived, then lets them all through together: a burst that is
   * surely concurrent, whatever the speed of the machine.
   */
  readonly gather: (n: number) => void
  /** The number of customers in the store. */
  readonly customers: () => number
  readonly close: () => Promise<void>
}

export const startTracked = async (): Promise<TrackedEmulator> => {
  let n = 0
  const uuid = (): string => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`
  const workspaceId = 'ws-bulk'
  const nodeId = 'node-bulk'
  const token = 'bulk-token-0123456789'
  let url = ''
  const store = createStore({ workspaceId, now: () => Date.UTC(2026, 0, 1), uuid, baseUrl: () => url }, [nodeId])
  const faults = createFaults()
  const log = createRequestLog(100_000, 64 * 1024 * 1024)
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
    basePath: '/hub/v1',
    workspaceId,
    token,
    store,
    faults,
    now: Date.now,
    maxBodyBytes: 1024 * 1024,
    log,
    sleep
  })
  let inFlight = 0
  let peak = 0
  const arrivals: Array<number> = []
  let gathering = 0
  let held: Array<() => void> = []
  const sockets = new Set<Socket>()
  const server: Server = createServer((req, res) => {
    const counted = req.method !== 'OPTIONS'
    if (counted) {
      inFlight += 1
      peak = Math.max(peak, inFlight)
      arrivals.push(inFlight)
      res.on('close', () => (inFlight -= 1))
    }
    const go = (): void => void handler(req, res).catch(() => res.destroy())
    if (gathering === 0 || !counted) return go()
    held.push(go)
    if (held.length < gathering) return
    const now = held
    held = []
    gathering = 0
    for (const f of now) f()
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hub/v1`
  return {
    url,
    context: { workspaceId, nodeId, token, baseUrl: url },
    store,
    faults,
    log,
    inFlight: () => inFlight,
    peak: () => peak,
    resetPeak: () => (peak = inFlight),
    arrivals,
    gather: (n) => {
      gathering = n
    },
    customers: () => store.size().customers,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t)
        server.close(() => resolve())
        server.closeAllConnections()
        for (const s of sockets) s.destroy()
      })
  }
}
