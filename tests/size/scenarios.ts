// Bundle-size scenarios of the built package, shared by tests/size/bundles.test.ts and any benchmark.
//
// Each scenario is a tiny app that imports part of `contacthub-fp` by its name (so the package's `exports` and
// `imports` maps are what resolve it), bundled for the browser and minified by esbuild and by rollup. Rollup has no
// resolver of its own here (no @rollup/plugin-node-resolve), so `browserResolve` below is a small one: package
// `exports`/`imports` maps with the browser conditions, `module`/`main` fields, directory package.json files (how
// fp-ts exposes `fp-ts/es6/*`) and the `sideEffects: false` flag, which rollup needs to drop unused modules.
// Rollup output is minified with esbuild's transform (no terser installed); tree shaking is rollup's own.
//
// Run `npx rollup -c --silent` first: the scenarios read dist/.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve as resolvePath } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build, transform } from 'esbuild'
import { rollup, type Plugin } from 'rollup'

export type Bundler = 'esbuild' | 'rollup'

export interface Scenario {
  readonly name: string
  /** What the app imports, as ESM source; every import is exported again so that nothing is dropped as unused. */
  readonly source: string
}

export interface ScenarioResult {
  readonly name: string
  readonly bundler: Bundler
  /** Minified bytes. */
  readonly bytes: number
  /** Minified then gzip -9 bytes. */
  readonly gzipBytes: number
  readonly code: string
  /** Bytes each input contributes to the minified output (esbuild's metafile); rollup: per module, before minifying. */
  readonly inputs: Readonly<Record<string, number>>
}

export const PACKAGE_NAME = 'contacthub-fp'

export const scenarios: ReadonlyArray<Scenario> = [
  { name: 'addCustomer', source: `export { addCustomer } from '${PACKAGE_NAME}'` },
  { name: 'addEvent', source: `export { addEvent } from '${PACKAGE_NAME}'` },
  {
    name: 'query builder',
    source: `export { customerQuery, intersect, union, except, and, or, eq, neq, gt, gte, lt, lte, between, isIn, notIn, isNull, isNotNull } from '${PACKAGE_NAME}'`
  },
  {
    name: 'pagination',
    source: `export { getCustomers, pages, nextPage, previousPage, hasNextPage, hasPreviousPage } from '${PACKAGE_NAME}'`
  },
  { name: 'everything', source: `import * as all from '${PACKAGE_NAME}'\nexport default all` },
  { name: 'segments only', source: `export { getSegments, addSegment } from '${PACKAGE_NAME}'` },
  { name: 'analytics only', source: `export { getCustomerTrend } from '${PACKAGE_NAME}'` },
  { name: 'validateEvent', source: `export { validateEvent } from '${PACKAGE_NAME}'` }
]

export const gzipSize = (code: string): number => gzipSync(Buffer.from(code), { level: 9 }).length

const round = (root: string, bytes: Record<string, number>): Record<string, number> =>
  Object.fromEntries(
    Object.entries(bytes)
      .map(([k, v]): [string, number] => [k.replace(root + '/', '').replace(/^\0/, ''), v])
      .sort((a, b) => b[1] - a[1])
  )

// -------------------------------------------------------------------------------------------------
// esbuild
// -------------------------------------------------------------------------------------------------

export const bundleWithEsbuild = async (
  scenario: Scenario,
  root: string = process.cwd(),
  external: ReadonlyArray<string> = []
): Promise<ScenarioResult> => {
  const result = await build({
    external: [...external],
    stdin: { contents: scenario.source, resolveDir: root, loader: 'js', sourcefile: 'scenario.js' },
    absWorkingDir: root,
    bundle: true,
    write: false,
    minify: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2020',
    metafile: true,
    legalComments: 'none',
    logLevel: 'silent',
    // Not the repository's tsconfig.json: its `paths` would send `contacthub-fp` to the sources.
    tsconfigRaw: {}
  })
  const code = result.outputFiles[0]?.text ?? ''
  const output = Object.values(result.metafile.outputs)[0] ?? { inputs: {} }
  const inputs = Object.fromEntries(Object.entries(output.inputs).map(([k, v]) => [k, v.bytesInOutput]))
  return {
    name: scenario.name,
    bundler: 'esbuild',
    bytes: Buffer.byteLength(code),
    gzipBytes: gzipSize(code),
    code,
    inputs: round(root, inputs)
  }
}

// -------------------------------------------------------------------------------------------------
// rollup, with a small browser resolver
// -------------------------------------------------------------------------------------------------

const CONDITIONS: ReadonlyArray<string> = ['browser', 'import', 'module', 'default']

type Target = string | null | ReadonlyArray<Target> | { readonly [condition: string]: Target }

interface PackageJson {
  readonly name?: string
  readonly main?: string
  readonly module?: string
  readonly browser?: unknown
  readonly exports?: Target
  readonly imports?: Readonly<Record<string, Target>>
  readonly sideEffects?: unknown
}

const readJson = (file: string): PackageJson => JSON.parse(readFileSync(file, 'utf8')) as PackageJson

const isFile = (p: string): boolean => existsSync(p) && statSync(p).isFile()

/** Picks the first target whose condition applies (Node's PACKAGE_TARGET_RESOLVE, without the error cases). */
const pickTarget = (target: Target, star: string | undefined): string | undefined => {
  if (target === null) return undefined
  if (typeof target === 'string') return star === undefined ? target : target.split('*').join(star)
  if (Array.isArray(target)) {
    for (const t of target as ReadonlyArray<Target>) {
      const r = pickTarget(t, star)
      if (r !== undefined) return r
    }
    return undefined
  }
  for (const [condition, t] of Object.entries(target as Record<string, Target>)) {
    if (CONDITIONS.includes(condition)) {
      const r = pickTarget(t, star)
      if (r !== undefined) return r
    }
  }
  return undefined
}

/** Resolves `key` in an `exports` or `imports` map (exact keys, then one-star patterns, longest prefix first). */
const matchMap = (map: Readonly<Record<string, Target>>, key: string): string | undefined => {
  if (Object.prototype.hasOwnProperty.call(map, key) && !key.includes('*'))
    return pickTarget(map[key] ?? null, undefined)
  const patterns = Object.keys(map)
    .filter((k) => k.includes('*'))
    .sort((a, b) => b.indexOf('*') - a.indexOf('*'))
  for (const pattern of patterns) {
    const [prefix = '', suffix = ''] = pattern.split('*')
    if (key.startsWith(prefix) && key.endsWith(suffix) && key.length >= prefix.length + suffix.length) {
      return pickTarget(map[pattern] ?? null, key.slice(prefix.length, key.length - suffix.length))
    }
  }
  return undefined
}

const exportsMap = (exp: Target): Readonly<Record<string, Target>> =>
  typeof exp === 'object' && exp !== null && !Array.isArray(exp) && Object.keys(exp).some((k) => k.startsWith('.'))
    ? (exp as Record<string, Target>)
    : { '.': exp }

const packageDirOf = (file: string): string | undefined => {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (isFile(join(dir, 'package.json')) && readJson(join(dir, 'package.json')).name !== undefined) return dir
    if (dirname(dir) === dir) return undefined
  }
}

/** A file, a file with `.js`/`.mjs`, or a directory's package.json (`module`, `main`) or index.js. */
const resolveFile = (path: string): string | undefined => {
  if (isFile(path)) return path
  for (const ext of ['.js', '.mjs', '.cjs']) if (isFile(path + ext)) return path + ext
  if (isFile(join(path, 'package.json'))) {
    const pkg = readJson(join(path, 'package.json'))
    const field = typeof pkg.browser === 'string' ? pkg.browser : (pkg.module ?? pkg.main)
    if (field !== undefined) {
      const r = resolveFile(resolvePath(path, field))
      if (r !== undefined) return r
    }
  }
  return isFile(join(path, 'index.js')) ? join(path, 'index.js') : undefined
}

const findPackage = (name: string, fromDir: string, root: string): string | undefined => {
  const self = packageDirOf(join(root, 'package.json'))
  if (self !== undefined && readJson(join(self, 'package.json')).name === name) return self
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name)
    if (isFile(join(candidate, 'package.json'))) return candidate
    if (dirname(dir) === dir) return undefined
  }
}

const resolveBare = (id: string, importer: string, root: string): string | undefined => {
  const parts = id.split('/')
  const name = id.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? id)
  const subpath = id.slice(name.length)
  const dir = findPackage(name, dirname(importer), root)
  if (dir === undefined) return undefined
  const pkg = readJson(join(dir, 'package.json'))
  if (pkg.exports !== undefined) {
    const target = matchMap(exportsMap(pkg.exports), '.' + subpath)
    return target === undefined ? undefined : resolveFile(resolvePath(dir, target))
  }
  return resolveFile(subpath === '' ? dir : join(dir, subpath))
}

const resolveImport = (id: string, importer: string, root: string): string | undefined => {
  const dir = packageDirOf(importer)
  if (dir === undefined) return undefined
  const imports = readJson(join(dir, 'package.json')).imports
  const target = imports === undefined ? undefined : matchMap(imports, id)
  if (target === undefined) return undefined
  return target.startsWith('.')
    ? resolveFile(resolvePath(dir, target))
    : resolveBare(target, join(dir, 'package.json'), root)
}

const sideEffectsOf = (file: string): boolean | null => {
  const dir = packageDirOf(file)
  return dir !== undefined && readJson(join(dir, 'package.json')).sideEffects === false ? false : null
}

const ENTRY = '\0scenario-entry'

/** Resolves what a browser bundler resolves, for rollup; a virtual entry holds the scenario's source. */
export const browserResolve = (source: string, root: string): Plugin => ({
  name: 'browser-resolve',
  resolveId(id, importer) {
    if (id === ENTRY) return ENTRY
    const from = importer === undefined || importer === ENTRY ? join(root, 'scenario.js') : importer
    const file = id.startsWith('#')
      ? resolveImport(id, from, root)
      : id.startsWith('.') || id.startsWith('/')
        ? resolveFile(resolvePath(dirname(from), id))
        : resolveBare(id, from, root)
    if (file === undefined) return this.error(`browser-resolve: cannot resolve ${id} from ${from}`)
    return { id: file, moduleSideEffects: sideEffectsOf(file) }
  },
  load(id) {
    return id === ENTRY ? source : null
  }
})

export const bundleWithRollup = async (scenario: Scenario, root: string = process.cwd()): Promise<ScenarioResult> => {
  const bundle = await rollup({ input: ENTRY, plugins: [browserResolve(scenario.source, root)], logLevel: 'silent' })
  try {
    const { output } = await bundle.generate({ format: 'es' })
    const chunk = output[0]
    const inputs = Object.fromEntries(Object.entries(chunk.modules).map(([k, m]) => [k, m.renderedLength]))
    const { code } = await transform(chunk.code, {
      minify: true,
      format: 'esm',
      target: 'es2020',
      legalComments: 'none'
    })
    return {
      name: scenario.name,
      bundler: 'rollup',
      bytes: Buffer.byteLength(code),
      gzipBytes: gzipSize(code),
      code,
      inputs: round(root, inputs)
    }
  } finally {
    await bundle.close()
  }
}

/** Builds every scenario with both bundlers, minified, for the browser. */
export const buildScenarios = async (root: string = process.cwd()): Promise<ReadonlyArray<ScenarioResult>> => {
  const results: Array<ScenarioResult> = []
  for (const scenario of scenarios) {
    results.push(await bundleWithEsbuild(scenario, root))
    results.push(await bundleWithRollup(scenario, root))
  }
  return results
}

/** The package (or, for this library, the module) an input belongs to. */
export const groupOf = (input: string): string => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)
  const pkg = m?.[1]
  if (pkg !== undefined) return /^(ofetch|ufo|destr)$/.test(pkg) ? 'ofetch (+ufo, destr)' : pkg
  return input.replace(/^dist\/esm\//, 'contacthub-fp/')
}

/**
 * Where the bytes go: minified bytes per group, and each group's share of the gzip size, prorated by its share of
 * the minified bytes (gzip has no exact per-input figure; the share is an estimate).
 */
export const breakdown = (
  result: ScenarioResult
): ReadonlyArray<{ readonly group: string; readonly bytes: number; readonly gzipShare: number }> => {
  const groups = new Map<string, number>()
  for (const [input, bytes] of Object.entries(result.inputs))
    groups.set(groupOf(input), (groups.get(groupOf(input)) ?? 0) + bytes)
  const total = [...groups.values()].reduce((a, b) => a + b, 0)
  return [...groups.entries()]
    .filter(([, bytes]) => bytes > 0)
    .map(([group, bytes]) => ({
      group,
      bytes,
      gzipShare: total === 0 ? 0 : Math.round((bytes / total) * result.gzipBytes)
    }))
    .sort((a, b) => b.bytes - a.bytes)
}

/** The figures as a markdown table: scenario × bundler → min, min+gz. */
export const sizeTable = (results: ReadonlyArray<ScenarioResult>): string => {
  const kb = (n: number): string => `${(n / 1024).toFixed(2)} KB`
  const rows = results.map((r) => `| ${r.name} | ${r.bundler} | ${kb(r.bytes)} | ${kb(r.gzipBytes)} |`)
  return ['| scenario | bundler | min | min+gz |', '| --- | --- | --- | --- |', ...rows].join('\n')
}
