import type { MessagePort } from 'node:worker_threads';
import { TaskCancelled } from './cancel-flag.js';
import type { Row } from './values.js';

/**
 * Row batches sent from a worker task to the coordinator while the task runs, with credit-based
 * back-pressure: a worker keeps at most `WINDOW` batches unacknowledged, so a scan that returns
 * rows keeps a bounded number of them in memory however large the table is.
 */
export const WINDOW = 2;

/** Rows per batch a worker sends. */
export const BATCH_ROWS = 2000;

/** Worker side: collects rows and sends full batches, waiting for credit when the window is full. */
export class RowSender {
  private batch: Row[] = [];
  private unacknowledged = 0;
  /** Reads waiting for credit; several partition reads of one task may wait at once. */
  private waiting: (() => void)[] = [];
  private closed = false;

  constructor(private readonly port: MessagePort) {
    port.on('message', () => {
      this.unacknowledged -= 1;
      this.wake();
    });
    // The coordinator closes its end when it no longer wants rows (LIMIT met, query cancelled).
    port.on('close', () => {
      this.closed = true;
      this.wake();
    });
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }

  /** Waits until at most `limit` batches are unacknowledged; throws when the coordinator left. */
  private async waitFor(limit: number): Promise<void> {
    while (this.unacknowledged > limit && !this.closed) await new Promise<void>((resolve) => this.waiting.push(resolve));
    if (this.closed) throw new TaskCancelled();
  }

  add(row: Row): void {
    this.batch.push(row);
  }

  /** Sends the rows collected so far once a batch is full; waits while the window is full. */
  async flushIfFull(): Promise<void> {
    if (this.batch.length >= BATCH_ROWS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    await this.waitFor(WINDOW - 1);
    this.unacknowledged += 1;
    this.port.postMessage(this.batch);
    this.batch = [];
  }

  /**
   * Waits until the coordinator has taken every batch sent, so none is still in transit when the
   * task's result arrives, then returns the rows not sent yet for that result.
   */
  async finish(): Promise<Row[]> {
    await this.waitFor(0);
    const rest = this.batch;
    this.batch = [];
    this.port.close();
    return rest;
  }
}
