// Fuzzing the request core: arbitrary statuses, headers and bodies, from an injected fetch and from a raw TCP
// server on 127.0.0.1 that writes whatever it is told (1xx, bogus chunking, lying Content-Length, cuts). Every call
// resolves to a Right or a Left with a known tag; none throws or rejects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createServer, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import * as E from '#fp-ts/Either'
import { isContacthubError, type ContacthubError } from '../../src/error'
import { request, requestVoid, send } from '../../src/request'
import { deleteCustomer, getCustomer, getCustomers } from '../../src/customers'
import { Customer } from '../../src/codecs/customer'
import { TOKEN, contextFor, hides, virtualClock } from '../faults/support'
import { nth } from '../helpers/either'

const vc = virtualClock()

const headerValue = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 40
})

const contentType = fc.oneof(
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'text/html',
    'text/plain',
    'application/octet-stream',
    'application/problem+json',
    'image/png',
    ''
  ),
  headerValue
)

const retryAfter = fc.oneof(
  fc.nat({ max: 100_000 }).map(String),
  fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
  headerValue,
  fc.constantFrom('-1', '1e3', '0', '99999999999999999999999999')
)

const body = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '',
    'null',
    '{"id":"c1"}',
    '<html>502</html>',
    '{"message":"x","data":{"customer":{"id":"c"}}}',
    '{"id":'
  ),
  fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1'))
)

interface Scripted {
  readonly status: number
  readonly headers: ReadonlyArray<[string, string]>
  readonly body: string
}

const reply: fc.Arbitrary<Scripted> = fc.record({
  status: fc.integer({ min: 200, max: 599 }),
  headers: fc.array(
    fc.oneof(
      fc.tuple(fc.constant('content-type'), contentType),
      fc.tuple(fc.constant('retry-after'), retryAfter),
      fc.tuple(fc.constant('location'), fc.constantFrom('http://127.0.0.1:1/x', '/x', 'javascript:alert(1)')),
      fc.tuple(fc.constantFrom('x-a', 'set-cookie', 'www-authenticate'), headerValue)
    ),
    { maxLength: 4 }
  ),
  body
})

const NULL_BODY = new Set([204, 205, 304])

/** An injected fetch that answers each attempt with the next scripted reply (the last one repeats). */
const scriptedFetch = (replies: ReadonlyArray<Scripted>): typeof globalThis.fetch => {
  let n = 0
  return () => {
    const r = nth(replies, Math.min(n++, replies.length - 1))
    const headers = new Headers()
    for (const [k, v] of r.headers) headers.append(k, v)
    return Promise.resolve(new Response(NULL_BODY.has(r.status) ? null : r.body, { status: r.status, headers }))
  }
}

const TAGS = [
  'HttpError',
  'DecodeError',
  'NetworkError',
  'TimeoutError',
  'AbortError',
  'ResponseTooLarge',
  'InvalidInput',
  'NotFound'
]

const wellFormed = (r: E.Either<ContacthubError, unknown>): boolean =>
  E.isRight(r) ||
  (isContacthubError(r.left) &&
    TAGS.includes(r.left._tag) &&
    typeof r.left.message === 'string' &&
    hides(r.left, TOKEN))

/** Runs a task and fails the property when it rejects or gives something that is not an Either. */
const settle = async (task: () => Promise<E.Either<ContacthubError, unknown>>): Promise<boolean> => {
  let r: unknown
  try {
    r = await task()
  } catch (e) {
    throw new Error(`the task rejected: ${String(e)}`, { cause: e })
  }
  if (!E.isLeft(r as E.Either<unknown, unknown>) && !E.isRight(r as E.Either<unknown, unknown>)) return false
  return wellFormed(r as E.Either<ContacthubError, unknown>)
}

describe('the request core, given an injected fetch with arbitrary answers', () => {
  const base = 'https://api.example.com/hub/v1'

  it('request / requestVoid / send always give a Right or a Left', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(reply, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
        async (replies, method) => {
          const ctx = contextFor(base, vc, { fetch: scriptedFetch(replies), maxResponseBytes: 64 })
          const spec = {
            operation: 'fuzz',
            method,
            path: '/workspaces/{workspaceId}/customers/{id}',
            params: { id: 'c1' }
          } as const
          return (
            (await settle(request(ctx, spec, Customer))) &&
            (await settle(requestVoid(ctx, spec))) &&
            (await settle(send(ctx, spec)))
          )
        }
      ),
      { numRuns: 300 }
    )
  })

  it('getCustomer, getCustomers and deleteCustomer always give a Right or a Left', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(reply, { minLength: 1, maxLength: 3 }), async (replies) => {
        const ctx = contextFor(base, vc, { fetch: scriptedFetch(replies) })
        return (
          (await settle(getCustomer(ctx, 'c1'))) &&
          (await settle(getCustomers(ctx, { size: 5 }))) &&
          (await settle(deleteCustomer(ctx, 'c1')))
        )
      }),
      { numRuns: 200 }
    )
  })

  it('a fetch that throws, rejects with anything, or resolves to a non-Response gives a Left', async () => {
    const weird: ReadonlyArray<typeof globalThis.fetch> = [
      () => {
        throw new TypeError(`fetch failed ${TOKEN}`)
      },
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      () => Promise.reject(null),
      () => Promise.reject(Object.assign(new Error('x'), { cause: { token: TOKEN } })),
      () => Promise.resolve(null as unknown as Response),
      () => Promise.resolve({ status: 200 } as unknown as Response),
      () =>
        Promise.resolve(new Response(new ReadableStream({ pull: (c) => c.error(new Error(TOKEN)) }), { status: 200 }))
    ]
    for (const fetch of weird) {
      const ctx = contextFor(base, vc, { fetch, retry: false })
      expect(await settle(getCustomer(ctx, 'c1'))).toBe(true)
      expect(await settle(deleteCustomer(ctx, 'c1'))).toBe(true)
    }
  })
})

describe('the request core, given a raw TCP server that writes arbitrary bytes', () => {
  interface Raw {
    readonly status: number
    readonly reason: string
    readonly headers: ReadonlyArray<[string, string]>
    readonly body: string
    /** Bytes of the whole answer written before the socket is closed; undefined writes it all. */
    readonly cutAt: number | undefined
    readonly framing: 'length' | 'lying-length' | 'chunked' | 'bogus-chunked' | 'close'
    /** Writes the (possibly cut) answer and leaves the socket open: the client's timeout must end the call. */
    readonly stall: boolean
  }
  let script: Raw | undefined
  let server: Server
  let url: string
  const sockets = new Set<Socket>()

  const render = (r: Raw): Buffer => {
    const payload = Buffer.from(r.body, 'utf8')
    const lines = [`HTTP/1.1 ${r.status} ${r.reason}`, ...r.headers.map(([k, v]) => `${k}: ${v}`)]
    let framed: Buffer = payload
    if (r.framing === 'length') lines.push(`Content-Length: ${payload.length}`)
    else if (r.framing === 'lying-length') lines.push(`Content-Length: ${payload.length + 7}`)
    else if (r.framing === 'chunked' || r.framing === 'bogus-chunked') {
      lines.push('Transfer-Encoding: chunked')
      framed =
        r.framing === 'chunked'
          ? Buffer.concat([Buffer.from(`${payload.length.toString(16)}\r\n`), payload, Buffer.from('\r\n0\r\n\r\n')])
          : Buffer.concat([Buffer.from('zz\r\n'), payload])
    } else lines.push('Connection: close')
    const all = Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), framed])
    return r.cutAt === undefined ? all : all.subarray(0, r.cutAt)
  }

  beforeAll(async () => {
    server = createServer((socket) => {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.on('error', () => undefined)
      let seen = ''
      socket.on('data', (d: Buffer) => {
        seen += d.toString('latin1')
        if (!seen.includes('\r\n\r\n') || script === undefined) return
        seen = ''
        if (script.stall) socket.write(render(script))
        else socket.end(render(script))
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    for (const s of sockets) s.destroy()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })

  const raw: fc.Arbitrary<Raw> = fc.record({
    status: fc.integer({ min: 100, max: 599 }),
    reason: fc.constantFrom('OK', 'Whatever', ''),
    headers: fc.array(
      fc.oneof(
        fc.tuple(fc.constant('Content-Type'), contentType),
        fc.tuple(fc.constant('Retry-After'), retryAfter),
        fc.tuple(fc.constant('Location'), fc.constantFrom('http://127.0.0.1:1/', '/elsewhere')),
        fc.tuple(fc.constant('X-Junk'), headerValue)
      ),
      { maxLength: 3 }
    ),
    body,
    cutAt: fc.option(fc.nat({ max: 300 }), { nil: undefined, freq: 4 }),
    framing: fc.constantFrom('length', 'lying-length', 'chunked', 'bogus-chunked', 'close'),
    stall: fc.integer({ min: 0, max: 9 }).map((n) => n === 0)
  })

  it('getCustomer and deleteCustomer always give a well-formed Right or Left, whatever is answered', async () => {
    await fc.assert(
      fc.asyncProperty(raw, async (r) => {
        script = r
        const ctx = contextFor(url, vc, { timeout: 100, retry: false })
        return (await settle(getCustomer(ctx, 'c1'))) && (await settle(deleteCustomer(ctx, 'c1')))
      }),
      { numRuns: 80 }
    )
  })
})
