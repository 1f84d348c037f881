import cassandra from 'cassandra-driver';
import type { Value } from '../values.js';
import type { TaskStats } from '../fragment.js';
import type { PartitionReader } from './reader.js';

/**
 * Reads partitions and token ranges from Cassandra with prepared statements (so the driver routes
 * each read to a replica that owns it), marked idempotent so the driver may retry them, paging
 * with the fragment's fetch size.
 */
export class CassandraReader implements PartitionReader {
  constructor(
    private readonly client: cassandra.Client,
    private readonly partitionCql: string,
    private readonly tokenRangeCql: string | null,
    private readonly fetchSize: number,
    private readonly readTimeoutMs: number,
  ) {}

  async readPartition(key: readonly Value[], clusteringValues: readonly Value[], onRow: (cells: unknown[]) => void, stats: TaskStats, signal?: AbortSignal): Promise<void> {
    stats.partitions += 1;
    await this.readPages(this.partitionCql, [...key, ...clusteringValues].map(toCql), onRow, stats, signal);
  }

  async readTokenRange(start: string, end: string, onRow: (cells: unknown[]) => void, stats: TaskStats, signal?: AbortSignal): Promise<void> {
    if (!this.tokenRangeCql) throw new Error('no token-range statement for this scan');
    await this.readPages(this.tokenRangeCql, [cassandra.types.Long.fromString(start), cassandra.types.Long.fromString(end)], onRow, stats, signal);
  }

  private async readPages(cql: string, params: unknown[], onRow: (cells: unknown[]) => void, stats: TaskStats, signal?: AbortSignal): Promise<void> {
    let pageState: string | undefined;
    do {
      signal?.throwIfAborted();
      const result = await this.client.execute(cql, params, {
        prepare: true,
        isIdempotent: true,
        fetchSize: this.fetchSize,
        pageState,
        readTimeout: this.readTimeoutMs,
      });
      stats.pages += 1;
      const names = result.columns.map((c) => c.name);
      for (const row of result.rows) {
        const cells = new Array<unknown>(names.length);
        for (let i = 0; i < names.length; i++) cells[i] = row.get(i);
        stats.rowsScanned += 1;
        onRow(cells);
      }
      pageState = result.pageState ?? undefined;
    } while (pageState);
  }
}

/** Converts an executor value to what cassandra-driver binds for an int, bigint or text column. */
function toCql(value: Value): unknown {
  if (typeof value === 'bigint') return cassandra.types.Long.fromString(value.toString());
  return value;
}

/** Lists distinct partition keys in one token range. */
export async function discoverCassandraRange(client: cassandra.Client, discoveryCql: string, start: string, end: string, fetchSize: number): Promise<unknown[][]> {
  const keys: unknown[][] = [];
  let pageState: string | undefined;
  do {
    const result = await client.execute(discoveryCql, [cassandra.types.Long.fromString(start), cassandra.types.Long.fromString(end)], {
      prepare: true,
      isIdempotent: true,
      fetchSize,
      pageState,
    });
    for (const row of result.rows) keys.push(result.columns.map((_, i) => row.get(i)));
    pageState = result.pageState ?? undefined;
  } while (pageState);
  return keys;
}
