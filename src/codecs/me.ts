/**
 * The codec of `GET /me` (not under a workspace): the user the token belongs to, their groups, and the workspaces
 * and nodes each group may use.
 *
 * ```json
 * { "id": "…", "name": "Ada", "surname": "Lovelace",
 *   "groups": [{ "id": "…", "name": "admins",
 *                "workspaces": [{ "id": "…", "name": "shop", "nodes": [{ "id": "…", "permission": "RW" }] }] }] }
 * ```
 *
 * @since 0.2.0
 */
import * as t from '#io-ts/index'
import { nullable, openEnum, type OpenEnumType } from './common'

const NString = /*#__PURE__*/ nullable(t.string)

/**
 * What a user may do on a node: read (`R`), write (`W`) or both (`RW`); another string is tolerated.
 *
 * @category model
 * @since 0.2.0
 */
export type NodePermissionMode = 'R' | 'RW' | 'W' | (string & {})

/**
 * Codec of {@link NodePermissionMode}: any string.
 *
 * @category codecs
 * @since 0.2.0
 */
export const NodePermissionMode: OpenEnumType<'R' | 'RW' | 'W'> = /*#__PURE__*/ openEnum<'R' | 'RW' | 'W'>(
  [],
  'NodePermissionMode'
)

/**
 * A node and the user's permission on it.
 *
 * @category model
 * @since 0.2.0
 */
export interface NodePermission {
  readonly id: string | null
  readonly permission: NodePermissionMode | null
}

/**
 * Codec of {@link NodePermission}.
 *
 * @category codecs
 * @since 0.2.0
 */
export const NodePermission: t.Type<NodePermission, NodePermission, unknown> = /*#__PURE__*/ t.type(
  { id: NString, permission: /*#__PURE__*/ nullable(NodePermissionMode) },
  'NodePermission'
)

/**
 * A workspace a group may use, with its nodes.
 *
 * @category model
 * @since 0.2.0
 */
export interface WorkspaceInfo {
  readonly id: string | null
  readonly name: string | null
  readonly nodes: ReadonlyArray<NodePermission> | null
}

/**
 * Codec of {@link WorkspaceInfo}.
 *
 * @category codecs
 * @since 0.2.0
 */
export const WorkspaceInfo: t.Type<WorkspaceInfo, WorkspaceInfo, unknown> = /*#__PURE__*/ t.type(
  { id: NString, name: NString, nodes: /*#__PURE__*/ nullable(/*#__PURE__*/ t.readonlyArray(NodePermission)) },
  'WorkspaceInfo'
)

/**
 * A group the user belongs to, with its workspaces.
 *
 * @category model
 * @since 0.2.0
 */
export interface GroupInfo {
  readonly id: string | null
  readonly name: string | null
  readonly workspaces: ReadonlyArray<WorkspaceInfo> | null
}

/**
 * Codec of {@link GroupInfo}.
 *
 * @category codecs
 * @since 0.2.0
 */
export const GroupInfo: t.Type<GroupInfo, GroupInfo, unknown> = /*#__PURE__*/ t.type(
  { id: NString, name: NString, workspaces: /*#__PURE__*/ nullable(/*#__PURE__*/ t.readonlyArray(WorkspaceInfo)) },
  'GroupInfo'
)

/**
 * The user the token belongs to (`getMe`). Every field is `null` when the server leaves it out; unknown fields are
 * kept at runtime.
 *
 * @category model
 * @since 0.2.0
 */
export interface UserInfo {
  readonly id: string | null
  readonly name: string | null
  readonly surname: string | null
  readonly groups: ReadonlyArray<GroupInfo> | null
}

/**
 * Codec of {@link UserInfo}.
 *
 * @category codecs
 * @since 0.2.0
 */
export const UserInfo: t.Type<UserInfo, UserInfo, unknown> = /*#__PURE__*/ t.type(
  {
    id: NString,
    name: NString,
    surname: NString,
    groups: /*#__PURE__*/ nullable(/*#__PURE__*/ t.readonlyArray(GroupInfo))
  },
  'UserInfo'
)
