// Runs a bench server script in a child process of its own and reads the JSON line it prints once ready.
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export interface Child<Info> {
  readonly info: Info
  readonly pid: number
  readonly stop: () => Promise<void>
}

const live = new Set<ChildProcess>()
process.on('exit', () => {
  for (const c of live) c.kill('SIGKILL')
})

export const startChild = <Info>(
  script: string,
  args: ReadonlyArray<string> = [],
  readyTimeoutMs = 60_000
): Promise<Child<Info>> =>
  new Promise((resolve, reject) => {
    const path = fileURLToPath(new URL(script, import.meta.url))
    const child = spawn(process.execPath, ['--import', 'tsx', path, ...args], {
      stdio: ['pipe', 'pipe', 'inherit'],
      cwd: fileURLToPath(new URL('..', import.meta.url))
    })
    live.add(child)
    const exited = new Promise<void>((done) => child.once('exit', () => done()))
    void exited.then(() => live.delete(child))
    const stop = async (): Promise<void> => {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000)
      await exited
      clearTimeout(timer)
    }
    const timer = setTimeout(() => {
      void stop()
      reject(new Error(`${script} did not report ready within ${readyTimeoutMs} ms`))
    }, readyTimeoutMs)
    let buffered = ''
    const onData = (chunk: Buffer): void => {
      buffered += chunk.toString('utf8')
      const nl = buffered.indexOf('\n')
      if (nl < 0) return
      child.stdout?.off('data', onData)
      clearTimeout(timer)
      try {
        resolve({ info: JSON.parse(buffered.slice(0, nl)) as Info, pid: child.pid ?? -1, stop })
      } catch (e) {
        void stop()
        reject(e instanceof Error ? e : new Error(String(e)))
      }
    }
    child.stdout?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${script} exited with ${code} before it was ready`))
    })
  })
