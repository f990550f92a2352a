// Builds dist/esm (*.js), dist/cjs (*.cjs) and dist/types (*.d.ts for import, *.d.cts for require),
// one output file per source module so that bundlers shake what a user does not import.
//
// fp-ts and io-ts are imported through the package's `imports` map (`#fp-ts/*`, `#io-ts/*`) and stay external:
// Node resolves them to fp-ts/lib (loadable from plain ESM and CJS), bundlers to fp-ts/es6 (shakeable).
// Declarations name the public paths (`fp-ts/TaskEither`, `io-ts`) so users' type checkers find them.
//
// The sources are type-checked once, by the declarations program below (with `stripInternal`: a declaration tagged
// `@internal` is left out of dist/types); the JavaScript is transpiled file by file with esbuild (the sources are
// `isolatedModules`-clean, so nothing needs the type checker). Each step prints one line.
import { readdirSync, statSync, mkdirSync, writeFileSync, chmodSync, existsSync, rmSync } from 'node:fs'
import { dirname, join, relative, isAbsolute } from 'node:path'
import { performance } from 'node:perf_hooks'
import { transform } from 'esbuild'
import ts from 'typescript'

const SRC = 'src'

const sourceFiles = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : []
  })

// codecs/compile and its browser variant are reached through the package's `#compile` import (external here), so
// they are entries of their own.
const entries = [
  'src/index.ts',
  'src/node/index.ts',
  'src/emulator/index.ts',
  'src/emulator/cli.ts',
  'src/cli/main.ts',
  'src/codecs/compile.ts',
  'src/codecs/compile-browser.ts'
].filter((f) => existsSync(f))

const rewriteSpecifiers = (code, ext) =>
  code
    .replace(/(from\s+|import\()(['"])#io-ts\/index\2/g, '$1$2io-ts$2')
    .replace(/(from\s+|import\()(['"])#(fp-ts|io-ts)\/([^'"]+)\2/g, '$1$2$3/$4$2')
    .replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]+?)(?:\.js)?\2/g, `$1$2$3${ext}$2`)

const say = (line) => process.stdout.write(`build: ${line}\n`)
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`

/**
 * Emits declarations with the TypeScript API, once for `import` (.d.ts) and once for `require` (.d.cts). This is the
 * build's only type check of src/.
 */
const declarations = () => ({
  name: 'declarations',
  buildEnd(error) {
    if (error) return
    const start = performance.now()
    rmSync('dist/types', { recursive: true, force: true })
    const program = ts.createProgram(sourceFiles(SRC), {
      target: ts.ScriptTarget.ES2020,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      types: ['node'],
      strict: true,
      skipLibCheck: true,
      declaration: true,
      emitDeclarationOnly: true,
      stripInternal: true,
      rootDir: SRC,
      outDir: 'dist/types'
    })
    const result = program.emit(undefined, (fileName, text) => {
      if (!fileName.endsWith('.d.ts')) return
      mkdirSync(dirname(fileName), { recursive: true })
      writeFileSync(fileName, rewriteSpecifiers(text, '.js'))
      writeFileSync(fileName.replace(/\.d\.ts$/, '.d.cts'), rewriteSpecifiers(text, '.cjs'))
    })
    const diagnostics = ts.getPreEmitDiagnostics(program).concat(result.diagnostics)
    if (diagnostics.length > 0) {
      const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => process.cwd(), getNewLine: () => '\n' }
      this.error(ts.formatDiagnostics(diagnostics, host))
    }
    say(`type-checked src/ and wrote dist/types (.d.ts, .d.cts) in ${seconds(start)}`)
  }
})

const executableBin = () => ({
  name: 'executable-bin',
  writeBundle(options, bundle) {
    for (const file of Object.keys(bundle)) {
      if (/(emulator\/cli|cli\/main)\.c?js$/.test(file)) chmodSync(join(options.dir, file), 0o755)
    }
  }
})

const external = (id) => !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0')

/** Transpiles each TypeScript module on its own (types erased, `/*#__PURE__*\/` marks kept); no type check. */
const esbuildTranspile = () => {
  let start = 0
  return {
    name: 'esbuild-transpile',
    buildStart() {
      start = performance.now()
      // Whatever this build writes, dist/ no longer matches the inputs scripts/build-if-stale.mjs recorded.
      rmSync('dist/.build-inputs', { force: true })
      say('transpiling src/ with esbuild and bundling with rollup (one file per module)')
    },
    async transform(code, id) {
      if (!id.endsWith('.ts') || id.endsWith('.d.ts')) return null
      const out = await transform(code, { loader: 'ts', format: 'esm', target: 'es2020', sourcefile: id })
      return { code: out.code, map: null }
    },
    generateBundle(options) {
      say(`wrote ${options.dir} in ${seconds(start)}`)
    }
  }
}

/** Resolves the sources' extensionless relative imports (`./context`) to their `.ts` files. */
const resolveTs = () => ({
  name: 'resolve-ts',
  resolveId(source, importer) {
    if (importer === undefined || !source.startsWith('.')) return null
    const base = join(dirname(importer), source)
    for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate)) return candidate
    return null
  }
})

export default {
  input: Object.fromEntries(entries.map((f) => [relative(SRC, f).replace(/\.ts$/, ''), f])),
  external,
  treeshake: { moduleSideEffects: false },
  plugins: [resolveTs(), esbuildTranspile(), declarations(), executableBin()],
  output: [
    {
      dir: 'dist/esm',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: SRC,
      entryFileNames: '[name].js',
      sourcemap: false
    },
    {
      dir: 'dist/cjs',
      format: 'cjs',
      preserveModules: true,
      preserveModulesRoot: SRC,
      entryFileNames: '[name].cjs',
      exports: 'named',
      interop: 'auto',
      sourcemap: false
    }
  ]
}
