/**
 * The command line's grammar: commands, their options (parsed with `node:util` `parseArgs`) and help texts.
 *
 * @since 0.2.0
 */
import { parseArgs } from 'node:util'

/**
 * The commands.
 *
 * @category model
 * @since 0.2.0
 */
export type CommandName = 'import customers' | 'import events' | 'export customers' | 'whoami'

/**
 * A command line that was understood.
 *
 * @category model
 * @since 0.2.0
 */
export type Parsed =
  | { readonly kind: 'help'; readonly text: string }
  | { readonly kind: 'version' }
  | {
      readonly kind: 'command'
      readonly command: CommandName
      readonly file?: string
      readonly options: Options
    }

/**
 * Every option a command may take.
 *
 * @category model
 * @since 0.2.0
 */
export interface Options {
  readonly config?: string
  readonly section?: string
  readonly node?: string
  readonly concurrency?: number
  readonly dryRun: boolean
  readonly rejects?: string
  readonly mode?: 'create' | 'upsert'
  readonly format?: 'ndjson' | 'csv'
  readonly query?: string
  readonly fields?: ReadonlyArray<string>
  readonly pageSize?: number
}

/**
 * A command line that was not understood: the message to print (exit status 2).
 *
 * @category model
 * @since 0.2.0
 */
export interface UsageError {
  readonly usage: string
}

const CONTEXT_HELP = `Context (where to send, with which token; the token is never printed):
  CONTACTHUB_WORKSPACE_ID, CONTACTHUB_NODE_ID, CONTACTHUB_TOKEN, CONTACTHUB_BASE_URL (optional)
  --config <file.ini>     workspace_id, token, base_url, node_id keys (as the Python SDK reads them)
  --section <name>        the INI section to read (default: the first with a workspace_id)
  --node <id>             the node id (overrides node_id and CONTACTHUB_NODE_ID)`

/**
 * Help texts: the top level and each command.
 *
 * @category constants
 * @since 0.2.0
 */
export const HELP: Readonly<Record<'main' | 'import' | 'export' | CommandName, string>> = {
  main: `Usage: contacthub <command> [options]

Bulk work against the Contacthub API.

Commands:
  import customers <file.ndjson|file.csv>   create or update customers
  import events <file.ndjson>               send events
  export customers [--query f] [--fields]   write customers to stdout as NDJSON
  whoami                                    the user the token belongs to

Options:
  -h, --help       help (also after a command: contacthub import customers --help)
  -v, --version    the version

${CONTEXT_HELP}

Exit status: 0 all rows written; 1 some rows failed, or the run stopped on an error;
2 usage or configuration error; 130 interrupted (Ctrl-C).
`,
  import: `Usage: contacthub import <customers|events> <file> [options]

  import customers <file.ndjson|file.csv>   create or update customers
  import events <file.ndjson>               send events

Run 'contacthub import customers --help' for the options.
`,
  export: `Usage: contacthub export customers [--query <file.json>] [--fields a,b] [--page-size n] > out.ndjson
`,
  'import customers': `Usage: contacthub import customers <file.ndjson|file.csv> [options]

Creates the customers of the file; by default a customer that exists (same externalId) is updated.
NDJSON: one customer (a JSON object) per line. CSV: a header row of dotted paths
(externalId, base.firstName, base.contacts.email, extended.score, tags.manual...), one customer per row;
an empty cell is absent; enabled is true/false; a list cell is a|b|c; extended.* cells stay strings.

Options:
  --concurrency <n>       requests in flight at most (default 4; fewer while the API says 429/503)
  --mode <upsert|create>  upsert (default): an existing customer is updated; create: it is a failure
  --dry-run               read and check every row locally, send nothing, report the counts
  --rejects <file>        where failed rows go, one JSON object per line with its line number and
                          reason (default: <file>.rejects.ndjson; written only when a row fails)
  --format <ndjson|csv>   the file's format (default: from its name, .csv or else NDJSON)
  -h, --help              this help

${CONTEXT_HELP}
`,
  'import events': `Usage: contacthub import events <file.ndjson> [options]

Sends the events of the file, one JSON object per line: type, context, properties, and the customer as
customerId, externalId or sessionId.

Options:
  --concurrency <n>       requests in flight at most (default 4; fewer while the API says 429/503)
  --dry-run               read and check every row locally, send nothing, report the counts
  --rejects <file>        where failed rows go (default: <file>.rejects.ndjson)
  -h, --help              this help

${CONTEXT_HELP}
`,
  'export customers': `Usage: contacthub export customers [options] > out.ndjson

Writes the customers of the node to stdout, one JSON object per line; progress goes to stderr.

Options:
  --query <file.json>     only the customers this query selects (the JSON of a customerQuery(...))
  --fields <a,b>          only these fields (base.firstName,base.contacts.email); the others are null
  --page-size <n>         customers per request (default 50)
  -h, --help              this help

${CONTEXT_HELP}
`,
  whoami: `Usage: contacthub whoami [options]

Prints the user the token belongs to, their groups, and the workspaces and nodes they may use.
Needs only the token (CONTACTHUB_TOKEN or the INI's token) and, if not the default, the base URL.

${CONTEXT_HELP}
`
}

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  config: { type: 'string' },
  section: { type: 'string' },
  node: { type: 'string' },
  concurrency: { type: 'string' },
  'dry-run': { type: 'boolean' },
  rejects: { type: 'string' },
  mode: { type: 'string' },
  format: { type: 'string' },
  query: { type: 'string' },
  fields: { type: 'string' },
  'page-size': { type: 'string' }
} as const

type OptionName = keyof typeof OPTIONS

const CONTEXT_OPTIONS: ReadonlyArray<OptionName> = ['help', 'config', 'section', 'node']

const ALLOWED: Readonly<Record<CommandName, ReadonlyArray<OptionName>>> = {
  'import customers': [...CONTEXT_OPTIONS, 'concurrency', 'dry-run', 'rejects', 'mode', 'format'],
  'import events': [...CONTEXT_OPTIONS, 'concurrency', 'dry-run', 'rejects'],
  'export customers': [...CONTEXT_OPTIONS, 'query', 'fields', 'page-size'],
  whoami: [...CONTEXT_OPTIONS]
}

const usage = (message: string, help: string): UsageError => ({
  usage: `contacthub: ${message}\n\n${help}`
})

const positiveInt = (name: string, v: string | undefined, help: string): number | UsageError | undefined => {
  if (v === undefined) return undefined
  return /^\d{1,6}$/.test(v) && Number(v) >= 1
    ? Number(v)
    : usage(`--${name} expects a whole number >= 1, got ${v}`, help)
}

/**
 * Reads a command line (without `node` and the script): a command with its options, a help or version request, or
 * a usage error.
 *
 * @category constructors
 * @since 0.2.0
 */
export const parseCommandLine = (argv: ReadonlyArray<string>): Parsed | UsageError => {
  let values: Partial<Record<OptionName, string | boolean>>
  let positionals: ReadonlyArray<string>
  try {
    const parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true })
    values = parsed.values
    positionals = parsed.positionals
  } catch (e) {
    return usage(
      e instanceof Error ? (e.message.split('\n')[0] ?? 'cannot read the arguments') : 'cannot read the arguments',
      HELP.main
    )
  }
  const [first, second, ...rest] = positionals
  if (values.version === true && first === undefined) return { kind: 'version' }
  let command: CommandName
  if (first === undefined)
    return values.help === true ? { kind: 'help', text: HELP.main } : usage('a command is needed', HELP.main)
  if (first === 'whoami') command = 'whoami'
  else if (first === 'import' || first === 'export') {
    const group = first === 'import' ? HELP.import : HELP.export
    if (second === undefined)
      return values.help === true ? { kind: 'help', text: group } : usage(`${first} what?`, group)
    const name = `${first} ${second}`
    if (name !== 'import customers' && name !== 'import events' && name !== 'export customers')
      return usage(`unknown command ${name}`, group)
    command = name
  } else return usage(`unknown command ${first}`, HELP.main)
  const help = HELP[command]
  if (values.help === true) return { kind: 'help', text: help }
  const given = Object.keys(values) as ReadonlyArray<OptionName>
  const refused = given.find((o) => !ALLOWED[command].includes(o))
  if (refused !== undefined) return usage(`${command} takes no --${refused}`, help)
  const args = command === 'whoami' ? (second === undefined ? rest : [second, ...rest]) : rest
  let file: string | undefined
  if (command.startsWith('import ')) {
    if (args.length !== 1)
      return usage(args.length === 0 ? `${command} needs a file` : `${command} takes one file`, help)
    file = args[0]
  } else if (args.length > 0) return usage(`${command} takes no argument ${args[0] ?? ''}`, help)

  const concurrency = positiveInt('concurrency', values.concurrency as string | undefined, help)
  if (typeof concurrency === 'object') return concurrency
  const pageSize = positiveInt('page-size', values['page-size'] as string | undefined, help)
  if (typeof pageSize === 'object') return pageSize
  const mode = values.mode as string | undefined
  if (mode !== undefined && mode !== 'upsert' && mode !== 'create')
    return usage(`--mode expects upsert or create, got ${mode}`, help)
  const format = values.format as string | undefined
  if (format !== undefined && format !== 'ndjson' && format !== 'csv')
    return usage(`--format expects ndjson or csv, got ${format}`, help)
  const fieldsText = values.fields as string | undefined
  const fields = fieldsText
    ?.split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '')
  if (fields !== undefined && fields.length === 0) return usage('--fields expects a,b,c', help)
  for (const name of ['config', 'section', 'node', 'rejects', 'query'] as const) {
    if (values[name] === '') return usage(`--${name} expects a value`, help)
  }
  const str = (name: OptionName): string | undefined => values[name] as string | undefined
  const options: Options = {
    dryRun: values['dry-run'] === true,
    ...(str('config') === undefined ? {} : { config: str('config') }),
    ...(str('section') === undefined ? {} : { section: str('section') }),
    ...(str('node') === undefined ? {} : { node: str('node') }),
    ...(concurrency === undefined ? {} : { concurrency }),
    ...(str('rejects') === undefined ? {} : { rejects: str('rejects') }),
    ...(mode === undefined ? {} : { mode }),
    ...(format === undefined ? {} : { format }),
    ...(str('query') === undefined ? {} : { query: str('query') }),
    ...(fields === undefined ? {} : { fields }),
    ...(pageSize === undefined ? {} : { pageSize })
  }
  return { kind: 'command', command, ...(file === undefined ? {} : { file }), options }
}
