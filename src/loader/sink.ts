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
  /** Where the rows go, for messages: a file path or `host:port keyspace.table`. */
  readonly description: string;
  /** Writes a batch. Resolves once every row is stored; rejects on a failure of the store itself. */
  write(rows: readonly Row[]): Promise<void>;
  /** Flushes and releases the connection or file handle. */
  close(): Promise<void>;
}
