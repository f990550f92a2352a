// The small browser app of tests/browser/flow.test.ts: it reads its configuration from the page, runs the flow
// against the emulator (another origin, so every call is a CORS request) and leaves the outcome on `window`.
import { runFlow, type FlowConfig, type FlowResult } from './flow'

export type AppOutcome =
  | { readonly ok: true; readonly origin: string; readonly result: FlowResult }
  | { readonly ok: false; readonly origin: string; readonly error: string }

declare global {
  interface Window {
    __FLOW_CONFIG__?: FlowConfig
    __FLOW_OUTCOME__?: AppOutcome
  }
}

const report = (outcome: AppOutcome): void => {
  window.__FLOW_OUTCOME__ = outcome
  document.title = outcome.ok ? 'done' : 'failed'
  console.log(`flow: ${JSON.stringify(outcome)}`)
}

/** Runs the flow with the page's configuration. (Called by the entry: the package is `sideEffects: false`.) */
export const start = (): void => {
  const config = window.__FLOW_CONFIG__
  if (config === undefined) report({ ok: false, origin: location.origin, error: 'no __FLOW_CONFIG__ on the page' })
  else
    runFlow(config).then(
      (result) => report({ ok: true, origin: location.origin, result }),
      (e: unknown) =>
        report({
          ok: false,
          origin: location.origin,
          error: e instanceof Error ? `${e.name}: ${e.message}` : String(e)
        })
    )
}
