// Node: the built package imported by its name, from plain ESM and from CommonJS, every entry point, running a real
// flow against the emulator (also loaded by name, `contacthub-fp/emulator`). And the `engines.node` claim checked
// against what the package and its dependencies need: Node before 20.19 cannot `require()` an ES module, so the CJS
// build is also run with `--no-experimental-require-module`, the way Node 18 and early Node 20 load it.
// tests/package.test.ts covers that the entries load; this file runs them.
import { describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'

interface PackageJson {
  readonly name: string
  readonly version: string
  readonly engines?: Readonly<Record<string, string>>
  readonly dependencies?: Readonly<Record<string, string>>
  readonly peerDependencies?: Readonly<Record<string, string>>
}

const root = process.cwd()
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson
const requireHere = createRequire(join(root, 'package.json'))

const node = (args: ReadonlyArray<string>): Promise<string> =>
  new Promise((resolve, reject) => {
    execFile(process.execPath, [...args], { cwd: root, encoding: 'utf8', timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`))
      else resolve(stdout)
    })
  })

// The same flow from ESM and CJS: `c` is the package, `startEmulator` comes from its `./emulator` entry.
const FLOW = `
  const emulator = await startEmulator({ port: 0 })
  try {
    const ctx = emulator.context
    const created = await c.addCustomer(ctx, { base: { firstName: 'Ada', contacts: { email: 'ada@example.com' } } })()
    if (created._tag !== 'Right') throw new Error(JSON.stringify(created.left))
    const id = created.right.id
    const sessionId = c.createSessionId()
    const session = await c.addCustomerSession(ctx, id, sessionId)()
    const event = await c.addEvent(ctx, { type: 'viewedPage', context: 'WEB', sessionId, properties: { url: 'https://example.com/' } })()
    const events = await c.getEvents(ctx, id)()
    const read = await c.getCustomer(ctx, id)()
    const page = await c.getCustomers(ctx, { size: 10 })()
    const missing = await c.getCustomer(ctx, 'no-such-customer')()
    const query = c.customerQuery(c.eq('base.firstName', 'Ada'))
    const queried = await c.getCustomers(ctx, { query })()
    console.log(JSON.stringify({
      created: created._tag,
      sessionId: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(sessionId),
      session: session._tag,
      event: event._tag,
      events: events._tag === 'Right' ? events.right.elements.map((e) => e.customerId === id && e.type) : events.left,
      read: read._tag === 'Right' ? read.right.base.firstName : read.left,
      page: page._tag === 'Right' ? page.right.page.totalElements : page.left,
      queried: queried._tag === 'Right' ? queried.right.elements.length : queried.left,
      missing: missing._tag === 'Left' ? { tag: missing.left._tag, status: missing.left.status } : 'Right',
      registeredAt: read._tag === 'Right' ? /Z$/.test(String(read.right.registeredAt instanceof Date ? read.right.registeredAt.toISOString() : read.right.registeredAt)) : false
    }))
  } finally {
    await emulator.close()
  }
`

const EXPECTED = {
  created: 'Right',
  sessionId: true,
  session: 'Right',
  event: 'Right',
  events: ['viewedPage'],
  read: 'Ada',
  page: 1,
  queried: 1,
  missing: { tag: 'HttpError', status: 404 },
  registeredAt: true
}

const ESM = `import * as c from 'contacthub-fp'
import { startEmulator } from 'contacthub-fp/emulator'
${FLOW}`

const CJS = `const c = require('contacthub-fp')
const { startEmulator } = require('contacthub-fp/emulator')
;(async () => {
${FLOW}
})().catch((e) => { console.error(e); process.exitCode = 1 })`

describe('the built package in Node, by name', () => {
  it('runs a flow against the emulator from plain ESM', async () => {
    expect(JSON.parse(await node(['--input-type=module', '-e', ESM]))).toEqual(EXPECTED)
  })

  it('runs the same flow from CommonJS', async () => {
    expect(JSON.parse(await node(['-e', CJS]))).toEqual(EXPECTED)
  })

  it('runs the CommonJS flow without require(esm), as Node 18 and Node 20 before 20.19 do', async () => {
    expect(JSON.parse(await node(['--no-experimental-require-module', '-e', CJS]))).toEqual(EXPECTED)
  })

  it('loads every entry from ESM and CJS with the same exports', async () => {
    const entries = ['contacthub-fp', 'contacthub-fp/node', 'contacthub-fp/emulator']
    const esm = await node([
      '--input-type=module',
      '-e',
      `const out = {}
       for (const e of ${JSON.stringify(entries)}) out[e] = Object.keys(await import(e)).filter((k) => k !== 'default' && k !== 'module.exports').sort()
       console.log(JSON.stringify(out))`
    ])
    const cjs = await node([
      '--no-experimental-require-module',
      '-e',
      `const out = {}
       for (const e of ${JSON.stringify(entries)}) out[e] = Object.keys(require(e)).filter((k) => k !== 'default' && k !== '__esModule').sort()
       console.log(JSON.stringify(out))`
    ])
    const fromEsm = JSON.parse(esm) as Record<string, ReadonlyArray<string>>
    expect(JSON.parse(cjs)).toEqual(fromEsm)
    expect(fromEsm['contacthub-fp/emulator']).toContain('startEmulator')
    expect(fromEsm['contacthub-fp']).toEqual(
      expect.arrayContaining(['addCustomer', 'addEvent', 'getCustomers', 'customerQuery', 'pages'])
    )
  })
})

// -------------------------------------------------------------------------------------------------
// engines.node
// -------------------------------------------------------------------------------------------------

/** The lowest major version a range such as `>=18`, `^18.17.0 || >=20` or `18.x` admits. */
const lowestMajor = (range: string): number => {
  const majors = range
    .split('||')
    .map((part) => /(?:>=|\^|~|=)?\s*v?(\d+)/.exec(part.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
  return Math.min(...majors)
}

const claimed = lowestMajor(pkg.engines?.node ?? '')

/** Node's lookup of an installed package's package.json (`require.resolve` refuses it when `exports` hides it). */
const findPackageJson = (name: string, fromDir: string): string => {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const file = join(dir, 'node_modules', name, 'package.json')
    if (existsSync(file)) return file
    if (dirname(dir) === dir) throw new Error(`${name} is not installed (looked up from ${fromDir})`)
  }
}

/** The installed package.json of every runtime dependency, transitively. */
const runtimeDependencies = (): ReadonlyArray<PackageJson & { readonly dir: string }> => {
  const seen = new Map<string, PackageJson & { readonly dir: string }>()
  const visit = (deps: Readonly<Record<string, string>> | undefined, from: string): void => {
    for (const name of Object.keys(deps ?? {})) {
      const file = findPackageJson(name, dirname(from))
      if (seen.has(file)) continue
      const dep = { ...(JSON.parse(readFileSync(file, 'utf8')) as PackageJson), dir: dirname(file) }
      seen.set(file, dep)
      visit(dep.dependencies, file)
    }
  }
  visit(pkg.dependencies, join(root, 'package.json'))
  return [...seen.values()]
}

const filesUnder = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? filesUnder(p) : [p]
  })

// Built-ins and syntax that Node 18 does not have, as they appear in emitted code.
const AFTER_NODE_18: ReadonlyArray<readonly [string, RegExp]> = [
  ['AbortSignal.any (Node 20.3)', /\bAbortSignal\.any\b/],
  ['Array.prototype.toSorted/toReversed/toSpliced (Node 20)', /\.to(Sorted|Reversed|Spliced)\(/],
  ['Promise.withResolvers (Node 22)', /\bPromise\.withResolvers\b/],
  ['Object.groupBy / Map.groupBy (Node 21)', /\b(Object|Map)\.groupBy\b/],
  ['Array.fromAsync (Node 22)', /\bArray\.fromAsync\b/],
  ['import.meta.dirname/filename (Node 20.11)', /\bimport\.meta\.(dirname|filename)\b/],
  ['process.getBuiltinModule (Node 22.3)', /\bprocess\.getBuiltinModule\b/],
  ['String.prototype.isWellFormed/toWellFormed (Node 20)', /\.(isWellFormed|toWellFormed)\(/],
  ['navigator global (Node 21)', /\bnavigator\./]
]

describe(`engines.node (${pkg.engines?.node ?? 'missing'}) is true`, () => {
  it('is declared', () => {
    expect(pkg.engines?.node).toMatch(/\d/)
    expect(claimed).toBeGreaterThanOrEqual(18)
  })

  it('uuid is one that CommonJS can require before Node 20.19 (uuid 12+ is ESM-only)', () => {
    const installed = JSON.parse(readFileSync(requireHere.resolve('uuid/package.json'), 'utf8')) as PackageJson
    expect(Number(installed.version.split('.')[0])).toBeLessThan(12)
    expect(lowestMajor(pkg.dependencies?.uuid ?? '')).toBeLessThan(12)
    // A range that admits uuid 12 would let a user's install pick the ESM-only release.
    expect(pkg.dependencies?.uuid).not.toMatch(/^(>|\*|x|latest)/)
  })

  it('no runtime dependency asks for a newer Node than the package claims', () => {
    const tooNew = runtimeDependencies()
      .filter((d) => d.engines?.node !== undefined && lowestMajor(d.engines.node) > claimed)
      .map((d) => `${d.name}@${d.version} engines.node ${d.engines?.node ?? ''}`)
    expect(tooNew).toEqual([])
  })

  it('every runtime dependency has a CommonJS entry that require() loads without require(esm)', async () => {
    const names = runtimeDependencies().map((d) => d.name)
    expect(names).toEqual(expect.arrayContaining(['uuid', 'ofetch']))
    const out = await node([
      '--no-experimental-require-module',
      '-e',
      `const out = {}
       for (const n of ${JSON.stringify(Object.keys(pkg.dependencies ?? {}))}) { try { require(n); out[n] = 'ok' } catch (e) { out[n] = e.code || String(e) } }
       console.log(JSON.stringify(out))`
    ])
    expect(JSON.parse(out)).toEqual(Object.fromEntries(Object.keys(pkg.dependencies ?? {}).map((n) => [n, 'ok'])))
  })

  it(`the built code uses no built-in that Node ${claimed} lacks`, () => {
    const found = filesUnder(join(root, 'dist'))
      .filter((f) => /\.(c?js|mjs)$/.test(f))
      .flatMap((f) => {
        const code = readFileSync(f, 'utf8')
        return AFTER_NODE_18.filter(([, re]) => re.test(code)).map(([what]) => `${f.slice(root.length + 1)}: ${what}`)
      })
    expect(found).toEqual([])
  })
})
