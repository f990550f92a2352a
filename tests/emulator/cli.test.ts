import { spawn, type ChildProcess } from 'node:child_process'
import { afterAll, describe, expect, it } from 'vitest'

const started: Array<ChildProcess> = []

/** Signals the CLI's whole process group (npx, tsx and node), which it leads. */
const signal = (child: ChildProcess, sig: NodeJS.Signals): void => {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, sig)
  } catch {
    // already gone
  }
}

afterAll(() => {
  for (const child of started) signal(child, 'SIGKILL')
})

const spawnCli = (args: ReadonlyArray<string>) => {
  const child = spawn('npx', ['tsx', 'src/emulator/cli.ts', ...args], {
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
})
