// The `contacthub` bin as users run it: the built dist/esm/cli/main.js (npm test builds before vitest) in a child
// process, with the real bulk functions, against the emulator on 127.0.0.1; and under a pseudo-terminal
// (util-linux `script`) for the progress bar.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import * as E from 'fp-ts/Either'
import { startEmulator, type Emulator } from '../../src/emulator/index'
import { customerQuery, eq, getCustomers, type Customer } from '../../src/index'

const BIN = join(process.cwd(), 'dist', 'esm', 'cli', 'main.js')

let emulator: Emulator
let dir: string

interface Result {
  readonly code: number | null
  readonly out: string
  readonly err: string
}

const envOf = (): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH ?? '',
  CONTACTHUB_WORKSPACE_ID: emulator.workspaceId,
  CONTACTHUB_NODE_ID: emulator.nodeId,
  CONTACTHUB_TOKEN: emulator.token,
  CONTACTHUB_BASE_URL: emulator.url
})

/** Runs the bin; `onStderr` may act on the child while it runs (send it a signal). */
const bin = (
  args: ReadonlyArray<string>,
  onStderr?: (err: string, signal: (s: NodeJS.Signals) => void) => void
): Promise<Result> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: envOf(), stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`contacthub ${args.join(' ')} did not end; stderr: ${err}`))
    }, 60_000)
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString()
      onStderr?.(err, (s) => child.kill(s))
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, out, err })
    })
  })

const file = (name: string, text: string): string => {
  const p = join(dir, name)
  writeFileSync(p, text)
  return p
}

const customers = async (): Promise<ReadonlyArray<Customer>> => {
  const out: Array<Customer> = []
  for (let page = 0; page < 20; page++) {
    const p = await getCustomers(emulator.context, { size: 50, page })()
    if (E.isLeft(p)) throw new Error(JSON.stringify(p.left))
    out.push(...p.right.elements)
    if (p.right.elements.length < 50) break
  }
  return out
}

beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build first`)
  emulator = await startEmulator({ port: 0 })
  dir = mkdtempSync(join(tmpdir(), 'contacthub-bin-'))
})
afterAll(async () => {
  await emulator.close()
  rmSync(dir, { recursive: true, force: true })
})
beforeEach(() => emulator.reset())

describe('contacthub bin (child process, emulator on 127.0.0.1)', () => {
  it('imports NDJSON: every customer lands, exit 0, plain progress lines on stderr', async () => {
    const input = file(
      'n.ndjson',
      Array.from({ length: 30 }, (_, i) => JSON.stringify({ externalId: `n-${i}`, base: { firstName: `N${i}` } })).join(
        '\n'
      )
    )
    const r = await bin(['import', 'customers', 'n.ndjson', '--concurrency', '3'])
    expect(r.code, r.err).toBe(0)
    const got = await customers()
    expect(got.map((c) => c.externalId).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `n-${i}`).sort())
    expect(r.out).toContain('import customers n.ndjson: 30 rows: 30 created, 0 updated, 0 failed')
    const lines = r.err.split('\n').filter((l) => /^import customers \d+\/30 /.test(l))
    expect(lines.length).toBeGreaterThanOrEqual(2)
    expect(lines.at(-1)).toMatch(/^import customers 30\/30 100% /)
    expect(r.err).not.toContain('\r')
    expect(existsSync(`${input}.rejects.ndjson`)).toBe(false)
    // A re-run converges: the same rows update the customers instead of failing.
    const again = await bin(['import', 'customers', 'n.ndjson'])
    expect(again.code, again.err).toBe(0)
    expect(again.out).toContain('0 created, 30 updated, 0 failed')
    expect(await customers()).toHaveLength(30)
  }, 90_000)

  it('imports CSV; a bad row goes to the rejects file with its line number and reason; exit 1', async () => {
    file(
      'c.csv',
      [
        'externalId,base.firstName,base.contacts.email,extended.score,tags.manual',
        'c-1,Ada,ada@example.com,42,vip|math',
        'c-2,Grace,not-an-email,7,',
        'c-3,"Hopper, Grace",grace@example.com,,'
      ].join('\n') + '\n'
    )
    const r = await bin(['import', 'customers', 'c.csv'])
    expect(r.code, r.err).toBe(1)
    const got = await customers()
    expect(got.map((c) => c.externalId).sort()).toEqual(['c-1', 'c-3'])
    const ada = got.find((c) => c.externalId === 'c-1')
    expect(ada?.extended).toEqual({ score: '42' })
    expect(ada?.tags?.manual).toEqual(['vip', 'math'])
    expect(got.find((c) => c.externalId === 'c-3')?.base?.firstName).toBe('Hopper, Grace')
    const rejects = readFileSync(join(dir, 'c.csv.rejects.ndjson'), 'utf8').trim().split('\n')
    expect(rejects).toHaveLength(1)
    const reject = JSON.parse(rejects[0] ?? '') as Record<string, unknown>
    expect(reject).toMatchObject({ line: 3, externalId: 'c-2', status: 400, raw: 'c-2,Grace,not-an-email,7,' })
    expect(String(reject.reason)).toContain('/base/contacts/email')
    expect(r.out).toContain('1 failed rows written to c.csv.rejects.ndjson')
  }, 60_000)

  it('--dry-run sends nothing and reports the counts', async () => {
    file('d.ndjson', '{"externalId":"d-1"}\n{"externalId":"d-2","enabled":"yes"}\n')
    const before = emulator.requests.length
    const r = await bin(['import', 'customers', 'd.ndjson', '--dry-run', '--rejects', 'd-rejects.ndjson'])
    expect(r.code, r.err).toBe(1)
    expect(emulator.requests.length).toBe(before)
    expect(r.out).toContain('2 rows: 1 customers would be sent, 1 failed the checks')
    expect(readFileSync(join(dir, 'd-rejects.ndjson'), 'utf8')).toContain('"line":2')
  }, 60_000)

  it('exports customers to stdout as NDJSON, with --fields and --query', async () => {
    file(
      'e.ndjson',
      Array.from({ length: 7 }, (_, i) =>
        JSON.stringify({ externalId: `e-${i}`, base: { firstName: `E${i}`, lastName: 'L' } })
      ).join('\n')
    )
    expect((await bin(['import', 'customers', 'e.ndjson'])).code).toBe(0)
    const r = await bin(['export', 'customers', '--fields', 'base.firstName', '--page-size', '3'])
    expect(r.code, r.err).toBe(0)
    const rows = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { externalId: unknown; base: { firstName: string; lastName: unknown } })
    expect(rows.map((c) => c.base.firstName).sort()).toEqual(['E0', 'E1', 'E2', 'E3', 'E4', 'E5', 'E6'])
    expect(rows.every((c) => c.base.lastName === null)).toBe(true)
    expect(r.err).toContain('export customers: 7 customers written')
    file('q.json', JSON.stringify(customerQuery(eq('base.firstName', 'E3'))))
    const q = await bin(['export', 'customers', '--query', 'q.json'])
    expect(q.code, q.err).toBe(0)
    expect(
      q.out
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { externalId: string }).externalId)
    ).toEqual(['e-3'])
    file('bad-q.json', '{"name":"x"}')
    const bad = await bin(['export', 'customers', '--query', 'bad-q.json'])
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('contacthub: --query: bad-q.json is not a customer query')
  }, 60_000)

  it('--help, whoami, and a usage error', async () => {
    const help = await bin(['import', 'customers', '--help'])
    expect(help.code).toBe(0)
    expect(help.out).toContain('Usage: contacthub import customers <file.ndjson|file.csv>')
    const who = await bin(['whoami'])
    expect(who.code, who.err).toBe(0)
    expect(who.out).toContain(emulator.workspaceId)
    expect(who.out + who.err).not.toContain(emulator.token)
    const bad = await bin(['import', 'customers'])
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('contacthub: import customers needs a file')
  }, 60_000)

  it('SIGINT stops the import through its signal and still prints the summary (exit 130)', async () => {
    emulator.faults.latency(40)
    file('s.ndjson', Array.from({ length: 200 }, (_, i) => JSON.stringify({ externalId: `s-${i}` })).join('\n'))
    let sent = false
    const r = await bin(['import', 'customers', 's.ndjson', '--concurrency', '1'], (err, signal) => {
      if (!sent && /import customers 20\/200 /.test(err)) {
        sent = true
        signal('SIGINT')
      }
    })
    expect(sent).toBe(true)
    expect(r.code, r.err).toBe(130)
    expect(r.out).toMatch(/import customers s\.ndjson: \d+ of 200 rows/)
    expect(r.out).toContain('Interrupted')
    expect((await customers()).length).toBeLessThan(200)
  }, 60_000)

  it('under a pseudo-terminal, draws a bar redrawn in place with carriage returns', async () => {
    emulator.faults.latency(20)
    file('p.ndjson', Array.from({ length: 40 }, (_, i) => JSON.stringify({ externalId: `p-${i}` })).join('\n'))
    const env = envOf()
    const cmd = `${process.execPath} ${BIN} import customers p.ndjson --concurrency 1`
    const r = await new Promise<Result>((resolve, reject) => {
      const child = spawn('/usr/bin/script', ['-qfec', cmd, '/dev/null'], {
        cwd: dir,
        env,
        stdio: ['ignore', 'pipe', 'pipe']
      })
      let out = ''
      let err = ''
      const timer = setTimeout(() => {
        child.kill('SIGKILL')
        reject(new Error(`script did not end: ${out}`))
      }, 60_000)
      child.stdout.on('data', (d: Buffer) => (out += d.toString()))
      child.stderr.on('data', (d: Buffer) => (err += d.toString()))
      child.on('close', (code) => {
        clearTimeout(timer)
        resolve({ code, out, err })
      })
    })
    expect(r.code, r.out + r.err).toBe(0)
    const draws = r.out.split('\r').filter((s) => s.startsWith('import customers ['))
    expect(draws.length).toBeGreaterThanOrEqual(3)
    expect(draws.at(-1)).toMatch(/^import customers \[#{24}\] 40\/40 100% /)
    expect(r.out).toMatch(/\d+\/40 \d+% [\d.]+\/s ETA \S+ 0 failed/)
    expect(await customers()).toHaveLength(40)
  }, 90_000)
})
