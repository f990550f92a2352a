/**
 * More of the API, run by `npm run demo` after the quick start (examples/demo.ts): a segment (a stored query) and
 * the customers in it, one analytic computed over the workspace, then typed events and a query on them.
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  addEvent,
  addSegment,
  between,
  countCustomers,
  customerQuery,
  eq,
  eventQuery,
  getCustomerByExternalId,
  getCustomers,
  getSegmentCustomers,
  gte,
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

  say('11. Typed events: a completedOrder, its properties checked by the compiler against the event schema')
  const orders: ReadonlyArray<readonly [string, number, string]> = [
    ['ada-1815', 150, '2026-03-10T10:00:00Z'],
    ['reader-0', 80, '2026-04-02T09:30:00Z'],
    ['reader-1', 240, '2025-12-24T18:00:00Z']
  ]
  for (const [externalId, total, date] of orders) {
    const customer = await run('getCustomerByExternalId', getCustomerByExternalId(ctx, externalId))
    await run(
      'addEvent',
      addEvent(ctx, {
        customerId: customer.id,
        type: 'completedOrder',
        context: 'ECOMMERCE',
        date,
        properties: { orderId: `order-${externalId}`, paymentMethod: 'creditcard', amount: { total, revenue: total } }
      })
    )
    say(`   ${externalId}: completedOrder of ${total} on ${date.slice(0, 10)}`)
  }

  say('12. An event-based query: the customers who completed an order over 100 in 2026')
  const bigSpenders = eventQuery('completedOrder', {
    where: gte('properties.amount.total', 100),
    timeframe: between('date', new Date('2026-01-01T00:00:00Z'), new Date('2026-12-31T23:59:59.999Z'))
  })
  const found = await run('getCustomers', getCustomers(ctx, { query: bigSpenders }))
  say(`   ${found.page.totalElements} found: ${found.elements.map((c) => c.externalId).join(', ')}`)
}
