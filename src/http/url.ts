/**
 * Building the URL of a request: the path template filled with checked, encoded parameters, and the query string.
 * Internal.
 *
 * @since 0.2.0
 */
import * as E from '#fp-ts/Either'
import type { QueryValue } from '../request'

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
): E.Either<string, string> => {
  let failure: string | undefined
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = name === 'workspaceId' ? workspaceId : params?.[name]
    if (typeof value !== 'string') failure ??= `${name} must be a string, got ${value === null ? 'null' : typeof value}`
    else if (value.trim() === '' || value === '.' || value === '..')
      failure ??= `${name} must be a non-empty id other than "." and "..", got ${JSON.stringify(value)}`
    else if (value.length > 1024) failure ??= `${name} is longer than 1024 characters`
    else
      try {
        return encodeURIComponent(value)
      } catch {
        failure ??= `${name} is not well-formed Unicode (it holds a lone surrogate)`
      }
    return ''
  })
  return failure === undefined ? E.right(path) : E.left(failure)
}

/**
 * Builds a query string (`?a=1&b=x`, or `''`): `undefined` and `null` leave a parameter out, an array repeats it.
 *
 * @category utils
 * @since 0.2.0
 */
export const buildQuery = (query: Readonly<Record<string, QueryValue>> | undefined): string => {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {}))
    for (const v of Array.isArray(value) ? (value as ReadonlyArray<string | number>) : [value])
      if (v !== undefined && v !== null) params.append(key, String(v))
  const s = params.toString()
  return s === '' ? '' : `?${s}`
}
