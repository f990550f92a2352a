// `__proto__` keys are dropped from every parsed body (src/http/body.ts), however the server spells them: plainly,
// or with any of its characters as a `\u` escape; at any depth. A body whose only escapes are other characters
// (a server that escapes non-ASCII) is parsed as it is. The result is what JSON.parse with a reviver that drops the
// key gives, on fuzzed bodies.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseJson } from '../../src/http/body'

const reviver = (key: string, value: unknown): unknown => (key === '__proto__' ? undefined : value)
const reference = (text: string): unknown => JSON.parse(text, reviver) as unknown

/** Whether any object of the value has an own `__proto__` key. */
const hasProtoKey = (u: unknown): boolean => {
  const stack: Array<unknown> = [u]
  while (stack.length > 0) {
    const v = stack.pop()
    if (typeof v !== 'object' || v === null) continue
    if (Object.prototype.hasOwnProperty.call(v, '__proto__')) return true
    stack.push(...Object.values(v))
  }
  return false
}

const parsed = (text: string): unknown => {
  const r = parseJson(text)
  if (typeof r === 'string') throw new Error(`not parsed: ${r}`)
  return r[0]
}

/** Each character of `s` escaped (`\u00XX`) when `mask` says so. */
const escapeSome = (s: string, mask: ReadonlyArray<boolean>): string =>
  [...s].map((c, i) => (mask[i] ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c)).join('')

describe('__proto__ keys, however spelt', () => {
  it.each([
    '__proto__',
    '\\u005f\\u005fproto\\u005f\\u005f',
    '\\u005F_proto__',
    '__\\u0070roto__',
    '__p\\u0072oto__',
    '__pr\\u006Fto__',
    '__pro\\u0074o__'
  ])('%s is dropped', (key) => {
    const v = parsed(`{"a":1,"${key}":{"polluted":true},"b":{"${key}":{"polluted":true},"c":[{"${key}":1}]}}`)
    expect(v).toEqual({ a: 1, b: { c: [{}] } })
    expect(hasProtoKey(v)).toBe(false)
  })

  it('at any depth: nothing gets through (a body too deep for the reviver is refused as not JSON)', () => {
    for (const depth of [1_000, 50_000]) {
      const r = parseJson(`${'{"x":'.repeat(depth)}{"__proto__":{"polluted":true}}${'}'.repeat(depth)}`)
      if (typeof r === 'string') expect(r).toBe('text that is not valid JSON')
      else expect(hasProtoKey(r[0])).toBe(false)
    }
    expect(hasProtoKey(parsed(`${'[{"x":'.repeat(1_000)}{"__proto__":1}${'}]'.repeat(1_000)}`))).toBe(false)
  })

  it('a body with other escapes only is parsed as it is', () => {
    const text = '{"name":"Niccol\\u00f2","city":"\\u0052oma","__protozoa":1}'
    expect(parsed(text)).toEqual(JSON.parse(text))
  })

  it('agrees with a reviver that drops the key, on fuzzed bodies', () => {
    const key = fc.oneof(fc.constantFrom('__proto__', 'a', 'constructor', '_proto', 'prototype'), fc.string())
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
        fc.array(tie('value')),
        fc.array(fc.tuple(key, tie('value')), { maxLength: 4 })
      )
    })).value
    const text = (u: unknown): string =>
      Array.isArray(u) && u.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string')
        ? `{${u.map(([k, v]: [string, unknown]) => `${JSON.stringify(k)}:${text(v)}`).join(',')}}`
        : Array.isArray(u)
          ? `[${u.map(text).join(',')}]`
          : JSON.stringify(u)
    fc.assert(
      fc.property(json, fc.array(fc.boolean(), { maxLength: 12 }), (u, mask) => {
        // Some characters of every `__proto__` escaped, as a server might.
        const body = text(u)
          .split('"__proto__"')
          .join(`"${escapeSome('__proto__', mask)}"`)
        const v = parsed(body)
        expect(v).toEqual(reference(body))
        expect(hasProtoKey(v)).toBe(false)
      }),
      { numRuns: 500, seed: 17 }
    )
  })
})
