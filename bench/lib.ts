// Loads the library the way users get it: the built package `contacthub-fp` (run `npm run build` first). Where the
// build does not export an operation yet, it falls back to the source module through tsx, and says so.
// The shapes below are the few the benchmark uses, written structurally so that the bench type-checks on a fresh
// clone with no `dist`.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export type Either<E, A> = { readonly _tag: 'Left'; readonly left: E } | { readonly _tag: 'Right'; readonly right: A }
export type Task<A> = () => Promise<A>

export interface PageInfo {
  readonly number: number
  readonly size: number
  readonly totalElements: number
  readonly totalPages: number
}
export interface Paginated<A> {
  readonly elements: ReadonlyArray<A>
  readonly page: PageInfo
}
export interface Decoder {
  readonly decode: (u: unknown) => Either<unknown, unknown>
}
export interface Ctx {
  readonly workspaceId: string
  readonly nodeId: string
  readonly token: string
  readonly baseUrl?: string
}

export interface Lib {
  /** Where each piece was loaded from. */
  readonly sources: Readonly<Record<string, string>>
  readonly getCustomer: (ctx: Ctx, id: string) => Task<Either<unknown, unknown>>
  readonly getCustomers: (
    ctx: Ctx,
    opts?: { readonly page?: number; readonly size?: number }
  ) => Task<Either<unknown, Paginated<unknown>>>
  readonly pages: (
    first: Task<Either<unknown, Paginated<unknown>>>
  ) => AsyncIterable<Either<unknown, Paginated<unknown>>>
  readonly Customer: Decoder
  readonly pageOf: (codec: Decoder) => Decoder
  /** Internal: what the client decodes a body with (`owned`: it may write into the value). */
  readonly decodeWith: (decoder: Decoder, owned?: boolean) => (u: unknown) => Either<unknown, unknown>
  /** Internal: how the client parses a body (a one-element array, or why it is not JSON). */
  readonly parseJson: (text: string) => readonly [unknown] | string
}

type Module = Record<string, unknown>

const tryImport = async (specifier: string): Promise<Module | undefined> => {
  try {
    return (await import(specifier)) as Module
  } catch {
    return undefined
  }
}

const SRC = (file: string, dir?: string): string =>
  dir === undefined ? fileURLToPath(new URL(`../src/${file}`, import.meta.url)) : resolve(dir, file)

/** Takes `name` from the built package, else from the source module `file`. */
const pickFrom = async (
  built: Module | undefined,
  name: string,
  file: string,
  sources: Record<string, string>,
  dir?: string
): Promise<unknown> => {
  if (built !== undefined && built[name] !== undefined) {
    sources[name] = 'contacthub-fp (dist)'
    return built[name]
  }
  const path = SRC(file, dir)
  const mod = existsSync(path) ? await tryImport(path) : undefined
  if (mod !== undefined && mod[name] !== undefined) {
    sources[name] = dir === undefined ? `src/${file} (not in the build yet)` : `${dir}/${file}`
    return mod[name]
  }
  throw new Error(`contacthub-fp does not provide ${name} yet (neither the build nor ${dir ?? 'src'}/${file})`)
}

/**
 * Loads the library: the built package, else `src/`. With `dir` (a source tree, relative to the working directory), every
 * piece comes from that source tree instead: a candidate change, measured side by side with the build.
 */
export const loadLib = async (dir?: string): Promise<Lib> => {
  const specifier: string = 'contacthub-fp'
  const built = dir === undefined ? await tryImport(specifier) : undefined
  const sources: Record<string, string> = {}
  const pick = (name: string, file: string): Promise<unknown> => pickFrom(built, name, file, sources, dir)
  return {
    sources,
    getCustomer: (await pick('getCustomer', 'customers.ts')) as Lib['getCustomer'],
    getCustomers: (await pick('getCustomers', 'customers.ts')) as Lib['getCustomers'],
    pages: (await pick('pages', 'pagination.ts')) as Lib['pages'],
    Customer: (await pick('Customer', 'codecs/customer.ts')) as Lib['Customer'],
    pageOf: (await pick('pageOf', 'codecs/page.ts')) as Lib['pageOf'],
    decodeWith: (await internal('decodeWith', 'decode', sources, dir)) as Lib['decodeWith'],
    parseJson: (await internal('parseJson', 'http/body', sources, dir)) as Lib['parseJson']
  }
}

/** An internal module's export: from the build's module file (`dist/esm/<file>.js`), else from the source. */
const internal = async (
  name: string,
  file: string,
  sources: Record<string, string>,
  dir?: string
): Promise<unknown> => {
  const built = dir === undefined ? fileURLToPath(new URL(`../dist/esm/${file}.js`, import.meta.url)) : undefined
  const mod = built !== undefined && existsSync(built) ? await tryImport(built) : undefined
  return pickFrom(mod, name, `${file}.ts`, sources, dir)
}

/** Loads `startEmulator` from the built package, else from the source. */
export const loadStartEmulator = async (): Promise<
  (opts?: { port?: number; workspaceId?: string; nodeId?: string; token?: string }) => Promise<{
    url: string
    context: Ctx
    close: () => Promise<void>
  }>
> => {
  const specifier: string = 'contacthub-fp/emulator'
  const sources: Record<string, string> = {}
  return (await pickFrom(await tryImport(specifier), 'startEmulator', 'emulator/index.ts', sources)) as never
}
