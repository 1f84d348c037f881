import type { TableDef } from '../../catalog/table.js';
import type { TargetSpec } from '../fragment.js';
import type { Value } from '../values.js';

/**
 * The coordinator's side of a store: what it needs beyond the workers' reads. Partition discovery
 * runs here, and its result is cached for the session.
 */
export interface CoordinatorTarget {
  readonly spec: TargetSpec;
  readonly dialect: 'cql' | 'sqlite';
  /** Every partition key of a table, in partition-key column order. */
  discoverPartitions(table: TableDef, discoveryStatement: string, signal?: AbortSignal): Promise<Value[][]>;
  /** Splits the token ring into `count` ranges (start exclusive, end inclusive), for full scans. */
  tokenRanges(count: number): { start: string; end: string }[];
  /** Forgets cached partition lists, after a load or on request. */
  clearCache(): void;
  close(): Promise<void>;
}

const MIN_TOKEN = -(2n ** 63n);
const MAX_TOKEN = 2n ** 63n - 1n;

/**
 * Splits the Murmur3 token ring into `count` contiguous ranges. Murmur3Partitioner never produces
 * the minimum token, so (MIN, ..., MAX] covers every partition.
 */
export function splitTokenRing(count: number): { start: string; end: string }[] {
  const ranges: { start: string; end: string }[] = [];
  const width = (MAX_TOKEN - MIN_TOKEN) / BigInt(count);
  let start = MIN_TOKEN;
  for (let i = 0; i < count; i++) {
    const end = i === count - 1 ? MAX_TOKEN : start + width;
    ranges.push({ start: start.toString(), end: end.toString() });
    start = end;
  }
  return ranges;
}
