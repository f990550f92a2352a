/**
 * Calling the context's hooks (`ctx.hooks`) so that nothing they do reaches the call: a throw is caught, a rejected
 * promise is caught, and the event is built inside the same guard (building it reads the clock). Internal.
 *
 * @since 0.2.0
 */
import type { Clock, Hooks } from '../context'

/**
 * Does nothing.
 *
 * @category utils
 * @since 0.2.0
 */
export const noop = (): void => undefined

/**
 * Calls `hooks[name]` (if any) with the event `make` builds; never throws (a getter on `hooks` neither), never
 * rejects, never waits.
 *
 * @category utils
 * @since 0.2.0
 */
export const emit = (hooks: Hooks, name: keyof Hooks, make: () => object): void => {
  try {
    const hook = hooks[name] as ((event: object) => unknown) | undefined
    // Promise.resolve adopts a thenable (its `then` is called later, its rejection dropped).
    if (hook) Promise.resolve(hook(make())).catch(noop)
  } catch {
    // A hook's failure (or the clock's) is not the call's: the call goes on.
  }
}

/**
 * The time by `clock.now`; `NaN` when the clock throws (a duration is not worth failing a call for, and without
 * hooks a call never needed the clock's time).
 *
 * @category utils
 * @since 0.2.0
 */
export const timeOf = (clock: Clock): number => {
  try {
    return clock.now()
  } catch {
    return NaN
  }
}
