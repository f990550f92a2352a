// asReader at run time: readers composed with fp-ts's ReaderTaskEither, given the context once, against the emulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as RTE from 'fp-ts/ReaderTaskEither'
import * as O from 'fp-ts/Option'
import { pipe } from 'fp-ts/function'
import { asReader } from '../src/reader'
import { addCustomer, deleteCustomer, getCustomer, getCustomers, updateCustomer } from '../src/customers'
import { addEvent, getEvents } from '../src/events'
import { getMe } from '../src/me'
import type { Context } from '../src/context'
import type { ContacthubError } from '../src/error'
import type { Customer } from '../src/codecs/customer'
import { startEmulator, type Emulator } from '../src/emulator/index'
import { expectLeft, expectRight } from './helpers/either'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 })
})
afterAll(() => emulator.close())

describe('asReader', () => {
  it('sends nothing until the reader gets a context and its task runs', async () => {
    emulator.clearRequests()
    const reader = asReader(getCustomers)({ size: 5 })
    const task = reader(emulator.context)
    expect(emulator.requests).toHaveLength(0)
    expect(expectRight(await task()).elements).toEqual([])
    expect(emulator.requests).toHaveLength(1)
  })

  it('composes a program with RTE.chain and runs it with one context', async () => {
    const program = pipe(
      asReader(addCustomer)({ base: { firstName: 'Ada' }, externalId: 'ada' }),
      RTE.chain((c) => asReader(updateCustomer)(c.id, { base: { lastName: 'Lovelace' } })),
      RTE.chainFirst((c) =>
        asReader(addEvent)({ customerId: c.id, type: 'viewedPage', context: 'WEB', properties: {} })
      ),
      RTE.chain((c) =>
        pipe(
          asReader(getCustomer)(c.id),
          RTE.map((again) => again.base?.lastName),
          RTE.bindTo('lastName'),
          RTE.bind('events', () => asReader(getEvents)(c.id))
        )
      )
    )
    const out = expectRight(await program(emulator.context)())
    expect(out.lastName).toBe('Lovelace')
    expect(out.events.elements.map((e) => e.type)).toEqual(['viewedPage'])
  })

  it('a failure is the Left of the program; later steps do not run', async () => {
    emulator.clearRequests()
    const program = pipe(
      asReader(getCustomer)('no-such-customer'),
      RTE.chain((c) => asReader(deleteCustomer)(c.id))
    )
    expect(expectLeft(await program(emulator.context)())).toMatchObject({ _tag: 'HttpError', status: 404 })
    expect(emulator.requests.map((r) => r.method)).toEqual(['GET'])
  })

  it('the same program runs against another context (another node)', async () => {
    const node = emulator.addNode('other-node')
    const count = pipe(
      asReader(getCustomers)(),
      RTE.map((p) => p.page.totalElements)
    )
    const here = expectRight(await count(emulator.context)())
    const there = expectRight(await count({ ...emulator.context, nodeId: node })())
    expect(here).toBeGreaterThan(0)
    expect(there).toBe(0)
  })

  it("getMe's reader runs with a context (its environment is a workspace without an id)", async () => {
    const me = expectRight(await asReader(getMe)()(emulator.context)())
    expect(me.id).toBe('emulator-user')
  })

  it('asks the environment with RTE.ask and maps over optional results', async () => {
    const firstOf = (size: number) =>
      pipe(
        RTE.ask<Context, ContacthubError>(),
        RTE.chain((ctx) => RTE.fromTaskEither(getCustomers(ctx, { size }))),
        RTE.map((p): O.Option<Customer> => O.fromNullable(p.elements[0]))
      )
    const viaReader = pipe(
      asReader(getCustomers)({ size: 1 }),
      RTE.map((p) => O.fromNullable(p.elements[0]))
    )
    expect(expectRight(await viaReader(emulator.context)())).toEqual(expectRight(await firstOf(1)(emulator.context)()))
  })
})
