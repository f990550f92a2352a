import { describe, expect, it } from 'vitest'
import * as E from '#fp-ts/Either'
import type * as TE from '#fp-ts/TaskEither'
import type { Context } from '../src/context'
import type { ContacthubError } from '../src/error'
import {
  addEducation,
  addJob,
  addLike,
  addSubscription,
  getCustomerEducation,
  getCustomerJob,
  getCustomerLike,
  getCustomerSubscription,
  removeEducation,
  removeJob,
  removeLike,
  removeSubscription,
  updateEducation,
  updateJob,
  updateLike,
  updateSubscription
} from '../src/entities'
import { expectLeft, expectRight, nth } from './helpers/either'
import { useRecorder } from './helpers/recorder'

const rec = useRecorder()

interface Case {
  readonly collection: string
  readonly add: (ctx: Context, cid: string, input: never) => TE.TaskEither<ContacthubError, unknown>
  readonly get: (ctx: Context, cid: string, id: string) => TE.TaskEither<ContacthubError, unknown>
  readonly update: (ctx: Context, cid: string, id: string, input: never) => TE.TaskEither<ContacthubError, unknown>
  readonly remove: (ctx: Context, cid: string, id: string) => TE.TaskEither<ContacthubError, void>
  /** What the user passes (with a Date and a null). */
  readonly input: Record<string, unknown>
  /** The body the API must receive on POST. */
  readonly body: Record<string, unknown>
  /** What the API answers. */
  readonly wire: Record<string, unknown>
  /** What the answer decodes to. */
  readonly decoded: Record<string, unknown>
  readonly badDate?: { readonly input: Record<string, unknown>; readonly message: string }
}

const cases: ReadonlyArray<Case> = [
  {
    collection: 'jobs',
    add: addJob,
    get: getCustomerJob,
    update: updateJob,
    remove: removeJob,
    input: {
      id: 'j1',
      companyName: 'ACME',
      jobTitle: 'Engineer',
      startDate: new Date('2012-10-06T00:00:00Z'),
      endDate: null,
      isCurrent: true
    },
    body: { id: 'j1', companyName: 'ACME', jobTitle: 'Engineer', startDate: '2012-10-06', isCurrent: true },
    wire: {
      id: 'j1',
      companyIndustry: null,
      companyName: 'ACME',
      jobTitle: 'Engineer',
      startDate: '2012-10-06',
      endDate: null,
      isCurrent: true
    },
    decoded: {
      id: 'j1',
      companyIndustry: null,
      companyName: 'ACME',
      jobTitle: 'Engineer',
      startDate: '2012-10-06',
      endDate: null,
      isCurrent: true
    },
    badDate: { input: { endDate: new Date(NaN) }, message: 'addJob: endDate is an invalid Date.' }
  },
  {
    collection: 'likes',
    add: addLike,
    get: getCustomerLike,
    update: updateLike,
    remove: removeLike,
    input: { id: 'l1', category: 'music', name: 'Jazz', createdTime: new Date('2019-06-14T08:21:05.118Z') },
    body: { id: 'l1', category: 'music', name: 'Jazz', createdTime: '2019-06-14T08:21:05.118Z' },
    wire: { id: 'l1', category: 'music', name: 'Jazz', createdTime: '2019-06-14T08:21:05.118+0000' },
    decoded: { id: 'l1', category: 'music', name: 'Jazz', createdTime: '2019-06-14T08:21:05.118Z' },
    badDate: { input: { createdTime: new Date(NaN) }, message: 'addLike: createdTime is an invalid Date.' }
  },
  {
    collection: 'educations',
    add: addEducation,
    get: getCustomerEducation,
    update: updateEducation,
    remove: removeEducation,
    input: {
      id: 'e1',
      schoolType: 'COLLEGE',
      schoolName: 'Uni',
      schoolConcentration: null,
      startYear: 2008,
      endYear: 2012
    },
    body: { id: 'e1', schoolType: 'COLLEGE', schoolName: 'Uni', startYear: 2008, endYear: 2012 },
    wire: {
      id: 'e1',
      schoolType: 'COLLEGE',
      schoolName: 'Uni',
      schoolConcentration: null,
      startYear: 2008,
      endYear: 2012,
      isCurrent: null
    },
    decoded: {
      id: 'e1',
      schoolType: 'COLLEGE',
      schoolName: 'Uni',
      schoolConcentration: null,
      startYear: 2008,
      endYear: 2012,
      isCurrent: null
    }
  },
  {
    collection: 'subscriptions',
    add: addSubscription,
    get: getCustomerSubscription,
    update: updateSubscription,
    remove: removeSubscription,
    input: {
      id: 's1',
      name: 'Newsletter',
      kind: 'DIGITAL_MESSAGE',
      subscribed: true,
      startDate: new Date('2018-10-06T00:00:00Z'),
      endDate: '2019-10-06',
      preferences: [{ key: 'frequency', value: 'weekly' }]
    },
    body: {
      id: 's1',
      name: 'Newsletter',
      kind: 'DIGITAL_MESSAGE',
      subscribed: true,
      startDate: '2018-10-06T00:00:00.000Z',
      endDate: '2019-10-06T00:00:00.000Z',
      preferences: [{ key: 'frequency', value: 'weekly' }]
    },
    wire: {
      id: 's1',
      name: 'Newsletter',
      type: null,
      kind: 'DIGITAL_MESSAGE',
      subscribed: true,
      startDate: '2018-10-06',
      endDate: '2019-10-06T00:00:00.000+0000',
      subscriberId: null,
      registeredAt: '2018-10-06T08:00:00.000+0000',
      updatedAt: '2018-10-06T08:00:00.000+0000',
      preferences: [{ key: 'frequency', value: 'weekly' }]
    },
    decoded: {
      id: 's1',
      name: 'Newsletter',
      type: null,
      kind: 'DIGITAL_MESSAGE',
      subscribed: true,
      startDate: '2018-10-06T00:00:00.000Z',
      endDate: '2019-10-06T00:00:00.000Z',
      subscriberId: null,
      registeredAt: '2018-10-06T08:00:00.000Z',
      updatedAt: '2018-10-06T08:00:00.000Z',
      preferences: [{ key: 'frequency', value: 'weekly' }]
    },
    badDate: { input: { startDate: new Date(NaN) }, message: 'addSubscription: startDate is an invalid Date.' }
  }
]

describe.each(cases)('$collection', (c) => {
  const base = `/workspaces/w/customers/cust-1/${c.collection}`

  it('add POSTs the entity (dates serialised, nulls left out) and decodes the answer', async () => {
    rec.reply({ status: 201, body: c.wire })
    const task = c.add(rec.ctx, 'cust-1', c.input as never)
    expect(rec.requests).toHaveLength(0)
    expect(expectRight(await task())).toEqual(c.decoded)
    expect(rec.requests).toHaveLength(1)
    expect(rec.requests[0]).toMatchObject({ method: 'POST', path: base, query: {} })
    expect(nth(rec.requests, 0).body).toEqual(c.body)
  })

  it('add accepts a 200 as well', async () => {
    rec.reply({ status: 200, body: c.wire })
    expect(expectRight(await c.add(rec.ctx, 'cust-1', c.input as never)())).toEqual(c.decoded)
  })

  it('get GETs the entity by id', async () => {
    rec.reply({ status: 200, body: c.wire })
    expect(expectRight(await c.get(rec.ctx, 'cust-1', 'x/1')())).toEqual(c.decoded)
    expect(rec.requests[0]).toMatchObject({ method: 'GET', path: `${base}/x%2F1`, query: {}, body: undefined })
  })

  it('get maps a 404 to HttpError 404', async () => {
    rec.reply({ status: 404, body: { message: 'not found' } })
    const r = await c.get(rec.ctx, 'cust-1', 'missing')()
    expect(expectLeft(r)).toMatchObject({ _tag: 'HttpError', status: 404 })
  })

  it('update PUTs the whole entity with the id from the path (200 or 201)', async () => {
    const id = String(c.body.id)
    rec.reply({ status: 200, body: c.wire }, { status: 201, body: c.wire })
    const { id: _ignored, ...withoutId } = c.input
    expect(expectRight(await c.update(rec.ctx, 'cust-1', id, withoutId as never)())).toEqual(c.decoded)
    expect(expectRight(await c.update(rec.ctx, 'cust-1', id, { ...c.input, id: 'other' } as never)())).toEqual(
      c.decoded
    )
    for (const r of rec.requests) {
      expect(r).toMatchObject({ method: 'PUT', path: `${base}/${id}`, query: {} })
      expect(r.body).toEqual(c.body)
    }
  })

  it('remove DELETEs the entity; an empty 200 is a success', async () => {
    rec.reply({ status: 200 }, { status: 204 })
    expect(await c.remove(rec.ctx, 'cust-1', 'id-1')()).toEqual(E.right(undefined))
    expect(await c.remove(rec.ctx, 'cust-1', 'id-1')()).toEqual(E.right(undefined))
    expect(rec.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`DELETE ${base}/id-1`, `DELETE ${base}/id-1`])
  })

  it('refuses invalid input (bad ids, invalid Dates) without sending', async () => {
    const r1 = await c.get(rec.ctx, '', 'x')()
    const r2 = await c.remove(rec.ctx, 'cust-1', '..')()
    expect(expectLeft(r1)._tag).toBe('InvalidInput')
    expect(expectLeft(r2)._tag).toBe('InvalidInput')
    if (c.badDate !== undefined) {
      expect(await c.add(rec.ctx, 'cust-1', c.badDate.input as never)()).toEqual(
        E.left({ _tag: 'InvalidInput', message: c.badDate.message })
      )
    }
    expect(rec.requests).toHaveLength(0)
  })
})
