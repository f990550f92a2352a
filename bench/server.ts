// The benchmark's static server, run in a child process of its own (`node --import tsx bench/server.ts`).
// It answers from bytes prepared at start, so that the client's cost is what the benchmark sees:
//   GET /hub/v1/workspaces/{ws}/customers/{id}          one customer (~4 KB)
//   GET /hub/v1/workspaces/{ws}/customers?page=N&size=S  page N of TOTAL customers, S per page (S = PAGE_SIZE)
// Workspace `escaped` answers the same values with every non-ASCII character as a `\u` escape.
// Listens on 127.0.0.1, port 0, and prints `{"port":N}` on stdout once it accepts connections.
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { ESCAPED_WORKSPACE, escapeJson, wireCustomer, wirePage } from './fixtures'

export const PAGE_SIZE = 100
export const TOTAL = 20_000

const plainCustomer = JSON.stringify(wireCustomer(0))
// A page is one shared `{"elements":[...],"page":` prefix (the same 100 customers on every page) and a small
// suffix with the page's number, so that any page of the listing costs the server the same.
const sample = JSON.stringify(wirePage(0, PAGE_SIZE, TOTAL))
const plainPrefix = sample.slice(0, sample.lastIndexOf(',"page":') + ',"page":'.length)
const variants = {
  plain: { customer: Buffer.from(plainCustomer), prefix: Buffer.from(plainPrefix) },
  escaped: { customer: Buffer.from(escapeJson(plainCustomer)), prefix: Buffer.from(escapeJson(plainPrefix)) }
}
const suffix = (number: number): Buffer =>
  Buffer.from(
    `${JSON.stringify({
      size: PAGE_SIZE,
      totalElements: TOTAL,
      totalUnfilteredElements: TOTAL,
      totalPages: Math.ceil(TOTAL / PAGE_SIZE),
      number
    })}}`
  )
const lastPage = Math.ceil(TOTAL / PAGE_SIZE) - 1
const suffixes = Array.from({ length: lastPage + 1 }, (_, n) => suffix(n))
const empty = Buffer.from(
  JSON.stringify({
    elements: [],
    page: { size: PAGE_SIZE, totalElements: TOTAL, totalPages: lastPage + 1, number: lastPage + 1 }
  })
)

const CUSTOMERS = /^\/hub\/v1\/workspaces\/([^/]+)\/customers(?:\/([^/?]+))?(?:\?(.*))?$/
const JSON_TYPE = 'application/json;charset=UTF-8'

const fail = (res: ServerResponse, status: number, message: string): void => {
  const body = JSON.stringify({ message, logref: 'bench', data: null, errors: [] })
  res.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

const server = createServer((req, res) => {
  const m = req.method === 'GET' ? CUSTOMERS.exec(req.url ?? '') : null
  if (m === null) return fail(res, 404, 'Not Found')
  if (req.headers.authorization === undefined) return fail(res, 401, 'Unauthorized')
  const { customer, prefix } = m[1] === ESCAPED_WORKSPACE ? variants.escaped : variants.plain
  if (m[2] !== undefined) {
    res.writeHead(200, { 'content-type': JSON_TYPE, 'content-length': customer.length })
    res.end(customer)
    return
  }
  const q = new URLSearchParams(m[3] ?? '')
  const page = Number(q.get('page') ?? '0')
  const size = Number(q.get('size') ?? String(PAGE_SIZE))
  if (size !== PAGE_SIZE || !Number.isInteger(page) || page < 0) return fail(res, 400, `size must be ${PAGE_SIZE}`)
  if (page > lastPage) {
    res.writeHead(200, { 'content-type': JSON_TYPE, 'content-length': empty.length })
    res.end(empty)
    return
  }
  const tail = suffixes[page]
  if (tail === undefined) return fail(res, 500, `no page ${page}`)
  res.writeHead(200, { 'content-type': JSON_TYPE, 'content-length': prefix.length + tail.length })
  res.write(prefix)
  res.end(tail)
})

const sockets = new Set<Socket>()
server.on('connection', (s) => {
  sockets.add(s)
  s.on('close', () => sockets.delete(s))
})
server.keepAliveTimeout = 30_000

const stop = (): void => {
  server.close(() => process.exit(0))
  for (const s of sockets) s.destroy()
  setTimeout(() => process.exit(0), 2_000).unref()
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
// The parent's end is our end: never outlive it.
process.on('disconnect', stop)
process.stdin.on('end', stop)
process.stdin.resume()

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo
  process.stdout.write(
    `${JSON.stringify({
      port,
      customerBytes: variants.plain.customer.length,
      pageBytes: variants.plain.prefix.length + (suffixes[0] ?? '').length,
      escapedPageBytes: variants.escaped.prefix.length + (suffixes[0] ?? '').length
    })}\n`
  )
})
