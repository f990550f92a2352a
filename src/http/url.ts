/**
 * Building the URL of a request: the path template filled with checked, encoded parameters, and the query string.
 * Internal.
 *
 * @since 0.2.0
 */
import type { Either } from '#fp-ts/Either'
import type { QueryValue } from '../request'
import { left, right } from '../either'
import { typeName } from './settings'

/**
 * Fills a path template; every parameter is checked and encoded into exactly one segment. `workspaceId` comes
 * from the context, the others from `params`.
 *
 * @category utils
 * @since 0.2.0
 */
export const buildPath = (
  template: string,
  params: Readonly<Record<string, unknown>> | undefined,
  workspaceId: unknown
): Either<string, string> => {
  let failure: string | undefined
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = name === 'workspaceId' ? workspaceId : params?.[name]
    let why =
      typeof value !== 'string'
        ? `must be a string, got ${typeName(value)}`
        : value.trim() === '' || value === '.' || value === '..'
          ? `must be a non-empty id other than "." and "..", got ${JSON.stringify(value)}`
          : value.length > 1024
            ? 'is longer than 1024 characters'
            : undefined
    if (why === undefined)
      try {
        return encodeURIComponent(value as string)
      } catch {
        why = 'is not well-formed Unicode (it holds a lone surrogate)'
      }
    failure ??= `${name} ${why}`
    return ''
  })
  return failure === undefined ? right(path) : left(failure)
}

/**
 * Builds a query string (`?a=1&b=x`, or `''`): `undefined` and `null` leave a parameter out, an array repeats it.
 *
 * @category utils
 * @since 0.2.0
 */
export const buildQuery = (query: Readonly<Record<string, QueryValue>> | undefined): string => {
  if (query === undefined) return ''
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query))
    for (const v of Array.isArray(value) ? (value as ReadonlyArray<string | number>) : [value])
      if (v != null) params.append(key, String(v))
  const s = params.toString()
  return s && `?${s}`
}
