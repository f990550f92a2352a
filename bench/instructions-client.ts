// One side of `bench/instructions.ts`, run under valgrind: N sequential getCustomer-shaped requests to the static
// server, each through one more layer than the last side. Loads the built package (dist/esm).
//   node --import tsx bench/instructions-client.ts <port> <customerId> <side> <N>
import { createFetch } from 'ofetch'

type Result = { readonly _tag: string; readonly left?: unknown }
type Call = () => Promise<unknown>

const [port = '', id = '', side = '', count = '0'] = process.argv.slice(2)
const N = Number(count)
const base = `http://127.0.0.1:${port}/hub/v1`
const url = `${base}/workspaces/ws/customers/${encodeURIComponent(id)}`
const headers = { accept: 'application/json', authorization: 'Bearer tok-bench' }
const ctx = { workspaceId: 'ws', nodeId: 'node', token: 'tok-bench', baseUrl: base }
const spec = {
  operation: 'getCustomer',
  method: 'GET',
  path: '/workspaces/{workspaceId}/customers/{id}',
  params: { id }
}
const dist = new URL('../dist/esm/', import.meta.url).href

/** The guarantee floor: a controller and a timer per request, the body read whole, JSON.parse. */
const guarded = async (send: (signal: AbortSignal) => Promise<Response>): Promise<unknown> => {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), 30_000)
  try {
    return JSON.parse(await (await send(controller.signal)).text())
  } finally {
    clearTimeout(timer)
  }
}
const ok = (r: Result): void => {
  if (r._tag !== 'Right') throw new Error(JSON.stringify(r.left))
}

const sides: Record<string, () => Promise<Call>> = {
  guard: async () => () => guarded((signal) => fetch(url, { headers, signal })),
  ofetch: async () => {
    const of = createFetch({ fetch: (i, n) => globalThis.fetch(i, n) })
    return () =>
      guarded((signal) =>
        of.raw(url, {
          method: 'GET',
          headers,
          signal,
          retry: false,
          redirect: 'manual',
          ignoreResponseError: true,
          responseType: 'stream'
        })
      )
  },
  decoded: async () => {
    const { decodeWith } = (await import(`${dist}decode.js`)) as {
      decodeWith: (c: unknown, owned: boolean) => (u: unknown) => unknown
    }
    const { Customer } = (await import(`${dist}codecs/customer.js`)) as { Customer: unknown }
    const decode = decodeWith(Customer, true)
    return async () => ok(decode(await guarded((signal) => fetch(url, { headers, signal }))) as Result)
  },
  core: async () => {
    const { requestVoid } = (await import(`${dist}request.js`)) as {
      requestVoid: (c: unknown, s: unknown) => () => Promise<Result>
    }
    return async () => ok(await requestVoid(ctx, spec)())
  },
  library: async () => {
    const { getCustomer } = (await import(`${dist}index.js`)) as {
      getCustomer: (c: unknown, id: string) => () => Promise<Result>
    }
    return async () => ok(await getCustomer(ctx, id)())
  }
}

const make = sides[side]
if (make === undefined) throw new Error(`no side ${side}`)
const call = await make()
for (let i = 0; i < N; i++) await call()
