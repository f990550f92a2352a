#!/usr/bin/env node
/**
 * The `contacthub-emulator` bin: starts an emulator and prints how to reach it; stops on SIGINT or SIGTERM.
 *
 * ```
 * npx contacthub-emulator --port 8080 [--host 127.0.0.1] [--workspace-id W] [--node-id N] [--token T] [--user JSON]
 * npx contacthub-emulator --version
 * ```
 *
 * @since 0.1.0
 */
import { packageVersion } from '../node/package-version'
import { startEmulator, type EmulatorOptions, type EmulatorUser } from './index'

const USAGE = `Usage: contacthub-emulator [options]

A local, in-memory Contacthub API for development and tests.

Options:
  --port <n>            port to listen on (default 8080; 0 picks a free one)
  --host <address>      address to listen on (default 127.0.0.1)
  --workspace-id <id>   workspace id (default: a new UUID)
  --node-id <id>        node id (default: a new UUID)
  --token <token>       bearer token to accept (default: a new random one)
  --latency <ms>        latency added to every answer (default 0)
  --user <json>         the user GET /me answers with, e.g. '{"name":"Ada","permission":"R"}'
                        (fields: id, name, surname, groupId, groupName, workspaceName, permission R|RW|W)
  -v, --version         print the version
  -h, --help            show this help
`

type Parsed =
  { readonly help: true } | { readonly version: true } | { readonly help: false; readonly options: EmulatorOptions }

const USER_TEXT_FIELDS = ['id', 'groupId', 'groupName', 'workspaceName'] as const
const USER_NULLABLE_FIELDS = ['name', 'surname'] as const

/** `--user`'s JSON as an `EmulatorUser`, or why it is refused. */
const parseUser = (v: string | undefined): EmulatorUser | string => {
  const expects = `--user expects a JSON object such as '{"name":"Ada","permission":"R"}'`
  if (v === undefined) return `${expects}, got nothing`
  let u: unknown
  try {
    u = JSON.parse(v)
  } catch {
    return `${expects}, got text that is not JSON`
  }
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return `${expects}, got ${JSON.stringify(u)}`
  const o = u as Record<string, unknown>
  const known = new Set<string>([...USER_TEXT_FIELDS, ...USER_NULLABLE_FIELDS, 'permission'])
  const unknownKey = Object.keys(o).find((k) => !known.has(k))
  if (unknownKey !== undefined) return `--user has no field ${JSON.stringify(unknownKey)}`
  for (const k of USER_TEXT_FIELDS)
    if (k in o && (typeof o[k] !== 'string' || o[k] === '')) return `--user's ${k} must be a non-empty string`
  for (const k of USER_NULLABLE_FIELDS)
    if (k in o && typeof o[k] !== 'string' && o[k] !== null) return `--user's ${k} must be a string or null`
  if ('permission' in o && o.permission !== 'R' && o.permission !== 'RW' && o.permission !== 'W')
    return `--user's permission must be R, RW or W`
  return o
}

const parseArgs = (argv: ReadonlyArray<string>): Parsed | string => {
  const options: { -readonly [K in keyof EmulatorOptions]: EmulatorOptions[K] } = { port: 8080 }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === '-h' || arg === '--help') return { help: true }
    if (arg === '-v' || arg === '--version') return { version: true }
    const eq = arg.indexOf('=')
    const name = eq > 0 ? arg.slice(0, eq) : arg
    const takeValue = (): string | undefined => (eq > 0 ? arg.slice(eq + 1) : argv[++i])
    const int = (v: string | undefined, max: number): number | undefined =>
      v !== undefined && /^\d+$/.test(v) && Number(v) <= max ? Number(v) : undefined
    switch (name) {
      case '--port': {
        const v = takeValue()
        const port = int(v, 65535)
        if (port === undefined) return `--port expects a number from 0 to 65535, got ${v ?? 'nothing'}`
        options.port = port
        break
      }
      case '--latency': {
        const v = takeValue()
        const ms = int(v, 600_000)
        if (ms === undefined) return `--latency expects milliseconds, got ${v ?? 'nothing'}`
        options.latencyMs = ms
        break
      }
      case '--user': {
        const user = parseUser(takeValue())
        if (typeof user === 'string') return user
        options.user = user
        break
      }
      case '--host':
      case '--workspace-id':
      case '--node-id':
      case '--token': {
        const v = takeValue()
        if (v === undefined || v === '') return `${name} expects a value`
        if (name === '--host') options.host = v
        else if (name === '--workspace-id') options.workspaceId = v
        else if (name === '--node-id') options.nodeId = v
        else options.token = v
        break
      }
      default:
        return `unknown option ${arg}`
    }
  }
  return { help: false, options }
}

/** A value as one shell word: as it is when it is plain, otherwise in single quotes (a `'` becomes `'\''`). */
const shellQuote = (v: string): string => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`)

/** Why the server could not listen, in one line, when the reason is a common one; `undefined` otherwise. */
const listenProblem = (e: unknown, options: EmulatorOptions): string | undefined => {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined
  const where = `port ${options.port ?? 8080} on ${options.host ?? '127.0.0.1'}`
  if (code === 'EADDRINUSE') return `${where} is already in use; try --port 0 to pick a free one.`
  if (code === 'EACCES') return `not allowed to listen on ${where}; try a port above 1023, or --port 0.`
  if (code === 'EADDRNOTAVAIL') return `${options.host ?? '127.0.0.1'} is not an address of this machine.`
  return undefined
}

const main = async (): Promise<void> => {
  const parsed = parseArgs(process.argv.slice(2))
  if (typeof parsed === 'string') {
    process.stderr.write(`contacthub-emulator: ${parsed}\n\n${USAGE}`)
    process.exitCode = 2
    return
  }
  if ('version' in parsed) {
    process.stdout.write(`${packageVersion(import.meta.url)}\n`)
    return
  }
  if (parsed.help) {
    process.stdout.write(USAGE)
    return
  }
  let emulator: Awaited<ReturnType<typeof startEmulator>>
  try {
    emulator = await startEmulator(parsed.options)
  } catch (e) {
    const problem = listenProblem(e, parsed.options)
    if (problem === undefined) throw e
    process.stderr.write(`contacthub-emulator: ${problem}\n`)
    process.exitCode = 1
    return
  }
  // The handlers are in place before anything is printed: whoever waits for the output may signal at once.
  let stopping = false
  const stop = (signal: string): void => {
    if (stopping) return
    stopping = true
    process.stdout.write(`\n${signal}: stopping the emulator\n`)
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
  const env: ReadonlyArray<readonly [string, string]> = [
    ['CONTACTHUB_BASE_URL', emulator.url],
    ['CONTACTHUB_WORKSPACE_ID', emulator.workspaceId],
    ['CONTACTHUB_NODE_ID', emulator.nodeId],
    ['CONTACTHUB_TOKEN', emulator.token]
  ]
  process.stdout.write(
    [
      'Contacthub emulator running (in memory; data is lost when it stops). Ctrl-C to stop.',
      '',
      `  base URL:      ${emulator.url}`,
      `  workspace id:  ${emulator.workspaceId}`,
      `  node id:       ${emulator.nodeId}`,
      `  token:         ${emulator.token}`,
      '',
      'For contextFromEnv, paste into a shell:',
      '',
      ...env.map(([name, value]) => `export ${name}=${shellQuote(value)}`),
      ''
    ].join('\n') + '\n'
  )
}

main().catch((e: unknown) => {
  process.stderr.write(`contacthub-emulator: ${e instanceof Error ? e.message : String(e)}\n`)
  process.exitCode = 1
})
