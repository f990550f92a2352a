import { describe, expect, it } from 'vitest'
import * as E from '#fp-ts/Either'
import { encodeSegmentInput, oneSegment, Segment, SegmentPage, type SegmentInput } from '../../src/codecs/segment'
import { customerQuery, eq, union } from '../../src/query'
import { decodeWith } from '../../src/decode'
import { expectRight } from '../helpers/either'

const inner = {
  type: 'simple',
  name: 'query',
  are: { condition: { type: 'atomic', attribute: 'base.firstName', operator: 'EQUALS', value: 'Ada' } }
}

// Shaped like the API's answers: `+0000` timestamps, nulls, a field the spec does not list.
const wireSegment = {
  id: 'seg-1',
  name: 'Ada',
  query: inner,
  enabled: true,
  createdAt: '2023-05-04T10:18:17.000+0000',
  updatedAt: '2023-05-04T11:41:45.567+0000',
  href: 'https://example.invalid/segments/seg-1'
}

const decode = decodeWith(Segment)

describe('Segment', () => {
  it('decodes a segment, timestamps as ISO UTC, unknown fields kept', () => {
    const r = decode(wireSegment)
    expect(r).toEqual(
      E.right({
        ...wireSegment,
        createdAt: '2023-05-04T10:18:17.000Z',
        updatedAt: '2023-05-04T11:41:45.567Z'
      })
    )
  })

  it('takes absent and null fields as null', () => {
    expect(decode({ id: 'seg-2', name: null })).toEqual(
      E.right({ id: 'seg-2', name: null, query: null, enabled: null, createdAt: null, updatedAt: null })
    )
  })

  it("takes the examples' `enable` for a missing `enabled`, and `enabled` first", () => {
    const r = decode({ id: 's', name: 'n', query: inner, enable: false, createdAt: '2016-02-23T09:26:33Z' })
    expect(expectRight(r)).toMatchObject({ enabled: false, createdAt: '2016-02-23T09:26:33.000Z' })
    const both = decode({ id: 's', enabled: true, enable: false })
    expect(expectRight(both).enabled).toBe(true)
  })

  it('fails with a path message on a malformed segment', () => {
    expect(decode({ ...wireSegment, createdAt: '04/05/2023' })).toEqual(
      E.left(['createdAt: expected Timestamp | null, got "04/05/2023"'])
    )
    expect(decode({ ...wireSegment, id: 42 })).toEqual(E.left(['id: expected string, got 42']))
    expect(E.isLeft(decode({ ...wireSegment, enabled: 'yes' }))).toBe(true)
  })

  it('decodes a page of segments', () => {
    const page = { number: 0, size: 10, totalElements: 1, totalPages: 1 }
    const r = decodeWith(SegmentPage)({ elements: [wireSegment], page })
    expect(expectRight(r).elements[0]?.createdAt).toBe('2023-05-04T10:18:17.000Z')
  })
})

describe('oneSegment (the POST answer)', () => {
  const decodeOne = decodeWith(oneSegment)

  it('decodes an array of one and a plain object alike', () => {
    const fromArray = decodeOne([wireSegment])
    const fromObject = decodeOne(wireSegment)
    expect(E.isRight(fromArray)).toBe(true)
    expect(fromArray).toEqual(fromObject)
  })

  it('refuses an array of another length, and names the path inside an array of one', () => {
    expect(decodeOne([])).toEqual(E.left(['(root): expected one segment, got an array of 0']))
    expect(E.isLeft(decodeOne([wireSegment, wireSegment]))).toBe(true)
    expect(decodeOne([{ ...wireSegment, id: null }])).toEqual(E.left(['0.id: expected string, got null']))
  })
})

describe('encodeSegmentInput', () => {
  const query = customerQuery(eq('base.firstName', 'Ada'))

  it("sends the builder query's inner query, leaving a null enabled out", () => {
    expect(encodeSegmentInput({ name: 'Ada', query, enabled: null })).toEqual(
      E.right({ name: 'Ada', query: query.query })
    )
    expect(encodeSegmentInput({ name: 'Ada', query, enabled: false })).toEqual(
      E.right({ name: 'Ada', query: query.query, enabled: false })
    )
  })

  it('takes combined queries, and an inner query as it is', () => {
    const q = union(query, customerQuery(eq('base.lastName', 'Lovelace')))
    expect(encodeSegmentInput({ name: 'u', query: q })).toEqual(E.right({ name: 'u', query: q.query }))
    const raw = { name: 'u', query: q.query } as unknown as SegmentInput
    expect(encodeSegmentInput(raw)).toEqual(E.right({ name: 'u', query: q.query }))
  })

  it('does not mutate the input', () => {
    const input = { name: 'Ada', query, enabled: true }
    const copy = structuredClone(input)
    encodeSegmentInput(input)
    expect(input).toEqual(copy)
  })

  it('refuses inputs that are not segments', () => {
    const bad = (u: unknown) => encodeSegmentInput(u as SegmentInput)
    expect(bad(null)).toEqual(E.left('the segment must be an object'))
    expect(bad({ name: '  ', query })).toEqual(E.left('the segment name must be a non-empty string'))
    expect(bad({ name: 'a' })).toEqual(E.left('the segment query must be a query object'))
    expect(bad({ name: 'a', query: { name: 'q', query: { type: 'other' } } })).toEqual(
      E.left('the segment query must be a simple or combined query')
    )
    expect(bad({ name: 'a', query, enabled: 'yes' })).toEqual(E.left('the segment enabled flag must be a boolean'))
  })
})
