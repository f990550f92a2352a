// Type-level half of tests/model.test.ts: the query builder's attribute types (src/query.ts) against the paths of the
// decoded `Customer` type (src/codecs/customer.ts), checked by tsc through vitest's typecheck (never run). The run fails
// when a field is added to one and not the other, or when a field changes kind (text, number, flag). The runtime lists
// of the builder's attributes live in tests/model.test.ts; the first test keeps them equal to its types.
import { describe, expectTypeOf, it } from 'vitest'
import type { Customer } from '../src/codecs/customer'
import type { CustomerAttributes, CustomerObjectAttribute } from '../src/query'
import type { ATTRIBUTES, OBJECT_ATTRIBUTES, UNQUERYABLE } from './model.test'

type Join<P extends string, K extends string> = P extends '' ? K : `${P}.${K}`

/** A property's type without `null` and lists (paths look through lists). */
type Unwrap<T> = T extends ReadonlyArray<infer I> ? Unwrap<I> : Exclude<T, null>

/** Every path of `T`: `{ leaf, value }` for scalars, `{ object }` for nested objects, `{ open }` for open records. */
type Walk<T, P extends string> = {
  [K in keyof T & string]-?: Unwrap<T[K]> extends infer V
    ? V extends string | number | boolean
      ? { readonly leaf: Join<P, K>; readonly value: V }
      : string extends keyof V
        ? { readonly open: Join<P, K> }
        : { readonly object: Join<P, K> } | Walk<V, Join<P, K>>
    : never
}[keyof T & string]

type CustomerPaths = Walk<Customer, ''>
type LeafPath = Extract<CustomerPaths, { readonly leaf: string }>['leaf']
type ObjectPath = Extract<CustomerPaths, { readonly object: string }>['object']
type OpenPath = Extract<CustomerPaths, { readonly open: string }>['open']
type LeafValue<A extends string> = Extract<CustomerPaths, { readonly leaf: A }>['value']

/** The kind of a value: a date counts as text (the builder takes a `Date` or a string where the wire has a string). */
type Kind<T> = T extends boolean ? 'flag' : T extends number ? 'number' : 'text'

describe('the customer model, at type level', () => {
  it("the runtime lists are the builder's attribute types", () => {
    expectTypeOf<(typeof ATTRIBUTES)[number]>().toEqualTypeOf<keyof CustomerAttributes>()
    expectTypeOf<(typeof OBJECT_ATTRIBUTES)[number]>().toEqualTypeOf<CustomerObjectAttribute>()
  })

  it("the builder's attributes are the leaves of the decoded Customer, except the unqueryable ones", () => {
    expectTypeOf<keyof CustomerAttributes>().toEqualTypeOf<Exclude<LeafPath, (typeof UNQUERYABLE)[number]>>()
  })

  it("the builder's object attributes are the objects and open records of the decoded Customer", () => {
    expectTypeOf<CustomerObjectAttribute>().toEqualTypeOf<ObjectPath | OpenPath>()
  })

  it('each attribute takes the kind of value the wire has there', () => {
    expectTypeOf<{ readonly [A in keyof CustomerAttributes]: Kind<CustomerAttributes[A]> }>().toEqualTypeOf<{
      readonly [A in keyof CustomerAttributes]: Kind<LeafValue<A>>
    }>()
  })
})
