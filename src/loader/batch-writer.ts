import type { Row, RowSink } from './sink.js';

/**
 * Sends batches to a sink with at most `concurrency` writes in flight. `submit` waits for a slot,
 * so the reader never runs more than `concurrency` batches ahead of the store.
 */
export class BatchWriter {
  private readonly inFlight = new Set<Promise<void>>();
  private failure: unknown;
  private rowsWritten = 0;

  constructor(
    private readonly sink: RowSink,
    private readonly concurrency: number,
  ) {
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new RangeError(`write concurrency must be a positive integer, got ${concurrency}`);
    }
  }

  /** Rows whose write has completed. */
  get written(): number {
    return this.rowsWritten;
  }

  /** Starts writing a batch and resolves once fewer than `concurrency` writes are in flight. */
  async submit(rows: readonly Row[]): Promise<void> {
    this.throwIfFailed();
    if (rows.length === 0) return;
    const write = this.sink.write(rows).then(
      () => {
        this.rowsWritten += rows.length;
      },
      (error: unknown) => {
        this.failure ??= error;
      },
    );
    const tracked = write.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
    while (this.inFlight.size >= this.concurrency) await Promise.race(this.inFlight);
    this.throwIfFailed();
  }

  /** Waits for every write in flight and throws the first write failure. */
  async flush(): Promise<void> {
    await Promise.all(this.inFlight);
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure;
  }
}
