// Builds dist/esm (*.js), dist/cjs (*.cjs) and dist/types (*.d.ts for import, *.d.cts for require),
// one output file per source module so that bundlers shake what a user does not import.
//
// fp-ts and io-ts are imported through the package's `imports` map (`#fp-ts/*`, `#io-ts/*`) and stay external:
// Node resolves them to fp-ts/lib (loadable from plain ESM and CJS), bundlers to fp-ts/es6 (shakeable).
// Declarations name the public paths (`fp-ts/TaskEither`, `io-ts`) so users' type checkers find them.
import { readdirSync, statSync, mkdirSync, writeFileSync, chmodSync, existsSync } from 'node:fs'
import { dirname, join, relative, isAbsolute } from 'node:path'
import typescript from '@rollup/plugin-typescript'
import ts from 'typescript'

const SRC = 'src'

const sourceFiles = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : []
  })

const entries = ['src/index.ts', 'src/node/index.ts', 'src/emulator/index.ts', 'src/emulator/cli.ts'].filter((f) =>
  existsSync(f)
)

const rewriteSpecifiers = (code, ext) =>
  code
    .replace(/(from\s+|import\()(['"])#io-ts\/index\2/g, '$1$2io-ts$2')
    .replace(/(from\s+|import\()(['"])#(fp-ts|io-ts)\/([^'"]+)\2/g, '$1$2$3/$4$2')
    .replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]+?)(?:\.js)?\2/g, `$1$2$3${ext}$2`)

/** Emits declarations with the TypeScript API, once for `import` (.d.ts) and once for `require` (.d.cts). */
const declarations = () => ({
  name: 'declarations',
  buildEnd(error) {
    if (error) return
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
  }
})

const executableBin = () => ({
  name: 'executable-bin',
  writeBundle(options, bundle) {
    for (const file of Object.keys(bundle)) {
      if (/emulator\/cli\.c?js$/.test(file)) chmodSync(join(options.dir, file), 0o755)
    }
  }
})

const external = (id) => !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0')

const plugin = () =>
  typescript({
    tsconfig: './tsconfig.json',
    filterRoot: '.',
    include: ['src/**/*.ts'],
    compilerOptions: { declaration: false, noEmit: false, rootDir: 'src', outDir: undefined, noEmitOnError: false }
  })

export default {
  input: Object.fromEntries(entries.map((f) => [relative(SRC, f).replace(/\.ts$/, ''), f])),
  external,
  treeshake: { moduleSideEffects: false },
  plugins: [plugin(), declarations(), executableBin()],
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
