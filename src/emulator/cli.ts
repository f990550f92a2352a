#!/usr/bin/env node
/**
 * The `contacthub-emulator` bin: starts an emulator and prints how to reach it; stops on SIGINT or SIGTERM.
 *
 * ```
 * npx contacthub-emulator --port 8080 [--host 127.0.0.1] [--workspace-id W] [--node-id N] [--token T]
 * ```
 *
 * @since 0.1.0
 */
import { startEmulator, type EmulatorOptions } from './index'

const USAGE = `Usage: contacthub-emulator [options]

A local, in-memory Contacthub API for development and tests.

Options:
  --port <n>            port to listen on (default 8080; 0 picks a free one)
  --host <address>      address to listen on (default 127.0.0.1)
  --workspace-id <id>   workspace id (default: a new UUID)
  --node-id <id>        node id (default: a new UUID)
  --token <token>       bearer token to accept (default: a new random one)
  --latency <ms>        latency added to every answer (default 0)
  -h, --help            show this help
`

type Parsed = { readonly help: true } | { readonly help: false; readonly options: EmulatorOptions }

const parseArgs = (argv: ReadonlyArray<string>): Parsed | string => {
  const options: { -readonly [K in keyof EmulatorOptions]: EmulatorOptions[K] } = { port: 8080 }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === '-h' || arg === '--help') return { help: true }
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

const main = async (): Promise<void> => {
  const parsed = parseArgs(process.argv.slice(2))
  if (typeof parsed === 'string') {
    process.stderr.write(`contacthub-emulator: ${parsed}\n\n${USAGE}`)
    process.exitCode = 2
    return
  }
  if (parsed.help) {
    process.stdout.write(USAGE)
    return
  }
  const emulator = await startEmulator(parsed.options)
  process.stdout.write(
    [
      'Contacthub emulator running (in memory; data is lost when it stops). Ctrl-C to stop.',
      '',
      `  base URL:      ${emulator.url}`,
      `  workspace id:  ${emulator.workspaceId}`,
      `  node id:       ${emulator.nodeId}`,
      `  token:         ${emulator.token}`,
      '',
      'As environment variables (contextFromEnv):',
      '',
      `  CONTACTHUB_BASE_URL=${emulator.url}`,
      `  CONTACTHUB_WORKSPACE_ID=${emulator.workspaceId}`,
      `  CONTACTHUB_NODE_ID=${emulator.nodeId}`,
      `  CONTACTHUB_TOKEN=${emulator.token}`,
      ''
    ].join('\n') + '\n'
  )
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
}

main().catch((e: unknown) => {
  process.stderr.write(`contacthub-emulator: ${e instanceof Error ? e.message : String(e)}\n`)
  process.exitCode = 1
})
