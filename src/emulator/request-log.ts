/**
 * The emulator's request log: the latest requests, bounded by count and by bytes (URL, headers and bodies), oldest
 * dropped first. It never holds a bearer token (only whether one was sent), and keeps the body only of requests that
 * were authenticated and routed, so that a flood of large or unauthenticated bodies cannot exhaust memory.
 *
 * @since 0.2.0
 */
import type { Fault } from './faults'

/**
 * One request the emulator received, as its log keeps it.
 *
 * @category model
 * @since 0.1.0
 */
export interface RecordedRequest {
  /** 0, 1, 2... in order of arrival. */
  readonly seq: number
  readonly method: string
  /** The path and query string as sent. */
  readonly url: string
  /** The URL path, e.g. `/hub/v1/workspaces/w/customers`. */
  readonly path: string
  /** The query parameters (a repeated parameter has every value). */
  readonly query: Readonly<Record<string, ReadonlyArray<string>>>
  /** Request headers, lower-case names; never `authorization` (see `hasToken`). */
  readonly headers: Readonly<Record<string, string>>
  /**
   * The body: parsed JSON, the raw text when it is not JSON, `undefined` when empty, and also for requests that were
   * not authenticated or not routed, and when the body alone is larger than the log's byte bound.
   */
  readonly body: unknown
  /** When it arrived (the emulator's clock). */
  readonly at: number
  /** The status answered; `undefined` while pending, and for requests that were reset or left hanging. */
  readonly status: number | undefined
  /** The fault it took, if any. */
  readonly fault: Fault['kind'] | undefined
  /**
   * Whether an `Authorization` header was sent. The token itself is never kept (a wrong token sent by mistake may be
   * a real one).
   *
   * @since 0.2.0
   */
  readonly hasToken: boolean
  /**
   * What this record counts against the log's byte bound: the UTF-8 bytes of its URL, its header names and values,
   * and its kept body as sent.
   *
   * @since 0.2.0
   */
  readonly bytes: number
}

/**
 * A record the HTTP layer fills in as the request goes.
 *
 * @category model
 * @since 0.1.0
 */
export type MutableRecord = { -readonly [K in keyof RecordedRequest]: RecordedRequest[K] }

/**
 * The log of one emulator.
 *
 * @category model
 * @since 0.2.0
 */
export interface RequestLog {
  /** The records, oldest first: a live view. */
  readonly records: ReadonlyArray<RecordedRequest>
  /** The bytes the records count (see {@link RecordedRequest.bytes}); at most `maxBytes`. */
  readonly bytes: () => number
  /** Adds a record (its body not yet known) and drops the oldest ones over the bounds. */
  readonly add: (record: MutableRecord) => void
  /** Keeps a body, `size` bytes as sent, unless that alone is over the byte bound; drops the oldest records over it. */
  readonly keepBody: (record: MutableRecord, body: unknown, size: number) => void
  readonly clear: () => void
}

/** The UTF-8 bytes of a string. */
const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8')

/**
 * The bytes of a record without its body.
 *
 * @category helpers
 * @since 0.2.0
 */
export const headBytes = (url: string, headers: Readonly<Record<string, string>>): number => {
  let n = utf8(url)
  for (const [k, v] of Object.entries(headers)) n += utf8(k) + utf8(v)
  return n
}

/**
 * A log that keeps at most `maxRequests` records and `maxBytes` bytes.
 *
 * @category constructors
 * @since 0.2.0
 */
export const createRequestLog = (maxRequests: number, maxBytes: number): RequestLog => {
  const records: Array<MutableRecord> = []
  let total = 0

  const trim = (): void => {
    let drop = 0
    let freed = 0
    while (
      drop < records.length &&
      (records.length - drop > maxRequests || total - freed > maxBytes) &&
      // the newest record stays, whatever its size: its body is only kept when it fits
      drop < records.length - 1
    ) {
      freed += records[drop]?.bytes ?? 0
      drop++
    }
    if (records.length - drop > maxRequests) {
      freed += records[drop]?.bytes ?? 0
      drop++
    }
    if (drop > 0) {
      records.splice(0, drop)
      total -= freed
    }
  }

  return {
    records,
    bytes: () => total,
    add: (record) => {
      records.push(record)
      total += record.bytes
      trim()
    },
    keepBody: (record, body, size) => {
      if (!records.includes(record) || record.bytes + size > maxBytes) return
      record.body = body
      record.bytes += size
      total += size
      trim()
    },
    clear: () => {
      records.length = 0
      total = 0
    }
  }
}
