// What the validation tests build from scripts/events/plan.json, read at test time: a valid value of every node
// (every property filled, three items per list), every position in it with its node, and the paths renderers.
import { readFileSync } from 'node:fs'
import type { Shape } from '../../src/codecs/event-shape'

/** A node of the plan: the schema language the generated tables use. */
export type PlanNode = Shape

export interface Plan {
  readonly events: Readonly<Record<string, PlanNode>>
  readonly contexts: Readonly<Record<string, PlanNode>>
}

export const plan = JSON.parse(readFileSync(new URL('../../scripts/events/plan.json', import.meta.url), 'utf8')) as Plan

export type Path = ReadonlyArray<string | number>

/** A value of each format the schemas use. */
export const FORMAT_SAMPLES: Readonly<Record<string, string>> = {
  'date-time': '2026-01-31T09:30:00Z',
  date: '2026-01-31',
  email: 'ada@example.com',
  uri: 'https://example.com/p/1',
  ipv4: '192.0.2.1'
}

const numberIn = (n: PlanNode): number => {
  const { minimum: lo, maximum: hi } = n
  const x =
    lo !== undefined && hi !== undefined ? (lo + hi) / 2 : lo !== undefined ? lo + 1 : hi !== undefined ? hi - 1 : 2.5
  return n.type === 'integer' ? Math.round(x) : x
}

/** A valid value of a node, with every property filled and three items in every list. */
export const validValue = (n: PlanNode): unknown => {
  if (n.enum !== undefined) return n.enum[n.enum.length - 1]
  switch (n.type) {
    case 'string':
      return n.format === undefined ? 'text' : FORMAT_SAMPLES[n.format]
    case 'number':
    case 'integer':
      return numberIn(n)
    case 'boolean':
      return true
    case 'array':
      return [0, 1, 2].map(() => (n.items === undefined ? 'x' : validValue(n.items)))
    case 'object':
      return n.properties === undefined
        ? { anything: { goes: [1, 'two', null] } }
        : Object.fromEntries(Object.entries(n.properties).map(([k, v]) => [k, validValue(v)]))
    case 'any':
      return 'x'
  }
}

/** Every position of a node in a value built by `validValue` (list items: the last one, index 2). */
export const positions = (
  n: PlanNode,
  at: Path = []
): ReadonlyArray<{ readonly path: Path; readonly node: PlanNode }> => {
  const here = [{ path: at, node: n }]
  if (n.enum !== undefined) return here
  if (n.type === 'array' && n.items !== undefined) return [...here, ...positions(n.items, [...at, 2])]
  if (n.type === 'object' && n.properties !== undefined)
    return [...here, ...Object.entries(n.properties).flatMap(([k, v]) => positions(v, [...at, k]))]
  return here
}

/** A value of the wrong type for a node (none for `any`). */
export const wrongValue = (n: PlanNode): unknown => {
  switch (n.type) {
    case 'string':
      return 12
    case 'number':
    case 'integer':
      return '12'
    case 'boolean':
      return 'yes'
    case 'array':
    case 'object':
      return 'x'
    case 'any':
      return undefined
  }
}

type Mutable = Record<string | number, unknown>

/** A deep copy of `value` with `f` applied to the parent of `path` and its last key. */
export const mutate = (value: unknown, path: Path, f: (parent: Mutable, key: string | number) => void): unknown => {
  const copy = structuredClone(value) as Mutable
  if (path.length === 0) throw new Error('mutate needs a non-empty path')
  let parent = copy
  for (const k of path.slice(0, -1)) parent = parent[k] as Mutable
  f(parent, path[path.length - 1] as string | number)
  return copy
}

/** `properties.products[2].price`: how validateEvent renders a path. */
export const dotted = (path: Path): string =>
  path
    .map((s, i) =>
      typeof s === 'number'
        ? `[${s}]`
        : /^[A-Za-z_$][\w$]*$/.test(s)
          ? i === 0
            ? s
            : `.${s}`
          : `[${JSON.stringify(s)}]`
    )
    .join('')

/** `/properties/products/2/price`: how the emulator renders it. */
export const jsonPointer = (path: Path): string =>
  path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')

/** The prefix of every validateEvent failure. */
export const PREFIX = 'validateEvent: the event does not match its schemas: '

/** The `path: message` parts of a validateEvent failure's message. */
export const problems = (message: string): ReadonlyArray<string> => {
  if (!message.startsWith(PREFIX) || !message.endsWith('.')) throw new Error(`not a schema failure: ${message}`)
  return message.slice(PREFIX.length, -1).split('; ')
}
