// `npm run demo` shows a segment, an analytic, typed events and an event-based query after the quick start:
// examples/data-api.ts runs to the end.
import { afterAll, expect, it, vi } from 'vitest'
import { startEmulator } from '../../src/emulator/index'
import { quickstart } from '../../examples/quickstart'
import { dataTour } from '../../examples/data-api'

const emulator = await startEmulator()
afterAll(() => emulator.close())

it('shows a segment with its customers, the customer count and an event-based query after the quick start', async () => {
  const lines: Array<string> = []
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line))
  try {
    await quickstart(emulator.context)
    await dataTour(emulator.context)
  } finally {
    log.mockRestore()
  }
  // The tour reached its last step (12: an event-based query over the orders of step 11).
  expect(lines.at(-1)).toBe('   1 found: ada-1815')
  expect(lines.join('\n')).toContain('reader-1: completedOrder of 240 on 2025-12-24')
  expect(lines.join('\n')).toContain('12 customers in segment "Graces"')
  expect(lines.join('\n')).toContain(`node ${emulator.nodeId}: 25 customers`)
})
