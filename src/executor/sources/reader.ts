import type { CancelCheck } from '../cancel-flag.js';
import type { Value } from '../values.js';
import type { TaskStats } from '../fragment.js';

/**
 * Reads raw stored rows for scan tasks inside a worker. Rows are arrays of the fetched columns'
 * raw cells, decoded by the caller. `afterPage` runs after each page's rows, and the read waits
 * for it: streamed results use it for back-pressure.
 */
export interface PartitionReader {
  readPartition(key: readonly Value[], clusteringValues: readonly Value[], onRow: (cells: unknown[]) => void, stats: TaskStats, signal?: CancelCheck, afterPage?: () => Promise<void>): Promise<void>;
  readTokenRange(start: string, end: string, onRow: (cells: unknown[]) => void, stats: TaskStats, signal?: CancelCheck, afterPage?: () => Promise<void>): Promise<void>;
}
