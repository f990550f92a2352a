/**
 * Customer sessions: a session id ties anonymous events to a customer.
 *
 * @since 0.1.0
 */
import { v4 } from 'uuid'
import * as TE from './taskEither'
import { pipe } from '#fp-ts/function'
import type { Context } from './context'
import type { ContacthubError } from './error'
import { request, requestVoid } from './request'
import { operation, refuse } from './operation'
import { Session, SessionList } from './codecs/customer'

const SESSIONS = '/workspaces/{workspaceId}/customers/{customerId}/sessions'
const SESSION = '/workspaces/{workspaceId}/customers/{customerId}/sessions/{sessionId}'

/**
 * A new session id: a random UUID v4. A plain function, not a task.
 *
 * @example
 * const sessionId = createSessionId() // '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed'
 *
 * @category sessions
 * @since 0.1.0
 */
export const createSessionId = (): string => v4()

/**
 * Ties a session id to a customer (`POST /customers/{id}/sessions` with `{ value }`). The returned `Session.id`
 * is what `deleteCustomerSession` takes.
 *
 * @example
 * addCustomerSession(ctx, customerId, createSessionId())
 *
 * @category sessions
 * @since 0.1.0
 */
export const addCustomerSession = (
  ctx: Context,
  customerId: string,
  sessionId: string
): TE.TaskEither<ContacthubError, Session> =>
  operation('addCustomerSession', ctx, () =>
    typeof sessionId !== 'string' || sessionId === ''
      ? refuse('addCustomerSession', 'sessionId must be a non-empty string')
      : request(
          ctx,
          {
            operation: 'addCustomerSession',
            method: 'POST',
            path: SESSIONS,
            params: { customerId },
            body: { value: sessionId }
          },
          Session
        )
  )

/**
 * The sessions of a customer (`GET /customers/{id}/sessions`).
 *
 * @category sessions
 * @since 0.1.0
 */
export const getCustomerSessions = (
  ctx: Context,
  customerId: string
): TE.TaskEither<ContacthubError, ReadonlyArray<Session>> =>
  operation('getCustomerSessions', ctx, () =>
    pipe(
      request(
        ctx,
        { operation: 'getCustomerSessions', method: 'GET', path: SESSIONS, params: { customerId } },
        SessionList
      ),
      TE.map((list) => list.elements)
    )
  )

/**
 * Removes a session of a customer (`DELETE /customers/{id}/sessions/{sessionId}`). `sessionId` is the session's
 * `id` as the API returned it (from `addCustomerSession` or `getCustomerSessions`), not its `value`.
 *
 * @category sessions
 * @since 0.1.0
 */
export const deleteCustomerSession = (
  ctx: Context,
  customerId: string,
  sessionId: string
): TE.TaskEither<ContacthubError, void> =>
  operation('deleteCustomerSession', ctx, () =>
    requestVoid(ctx, {
      operation: 'deleteCustomerSession',
      method: 'DELETE',
      path: SESSION,
      params: { customerId, sessionId }
    })
  )
