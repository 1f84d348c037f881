/**
 * A destination for loaded or generated rows: the embedded store or a Cassandra table.
 *
 * Values arrive already converted to the column's CQL type (see `convert.ts`): int columns as
 * number, bigint and varint as bigint, text as string, boolean, double as number, and null.
 */
export type CellValue = null | boolean | number | bigint | string;

/** One row keyed by column name. */
export type Row = Readonly<Record<string, CellValue>>;

export interface RowSink {
  /** Destination of the rows, for messages: a file path or `host:port keyspace.table`. */
  readonly description: string;
  /**
   * Writes a batch. Resolves once every row is stored. The rows of one call may be stored in any
   * order, so rows that share a primary key belong in separate calls.
   *
   * Rejects with `RowRejectedError` when the store rejects a row for its content. Other rows of
   * the batch may then be stored or not, and writing any of them again stores the same row.
   * Any other rejection is a failure of the store itself, such as a lost connection.
   */
  write(rows: readonly Row[]): Promise<void>;
  /** Flushes and releases the connection or file handle. */
  close(): Promise<void>;
}

/**
 * Raised by `RowSink.write` when the store rejects a row for its content, for example a key
 * longer than the store allows. Writing the other rows of the batch again can succeed.
 */
export class RowRejectedError extends Error {
  /**
   * The store's reason in one line without the row's position in the batch, for the reject file,
   * such as "Cassandra rejected the row: Key length of 70013 is longer than maximum of 65535".
   */
  readonly reason: string;

  constructor(message: string, reason: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RowRejectedError';
    this.reason = reason;
  }
}
