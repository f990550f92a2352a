// Streaming: 20 000 customers through `pages(getCustomers(ctx, { size: 100 }))`, with the heap sampled after every
// page. `start` and `end` are measured after a full GC; `peak` is the highest sample (garbage included); `retained`
// is the range of post-GC samples taken every 20 pages, which shows whether anything accumulates.
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import type { Ctx, Lib } from './lib'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

export interface StreamResult {
  readonly target: string
  readonly customers: number
  readonly pages: number
  readonly ms: number
  readonly startMb: number
  readonly peakMb: number
  readonly endMb: number
  readonly retainedMinMb: number
  readonly retainedMaxMb: number
  readonly error?: string
}

const mb = (bytes: number): number => bytes / (1024 * 1024)

const collect = (): number => {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

export const runStream = async (lib: Lib, ctx: Ctx, target: string, expected: number): Promise<StreamResult> => {
  const start = collect()
  let peak = start
  let customers = 0
  let pages = 0
  let error: string | undefined
  const retained: Array<number> = [start]
  const t0 = performance.now()
  // Bounded: pages() stops on the last page; the counter is a second guard.
  for await (const page of lib.pages(lib.getCustomers(ctx, { size: 100 }))) {
    if (page._tag === 'Left') {
      error = JSON.stringify(page.left).slice(0, 300)
      break
    }
    customers += page.right.elements.length
    pages++
    const used = process.memoryUsage().heapUsed
    if (used > peak) peak = used
    if (pages % 20 === 0) retained.push(collect())
    if (pages > expected / 100 + 5) {
      error = 'more pages than expected'
      break
    }
  }
  const ms = performance.now() - t0
  const end = collect()
  retained.push(end)
  return {
    target,
    customers,
    pages,
    ms,
    startMb: mb(start),
    peakMb: mb(peak),
    endMb: mb(end),
    retainedMinMb: mb(Math.min(...retained)),
    retainedMaxMb: mb(Math.max(...retained)),
    ...(error === undefined ? {} : { error })
  }
}
