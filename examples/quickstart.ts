/**
 * A walk through contacthub-fp, run by `npm run demo` against the local emulator (examples/demo.ts).
 * Every operation returns a lazy TaskEither; `run` executes one and prints what happened.
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  addCustomer,
  addCustomerSession,
  addEvent,
  addJob,
  addTag,
  conflictingCustomerId,
  createSessionId,
  customerQuery,
  and,
  eq,
  gte,
  getCustomer,
  getCustomers,
  getEvents,
  hasNextPage,
  pages,
  renderError,
  updateCustomer,
  type Context,
  type ContacthubError
} from 'contacthub-fp'

type Task<A> = () => Promise<E.Either<ContacthubError, A>>

/** Prints one line of the walk. */
export const say = (line: string): void => console.log(line)

/** Runs a task; a Left is printed and stops the walk unless it was expected. */
export const run = async <A>(what: string, task: Task<A>): Promise<A> => {
  const result = await task()
  if (E.isLeft(result)) throw new Error(`${what} failed: ${renderError(result.left)}`)
  return result.right
}

export const quickstart = async (ctx: Context): Promise<void> => {
  say('1. Create a customer')
  const ada = await run(
    'addCustomer',
    addCustomer(ctx, {
      externalId: 'ada-1815',
      base: {
        firstName: 'Ada',
        lastName: 'Lovelace',
        dob: new Date(Date.UTC(1815, 11, 10)),
        contacts: { email: 'ada@example.com' }
      }
    })
  )
  say(
    `   created ${ada.id}: ${ada.base?.firstName} ${ada.base?.lastName}, born ${ada.base?.dob}, registered ${ada.registeredAt}`
  )

  say('2. The same externalId again is a 409, a typed error with the existing id')
  const again = await addCustomer(ctx, { externalId: 'ada-1815', base: { firstName: 'Augusta Ada' } })()
  if (E.isRight(again)) throw new Error('expected a conflict')
  say(`   ${renderError(again.left)}`)
  const existing = conflictingCustomerId(again.left)
  say(`   conflictingCustomerId -> ${existing._tag === 'Some' ? existing.value : 'none'}`)

  say('3. With forceUpdate, the conflict becomes a PATCH of the existing customer')
  const updated = await run(
    'addCustomer forceUpdate',
    addCustomer(ctx, { externalId: 'ada-1815', base: { firstName: 'Augusta Ada' } }, { forceUpdate: true })
  )
  say(
    `   ${updated.id} is now ${updated.base?.firstName} ${updated.base?.lastName} (same id: ${updated.id === ada.id})`
  )

  say('4. Jobs and tags')
  const job = await run(
    'addJob',
    addJob(ctx, ada.id, {
      companyName: 'Analytical Engine Ltd',
      jobTitle: 'Programmer',
      startDate: '1842-01-01',
      isCurrent: true
    })
  )
  say(`   job ${job.id ?? '?'}: ${job.jobTitle} at ${job.companyName}`)
  const tagged = await run('addTag', addTag(ctx, ada.id, 'pioneer'))
  await run('addTag', addTag(ctx, ada.id, 'mathematician'))
  say(
    `   tags after two addTag calls: ${JSON.stringify((await run('getCustomer', getCustomer(ctx, tagged.id))).tags?.manual)}`
  )

  say('5. An anonymous visitor: an event by session id, then the session is linked to the customer')
  const sessionId = createSessionId()
  await run(
    'addEvent',
    addEvent(ctx, {
      type: 'viewedPage',
      context: 'WEB',
      sessionId,
      properties: { url: 'https://example.com/notes', title: 'Notes' }
    })
  )
  say(`   event sent for session ${sessionId} (202: queued)`)
  await run('addCustomerSession', addCustomerSession(ctx, ada.id, sessionId))
  const events = await run('getEvents', getEvents(ctx, ada.id, { type: 'viewedPage' }))
  say(
    `   events of ${ada.base?.firstName ?? 'Ada'}: ${events.elements.map((e) => `${e.type} ${String(e.properties.url)}`).join(', ')}`
  )

  say('6. A query, built with pure functions and checked by the compiler')
  for (let i = 0; i < 24; i++) {
    await run(
      'addCustomer',
      addCustomer(ctx, {
        externalId: `reader-${i}`,
        base: { firstName: i % 2 === 0 ? 'Grace' : 'Alan', contacts: { email: `r${i}@example.com` } },
        extended: { score: i }
      })
    )
  }
  await run('updateCustomer', updateCustomer(ctx, ada.id, { extended: { score: 100 } }))
  const query = customerQuery(and(eq('base.firstName', 'Grace'), gte('extended.score', 10)))
  const graces = await run('getCustomers', getCustomers(ctx, { query, sort: 'externalId', direction: 'asc' }))
  say(
    `   Graces with score >= 10: ${graces.page.totalElements} (${graces.elements.map((c) => c.externalId).join(', ')})`
  )

  say('7. Pagination: walk every customer, 10 per page, lazily')
  let seen = 0
  let pageCount = 0
  for await (const page of pages(getCustomers(ctx, { size: 10 }))) {
    if (E.isLeft(page)) throw new Error(renderError(page.left))
    pageCount++
    seen += page.right.elements.length
    say(
      `   page ${page.right.page.number}: ${page.right.elements.length} customers${hasNextPage(page.right) ? '' : ' (last)'}`
    )
  }
  say(`   ${seen} customers in ${pageCount} pages`)

  say('8. Errors are values: an unknown id is an HttpError 404, never an exception')
  const missing = await getCustomer(ctx, 'no-such-customer')()
  if (E.isRight(missing)) throw new Error('expected a 404')
  const e = missing.left
  say(`   _tag=${e._tag}${e._tag === 'HttpError' ? ` status=${e.status}` : ''}: ${e.message}`)
}
