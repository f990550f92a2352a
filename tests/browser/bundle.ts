// Bundles a test app with esbuild the way a user's build would: the library comes from the BUILT package, by its
// name `contacthub-fp`, through the package's `exports` and `imports` maps (dist/esm and the shakeable fp-ts/io-ts es6
// modules). The repository's tsconfig maps that name to src/ for the type checker (`paths`), and esbuild would follow
// it, so the build is given an empty tsconfig. Run `npx rollup -c --silent` first.
import { build, type Format, type Platform } from 'esbuild'

export interface BundleOptions {
  /** ESM source of the app; it may import test modules relatively to `resolveDir`. */
  readonly contents: string
  readonly resolveDir: string
  readonly platform: Platform
  readonly format: Format
  /** Extra package.json conditions, e.g. `workerd` or `edge-light`. */
  readonly conditions?: ReadonlyArray<string>
  readonly globalName?: string
}

export interface Bundled {
  readonly code: string
  /** Every input file, relative to the working directory. */
  readonly inputs: ReadonlyArray<string>
}

export const bundleApp = async (options: BundleOptions): Promise<Bundled> => {
  const root = process.cwd()
  const result = await build({
    stdin: { contents: options.contents, resolveDir: options.resolveDir, loader: 'ts', sourcefile: 'app-entry.ts' },
    absWorkingDir: root,
    bundle: true,
    write: false,
    platform: options.platform,
    format: options.format,
    conditions: options.conditions === undefined ? undefined : [...options.conditions],
    globalName: options.globalName,
    target: 'es2020',
    metafile: true,
    logLevel: 'silent',
    // Not the repository's tsconfig.json: its `paths` would send `contacthub-fp` to the sources.
    tsconfigRaw: {}
  })
  const out = result.outputFiles[0]
  if (out === undefined) throw new Error('esbuild wrote no bundle')
  return { code: out.text, inputs: Object.keys(result.metafile.inputs) }
}
