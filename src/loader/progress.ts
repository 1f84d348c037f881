/** Minimal view of a terminal stream, so the line can be tested without a terminal. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  /** Terminal width in characters, to which the line is cut. */
  readonly columns?: number;
  write(text: string): boolean;
}

const BAR_WIDTH = 20;

const REFRESH_MS = 250;

/**
 * A progress line redrawn in place on a terminal: rows, rows per second and, when the total is
 * known, a bar, percent done and ETA. On a stream that is not a terminal it writes nothing, so redirected
 * output holds only the summary.
 */
export class ProgressLine {
  private readonly enabled: boolean;
  private readonly startedAt = performance.now();
  private lastDrawAt = Number.NEGATIVE_INFINITY;
  private drawn = false;

  constructor(
    private readonly stream: ProgressStream | undefined,
    private readonly label: string,
  ) {
    this.enabled = stream?.isTTY === true;
  }

  /** Redraws at most every 250 ms. `done` and `total` measure progress in any unit (bytes, rows). */
  update(rows: number, done?: number, total?: number): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (now - this.lastDrawAt < REFRESH_MS) return;
    this.lastDrawAt = now;
    const seconds = (now - this.startedAt) / 1000;
    const rate = seconds > 0 ? rows / seconds : 0;
    let text = `${this.label}: ${formatCount(rows)} rows, ${formatCount(Math.round(rate))} rows/s`;
    if (done !== undefined && total !== undefined && total > 0 && done > 0) {
      const fraction = Math.min(1, done / total);
      const remaining = (seconds * (1 - fraction)) / fraction;
      const filled = Math.round(fraction * BAR_WIDTH);
      const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
      text = `${bar} ${Math.floor(fraction * 100)}% ${text}, ETA ${formatDuration(remaining)}`;
    }
    const width = this.stream!.columns;
    if (width !== undefined && width > 1 && text.length >= width) text = text.slice(0, width - 1);
    this.stream!.write(`\r\x1b[2K${text}`);
    this.drawn = true;
  }

  /** Erases the line, leaving the cursor at the start of an empty line. */
  clear(): void {
    if (this.enabled && this.drawn) this.stream!.write('\r\x1b[2K');
    this.drawn = false;
  }
}

/** Formats a count with thousands separators: 16657 as "16,657". */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole}s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes}m${String(whole % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}
