import { describe, expect, it } from 'vitest'
import * as E from '#fp-ts/Either'
import { SourceCustomer, SourceCustomerList } from '../../src/codecs/source'
import { decodeWith } from '../../src/decode'
import { expectRight } from '../helpers/either'

// Shaped like the API's answers: nulls for unset properties, `+0000` timestamps, fields the spec does not list.
const wireSource = {
  id: 'src-1',
  externalId: 'c-42',
  nodeId: 'node-1',
  base: {
    firstName: 'Ada',
    lastName: null,
    dob: '1815-12-10',
    contacts: { email: 'ada@example.com', phone: null },
    address: null
  },
  extended: null,
  extra: null,
  consents: null,
  tags: { auto: [], manual: ['vip'] },
  registeredAt: '2017-03-08T10:18:17.000+0000',
  updatedAt: '2017-03-09T10:18:17.000+0000',
  enabled: true,
  sourceName: 'shop'
}

describe('SourceCustomer', () => {
  it("decodes one source's data, timestamps as ISO UTC, unknown fields kept", () => {
    const s = expectRight(decodeWith(SourceCustomer)(wireSource))
    expect(s).toMatchObject({
      id: 'src-1',
      externalId: 'c-42',
      registeredAt: '2017-03-08T10:18:17.000Z',
      updatedAt: '2017-03-09T10:18:17.000Z',
      tags: { auto: [], manual: ['vip'] },
      enabled: true,
      sourceName: 'shop'
    })
    expect(s.base?.firstName).toBe('Ada')
    expect(s.base?.dob).toBe('1815-12-10')
    expect(s.base?.contacts?.email).toBe('ada@example.com')
    expect(s.base?.jobs).toBeNull()
  })

  it('takes absent fields as null', () => {
    expect(decodeWith(SourceCustomer)({ id: 'src-2' })).toEqual(
      E.right({
        id: 'src-2',
        externalId: null,
        nodeId: null,
        base: null,
        extended: null,
        extra: null,
        consents: null,
        tags: null,
        registeredAt: null,
        updatedAt: null,
        enabled: null
      })
    )
  })

  it('fails with a path message on a malformed source', () => {
    expect(decodeWith(SourceCustomer)({ ...wireSource, registeredAt: 'yesterday' })).toEqual(
      E.left(['registeredAt: expected Timestamp | null, got "yesterday"'])
    )
    expect(decodeWith(SourceCustomer)({ ...wireSource, tags: { manual: [1] } })).toEqual(
      E.left(['tags.manual.0: expected string, got 1'])
    )
  })

  it('decodes the list answer', () => {
    const r = decodeWith(SourceCustomerList)({ elements: [wireSource, { ...wireSource, id: 'src-3' }] })
    expect(expectRight(r).elements.map((s) => s.id)).toEqual(['src-1', 'src-3'])
    expect(decodeWith(SourceCustomerList)({ elements: [{ id: null }] })).toEqual(
      E.left(['elements.0.id: expected string, got null'])
    )
  })
})
