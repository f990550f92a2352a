/**
 * Who am I: the user a token belongs to, with the workspaces and nodes they may use.
 *
 * @since 0.2.0
 */
import type * as TE from './taskEither'
import type { Context, Workspace } from './context'
import type { ContacthubError } from './error'
import { request } from './request'
import { operation } from './operation'
import { UserInfo } from './codecs/me'

/**
 * Reads the user the token belongs to (`GET /me`, at the base URL's root, not under a workspace): their groups and
 * the workspaces and nodes each group may use. It needs only a token (and a base URL other than the default one, if
 * any); a workspace or a context works too, its workspace and node are not read. A good first call of a setup
 * script: a wrong token is an `HttpError` with status 401.
 *
 * @example
 * pipe(getMe({ token: 'my-token' }), TE.map((me) => me.groups?.flatMap((g) => g.workspaces ?? []).map((w) => w.id)))
 *
 * @category workspace
 * @since 0.2.0
 */
export const getMe = (workspaceOrContext: Omit<Workspace, 'workspaceId'>): TE.TaskEither<ContacthubError, UserInfo> =>
  operation('getMe', workspaceOrContext as Context, () =>
    request(workspaceOrContext as Workspace, { operation: 'getMe', method: 'GET', path: '/me' }, UserInfo)
  )
