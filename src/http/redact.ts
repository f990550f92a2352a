/**
 * Keeping the token out of errors: whatever the server says (status text, content type, body) may echo the request,
 * so every server-supplied string that reaches an error passes through here first. Internal.
 *
 * @since 0.2.0
 */

/**
 * Replaces every occurrence of `secret` in `s` with `[redacted]`.
 *
 * @category utils
 * @since 0.2.0
 */
export const redactText = (s: string, secret: string): string =>
  secret && s.includes(secret) ? s.split(secret).join('[redacted]') : s

/**
 * Sets an own, enumerable, writable property. With defineProperty, not assignment: a `__proto__` key stays a plain
 * key and never becomes a prototype.
 *
 * @category utils
 * @since 0.2.0
 */
export const put = (to: object, key: string, value: unknown): void => {
  Object.defineProperty(to, key, { value, enumerable: true, writable: true, configurable: true })
}

/**
 * A copy of a JSON value with `secret` replaced in every string and key. Iterative (an explicit work list, not
 * recursion), so that no depth of nesting can overflow the stack. Only the parts of a body that reach an error are
 * given to it, never a whole body.
 *
 * @category utils
 * @since 0.2.0
 */
export const redactValue = (u: unknown, secret: string): unknown => {
  const work: Array<readonly [object, object]> = []
  const copy = (v: unknown): unknown => {
    if (typeof v === 'string') return redactText(v, secret)
    if (typeof v !== 'object' || v === null) return v
    const to = Array.isArray(v) ? [] : {}
    work.push([v, to])
    return to
  }
  const root = copy(u)
  for (let next = work.pop(); next !== undefined; next = work.pop()) {
    const [from, to] = next
    if (Array.isArray(from)) for (const v of from as ReadonlyArray<unknown>) (to as Array<unknown>).push(copy(v))
    else for (const k of Object.keys(from)) put(to, redactText(k, secret), copy((from as Record<string, unknown>)[k]))
  }
  return root
}
