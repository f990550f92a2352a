// Measures the emulator's resident memory before and after a flood of large request bodies (not a test: run by hand,
// `npx tsx tests/emulator/flood-rss.ts [count] [bytes]`, Linux only). The emulator runs in its own process (the CLI,
// on 127.0.0.1 and a free port), so that the figures are its own; the flood is authenticated and routed (the bodies
// the log keeps: each one is an invalid customer, answered 400 and not stored), then unauthenticated.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

const count = Number(process.argv[2] ?? 2000)
const bytes = Number(process.argv[3] ?? 1_000_000)
const concurrency = 4

const rssMiB = (pid: number): number => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m === null ? NaN : Math.round(Number(m[1]) / 1024)
}

const main = async (): Promise<void> => {
  const cli = resolve(import.meta.dirname, '../../src/emulator/cli.ts')
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', '--token', 'flood-token'], {
    stdio: ['ignore', 'pipe', 'inherit']
  })
  const pid = child.pid ?? NaN
  const out = await new Promise<string>((ok) => {
    let text = ''
    child.stdout.on('data', (d: Buffer) => {
      text += d.toString()
      if (text.includes('CONTACTHUB_TOKEN')) ok(text)
    })
  })
  const field = (name: string): string => new RegExp(`${name}=(\\S+)`).exec(out)?.[1] ?? ''
  const base = `${field('CONTACTHUB_BASE_URL')}/workspaces/${field('CONTACTHUB_WORKSPACE_ID')}/customers`
  const body = JSON.stringify({ nodeId: field('CONTACTHUB_NODE_ID'), bogus: 'x'.repeat(bytes) })
  const flood = async (token: string): Promise<Record<number, number>> => {
    const statuses: Record<number, number> = {}
    let next = 0
    const worker = async (): Promise<void> => {
      while (next < count) {
        next++
        const r = await fetch(base, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body
        })
        await r.arrayBuffer()
        statuses[r.status] = (statuses[r.status] ?? 0) + 1
      }
    }
    await Promise.all(Array.from({ length: concurrency }, worker))
    return statuses
  }
  try {
    await new Promise((r) => setTimeout(r, 500))
    const before = rssMiB(pid)
    const authed = await flood('flood-token')
    const afterAuthed = rssMiB(pid)
    const unauthed = await flood('wrong-token')
    const afterUnauthed = rssMiB(pid)
    process.stdout.write(
      `${count} POSTs of ${bytes} bytes each way; emulator RSS: before ${before} MiB, ` +
        `after the authenticated flood ${afterAuthed} MiB (${JSON.stringify(authed)}), ` +
        `after the unauthenticated flood ${afterUnauthed} MiB (${JSON.stringify(unauthed)})\n`
    )
  } finally {
    child.kill('SIGTERM')
  }
}

void main()
