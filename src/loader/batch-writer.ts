import { RowRejectedError, type Row, type RowSink } from './sink.js';
import type { RowSource } from './source-record.js';

/** Receives a row that the store rejected even when written alone, with its source and the store's error. */
export type RejectedRowHandler = (source: RowSource, error: RowRejectedError) => void;

/** Single-row writes in flight while the rows of a rejected batch are written again one by one. */
const ROW_BY_ROW_CONCURRENCY = 16;

/**
 * Sends batches to a sink with at most `concurrency` writes in flight. `submit` waits for a slot,
 * so the reader never runs more than `concurrency` batches ahead of the store.
 *
 * When the store rejects a row of a batch (`RowRejectedError`), the batch was submitted with
 * sources and the writer has an `onRejected` handler, the rows of that batch are written again
 * one per write. Each row rejected again goes to `onRejected` and the others are stored. Any other
 * failure, or a rejected row without a source or handler, fails the writer: `submit` and `flush`
 * then throw the first failure.
 */
export class BatchWriter {
  private readonly inFlight = new Set<Promise<void>>();
  private failure: { readonly error: unknown } | undefined;
  private rowsWritten = 0;

  constructor(
    private readonly sink: RowSink,
    private readonly concurrency: number,
    private readonly onRejected?: RejectedRowHandler,
  ) {
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new RangeError(`write concurrency must be a positive integer, got ${concurrency}`);
    }
  }

  /** Rows whose write has completed. Rows passed to `onRejected` are not counted. */
  get written(): number {
    return this.rowsWritten;
  }

  /**
   * Starts writing a batch and resolves once fewer than `concurrency` writes are in flight.
   * `sources[i]`, when given, is where `rows[i]` came from.
   */
  async submit(rows: readonly Row[], sources?: readonly RowSource[]): Promise<void> {
    this.throwIfFailed();
    if (sources !== undefined && sources.length !== rows.length) {
      throw new RangeError(`a batch of ${rows.length} rows needs as many sources, got ${sources.length}`);
    }
    if (rows.length === 0) return;
    const write = this.writeBatch(rows, sources).catch((error: unknown) => {
      this.failure ??= { error };
    });
    const tracked = write.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
    while (this.inFlight.size >= this.concurrency) await Promise.race(this.inFlight);
    this.throwIfFailed();
  }

  /** Waits for every write in flight and throws the first write failure. */
  async flush(): Promise<void> {
    await this.settle();
    this.throwIfFailed();
  }

  /**
   * Waits for every write in flight without throwing, so that `onRejected` is not called after
   * it resolves. Callers use it before closing what the handler writes to.
   */
  async settle(): Promise<void> {
    // The tracked writes never reject: their failures are stored in `failure`.
    await Promise.all(this.inFlight);
  }

  private async writeBatch(rows: readonly Row[], sources: readonly RowSource[] | undefined): Promise<void> {
    try {
      await this.sink.write(rows);
    } catch (error) {
      const onRejected = this.onRejected;
      if (!(error instanceof RowRejectedError) || sources === undefined || onRejected === undefined) throw error;
      await this.writeRowByRow(rows, sources, onRejected);
      return;
    }
    this.rowsWritten += rows.length;
  }

  /**
   * Writes each row of a rejected batch alone, so that only the rows the store rejects again are
   * rejected. Resolves or throws only after every write it started has completed, so no handler
   * call comes after the batch has settled.
   */
  private async writeRowByRow(rows: readonly Row[], sources: readonly RowSource[], onRejected: RejectedRowHandler): Promise<void> {
    let next = 0;
    let failure: { readonly error: unknown } | undefined;
    const worker = async (): Promise<void> => {
      while (failure === undefined && next < rows.length) {
        const index = next++;
        try {
          await this.writeAlone(rows[index]!, sources[index]!, onRejected);
        } catch (error) {
          failure ??= { error };
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(ROW_BY_ROW_CONCURRENCY, rows.length) }, worker));
    if (failure !== undefined) throw failure.error;
  }

  /** Writes one row, passing it to `onRejected` when the store rejects it. */
  private async writeAlone(row: Row, source: RowSource, onRejected: RejectedRowHandler): Promise<void> {
    try {
      await this.sink.write([row]);
    } catch (error) {
      if (!(error instanceof RowRejectedError)) throw error;
      onRejected(source, error);
      return;
    }
    this.rowsWritten++;
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure.error;
  }
}
