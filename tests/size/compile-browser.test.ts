// The browser variant of the decoding fast path (src/codecs/compile-browser.ts, chosen by the `browser` condition
// of the package's `#compile` import) compiles nothing and lets io-ts decode. It must give what the compiled path
// gives, on any input: the same value or a refusal, the same checks, and through decodeWith the same messages.
import { describe, expect, it, vi } from 'vitest'
import fc from 'fast-check'
import type * as t from '#io-ts/index'
import * as node from '../../src/codecs/compile'
import * as browser from '../../src/codecs/compile-browser'
import { Customer } from '../../src/codecs/customer'
import { EventCodec } from '../../src/codecs/event'
import { pageOf } from '../../src/codecs/page'
import { decodeWith, formatValidationErrors } from '../../src/decode'
import { wireCustomer } from '../helpers/fixtures'

// decodeWith below runs on the browser variant, as in a browser bundle.
vi.mock('#compile', () => import('../../src/codecs/compile-browser'))

const Page = pageOf(Customer)

/** Wire customers with some fields replaced by any JSON, and anything at all. */
const values = fc.oneof(
  fc
    .record({ firstName: fc.jsonValue(), email: fc.jsonValue(), at: fc.jsonValue() })
    .map((r) =>
      wireCustomer(
        'c1',
        { firstName: r.firstName, contacts: { email: r.email, otherContacts: [], mobileDevices: [] } },
        { registeredAt: r.at }
      )
    ),
  fc.jsonValue()
)

const outcome = (r: unknown, fail: symbol): unknown => (r === fail ? 'FAIL' : r)

const agree = (codec: t.Decoder<unknown, unknown>, u: unknown): void => {
  for (const inPlace of [false, true])
    expect(outcome(browser.compile(codec, inPlace)(structuredClone(u)), browser.FAIL)).toEqual(
      outcome(node.compile(codec, inPlace)(structuredClone(u)), node.FAIL)
    )
  expect(browser.compileCheck(codec)(u)).toBe(node.compileCheck(codec)(u))
}

describe('the browser variant of #compile agrees with the compiled fast path', () => {
  it('on customers, pages and events', () => {
    fc.assert(
      fc.property(values, fc.array(values, { maxLength: 3 }), (u, us) => {
        agree(Customer, u)
        agree(Page, { elements: us, page: { number: 0, size: 3, totalElements: us.length, totalPages: 1 } })
        agree(EventCodec, u)
      }),
      { numRuns: 300, seed: 5 }
    )
  })

  it('decodeWith on it gives the values and messages io-ts gives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(wireCustomer('c')), values), { maxLength: 3 }),
        fc.boolean(),
        fc.jsonValue(),
        (elements, valid, other) => {
          const page = valid ? { number: 0, size: 3, totalElements: elements.length, totalPages: 1 } : other
          const u = { elements, page }
          const slow = Page.decode(structuredClone(u))
          const fast = decodeWith(Page)(structuredClone(u))
          if (slow._tag === 'Right') expect(fast).toEqual(slow)
          else expect(fast).toEqual({ _tag: 'Left', left: formatValidationErrors(slow.left, 100) })
        }
      ),
      { numRuns: 200, seed: 6 }
    )
  })
})
