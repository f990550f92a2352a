/**
 * A customer's jobs, likes, educations and subscriptions: one generic piece of code
 * (`POST /customers/{cid}/<collection>`, `GET|PUT|DELETE /customers/{cid}/<collection>/{id}`) and four thin
 * instances. Create and update bodies leave out `null`s; dates are serialised as the API wants them.
 *
 * @since 0.1.0
 */
import type * as t from '#io-ts/index'
import type * as E from '#fp-ts/Either'
import * as TE from './taskEither'
import { pipe } from '#fp-ts/function'
import type { Context } from './context'
import type { ContacthubError } from './error'
import { request, requestVoid } from './request'
import { encodeBody, operation, type Rec } from './operation'
import { withoutNulls } from './codecs/common'
import { Education, Job, Like, Subscription } from './codecs/customer'
import {
  encodeEducationInput,
  encodeJobInput,
  encodeLikeInput,
  encodeSubscriptionInput,
  type EducationInput,
  type JobInput,
  type LikeInput,
  type SubscriptionInput
} from './codecs/customer-input'

/**
 * What the generic operations need to know about one kind of sub-entity.
 *
 * @category model
 * @since 0.1.0
 */
interface EntitySpec<A, I> {
  /** The path segment under the customer: `jobs`, `likes`, `educations`, `subscriptions`. */
  readonly collection: string
  /** The singular, for messages. */
  readonly name: string
  readonly codec: t.Decoder<unknown, A>
  readonly encode: (input: I) => E.Either<string, Rec>
}

const collectionPath = (spec: EntitySpec<unknown, never>): string =>
  `/workspaces/{workspaceId}/customers/{customerId}/${spec.collection}`

const itemPath = (spec: EntitySpec<unknown, never>): string => `${collectionPath(spec)}/{id}`

const body = <I>(
  operation: string,
  spec: EntitySpec<unknown, I>,
  input: I,
  extra: Rec
): TE.TaskEither<ContacthubError, unknown> =>
  encodeBody(operation, spec.name, spec.encode, input, (wire) => withoutNulls({ ...wire, ...extra }))

const adder =
  <A, I>(name: string, spec: EntitySpec<A, I>) =>
  (ctx: Context, customerId: string, entity: I): TE.TaskEither<ContacthubError, A> =>
    operation(name, ctx, () =>
      pipe(
        body(name, spec, entity, {}),
        TE.flatMap((body) =>
          request(
            ctx,
            { operation: name, method: 'POST', path: collectionPath(spec), params: { customerId }, body },
            spec.codec
          )
        )
      )
    )

const getter =
  <A, I>(name: string, spec: EntitySpec<A, I>) =>
  (ctx: Context, customerId: string, id: string): TE.TaskEither<ContacthubError, A> =>
    operation(name, ctx, () =>
      request(ctx, { operation: name, method: 'GET', path: itemPath(spec), params: { customerId, id } }, spec.codec)
    )

const updater =
  <A, I>(name: string, spec: EntitySpec<A, I>) =>
  (ctx: Context, customerId: string, id: string, entity: I): TE.TaskEither<ContacthubError, A> =>
    operation(name, ctx, () =>
      pipe(
        body(name, spec, entity, { id }),
        TE.flatMap((body) =>
          request(
            ctx,
            { operation: name, method: 'PUT', path: itemPath(spec), params: { customerId, id }, body },
            spec.codec
          )
        )
      )
    )

const remover =
  <A, I>(name: string, spec: EntitySpec<A, I>) =>
  (ctx: Context, customerId: string, id: string): TE.TaskEither<ContacthubError, void> =>
    operation(name, ctx, () =>
      requestVoid(ctx, { operation: name, method: 'DELETE', path: itemPath(spec), params: { customerId, id } })
    )

const JOBS: EntitySpec<Job, JobInput> = { collection: 'jobs', name: 'job', codec: Job, encode: encodeJobInput }
const LIKES: EntitySpec<Like, LikeInput> = { collection: 'likes', name: 'like', codec: Like, encode: encodeLikeInput }
const EDUCATIONS: EntitySpec<Education, EducationInput> = {
  collection: 'educations',
  name: 'education',
  codec: Education,
  encode: encodeEducationInput
}
const SUBSCRIPTIONS: EntitySpec<Subscription, SubscriptionInput> = {
  collection: 'subscriptions',
  name: 'subscription',
  codec: Subscription,
  encode: encodeSubscriptionInput
}

// ---------------------------------------------------------------------------------------------------------------------
// jobs
// ---------------------------------------------------------------------------------------------------------------------

/**
 * Adds a job to a customer (`POST /customers/{cid}/jobs`). Dates are sent as `YYYY-MM-DD`; `id` may be chosen.
 *
 * @function
 *
 * @example
 * addJob(ctx, customerId, { id: 'acme', companyName: 'ACME', jobTitle: 'Engineer', startDate: new Date('2020-01-01'), isCurrent: true })
 *
 * @category jobs
 * @since 0.1.0
 */
export const addJob: (ctx: Context, customerId: string, job: JobInput) => TE.TaskEither<ContacthubError, Job> =
  /*#__PURE__*/ adder('addJob', JOBS)

/**
 * Reads a job of a customer (`GET /customers/{cid}/jobs/{id}`).
 *
 * @function
 *
 * @example
 * pipe(getCustomerJob(ctx, id, 'acme'), TE.map((job) => job.jobTitle))
 *
 * @category jobs
 * @since 0.1.0
 */
export const getCustomerJob: (ctx: Context, customerId: string, jobId: string) => TE.TaskEither<ContacthubError, Job> =
  /*#__PURE__*/ getter('getCustomerJob', JOBS)

/**
 * Replaces a job of a customer (`PUT /customers/{cid}/jobs/{id}`; the body gets `id`).
 *
 * @function
 *
 * @example
 * updateJob(ctx, id, 'acme', { id: 'acme', companyName: 'ACME', jobTitle: 'CTO', isCurrent: true })
 *
 * @category jobs
 * @since 0.1.0
 */
export const updateJob: (
  ctx: Context,
  customerId: string,
  jobId: string,
  job: JobInput
) => TE.TaskEither<ContacthubError, Job> = /*#__PURE__*/ updater('updateJob', JOBS)

/**
 * Removes a job from a customer (`DELETE /customers/{cid}/jobs/{id}`).
 *
 * @function
 *
 * @example
 * removeJob(ctx, id, 'acme')
 *
 * @category jobs
 * @since 0.1.0
 */
export const removeJob: (ctx: Context, customerId: string, jobId: string) => TE.TaskEither<ContacthubError, void> =
  /*#__PURE__*/ remover('removeJob', JOBS)

// ---------------------------------------------------------------------------------------------------------------------
// likes
// ---------------------------------------------------------------------------------------------------------------------

/**
 * Adds a like to a customer (`POST /customers/{cid}/likes`). `createdTime` is sent as an ISO date-time.
 *
 * @function
 *
 * @example
 * addLike(ctx, customerId, { id: 'jazz', category: 'music', name: 'Jazz', createdTime: new Date() })
 *
 * @category likes
 * @since 0.1.0
 */
export const addLike: (ctx: Context, customerId: string, like: LikeInput) => TE.TaskEither<ContacthubError, Like> =
  /*#__PURE__*/ adder('addLike', LIKES)

/**
 * Reads a like of a customer (`GET /customers/{cid}/likes/{id}`).
 *
 * @function
 *
 * @example
 * pipe(getCustomerLike(ctx, id, 'jazz'), TE.map((like) => like.name))
 *
 * @category likes
 * @since 0.1.0
 */
export const getCustomerLike: (
  ctx: Context,
  customerId: string,
  likeId: string
) => TE.TaskEither<ContacthubError, Like> = /*#__PURE__*/ getter('getCustomerLike', LIKES)

/**
 * Replaces a like of a customer (`PUT /customers/{cid}/likes/{id}`; the body gets `id`).
 *
 * @function
 *
 * @example
 * updateLike(ctx, id, 'jazz', { id: 'jazz', category: 'music', name: 'Jazz and blues' })
 *
 * @category likes
 * @since 0.1.0
 */
export const updateLike: (
  ctx: Context,
  customerId: string,
  likeId: string,
  like: LikeInput
) => TE.TaskEither<ContacthubError, Like> = /*#__PURE__*/ updater('updateLike', LIKES)

/**
 * Removes a like from a customer (`DELETE /customers/{cid}/likes/{id}`).
 *
 * @function
 *
 * @example
 * removeLike(ctx, id, 'jazz')
 *
 * @category likes
 * @since 0.1.0
 */
export const removeLike: (ctx: Context, customerId: string, likeId: string) => TE.TaskEither<ContacthubError, void> =
  /*#__PURE__*/ remover('removeLike', LIKES)

// ---------------------------------------------------------------------------------------------------------------------
// educations
// ---------------------------------------------------------------------------------------------------------------------

/**
 * Adds an education to a customer (`POST /customers/{cid}/educations`).
 *
 * @function
 *
 * @example
 * addEducation(ctx, customerId, { id: 'polimi', schoolType: 'COLLEGE', schoolName: 'Politecnico', startYear: 2010, endYear: 2015 })
 *
 * @category educations
 * @since 0.1.0
 */
export const addEducation: (
  ctx: Context,
  customerId: string,
  education: EducationInput
) => TE.TaskEither<ContacthubError, Education> = /*#__PURE__*/ adder('addEducation', EDUCATIONS)

/**
 * Reads an education of a customer (`GET /customers/{cid}/educations/{id}`).
 *
 * @function
 *
 * @example
 * pipe(getCustomerEducation(ctx, id, 'polimi'), TE.map((education) => education.schoolName))
 *
 * @category educations
 * @since 0.1.0
 */
export const getCustomerEducation: (
  ctx: Context,
  customerId: string,
  educationId: string
) => TE.TaskEither<ContacthubError, Education> = /*#__PURE__*/ getter('getCustomerEducation', EDUCATIONS)

/**
 * Replaces an education of a customer (`PUT /customers/{cid}/educations/{id}`; the body gets `id`).
 *
 * @function
 *
 * @example
 * updateEducation(ctx, id, 'polimi', { id: 'polimi', schoolType: 'COLLEGE', schoolName: 'Politecnico di Milano' })
 *
 * @category educations
 * @since 0.1.0
 */
export const updateEducation: (
  ctx: Context,
  customerId: string,
  educationId: string,
  education: EducationInput
) => TE.TaskEither<ContacthubError, Education> = /*#__PURE__*/ updater('updateEducation', EDUCATIONS)

/**
 * Removes an education from a customer (`DELETE /customers/{cid}/educations/{id}`).
 *
 * @function
 *
 * @example
 * removeEducation(ctx, id, 'polimi')
 *
 * @category educations
 * @since 0.1.0
 */
export const removeEducation: (
  ctx: Context,
  customerId: string,
  educationId: string
) => TE.TaskEither<ContacthubError, void> = /*#__PURE__*/ remover('removeEducation', EDUCATIONS)

// ---------------------------------------------------------------------------------------------------------------------
// subscriptions
// ---------------------------------------------------------------------------------------------------------------------

/**
 * Adds a subscription to a customer (`POST /customers/{cid}/subscriptions`). Dates are sent as ISO date-times.
 *
 * @function
 *
 * @example
 * addSubscription(ctx, customerId, { id: 'news', name: 'Newsletter', kind: 'DIGITAL_MESSAGE', subscribed: true, startDate: new Date() })
 *
 * @category subscriptions
 * @since 0.1.0
 */
export const addSubscription: (
  ctx: Context,
  customerId: string,
  subscription: SubscriptionInput
) => TE.TaskEither<ContacthubError, Subscription> = /*#__PURE__*/ adder('addSubscription', SUBSCRIPTIONS)

/**
 * Reads a subscription of a customer (`GET /customers/{cid}/subscriptions/{id}`).
 *
 * @function
 *
 * @example
 * pipe(getCustomerSubscription(ctx, id, 'news'), TE.map((subscription) => subscription.subscribed))
 *
 * @category subscriptions
 * @since 0.1.0
 */
export const getCustomerSubscription: (
  ctx: Context,
  customerId: string,
  subscriptionId: string
) => TE.TaskEither<ContacthubError, Subscription> = /*#__PURE__*/ getter('getCustomerSubscription', SUBSCRIPTIONS)

/**
 * Replaces a subscription of a customer (`PUT /customers/{cid}/subscriptions/{id}`; the body gets `id`).
 *
 * @function
 *
 * @example
 * updateSubscription(ctx, id, 'news', { id: 'news', name: 'Newsletter', subscribed: false })
 *
 * @category subscriptions
 * @since 0.1.0
 */
export const updateSubscription: (
  ctx: Context,
  customerId: string,
  subscriptionId: string,
  subscription: SubscriptionInput
) => TE.TaskEither<ContacthubError, Subscription> = /*#__PURE__*/ updater('updateSubscription', SUBSCRIPTIONS)

/**
 * Removes a subscription from a customer (`DELETE /customers/{cid}/subscriptions/{id}`).
 *
 * @function
 *
 * @example
 * removeSubscription(ctx, id, 'news')
 *
 * @category subscriptions
 * @since 0.1.0
 */
export const removeSubscription: (
  ctx: Context,
  customerId: string,
  subscriptionId: string
) => TE.TaskEither<ContacthubError, void> = /*#__PURE__*/ remover('removeSubscription', SUBSCRIPTIONS)
