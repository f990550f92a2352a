/**
 * The codec of the API's page envelope: `{ elements, page: { number, size, totalElements, totalPages, totalUnfilteredElements } }`.
 *
 * @since 0.1.0
 */
import * as t from '#io-ts/index'
import { nullable } from './common'

/**
 * The page object of a listing; `number` is 0-based.
 *
 * @category codecs
 * @since 0.1.0
 */
export const PageInfo = /*#__PURE__*/ t.type(
  {
    number: t.number,
    size: t.number,
    totalElements: t.number,
    totalPages: t.number,
    // Absent from some answers: a nullable codec takes absent as null, without io-ts's union and partial.
    totalUnfilteredElements: /*#__PURE__*/ nullable(t.number)
  },
  'PageInfo'
)

/**
 * The page object of a listing; `number` is 0-based.
 *
 * @category pagination
 * @since 0.1.0
 */
export interface PageInfo {
  readonly number: number
  readonly size: number
  readonly totalElements: number
  readonly totalPages: number
  readonly totalUnfilteredElements?: number | null
}

/**
 * A page of elements as the wire carries it.
 *
 * @category model
 * @since 0.1.0
 */
export interface Page<A> {
  readonly elements: ReadonlyArray<A>
  readonly page: PageInfo
}

/**
 * The codec of a page of elements decoded by `codec`.
 *
 * @category codecs
 * @since 0.1.0
 */
export const pageOf = <C extends t.Mixed>(codec: C): t.Type<Page<t.TypeOf<C>>, Page<t.OutputOf<C>>, unknown> =>
  // The decoded page always has totalUnfilteredElements (null when absent); the model also allows it absent.
  t.type({ elements: t.readonlyArray(codec), page: PageInfo }, `Page<${codec.name}>`) as t.Type<
    Page<t.TypeOf<C>>,
    Page<t.OutputOf<C>>,
    unknown
  >
