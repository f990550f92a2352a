// The emulator checks the properties and contextInfo of every new or replaced event against the schemas (the same
// walker as validateEvent) and answers 400 with JSON-pointer paths in the API's error body; the client sees them in
// its HttpError. Driven through addEvent and updateEvent over 127.0.0.1.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { addCustomer, addEvent, updateEvent, validateEvent, type Context, type EventInput } from '../../src/index'
import { startEmulator, type Emulator } from '../../src/emulator/index'
import { MAX_PAYLOAD_ERRORS } from '../../src/emulator/event-schema'
import { expectLeft, expectRight } from '../helpers/either'
import { jsonPointer, mutate, plan, positions, validValue, wrongValue } from './validate-support'

let emulator: Emulator
let ctx: Context
let customerId: string
/** The id the emulator made last (the event just added). */
let lastId = ''

beforeAll(async () => {
  emulator = await startEmulator({ uuid: () => (lastId = randomUUID()) })
  ctx = emulator.context
})
afterAll(() => emulator.close())
beforeEach(async () => {
  emulator.reset()
  customerId = expectRight(await addCustomer(ctx, { externalId: 'ev' })()).id
})

interface ApiFieldError {
  readonly message: string
  readonly path: string
  readonly data: unknown
  readonly code: string
}

/** The 400 of an event the emulator refused: its message and errors[]. */
const refused = async (
  send: () => Promise<unknown>
): Promise<{ message: string; errors: ReadonlyArray<ApiFieldError> }> => {
  const e = expectLeft((await send()) as { _tag: 'Left'; left: unknown } | { _tag: 'Right'; right: unknown })
  if (typeof e !== 'object' || e === null || (e as { _tag?: string })._tag !== 'HttpError')
    throw new Error(`expected an HttpError, got ${JSON.stringify(e)}`)
  const h = e as { status: number; message: string; errors?: ReadonlyArray<ApiFieldError> }
  expect(h.status).toBe(400)
  return { message: h.message, errors: h.errors ?? [] }
}

/** Events built at run time, valid or not on purpose: their static type is not the point here. */
const raw = (event: unknown): EventInput => event as EventInput

const order = (properties: unknown): EventInput =>
  raw({ type: 'completedOrder', context: 'ECOMMERCE', customerId, properties })

describe('POST /events and PUT /events/{id} check properties and contextInfo', () => {
  it('a 400 with JSON pointers, in the API error body', async () => {
    const bad = order({ amount: { total: '12' }, orderID: 'o-1', products: [{}, {}, { price: 'x' }] })
    const { message, errors } = await refused(() => addEvent(ctx, bad)())
    expect(errors).toEqual([
      { message: 'expected number, got "12"', path: '/properties/amount/total', data: '12', code: 'type' },
      { message: 'not allowed', path: '/properties/orderID', data: null, code: 'additionalProperties' },
      { message: 'expected number, got "x"', path: '/properties/products/2/price', data: 'x', code: 'type' }
    ])
    expect(message).toContain('/properties/amount/total: expected number, got "12"')
    // validateEvent finds the same problems, as dotted paths
    expect(expectLeft(validateEvent(bad)).message).toContain(
      'properties.amount.total: expected number, got "12"; properties.orderID: not allowed; properties.products[2].price: expected number, got "x"'
    )
  })

  it('contextInfo too: formats, required fields', async () => {
    const { errors } = await refused(() =>
      addEvent(
        ctx,
        raw({
          type: 'viewedPage',
          context: 'WEB',
          customerId,
          properties: { url: 'not a uri' },
          contextInfo: { client: { ip: '1.2.3' }, user: {} }
        })
      )()
    )
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ['/properties/url', 'format'],
      ['/contextInfo/client/ip', 'format'],
      ['/contextInfo/user/id', 'required']
    ])
  })

  it('updateEvent of a stored event: a valid replacement is accepted, an invalid one refused', async () => {
    expectRight(await addEvent(ctx, order({ orderId: 'o-1' }))())
    const stored = lastId
    expectRight(await updateEvent(ctx, stored, order({ orderId: 'o-2', amount: { total: 3 } }))())
    const { errors } = await refused(() => updateEvent(ctx, stored, order({ orderId: 2 }))())
    expect(errors.map((e) => e.path)).toEqual(['/properties/orderId'])
  })

  it(`lists at most ${MAX_PAYLOAD_ERRORS} problems`, async () => {
    const products = Array.from({ length: 150 }, () => ({ price: 'free' }))
    const { errors } = await refused(() => addEvent(ctx, order({ products }))())
    expect(errors).toHaveLength(MAX_PAYLOAD_ERRORS)
    expect(errors[MAX_PAYLOAD_ERRORS - 1]?.path).toBe(`/properties/products/${MAX_PAYLOAD_ERRORS - 1}/price`)
  })

  it('eventRegistered takes any JSON object', async () => {
    expectRight(
      await addEvent(ctx, {
        type: 'eventRegistered',
        context: 'OTHER',
        customerId,
        properties: { anything: [1, { goes: null }] }
      })()
    )
  })
})

describe('every standard type and context, against the emulator', () => {
  const cases = [
    ...Object.entries(plan.events).map(([type, root]) => ({
      name: type,
      root,
      at: 'properties',
      event: (v: unknown) => ({ type, context: 'WEB', customerId, properties: v })
    })),
    ...Object.entries(plan.contexts).map(([context, root]) => ({
      name: context,
      root,
      at: 'contextInfo',
      event: (v: unknown) => ({ type: 'viewedPage', context, customerId, properties: {}, contextInfo: v })
    }))
  ]

  it.each(cases)(
    '$name: a complete valid object is stored; the deepest wrong leaf is a 400 at its pointer',
    async (c) => {
      const valid = validValue(c.root)
      expectRight(await addEvent(ctx, raw(c.event(valid)))())
      const leaves = positions(c.root).filter(({ path, node }) => path.length > 0 && node.type !== 'any')
      const deepest = leaves.reduce((a, b) => (b.path.length > a.path.length ? b : a))
      const bad = c.event(mutate(valid, deepest.path, (parent, key) => (parent[key] = wrongValue(deepest.node))))
      const { errors } = await refused(() => addEvent(ctx, raw(bad))())
      expect(errors.map((e) => e.path)).toEqual([jsonPointer([c.at, ...deepest.path])])
    }
  )
})
