// examples/otel.ts, run: the spans its hooks make for real calls (a recording tracer of the same shape as
// OpenTelemetry's), with retries, failures, concurrent calls and an abort before the first attempt.
import { describe, expect, it } from 'vitest'
import type { Context } from '../src/context'
import { getCustomer } from '../src/customers'
import { SPAN_KIND_CLIENT, SPAN_STATUS_ERROR, tracingHooks, type Span, type Tracer } from '../examples/otel'
import { json, useRecorder } from './helpers/recorder'
import { expectLeft, expectRight } from './helpers/either'

const server = useRecorder()

interface Recorded {
  readonly name: string
  readonly kind: number | undefined
  readonly attributes: Record<string, unknown>
  readonly events: Array<{ name: string; attributes: unknown }>
  status?: { code: number; message?: string }
  ended: number
}

const recordingTracer = () => {
  const spans: Array<Recorded> = []
  const tracer: Tracer = {
    startSpan: (name, options) => {
      const r: Recorded = { name, kind: options?.kind, attributes: { ...options?.attributes }, events: [], ended: 0 }
      spans.push(r)
      const span: Span = {
        setAttribute: (k, v) => (r.attributes[k] = v),
        addEvent: (n, attributes) => r.events.push({ name: n, attributes }),
        setStatus: (s) => (r.status = s),
        end: () => void r.ended++
      }
      return span
    }
  }
  return { spans, tracer }
}

const customer = { id: 'c1', nodeId: 'node' }

const contextWith = (tracer: Tracer, over: Partial<Context> = {}): Context => ({
  workspaceId: 'ws',
  nodeId: 'node',
  token: 'tok-OTEL',
  baseUrl: server.url,
  clock: { random: () => 0, sleep: () => Promise.resolve() },
  hooks: tracingHooks(tracer),
  ...over
})

describe('examples/otel.ts: a span per call', () => {
  it('a call retried once: one client span, the resend count, the final status, a retry event, ended once', async () => {
    let n = 0
    server.handle((_, res) => (++n < 2 ? json(res, 503, {}) : json(res, 200, customer)))
    const { spans, tracer } = recordingTracer()
    expectRight(await getCustomer(contextWith(tracer), 'c1')())
    expect(spans).toEqual([
      {
        name: 'GET getCustomer',
        kind: SPAN_KIND_CLIENT,
        attributes: {
          'http.request.method': 'GET',
          'url.path': '/workspaces/ws/customers/c1',
          'contacthub.operation': 'getCustomer',
          'http.request.resend_count': 1,
          'http.response.status_code': 200
        },
        events: [{ name: 'retry', attributes: { attempt: 1, 'error.type': 'HttpError', 'contacthub.delay_ms': 0 } }],
        ended: 1
      }
    ])
  })

  it('a failed call: error.type and an error status', async () => {
    server.handle((_, res) => json(res, 404, { message: 'Customer not found' }))
    const { spans, tracer } = recordingTracer()
    expectLeft(await getCustomer(contextWith(tracer), 'c1')())
    expect(spans).toHaveLength(1)
    expect(spans[0]).toMatchObject({
      attributes: { 'http.response.status_code': 404, 'error.type': 'HttpError' },
      status: { code: SPAN_STATUS_ERROR, message: 'HttpError' },
      ended: 1
    })
  })

  it('concurrent calls get a span each; a call aborted before its first attempt gets one too', async () => {
    server.handle((req, res) => json(res, 200, { ...customer, id: req.path.split('/').pop() }))
    const { spans, tracer } = recordingTracer()
    const ctx = contextWith(tracer)
    await Promise.all(['a', 'b', 'c'].map((id) => getCustomer(ctx, id)()))
    expect(spans.map((s) => s.attributes['url.path']).sort()).toEqual(
      ['a', 'b', 'c'].map((id) => `/workspaces/ws/customers/${id}`)
    )
    expect(spans.every((s) => s.ended === 1 && s.status === undefined)).toBe(true)
    const aborted = AbortSignal.abort()
    expectLeft(await getCustomer({ ...ctx, signal: aborted }, 'd')())
    expect(spans[3]).toMatchObject({ name: 'GET getCustomer', attributes: { 'error.type': 'AbortError' }, ended: 1 })
  })
})
