/**
 * Timers that really wait: Node and browsers fire a `setTimeout` of more than 2^31-1 ms (about 24.8 days) at once,
 * so a longer wait is chained from shorter ones. Internal.
 *
 * @since 0.2.0
 */

/** The longest delay `setTimeout` honours. */
const MAX_TIMER_MS = 2 ** 31 - 1

/**
 * Calls `fn` after `ms` milliseconds (never, when `ms` is `Infinity`), however long that is; returns a function that
 * cancels it.
 *
 * @category utils
 * @since 0.2.0
 */
export const after = (ms: number, fn: () => void): (() => void) => {
  if (ms === Infinity) return () => undefined
  let left = ms
  let timer: ReturnType<typeof setTimeout>
  const step = (): void => {
    if (left <= MAX_TIMER_MS) {
      timer = setTimeout(fn, left)
      return
    }
    left -= MAX_TIMER_MS
    timer = setTimeout(step, MAX_TIMER_MS)
  }
  step()
  return () => clearTimeout(timer)
}
