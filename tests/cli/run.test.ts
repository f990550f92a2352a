// The commands in-process (src/cli/run.ts) against the emulator on 127.0.0.1, with a small sequential importer made
// of the library's own addCustomer / addEvent standing in for the bulk functions: what the command does around the
// import (rows, line numbers, rejects, progress, summary, exit status, dry run, context) is tested here; the bin
// with the real bulk functions is tested in bin.test.ts.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import * as E from 'fp-ts/Either'
import { startEmulator, type Emulator } from '../../src/emulator/index'
import { addCustomer, getCustomers, getMe, addEvent, pages, type Customer } from '../../src/index'
import type { Context } from '../../src/context'
import type { ContacthubError } from '../../src/error'
import { run, EXIT, type CliDeps, type CliImport, type CliImportReport } from '../../src/cli/run'

/** A sequential importer with the bulk functions' shape: failures by index, progress after each item. */
const sequential =
  <A>(send: (ctx: Context, item: A, mode: 'create' | 'upsert') => Promise<E.Either<ContacthubError, unknown>>) =>
  (sent: { count: number }): CliImport<A> =>
  (ctx, source, opts) =>
  async () => {
    let created = 0
    let failed = 0
    let index = 0
    const failures: Array<CliImportReport['failures'][number]> = []
    for await (const item of source) {
      if (opts.signal?.aborted === true) break
      sent.count++
      const r = await send(ctx, item, opts.mode ?? 'upsert')
      if (E.isLeft(r)) {
        failed++
        failures.push({ index, error: r.left })
      } else created++
      index++
      opts.onProgress?.({ done: created + failed, created, updated: 0, failed })
    }
    return E.right({ created, updated: 0, failed, failures })
  }

let emulator: Emulator
let dir: string
const sent = { count: 0 }

interface Run {
  readonly code: number
  readonly out: string
  readonly err: string
}

const runCli = async (
  argv: ReadonlyArray<string>,
  opts: { env?: Readonly<Record<string, string>>; tty?: boolean; interruptAfter?: number } = {}
): Promise<Run> => {
  const stdout = new PassThrough()
  let out = ''
  stdout.on('data', (d: Buffer) => (out += d.toString()))
  let err = ''
  let t = 0
  let interrupt: (() => void) | undefined
  const ctx = emulator.context
  const importer = sequential<unknown>((c, item, mode) => {
    if (opts.interruptAfter !== undefined && sent.count === opts.interruptAfter) interrupt?.()
    return addCustomer(c, item as never, { forceUpdate: mode === 'upsert' })()
  })(sent)
  const deps: CliDeps = {
    importCustomers: importer,
    importEvents: sequential<unknown>((c, item) => addEvent(c, item as never)())(sent),
    exportCustomers: (c, o) =>
      (async function* () {
        for await (const page of pages(
          getCustomers(c, { ...(o.fields === undefined ? {} : { fields: o.fields }), size: o.pageSize ?? 50 })
        )) {
          if (E.isLeft(page)) {
            yield page
            return
          }
          for (const x of page.right.elements) yield E.right<ContacthubError, Customer>(x)
        }
      })(),
    getMe,
    env: opts.env ?? {
      CONTACTHUB_WORKSPACE_ID: ctx.workspaceId,
      CONTACTHUB_NODE_ID: ctx.nodeId,
      CONTACTHUB_TOKEN: ctx.token,
      CONTACTHUB_BASE_URL: ctx.baseUrl ?? ''
    },
    stdout,
    stderr: { write: (s: string) => (err += s), isTTY: opts.tty === true, columns: 100 },
    // Each reading of the clock is 50 ms later.
    now: () => (t += 50),
    onInterrupt: (handler) => {
      interrupt = handler
      return () => (interrupt = undefined)
    },
    version: '9.9.9'
  }
  const code = await run(argv, deps)
  return { code, out, err }
}

const file = (name: string, text: string): string => {
  const p = join(dir, name)
  writeFileSync(p, text)
  return p
}

const customersInEmulator = async (): Promise<ReadonlyArray<Customer>> => {
  const page = await getCustomers(emulator.context, { size: 50 })()
  if (E.isLeft(page)) throw new Error(JSON.stringify(page.left))
  return page.right.elements
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 })
  dir = mkdtempSync(join(tmpdir(), 'contacthub-cli-'))
})
afterAll(async () => {
  await emulator.close()
  rmSync(dir, { recursive: true, force: true })
})
beforeEach(() => {
  emulator.reset()
  sent.count = 0
})

describe('contacthub import customers (in-process)', () => {
  it('imports NDJSON; a bad line and a refused customer go to the rejects file with line and reason; exit 1', async () => {
    const input = file(
      'c.ndjson',
      [
        '{"externalId":"c-1","base":{"firstName":"Ada"}}',
        '',
        '{"externalId":"c-2", nope',
        '{"externalId":"c-3","base":{"contacts":{"email":"not an email"}}}',
        '{"externalId":"c-4","base":{"firstName":"Grace"}}'
      ].join('\n')
    )
    const r = await runCli(['import', 'customers', input])
    expect(r.code).toBe(EXIT.failed)
    expect((await customersInEmulator()).map((c) => c.externalId).sort()).toEqual(['c-1', 'c-4'])
    const rejects = readFileSync(`${input}.rejects.ndjson`, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(rejects.map((x) => x.line)).toEqual([3, 4])
    expect(rejects[0]).toMatchObject({ line: 3, raw: '{"externalId":"c-2", nope' })
    expect(String(rejects[0]?.reason)).toMatch(/^not JSON: /)
    expect(rejects[1]).toMatchObject({ line: 4, status: 400 })
    expect(String(rejects[1]?.reason)).toContain('email')
    expect(r.out).toContain('4 rows: 2 created, 0 updated, 2 failed')
    expect(r.out).toContain(`2 failed rows written to ${input}.rejects.ndjson`)
  })

  it('imports CSV with dotted headers; exit 0 when nothing failed; plain progress lines off a terminal', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => `c-${i},Name ${i},n${i}@example.com,${i}`)
    const input = file('c.csv', `externalId,base.firstName,base.contacts.email,extended.score\n${rows.join('\n')}\n`)
    const r = await runCli(['import', 'customers', input, '--rejects', join(dir, 'none.ndjson')])
    expect(r.code).toBe(EXIT.ok)
    const got = await customersInEmulator()
    expect(got).toHaveLength(20)
    const c7 = got.find((c) => c.externalId === 'c-7')
    expect(c7?.base?.firstName).toBe('Name 7')
    expect(c7?.base?.contacts?.email).toBe('n7@example.com')
    expect(c7?.extended).toEqual({ score: '7' })
    expect(existsSync(join(dir, 'none.ndjson'))).toBe(false)
    // A line at each tenth of the 20 rows: 2, 4, ... 20; no carriage return.
    const lines = r.err.split('\n').filter((l) => l.startsWith('import customers '))
    expect(lines).toHaveLength(10)
    expect(lines[0]).toMatch(/^import customers 2\/20 10% [\d.]+\/s ETA \S+ 0 failed elapsed \S+$/)
    expect(lines[9]).toMatch(/^import customers 20\/20 100% /)
    expect(r.err).not.toContain('\r')
  })

  it('on a terminal, draws one bar redrawn with carriage returns', async () => {
    const input = file('t.ndjson', Array.from({ length: 5 }, (_, i) => `{"externalId":"t-${i}"}`).join('\n'))
    const r = await runCli(['import', 'customers', input], { tty: true })
    expect(r.code).toBe(EXIT.ok)
    const draws = r.err.split('\r').filter((s) => s !== '')
    expect(draws.length).toBeGreaterThanOrEqual(2)
    expect(draws.at(-1)).toMatch(/^import customers \[#{24}\] 5\/5 100% .* 0 failed\n$/)
  })

  it('--dry-run sends nothing, checks locally and reports the counts', async () => {
    const input = file(
      'd.ndjson',
      ['{"externalId":"d-1"}', '{"base":{"contacts":{"email":"nope"}}}', 'nope', '{"externalId":"d-2"}'].join('\n')
    )
    const before = emulator.requests.length
    const r = await runCli(['import', 'customers', input, '--dry-run'], { env: {} })
    expect(r.code).toBe(EXIT.failed)
    expect(emulator.requests.length).toBe(before)
    expect(r.out).toContain('4 rows: 2 customers would be sent, 2 failed the checks')
    expect(r.out).toContain('nothing was sent')
    const rejects = readFileSync(`${input}.rejects.ndjson`, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { line: number; reason: string })
    expect(rejects.map((x) => x.line)).toEqual([2, 3])
    expect(rejects[0]?.reason).toContain('/base/contacts/email')
  })

  it('Ctrl-C stops the import, prints the summary and exits 130', async () => {
    const input = file('i.ndjson', Array.from({ length: 10 }, (_, i) => `{"externalId":"i-${i}"}`).join('\n'))
    const r = await runCli(['import', 'customers', input], { interruptAfter: 3 })
    expect(r.code).toBe(EXIT.interrupted)
    expect(sent.count).toBeLessThan(10)
    expect(r.out).toMatch(/of 10 rows/)
    expect(r.out).toContain('Interrupted')
  })

  it('a missing context is one line naming the variables, never a token; exit 2', async () => {
    const input = file('m.ndjson', '{"externalId":"m"}\n')
    const r = await runCli(['import', 'customers', input], { env: { CONTACTHUB_TOKEN: 'secret-token-123' } })
    expect(r.code).toBe(EXIT.usage)
    expect(r.err.trim().split('\n')).toHaveLength(1)
    expect(r.err).toContain('CONTACTHUB_WORKSPACE_ID, CONTACTHUB_NODE_ID are not set')
    expect(r.err).not.toContain('secret-token-123')
  })

  it('reads the context from --config <ini> with --node', async () => {
    const ctx = emulator.context
    const ini = file(
      'ch.ini',
      `[DEFAULT]\nworkspace_id = ${ctx.workspaceId}\ntoken = ${ctx.token}\nbase_url = ${ctx.baseUrl ?? ''}\n`
    )
    const input = file('ini.ndjson', '{"externalId":"ini-1"}\n')
    const r = await runCli(['import', 'customers', input, '--config', ini, '--node', ctx.nodeId], { env: {} })
    expect(r.code).toBe(EXIT.ok)
    expect((await customersInEmulator()).map((c) => c.externalId)).toEqual(['ini-1'])
  })

  it('a CSV header that cannot be read refuses the file (exit 2) before sending anything', async () => {
    const input = file('h.csv', 'externalId,externalId\nx,y\n')
    const r = await runCli(['import', 'customers', input])
    expect(r.code).toBe(EXIT.usage)
    expect(r.err).toContain('line 1: the header names externalId twice')
    expect(sent.count).toBe(0)
  })
})

describe('contacthub events, export, whoami, usage (in-process)', () => {
  it('imports events from NDJSON', async () => {
    const c = await addCustomer(emulator.context, { externalId: 'e-1' })()
    const id = E.isRight(c) ? c.right.id : ''
    const input = file(
      'e.ndjson',
      [
        JSON.stringify({
          type: 'viewedPage',
          context: 'WEB',
          customerId: id,
          properties: { url: 'https://example.com/' }
        }),
        JSON.stringify({ type: 'viewedPage', context: 'WEB', properties: {} })
      ].join('\n')
    )
    const r = await runCli(['import', 'events', input])
    expect(r.code).toBe(EXIT.failed)
    expect(r.out).toContain('2 rows: 1 sent, 1 failed')
    const rejects = readFileSync(`${input}.rejects.ndjson`, 'utf8')
    expect(JSON.parse(rejects.trim())).toMatchObject({ line: 2 })
    expect(rejects).toContain('customerId, sessionId or externalId')
  })

  it('exports the customers as NDJSON on stdout', async () => {
    for (const x of ['x-1', 'x-2', 'x-3'])
      await addCustomer(emulator.context, { externalId: x, base: { firstName: x } })()
    const r = await runCli(['export', 'customers', '--page-size', '2'])
    expect(r.code).toBe(EXIT.ok)
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { externalId: string })
    expect(lines.map((c) => c.externalId).sort()).toEqual(['x-1', 'x-2', 'x-3'])
    expect(r.err).toContain('export customers: 3 customers written')
  })

  it('whoami prints the user, never the token', async () => {
    const r = await runCli(['whoami'])
    expect(r.code).toBe(EXIT.ok)
    expect(r.out).toContain(`workspace`)
    expect(r.out).toContain(emulator.workspaceId)
    expect(r.out + r.err).not.toContain(emulator.token)
  })

  it('--help on every command, --version, and usage errors with exit 2', async () => {
    for (const argv of [
      ['--help'],
      ['import', '--help'],
      ['import', 'customers', '--help'],
      ['import', 'events', '-h'],
      ['export', 'customers', '--help'],
      ['whoami', '--help']
    ]) {
      const r = await runCli(argv)
      expect(r.code, argv.join(' ')).toBe(EXIT.ok)
      expect(r.out, argv.join(' ')).toMatch(/^Usage: contacthub/)
    }
    expect((await runCli(['--version'])).out).toBe('9.9.9\n')
    for (const argv of [
      [],
      ['import'],
      ['import', 'people', 'x'],
      ['import', 'customers'],
      ['export', 'customers', '--dry-run'],
      ['import', 'customers', 'x.csv', '--concurrency', '0'],
      ['--colour']
    ]) {
      const r = await runCli(argv)
      expect(r.code, argv.join(' ')).toBe(EXIT.usage)
      expect(r.err, argv.join(' ')).toMatch(/^contacthub: /)
    }
  })
})
