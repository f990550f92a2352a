// The flow every runtime test runs against the emulator: create customers, link a session and add an event by
// session id, read pages of customers, query, and get a typed error. It returns plain JSON for the test to compare.
//
// It imports the library by its name. The type checker maps the name to src/ (tsconfig `paths`); the bundles that the
// tests run are built by tests/browser/bundle.ts, which ignores tsconfig and so resolves the name through the
// package's `exports` map to the BUILT package, which is what users get.
import {
  addCustomer,
  addCustomerSession,
  addEvent,
  createSessionId,
  customerQuery,
  eq,
  getCustomer,
  getCustomers,
  getEvents,
  hasNextPage,
  nextPage,
  pages,
  type Context,
  type ContacthubError
} from 'contacthub-fp'

export interface FlowConfig {
  readonly context: Pick<Context, 'workspaceId' | 'nodeId' | 'token' | 'baseUrl'>
  /** Makes the customers' data unique to one run. */
  readonly tag: string
}

export interface FlowResult {
  readonly created: ReadonlyArray<string>
  readonly sessionLinked: boolean
  readonly eventAccepted: boolean
  /** Event types read back for the first customer: the event added by session id was attributed to them. */
  readonly eventsOfCustomer: ReadonlyArray<string>
  readonly firstPage: {
    readonly size: number
    readonly totalElements: number
    readonly totalPages: number
    readonly hasNext: boolean
  }
  readonly secondPageNames: ReadonlyArray<string>
  readonly allPagesNames: ReadonlyArray<string>
  readonly queried: ReadonlyArray<string>
  readonly notFound: {
    readonly tag: string
    readonly status?: number
    readonly method?: string
    readonly message: string
  }
  readonly registeredAtIsUtcIso: boolean
  readonly errors: ReadonlyArray<string>
}

const describeError = (e: ContacthubError): string => `${e._tag}: ${e.message}`

export const runFlow = async (config: FlowConfig): Promise<FlowResult> => {
  const ctx: Context = { ...config.context }
  const errors: Array<string> = []
  const names = ['Ada', 'Grace', 'Barbara'].map((n) => `${n}-${config.tag}`)

  const created: Array<string> = []
  let registeredAt = ''
  for (const firstName of names) {
    const r = await addCustomer(ctx, {
      base: { firstName, contacts: { email: `${firstName.toLowerCase()}@example.com` } }
    })()
    if (r._tag === 'Left') errors.push(`addCustomer: ${describeError(r.left)}`)
    else {
      created.push(r.right.id)
      registeredAt = String(r.right.registeredAt)
    }
  }
  const first = created[0] ?? 'missing'

  const sessionId = createSessionId()
  const session = await addCustomerSession(ctx, first, sessionId)()
  if (session._tag === 'Left') errors.push(`addCustomerSession: ${describeError(session.left)}`)

  const event = await addEvent(ctx, {
    type: 'viewedPage',
    context: 'WEB',
    sessionId,
    properties: { url: 'https://example.com/', title: 'Home' }
  })()
  if (event._tag === 'Left') errors.push(`addEvent: ${describeError(event.left)}`)

  const events = await getEvents(ctx, first)()
  if (events._tag === 'Left') errors.push(`getEvents: ${describeError(events.left)}`)

  const page1 = await getCustomers(ctx, { size: 2, sort: 'base.firstName', direction: 'asc' })()
  let firstPage: FlowResult['firstPage'] = { size: -1, totalElements: -1, totalPages: -1, hasNext: false }
  const secondPageNames: Array<string> = []
  if (page1._tag === 'Left') errors.push(`getCustomers: ${describeError(page1.left)}`)
  else {
    const p = page1.right
    firstPage = {
      size: p.elements.length,
      totalElements: p.page.totalElements,
      totalPages: p.page.totalPages,
      hasNext: hasNextPage(p)
    }
    const page2 = await nextPage(p)()
    if (page2._tag === 'Left') errors.push(`nextPage: ${describeError(page2.left)}`)
    else secondPageNames.push(...page2.right.elements.map((c) => c.base?.firstName ?? ''))
  }

  const allPagesNames: Array<string> = []
  for await (const page of pages(getCustomers(ctx, { size: 1, sort: 'base.firstName', direction: 'asc' }))) {
    if (page._tag === 'Left') errors.push(`pages: ${describeError(page.left)}`)
    else allPagesNames.push(...page.right.elements.map((c) => c.base?.firstName ?? ''))
  }

  const queried = await getCustomers(ctx, { query: customerQuery(eq('base.firstName', `Grace-${config.tag}`)) })()
  if (queried._tag === 'Left') errors.push(`query: ${describeError(queried.left)}`)

  const missing = await getCustomer(ctx, 'no-such-customer')()
  const notFound: FlowResult['notFound'] =
    missing._tag === 'Right'
      ? { tag: 'Right', message: 'getCustomer of an unknown id succeeded' }
      : missing.left._tag === 'HttpError'
        ? {
            tag: missing.left._tag,
            status: missing.left.status,
            method: missing.left.method,
            message: missing.left.message
          }
        : { tag: missing.left._tag, message: missing.left.message }

  return {
    created,
    sessionLinked: session._tag === 'Right',
    eventAccepted: event._tag === 'Right',
    eventsOfCustomer: events._tag === 'Right' ? events.right.elements.map((e) => e.type) : [],
    firstPage,
    secondPageNames,
    allPagesNames,
    queried: queried._tag === 'Right' ? queried.right.elements.map((c) => c.base?.firstName ?? '') : [],
    notFound,
    registeredAtIsUtcIso: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(registeredAt),
    errors
  }
}

/** What every runtime must report for a fresh emulator and `tag`. */
export const expectedResult = (tag: string): Omit<FlowResult, 'created' | 'notFound'> => {
  const [ada, grace, barbara] = [`Ada-${tag}`, `Grace-${tag}`, `Barbara-${tag}`]
  return {
    sessionLinked: true,
    eventAccepted: true,
    eventsOfCustomer: ['viewedPage'],
    firstPage: { size: 2, totalElements: 3, totalPages: 2, hasNext: true },
    secondPageNames: [grace],
    allPagesNames: [ada, barbara, grace],
    queried: [grace],
    registeredAtIsUtcIso: true,
    errors: []
  }
}
