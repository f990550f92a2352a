// examples/node-esm.mjs and examples/node-cjs.cjs run as written, the way a user runs them: copied into a project of
// their own whose node_modules holds contacthub-fp (a symlink to this repository, so its built dist/) and the peer
// dependencies. Each starts the emulator, creates a customer, reads it, lists, stops; the test checks what it printed.
import { afterAll, describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = process.cwd()
const project = mkdtempSync(join(tmpdir(), 'contacthub-fp-examples-'))
afterAll(() => rmSync(project, { recursive: true, force: true }))

mkdirSync(join(project, 'node_modules'))
symlinkSync(root, join(project, 'node_modules', 'contacthub-fp'), 'dir')
for (const dep of ['fp-ts', 'io-ts'])
  symlinkSync(join(root, 'node_modules', dep), join(project, 'node_modules', dep), 'dir')

const run = (file: string): Promise<{ code: number; stdout: string; stderr: string }> => {
  copyFileSync(join(root, 'examples', file), join(project, file))
  return new Promise((resolve) => {
    execFile(process.execPath, [file], { cwd: project, encoding: 'utf8', timeout: 30_000 }, (error, stdout, stderr) =>
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr })
    )
  })
}

const EXPECTED = [
  /^emulator at http:\/\/127\.0\.0\.1:\d+\/hub\/v1$/,
  /^created and read [0-9a-f-]{36}: Ada$/,
  /^listed 1 of 1 customers$/,
  /^emulator stopped$/
]

describe.each(['node-esm.mjs', 'node-cjs.cjs'])('examples/%s', (file) => {
  it('runs against the built package and the emulator, and exits 0', async () => {
    expect(existsSync(join(root, 'dist/esm/index.js'))).toBe(true)
    const { code, stdout, stderr } = await run(file)
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const lines = stdout.trim().split('\n')
    expect(lines).toHaveLength(EXPECTED.length)
    lines.forEach((line, i) => expect(line).toMatch(EXPECTED[i] ?? /^$/))
  })
})
