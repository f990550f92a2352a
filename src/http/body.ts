/**
 * Reading a response body under a size cap, and parsing it as JSON without letting a `__proto__` key through.
 * Internal.
 *
 * @since 0.2.0
 */
/**
 * Whether a body may hold a `__proto__` key: spelt out (`_proto` is searched for rather than `__proto__`: V8 finds it
 * some twenty times faster), or with one of its characters (`_ p r o t`) written as a `\u` escape. A server that
 * escapes every non-ASCII character (`\u00e8`) is not suspicious for that alone.
 */
const suspicious = (text: string): boolean =>
  text.includes('_proto') || (text.includes('\\u') && /\\u00(5f|6f|7[024])/i.test(text))

/** Drops `__proto__` keys: io-ts copies objects by assignment, which would turn such a key into a prototype. */
const dropProto = (key: string, value: unknown): unknown => (key === '__proto__' ? undefined : value)

/**
 * Parses JSON (any depth: V8's parser does not recurse on the stack): the value in a one-element array, or on
 * failure what the text looks like (`an HTML page`, `text that is not valid JSON`).
 *
 * @category utils
 * @since 0.2.0
 */
export const parseJson = (text: string): readonly [unknown] | string => {
  try {
    // The reviver makes JSON.parse about three times slower: it runs only when the key may be there.
    return [suspicious(text) ? JSON.parse(text, dropProto) : JSON.parse(text)]
  } catch {
    return text.trimStart().startsWith('<') ? 'an HTML page' : 'text that is not valid JSON'
  }
}

/** One decoder for every body: `decode` of a whole buffer keeps no state between calls. */
const utf8 = new TextDecoder()

/**
 * Reads a body up to `limit` bytes; `undefined` when it is larger (the rest is not read). Each wait goes through
 * `within`, which rejects when the attempt ends (timeout or abort) and so ends the read.
 *
 * `framed` says the body is bounded by its `Content-Length` (the runtime's own fetch, which reads exactly that many
 * bytes off the connection): then a declared length within the cap, with no content coding, is read in one go by
 * the fetch itself (`res.text()`, as a hand-written client would). Otherwise (a custom
 * fetch, a compressed or chunked body) it is read chunk by chunk and counted.
 *
 * @category utils
 * @since 0.2.0
 */
export const readBody = async (
  res: Response,
  limit: number,
  within: <T>(p: Promise<T>) => Promise<T>,
  framed = false
): Promise<string | undefined> => {
  const headers = res.headers
  const declared = headers.get('content-length')
  if (Number(declared) > limit) {
    void res.body?.cancel().catch(() => undefined)
    return undefined
  }
  if (res.body === null) return ''
  if (framed && declared !== null && /^\d+$/.test(declared) && !headers.has('content-encoding'))
    return await within(res.text())
  const reader = res.body.getReader()
  const chunks: Array<Uint8Array> = []
  let total = 0
  try {
    for (;;) {
      const { done, value } = await within(reader.read())
      if (done) break
      total += value.byteLength
      if (total > limit) return undefined
      chunks.push(value)
    }
  } finally {
    // Past the cap, or on a failure, the rest is not read; after the end this does nothing.
    void reader.cancel().catch(() => undefined)
  }
  let all = chunks[0]
  if (chunks.length !== 1 || all === undefined) {
    const joined = new Uint8Array(total)
    chunks.reduce((offset, c) => (joined.set(c, offset), offset + c.byteLength), 0)
    all = joined
  }
  return utf8.decode(all)
}
