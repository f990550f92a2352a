/**
 * A functional, tree-shakeable client for the Contactlab Contacthub REST API, for browsers, edge runtimes and Node.
 * Every operation takes a {@link Context} and returns a `TaskEither<ContacthubError, A>`: nothing is sent until the
 * task runs, and no operation throws or rejects. A failure is a {@link ContacthubError}.
 *
 * What this entry does not export (request plumbing, encoders, codec building blocks) is internal and may change
 * in any release.
 *
 * @example
 * import { customerQuery, eq, getCustomers } from 'contacthub-fp'
 *
 * const firstNames = pipe(
 *   getCustomers(ctx, { query: customerQuery(eq('base.address.city', 'Milano')), size: 50 }),
 *   TE.map((page) => page.elements.map((c) => c.base?.firstName))
 * )
 *
 * @module contacthub-fp
 * @since 0.1.0
 */

// Re-exports only; no code, no side effects. Every name is listed; tests/surface.test.ts holds the list of runtime
// exports of the built package, so that a change to it is a visible decision.

// -------------------------------------------------------------------------------------------------
// operations
// -------------------------------------------------------------------------------------------------

export {
  addCustomer,
  deleteCustomer,
  getCustomer,
  getCustomerByExternalId,
  getCustomers,
  updateCustomer
} from './customers'
export type { AddCustomerOptions, GetCustomersOptions, UpdateCustomerOptions } from './customers'
export { addCustomerSession, createSessionId, deleteCustomerSession, getCustomerSessions } from './sessions'
export { addTag, removeTag } from './tags'
export {
  addEducation,
  addJob,
  addLike,
  addSubscription,
  getCustomerEducation,
  getCustomerJob,
  getCustomerLike,
  getCustomerSubscription,
  removeEducation,
  removeJob,
  removeLike,
  removeSubscription,
  updateEducation,
  updateJob,
  updateLike,
  updateSubscription
} from './entities'
export { addEvent, deleteEvent, getEvent, getEvents, updateEvent } from './events'
export type { GetEventsOptions } from './events'
export { isEventOfType, validateEvent } from './validate-event'
export { addSegment, deleteSegment, getSegment, getSegmentCustomers, getSegments, updateSegment } from './segments'
export type { GetSegmentCustomersOptions, GetSegmentsOptions } from './segments'
export { getCustomerSource, getCustomerSources } from './sources'
export { getMe } from './me'
export { importCustomers, importEvents } from './bulk/import'
export type {
  ImportCustomersOptions,
  ImportFailure,
  ImportOptions,
  ImportProgress,
  ImportReport,
  ImportSource
} from './bulk/import'
export { exportCustomers } from './bulk/export'
export type { ExportCustomersOptions } from './bulk/export'
export {
  countCustomers,
  getAgeRangeComposition,
  getCityComposition,
  getCountryComposition,
  getCustomerAcquisitionDistribution,
  getCustomerDistributionByNode,
  getCustomerDistributionBySource,
  getCustomerDistributionByTime,
  getCustomerQueryDistribution,
  getCustomerTrend,
  getEventDistributionByNode,
  getEventDistributionBySource,
  getEventDistributionByTime,
  getEventQueryDistribution,
  getEventTrend,
  getGenderComposition,
  getNumericQuery,
  getQueryDistribution,
  getTrendQuery
} from './analytics'

// -------------------------------------------------------------------------------------------------
// pagination
// -------------------------------------------------------------------------------------------------

export { hasNextPage, hasPreviousPage, items, nextPage, pages, previousPage } from './pagination'
export type { FetchPage, Paginated } from './pagination'

// -------------------------------------------------------------------------------------------------
// query builder
// -------------------------------------------------------------------------------------------------

export {
  and,
  between,
  customerQuery,
  eq,
  eventQuery,
  except,
  gt,
  gte,
  intersect,
  isIn,
  isNotNull,
  isNull,
  lt,
  lte,
  neq,
  notIn,
  or,
  union
} from './query'
export type {
  AttributeValue,
  CustomerAttribute,
  CustomerAttributes,
  CustomerObjectAttribute,
  DateTimeValue,
  DateValue,
  EventAttributes,
  EventObjectAttribute,
  EventQueryOptions,
  ExtendedAttribute,
  ExtendedValue,
  OrderedAttribute,
  OrderedComparison,
  ScopeAttribute,
  ScopeAttributes,
  ScopeObjectAttribute,
  ScopeOrderedAttribute,
  ScopeValue,
  TimeframeAttributes
} from './query'

// -------------------------------------------------------------------------------------------------
// models and their codecs (decode webhooks, files, stored data with them)
// -------------------------------------------------------------------------------------------------

export {
  Address,
  AutomaticMarketingConsents,
  Consent,
  Consents,
  ContactType,
  Contacts,
  Credential,
  Customer,
  CustomerBase,
  DisclaimerConsent,
  Education,
  Geo,
  Job,
  Like,
  MarketingConsents,
  MobileDevice,
  MobileDeviceType,
  NotificationService,
  OtherContact,
  ProfilingConsents,
  SchoolType,
  Session,
  SessionList,
  SocialProfile,
  SoftSpamConsents,
  Subscription,
  SubscriptionKind,
  SubscriptionPreference,
  Tags,
  ThirdPartyTransferConsents,
  TraditionalMarketingConsents
} from './codecs/customer'
export type {
  AddressInput,
  ConsentInput,
  ConsentsInput,
  ContactsInput,
  CustomerBaseInput,
  CustomerInput,
  CustomerPatch,
  EducationInput,
  JobInput,
  LikeInput,
  SubscriptionInput
} from './codecs/customer-input'
export type {
  KnownContactType,
  KnownMobileDeviceType,
  KnownNotificationService,
  KnownSchoolType,
  KnownSubscriptionKind
} from './codecs/customer'
export { customEventType, EventCodec, STANDARD_EVENT_CONTEXTS, STANDARD_EVENT_TYPES } from './codecs/event'
export type {
  BringBackProperties,
  CustomEventType,
  Event,
  EventContext,
  EventInput,
  EventInputBase,
  EventInputType,
  EventMode,
  EventPropertiesOf,
  EventType,
  OpenRecord,
  StandardEventContext,
  StandardEventType
} from './codecs/event'
export type {
  AbandonedCartProperties,
  AbandonedSessionProperties,
  AddedCompareProperties,
  AddedProductProperties,
  AddedRewardProperties,
  AddedWishlistProperties,
  CampaignBlacklistedProperties,
  CampaignBouncedProperties,
  CampaignLinkClickedProperties,
  CampaignMarkedSpamProperties,
  CampaignOpenedProperties,
  CampaignOptinRequestedProperties,
  CampaignSentProperties,
  CampaignSubscribedProperties,
  CampaignUnsubscribedProperties,
  ChangedSettingProperties,
  ClickedLinkProperties,
  ClosedTicketProperties,
  CompletedOrderProperties,
  ContactCenterContextInfo,
  ContextInfoMap,
  DateString,
  DateTimeString,
  DigitalCampaignContextInfo,
  EcommerceContextInfo,
  EmailString,
  EventConfirmedProperties,
  EventDeclinedProperties,
  EventEligibleProperties,
  EventInvitedProperties,
  EventNoShowProperties,
  EventNotInvitedProperties,
  EventParticipatedProperties,
  EventPropertiesMap,
  EventRegisteredProperties,
  FormCompiledProperties,
  GenericActiveEventProperties,
  GenericPassiveEventProperties,
  GrantedCouponProperties,
  IotContextInfo,
  Ipv4String,
  JsonObject,
  LoggedInProperties,
  LoggedOutProperties,
  MobileContextInfo,
  OpenedTicketProperties,
  OrderShippedProperties,
  OtherContextInfo,
  RemovedCompareProperties,
  RemovedProductProperties,
  RemovedRewardProperties,
  RemovedWishlistProperties,
  RepliedTicketProperties,
  RetailContextInfo,
  ReviewedProductProperties,
  SearchedProperties,
  ServiceSubscribedProperties,
  ServiceUnsubscribedProperties,
  SocialContextInfo,
  UriString,
  ViewedPageProperties,
  ViewedProductCategoryProperties,
  ViewedProductProperties,
  WebContextInfo
} from './codecs/event-types'
export { ConditionCodec, DidClauseCodec, QueryCodec } from './codecs/query'
export type {
  AtomicCondition,
  BetweenCondition,
  CombinedQuery,
  ComparisonCondition,
  ComparisonOperator,
  CompositeCondition,
  Condition,
  ConditionScope,
  DidClause,
  EventScope,
  InnerQuery,
  ListCondition,
  ListOperator,
  NullCondition,
  NullOperator,
  Operator,
  Query,
  QueryConjunction,
  QueryScalar,
  Scoped,
  SimpleQuery,
  TimeframeScope
} from './codecs/query'
export { Segment } from './codecs/segment'
export type { SegmentInput } from './codecs/segment'
export { SourceCustomer } from './codecs/source'
export type { SourceCustomerList } from './codecs/source'
export { UserInfo } from './codecs/me'
export type { GroupInfo, NodePermission, NodePermissionMode, WorkspaceInfo } from './codecs/me'
export type {
  AcquisitionDistribution,
  AggregationOperator,
  AnalyticsAggregation,
  AnalyticsFilter,
  AnalyticsResult,
  CityComposition,
  CityParameters,
  Composition,
  CustomerCount,
  CustomerNodeDistribution,
  CustomerSourceDistribution,
  CustomerTimeDistribution,
  CustomerTrend,
  DistributionQueryParameters,
  DistributionQueryResult,
  EventNodeDistribution,
  EventParameters,
  EventSourceDistribution,
  EventTimeDistribution,
  EventTimeParameters,
  EventTrend,
  EventTrendParameters,
  NamedDistribution,
  NamedValue,
  NestedDistribution,
  NodeComposition,
  NodeCount,
  NodeDistribution,
  NodeNestedDistribution,
  NodeParameters,
  NodeSourceCounts,
  NodeTimeCounts,
  NodeTrend,
  NodeValue,
  NumericQueryResult,
  QueryParameters,
  SourceCount,
  TimeCount,
  TimeDistributionMode,
  TimeParameters,
  TrendMode,
  TrendQueryParameters,
  TrendQueryResult,
  TrendValue
} from './codecs/analytics'
export type {
  AcquisitionQuery,
  AnalyticsFunction,
  AnalyticsOptions,
  AnalyticsQueryAggregation,
  AnalyticsQueryFilter,
  AnalyticsResults,
  CityCompositionOptions,
  DistributionAnalyticsQuery,
  EventAnalyticsQuery,
  EventDistributionOptions,
  EventFilterOptions,
  EventTimeDistributionOptions,
  EventTrendOptions,
  NodeOptions,
  QueryDistributionOptions,
  QueryDistributionQuery,
  QueryOptions,
  TimeDistributionOptions,
  TrendAnalyticsQuery,
  TrendOptions
} from './codecs/analytics-options'
export { PageInfo, pageOf } from './codecs/page'
export type { Page } from './codecs/page'
export { LenientDate, LenientTimestamp, Timestamp } from './codecs/common'
export type { DateInput, NullableType, OpenEnum } from './codecs/common'
export { decode, formatValidationErrors } from './decode'

// -------------------------------------------------------------------------------------------------
// errors
// -------------------------------------------------------------------------------------------------

export { conflictingCustomerId, invalidInput, isContacthubError, notFound, renderError } from './error'
export type {
  AbortError,
  ContacthubError,
  DecodeError,
  HttpError,
  InvalidInput,
  NetworkCause,
  NetworkError,
  NotFound,
  ResponseTooLarge,
  TimeoutError
} from './error'

// -------------------------------------------------------------------------------------------------
// context
// -------------------------------------------------------------------------------------------------

export { DEFAULT_BASE_URL, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS, getNode } from './context'
export type {
  Clock,
  Context,
  DoneEvent,
  Hooks,
  RequestEvent,
  ResponseEvent,
  RetryEvent,
  RetryOptions,
  Workspace
} from './context'

// -------------------------------------------------------------------------------------------------
// helpers
// -------------------------------------------------------------------------------------------------

export { customerPatch } from './patch'
export { asReader } from './reader'
