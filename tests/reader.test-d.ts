// Type tests of asReader (src/reader.ts), checked by tsc through vitest's typecheck (never run): the reader's
// arguments, environment, error and result come from the operation itself, optional arguments included.
import { describe, expectTypeOf, it } from 'vitest'
import type { ReaderTaskEither } from 'fp-ts/ReaderTaskEither'
import type { TaskEither } from 'fp-ts/TaskEither'
import { asReader } from '../src/reader'
import { addCustomer, deleteCustomer, getCustomer, getCustomers } from '../src/customers'
import { getEvents } from '../src/events'
import { getMe } from '../src/me'
import { countCustomers } from '../src/analytics'
import type { Context, Workspace } from '../src/context'
import type { ContacthubError } from '../src/error'
import type { Customer } from '../src/codecs/customer'
import type { CustomerInput } from '../src/codecs/customer-input'
import type { Event } from '../src/codecs/event'
import type { UserInfo } from '../src/codecs/me'
import type { Paginated } from '../src/pagination'
import type { CustomerCount } from '../src/codecs/analytics'
import type { AddCustomerOptions, GetCustomersOptions } from '../src/customers'

describe('asReader', () => {
  it('keeps the arguments and the result of an operation, and takes the context as the environment', () => {
    const get = asReader(getCustomer)
    expectTypeOf(get).parameters.toEqualTypeOf<[id: string]>()
    expectTypeOf(get('id')).toEqualTypeOf<ReaderTaskEither<Context, ContacthubError, Customer>>()
    expectTypeOf(asReader(deleteCustomer)('id')).toEqualTypeOf<ReaderTaskEither<Context, ContacthubError, void>>()
    // @ts-expect-error the id is a string
    get(42)
    // @ts-expect-error the id is required
    get()
    // @ts-expect-error the context is not an argument any more
    get({ workspaceId: 'w', nodeId: 'n', token: 't' }, 'id')
  })

  it('keeps optional arguments optional', () => {
    const list = asReader(getCustomers)
    expectTypeOf(list).parameters.toEqualTypeOf<[opts?: GetCustomersOptions]>()
    expectTypeOf(list()).toEqualTypeOf<ReaderTaskEither<Context, ContacthubError, Paginated<Customer>>>()
    expectTypeOf(list({ size: 5 })).toEqualTypeOf<ReaderTaskEither<Context, ContacthubError, Paginated<Customer>>>()
    // @ts-expect-error size is a number
    list({ size: '5' })

    const add = asReader(addCustomer)
    expectTypeOf(add).parameters.toEqualTypeOf<[customer: CustomerInput, opts?: AddCustomerOptions]>()
    add({ base: { firstName: 'Ada' } })
    add({ base: { firstName: 'Ada' } }, { forceUpdate: true })

    const events = asReader(getEvents)
    expectTypeOf(events('c')).toEqualTypeOf<ReaderTaskEither<Context, ContacthubError, Paginated<Event>>>()
    // An operation built by a factory (its type is a function type, not a declaration) works the same.
    expectTypeOf(asReader(countCustomers)()).toEqualTypeOf<ReaderTaskEither<Context, ContacthubError, CustomerCount>>()
  })

  it("takes the operation's own first parameter as the environment (getMe needs no workspace id)", () => {
    const me = asReader(getMe)()
    expectTypeOf(me).toEqualTypeOf<ReaderTaskEither<Omit<Workspace, 'workspaceId'>, ContacthubError, UserInfo>>()
    // A whole context is a workspace without an id and more.
    const ctx: Context = { workspaceId: 'w', nodeId: 'n', token: 't' }
    expectTypeOf(me(ctx)).toEqualTypeOf<TaskEither<ContacthubError, UserInfo>>()
    me({ token: 't' })
    // A reader of a Context does not run with less than a Context.
    // @ts-expect-error nodeId and workspaceId are missing
    asReader(getCustomer)('id')({ token: 't' })
  })

  it('keeps the type parameters of a generic operation', () => {
    const echo =
      <A>(_ctx: Context, a: A): TaskEither<ContacthubError, A> =>
      () =>
        Promise.resolve({ _tag: 'Right', right: a })
    const r = asReader(echo)
    expectTypeOf(r(1)).toEqualTypeOf<ReaderTaskEither<Context, ContacthubError, number>>()
    expectTypeOf(r('x')).toEqualTypeOf<ReaderTaskEither<Context, ContacthubError, string>>()
  })

  it('takes the last signature of an overloaded function (no operation of the package is overloaded)', () => {
    function find(ctx: Context, id: string): TaskEither<ContacthubError, Customer>
    function find(ctx: Context, ids: ReadonlyArray<string>): TaskEither<ContacthubError, ReadonlyArray<Customer>>
    function find(
      ctx: Context,
      x: string | ReadonlyArray<string>
    ): TaskEither<ContacthubError, Customer | ReadonlyArray<Customer>> {
      return typeof x === 'string' ? getCustomer(ctx, x) : () => Promise.resolve({ _tag: 'Right', right: [] })
    }
    const r = asReader(find)
    expectTypeOf(r).parameters.toEqualTypeOf<[ids: ReadonlyArray<string>]>()
    expectTypeOf(r(['a'])).toEqualTypeOf<ReaderTaskEither<Context, ContacthubError, ReadonlyArray<Customer>>>()
  })

  it('refuses a function that does not return a TaskEither or takes no environment', () => {
    // @ts-expect-error not an operation: it returns a string
    asReader((ctx: Context, id: string) => `${ctx.nodeId}/${id}`)
  })
})
