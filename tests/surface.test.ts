// The public surface, as users get it: the sorted runtime exports of each entry of the built package, loaded by name
// from plain Node ESM and from CommonJS. A change to these lists is a decision about the public API (a new export is
// a promise to keep it; a removed one breaks users): update the list here in the same commit, and say why.
// Types are not listed (they vanish at run time); src/index.ts names them one by one.
import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const ENTRIES = ['contacthub-fp', 'contacthub-fp/node', 'contacthub-fp/emulator'] as const

const SURFACE: Readonly<Record<(typeof ENTRIES)[number], ReadonlyArray<string>>> = {
  'contacthub-fp': [
    'Address',
    'AutomaticMarketingConsents',
    'ConditionCodec',
    'Consent',
    'Consents',
    'ContactType',
    'Contacts',
    'Credential',
    'Customer',
    'CustomerBase',
    'DEFAULT_BASE_URL',
    'DEFAULT_MAX_RESPONSE_BYTES',
    'DEFAULT_TIMEOUT_MS',
    'DidClauseCodec',
    'DisclaimerConsent',
    'Education',
    'EventCodec',
    'Geo',
    'Job',
    'LenientDate',
    'LenientTimestamp',
    'Like',
    'MarketingConsents',
    'MobileDevice',
    'MobileDeviceType',
    'NotificationService',
    'OtherContact',
    'PageInfo',
    'ProfilingConsents',
    'QueryCodec',
    'STANDARD_EVENT_CONTEXTS',
    'STANDARD_EVENT_TYPES',
    'SchoolType',
    'Segment',
    'Session',
    'SessionList',
    'SocialProfile',
    'SoftSpamConsents',
    'SourceCustomer',
    'Subscription',
    'SubscriptionKind',
    'SubscriptionPreference',
    'Tags',
    'ThirdPartyTransferConsents',
    'Timestamp',
    'TraditionalMarketingConsents',
    'UserInfo',
    'addCustomer',
    'addCustomerSession',
    'addEducation',
    'addEvent',
    'addJob',
    'addLike',
    'addSegment',
    'addSubscription',
    'addTag',
    'and',
    'asReader',
    'between',
    'conflictingCustomerId',
    'countCustomers',
    'createSessionId',
    'customEventType',
    'customerPatch',
    'customerQuery',
    'decode',
    'deleteCustomer',
    'deleteCustomerSession',
    'deleteEvent',
    'deleteSegment',
    'eq',
    'eventQuery',
    'except',
    'exportCustomers',
    'formatValidationErrors',
    'getAgeRangeComposition',
    'getCityComposition',
    'getCountryComposition',
    'getCustomer',
    'getCustomerAcquisitionDistribution',
    'getCustomerByExternalId',
    'getCustomerDistributionByNode',
    'getCustomerDistributionBySource',
    'getCustomerDistributionByTime',
    'getCustomerEducation',
    'getCustomerJob',
    'getCustomerLike',
    'getCustomerQueryDistribution',
    'getCustomerSessions',
    'getCustomerSource',
    'getCustomerSources',
    'getCustomerSubscription',
    'getCustomerTrend',
    'getCustomers',
    'getEvent',
    'getEventDistributionByNode',
    'getEventDistributionBySource',
    'getEventDistributionByTime',
    'getEventQueryDistribution',
    'getEventTrend',
    'getEvents',
    'getGenderComposition',
    'getMe',
    'getNode',
    'getNumericQuery',
    'getQueryDistribution',
    'getSegment',
    'getSegmentCustomers',
    'getSegments',
    'getTrendQuery',
    'gt',
    'gte',
    'hasNextPage',
    'hasPreviousPage',
    'importCustomers',
    'importEvents',
    'intersect',
    'invalidInput',
    'isContacthubError',
    'isEventOfType',
    'isIn',
    'isNotNull',
    'isNull',
    'items',
    'lt',
    'lte',
    'neq',
    'nextPage',
    'notFound',
    'notIn',
    'or',
    'pageOf',
    'pages',
    'previousPage',
    'removeEducation',
    'removeJob',
    'removeLike',
    'removeSubscription',
    'removeTag',
    'renderError',
    'union',
    'updateCustomer',
    'updateEducation',
    'updateEvent',
    'updateJob',
    'updateLike',
    'updateSegment',
    'updateSubscription',
    'validateEvent'
  ],
  'contacthub-fp/node': ['contextFromEnv', 'parseIni', 'workspaceFromIni', 'workspaceFromIniText'],
  'contacthub-fp/emulator': ['startEmulator']
}

const built = existsSync('dist/esm/index.js') && existsSync('dist/cjs/index.cjs')

/** Runs a Node script in a child process (the package resolves to the repo by self-reference) and parses its JSON. */
const run = (args: ReadonlyArray<string>): Record<string, ReadonlyArray<string>> =>
  JSON.parse(execFileSync(process.execPath, [...args], { encoding: 'utf8', timeout: 30_000 })) as Record<
    string,
    ReadonlyArray<string>
  >

const ESM = `const out = {}
for (const e of ${JSON.stringify(ENTRIES)}) out[e] = Object.keys(await import(e)).filter((k) => k !== 'default').sort()
console.log(JSON.stringify(out))`

const CJS = `const out = {}
for (const e of ${JSON.stringify(ENTRIES)}) out[e] = Object.keys(require(e)).sort()
console.log(JSON.stringify(out))`

describe('the public surface of the built package', () => {
  it('is built (npm test runs the build first)', () => {
    expect(built).toBe(true)
  })

  it('exports exactly the listed names from ESM, every entry', () => {
    expect(run(['--input-type=module', '-e', ESM])).toEqual(SURFACE)
  })

  it('exports exactly the listed names from CommonJS, every entry', () => {
    expect(run(['-e', CJS])).toEqual(SURFACE)
  })

  it('keeps internals out of the root entry', () => {
    const internal = ['withoutNulls', 'wireTimestamp', 'continuation', 'paginate', 'RangeCodec', 'QueryFromJson']
    const more = ['encodeCustomerInput', 'nullable', 'send', 'request', 'checkBaseUrl', 'formatValidationError']
    expect(SURFACE['contacthub-fp'].filter((n) => [...internal, ...more].includes(n))).toEqual([])
  })
})
