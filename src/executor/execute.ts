import { randomUUID } from 'node:crypto';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { CancelledError, ExecutionError, ResourceLimitError } from '../errors.js';
import type { AggregateNode, LogicalPlan, ScanNode } from '../planner/logical.js';
import type { Settings } from '../planner/settings.js';
import { assertNever } from '../planner/bound.js';
import { compileExpr, type CompileEnv } from './compile.js';
import { addStats, emptyStats, type FragmentOutput, type ScanFragment, type TaskError, type TaskResult, type TaskStats } from './fragment.js';
import { CancelFlag } from './cancel-flag.js';
import { GroupTable } from './group-table.js';
import type { WorkerPool } from './pool.js';
import { planScanTasks } from './scan-tasks.js';
import { rowComparator } from './sort.js';
import { computeWindows } from './window.js';
import { groupKey } from './semantics/compare.js';
import type { CoordinatorTarget } from './targets/target.js';
import type { Row } from './values.js';

/**
 * Progress of a running query, reported as tasks finish.
 *
 * @example
 * onProgress: (p) => process.stderr.write(`\r${p.tasksDone}/${p.tasksTotal} tasks, ${p.rowsScanned} rows`)
 */
export interface Progress {
  readonly tasksDone: number;
  readonly tasksTotal: number;
  readonly partitions: number;
  readonly pages: number;
  readonly rowsScanned: number;
  readonly bytes: number;
  readonly elapsedMs: number;
}

/** Counters of one query; EXPLAIN ANALYZE and result footers read them. */
export interface QueryStats extends TaskStats {
  tasksDone: number;
  tasksTotal: number;
  /** Partition-finding method of each scan, in the order the scans ran. */
  scanMethods: string[];
  /** Rows and time per operator, filled when analyzing. */
  operators: Map<LogicalPlan, { rows: number; ms: number }>;
}

export interface ExecutionContext {
  readonly target: CoordinatorTarget;
  readonly pool: WorkerPool;
  readonly settings: Settings;
  readonly nowMs: number;
  readonly signal: AbortSignal;
  readonly stats: QueryStats;
  readonly startedAt: number;
  readonly onProgress?: (progress: Progress) => void;
  readonly analyze: boolean;
}

export function newQueryStats(): QueryStats {
  return { ...emptyStats(), tasksDone: 0, tasksTotal: 0, scanMethods: [], operators: new Map() };
}

/** Runs a plan, yielding its rows in batches. Stopping the iteration cancels outstanding work. */
export async function* executePlan(plan: LogicalPlan, context: ExecutionContext): AsyncGenerator<Row[]> {
  if (!context.analyze) {
    yield* run(plan, context);
    return;
  }
  const started = performance.now();
  let rows = 0;
  for await (const batch of run(plan, context)) {
    rows += batch.length;
    yield batch;
  }
  context.stats.operators.set(plan, { rows, ms: performance.now() - started });
}

function env(context: ExecutionContext): CompileEnv {
  return { context: { timeZone: context.settings.timeZone, nowMs: context.nowMs }, counters: context.stats };
}

async function* run(plan: LogicalPlan, context: ExecutionContext): AsyncGenerator<Row[]> {
  context.signal.throwIfAborted();
  switch (plan.kind) {
    case 'scan': {
      const output: FragmentOutput = { kind: 'rows', exprs: plan.schema.map((f, i) => ({ kind: 'column', index: i, name: f.name, type: f.type })) };
      for await (const result of distributedScan(plan, output, context)) {
        if (result.kind === 'rows' && result.rows.length > 0) yield result.rows;
      }
      return;
    }
    case 'values':
      yield [[]];
      return;
    case 'filter': {
      const predicate = compileExpr(plan.predicate, env(context));
      for await (const batch of executePlan(plan.input, context)) {
        const kept = batch.filter((row) => predicate(row) === true);
        if (kept.length > 0) yield kept;
      }
      return;
    }
    case 'project': {
      const exprs = plan.exprs.map((e) => compileExpr(e, env(context)));
      for await (const batch of executePlan(plan.input, context)) {
        yield batch.map((row) => exprs.map((e) => e(row)));
      }
      return;
    }
    case 'aggregate':
      yield await aggregate(plan, context);
      return;
    case 'window': {
      const rows: Row[] = [];
      for await (const batch of executePlan(plan.input, context)) for (const row of batch) rows.push(row);
      yield await computeWindows(rows, plan.windows, env(context), context.signal);
      return;
    }
    case 'sort': {
      const rows: Row[] = [];
      for await (const batch of executePlan(plan.input, context)) for (const row of batch) rows.push(row);
      rows.sort(rowComparator(plan.keys, env(context)));
      yield rows;
      return;
    }
    case 'limit': {
      let skip = plan.offset;
      let remaining = plan.limit ?? Infinity;
      if (remaining === 0) return;
      for await (const batch of executePlan(plan.input, context)) {
        let rows = batch;
        if (skip > 0) {
          const dropped = Math.min(skip, rows.length);
          rows = rows.slice(dropped);
          skip -= dropped;
        }
        if (rows.length === 0) continue;
        if (rows.length >= remaining) {
          // Returning ends the input generators, which cancels the scan tasks still running.
          yield rows.slice(0, remaining);
          return;
        }
        remaining -= rows.length;
        yield rows;
      }
      return;
    }
    case 'distinct': {
      const seen = new Set<string>();
      for await (const batch of executePlan(plan.input, context)) {
        const fresh = batch.filter((row) => {
          const key = groupKey(row);
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
        if (fresh.length > 0) yield fresh;
      }
      return;
    }
    case 'union_all':
      for (const input of plan.inputs) yield* executePlan(input, context);
      return;
    default:
      assertNever(plan);
  }
}

async function aggregate(plan: AggregateNode, context: ExecutionContext): Promise<Row[]> {
  const table = new GroupTable(plan.groups, plan.aggregates, env(context), context.settings.memoryLimitBytes);
  if (plan.input.kind === 'scan') {
    // Workers fold their rows into partial states; the coordinator merges them.
    const output: FragmentOutput = { kind: 'partial_aggregate', groups: plan.groups, aggregates: plan.aggregates };
    for await (const result of distributedScan(plan.input, output, context)) {
      if (result.kind === 'partial_aggregate') table.merge(result.groups);
    }
  } else {
    for await (const batch of executePlan(plan.input, context)) {
      for (const row of batch) table.add(row);
    }
  }
  return table.finish();
}

/**
 * Runs a scan's tasks on the worker pool, a bounded number at a time, and yields each task's
 * result as it completes. Ending the iteration early aborts the tasks still in flight.
 */
async function* distributedScan(scan: ScanNode, output: FragmentOutput, context: ExecutionContext): AsyncGenerator<TaskResult> {
  const { settings, pool, target, stats } = context;
  const controller = new AbortController();
  const cancelFlag = new CancelFlag();
  // Cancelling stops the workers' reads at the next page or partition; the coordinator does not
  // wait for them, so a cancelled query returns at once.
  let rejectCancelled: (reason: unknown) => void = () => undefined;
  const cancelled = new Promise<never>((_, reject) => (rejectCancelled = reject));
  cancelled.catch(() => undefined);
  const onAbort = () => {
    cancelFlag.cancel();
    controller.abort(context.signal.reason);
    rejectCancelled(context.signal.reason);
  };
  context.signal.addEventListener('abort', onAbort, { once: true });
  const inFlight = new Map<number, Promise<[number, TaskResult]>>();
  const ports = new Map<number, MessagePort>();
  try {
    const taskPlan = await planScanTasks(scan, target, { partitionsPerTask: settings.partitionsPerTask, tokenRanges: pool.threads * 16 }, controller.signal);
    stats.scanMethods.push(taskPlan.method);
    stats.tasksTotal += taskPlan.tasks.length;
    const fragment: ScanFragment = {
      queryId: randomUUID(),
      table: scan.table,
      columns: scan.columns,
      filter: scan.filter,
      clustering: scan.clustering,
      pushdown: scan.pushdown,
      output,
      timeZone: settings.timeZone,
      nowMs: context.nowMs,
      fetchSize: settings.fetchSize,
      concurrency: settings.concurrency,
      readTimeoutMs: settings.readTimeoutMs,
    };

    const maxInFlight = pool.threads * 2;
    // Tasks report two kinds of event: a batch of rows streamed while the task runs (scans that
    // return rows), and the task's end with its result.
    type ScanEvent = { kind: 'batch'; rows: Row[]; ack: () => void } | { kind: 'done'; id: number; result: TaskResult };
    const events: ScanEvent[] = [];
    let wake: (() => void) | null = null;
    const push = (event: ScanEvent) => {
      events.push(event);
      wake?.();
      wake = null;
    };
    let next = 0;
    const launch = () => {
      const id = next++;
      let rows: MessagePort | undefined;
      if (output.kind === 'rows') {
        const channel = new MessageChannel();
        const port = channel.port1;
        port.on('message', (batch: Row[]) => push({ kind: 'batch', rows: batch, ack: () => port.postMessage(0) }));
        ports.set(id, port);
        rows = channel.port2;
      }
      const request = { target: target.spec, fragment, task: taskPlan.tasks[id]!, memoryLimitBytes: settings.memoryLimitBytes, cancel: cancelFlag.cells, ...(rows ? { rows } : {}) };
      const running = pool.run(request).then((result) => [id, result] as [number, TaskResult]);
      inFlight.set(id, running);
      running.then(([, result]) => push({ kind: 'done', id, result }), () => undefined);
    };
    while (next < taskPlan.tasks.length || inFlight.size > 0) {
      while (next < taskPlan.tasks.length && inFlight.size < maxInFlight) launch();
      context.signal.throwIfAborted();
      if (events.length === 0) {
        // A task that fails rejects its promise; the race surfaces that failure here.
        await Promise.race([new Promise<void>((resolve) => (wake = resolve)), cancelled, ...inFlight.values()]);
        continue;
      }
      const event = events.shift()!;
      if (event.kind === 'batch') {
        yield { kind: 'rows', rows: event.rows, stats: emptyStats() };
        event.ack();
        continue;
      }
      const { id, result } = event;
      inFlight.delete(id);
      ports.get(id)?.close();
      ports.delete(id);
      if (result.kind === 'error') throw fromTaskError(result.error);
      addStats(stats, result.stats);
      stats.tasksDone += 1;
      context.onProgress?.({
        tasksDone: stats.tasksDone,
        tasksTotal: stats.tasksTotal,
        partitions: stats.partitions,
        pages: stats.pages,
        rowsScanned: stats.rowsScanned,
        bytes: stats.bytes,
        elapsedMs: performance.now() - context.startedAt,
      });
      yield result;
    }
  } catch (error) {
    if (context.signal.aborted) throw new CancelledError('the query was cancelled', { cause: error });
    throw error;
  } finally {
    context.signal.removeEventListener('abort', onAbort);
    // Tasks still running stop at their next check; their results are no longer needed.
    cancelFlag.cancel();
    for (const pending of inFlight.values()) pending.catch(() => undefined);
    // Closing a row port tells a worker that is waiting to send rows that no reader remains.
    for (const port of ports.values()) port.close();
    if (!controller.signal.aborted) controller.abort(new Error('scan no longer needed'));
  }
}

function fromTaskError(error: TaskError): Error {
  const options = { hint: error.hint };
  return error.errorClass === 'ResourceLimitError' ? new ResourceLimitError(error.message, options) : new ExecutionError(error.code, error.message, options);
}
