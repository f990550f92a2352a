// Segments over raw HTTP: CRUD with the spec's answers (POST: 201 and an array of one), the query validated like a
// customer query, and the customers of a segment evaluated against the store, with pages and fields. Every answer
// decodes with the client's codecs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import * as E from '#fp-ts/Either'
import { customerQuery, eq, and, gte, union } from '../../src/query'
import { Customer } from '../../src/codecs/customer'
import { pageOf } from '../../src/codecs/page'
import { oneSegment, Segment, SegmentPage, encodeSegmentInput } from '../../src/codecs/segment'
import { startEmulator, type Emulator } from '../../src/emulator/index'
import { client, decoded, counterIds, expectApiError, WIRE_TIMESTAMP, type Json } from './helpers'

let emulator: Emulator
let api: ReturnType<typeof client>
let clock = Date.UTC(2024, 0, 1)

beforeAll(async () => {
  emulator = await startEmulator({
    workspaceId: 'ws',
    nodeId: 'node',
    nodes: ['other'],
    token: 'secret',
    uuid: counterIds(),
    now: () => clock
  })
  api = client(emulator)
})
afterAll(() => emulator.close())
beforeEach(() => {
  emulator.reset()
  clock = Date.UTC(2024, 0, 1)
})

/** The inner query of a builder query, as the client sends it. */
const body = (name: string, query: ReturnType<typeof customerQuery>, enabled?: boolean): Json => {
  const b = encodeSegmentInput({ name, query, ...(enabled === undefined ? {} : { enabled }) })
  if (E.isLeft(b)) throw new Error(b.left)
  return b.right
}

const milano = () => body('Milano', customerQuery(eq('base.address.city', 'Milano')))

const add = async (b: Json): Promise<Json> => {
  const r = await api.call('POST', '/segments', { body: b })
  expect(r.status, r.text).toBe(201)
  return decoded(oneSegment, r.body)
}

describe('POST /segments', () => {
  it('answers 201 with an array of one segment, as the spec says; it decodes with oneSegment', async () => {
    const r = await api.call('POST', '/segments', { body: milano() })
    expect(r.status).toBe(201)
    expect(Array.isArray(r.body)).toBe(true)
    expect(r.body).toHaveLength(1)
    expect(r.body[0]).toEqual({
      id: 'id-1',
      name: 'Milano',
      query: milano().query,
      enabled: true,
      createdAt: '2024-01-01T00:00:00.000+0000',
      updatedAt: '2024-01-01T00:00:00.000+0000'
    })
    expect(r.body[0].createdAt).toMatch(WIRE_TIMESTAMP)
    const s = decoded(oneSegment, r.body)
    expect(s).toMatchObject({ id: 'id-1', name: 'Milano', enabled: true })
  })

  it('keeps enabled: false, and reads the examples’ spelling `enable`', async () => {
    expect((await add(body('off', customerQuery(eq('base.firstName', 'x')), false))).enabled).toBe(false)
    const b = { ...milano(), enable: false }
    expect((await add(b)).enabled).toBe(false)
  })

  it.each([
    ['no name', { query: { type: 'simple', name: 'q', are: { condition: null } } }, '/name'],
    ['an empty name', { name: ' ', query: milanoQuery() }, '/name'],
    ['no query', { name: 'n' }, '/query'],
    ['a query that is a string', { name: 'n', query: 'x' }, '/query'],
    [
      'a builder query instead of its inner query',
      { name: 'n', query: { name: 'q', query: milanoQuery() } },
      '/query/type'
    ],
    [
      'an unknown operator',
      {
        name: 'n',
        query: {
          type: 'simple',
          name: 'q',
          are: { condition: { type: 'atomic', attribute: 'base.firstName', operator: 'LIKE', value: 'a' } }
        }
      },
      '/query/are/condition/operator'
    ],
    [
      'an unknown attribute',
      {
        name: 'n',
        query: {
          type: 'simple',
          name: 'q',
          are: { condition: { type: 'atomic', attribute: 'base.nope', operator: 'EQUALS', value: 'a' } }
        }
      },
      '/query/are/condition/attribute'
    ],
    ['a non-boolean enabled', { ...milanoBody(), enabled: 'yes' }, '/enabled'],
    ['an array', [milanoBody()], '']
  ])('answers 400 with the path for %s', async (_name, b, path) => {
    const r = await api.call('POST', '/segments', { body: b })
    expect(r.status).toBe(400)
    expectApiError(r.body)
    expect(r.body.errors.map((e: Json) => e.path)).toContain(path)
    expect(r.body.message).toMatch(/^Invalid segment: /)
    expect((await api.call('GET', '/segments')).body.elements).toEqual([])
  })
})

function milanoQuery(): Json {
  return { type: 'simple', name: 'q', are: { condition: { type: 'atomic', attribute: 'id', operator: 'IS_NOT_NULL' } } }
}
function milanoBody(): Json {
  return { name: 'm', query: milanoQuery() }
}

describe('GET /segments', () => {
  it('pages the segments and filters them by name (a case-insensitive part of it)', async () => {
    for (const n of ['Milano VIP', 'Roma', 'milano new', 'Torino']) await add({ ...milanoBody(), name: n })
    const all = await api.call('GET', '/segments')
    expect(all.status).toBe(200)
    const page = decoded(SegmentPage, all.body)
    expect(page.elements.map((s) => s.name)).toEqual(['Milano VIP', 'Roma', 'milano new', 'Torino'])
    expect(page.page).toEqual({ size: 10, totalElements: 4, totalUnfilteredElements: 4, totalPages: 1, number: 0 })
    const named = decoded(SegmentPage, (await api.call('GET', '/segments', { query: { name: 'MILANO' } })).body)
    expect(named.elements.map((s) => s.name)).toEqual(['Milano VIP', 'milano new'])
    expect(named.page.totalElements).toBe(2)
    expect(named.page.totalUnfilteredElements).toBe(4)
    const second = decoded(SegmentPage, (await api.call('GET', '/segments', { query: { page: 1, size: 3 } })).body)
    expect(second.elements.map((s) => s.name)).toEqual(['Torino'])
    expect(second.page).toMatchObject({ number: 1, size: 3, totalPages: 2 })
    expect((await api.call('GET', '/segments', { query: { size: 0 } })).status).toBe(400)
  })
})

describe('GET, PUT and DELETE /segments/{id}', () => {
  it('reads, replaces (updatedAt moves, createdAt stays) and deletes', async () => {
    const s = await add(milano())
    const got = await api.call('GET', `/segments/${s.id}`)
    expect(got.status).toBe(200)
    expect(decoded(Segment, got.body)).toEqual(s)
    clock += 60_000
    const roma = body('Roma', customerQuery(eq('base.address.city', 'Roma')), false)
    const put = await api.call('PUT', `/segments/${s.id}`, { body: { ...roma, id: s.id } })
    expect(put.status).toBe(200)
    const replaced = decoded(Segment, put.body)
    expect(replaced).toEqual({
      id: s.id,
      name: 'Roma',
      query: roma.query,
      enabled: false,
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-01T00:01:00.000Z'
    })
    expect(put.body.updatedAt).toBe('2024-01-01T00:01:00.000+0000')
    expect(decoded(Segment, (await api.call('GET', `/segments/${s.id}`)).body)).toEqual(replaced)
    const del = await api.call('DELETE', `/segments/${s.id}`)
    expect(del.status).toBe(200)
    expect(decoded(Segment, del.body).id).toBe(s.id)
    expect((await api.call('GET', `/segments/${s.id}`)).status).toBe(404)
  })

  it('PUT validates like POST and refuses another id; unknown ids are 404', async () => {
    const s = await add(milano())
    const bad = await api.call('PUT', `/segments/${s.id}`, { body: { name: 'x', query: { type: 'nope' } } })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].path).toBe('/query/type')
    const other = await api.call('PUT', `/segments/${s.id}`, { body: { ...milano(), id: 'other' } })
    expect(other.status).toBe(400)
    expect(other.body.errors[0].path).toBe('/id')
    expect(decoded(Segment, (await api.call('GET', `/segments/${s.id}`)).body).name).toBe('Milano')
    for (const [method, b] of [
      ['GET', undefined],
      ['PUT', milano()],
      ['DELETE', undefined]
    ] as const) {
      const r = await api.call(method, '/segments/ghost', b === undefined ? {} : { body: b })
      expect(r.status).toBe(404)
      expectApiError(r.body)
      expect(r.body.message).toBe('Segment not found: ghost')
    }
    expect((await api.call('GET', '/segments/ghost/customers', { query: { nodeId: 'node' } })).status).toBe(404)
  })
})

describe('GET /segments/{id}/customers', () => {
  const seed = async (): Promise<void> => {
    const people: ReadonlyArray<readonly [string, string, number, string]> = [
      ['Ada', 'Milano', 36, 'node'],
      ['Bea', 'Roma', 20, 'node'],
      ['Cal', 'Milano', 50, 'node'],
      ['Dan', 'Milano', 40, 'other'],
      ['Eva', 'Torino', 70, 'node']
    ]
    for (const [firstName, city, age, nodeId] of people) {
      const r = await api.call('POST', '/customers', {
        body: { nodeId, externalId: firstName, base: { firstName, address: { city } }, extended: { age } }
      })
      expect(r.status).toBe(201)
    }
  }

  const customers = async (id: string, query: Record<string, string | number> = {}) => {
    const r = await api.call('GET', `/segments/${id}/customers`, { query: { nodeId: 'node', ...query } })
    expect(r.status, r.text).toBe(200)
    return decoded(pageOf(Customer), r.body)
  }

  it('evaluates the stored query against the customers of the node asked for', async () => {
    await seed()
    const s = await add(milano())
    const page = await customers(s.id)
    expect(page.elements.map((c) => c.base?.firstName)).toEqual(['Ada', 'Cal'])
    expect(page.page).toEqual({ size: 10, totalElements: 2, totalUnfilteredElements: 4, totalPages: 1, number: 0 })
    const other = await customers(s.id, { nodeId: 'other' })
    expect(other.elements.map((c) => c.base?.firstName)).toEqual(['Dan'])
    // combined queries and comparisons, as GET /customers evaluates them
    const q = customerQuery(and(eq('base.address.city', 'Milano'), gte('extended.age', 40)))
    const q2 = union(q, customerQuery(eq('base.address.city', 'Torino')))
    const s2 = await add(body('older', q2))
    expect((await customers(s2.id)).elements.map((c) => c.base?.firstName)).toEqual(['Cal', 'Eva'])
  })

  it('follows the segment when it is replaced, and sees customers written later', async () => {
    await seed()
    const s = await add(milano())
    await api.call('PUT', `/segments/${s.id}`, {
      body: body('Roma', customerQuery(eq('base.address.city', 'Roma')))
    })
    expect((await customers(s.id)).elements.map((c) => c.base?.firstName)).toEqual(['Bea'])
    await api.create({ base: { firstName: 'Fay', address: { city: 'Roma' } } })
    expect((await customers(s.id)).elements.map((c) => c.base?.firstName)).toEqual(['Bea', 'Fay'])
  })

  it('pages (page, size) and selects fields (others null)', async () => {
    await seed()
    const all = await add(milanoBody())
    const first = await customers(all.id, { size: 2 })
    expect(first.elements.map((c) => c.base?.firstName)).toEqual(['Ada', 'Bea'])
    expect(first.page).toMatchObject({ totalElements: 4, totalPages: 2, number: 0 })
    const second = await customers(all.id, { size: 2, page: 1 })
    expect(second.elements.map((c) => c.base?.firstName)).toEqual(['Cal', 'Eva'])
    const past = await customers(all.id, { size: 2, page: 5 })
    expect(past.elements).toEqual([])
    const projected = await customers(all.id, { fields: 'base.firstName', size: 1 })
    const [one] = projected.elements
    expect(one?.base?.firstName).toBe('Ada')
    expect(one?.base?.address).toBeNull()
    expect(one?.extended).toBeNull()
    expect(one?.id).toEqual(expect.any(String))
  })

  it('answers 400 without nodeId or with bad fields / paging, 404 for an unknown node', async () => {
    const s = await add(milano())
    const none = await api.call('GET', `/segments/${s.id}/customers`)
    expect(none.status).toBe(400)
    expect(none.body.errors[0].path).toBe('nodeId')
    const fields = await api.call('GET', `/segments/${s.id}/customers`, { query: { nodeId: 'node', fields: 'nope' } })
    expect(fields.status).toBe(400)
    expect(fields.body.errors[0].path).toBe('fields')
    expect((await api.call('GET', `/segments/${s.id}/customers`, { query: { nodeId: 'node', page: -1 } })).status).toBe(
      400
    )
    const ghost = await api.call('GET', `/segments/${s.id}/customers`, { query: { nodeId: 'ghost' } })
    expect(ghost.status).toBe(404)
    expect(ghost.body.message).toBe('node not found ghost')
  })
})

describe('routing and reset', () => {
  it('answers 405 with Allow on the segment paths, and reset forgets the segments', async () => {
    const r = await api.call('PATCH', '/segments/x')
    expect(r.status).toBe(405)
    expect(r.headers.get('allow')).toBe('GET, PUT, DELETE')
    expect((await api.call('DELETE', '/segments')).headers.get('allow')).toBe('GET, POST')
    await add(milano())
    emulator.reset()
    expect((await api.call('GET', '/segments')).body.elements).toEqual([])
  })
})
