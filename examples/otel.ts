// An OpenTelemetry span per call, made with `ctx.hooks`, without OpenTelemetry as a dependency.
//
// The types below are the few members of the OpenTelemetry API (`@opentelemetry/api`) that the hooks use, written
// out: a real `Tracer` from `trace.getTracer('my-app')` has them. With the API installed:
//
//   import { trace } from '@opentelemetry/api'
//   const ctx = { ...myContext, hooks: tracingHooks(trace.getTracer('my-app')) }
//
// One span per call (not per attempt): it starts before the first attempt and ends when the call does. It carries
// the method, the path and the operation; the last status; one `retry` event per retry (with the failed attempt's
// error type and the wait); the number of resends; and, when the call failed, `error.type` and an error status.
// Attribute names follow OpenTelemetry's HTTP client conventions where one fits.
import type { Hooks } from 'contacthub-fp'

/** `SpanKind.CLIENT` of the OpenTelemetry API. */
export const SPAN_KIND_CLIENT = 2

/** `SpanStatusCode.ERROR` of the OpenTelemetry API. */
export const SPAN_STATUS_ERROR = 2

type Attributes = Record<string, string | number | boolean>

/** The members of an OpenTelemetry `Span` these hooks use. */
export interface Span {
  setAttribute(key: string, value: string | number | boolean): unknown
  addEvent(name: string, attributes?: Attributes): unknown
  setStatus(status: { code: number; message?: string }): unknown
  end(): void
}

/** The member of an OpenTelemetry `Tracer` these hooks use. */
export interface Tracer {
  startSpan(name: string, options?: { kind?: number; attributes?: Attributes }): Span
}

/** Hooks that make a span per call with `tracer`; spans are kept only while their call runs. */
export const tracingHooks = (tracer: Tracer): Hooks => {
  const spans = new Map<number, Span>()
  return {
    onRequest: (e) => {
      const span = spans.get(e.callId)
      if (span === undefined)
        spans.set(
          e.callId,
          tracer.startSpan(`${e.method} ${e.operation}`, {
            kind: SPAN_KIND_CLIENT,
            attributes: { 'http.request.method': e.method, 'url.path': e.path, 'contacthub.operation': e.operation }
          })
        )
      else span.setAttribute('http.request.resend_count', e.attempt - 1)
    },
    onResponse: (e) => spans.get(e.callId)?.setAttribute('http.response.status_code', e.status),
    onRetry: (e) =>
      spans
        .get(e.callId)
        ?.addEvent('retry', { attempt: e.attempt, 'error.type': e.tag, 'contacthub.delay_ms': e.delayMs }),
    onDone: (e) => {
      // A call aborted before its first attempt has no span yet: it gets one, ended at once.
      const span = spans.get(e.callId) ?? tracer.startSpan(`${e.method} ${e.operation}`, { kind: SPAN_KIND_CLIENT })
      spans.delete(e.callId)
      if (e.tag !== undefined) {
        span.setAttribute('error.type', e.tag)
        span.setStatus({ code: SPAN_STATUS_ERROR, message: e.tag })
      }
      span.end()
    }
  }
}
