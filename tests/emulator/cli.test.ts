import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'

const started: Array<ChildProcess> = []

/** Signals the CLI's whole process group (npx, tsx and node), which it leads. */
const signal = (child: ChildProcess, sig: NodeJS.Signals): void => {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  try {
    // A detached child leads its own group: the whole group is signalled; any other child is signalled alone.
    if (child.spawnargs[0] === 'npx') process.kill(-child.pid, sig)
    else child.kill(sig)
  } catch {
    // already gone
  }
}

afterAll(() => {
  for (const child of started) signal(child, 'SIGKILL')
})

/**
 * Runs the CLI from its sources. `direct`: as one node process (tsx loaded with `--import`), so that a signal
 * reaches the CLI itself and the exit code is its own; otherwise through `npx tsx`, as the leader of a process group.
 */
const spawnCli = (args: ReadonlyArray<string>, direct = false) => {
  const child = direct
    ? spawn(process.execPath, ['--import', 'tsx', 'src/emulator/cli.ts', ...args], {
        cwd: process.cwd(),
        stdio: ['ignore', 'pipe', 'pipe']
      })
    : spawn('npx', ['tsx', 'src/emulator/cli.ts', ...args], {
        cwd: process.cwd(),
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe']
      })
  started.push(child)
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
  const waitFor = (re: RegExp, ms: number): Promise<RegExpExecArray> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`timed out waiting for ${re}; stdout: ${stdout}; stderr: ${stderr}`)),
        ms
      )
      const check = (): void => {
        const m = re.exec(stdout)
        if (m !== null) {
          clearTimeout(timer)
          resolve(m)
        }
      }
      child.stdout.on('data', check)
      check()
    })
  return { child, exited, waitFor, out: () => stdout, err: () => stderr }
}

describe('contacthub-emulator bin', () => {
  it('starts, prints the base URL, workspace, node and token, serves, and stops on SIGTERM', async () => {
    const cli = spawnCli(['--port', '0', '--workspace-id', 'cli-ws'])
    const m = await cli.waitFor(/token:\s+(\S+)\n/, 15_000)
    const out = cli.out()
    const url = /base URL:\s+(\S+)/.exec(out)![1]
    const ws = /workspace id:\s+(\S+)/.exec(out)![1]
    const node = /node id:\s+(\S+)/.exec(out)![1]
    const token = m[1]
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hub\/v1$/)
    expect(ws).toBe('cli-ws')
    const res = await fetch(`${url}/workspaces/${ws}/customers?nodeId=${node}`, {
      headers: { Authorization: `Bearer ${token}` }
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ elements: [], page: { number: 0, size: 10 } })
    signal(cli.child, 'SIGTERM')
    await cli.waitFor(/SIGTERM: stopping/, 10_000)
    await cli.exited
    await expect(fetch(`${url}/workspaces/${ws}/customers?nodeId=${node}`)).rejects.toThrow()
  }, 30_000)

  it('refuses an unknown option with exit code 2', async () => {
    const cli = spawnCli(['--colour', 'red'])
    const code = await cli.exited
    expect(code).toBe(2)
    expect(cli.err()).toContain('unknown option --colour')
  }, 30_000)

  it('--version prints the version of the package (from the sources and from the built bin, ESM and CommonJS)', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
    const cli = spawnCli(['--version'], true)
    expect(await cli.exited).toBe(0)
    expect(cli.out()).toBe(`${version}\n`)
    for (const bin of ['dist/esm/emulator/cli.js', 'dist/cjs/emulator/cli.cjs'])
      expect(execFileSync(process.execPath, [bin, '-v'], { encoding: 'utf8' })).toBe(`${version}\n`)
  }, 30_000)

  it('prints export lines a shell reads back exactly, quotes and dollars included', async () => {
    const workspaceId = `it's "$HOME" \\ x`
    const token = 'to ken`date`'
    const cli = spawnCli(['--port', '0', '--workspace-id', workspaceId, '--token', token, '--node-id', 'n-1'], true)
    await cli.waitFor(/export CONTACTHUB_TOKEN=.*\n/, 15_000)
    const lines = cli
      .out()
      .split('\n')
      .filter((l) => l.startsWith('export '))
    expect(lines.map((l) => /^export (CONTACTHUB_[A-Z_]+)=/.exec(l)?.[1])).toEqual([
      'CONTACTHUB_BASE_URL',
      'CONTACTHUB_WORKSPACE_ID',
      'CONTACTHUB_NODE_ID',
      'CONTACTHUB_TOKEN'
    ])
    // Plain values stay readable.
    expect(lines).toContain('export CONTACTHUB_NODE_ID=n-1')
    const read = execFileSync(
      'sh',
      [
        '-c',
        'eval "$1"; printf "%s\\n" "$CONTACTHUB_BASE_URL" "$CONTACTHUB_WORKSPACE_ID" "$CONTACTHUB_NODE_ID" "$CONTACTHUB_TOKEN"',
        'sh',
        lines.join('\n')
      ],
      { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: '/nowhere' } }
    )
    const url = /base URL:\s+(\S+)/.exec(cli.out())?.[1]
    expect(read.split('\n').slice(0, 4)).toEqual([url, workspaceId, 'n-1', token])
    signal(cli.child, 'SIGTERM')
    expect(await cli.exited).toBe(0)
  }, 30_000)

  it('stops cleanly on SIGTERM and on SIGINT: the server closes and the exit code is 0', async () => {
    for (const sig of ['SIGTERM', 'SIGINT'] as const) {
      const cli = spawnCli(['--port', '0'], true)
      await cli.waitFor(/export CONTACTHUB_TOKEN=/, 15_000)
      const url = /base URL:\s+(\S+)/.exec(cli.out())?.[1] ?? ''
      signal(cli.child, sig)
      expect(await cli.exited).toBe(0)
      expect(cli.out()).toContain(`${sig}: stopping the emulator`)
      expect(cli.err()).toBe('')
      await expect(fetch(`${url}/me`)).rejects.toThrow()
    }
  }, 30_000)

  it('a port that is taken: one line that says so and suggests --port 0, exit code 1, no stack trace', async () => {
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as AddressInfo).port
    try {
      const cli = spawnCli(['--port', String(port)], true)
      expect(await cli.exited).toBe(1)
      expect(cli.err()).toBe(
        `contacthub-emulator: port ${port} on 127.0.0.1 is already in use; try --port 0 to pick a free one.\n`
      )
      expect(cli.out()).toBe('')
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  }, 30_000)

  it('--user sets the user GET /me answers with; a bad --user is refused with exit code 2', async () => {
    const cli = spawnCli(['--port', '0', '--user', '{"name":"Ada","surname":null,"permission":"R"}'], true)
    await cli.waitFor(/export CONTACTHUB_TOKEN=/, 15_000)
    const url = /base URL:\s+(\S+)/.exec(cli.out())?.[1] ?? ''
    const token = /token:\s+(\S+)/.exec(cli.out())?.[1] ?? ''
    const res = await fetch(`${url}/me`, { headers: { Authorization: `Bearer ${token}` } })
    expect(res.status).toBe(200)
    const me = (await res.json()) as { name: unknown; surname: unknown; id: unknown }
    expect([me.id, me.name, me.surname]).toEqual(['emulator-user', 'Ada', null])
    signal(cli.child, 'SIGTERM')
    expect(await cli.exited).toBe(0)

    const refusals = [
      ['{"permission":"X"}', "--user's permission must be R, RW or W"],
      ['{"nick":"a"}', '--user has no field "nick"'],
      ['ada', 'got text that is not JSON']
    ] as const
    const refused = refusals.map(([bad]) => spawnCli(['--user', bad], true))
    expect(await Promise.all(refused.map((r) => r.exited))).toEqual([2, 2, 2])
    refused.forEach((r, i) => expect(r.err()).toContain(refusals[i]?.[1]))
  }, 60_000)
})
