import { describe, expect, it } from 'vitest'
import * as E from '#fp-ts/Either'
import * as O from '#fp-ts/Option'
import { conflictingCustomerId, type ContacthubError } from '../src/error'
import {
  addCustomer,
  deleteCustomer,
  getCustomer,
  getCustomerByExternalId,
  getCustomers,
  updateCustomer
} from '../src/customers'
import { nextPage, previousPage } from '../src/pagination'
import type { Query } from '../src/codecs/query'
import { useRecorder } from './helpers/recorder'
import { expectLeft, expectRight, nth } from './helpers/either'
import { wireCustomer } from './helpers/fixtures'

const customerWire = wireCustomer

const pageWire = (elements: ReadonlyArray<unknown>, number: number, totalPages: number) => ({
  elements,
  page: { size: 2, totalElements: totalPages * 2, totalUnfilteredElements: 0, totalPages, number }
})

const conflictWire = (existingId: string, href: string) => ({
  message: `Conflict with exiting customer ${existingId}`,
  logref: '5c38ce36-3069-4ad6-9dee-04adc6c483c6',
  data: { customer: { id: existingId, href } },
  errors: []
})

const rec = useRecorder()

const run = async <A>(task: () => Promise<E.Either<ContacthubError, A>>): Promise<E.Either<ContacthubError, A>> =>
  task()

describe('addCustomer', () => {
  it('POSTs the customer with nodeId, without nulls or read-only fields, dob as YYYY-MM-DD', async () => {
    rec.reply({ status: 201, body: customerWire('c1', { firstName: 'Ada', dob: '1990-12-10' }, { externalId: 'ext' }) })
    const task = addCustomer(rec.ctx, {
      externalId: 'ext',
      base: {
        firstName: 'Ada',
        lastName: null,
        dob: new Date('1990-12-10T00:00:00Z'),
        contacts: { email: 'ada@example.com', fax: null }
      },
      extended: null,
      tags: { manual: ['vip'] }
    })
    expect(rec.requests).toHaveLength(0) // nothing is sent before the task runs
    const c = expectRight(await run(task))
    expect(rec.requests).toHaveLength(1)
    const r = nth(rec.requests, 0)
    expect(r.method).toBe('POST')
    expect(r.path).toBe('/workspaces/w/customers')
    expect(r.query).toEqual({})
    expect(r.headers.authorization).toBe('Bearer secret-token')
    expect(r.body).toEqual({
      externalId: 'ext',
      base: { firstName: 'Ada', dob: '1990-12-10', contacts: { email: 'ada@example.com' } },
      tags: { manual: ['vip'] },
      nodeId: 'n'
    })
    expect(c.id).toBe('c1')
    expect(c.base?.firstName).toBe('Ada')
    expect(c.registeredAt).toBe('2017-03-09T11:31:31.842Z')
  })

  it('sends a decoded customer without its id, registeredAt and updatedAt, and with the context nodeId', async () => {
    rec.reply({ status: 201, body: customerWire('c2') })
    const source = customerWire(
      'old',
      { firstName: 'Bo' },
      { nodeId: 'other', registeredAt: '2017-03-09T11:31:31.842Z' }
    )
    expectRight(await run(addCustomer(rec.ctx, source as never)))
    const body = nth(rec.requests, 0).body as Record<string, unknown>
    expect(body.id).toBeUndefined()
    expect(body.registeredAt).toBeUndefined()
    expect(body.updatedAt).toBeUndefined()
    expect(body.nodeId).toBe('n')
    expect(body.base).toEqual({
      firstName: 'Bo',
      contacts: { otherContacts: [], mobileDevices: [] },
      educations: [],
      likes: [],
      jobs: [],
      subscriptions: []
    })
  })

  it('returns the 409 as an HttpError without forceUpdate, with the existing id readable', async () => {
    rec.reply({ status: 409, body: conflictWire('existing-1', `${rec.url}/elsewhere/existing-1`) })
    const e = expectLeft(await run(addCustomer(rec.ctx, { externalId: 'ext' })))
    expect(e._tag).toBe('HttpError')
    expect(e._tag === 'HttpError' && e.status).toBe(409)
    expect(conflictingCustomerId(e)).toEqual(O.some('existing-1'))
    expect(rec.requests).toHaveLength(1)
  })

  it('with forceUpdate, PATCHes the existing customer named in the 409 (never following href)', async () => {
    rec.reply(
      { status: 409, body: conflictWire('existing-1', `${rec.url}/elsewhere/existing-1`) },
      { status: 200, body: customerWire('existing-1', { firstName: 'Ada' }, { externalId: 'ext' }) }
    )
    const c = expectRight(
      await run(
        addCustomer(rec.ctx, { externalId: 'ext', base: { firstName: 'Ada', lastName: null } }, { forceUpdate: true })
      )
    )
    expect(rec.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /workspaces/w/customers',
      'PATCH /workspaces/w/customers/existing-1'
    ])
    expect(nth(rec.requests, 0).body).toEqual({ externalId: 'ext', base: { firstName: 'Ada' }, nodeId: 'n' })
    expect(nth(rec.requests, 1).body).toEqual({ externalId: 'ext', base: { firstName: 'Ada' } })
    expect(nth(rec.requests, 1).query).toEqual({})
    expect(c.id).toBe('existing-1')
    expect(c.base?.firstName).toBe('Ada')
  })

  it('with forceUpdate, returns the 409 when it names no customer, and other errors as they are', async () => {
    rec.reply({ status: 409, body: { message: 'Conflict', data: { customer: { href: `${rec.url}/x` } } } })
    const e = expectLeft(await run(addCustomer(rec.ctx, { externalId: 'ext' }, { forceUpdate: true })))
    expect(e._tag === 'HttpError' && e.status).toBe(409)
    expect(rec.requests).toHaveLength(1)
    rec.reset()
    rec.reply({ status: 400, body: { message: 'bad', errors: [{ message: 'x', path: 'base' }] } })
    const e2 = expectLeft(await run(addCustomer(rec.ctx, { externalId: 'ext' }, { forceUpdate: true })))
    expect(e2._tag === 'HttpError' && e2.status).toBe(400)
    expect(rec.requests).toHaveLength(1)
  })

  it('refuses an invalid Date or a context without node before sending anything', async () => {
    const e = expectLeft(await run(addCustomer(rec.ctx, { base: { dob: new Date('not a date') } })))
    expect(e).toEqual({ _tag: 'InvalidInput', message: 'addCustomer: base.dob is an invalid Date.' })
    const e2 = expectLeft(await run(addCustomer({ ...rec.ctx, nodeId: '' }, { externalId: 'x' })))
    expect(e2._tag).toBe('InvalidInput')
    expect(rec.requests).toHaveLength(0)
  })

  it('fails with a DecodeError naming the path when the answer is not a customer', async () => {
    rec.reply({ status: 201, body: customerWire('c1', { contacts: { email: 42 } }) })
    const e = expectLeft(await run(addCustomer(rec.ctx, { externalId: 'x' })))
    expect(e._tag).toBe('DecodeError')
    expect(e._tag === 'DecodeError' && e.errors).toContain('base.contacts.email: expected string | null, got 42')
  })
})

describe('getCustomer', () => {
  it('GETs the customer by id and decodes it', async () => {
    rec.reply({ status: 200, body: customerWire('c1', { lastName: 'Lovelace' }) })
    const c = expectRight(await run(getCustomer(rec.ctx, 'c1')))
    expect(rec.requests[0]).toMatchObject({
      method: 'GET',
      path: '/workspaces/w/customers/c1',
      query: {},
      body: undefined
    })
    expect(c.base?.lastName).toBe('Lovelace')
    expect(c.updatedAt).toBe('2017-03-10T11:31:31.842Z')
  })

  it('encodes the id into one segment, refuses empty ids, and maps 404 to HttpError 404', async () => {
    rec.reply({ status: 404, body: { message: 'Customer not found', logref: 'l', errors: [] } })
    const e = expectLeft(await run(getCustomer(rec.ctx, 'a/b c')))
    expect(nth(rec.requests, 0).path).toBe('/workspaces/w/customers/a%2Fb%20c')
    expect(e._tag === 'HttpError' && e.status).toBe(404)
    const e2 = expectLeft(await run(getCustomer(rec.ctx, '')))
    expect(e2._tag).toBe('InvalidInput')
    expect(rec.requests).toHaveLength(1)
  })
})

describe('getCustomerByExternalId', () => {
  it('GETs /customers?nodeId&externalId and returns the first element', async () => {
    rec.reply({ status: 200, body: pageWire([customerWire('c1', {}, { externalId: 'ext 1' })], 0, 1) })
    const c = expectRight(await run(getCustomerByExternalId(rec.ctx, 'ext 1')))
    expect(rec.requests[0]).toMatchObject({
      method: 'GET',
      path: '/workspaces/w/customers',
      query: { nodeId: 'n', externalId: 'ext 1' }
    })
    expect(c.id).toBe('c1')
    expect(c.externalId).toBe('ext 1')
  })

  it('is NotFound when no customer has it', async () => {
    rec.reply({ status: 200, body: pageWire([], 0, 0) })
    const e = expectLeft(await run(getCustomerByExternalId(rec.ctx, 'nobody')))
    expect(e._tag).toBe('NotFound')
    expect(e.message).toContain('"nobody"')
  })

  it('refuses an empty external id without sending', async () => {
    expect(expectLeft(await run(getCustomerByExternalId(rec.ctx, '')))._tag).toBe('InvalidInput')
    expect(rec.requests).toHaveLength(0)
  })
})

describe('getCustomers', () => {
  const query: Query = {
    name: 'q',
    query: {
      type: 'simple',
      name: 'q',
      are: { condition: { type: 'atomic', attribute: 'base.firstName', operator: 'EQUALS', value: 'Ada' } }
    }
  }

  it('sends every option as the API wants it and returns a Paginated that nextPage continues', async () => {
    rec.reply(
      { status: 200, body: pageWire([customerWire('c1'), customerWire('c2')], 0, 2) },
      { status: 200, body: pageWire([customerWire('c3')], 1, 2) }
    )
    const first = expectRight(
      await run(
        getCustomers(rec.ctx, {
          externalId: 'ext',
          query,
          fields: ['base.firstName', 'base.contacts.email'],
          size: 2,
          sort: 'base.lastName',
          direction: 'desc'
        })
      )
    )
    expect(nth(rec.requests, 0).method).toBe('GET')
    expect(nth(rec.requests, 0).path).toBe('/workspaces/w/customers')
    expect(nth(rec.requests, 0).query).toEqual({
      nodeId: 'n',
      externalId: 'ext',
      query: JSON.stringify(query),
      fields: 'base.firstName,base.contacts.email',
      page: '0',
      size: '2',
      sort: 'base.lastName,desc'
    })
    expect(JSON.parse(nth(rec.requests, 0).query.query as string)).toEqual(query)
    expect(first.elements.map((c) => c.id)).toEqual(['c1', 'c2'])
    expect(first.page).toEqual({ size: 2, totalElements: 4, totalUnfilteredElements: 0, totalPages: 2, number: 0 })
    expect(JSON.stringify(first)).not.toContain('secret-token')

    const second = expectRight(await run(nextPage(first)))
    expect(nth(rec.requests, 1).query).toEqual({ ...nth(rec.requests, 0).query, page: '1' })
    expect(second.elements.map((c) => c.id)).toEqual(['c3'])
    expect(expectLeft(await run(nextPage(second)))._tag).toBe('InvalidInput')
    expect(rec.requests).toHaveLength(2)
  })

  it('sends only nodeId and page by default, sort without direction as is, fields given as a string', async () => {
    rec.reply({ status: 200, body: pageWire([], 0, 0) }, { status: 200, body: pageWire([customerWire('c9')], 3, 5) })
    expectRight(await run(getCustomers(rec.ctx)))
    expect(nth(rec.requests, 0).query).toEqual({ nodeId: 'n', page: '0' })
    const p = expectRight(await run(getCustomers(rec.ctx, { page: 3, sort: 'updatedAt', fields: 'id' })))
    expect(nth(rec.requests, 1).query).toEqual({ nodeId: 'n', page: '3', sort: 'updatedAt', fields: 'id' })
    rec.reply({ status: 200, body: pageWire([customerWire('c8')], 2, 5) })
    expect(nth(expectRight(await run(previousPage(p))).elements, 0).id).toBe('c8')
    expect(nth(rec.requests, 2).query).toEqual({ nodeId: 'n', page: '2', sort: 'updatedAt', fields: 'id' })
  })

  it('refuses bad options without sending', async () => {
    for (const opts of [{ page: -1 }, { size: 0 }, { page: 1.5 }, { direction: 'asc' as const }, { sort: '' }]) {
      const e = expectLeft(await run(getCustomers(rec.ctx, opts)))
      expect(e._tag).toBe('InvalidInput')
      expect(e.message).toMatch(/^getCustomers: /)
    }
    expect(rec.requests).toHaveLength(0)
  })

  it('reports a malformed element with its path', async () => {
    rec.reply({
      status: 200,
      body: pageWire([customerWire('c1'), customerWire('c2', { contacts: { email: ['x'] } })], 0, 1)
    })
    const e = expectLeft(await run(getCustomers(rec.ctx)))
    expect(e._tag === 'DecodeError' && e.errors).toContain(
      'elements.1.base.contacts.email: expected string | null, got an array'
    )
  })
})

describe('updateCustomer', () => {
  it('PATCHes the given properties, keeping nulls (they clear) and dropping read-only ones', async () => {
    rec.reply({ status: 200, body: customerWire('c1', { firstName: 'Ada' }) })
    const c = expectRight(
      await run(
        updateCustomer(rec.ctx, 'c1', {
          base: { firstName: 'Ada', middleName: null, dob: new Date('1990-12-10T00:00:00Z'), address: null },
          extended: { a: null },
          id: 'ignored',
          registeredAt: 'x'
        } as never)
      )
    )
    expect(rec.requests[0]).toMatchObject({ method: 'PATCH', path: '/workspaces/w/customers/c1', query: {} })
    expect(nth(rec.requests, 0).body).toEqual({
      base: { firstName: 'Ada', middleName: null, dob: '1990-12-10', address: null },
      extended: { a: null }
    })
    expect(c.base?.firstName).toBe('Ada')
  })

  it('with fullUpdate, PUTs the whole customer with id and nodeId, without nulls', async () => {
    rec.reply({ status: 200, body: customerWire('c1', { firstName: 'Ada' }, { externalId: 'ext' }) })
    const c = expectRight(
      await run(
        updateCustomer(
          rec.ctx,
          'c1',
          {
            externalId: 'ext',
            base: {
              firstName: 'Ada',
              lastName: null,
              jobs: [{ id: 'j', startDate: new Date('2012-10-06T00:00:00Z'), endDate: null }]
            }
          },
          { fullUpdate: true }
        )
      )
    )
    expect(rec.requests[0]).toMatchObject({ method: 'PUT', path: '/workspaces/w/customers/c1', query: {} })
    expect(nth(rec.requests, 0).body).toEqual({
      externalId: 'ext',
      base: { firstName: 'Ada', jobs: [{ id: 'j', startDate: '2012-10-06' }] },
      id: 'c1',
      nodeId: 'n'
    })
    expect(c.externalId).toBe('ext')
  })

  it('round-trips a decoded customer through a full update', async () => {
    rec.reply({ status: 200, body: customerWire('c1', { firstName: 'Ada' }) })
    const got = expectRight(await run(getCustomer(rec.ctx, 'c1')))
    rec.reply({ status: 200, body: customerWire('c1', { firstName: 'Ada' }) })
    expectRight(await run(updateCustomer(rec.ctx, 'c1', got, { fullUpdate: true })))
    const body = nth(rec.requests, 1).body as Record<string, unknown>
    expect(body.id).toBe('c1')
    expect(body.nodeId).toBe('n')
    expect(body.registeredAt).toBeUndefined()
    expect(body.updatedAt).toBeUndefined()
    expect(body.tags).toEqual({ auto: [], manual: [] })
  })
})

describe('deleteCustomer', () => {
  it('DELETEs the customer; an empty 200 is a success', async () => {
    rec.reply({ status: 200 })
    expect(await run(deleteCustomer(rec.ctx, 'c1'))).toEqual(E.right(undefined))
    expect(rec.requests[0]).toMatchObject({
      method: 'DELETE',
      path: '/workspaces/w/customers/c1',
      query: {},
      body: undefined
    })
  })

  it('accepts a 200 carrying the deleted customer, and reports a 404', async () => {
    rec.reply({ status: 200, body: customerWire('c1') }, { status: 404, body: { message: 'Customer not found' } })
    expect(await run(deleteCustomer(rec.ctx, 'c1'))).toEqual(E.right(undefined))
    const e = expectLeft(await run(deleteCustomer(rec.ctx, 'c1')))
    expect(e._tag === 'HttpError' && e.status).toBe(404)
    expect(e.message).toContain('Customer not found')
  })
})
