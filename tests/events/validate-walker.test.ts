// The walker over event schemas (src/codecs/event-check.ts), by properties: random valid values of every standard
// type's and context's shape pass; one mutation (a wrong type at a random position) fails with exactly one issue, at
// the mutated path. And its format checks, value by value.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkShape, formatOk, shapeReport, type ShapeReport } from '../../src/codecs/event-check'
import { CONTEXT_INFO_SHAPES, EVENT_PROPERTY_SHAPES } from '../../src/codecs/event-plan'
import type { Shape } from '../../src/codecs/event-shape'
import { mutate, wrongValue, type Path } from './validate-support'

const check = (shape: Shape, value: unknown): ShapeReport => {
  const r = shapeReport(100)
  checkShape(r, shape, value, [])
  return r
}

/** Valid date-times in the forms the check accepts: `Z` or an offset (with or without colon), fractions or none. */
const dateTime = fc
  .tuple(
    fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
    fc.constantFrom('Z', 'z', '+00:00', '-11:30', '+0000', '+1400'),
    fc.boolean()
  )
  .map(([d, zone, millis]) => {
    const iso = d.toISOString()
    return `${millis ? iso.slice(0, -1) : iso.slice(0, 19)}${zone}`
  })

const FORMATS: Readonly<Record<string, fc.Arbitrary<string>>> = {
  'date-time': dateTime,
  date: fc
    .date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  email: fc.emailAddress(),
  uri: fc.webUrl({ withQueryParameters: true, withFragments: true }),
  ipv4: fc.ipV4()
}

/** Random valid values of a shape. */
const valueOf = (s: Shape): fc.Arbitrary<unknown> => {
  const base = ((): fc.Arbitrary<unknown> => {
    if (s.enum !== undefined) return fc.constantFrom(...s.enum)
    switch (s.type) {
      case 'string':
        return s.format === undefined ? fc.string() : (FORMATS[s.format] ?? fc.string())
      case 'number':
        return fc.double({ min: s.minimum ?? -1e12, max: s.maximum ?? 1e12, noNaN: true, noDefaultInfinity: true })
      case 'integer':
        return fc.integer({ min: s.minimum ?? -1e9, max: s.maximum ?? 1e9 })
      case 'boolean':
        return fc.boolean()
      case 'array':
        return fc.array(s.items === undefined ? fc.jsonValue() : valueOf(s.items), { maxLength: 3 })
      case 'object':
        if (s.properties === undefined) return fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 })
        return fc.record(Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, valueOf(v)])), {
          requiredKeys: [...(s.required ?? [])]
        })
      case 'any':
        return fc.jsonValue()
    }
  })()
  return s.nullable === true ? fc.oneof(base, fc.constant(null)) : base
}

/** The positions of a value that a shape types (not `any`), with their shapes. */
const typedPositions = (s: Shape, u: unknown, at: Path = []): Array<{ path: Path; shape: Shape }> => {
  if (s.type === 'any' || u === null) return []
  const here = [{ path: at, shape: s }]
  if (s.type === 'array' && s.items !== undefined && Array.isArray(u)) {
    const items = s.items
    return [...here, ...u.flatMap((v: unknown, i) => typedPositions(items, v, [...at, i]))]
  }
  if (s.type === 'object' && s.properties !== undefined && typeof u === 'object') {
    const props = s.properties
    return [
      ...here,
      ...Object.entries(u as Record<string, unknown>).flatMap(([k, v]) => {
        const p = props[k]
        return p === undefined ? [] : typedPositions(p, v, [...at, k])
      })
    ]
  }
  return here
}

const roots: ReadonlyArray<[string, Shape]> = [
  ...Object.entries(EVENT_PROPERTY_SHAPES),
  ...Object.entries(CONTEXT_INFO_SHAPES)
]

describe('the walker, by properties', () => {
  it.each(roots)('random valid values of %s pass', (_name, shape) => {
    fc.assert(
      fc.property(valueOf(shape), (v) => {
        const r = check(shape, v)
        expect(r.issues).toEqual([])
      }),
      { numRuns: 40 }
    )
  })

  it.each(roots)('one wrong type in a valid %s fails with one issue at that path', (_name, shape) => {
    fc.assert(
      fc.property(valueOf(shape), fc.nat(), (v, pick) => {
        const candidates = typedPositions(shape, v).filter((p) => p.path.length > 0)
        fc.pre(candidates.length > 0)
        const { path, shape: at } = candidates[pick % candidates.length] ?? { path: [], shape }
        const bad = mutate(v, path, (parent, key) => (parent[key] = wrongValue(at)))
        const r = check(shape, bad)
        expect(r.issues.map((i) => i.path)).toEqual([path])
        expect(r.issues[0]?.code).toBe(at.enum === undefined ? 'type' : 'enum')
      }),
      { numRuns: 40 }
    )
  })
})

describe('formats: strict, written out', () => {
  it.each([
    [
      'date-time',
      [
        '2026-01-31T09:30:00Z',
        '2026-01-31t09:30:00.123456789z',
        '2024-02-29T23:59:60+01:00',
        '2017-03-08T10:18:17.000+0000'
      ]
    ],
    ['date', ['2026-01-31', '2024-02-29', '2000-02-29']],
    ['email', ['ada@example.com', "o'brien+tag@mail.example.co.uk", 'a.b-c@x-y.io']],
    [
      'uri',
      ['https://example.com', 'https://example.com/p/1?q=a%20b#top', 'mailto:ada@example.com', 'urn:isbn:0451450523']
    ],
    ['ipv4', ['192.0.2.1', '0.0.0.0', '255.255.255.255']]
  ])('%s accepts %j', (format, values) => {
    expect(values.filter((v) => !formatOk(format, v))).toEqual([])
  })

  it.each([
    [
      'date-time',
      [
        '2026-01-31',
        '2026-01-31 09:30:00Z',
        '2026-01-31T09:30Z',
        '2026-01-31T09:30:00',
        '2026-02-30T09:30:00Z',
        '2023-02-29T00:00:00Z',
        '2026-13-01T00:00:00Z',
        '2026-01-31T24:00:00Z',
        '2026-01-31T09:60:00Z',
        '2026-01-31T09:30:60Z',
        '2026-01-31T09:30:00+24:00',
        '2026-01-31T09:30:00.Z',
        'Sat, 31 Jan 2026 09:30:00 GMT',
        '1767173400000'
      ]
    ],
    ['date', ['2026-1-31', '2026-02-30', '1900-02-29', '2026-01-31T00:00:00Z', '31/01/2026', '']],
    [
      'email',
      [
        'ada',
        'ada@',
        '@example.com',
        'ada@example',
        'a da@example.com',
        'ada@@example.com',
        'ada@-x.com',
        'a..b@example.com',
        `${'a'.repeat(250)}@example.com`
      ]
    ],
    [
      'uri',
      [
        'example.com',
        '/p/1',
        'https://',
        'https:///p',
        'https://exa mple.com',
        'https://example.com/%zz',
        'https://example.com/ü',
        ''
      ]
    ],
    ['ipv4', ['256.0.0.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1.2.3.-4', ' 1.2.3.4', '::1']]
  ])('%s refuses %j', (format, values) => {
    expect(values.filter((v) => formatOk(format, v))).toEqual([])
  })

  it('does not check formats the schemas do not use', () => {
    expect(formatOk('hostname', '!!')).toBe(true)
  })
})
