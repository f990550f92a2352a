/**
 * Progress on stderr: on a terminal, one bar redrawn in place (carriage return, at most every 100 ms); elsewhere
 * (CI logs, files), plain lines at each tenth of a known total, or every 1,000 rows, and at least every 5 seconds
 * while rows keep coming.
 *
 * @since 0.2.0
 */

/**
 * Where progress is written: a stream's `write`, and whether it is a terminal (and how wide).
 *
 * @category model
 * @since 0.2.0
 */
export interface ProgressOutput {
  readonly write: (text: string) => unknown
  readonly isTTY: boolean
  readonly columns?: number
}

/**
 * Counts so far.
 *
 * @category model
 * @since 0.2.0
 */
export interface Counts {
  readonly done: number
  readonly failed: number
}

/**
 * A progress display: `update` after each row (cheap: it draws only when due), `finish` once at the end.
 *
 * @category model
 * @since 0.2.0
 */
export interface Progress {
  readonly update: (counts: Counts) => void
  readonly finish: (counts: Counts) => void
}

/** Milliseconds between two redraws of the bar. */
const REDRAW_MS = 100
/** Milliseconds after which a plain line is due even if no step was crossed. */
const LINE_EVERY_MS = 5_000
/** Rows between two plain lines when the total is unknown. */
const LINE_EVERY_ROWS = 1_000
const BAR_WIDTH = 24

/**
 * `0.4s`, `12s`, `1m05s`, `1h02m`.
 *
 * @category helpers
 * @since 0.2.0
 */
export const duration = (ms: number): string => {
  if (ms < 9_950) return `${(Math.max(0, ms) / 1000).toFixed(1)}s`
  const s = Math.round(ms / 1000)
  if (s < 60) return `${s}s`
  const m = Math.floor(s / 60)
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`
}

const rateOf = (done: number, elapsedMs: number): number => (elapsedMs <= 0 ? 0 : (done * 1000) / elapsedMs)

/**
 * The text of the progress after `elapsedMs`: `[#####...] 600/1000 60% 812/s ETA 1s 3 failed` (with `?` for an
 * unknown total and no ETA then).
 *
 * @category helpers
 * @since 0.2.0
 */
export const progressText = (
  label: string,
  counts: Counts,
  total: number | undefined,
  elapsedMs: number,
  bar: boolean
): string => {
  const rate = rateOf(counts.done, elapsedMs)
  const parts: Array<string> = [label]
  if (bar) {
    const filled =
      total === undefined || total === 0 ? 0 : Math.min(BAR_WIDTH, Math.floor((counts.done / total) * BAR_WIDTH))
    parts.push(`[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}]`)
  }
  parts.push(`${counts.done}/${total === undefined ? '?' : total}`)
  if (total !== undefined && total > 0) parts.push(`${Math.min(100, Math.floor((counts.done / total) * 100))}%`)
  parts.push(`${rate < 10 ? rate.toFixed(1) : Math.round(rate)}/s`)
  if (total !== undefined && rate > 0 && counts.done < total)
    parts.push(`ETA ${duration(((total - counts.done) / rate) * 1000)}`)
  parts.push(`${counts.failed} failed`)
  if (!bar) parts.push(`elapsed ${duration(elapsedMs)}`)
  return parts.join(' ')
}

/**
 * A progress display on `out` for `label` (e.g. `import customers`), with a total when known.
 *
 * @category constructors
 * @since 0.2.0
 */
export const createProgress = (
  out: ProgressOutput,
  label: string,
  total: number | undefined,
  now: () => number
): Progress => {
  const started = now()
  let lastDraw = Number.NEGATIVE_INFINITY
  let lastLine = started
  let lastStep = 0
  let printed = -1
  let lastLen = 0
  const step = total !== undefined && total > 0 ? Math.max(1, Math.ceil(total / 10)) : LINE_EVERY_ROWS

  const draw = (counts: Counts, t: number): void => {
    let text = progressText(label, counts, total, t - started, true)
    const width = (out.columns ?? 80) - 1
    if (text.length > width && width > 20) text = text.slice(0, width)
    // Carriage return, the bar, and spaces over what a longer previous bar left.
    out.write(`\r${text}${' '.repeat(Math.max(0, lastLen - text.length))}`)
    lastLen = text.length
    lastDraw = t
  }

  const line = (counts: Counts, t: number): void => {
    out.write(`${progressText(label, counts, total, t - started, false)}\n`)
    lastLine = t
    lastStep = Math.floor(counts.done / step)
    printed = counts.done
  }

  return {
    update: (counts) => {
      const t = now()
      if (out.isTTY) {
        if (t - lastDraw >= REDRAW_MS) draw(counts, t)
      } else if (Math.floor(counts.done / step) > lastStep || t - lastLine >= LINE_EVERY_MS) line(counts, t)
    },
    finish: (counts) => {
      const t = now()
      if (out.isTTY) {
        draw(counts, t)
        out.write('\n')
      } else if (printed !== counts.done) line(counts, t)
    }
  }
}
