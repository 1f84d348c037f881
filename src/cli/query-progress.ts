import type { Progress } from '../executor/execute.js';
import { formatCount } from '../loader/progress.js';

/** A stream the progress line is drawn on; only a terminal gets one. */
export interface ProgressTerminal {
  readonly isTTY?: boolean;
  write(text: string): boolean;
}

/** Time a statement runs before its progress line appears. */
const SHOW_AFTER_MS = 500;
/** Time between redraws: at most 10 per second. */
const REDRAW_MS = 100;

/**
 * The progress line of one running statement on standard error: elapsed time, scan tasks done,
 * partitions read and rows scanned. It appears only on a terminal and only for a statement that
 * runs longer than half a second, is redrawn at most 10 times per second, and is erased by `stop`.
 */
export class QueryProgress {
  private readonly enabled: boolean;
  private startedAt = 0;
  private latest: Progress | null = null;
  private rows = 0;
  private showTimer: NodeJS.Timeout | null = null;
  private redrawTimer: NodeJS.Timeout | null = null;
  private drawn = false;

  constructor(private readonly stream: ProgressTerminal) {
    this.enabled = stream.isTTY === true;
  }

  start(): void {
    this.stop();
    this.startedAt = performance.now();
    this.latest = null;
    this.rows = 0;
    if (!this.enabled) return;
    this.showTimer = setTimeout(() => {
      this.draw();
      this.redrawTimer = setInterval(() => this.draw(), REDRAW_MS);
      this.redrawTimer.unref();
    }, SHOW_AFTER_MS);
    this.showTimer.unref();
  }

  /** Records the engine's latest counters; the next redraw shows them. */
  readonly update = (progress: Progress): void => {
    this.latest = progress;
  };

  /** Adds rows of the result that have been produced. */
  addRows(count: number): void {
    this.rows += count;
  }

  /** Stops redrawing and erases the line. */
  stop(): void {
    if (this.showTimer !== null) clearTimeout(this.showTimer);
    if (this.redrawTimer !== null) clearInterval(this.redrawTimer);
    this.showTimer = null;
    this.redrawTimer = null;
    if (this.drawn) this.stream.write('\r\x1b[2K');
    this.drawn = false;
  }

  private draw(): void {
    const seconds = (performance.now() - this.startedAt) / 1000;
    const parts = [`running ${seconds.toFixed(1)} s`];
    const progress = this.latest;
    if (progress !== null) {
      if (progress.tasksTotal > 0) parts.push(`${formatCount(progress.tasksDone)}/${formatCount(progress.tasksTotal)} scan tasks`);
      parts.push(`${formatCount(progress.partitions)} partitions`, `${formatCount(progress.rowsScanned)} rows scanned`);
    }
    if (this.rows > 0) parts.push(`${formatCount(this.rows)} result rows`);
    this.stream.write(`\r\x1b[2K${parts.join(', ')} (Ctrl-C cancels)`);
    this.drawn = true;
  }
}
