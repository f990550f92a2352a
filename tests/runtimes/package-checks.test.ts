// The packed package as npm would publish it, checked by publint (strict) and @arethetypeswrong/cli.
// Packed once, into a temporary directory (never into the working tree), with scripts off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'

const root = process.cwd()
const bin = (name: string): string => join(root, 'node_modules', '.bin', name)

interface Run {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

const run = (file: string, args: ReadonlyArray<string>, timeout = 120_000): Promise<Run> =>
  new Promise((resolve) => {
    execFile(
      file,
      [...args],
      { cwd: root, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1
        resolve({ code, stdout, stderr: error !== null && code === 1 && stderr === '' ? error.message : stderr })
      }
    )
  })

let dir = ''
let tarball = ''

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'contacthub-pack-'))
  const packed = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], 60_000)
  expect(packed.code, packed.stderr).toBe(0)
  const [info] = JSON.parse(packed.stdout) as ReadonlyArray<{ readonly filename: string }>
  if (info === undefined) throw new Error(`npm pack printed no file: ${packed.stdout}`)
  tarball = join(dir, info.filename)
}, 90_000)

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true })
})

interface AttwProblem {
  readonly kind: string
  readonly entrypoint?: string
  readonly resolutionKind?: string
}

describe('package checks', () => {
  it('publint --strict reports nothing, not even suggestions', async () => {
    const data = readFileSync(tarball)
    const tar = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)
    const { messages, pkg } = await publint({ strict: true, level: 'suggestion', pack: { tarball: tar } })
    const rendered = messages.map((m) => `${m.type}: ${formatMessage(m, pkg, { color: false }) ?? m.code}`)
    expect(rendered).toEqual([])
  }, 60_000)

  it('are-the-types-wrong finds no problem in any resolution mode (every entry, import and require)', async () => {
    const result = await run(bin('attw'), [tarball, '--format', 'json', '--no-definitely-typed'])
    const json = JSON.parse(result.stdout) as {
      readonly analysis: { readonly entrypoints: Readonly<Record<string, unknown>> }
      readonly problems?: Readonly<Record<string, ReadonlyArray<AttwProblem>>>
    }
    expect(Object.keys(json.analysis.entrypoints)).toEqual(expect.arrayContaining(['.', './node', './emulator']))
    // TypeScript's legacy `moduleResolution: node` (node10) ignores `exports`: `typesVersions` serves the subpaths there.
    const problems = Object.values(json.problems ?? {})
      .flat()
      .map((p) => `${p.kind} ${p.entrypoint ?? ''} ${p.resolutionKind ?? ''}`)
    expect(problems).toEqual([])
    expect(result.code, result.stderr).toBe(0)
  }, 150_000)
})
