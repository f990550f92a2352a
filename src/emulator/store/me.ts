/**
 * `GET /me` (at the root of the API, not under a workspace): the user the emulator's token belongs to, in one group
 * that may use the emulator's workspace and every node of it (the nodes added later included).
 *
 * @since 0.2.0
 */
import type { Reply } from './replies'
import type { Workspace } from './workspace'

/** The `/me` operation of a workspace. */
export const meOperations = (ws: Workspace) => {
  const me = (): Reply => {
    const u = ws.deps.user ?? {}
    const permission = u.permission ?? 'RW'
    return {
      status: 200,
      body: {
        id: u.id ?? 'emulator-user',
        name: u.name === undefined ? 'Emulator' : u.name,
        surname: u.surname === undefined ? 'User' : u.surname,
        groups: [
          {
            id: u.groupId ?? 'emulator-group',
            name: u.groupName ?? 'emulator',
            workspaces: [
              {
                id: ws.deps.workspaceId,
                name: u.workspaceName ?? 'emulator',
                nodes: [...ws.nodes].map((id) => ({ id, permission }))
              }
            ]
          }
        ]
      }
    }
  }
  return { me }
}
