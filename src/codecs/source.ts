/**
 * The codec of a customer's data as one source (a node's client) sent it: `GET /customers/{id}/sources` and
 * `GET /customers/{id}/sources/{sourceId}`. The customer itself is the merge of these.
 *
 * ```json
 * { "id": "<source id>", "externalId": "c-42", "nodeId": "…", "base": { … }, "extended": null, "extra": null,
 *   "consents": null, "tags": { "auto": [], "manual": ["vip"] }, "enabled": true,
 *   "registeredAt": "2017-03-08T10:18:17.000+0000", "updatedAt": "2017-03-08T10:18:17.000+0000" }
 * ```
 *
 * @since 0.2.0
 */
import * as t from '#io-ts/index'
import { nullable, Timestamp } from './common'
import { Consents, CustomerBase, Tags } from './customer'

const NString = /*#__PURE__*/ nullable(t.string)
const NTimestamp = /*#__PURE__*/ nullable(Timestamp)

/**
 * A customer's data as one source sent it. `id` is the source's id (what `getCustomerSource` takes); the other
 * fields are those of a customer, `null` when unset; timestamps are ISO date-times in UTC. Unknown fields are kept
 * at runtime.
 *
 * @category model
 * @since 0.2.0
 */
export interface SourceCustomer {
  readonly id: string
  readonly externalId: string | null
  readonly nodeId: string | null
  readonly base: CustomerBase | null
  readonly extended: Readonly<Record<string, unknown>> | null
  readonly extra: string | null
  readonly consents: Consents | null
  readonly tags: Tags | null
  readonly registeredAt: string | null
  readonly updatedAt: string | null
  /** `false` once the source's data was (softly) deleted. */
  readonly enabled: boolean | null
}

/**
 * Codec of {@link SourceCustomer}: `base`, `consents` and `tags` decode as a customer's do.
 *
 * @category codecs
 * @since 0.2.0
 */
export const SourceCustomer: t.Type<SourceCustomer, SourceCustomer, unknown> = /*#__PURE__*/ t.type(
  {
    id: t.string,
    externalId: NString,
    nodeId: NString,
    base: /*#__PURE__*/ nullable(CustomerBase),
    extended: /*#__PURE__*/ nullable(t.UnknownRecord),
    extra: NString,
    consents: /*#__PURE__*/ nullable(Consents),
    tags: /*#__PURE__*/ nullable(Tags),
    registeredAt: NTimestamp,
    updatedAt: NTimestamp,
    enabled: /*#__PURE__*/ nullable(t.boolean)
  },
  'SourceCustomer'
)

/**
 * The answer of `GET /customers/{id}/sources`.
 *
 * @category model
 * @since 0.2.0
 */
export interface SourceCustomerList {
  readonly elements: ReadonlyArray<SourceCustomer>
}

/**
 * Codec of {@link SourceCustomerList}.
 *
 * @category codecs
 * @since 0.2.0
 */
export const SourceCustomerList: t.Type<SourceCustomerList, SourceCustomerList, unknown> = /*#__PURE__*/ t.type(
  { elements: /*#__PURE__*/ t.readonlyArray(SourceCustomer) },
  'SourceCustomerList'
)
