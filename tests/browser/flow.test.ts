// Browser: a small app (tests/browser/app.ts) bundled with esbuild for the browser from the BUILT package by name,
// served from one 127.0.0.1 origin, runs in headless Chromium against the emulator on another 127.0.0.1 origin
// (so every call is a CORS request, with preflights). `npm run test:browser` (needs /usr/bin/chromium).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { startEmulator, type Emulator } from '../../src/emulator/index'
import { bundleApp } from './bundle'
import { expectedResult, type FlowConfig } from './flow'
import type { AppOutcome } from './app'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

let emulator: Emulator | undefined
let server: Server | undefined
let browser: Browser | undefined
let appUrl = ''
let appInputs: ReadonlyArray<string> = []
const tag = 'browser'

const listen = (s: Server): Promise<string> =>
  new Promise((resolve, reject) => {
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}`))
  })

beforeAll(async () => {
  const app = await bundleApp({
    contents: `import { start } from './app'\nstart()`,
    resolveDir: join(process.cwd(), 'tests/browser'),
    platform: 'browser',
    format: 'esm'
  })
  appInputs = app.inputs
  emulator = await startEmulator({ port: 0 })
  const config: FlowConfig = { context: emulator.context, tag }
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>contacthub-fp</title>
<script>window.__FLOW_CONFIG__ = ${JSON.stringify(config).replace(/</g, '\\u003c')}</script>
<script type="module" src="/app.js"></script></head><body></body></html>`
  server = createServer((req, res) => {
    if (req.url === '/') res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html)
    else if (req.url === '/app.js')
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(app.code)
    else if (req.url === '/favicon.ico') res.writeHead(204).end()
    else res.writeHead(404).end()
  })
  appUrl = await listen(server)
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 30_000 })
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await new Promise<void>((resolve) => {
    if (server === undefined) resolve()
    else {
      server.closeAllConnections()
      server.close(() => resolve())
    }
  })
  await emulator?.close()
}, 30_000)

describe('in headless Chromium, from another origin', () => {
  it('bundles the built package for the browser, not the sources', () => {
    expect(appInputs.filter((f) => f.startsWith('src/'))).toEqual([])
    expect(appInputs.some((f) => f.startsWith('dist/esm/'))).toBe(true)
    expect(appInputs.filter((f) => /(fp|io)-ts\/lib\/|node:/.test(f))).toEqual([])
  })

  it('creates customers, adds an event by session id, reads pages, queries and gets a typed 404', async () => {
    const page = await browser!.newPage()
    const problems: Array<string> = []
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
    page.on('console', (m) => {
      if (process.env.DEBUG_BROWSER_TEST !== undefined) console.log(`[page] ${m.type()}: ${m.text()}`)
      // Chromium logs every non-2xx fetch, so the deliberate 404 shows up here; anything else is a problem.
      if (m.type() === 'error' && !/status of 404/.test(m.text())) problems.push(`console.error: ${m.text()}`)
    })
    try {
      await page.goto(`${appUrl}/`, { timeout: 20_000 })
      await page
        .waitForFunction(() => window.__FLOW_OUTCOME__ !== undefined, undefined, { timeout: 30_000 })
        .catch((e: unknown) => {
          const seen = emulator!.requests.map((r) => `${r.method} ${r.url} -> ${r.status ?? 'pending'}`)
          throw new Error(`${String(e)}\npage: ${problems.join('\n')}\nemulator saw:\n${seen.join('\n')}`)
        })
      const outcome = (await page.evaluate(() => window.__FLOW_OUTCOME__)) as AppOutcome
      if (!outcome.ok) throw new Error(`${outcome.error}\n${problems.join('\n')}`)

      expect(outcome.origin).toBe(appUrl)
      expect(new URL(emulator!.url).origin).not.toBe(outcome.origin)
      const { created, notFound, ...rest } = outcome.result
      expect(rest).toEqual(expectedResult(tag))
      expect(created).toHaveLength(3)
      expect(notFound).toMatchObject({ tag: 'HttpError', status: 404, method: 'GET' })
      expect(notFound.message).toMatch(/404/)
      expect(notFound.message).not.toContain(emulator!.token)
      // The calls came from the page's origin, and the browser asked before the authorised ones.
      const origins = new Set(emulator!.requests.map((r) => r.headers.origin))
      expect([...origins]).toEqual([appUrl])
      expect(emulator!.requests.some((r) => r.method === 'OPTIONS')).toBe(true)
      expect(problems).toEqual([])
    } finally {
      await page.close()
    }
  })
})
