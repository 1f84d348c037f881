import type { MessagePort } from 'node:worker_threads';
import { CassalyticsError, ResourceLimitError } from '../errors.js';
import { CancelFlag, TaskCancelled } from './cancel-flag.js';
import type { ScanFragment, ScanTask, TargetSpec, TaskError, TaskResult } from './fragment.js';
import { runFragmentTask } from './run-fragment.js';

/** A task as the coordinator posts it to the pool. */
export interface WorkerRequest {
  readonly target: TargetSpec;
  readonly fragment: ScanFragment;
  readonly task: ScanTask;
  readonly memoryLimitBytes: number;
  /** The query's cancellation flag (a SharedArrayBuffer view, shared, not copied). */
  readonly cancel: Int32Array;
  /** Port that streams row batches to the coordinator; present for scans that return rows. */
  readonly rows?: MessagePort;
}

/**
 * Worker-thread entry for the piscina pool. Each thread keeps its store connections in module
 * state, so a worker opens one Cassandra client or one read-only SQLite handle and reuses it
 * across tasks and queries until the pool is destroyed.
 */
export default async function runTask(request: WorkerRequest): Promise<TaskResult> {
  try {
    return await runFragmentTask(request.target, request.fragment, request.task, request.memoryLimitBytes, new CancelFlag(request.cancel), request.rows);
  } catch (error) {
    if (error instanceof TaskCancelled) return { kind: 'error', error: { errorClass: 'ExecutionError', code: 'CANCELLED', message: 'task cancelled', hint: null } };
    return { kind: 'error', error: toTaskError(error) };
  }
}

function toTaskError(error: unknown): TaskError {
  if (error instanceof ResourceLimitError) return { errorClass: 'ResourceLimitError', code: error.code, message: error.message, hint: error.hint };
  if (error instanceof CassalyticsError) return { errorClass: 'ExecutionError', code: error.code, message: error.message, hint: error.hint };
  const message = error instanceof Error ? error.message : String(error);
  return { errorClass: 'ExecutionError', code: 'EXECUTION_FAILED', message, hint: null };
}
