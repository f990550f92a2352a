// A request that times out or that its caller aborts must close its connection, not only answer with a Left:
// fetch is only told to give up through the attempt's signal, and without it every test here stayed green while the
// socket of a timed-out request stayed open until the server dropped it. The server below keeps the socket each
// request arrived on and watches its 'close' event; each case waits, bounded, for that socket to close. (Node's
// fetch may open a fresh idle connection after an abort: that one is the pool's, open on purpose, and not counted.)
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { getCustomer } from '../../src/customers'
import { expectLeft } from '../helpers/either'
import { contextFor, virtualClock } from './support'

type Handler = (req: IncomingMessage, res: ServerResponse) => void

let handler: Handler = () => undefined
/** The sockets that carried a request, in order, and which of them have closed. */
const carriers: Array<Socket> = []
const closedSockets = new WeakSet<Socket>()

const server: Server = createServer((req, res) => {
  carriers.push(req.socket)
  handler(req, res)
})
server.on('connection', (socket) => {
  socket.on('close', () => closedSockets.add(socket))
})

let url = ''
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hub/v1`
})

afterEach(() => {
  // A socket a broken client left open is not the next case's: it goes (idle ones stay, for the next request).
  for (const s of carriers) s.destroy()
  carriers.length = 0
  handler = () => undefined
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

/** Whether `socket` closes within `ms` (bounded: a socket left open fails the case instead of hanging it). */
const closesWithin = (socket: Socket, ms = 2_000): Promise<boolean> =>
  closedSockets.has(socket)
    ? Promise.resolve(true)
    : new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), ms)
        socket.once('close', () => {
          clearTimeout(timer)
          resolve(true)
        })
      })

/** The one socket that carried the case's request. */
const carrier = (): Socket => {
  expect(carriers).toHaveLength(1)
  const socket = carriers[0]
  if (socket === undefined) throw new Error('no request arrived')
  return socket
}

const ctx = (over = {}) => contextFor(url, virtualClock(), { retry: false, ...over })

/** Holds the request: no headers, ever (until the socket is destroyed). */
const silent: Handler = () => undefined

/** Sends the headers and half a body, then holds. */
const halfBody: Handler = (_, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' })
  res.write('{"id":"c1","base":')
}

describe('a request that gives up closes its connection', () => {
  it.each([
    ['before the headers', silent],
    ['in the middle of the body', halfBody]
  ])('a timeout %s', async (_, h) => {
    handler = h
    const e = expectLeft(await getCustomer(ctx({ timeout: 100 }), 'c1')())
    expect(e._tag).toBe('TimeoutError')
    expect(await closesWithin(carrier())).toBe(true)
  })

  it.each([
    ['before the headers', silent],
    ['in the middle of the body', halfBody]
  ])("the caller's abort %s", async (_, h) => {
    const controller = new AbortController()
    let arrived: () => void = () => undefined
    const requested = new Promise<void>((resolve) => (arrived = resolve))
    handler = (req, res) => {
      h(req, res)
      arrived()
    }
    const pending = getCustomer(ctx({ signal: controller.signal }), 'c1')()
    await Promise.race([requested, pending])
    controller.abort()
    const e = expectLeft(await pending)
    expect(e._tag).toBe('AbortError')
    expect(await closesWithin(carrier())).toBe(true)
  })
})
