/**
 * Session settings that change planning and execution; `SET name = value` edits them.
 *
 * @example
 * await open({ db: 'events.db', settings: { workers: 4, timeZone: 'Europe/Berlin', timeoutMs: 30_000 } });
 */
export interface Settings {
  /** IANA zone for displaying timestamps and for date_trunc, EXTRACT and strftime. */
  timeZone: string;
  /** Worker threads; defaults to the machine's available parallelism. */
  workers: number;
  /** Rows per page for Cassandra reads. */
  fetchSize: number;
  /** Partition reads each worker keeps in flight. */
  concurrency: number;
  /** Largest partition list built from a predicate; larger ones use partition discovery. */
  maxEnumeratedPartitions: number;
  /** Partitions per scan task. */
  partitionsPerTask: number;
  /** Push CQL GROUP BY into Cassandra reads when a query allows it. */
  pushdownAggregation: boolean;
  /** Per-query time limit in ms; 0 means none. */
  timeoutMs: number;
  /** Per-read timeout in ms for Cassandra. */
  readTimeoutMs: number;
  /** Bytes of group-by state before a query stops with a resource-limit error. */
  memoryLimitBytes: number;
}
