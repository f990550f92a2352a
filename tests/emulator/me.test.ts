// GET /me: outside every workspace, under the base URL (where the client builds `${baseUrl}/me`) and at the
// server's root; the user comes from the options, with the emulator's workspace and nodes; it decodes with UserInfo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { UserInfo } from '../../src/codecs/me'
import { startEmulator, type Emulator } from '../../src/emulator/index'
import { decoded, expectApiError, send } from './helpers'

let emulator: Emulator

beforeAll(async () => {
  emulator = await startEmulator({
    workspaceId: 'ws',
    nodeId: 'node',
    nodes: ['second'],
    token: 'secret',
    user: { id: 'u-1', name: 'Ada', surname: 'Lovelace', groupName: 'admins', workspaceName: 'shop', permission: 'R' }
  })
})
afterAll(() => emulator.close())

const auth = (token = 'secret') => ({ headers: { Authorization: `Bearer ${token}` } })
const root = (): string => emulator.url.replace(/\/hub\/v1$/, '')

describe('GET /me', () => {
  it('answers the configured user under the base URL, with the workspace and every node', async () => {
    const r = await send(`${emulator.url}/me`, 'GET', auth())
    expect(r.status).toBe(200)
    expect(r.body).toEqual({
      id: 'u-1',
      name: 'Ada',
      surname: 'Lovelace',
      groups: [
        {
          id: 'emulator-group',
          name: 'admins',
          workspaces: [
            {
              id: 'ws',
              name: 'shop',
              nodes: [
                { id: 'node', permission: 'R' },
                { id: 'second', permission: 'R' }
              ]
            }
          ]
        }
      ]
    })
    expect(decoded(UserInfo, r.body).groups?.[0]?.workspaces?.[0]?.id).toBe('ws')
  })

  it('answers at the server root too, and shows nodes added later', async () => {
    emulator.addNode('third')
    const r = await send(`${root()}/me`, 'GET', auth())
    expect(r.status).toBe(200)
    expect(r.body.groups[0].workspaces[0].nodes.map((n: { id: string }) => n.id)).toEqual(['node', 'second', 'third'])
  })

  it('has defaults for every field of the user', async () => {
    const e = await startEmulator({ workspaceId: 'w2', nodeId: 'n2', token: 't' })
    try {
      const r = await send(`${e.url}/me`, 'GET', { headers: { Authorization: 'Bearer t' } })
      expect(r.status).toBe(200)
      expect(r.body).toEqual({
        id: 'emulator-user',
        name: 'Emulator',
        surname: 'User',
        groups: [
          {
            id: 'emulator-group',
            name: 'emulator',
            workspaces: [{ id: 'w2', name: 'emulator', nodes: [{ id: 'n2', permission: 'RW' }] }]
          }
        ]
      })
      decoded(UserInfo, r.body)
    } finally {
      await e.close()
    }
  })

  it('answers 401 without the token or with a wrong one, as other routes do', async () => {
    for (const url of [`${emulator.url}/me`, `${root()}/me`]) {
      const none = await send(url, 'GET')
      expect(none.status).toBe(401)
      expectApiError(none.body)
      expect(none.headers.get('www-authenticate')).toContain('Bearer')
      const wrong = await send(url, 'GET', auth('nope'))
      expect(wrong.status).toBe(401)
      expect(wrong.body.message).toBe('The client is not authorized to access the API')
    }
  })

  it('answers 405 with Allow: GET for another method; /me is not under a workspace', async () => {
    const post = await send(`${emulator.url}/me`, 'POST', auth())
    expect(post.status).toBe(405)
    expect(post.headers.get('allow')).toBe('GET')
    const inWorkspace = await send(`${emulator.url}/workspaces/ws/me`, 'GET', auth())
    expect(inWorkspace.status).toBe(404)
    const elsewhere = await send(`${emulator.url}/me/more`, 'GET', auth())
    expect(elsewhere.status).toBe(404)
  })
})
