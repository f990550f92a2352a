// Timing helpers: bounded throughput loops with client CPU accounting, and medians.

export interface Sample {
  /** Completed calls per second of wall time. */
  readonly perSec: number
  /** Client-process CPU (user + system, every thread) per call, in microseconds. */
  readonly cpuUs: number
  readonly calls: number
  readonly ms: number
}

/**
 * Runs `call` from `concurrency` workers until `durationMs` has passed or `maxCalls` calls have been made
 * (whichever comes first), and returns the throughput. A call that throws stops the measurement with that error.
 */
export const throughput = async (
  call: () => Promise<void>,
  concurrency: number,
  durationMs: number,
  maxCalls: number
): Promise<Sample> => {
  let calls = 0
  let started = 0
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const deadline = t0 + durationMs
  const worker = async (): Promise<void> => {
    while (started < maxCalls && performance.now() < deadline) {
      started++
      await call()
      calls++
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  const ms = performance.now() - t0
  const cpu = process.cpuUsage(cpu0)
  return { perSec: (calls * 1000) / ms, cpuUs: (cpu.user + cpu.system) / calls, calls, ms }
}

/**
 * CPU nanoseconds (this process, user + system) per call of a synchronous function, over about `durationMs` of wall
 * time (bounded by `maxCalls`). CPU time rather than wall time: other processes on a shared machine take the cores
 * away, which wall time would count.
 */
export const nsPerOp = (f: () => unknown, durationMs: number, maxCalls = 10_000_000): number => {
  let sink = 0
  let n = 0
  const cpu0 = process.cpuUsage()
  const deadline = performance.now() + durationMs
  // Batches of 8 keep the clock out of the measurement for small functions.
  while (n < maxCalls && performance.now() < deadline) {
    for (let i = 0; i < 8; i++) if (f() !== undefined) sink++
    n += 8
  }
  const cpu = process.cpuUsage(cpu0)
  if (sink < 0) console.log(sink)
  return ((cpu.user + cpu.system) * 1000) / n
}

export const median = (xs: ReadonlyArray<number>): number => {
  if (xs.length === 0) return NaN
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  const at = (i: number): number => s[i] ?? NaN
  return s.length % 2 === 1 ? at(m) : (at(m - 1) + at(m)) / 2
}

/** `xs` rotated left by `by`: round r puts a different side first. */
export const rotate = <A>(xs: ReadonlyArray<A>, by: number): ReadonlyArray<A> => {
  const k = ((by % xs.length) + xs.length) % xs.length
  return [...xs.slice(k), ...xs.slice(0, k)]
}
