// `npm run demo` keeps working: the quick start runs to the end against a fresh emulator.
import { afterAll, expect, it, vi } from 'vitest'
import { startEmulator } from '../../src/emulator/index'
import { quickstart } from '../../examples/quickstart'

const emulator = await startEmulator()
afterAll(() => emulator.close())

it('walks the quick start against the emulator', async () => {
  const lines: Array<string> = []
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line))
  try {
    await quickstart(emulator.context)
  } finally {
    log.mockRestore()
  }
  // The walk reached its last step (8: errors are values).
  expect(lines.at(-1)).toContain('_tag=HttpError status=404')
  expect(lines.join('\n')).toContain('25 customers in 3 pages')
  expect(lines.join('\n')).toContain('_tag=HttpError status=404')
})
