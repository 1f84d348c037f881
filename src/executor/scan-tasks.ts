import { partitionKey } from '../catalog/table.js';
import type { ScanNode } from '../planner/logical.js';
import { keyInSpace } from '../planner/pruning/partitions.js';
import { readStatements } from '../planner/physical/statements.js';
import type { ScanTask } from './fragment.js';
import type { CoordinatorTarget } from './targets/target.js';
import type { Value } from './values.js';

export interface ScanTaskPlan {
  readonly tasks: ScanTask[];
  /** Partitions the tasks read; null for token-range scans, where the count is not known. */
  readonly partitions: number | null;
  readonly method: 'none' | 'enumerated' | 'discovered' | 'token_scan';
}

/**
 * Turns a scan's partition plan into tasks: batches of partition keys, or token ranges for a full
 * scan of Cassandra. The embedded store has no token ring, so its full scans read every
 * discovered partition instead.
 */
export async function planScanTasks(
  scan: ScanNode,
  target: CoordinatorTarget,
  options: { partitionsPerTask: number; tokenRanges: number },
  signal?: AbortSignal,
): Promise<ScanTaskPlan> {
  const batches = (keys: readonly (readonly Value[])[]): ScanTask[] => {
    const tasks: ScanTask[] = [];
    for (let i = 0; i < keys.length; i += options.partitionsPerTask) {
      tasks.push({ kind: 'partitions', keys: keys.slice(i, i + options.partitionsPerTask) });
    }
    return tasks;
  };
  const discover = () => {
    const statement = readStatements(target.dialect, scan.table, scan.columns, scan.clustering).discovery;
    return target.discoverPartitions(scan.table, statement, signal);
  };

  const plan = scan.partitions;
  switch (plan.kind) {
    case 'none':
      return { tasks: [], partitions: 0, method: 'none' };
    case 'enumerated':
      return { tasks: batches(plan.keys), partitions: plan.keys.length, method: 'enumerated' };
    case 'discovered': {
      const keys = (await discover()).filter((key) => keyInSpace(scan.table, scan.buckets, plan.space, key));
      return { tasks: batches(sortKeys(keys, partitionKey(scan.table).length)), partitions: keys.length, method: 'discovered' };
    }
    case 'full_scan': {
      if (target.dialect === 'sqlite') {
        const keys = await discover();
        return { tasks: batches(keys), partitions: keys.length, method: 'discovered' };
      }
      const tasks: ScanTask[] = target.tokenRanges(options.tokenRanges).map((r) => ({ kind: 'token_range', start: r.start, end: r.end }));
      return { tasks, partitions: null, method: 'token_scan' };
    }
  }
}

/** Orders keys so neighbouring partitions share a task, which keeps reads of one day together. */
function sortKeys(keys: Value[][], width: number): Value[][] {
  return [...keys].sort((a, b) => {
    for (let i = 0; i < width; i++) {
      const x = a[i];
      const y = b[i];
      if (x === y) continue;
      if (x === null) return -1;
      if (y === null) return 1;
      return x! < y! ? -1 : 1;
    }
    return 0;
  });
}
