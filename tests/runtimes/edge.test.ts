// Edge runtimes: the flow of tests/browser/flow.ts, bundled with esbuild from the BUILT package by name, runs as an
// edge function (a fetch handler) inside
//  - the `edge-runtime` package (Vercel's Edge Runtime: a Node vm with only web APIs, no eval), and
//  - Cloudflare's workerd through miniflare,
// calling the emulator on 127.0.0.1 over real HTTP. workerd's outbound fetch to loopback is allowed by miniflare.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { EdgeRuntime } from 'edge-runtime'
import { Miniflare } from 'miniflare'
import { startEmulator, type Emulator } from '../../src/emulator/index'
import { bundleApp } from '../browser/bundle'
import { expectedResult, type FlowConfig, type FlowResult } from '../browser/flow'

type Outcome = { readonly ok: true; readonly result: FlowResult } | { readonly ok: false; readonly error: string }

// An edge function: POST a FlowConfig, get the outcome of the flow as JSON.
const HANDLER = `
import { runFlow } from '../browser/flow'

export const handle = async (request: Request): Promise<Response> => {
  try {
    const result = await runFlow(await request.json())
    return new Response(JSON.stringify({ ok: true, result }), { headers: { 'content-type': 'application/json' } })
  } catch (e) {
    return new Response(JSON.stringify({ ok: false, error: e instanceof Error ? e.stack ?? e.message : String(e) }), {
      headers: { 'content-type': 'application/json' }
    })
  }
}
`

const resolveDir = join(process.cwd(), 'tests/runtimes')

let emulator: Emulator | undefined

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 })
}, 20_000)

beforeEach(() => {
  emulator?.reset()
})

afterAll(async () => {
  await emulator?.close()
})

const check = (outcome: Outcome, tag: string): void => {
  if (!outcome.ok) throw new Error(outcome.error)
  const { created, notFound, ...rest } = outcome.result
  expect(rest).toEqual(expectedResult(tag))
  expect(created).toHaveLength(3)
  expect(notFound).toMatchObject({ tag: 'HttpError', status: 404, method: 'GET' })
}

describe('edge-runtime (Vercel Edge Runtime)', () => {
  it('runs the flow in a fetch handler against the emulator', async () => {
    const tag = 'edge-runtime'
    const bundle = await bundleApp({
      contents: `${HANDLER}
declare const addEventListener: (type: 'fetch', listener: (event: { request: Request; respondWith: (r: Promise<Response>) => void }) => void) => void
addEventListener('fetch', (event) => event.respondWith(handle(event.request)))`,
      resolveDir,
      platform: 'browser',
      format: 'iife',
      conditions: ['edge-light', 'worker']
    })
    expect(bundle.inputs.filter((f) => f.startsWith('src/'))).toEqual([])
    const runtime = new EdgeRuntime({ initialCode: bundle.code })
    const config: FlowConfig = { context: emulator!.context, tag }
    const response = await runtime.dispatchFetch('http://edge.local/flow', {
      method: 'POST',
      body: JSON.stringify(config)
    })
    await response.waitUntil()
    check((await response.json()) as Outcome, tag)
  })

  it('has no eval or new Function in the bundle (the Edge Runtime forbids code generation)', async () => {
    const runtime = new EdgeRuntime()
    expect(() => runtime.evaluate('new Function("return 1")()')).toThrow()
    const bundle = await bundleApp({
      contents: `export * from 'contacthub-fp'`,
      resolveDir,
      platform: 'browser',
      format: 'iife',
      globalName: 'lib'
    })
    runtime.evaluate(bundle.code)
    expect(runtime.evaluate<string>('typeof lib.addCustomer')).toBe('function')
  })
})

describe('workerd (Cloudflare Workers, through miniflare)', () => {
  let mf: Miniflare | undefined

  afterAll(async () => {
    await mf?.dispose()
  }, 20_000)

  it('runs the flow in a worker against the emulator on 127.0.0.1', async () => {
    const tag = 'workerd'
    const bundle = await bundleApp({
      contents: `${HANDLER}
export default { fetch: handle }`,
      resolveDir,
      platform: 'browser',
      format: 'esm',
      conditions: ['workerd', 'worker']
    })
    expect(bundle.inputs.filter((f) => f.startsWith('src/'))).toEqual([])
    mf = new Miniflare({ modules: true, script: bundle.code, compatibilityDate: '2025-01-01' })
    const config: FlowConfig = { context: emulator!.context, tag }
    const response = await mf.dispatchFetch('http://worker.local/flow', {
      method: 'POST',
      body: JSON.stringify(config)
    })
    check((await response.json()) as Outcome, tag)
  }, 60_000)
})
