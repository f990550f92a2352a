// The Node fast path (src/codecs/compile.ts) generates one function per struct with `new Function`; where a runtime
// refuses generated code (`--disallow-code-generation-from-strings`, a locked-down realm) it falls back to closures.
// Both must give exactly what io-ts gives, on the same fuzzed inputs: the same value on success, a refusal on
// failure, copies unless the value is owned, and never a write into a value that is not.
import { describe, expect, it, vi } from 'vitest'
import fc from 'fast-check'
import * as E from '#fp-ts/Either'
import type * as t from '#io-ts/index'
import { Customer } from '../../src/codecs/customer'
import { EventCodec } from '../../src/codecs/event'
import { pageOf } from '../../src/codecs/page'
import { wireCustomer } from '../helpers/fixtures'
import type * as Compile from '../../src/codecs/compile'

type CompileModule = typeof Compile

const Page = pageOf(Customer)
const CODECS: ReadonlyArray<t.Decoder<unknown, unknown>> = [Customer, Page, EventCodec]

/** A fresh instance of the module; with `refuse`, `new Function` throws while every codec is compiled. */
const load = async (refuse: boolean): Promise<CompileModule> => {
  vi.resetModules()
  const mod: CompileModule = await import('../../src/codecs/compile')
  if (refuse) {
    const generated: Array<string> = []
    vi.stubGlobal('Function', function refused(...args: Array<unknown>) {
      generated.push(String(args[args.length - 1]))
      throw new EvalError('Code generation from strings disallowed for this context')
    })
    try {
      for (const codec of CODECS) for (const inPlace of [false, true]) mod.compile(codec, inPlace)
    } finally {
      vi.unstubAllGlobals()
    }
    // The refusal was met once, and the module stopped asking.
    expect(generated).toHaveLength(1)
  }
  return mod
}

const values = fc.oneof(
  fc
    .record({
      firstName: fc.oneof(fc.string(), fc.constant(null), fc.constant(undefined), fc.jsonValue()),
      email: fc.oneof(fc.string(), fc.constant(undefined), fc.jsonValue()),
      dob: fc.oneof(fc.constant('1990-02-29'), fc.constant('2000-02-29'), fc.string(), fc.constant(undefined)),
      at: fc.oneof(fc.constant('2017-03-08T10:18:17.000+0000'), fc.string(), fc.jsonValue()),
      type: fc.oneof(fc.constant('MOBILE'), fc.string(), fc.integer(), fc.constant(null)),
      extra: fc.jsonValue()
    })
    .map((r) =>
      wireCustomer(
        'c1',
        {
          firstName: r.firstName,
          dob: r.dob,
          contacts: {
            email: r.email,
            otherContacts: [{ name: null, type: r.type, value: 'x' }],
            mobileDevices: []
          }
        },
        { registeredAt: r.at, surprise: r.extra }
      )
    ),
  fc.anything()
)

describe('generated struct decoders and their closure fallback agree with io-ts', () => {
  it.each([
    ['generated code', false],
    ['closures (code generation refused)', true]
  ])('%s', async (_, refuse) => {
    const { compile, FAIL } = await load(refuse)
    fc.assert(
      fc.property(values, fc.array(values, { maxLength: 3 }), (u, us) => {
        const page = { elements: us, page: { number: 0, size: 3, totalElements: us.length, totalPages: 1 } }
        const cases: ReadonlyArray<readonly [t.Decoder<unknown, unknown>, unknown]> = [
          [Customer, u],
          [Page, page],
          [EventCodec, u]
        ]
        for (const [codec, value] of cases) {
          const slow = codec.decode(structuredClone(value))
          const input = structuredClone(value)
          const before = structuredClone(value)
          const copied = compile(codec)(input)
          if (E.isRight(slow)) expect(copied).toEqual(slow.right)
          else expect(copied).toBe(FAIL)
          // Not owned: the input is never written into.
          expect(input).toEqual(before)
          const owned = compile(codec, true)(structuredClone(value))
          if (E.isRight(slow)) expect(owned).toEqual(slow.right)
          else expect(owned).toBe(FAIL)
        }
      }),
      { numRuns: 300, seed: 11 }
    )
  })
})
