import type { CancelCheck } from '../cancel-flag.js';
import type { Value } from '../values.js';
import type { TaskStats } from '../fragment.js';

/**
 * Reads raw stored rows for scan tasks inside a worker. Rows are arrays of the fetched columns'
 * raw cells, decoded by the caller. `onRow` returning false stops the read early.
 */
export interface PartitionReader {
  readPartition(key: readonly Value[], clusteringValues: readonly Value[], onRow: (cells: unknown[]) => void, stats: TaskStats, signal?: CancelCheck): Promise<void>;
  readTokenRange(start: string, end: string, onRow: (cells: unknown[]) => void, stats: TaskStats, signal?: CancelCheck): Promise<void>;
}
