/**
 * More of the API, run by `npm run demo` after the quick start (examples/demo.ts): a segment (a stored query) and
 * the customers in it, then one analytic computed over the workspace.
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  addSegment,
  countCustomers,
  customerQuery,
  eq,
  getSegmentCustomers,
  pages,
  renderError,
  type Context
} from 'contacthub-fp'
import { run, say } from './quickstart'

export const dataTour = async (ctx: Context): Promise<void> => {
  say('9. A segment: a named query stored by the server, and the customers it holds in this node')
  const graces = await run(
    'addSegment',
    addSegment(ctx, { name: 'Graces', query: customerQuery(eq('base.firstName', 'Grace')) })
  )
  say(`   segment ${graces.id} "${graces.name}" (enabled: ${graces.enabled})`)
  let members = 0
  for await (const page of pages(getSegmentCustomers(ctx, graces.id, { fields: ['base.firstName'], size: 10 }))) {
    if (E.isLeft(page)) throw new Error(renderError(page.left))
    members += page.right.elements.length
  }
  say(`   ${members} customers in segment "${graces.name}"`)

  say('10. An analytic: the customers of each node')
  const count = await run('countCustomers', countCustomers(ctx, { nodes: [ctx.nodeId] }))
  for (const { nodeId, count: n } of count.data ?? []) say(`   node ${nodeId}: ${n} customers`)
}
