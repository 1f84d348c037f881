import type cassandra from 'cassandra-driver';
import type { TableDef } from '../../catalog/table.js';
import type { CassandraOptions } from '../../cassandra/options.js';
import { forEachBounded } from '../run-fragment.js';
import { cellDecoder } from '../sources/decode.js';
import { discoverCassandraRange } from '../sources/cassandra-reader.js';
import type { Value } from '../values.js';
import { splitTokenRing, type CoordinatorTarget } from './target.js';
import { partitionKey } from '../../catalog/table.js';

/** Token ranges partition discovery splits the ring into, read in parallel. */
const DISCOVERY_RANGES = 64;
const DISCOVERY_CONCURRENCY = 16;

/** A Cassandra cluster as seen by the coordinator, through its own client. */
export class CassandraTarget implements CoordinatorTarget {
  readonly dialect = 'cql' as const;
  readonly spec;
  private readonly cache = new Map<string, Value[][]>();

  constructor(
    readonly client: cassandra.Client,
    options: CassandraOptions,
  ) {
    this.spec = { kind: 'cassandra', options } as const;
  }

  async discoverPartitions(table: TableDef, discoveryStatement: string, signal?: AbortSignal): Promise<Value[][]> {
    const cacheKey = `${table.keyspace}.${table.name}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const decoders = partitionKey(table).map((c) => cellDecoder(c.cqlType, 'cassandra'));
    const keys: Value[][] = [];
    await forEachBounded(splitTokenRing(DISCOVERY_RANGES), DISCOVERY_CONCURRENCY, async (range) => {
      signal?.throwIfAborted();
      const rows = await discoverCassandraRange(this.client, discoveryStatement, range.start, range.end, 5000);
      for (const row of rows) keys.push(row.map((cell, i) => decoders[i]!(cell)));
    });
    this.cache.set(cacheKey, keys);
    return keys;
  }

  tokenRanges(count: number): { start: string; end: string }[] {
    return splitTokenRing(count);
  }

  clearCache(): void {
    this.cache.clear();
  }

  async close(): Promise<void> {
    this.cache.clear();
    await this.client.shutdown();
  }
}
