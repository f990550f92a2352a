import { describe, expect, it } from 'vitest'
import * as E from '#fp-ts/Either'
import { UserInfo } from '../../src/codecs/me'
import { decodeWith } from '../../src/decode'
import { expectRight } from '../helpers/either'

const wireMe = {
  id: 'u-1',
  name: 'Ada',
  surname: 'Lovelace',
  email: 'ada@example.com',
  groups: [
    {
      id: 'g-1',
      name: 'admins',
      workspaces: [
        {
          id: 'w-1',
          name: 'shop',
          nodes: [
            { id: 'n-1', permission: 'RW' },
            { id: 'n-2', permission: 'OWNER' }
          ]
        }
      ]
    }
  ]
}

describe('UserInfo', () => {
  it('decodes the user, groups, workspaces and nodes, unknown fields and permissions kept', () => {
    const r = decodeWith(UserInfo)(wireMe)
    expect(r).toEqual(E.right(wireMe))
    const nodes = expectRight(r).groups?.[0]?.workspaces?.[0]?.nodes
    expect(nodes?.map((n) => n.permission)).toEqual(['RW', 'OWNER'])
  })

  it('takes absent and null fields as null', () => {
    expect(decodeWith(UserInfo)({ groups: [{ workspaces: null }] })).toEqual(
      E.right({ id: null, name: null, surname: null, groups: [{ id: null, name: null, workspaces: null }] })
    )
  })

  it('fails with a path message on a malformed answer', () => {
    const bad = { ...wireMe, groups: [{ id: 'g', workspaces: [{ nodes: [{ id: 'n', permission: 7 }] }] }] }
    expect(decodeWith(UserInfo)(bad)).toEqual(
      E.left(['groups.0.workspaces.0.nodes.0.permission: expected NodePermissionMode | null, got 7'])
    )
    expect(E.isLeft(decodeWith(UserInfo)({ groups: {} }))).toBe(true)
  })
})
