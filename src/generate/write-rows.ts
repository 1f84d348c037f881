import { BatchWriter } from '../loader/batch-writer.js';
import type { Row, RowSink } from '../loader/sink.js';

export interface WriteRowsOptions {
  /** Rows per `RowSink.write` call. */
  readonly batchSize: number;
  /** Maximum number of `RowSink.write` calls in flight. */
  readonly concurrency: number;
  /** Called after each batch is handed to the sink, with the number of rows produced so far. */
  readonly onBatch?: (rowsProduced: number) => void;
}

/**
 * Copies rows into a sink in batches, waiting whenever `concurrency` writes are in flight so the
 * producer never runs far ahead of the store. Returns the number of rows written.
 */
export async function writeRows(rows: Iterable<Row> | AsyncIterable<Row>, sink: RowSink, options: WriteRowsOptions): Promise<number> {
  const writer = new BatchWriter(sink, options.concurrency);
  let produced = 0;
  for await (const batch of batches(rows, options.batchSize)) {
    produced += batch.length;
    await writer.submit(batch);
    options.onBatch?.(produced);
  }
  await writer.flush();
  return writer.written;
}

/** Groups rows into arrays, reading a synchronous source without an await per row. */
async function* batches(rows: Iterable<Row> | AsyncIterable<Row>, size: number): AsyncGenerator<Row[]> {
  let batch: Row[] = [];
  if (Symbol.iterator in rows) {
    for (const row of rows) {
      batch.push(row);
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
  } else {
    for await (const row of rows) {
      batch.push(row);
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}
