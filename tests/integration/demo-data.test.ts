// `npm run demo` shows a segment and an analytic after the quick start: examples/data-api.ts runs to the end.
import { afterAll, expect, it, vi } from 'vitest'
import { startEmulator } from '../../src/emulator/index'
import { quickstart } from '../../examples/quickstart'
import { dataTour } from '../../examples/data-api'

const emulator = await startEmulator()
afterAll(() => emulator.close())

it('shows a segment with its customers and the customer count after the quick start', async () => {
  const lines: Array<string> = []
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line))
  try {
    await quickstart(emulator.context)
    await dataTour(emulator.context)
  } finally {
    log.mockRestore()
  }
  // The tour reached its last step (10: an analytic).
  expect(lines.at(-1)).toBe(`   node ${emulator.nodeId}: 25 customers`)
  expect(lines.join('\n')).toContain('12 customers in segment "Graces"')
  expect(lines.join('\n')).toContain(`node ${emulator.nodeId}: 25 customers`)
})
