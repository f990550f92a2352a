/**
 * CSV rows to customers: a header row of dotted paths (`externalId`, `base.firstName`, `base.contacts.email`,
 * `extended.score`) names where each cell goes in the nested object.
 *
 * Typing rule: a cell becomes the type the API's customer schema gives its path (`enabled` a boolean, `tags.manual`
 * a list), as the emulator models that schema; every other cell stays a string. `extended.*` is defined per
 * workspace and unknown here, so `extended.score` = `007` stays the string `"007"`: a guess would corrupt zip codes
 * and ids that only look like numbers. Lists of strings are written `a|b|c` in one cell. An empty cell is absent.
 *
 * @since 0.2.0
 */
import * as E from '#fp-ts/Either'
import { CustomerBodySchema } from '../emulator/customer-schema'
import type { Schema } from '../emulator/schema-language'

/**
 * How a column's cells are read.
 *
 * @category model
 * @since 0.2.0
 */
export type CellKind = 'string' | 'boolean' | 'number' | 'integer' | 'list'

/**
 * One column of the header: its path segments and how its cells are read.
 *
 * @category model
 * @since 0.2.0
 */
export interface Column {
  readonly path: ReadonlyArray<string>
  readonly kind: CellKind
}

/** Segments that would reach an object's prototype instead of a property. */
const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor'])

/**
 * The separator of the items of a list cell (`tags.manual` = `vip|gold`).
 *
 * @category constants
 * @since 0.2.0
 */
export const LIST_SEPARATOR = '|'

/** How the cells of `path` are read, or why the column cannot be one. */
const kindOf = (root: Schema, path: ReadonlyArray<string>): E.Either<string, CellKind> => {
  let s: Schema | undefined = root
  const name = path.join('.')
  for (let i = 0; i < path.length; i++) {
    const seg = path[i] ?? ''
    if (s === undefined || s.kind === 'any') return E.right('string')
    if (s.kind === 'array') return E.left(`the column ${name} goes into a list of objects: use NDJSON for those`)
    if (s.kind !== 'object') return E.left(`the column ${name} goes inside ${path.slice(0, i).join('.')}, a value`)
    s = Object.prototype.hasOwnProperty.call(s.props, seg) ? s.props[seg] : undefined
  }
  if (s === undefined) return E.right('string')
  switch (s.kind) {
    case 'string':
      return E.right('string')
    case 'number':
    case 'integer':
    case 'boolean':
      return E.right(s.kind)
    case 'array':
      return s.items.kind === 'string'
        ? E.right('list')
        : E.left(`the column ${name} is a list of objects: use NDJSON for those`)
    case 'any':
      return s.objectOnly === true
        ? E.left(`the column ${name} is an object: name its properties (${name}.<property>)`)
        : E.right('string')
    case 'object':
      return E.left(`the column ${name} is an object: name its properties (${name}.<property>)`)
  }
}

/**
 * Reads a header row into columns, or says what is wrong with it (an empty or repeated name, a name that is a
 * prefix of another, a path into a list of objects).
 *
 * @category constructors
 * @since 0.2.0
 */
export const parseHeader = (
  cells: ReadonlyArray<string>,
  schema: Schema = CustomerBodySchema
): E.Either<string, ReadonlyArray<Column>> => {
  const columns: Array<Column> = []
  const seen = new Set<string>()
  for (const [i, cell] of cells.entries()) {
    const name = cell.trim()
    const path = name.split('.')
    if (name === '' || path.some((s) => s === '')) return E.left(`the header's column ${i + 1} is not a dotted path`)
    const bad = path.find((s) => FORBIDDEN.has(s))
    if (bad !== undefined) return E.left(`the header's column ${name} uses the reserved name ${bad}`)
    if (seen.has(name)) return E.left(`the header names ${name} twice`)
    seen.add(name)
    const kind = kindOf(schema, path)
    if (E.isLeft(kind)) return kind
    columns.push({ path, kind: kind.right })
  }
  if (columns.length === 0) return E.left('the header row is empty')
  for (const name of seen) {
    const parts = name.split('.')
    for (let n = 1; n < parts.length; n++) {
      const prefix = parts.slice(0, n).join('.')
      if (seen.has(prefix)) return E.left(`the header names both ${prefix} and ${name}`)
    }
  }
  return E.right(columns)
}

const cellValue = (column: Column, cell: string): E.Either<string, unknown> => {
  const name = column.path.join('.')
  switch (column.kind) {
    case 'string':
      return E.right(cell)
    case 'boolean': {
      const v = cell.trim().toLowerCase()
      return v === 'true' ? E.right(true) : v === 'false' ? E.right(false) : E.left(`${name} must be true or false`)
    }
    case 'number':
    case 'integer': {
      const v = cell.trim()
      const n = v === '' ? NaN : Number(v)
      if (!Number.isFinite(n) || (column.kind === 'integer' && !Number.isInteger(n)))
        return E.left(`${name} must be ${column.kind === 'integer' ? 'an integer' : 'a number'}`)
      return E.right(n)
    }
    case 'list':
      return E.right(
        cell
          .split(LIST_SEPARATOR)
          .map((s) => s.trim())
          .filter((s) => s !== '')
      )
  }
}

/**
 * Turns one data row into a nested object by the header's columns: an empty cell is absent, a row with a different
 * number of cells than the header is refused, and so is a cell its column cannot read (`enabled` = `maybe`).
 *
 * @category constructors
 * @since 0.2.0
 */
export const rowToObject = (
  columns: ReadonlyArray<Column>,
  cells: ReadonlyArray<string>
): E.Either<string, Record<string, unknown>> => {
  if (cells.length !== columns.length)
    return E.left(`the row has ${cells.length} cells, the header ${columns.length} columns`)
  const out: Record<string, unknown> = {}
  for (const [i, column] of columns.entries()) {
    const cell = cells[i] ?? ''
    if (cell === '') continue
    const value = cellValue(column, cell)
    if (E.isLeft(value)) return value
    let target = out
    const last = column.path.length - 1
    for (let k = 0; k < last; k++) {
      const seg = column.path[k] ?? ''
      const next = target[seg]
      if (typeof next === 'object' && next !== null) target = next as Record<string, unknown>
      else {
        const created: Record<string, unknown> = {}
        target[seg] = created
        target = created
      }
    }
    target[column.path[last] ?? ''] = value.right
  }
  return E.right(out)
}

/**
 * The inverse of {@link rowToObject} for string leaves: a nested object as `{ 'dotted.path': value }`.
 *
 * @category destructors
 * @since 0.2.0
 */
export const flatten = (o: Readonly<Record<string, unknown>>, prefix = ''): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(o)) {
    const path = prefix === '' ? k : `${prefix}.${k}`
    if (typeof v === 'object' && v !== null && !Array.isArray(v))
      Object.assign(out, flatten(v as Record<string, unknown>, path))
    else out[path] = v
  }
  return out
}
