import type { ScanFragment, ScanTask, TargetSpec, TaskResult } from './fragment.js';
import { runFragmentTask } from './run-fragment.js';

/** A task as the coordinator posts it to the pool. */
export interface WorkerRequest {
  readonly target: TargetSpec;
  readonly fragment: ScanFragment;
  readonly task: ScanTask;
  readonly memoryLimitBytes: number;
}

/**
 * Worker-thread entry for the piscina pool. Each thread keeps its store connections in module
 * state, so a worker opens one Cassandra client or one read-only SQLite handle and reuses it
 * across tasks and queries until the pool is destroyed.
 */
export default async function runTask(request: WorkerRequest): Promise<TaskResult> {
  return runFragmentTask(request.target, request.fragment, request.task, request.memoryLimitBytes);
}
