// Decode cost alone: the library's `Customer` codec on one customer (~2 KB) and on a 100-customer page, against
// `JSON.parse` of the same bytes. Alternating rounds, medians.
import type { Lib } from './lib'
import { wireCustomer, wirePage } from './fixtures'
import { median, nsPerOp } from './measure'

export interface DecodeRow {
  readonly name: string
  /** Whose codec: `library`, or `candidate` (another source tree). */
  readonly side: string
  readonly bytes: number
  /** JSON.parse of the text, µs per call. */
  readonly parseUs: number
  /** The codec's decode of the parsed value, µs per call. */
  readonly decodeUs: number
  /** decode ÷ parse. */
  readonly ratio: number
}

export const runDecode = (lib: Lib, side: string, rounds: number, scale: number): ReadonlyArray<DecodeRow> => {
  const Page = lib.pageOf(lib.Customer)
  const cases = [
    { name: 'one customer', text: JSON.stringify(wireCustomer(0)), codec: lib.Customer },
    { name: '100-customer page', text: JSON.stringify(wirePage(0, 100, 20_000)), codec: Page }
  ]
  return cases.map(({ name, text, codec }) => {
    const value: unknown = JSON.parse(text)
    const check = codec.decode(value)
    if (check._tag !== 'Right')
      throw new Error(`the ${name} sample does not decode: ${JSON.stringify(check.left).slice(0, 300)}`)
    const ms = (name === 'one customer' ? 200 : 400) * scale
    const parse: Array<number> = []
    const decode: Array<number> = []
    for (let r = 0; r < rounds; r++) {
      // The codec copies what it converts and never mutates its input, so decoding the same value is fair.
      if (r % 2 === 0) {
        parse.push(nsPerOp(() => JSON.parse(text), ms))
        decode.push(nsPerOp(() => codec.decode(value), ms))
      } else {
        decode.push(nsPerOp(() => codec.decode(value), ms))
        parse.push(nsPerOp(() => JSON.parse(text), ms))
      }
    }
    const parseUs = median(parse) / 1000
    const decodeUs = median(decode) / 1000
    return { name, side, bytes: Buffer.byteLength(text), parseUs, decodeUs, ratio: decodeUs / parseUs }
  })
}
