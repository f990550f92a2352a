/**
 * The `HttpError` of a non-2xx answer: the API's own fields when its body has them, a message a user can act on
 * when not, and nothing the server said left unredacted. Internal.
 *
 * @since 0.2.0
 */
import * as E from '#fp-ts/Either'
import { httpError, type HttpError } from '../error'
import { parseJson } from './body'
import { redactText, redactValue } from './redact'

/**
 * Where a request went, for messages: `where` is operation, method and path; `baseUrl` the checked base URL.
 *
 * @category model
 * @since 0.2.0
 */
export interface Target {
  readonly where: string
  readonly method: string
  readonly path: string
  readonly baseUrl: string
  /** The token, to keep it out of errors built from what the server said. */
  readonly secret: string
}

const field = (body: unknown, key: string): unknown =>
  typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>)[key] : undefined

const clip = (s: string): string => (s.length > 300 ? `${s.slice(0, 297)}...` : s)

/** What a user can do about a status, when the status says it. */
const hint = (status: number, json: boolean, baseUrl: string): string | undefined =>
  status === 401
    ? 'check the token'
    : status === 403
      ? "check the workspace id and the token's rights"
      : status === 404 && !json
        ? `no such route under ${new URL(baseUrl).origin}, check the base URL`
        : undefined

/**
 * Builds the `HttpError` of an answer with a non-2xx `status`, from its body (`undefined`: too large to read).
 *
 * @category constructors
 * @since 0.2.0
 */
export const statusError = (
  t: Target,
  status: number,
  statusText: string,
  contentType: string | null,
  raw: string | undefined
): HttpError => {
  const { secret } = t
  // The raw text is redacted first; parsed strings are redacted again only where an escape could have hidden the
  // token from that first pass, and only in the parts that reach the error.
  const text = raw === undefined ? undefined : redactText(raw, secret)
  const parsed =
    text === undefined || text === ''
      ? E.left(text === undefined ? 'a body too large to read' : 'an empty body')
      : parseJson(text)
  const body = E.isRight(parsed) ? parsed.right : undefined
  const escaped = text !== undefined && text.includes('\\')
  const keep = (u: unknown): unknown => (escaped ? redactValue(u, secret) : u)
  const said = [field(body, 'message'), field(body, 'error')].find(
    (m): m is string => typeof m === 'string' && m.trim() !== ''
  )
  let detail = said === undefined ? undefined : redactText(said, secret).trim()
  if (detail === undefined) {
    detail = E.isRight(parsed) ? 'a JSON body with no message' : parsed.left
    if (E.isLeft(parsed) && text !== undefined && text !== '' && contentType !== null)
      detail += ` (${redactText(contentType.split(';')[0] ?? '', secret)})`
  }
  detail = clip(detail.replace(/[\r\n]+/g, ' '))
  const advice = hint(status, E.isRight(parsed), t.baseUrl)
  if (advice !== undefined) detail = `${detail.replace(/[.!?]+$/, '')}; ${advice}`
  const reason = statusText === '' ? '' : ` ${redactText(statusText, secret).replace(/[\r\n]+/g, ' ')}`
  const logref = field(body, 'logref')
  const errors = field(body, 'errors')
  const data = field(body, 'data')
  return httpError({
    status,
    message: `${t.where} failed with ${status}${reason}: ${detail}${/[.!?]$/.test(detail) ? '' : '.'}`,
    method: t.method,
    path: t.path,
    ...(typeof logref === 'string' ? { logref: redactText(logref, secret) } : {}),
    ...(Array.isArray(errors) ? { errors: keep(errors) as ReadonlyArray<unknown> } : {}),
    ...(data !== undefined ? { data: keep(data) } : {})
  })
}
