import type { TableDef } from '../catalog/table.js';
import type { AggregateCall, BoundExpr } from '../planner/bound.js';
import type { ClusteringRestriction, PushedAggregation, ScanColumn } from '../planner/logical.js';
import type { CassandraOptions } from '../cassandra/options.js';
import type { Value } from './values.js';

/**
 * The part of a query that runs in worker threads: read partitions, filter rows, then either
 * project them or fold them into partial aggregate states. Plain data, sent with every task.
 */
export interface ScanFragment {
  /** Identifies the query so a worker compiles each fragment once. */
  readonly queryId: string;
  readonly table: TableDef;
  readonly columns: readonly ScanColumn[];
  readonly filter: BoundExpr | null;
  readonly clustering: readonly ClusteringRestriction[];
  readonly pushdown: PushedAggregation | null;
  readonly output: FragmentOutput;
  readonly timeZone: string;
  readonly nowMs: number;
  /** Rows per page for Cassandra reads. */
  readonly fetchSize: number;
  /** Partition reads a worker keeps in flight at once. */
  readonly concurrency: number;
  /** Per-read timeout for Cassandra, in ms. */
  readonly readTimeoutMs: number;
}

export type FragmentOutput =
  | { readonly kind: 'rows'; readonly exprs: readonly BoundExpr[] }
  | { readonly kind: 'partial_aggregate'; readonly groups: readonly BoundExpr[]; readonly aggregates: readonly AggregateCall[] };

/** Store a worker reads from. Each worker keeps one connection per target for its lifetime. */
export type TargetSpec =
  | { readonly kind: 'embedded'; readonly path: string }
  | { readonly kind: 'cassandra'; readonly options: CassandraOptions };

/** One unit of work for a worker. */
export type ScanTask =
  | { readonly kind: 'partitions'; readonly keys: readonly (readonly Value[])[] }
  | { readonly kind: 'token_range'; readonly start: string; readonly end: string };

export interface TaskStats {
  partitions: number;
  pages: number;
  rowsScanned: number;
  bytes: number;
  malformedJson: number;
}

/** A group's partial result: its key, its group values and one state per aggregate. */
export type PartialGroup = readonly [key: string, groupValues: Value[], states: unknown[]];

export type TaskResult =
  | { readonly kind: 'rows'; readonly rows: Value[][]; readonly stats: TaskStats }
  | { readonly kind: 'partial_aggregate'; readonly groups: PartialGroup[]; readonly stats: TaskStats }
  | { readonly kind: 'error'; readonly error: TaskError };

/**
 * A failure inside a worker, sent as data because error classes and their fields do not survive
 * the thread boundary.
 */
export interface TaskError {
  readonly errorClass: 'ExecutionError' | 'ResourceLimitError';
  readonly code: string;
  readonly message: string;
  readonly hint: string | null;
}

export function emptyStats(): TaskStats {
  return { partitions: 0, pages: 0, rowsScanned: 0, bytes: 0, malformedJson: 0 };
}

export function addStats(total: TaskStats, part: TaskStats): void {
  total.partitions += part.partitions;
  total.pages += part.pages;
  total.rowsScanned += part.rowsScanned;
  total.bytes += part.bytes;
  total.malformedJson += part.malformedJson;
}
