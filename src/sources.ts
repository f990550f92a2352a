/**
 * Customer sources: a customer's data as each source (a node's client) sent it, before the merge that makes the
 * customer.
 *
 * @since 0.2.0
 */
import * as TE from './taskEither'
import { pipe } from '#fp-ts/function'
import type { Context } from './context'
import type { ContacthubError } from './error'
import { request } from './request'
import { operation } from './operation'
import { SourceCustomer, SourceCustomerList } from './codecs/source'

const SOURCES = '/workspaces/{workspaceId}/customers/{customerId}/sources'
const SOURCE = '/workspaces/{workspaceId}/customers/{customerId}/sources/{sourceId}'

/**
 * Reads a customer's data as each source sent it (`GET /customers/{id}/sources`, whose `{ elements }` is unwrapped).
 *
 * @example
 * pipe(getCustomerSources(ctx, customerId), TE.map((sources) => sources.map((s) => s.nodeId)))
 *
 * @category sources
 * @since 0.2.0
 */
export const getCustomerSources = (
  ctx: Context,
  customerId: string
): TE.TaskEither<ContacthubError, ReadonlyArray<SourceCustomer>> =>
  operation('getCustomerSources', ctx, () =>
    pipe(
      request(
        ctx,
        { operation: 'getCustomerSources', method: 'GET', path: SOURCES, params: { customerId } },
        SourceCustomerList
      ),
      TE.map((list) => list.elements)
    )
  )

/**
 * Reads a customer's data as one source sent it (`GET /customers/{id}/sources/{sourceId}`).
 *
 * @example
 * pipe(getCustomerSource(ctx, customerId, id), TE.map((s) => s.base?.firstName))
 *
 * @category sources
 * @since 0.2.0
 */
export const getCustomerSource = (
  ctx: Context,
  customerId: string,
  sourceId: string
): TE.TaskEither<ContacthubError, SourceCustomer> =>
  operation('getCustomerSource', ctx, () =>
    request(
      ctx,
      { operation: 'getCustomerSource', method: 'GET', path: SOURCE, params: { customerId, sourceId } },
      SourceCustomer
    )
  )
