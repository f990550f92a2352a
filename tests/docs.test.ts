// The habits every export keeps, checked by the machine over src/**:
// - every exported declaration has a doc comment with `@since` and `@category`, and its category is one that
//   typedoc.json orders for readers (`categoryOrder`); every category that list names is used by some export;
// - no modifier tag (`@function`, `@internal`...) follows an `@example` that has no code fence: typedoc would show
//   the tag as a line of the example's code (put modifier tags before `@example`);
// - every `@example` block type-checks, as a user's module would: one TypeScript program over all the blocks, each
//   a virtual file with a prelude that declares `ctx: Context`, `id`, `customerId`, imports `pipe`, `TE`, `O`, `E`
//   and every export of the package's entries by name (except the names the block imports itself).
//
// Any finding fails the test; each is one line naming the file, the export and what to fix.
import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { OptionDefaults } from 'typedoc'

const root = resolve(import.meta.dirname, '..')
const SRC = join(root, 'src')

const sourceFiles = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name)
      if (statSync(p).isDirectory()) return sourceFiles(p)
      return p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : []
    })

const rel = (file: string): string => relative(root, file).split('\\').join('/')

const parse = (file: string): ts.SourceFile =>
  ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS)

const isExported = (node: ts.Node): boolean =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)

interface Declared {
  readonly name: string
  /** The node whose doc comment documents the export. */
  readonly node: ts.Node
}

/** The exported declarations of a module (re-exports such as `export { a } from './b'` are documented at `b`). */
const exportedDeclarations = (sf: ts.SourceFile): ReadonlyArray<Declared> =>
  sf.statements.flatMap((s): ReadonlyArray<Declared> => {
    if (!isExported(s)) return []
    if (ts.isVariableStatement(s))
      return s.declarationList.declarations.flatMap((d) =>
        ts.isIdentifier(d.name) ? [{ name: d.name.text, node: s }] : []
      )
    if (
      (ts.isFunctionDeclaration(s) ||
        ts.isInterfaceDeclaration(s) ||
        ts.isTypeAliasDeclaration(s) ||
        ts.isClassDeclaration(s) ||
        ts.isEnumDeclaration(s)) &&
      s.name !== undefined
    )
      return [{ name: s.name.text, node: s }]
    return []
  })

const tagsOf = (node: ts.Node): ReadonlyArray<ts.JSDocTag> => ts.getJSDocTags(node)

const typedoc = JSON.parse(readFileSync(join(root, 'typedoc.json'), 'utf8')) as {
  readonly categoryOrder?: ReadonlyArray<string>
}
const ORDERED = new Set((typedoc.categoryOrder ?? []).filter((c) => c !== '*'))

/** Typedoc's modifier tags, without their `@`. */
const MODIFIER_TAGS = new Set(OptionDefaults.modifierTags.map((t) => t.slice(1)))

/** Whether an `@example` tag's code is in a Markdown fence (typedoc then ends the code at the fence). */
const isFenced = (tag: ts.JSDocTag): boolean => /```/.test(ts.getTextOfJSDocComment(tag.comment) ?? '')

/** Modifier tags that come right after an unfenced `@example`: typedoc renders them inside the example's code. */
const leakedModifiers = (tags: ReadonlyArray<ts.JSDocTag>): ReadonlyArray<string> =>
  tags.flatMap((t, i) => {
    const previous = tags[i - 1]
    return previous !== undefined &&
      previous.tagName.text === 'example' &&
      !isFenced(previous) &&
      MODIFIER_TAGS.has(t.tagName.text)
      ? [t.tagName.text]
      : []
  })

/** Each export lacking `@since` or `@category`, or whose category typedoc does not order. */
const tagFindings = (files: ReadonlyArray<string>): ReadonlyArray<string> =>
  files.flatMap((file) =>
    exportedDeclarations(parse(file)).flatMap(({ name, node }) => {
      const tags = tagsOf(node)
      const out: Array<string> = []
      if (!tags.some((t) => t.tagName.text === 'since')) out.push(`${rel(file)} ${name}: no @since`)
      const categories = tags.filter((t) => t.tagName.text === 'category')
      if (categories.length === 0) out.push(`${rel(file)} ${name}: no @category`)
      for (const c of categories) {
        const category = (ts.getTextOfJSDocComment(c.comment) ?? '').trim()
        if (!ORDERED.has(category))
          out.push(`${rel(file)} ${name}: @category ${category} is not in typedoc.json categoryOrder`)
      }
      for (const m of leakedModifiers(tags))
        out.push(`${rel(file)} ${name}: @${m} after an @example without a code fence shows as code`)
      return out
    })
  )

/** The categories `categoryOrder` names that no export of `files` uses. */
const unusedCategories = (files: ReadonlyArray<string>): ReadonlyArray<string> => {
  const used = new Set(
    files.flatMap((file) =>
      exportedDeclarations(parse(file)).flatMap(({ node }) =>
        tagsOf(node)
          .filter((t) => t.tagName.text === 'category')
          .map((t) => (ts.getTextOfJSDocComment(t.comment) ?? '').trim())
      )
    )
  )
  return [...ORDERED].filter((c) => !used.has(c)).map((c) => `typedoc.json categoryOrder: ${c} is used by no export`)
}

// -------------------------------------------------------------------------------------------------
// @example blocks
// -------------------------------------------------------------------------------------------------

interface Example {
  readonly file: string
  /** The export the example documents (`(module)` for a module's leading comment). */
  readonly owner: string
  /** 1-based, among the owner's examples. */
  readonly index: number
  readonly code: string
}

/** The code of an `@example` tag, without a Markdown fence around it. */
const exampleCode = (tag: ts.JSDocTag): string => {
  const text = ts.getTextOfJSDocComment(tag.comment) ?? ''
  const fenced = /```[a-z]*\n([\s\S]*?)```/.exec(text)
  return `${(fenced?.[1] ?? text).trim()}\n`
}

const examplesOf = (file: string): ReadonlyArray<Example> => {
  const sf = parse(file)
  const owners: Array<{ owner: string; node: ts.Node }> = []
  // A module's leading doc comment is attached to its first statement; it may hold examples of the module.
  const first = sf.statements[0]
  if (first !== undefined && !isExported(first)) owners.push({ owner: '(module)', node: first })
  for (const d of exportedDeclarations(sf)) owners.push({ owner: d.name, node: d.node })
  const seen = new Set<ts.JSDocTag>()
  return owners.flatMap(({ owner, node }) =>
    tagsOf(node)
      .filter((t) => t.tagName.text === 'example' && !seen.has(t) && (seen.add(t), true))
      .map((t, i) => ({ file, owner, index: i + 1, code: exampleCode(t) }))
  )
}

/** Names a module exports by its own statements or `export { ... }` lists (read syntactically). */
const exportNames = (file: string): ReadonlyArray<string> =>
  parse(file).statements.flatMap((s): ReadonlyArray<string> => {
    if (ts.isExportDeclaration(s) && s.exportClause !== undefined && ts.isNamedExports(s.exportClause))
      return s.exportClause.elements.map((e) => e.name.text)
    return exportedDeclarations({ statements: ts.factory.createNodeArray([s]) } as unknown as ts.SourceFile).map(
      (d) => d.name
    )
  })

const ENTRIES: ReadonlyArray<readonly [string, string]> = [
  ['contacthub-fp', 'src/index.ts'],
  ['contacthub-fp/node', 'src/node/index.ts'],
  ['contacthub-fp/emulator', 'src/emulator/index.ts']
]

const PRELUDE_NAMES = new Set(['pipe', 'TE', 'O', 'E', 'ctx', 'id', 'customerId'])

/** The names a block binds at its top level: its imports and its own declarations. */
const boundNames = (code: string): ReadonlySet<string> => {
  const sf = ts.createSourceFile('block.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS)
  const names = new Set<string>()
  for (const s of sf.statements) {
    if (ts.isVariableStatement(s))
      for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name)) names.add(d.name.text)
    if ((ts.isFunctionDeclaration(s) || ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) && s.name)
      names.add(s.name.text)
    if (!ts.isImportDeclaration(s) || s.importClause === undefined) continue
    const clause = s.importClause
    if (clause.name !== undefined) names.add(clause.name.text)
    const bindings = clause.namedBindings
    if (bindings === undefined) continue
    if (ts.isNamespaceImport(bindings)) names.add(bindings.name.text)
    else for (const e of bindings.elements) names.add(e.name.text)
  }
  return names
}

const prelude = (code: string, file: string): string => {
  const own = boundNames(code)
  const taken = new Set<string>(own)
  const lines: Array<string> = []
  const std: ReadonlyArray<readonly [string, string]> = [
    ['pipe', "import { pipe } from 'fp-ts/function'"],
    ['TE', "import * as TE from 'fp-ts/TaskEither'"],
    ['O', "import * as O from 'fp-ts/Option'"],
    ['E', "import * as E from 'fp-ts/Either'"]
  ]
  for (const [name, line] of std) if (!own.has(name)) lines.push(line)
  // The package's entries, then the example's own module (an internal export's example may use its neighbours).
  const sources: ReadonlyArray<readonly [string, string]> = [
    ...ENTRIES.map(([specifier, f]) => [specifier, join(root, f)] as const),
    [file.replace(/\.ts$/, ''), file]
  ]
  for (const [specifier, source] of sources) {
    const names = [...new Set(exportNames(source))].filter((n) => !taken.has(n) && !PRELUDE_NAMES.has(n))
    for (const n of names) taken.add(n)
    if (names.length > 0) lines.push(`import { ${names.join(', ')} } from '${specifier}'`)
  }
  if (!own.has('Context')) lines.push("import type { Context as __Context } from 'contacthub-fp'")
  const contextType = own.has('Context') ? 'Context' : '__Context'
  if (!own.has('ctx')) lines.push(`declare const ctx: ${contextType}`)
  if (!own.has('id')) lines.push('declare const id: string')
  if (!own.has('customerId')) lines.push('declare const customerId: string')
  return `${lines.join('\n')}\n`
}

const compilerOptions = (): ts.CompilerOptions => {
  const converted = ts.convertCompilerOptionsFromJson(
    {
      strict: true,
      moduleResolution: 'bundler',
      module: 'esnext',
      target: 'es2022',
      lib: ['es2022', 'dom'],
      types: ['node'],
      skipLibCheck: true,
      noEmit: true,
      moduleDetection: 'force',
      // Unused names are fine in an example; the prelude imports everything.
      noUnusedLocals: false,
      paths: Object.fromEntries(ENTRIES.map(([specifier, file]) => [specifier, [join(root, file)]]))
    },
    root
  )
  return converted.options
}

/** Type-checks the examples in one program; returns one line per failing block and diagnostic. */
const checkExamples = (examples: ReadonlyArray<Example>): ReadonlyArray<string> => {
  const options = compilerOptions()
  const dir = join(root, '.examples-check')
  const files = new Map(
    examples.map((e, i) => {
      const head = prelude(e.code, e.file)
      return [join(dir, `example-${String(i).padStart(3, '0')}.ts`), { example: e, head, text: head + e.code }] as const
    })
  )
  const host = ts.createCompilerHost(options, true)
  const { fileExists, readFile, getSourceFile } = host
  host.fileExists = (name) => files.has(name) || fileExists.call(host, name)
  host.readFile = (name) => files.get(name)?.text ?? readFile.call(host, name)
  host.getSourceFile = (name, languageVersion, onError, shouldCreate) => {
    const f = files.get(name)
    return f === undefined
      ? getSourceFile.call(host, name, languageVersion, onError, shouldCreate)
      : ts.createSourceFile(name, f.text, languageVersion, true, ts.ScriptKind.TS)
  }
  const program = ts.createProgram({ rootNames: [...files.keys()], options, host })
  return [...files.entries()].flatMap(([name, { example, head }]) => {
    const sf = program.getSourceFile(name)
    if (sf === undefined) return []
    const headLines = head.split('\n').length - 1
    return [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)].map((d) => {
      const line = sf.getLineAndCharacterOfPosition(d.start ?? 0).line - headLines + 1
      const message = ts.flattenDiagnosticMessageText(d.messageText, ' ')
      return `${rel(example.file)} ${example.owner} @example #${example.index} (line ${line}): TS${d.code} ${message}`
    })
  })
}

const FILES = sourceFiles(SRC)

describe('doc comments of src/**', () => {
  it('finds nothing to fix', { timeout: 180_000 }, () => {
    const examples = FILES.flatMap(examplesOf)
    const findings = [...tagFindings(FILES), ...unusedCategories(FILES), ...checkExamples(examples)]
    expect(findings).toEqual([])
  })

  it('finds an export without tags', () => {
    const file = join(root, 'src/index.ts')
    const sf = ts.createSourceFile(file, '/** A thing. */\nexport const x = 1\n', ts.ScriptTarget.ES2022, true)
    const found = exportedDeclarations(sf).map(({ name, node }) => [name, tagsOf(node).map((t) => t.tagName.text)])
    expect(found).toEqual([['x', []]])
  })

  it('finds a modifier tag that typedoc would show inside an example', () => {
    const file = join(root, 'src/index.ts')
    const comment = (order: string): ts.Node => {
      const sf = ts.createSourceFile(
        file,
        `/**\n * A.\n${order}\n */\nexport const f = () => 1\n`,
        ts.ScriptTarget.ES2022,
        true
      )
      return exportedDeclarations(sf)[0]?.node ?? sf
    }
    expect(leakedModifiers(tagsOf(comment(' * @example\n * f()\n *\n * @function\n * @since 0.1.0')))).toEqual([
      'function'
    ])
    expect(leakedModifiers(tagsOf(comment(' * @function\n * @example\n * f()\n * @since 0.1.0')))).toEqual([])
    expect(leakedModifiers(tagsOf(comment(' * @example\n * ```ts\n * f()\n * ```\n * @internal')))).toEqual([])
    expect(leakedModifiers(tagsOf(comment(' * @example\n * f()\n * @since 0.1.0\n * @internal')))).toEqual([])
  })

  it('finds categoryOrder names no export uses', () => {
    const found = unusedCategories([join(root, 'src/tags.ts')])
    expect(found).toContain('typedoc.json categoryOrder: customers is used by no export')
    expect(found).not.toContain('typedoc.json categoryOrder: tags is used by no export')
  })

  it('reports a broken example with its file, export and line', { timeout: 180_000 }, () => {
    const found = checkExamples([
      { file: join(root, 'src/customers.ts'), owner: 'getCustomer', index: 2, code: 'getCustomer(ctx, 42)\n' },
      {
        file: join(root, 'src/customers.ts'),
        owner: 'getCustomer',
        index: 1,
        code: 'pipe(getCustomer(ctx, id), TE.map((c) => c.id))\n'
      }
    ])
    expect(found).toHaveLength(1)
    expect(found[0]).toMatch(/^src\/customers\.ts getCustomer @example #2 \(line 1\): TS2345 /)
  })

  it('finds the examples of the sources', () => {
    const examples = FILES.flatMap(examplesOf)
    expect(examples.length).toBeGreaterThanOrEqual(30)
    expect(examples.some((e) => e.owner === 'getCustomer' && e.code.includes('getCustomer(ctx, id)'))).toBe(true)
  })
})
