/**
 * Node-only configuration loaders: a workspace from an INI file, the way the vendor's
 * Python SDK reads it, and a context from environment variables. They never throw.
 *
 * @module contacthub-fp/node
 * @since 0.1.0
 */
import { readFile } from 'node:fs/promises'
import * as E from '#fp-ts/Either'
import type * as TE from '#fp-ts/TaskEither'
import { checkBaseUrl, type Context, type Workspace } from '../context'
import { invalidInput, type ContacthubError } from '../error'

const invalid = (message: string): E.Either<ContacthubError, never> => E.left(invalidInput(message))

const unquote = (v: string): string => {
  const s = v.trim()
  return s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0] ? s.slice(1, -1) : s
}

/**
 * Parses INI text into sections of keys (keys lower-cased; keys before any header go to `DEFAULT`).
 *
 * @category helpers
 * @since 0.1.0
 */
export const parseIni = (text: string): ReadonlyMap<string, ReadonlyMap<string, string>> => {
  const sections = new Map<string, Map<string, string>>()
  let current = 'DEFAULT'
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue
    const header = /^\[([^\]]+)\]$/.exec(line)
    if (header !== null) {
      current = (header[1] ?? '').trim()
      continue
    }
    const kv = /^([^=:]+)[=:](.*)$/.exec(line)
    if (kv === null) continue
    let section = sections.get(current)
    if (section === undefined) {
      section = new Map()
      sections.set(current, section)
    }
    section.set((kv[1] ?? '').trim().toLowerCase(), unquote(kv[2] ?? ''))
  }
  return sections
}

const normaliseBaseUrl = (
  where: string,
  baseUrl: string | undefined,
  insecure = false
): E.Either<ContacthubError, string | undefined> => {
  if (baseUrl === undefined || baseUrl === '') return E.right(undefined)
  const trimmed = baseUrl.replace(/\/+$/, '').replace(/\/workspaces$/, '')
  const checked = checkBaseUrl(trimmed, insecure)
  return E.isLeft(checked) ? invalid(`${where}: ${checked.left}.`) : E.right(checked.right)
}

/**
 * Builds a workspace from INI text with the keys `workspace_id`, `token` and optional `base_url` (a base URL ending
 * in `/workspaces` is accepted) and optional `node_id`. With `section`, that section is read (falling back to
 * `DEFAULT`); without it, the first section that has a `workspace_id`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const workspaceFromIniText = (
  text: string,
  section?: string,
  where = 'workspaceFromIni'
): E.Either<ContacthubError, Workspace & { readonly nodeId?: string }> => {
  const sections = parseIni(text)
  const defaults = sections.get('DEFAULT') ?? new Map<string, string>()
  let chosen: ReadonlyMap<string, string> | undefined
  if (section !== undefined) {
    chosen = sections.get(section)
    if (chosen === undefined && section !== 'DEFAULT') return invalid(`${where}: the section [${section}] is missing.`)
  } else {
    chosen = [...sections.values()].find((s) => s.has('workspace_id'))
  }
  const get = (key: string): string | undefined => chosen?.get(key) ?? defaults.get(key)
  const workspaceId = get('workspace_id')
  const token = get('token')
  if (workspaceId === undefined || workspaceId === '') return invalid(`${where}: the key workspace_id is missing.`)
  if (token === undefined || token === '') return invalid(`${where}: the key token is missing.`)
  const baseUrl = normaliseBaseUrl(where, get('base_url'))
  if (E.isLeft(baseUrl)) return baseUrl
  const nodeId = get('node_id')
  return E.right({
    workspaceId,
    token,
    ...(baseUrl.right === undefined ? {} : { baseUrl: baseUrl.right }),
    ...(nodeId === undefined || nodeId === '' ? {} : { nodeId })
  })
}

/**
 * Reads a workspace from an INI file, as the Python SDK's `Workspace.from_ini_file` does (a `node_id` key, when
 * present, is kept as `nodeId`, so that the value can serve as a `Context` directly):
 *
 * ```ini
 * [DEFAULT]
 * workspace_id = 40b1a3b3-...
 * token = 97841617075...
 * base_url = https://api.contactlab.it/hub/v1/workspaces
 * ```
 *
 * @example
 * const ctx = pipe(await workspaceFromIni('./contacthub.ini')(), E.map((ws) => getNode(ws, 'the-node-id')))
 *
 * @category constructors
 * @since 0.1.0
 */
export const workspaceFromIni =
  (path: string, section?: string): TE.TaskEither<ContacthubError, Workspace & { readonly nodeId?: string }> =>
  async () => {
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch (e) {
      const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined
      return invalid(`workspaceFromIni: cannot read ${path}${typeof code === 'string' ? ` (${code})` : ''}.`)
    }
    return workspaceFromIniText(text, section)
  }

/**
 * Builds a context from `CONTACTHUB_WORKSPACE_ID`, `CONTACTHUB_NODE_ID`, `CONTACTHUB_TOKEN` and optional
 * `CONTACTHUB_BASE_URL`. `CONTACTHUB_ALLOW_INSECURE_HTTP=true` sets `allowInsecureHttp` (plain `http` to any host,
 * e.g. an emulator in another container); any other value is refused rather than read as false.
 *
 * @example
 * const ctx = contextFromEnv() // Either<ContacthubError, Context>
 *
 * @category constructors
 * @since 0.1.0
 */
export const contextFromEnv = (
  env: Readonly<Record<string, string | undefined>> = process.env
): E.Either<ContacthubError, Context> => {
  const missing = ['CONTACTHUB_WORKSPACE_ID', 'CONTACTHUB_NODE_ID', 'CONTACTHUB_TOKEN'].filter(
    (k) => env[k] === undefined || env[k] === ''
  )
  if (missing.length > 0)
    return invalid(`contextFromEnv: ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set.`)
  const flag = env.CONTACTHUB_ALLOW_INSECURE_HTTP
  if (flag !== undefined && flag !== '' && flag !== 'true' && flag !== 'false')
    return invalid('contextFromEnv: CONTACTHUB_ALLOW_INSECURE_HTTP must be "true" or "false".')
  const insecure = flag === 'true'
  const baseUrl = normaliseBaseUrl('contextFromEnv', env.CONTACTHUB_BASE_URL, insecure)
  if (E.isLeft(baseUrl)) return baseUrl
  return E.right({
    workspaceId: env.CONTACTHUB_WORKSPACE_ID as string,
    nodeId: env.CONTACTHUB_NODE_ID as string,
    token: env.CONTACTHUB_TOKEN as string,
    ...(baseUrl.right === undefined ? {} : { baseUrl: baseUrl.right }),
    ...(insecure ? { allowInsecureHttp: true as const } : {})
  })
}
