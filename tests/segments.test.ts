// Segments on the wire (method, path, query, body against Swagger 1.39's /segments definitions), decoding of live-shaped
// answers (nulls, `+0000`, `enable`, unknown fields, an array of one on POST), malformed answers, and refusals that
// send nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import * as E from '#fp-ts/Either'
import type { ContacthubError } from '../src/error'
import { addSegment, deleteSegment, getSegment, getSegmentCustomers, getSegments, updateSegment } from '../src/segments'
import { nextPage, pages } from '../src/pagination'
import { customerQuery, eq } from '../src/query'
import { expectLeft, expectRight, wireCustomer } from './helpers/fixtures'
import { startRecorder, type Recorder } from './helpers/recorder'

let rec: Recorder

beforeAll(async () => {
  rec = await startRecorder()
})
afterAll(() => rec.close())
beforeEach(() => rec.reset())

/** A segment as the live API answers it: `+0000` timestamps, a field the spec does not list. */
const wireSegment = (id: string, more: Record<string, unknown> = {}) => ({
  id,
  name: 'Milano',
  query: {
    type: 'simple',
    name: 'query',
    are: { condition: { type: 'atomic', attribute: 'base.address.city', operator: 'EQUALS', value: 'Milano' } }
  },
  enabled: true,
  createdAt: '2016-02-23T09:26:33.000+0000',
  updatedAt: '2016-02-23T09:26:44.000+0000',
  href: 'https://api.example/segments/' + id,
  ...more
})

const page = (elements: ReadonlyArray<unknown>, number: number, totalPages: number) => ({
  elements,
  page: { size: 1, totalElements: totalPages, totalUnfilteredElements: totalPages, totalPages, number }
})

const milano = { name: 'Milano', query: customerQuery(eq('base.address.city', 'Milano')) }
const innerQuery = {
  type: 'simple',
  name: 'query',
  are: { condition: { type: 'atomic', attribute: 'base.address.city', operator: 'EQUALS', value: 'Milano' } }
}

const invalid = (e: E.Either<ContacthubError, unknown>) => expectLeft(e)

describe('getSegments', () => {
  it('GETs /segments with name, page and size, decodes live-shaped segments and walks on with nextPage', async () => {
    rec.reply(
      { status: 200, body: page([wireSegment('s1')], 0, 2) },
      { status: 200, body: page([wireSegment('s2')], 1, 2) }
    )
    const first = expectRight(await getSegments(rec.ctx, { name: 'Mil', size: 1 })())
    expect(first.elements).toEqual([
      {
        id: 's1',
        name: 'Milano',
        query: innerQuery,
        enabled: true,
        createdAt: '2016-02-23T09:26:33.000Z',
        updatedAt: '2016-02-23T09:26:44.000Z',
        href: 'https://api.example/segments/s1'
      }
    ])
    const second = expectRight(await nextPage(first)())
    expect(second.elements.map((s) => s.id)).toEqual(['s2'])
    expect(rec.requests.map(({ method, path, query, body }) => ({ method, path, query, body }))).toEqual([
      { method: 'GET', path: '/workspaces/w/segments', query: { name: 'Mil', page: '0', size: '1' }, body: undefined },
      { method: 'GET', path: '/workspaces/w/segments', query: { name: 'Mil', page: '1', size: '1' }, body: undefined }
    ])
  })

  it("sends no name when none is given, and decodes nulls and the examples' `enable`", async () => {
    rec.reply({
      status: 200,
      body: page([{ id: 's1', name: null, query: null, enable: false, createdAt: null, updatedAt: null }], 0, 1)
    })
    const result = expectRight(await getSegments(rec.ctx)())
    expect(result.elements[0]).toMatchObject({ id: 's1', name: null, query: null, enabled: false, createdAt: null })
    expect(rec.requests[0]?.query).toEqual({ page: '0' })
  })

  it('refuses a bad name, page or size and sends nothing', async () => {
    for (const [opts, message] of [
      [{ name: '' }, 'getSegments: name must be a non-empty string.'],
      [{ name: 3 }, 'getSegments: name must be a non-empty string.'],
      [{ page: -1 }, 'getSegments: page must be an integer >= 0.'],
      [{ size: 0 }, 'getSegments: size must be an integer >= 1.']
    ] as const)
      expect(invalid(await getSegments(rec.ctx, opts as never)())).toEqual({ _tag: 'InvalidInput', message })
    expect(rec.requests).toEqual([])
  })

  it('a malformed page is a DecodeError with the path of the bad field', async () => {
    rec.reply({ status: 200, body: page([wireSegment('s1', { createdAt: '23/02/2016' })], 0, 1) })
    const error = expectLeft(await getSegments(rec.ctx)())
    expect(error._tag).toBe('DecodeError')
    expect(error._tag === 'DecodeError' ? error.errors.join('\n') : '').toContain('elements.0.createdAt')
  })
})

describe('getSegment and deleteSegment', () => {
  it('GETs /segments/{id} (encoded) and decodes the segment', async () => {
    rec.reply({ status: 200, body: wireSegment('a/b') })
    const segment = expectRight(await getSegment(rec.ctx, 'a/b')())
    expect(segment.id).toBe('a/b')
    expect(segment.createdAt).toBe('2016-02-23T09:26:33.000Z')
    expect(rec.requests.map(({ method, path, body }) => ({ method, path, body }))).toEqual([
      { method: 'GET', path: '/workspaces/w/segments/a%2Fb', body: undefined }
    ])
  })

  it('a segment without an id is a DecodeError naming id', async () => {
    rec.reply({ status: 200, body: { ...wireSegment('s1'), id: null } })
    const error = expectLeft(await getSegment(rec.ctx, 's1')())
    expect(error).toMatchObject({ _tag: 'DecodeError', path: '/workspaces/w/segments/s1' })
    expect(error._tag === 'DecodeError' ? error.errors[0] : '').toMatch(/^id: /)
  })

  it('DELETEs /segments/{id}; the segment the server answers with is not read', async () => {
    rec.reply({ status: 200, body: wireSegment('s1') })
    expect(await deleteSegment(rec.ctx, 's1')()).toEqual(E.right(undefined))
    expect(rec.requests.map(({ method, path }) => ({ method, path }))).toEqual([
      { method: 'DELETE', path: '/workspaces/w/segments/s1' }
    ])
  })

  it('refuse an empty id and send nothing', async () => {
    expect(invalid(await getSegment(rec.ctx, '')())._tag).toBe('InvalidInput')
    expect(invalid(await deleteSegment(rec.ctx, ' ')())._tag).toBe('InvalidInput')
    expect(rec.requests).toEqual([])
  })
})

describe('addSegment and updateSegment', () => {
  it("POSTs { name, query, enabled } (the inner query) and takes the spec's array of one", async () => {
    rec.reply({ status: 201, body: [wireSegment('s1')] })
    const segment = expectRight(await addSegment(rec.ctx, { ...milano, enabled: true })())
    expect(segment.id).toBe('s1')
    expect(rec.requests.map(({ method, path, query, body }) => ({ method, path, query, body }))).toEqual([
      {
        method: 'POST',
        path: '/workspaces/w/segments',
        query: {},
        body: { name: 'Milano', query: innerQuery, enabled: true }
      }
    ])
  })

  it('takes the segment itself as the answer, and leaves a null enabled out of the body', async () => {
    rec.reply({ status: 201, body: wireSegment('s1') })
    expect(expectRight(await addSegment(rec.ctx, { ...milano, enabled: null })()).id).toBe('s1')
    expect(rec.requests[0]?.body).toEqual({ name: 'Milano', query: innerQuery })
  })

  it('an array of two segments is a DecodeError', async () => {
    rec.reply({ status: 201, body: [wireSegment('s1'), wireSegment('s2')] })
    const error = expectLeft(await addSegment(rec.ctx, milano)())
    expect(error._tag).toBe('DecodeError')
    expect(error._tag === 'DecodeError' ? error.errors.join('\n') : '').toContain('expected one segment')
  })

  it('PUTs /segments/{id} with the id in the body', async () => {
    rec.reply({ status: 200, body: wireSegment('s1', { enabled: false }) })
    const segment = expectRight(await updateSegment(rec.ctx, 's1', { ...milano, enabled: false })())
    expect(segment.enabled).toBe(false)
    expect(rec.requests.map(({ method, path, body }) => ({ method, path, body }))).toEqual([
      {
        method: 'PUT',
        path: '/workspaces/w/segments/s1',
        body: { name: 'Milano', query: innerQuery, enabled: false, id: 's1' }
      }
    ])
  })

  it("refuse an invalid segment with the encoder's reason and send nothing", async () => {
    const cases = [
      [{ name: '', query: milano.query }, 'the segment name must be a non-empty string'],
      [{ name: 'x', query: { name: 'q' } }, 'the segment query must be a simple or combined query'],
      [{ name: 'x', query: milano.query, enabled: 'yes' }, 'the segment enabled flag must be a boolean'],
      [null, 'the segment must be an object']
    ] as const
    for (const [input, why] of cases) {
      expect(invalid(await addSegment(rec.ctx, input as never)())).toEqual({
        _tag: 'InvalidInput',
        message: `addSegment: ${why}.`
      })
      expect(invalid(await updateSegment(rec.ctx, 's1', input as never)())).toEqual({
        _tag: 'InvalidInput',
        message: `updateSegment: ${why}.`
      })
    }
    expect(rec.requests).toEqual([])
  })
})

describe('getSegmentCustomers', () => {
  it("GETs /segments/{id}/customers with the context's nodeId and fields, decodes live customers, walks with pages", async () => {
    rec.reply(
      { status: 200, body: page([wireCustomer('c1', { firstName: 'Ada' })], 0, 2) },
      { status: 200, body: page([wireCustomer('c2')], 1, 2) }
    )
    const ids: Array<string> = []
    for await (const p of pages(
      getSegmentCustomers(rec.ctx, 's1', { fields: ['base.firstName', 'base.lastName'], size: 1 })
    )) {
      ids.push(...expectRight(p).elements.map((c) => c.id))
    }
    expect(ids).toEqual(['c1', 'c2'])
    expect(rec.requests.map(({ method, path, query }) => ({ method, path, query }))).toEqual(
      [0, 1].map((n) => ({
        method: 'GET',
        path: '/workspaces/w/segments/s1/customers',
        query: { nodeId: 'n', fields: 'base.firstName,base.lastName', page: String(n), size: '1' }
      }))
    )
  })

  it('sends fields given as one string as it is, and none when none is given', async () => {
    rec.reply({ status: 200, body: page([], 0, 0) }, { status: 200, body: page([], 0, 0) })
    expectRight(await getSegmentCustomers(rec.ctx, 's1', { fields: 'base.firstName' })())
    expectRight(await getSegmentCustomers(rec.ctx, 's1')())
    expect(rec.requests.map((r) => r.query)).toEqual([
      { nodeId: 'n', fields: 'base.firstName', page: '0' },
      { nodeId: 'n', page: '0' }
    ])
  })

  it('a malformed customer is a DecodeError with its path', async () => {
    rec.reply({ status: 200, body: page([wireCustomer('c1', {}, { registeredAt: 'yesterday' })], 0, 1) })
    const error = expectLeft(await getSegmentCustomers(rec.ctx, 's1')())
    expect(error._tag === 'DecodeError' ? error.errors.join('\n') : error._tag).toContain('elements.0.registeredAt')
  })

  it('refuses a context without a node, bad fields, a bad segment id, and sends nothing', async () => {
    const { nodeId: _, ...noNode } = rec.ctx
    expect(invalid(await getSegmentCustomers(noNode as never, 's1')())).toEqual({
      _tag: 'InvalidInput',
      message: "getSegmentCustomers: the context's nodeId must be a non-empty string."
    })
    expect(invalid(await getSegmentCustomers(rec.ctx, 's1', { fields: [1] } as never)())).toEqual({
      _tag: 'InvalidInput',
      message: 'getSegmentCustomers: fields must be a string or a list of strings.'
    })
    expect(invalid(await getSegmentCustomers(rec.ctx, '')())).toMatchObject({
      _tag: 'InvalidInput',
      message: expect.stringContaining('segmentId') as unknown
    })
    expect(rec.requests).toEqual([])
  })
})
