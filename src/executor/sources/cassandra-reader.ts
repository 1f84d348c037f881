import type { CancelCheck } from '../cancel-flag.js';
import cassandra from 'cassandra-driver';
import type { Value } from '../values.js';
import type { TaskStats } from '../fragment.js';
import type { PartitionReader } from './reader.js';
import { ExecutionError } from '../../errors.js';

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
    private readonly keyColumns: readonly string[],
  ) {}

  async readPartition(key: readonly Value[], clusteringValues: readonly Value[], onRow: (cells: unknown[]) => void, stats: TaskStats, signal?: CancelCheck, afterPage?: () => Promise<void>): Promise<void> {
    stats.partitions += 1;
    const where = `partition (${this.keyColumns.map((name, i) => `${name}=${String(key[i])}`).join(', ')})`;
    await this.readPages(this.partitionCql, [...key, ...clusteringValues].map(toCql), onRow, stats, where, signal, afterPage);
  }

  async readTokenRange(start: string, end: string, onRow: (cells: unknown[]) => void, stats: TaskStats, signal?: CancelCheck, afterPage?: () => Promise<void>): Promise<void> {
    if (!this.tokenRangeCql) throw new Error('no token-range statement for this scan');
    const params = [cassandra.types.Long.fromString(start), cassandra.types.Long.fromString(end)];
    await this.readPages(this.tokenRangeCql, params, onRow, stats, `token range (${start}, ${end}]`, signal, afterPage);
  }

  private async readPages(cql: string, params: unknown[], onRow: (cells: unknown[]) => void, stats: TaskStats, where: string, signal?: CancelCheck, afterPage?: () => Promise<void>): Promise<void> {
    let pageState: string | undefined;
    do {
      signal?.throwIfAborted();
      const options = { prepare: true, isIdempotent: true, fetchSize: this.fetchSize, pageState, readTimeout: this.readTimeoutMs };
      const result = await executeWithRetry(() => this.client.execute(cql, params, options), where, this.readTimeoutMs, signal);
      stats.pages += 1;
      const names = result.columns.map((c) => c.name);
      for (const row of result.rows) {
        const cells = new Array<unknown>(names.length);
        for (let i = 0; i < names.length; i++) cells[i] = row.get(i);
        stats.rowsScanned += 1;
        onRow(cells);
      }
      pageState = result.pageState ?? undefined;
      await afterPage?.();
    } while (pageState);
  }
}

/** Attempts of one page read before the query fails. */
const MAX_ATTEMPTS = 4;
const FIRST_BACKOFF_MS = 100;

/**
 * Runs a read, retrying timeouts and missing replicas with exponential backoff (100, 200, 400 ms).
 * After the last attempt it raises an ExecutionError naming the partition or token range, the
 * driver's error and the setting that raises the timeout. Other errors fail at once.
 */
async function executeWithRetry(read: () => Promise<cassandra.types.ResultSet>, where: string, readTimeoutMs: number, signal?: CancelCheck): Promise<cassandra.types.ResultSet> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (signal?.aborted) throw error;
      const retryable = isRetryable(error);
      if (!retryable || attempt === MAX_ATTEMPTS) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ExecutionError(
          retryable ? 'READ_TIMEOUT' : 'READ_FAILED',
          `reading ${where} failed${retryable ? ` after ${attempt} attempts` : ''}: ${reason}`,
          {
            hint: retryable
              ? `the per-read timeout is ${readTimeoutMs} ms; raise it with SET read_timeout = '30s', or check that enough replicas are up`
              : 'check the table and the cluster; the query was stopped and returned no partial result',
          },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, FIRST_BACKOFF_MS * 2 ** (attempt - 1)));
    }
  }
}

const RETRYABLE_CODES = new Set([
  cassandra.types.responseErrorCodes.readTimeout,
  cassandra.types.responseErrorCodes.unavailableException,
  cassandra.types.responseErrorCodes.overloaded,
]);

function isRetryable(error: unknown): boolean {
  if (error instanceof cassandra.errors.OperationTimedOutError || error instanceof cassandra.errors.NoHostAvailableError) return true;
  return error instanceof cassandra.errors.ResponseError && RETRYABLE_CODES.has(error.code);
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
