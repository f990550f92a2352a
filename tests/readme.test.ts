// Every ```ts block of README.md type-checks against the sources, as a user's module importing the package by name.
// The blocks are compiled in memory (nothing is written to disk): each one is a virtual module inside the repository,
// so that `fp-ts`, `io-ts` and the package's `#fp-ts/*` imports resolve as they do for the sources, and the package
// names are mapped onto the sources with `paths`.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import ts from 'typescript'

const root = resolve(import.meta.dirname, '..')
const readme = readFileSync(join(root, 'README.md'), 'utf8')

/** Languages a fenced block may have: `ts` is checked, the others are deliberately not TypeScript. */
const LANGUAGES = new Set(['ts', 'sh', 'ini', 'text', 'json'])

interface Block {
  readonly index: number
  readonly language: string
  /** The 1-based README line of the block's first code line. */
  readonly line: number
  readonly code: string
}

const blocks = (markdown: string): ReadonlyArray<Block> => {
  const out: Array<Block> = []
  const lines = markdown.split('\n')
  let open: { language: string; line: number; code: Array<string> } | undefined
  lines.forEach((text, i) => {
    const fence = /^```(.*)$/.exec(text)
    if (open === undefined) {
      if (fence !== null) open = { language: (fence[1] ?? '').trim(), line: i + 2, code: [] }
    } else if (fence !== null && (fence[1] ?? '').trim() === '') {
      out.push({ index: out.length, language: open.language, line: open.line, code: `${open.code.join('\n')}\n` })
      open = undefined
    } else {
      open.code.push(text)
    }
  })
  if (open !== undefined) throw new Error(`README.md: the block opened at line ${open.line - 1} is never closed`)
  return out
}

const all = blocks(readme)
const tsBlocks = all.filter((b) => b.language === 'ts')

const options = (): ts.CompilerOptions => {
  const converted = ts.convertCompilerOptionsFromJson(
    {
      strict: true,
      moduleResolution: 'bundler',
      module: 'esnext',
      target: 'es2022',
      lib: ['es2022', 'dom'],
      skipLibCheck: true,
      noEmit: true,
      moduleDetection: 'force',
      paths: {
        'contacthub-fp': [join(root, 'src/index.ts')],
        'contacthub-fp/node': [join(root, 'src/node/index.ts')],
        'contacthub-fp/emulator': [join(root, 'src/emulator/index.ts')]
      }
    },
    root
  )
  if (converted.errors.length > 0)
    throw new Error(converted.errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n'))
  return converted.options
}

/** Type-checks the blocks as virtual files; returns one readable line per diagnostic. */
const check = (list: ReadonlyArray<Block>): ReadonlyArray<string> => {
  const compilerOptions = options()
  const dir = join(root, '.readme-check')
  const files = new Map(list.map((b) => [join(dir, `block-${String(b.index).padStart(2, '0')}.ts`), b] as const))
  const host = ts.createCompilerHost(compilerOptions, true)
  const { fileExists, readFile, getSourceFile } = host
  host.fileExists = (name) => files.has(name) || fileExists.call(host, name)
  host.readFile = (name) => files.get(name)?.code ?? readFile.call(host, name)
  host.getSourceFile = (name, languageVersion, onError, shouldCreate) => {
    const block = files.get(name)
    return block === undefined
      ? getSourceFile.call(host, name, languageVersion, onError, shouldCreate)
      : ts.createSourceFile(name, block.code, languageVersion, true, ts.ScriptKind.TS)
  }
  const program = ts.createProgram({ rootNames: [...files.keys()], options: compilerOptions, host })
  const report = (d: ts.Diagnostic): string => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n')
    const block = d.file === undefined ? undefined : files.get(d.file.fileName)
    if (d.file === undefined || block === undefined)
      return `${d.file === undefined ? 'global' : d.file.fileName}: TS${d.code} ${message}`
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start ?? 0)
    return `ts block #${block.index} (README.md line ${block.line + line}, column ${character + 1}): TS${d.code} ${message}`
  }
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...[...files.keys()].flatMap((name) => {
      const sf = program.getSourceFile(name)
      return sf === undefined ? [] : [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]
    })
  ]
  return diagnostics.map(report)
}

describe('README.md', () => {
  it('fences every block with a known language', () => {
    const unknown = all.filter((b) => !LANGUAGES.has(b.language)).map((b) => `line ${b.line - 1}: "${b.language}"`)
    expect(unknown).toEqual([])
  })

  it('has the examples the docs promise', () => {
    expect(tsBlocks.length).toBeGreaterThanOrEqual(15)
    for (const b of tsBlocks) expect(b.code, `ts block #${b.index} has no import`).toMatch(/^import /m)
    expect(tsBlocks.some((b) => b.code.includes('contacthub-fp/emulator'))).toBe(true)
  })

  it('type-checks every ts block against the sources', { timeout: 120_000 }, () => {
    expect(check(tsBlocks)).toEqual([])
  })

  it('reports a broken block with its index and README line', { timeout: 120_000 }, () => {
    const broken: Block = {
      index: 99,
      language: 'ts',
      line: 10,
      code: "import { getNode } from 'contacthub-fp'\n\ngetNode(42)\n"
    }
    const found = check([broken])
    expect(found.length).toBeGreaterThan(0)
    expect(found[0]).toMatch(/^ts block #99 \(README\.md line 12, column \d+\): TS\d+ /)
  })
})
