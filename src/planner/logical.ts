import type { SqlType, TableDef } from '../catalog/table.js';
import type { AggregateCall, BoundExpr } from './bound.js';
import type { KeySpace } from './pruning/key-space.js';
import type { PartitionPlan } from './pruning/partitions.js';
import type { TimeBuckets } from './time-buckets.js';

/** A column of an operator's output. */
export interface Field {
  readonly name: string;
  readonly type: SqlType;
  /** Table or subquery alias that qualifies the name, if any. */
  readonly qualifier: string | null;
}

/**
 * A column the scan produces: a stored column, or a virtual time column computed from stored ones.
 * - event_time: TIMESTAMP from the bucket table's millisecond column.
 * - event_date: DATE from year, month and day; NULL where they name no real date.
 */
export type ScanColumn =
  | { readonly kind: 'stored'; readonly name: string; readonly cqlType: string; readonly type: SqlType }
  | { readonly kind: 'event_time'; readonly source: string; readonly sourceType: 'bigint' | 'timestamp' }
  | { readonly kind: 'event_date'; readonly year: string; readonly month: string; readonly day: string }
  | PushedAggregateColumn;

/**
 * An aggregate computed by the store inside each partition read, when aggregation is pushed down:
 * `count(*)`, or count, sum, min or max of a stored column.
 */
export interface PushedAggregateColumn {
  readonly kind: 'pushed_aggregate';
  readonly fn: 'count' | 'sum' | 'min' | 'max';
  /** Stored column aggregated; null for count(*). */
  readonly column: string | null;
  readonly type: SqlType;
}

/**
 * Aggregation pushed into each partition read: the partition's rows are grouped by `groupBy`
 * (a prefix of the clustering columns, possibly empty) and aggregated by the store.
 */
export interface PushedAggregation {
  readonly groupBy: readonly string[];
}

/** Equality or IN restrictions on a prefix of the clustering columns, pushed into each partition read. */
export interface ClusteringRestriction {
  readonly column: string;
  readonly values: readonly (number | string)[];
}

export interface SortKey {
  readonly expr: BoundExpr;
  readonly descending: boolean;
  readonly nullsFirst: boolean;
}

/**
 * A window function call. Ranking and offset functions (row_number, rank, dense_rank, lag, lead,
 * first_value) use `args`; an aggregate over a window carries its `aggregate` call instead.
 */
export interface WindowCall {
  readonly name: string;
  readonly args: readonly BoundExpr[];
  readonly aggregate: AggregateCall | null;
  readonly partitionBy: readonly BoundExpr[];
  readonly orderBy: readonly SortKey[];
  readonly frame: WindowFrame | null;
  readonly type: SqlType;
  readonly display: string;
}

export interface WindowFrame {
  readonly mode: 'ROWS' | 'RANGE';
  /**
   * Offsets relative to the current row: -Infinity for UNBOUNDED PRECEDING, 0 for CURRENT ROW.
   * ROWS counts rows; RANGE measures the distance in the value of the single ORDER BY key.
   */
  readonly start: number;
  readonly end: number;
}

/**
 * Logical plan nodes. Each carries the schema it outputs; column references in a node's
 * expressions are positions in its input's schema.
 */
export type LogicalPlan =
  | ScanNode
  | { readonly kind: 'values'; readonly schema: readonly Field[] }
  | { readonly kind: 'filter'; readonly input: LogicalPlan; readonly predicate: BoundExpr; readonly schema: readonly Field[] }
  | { readonly kind: 'project'; readonly input: LogicalPlan; readonly exprs: readonly BoundExpr[]; readonly schema: readonly Field[] }
  | AggregateNode
  /** Output: one column per window call, then the input's columns. */
  | { readonly kind: 'window'; readonly input: LogicalPlan; readonly windows: readonly WindowCall[]; readonly schema: readonly Field[] }
  | { readonly kind: 'sort'; readonly input: LogicalPlan; readonly keys: readonly SortKey[]; readonly schema: readonly Field[] }
  | { readonly kind: 'limit'; readonly input: LogicalPlan; readonly limit: number | null; readonly offset: number; readonly schema: readonly Field[] }
  | { readonly kind: 'distinct'; readonly input: LogicalPlan; readonly schema: readonly Field[] }
  | { readonly kind: 'union_all'; readonly inputs: readonly LogicalPlan[]; readonly schema: readonly Field[] };

export interface ScanNode {
  readonly kind: 'scan';
  readonly table: TableDef;
  readonly alias: string;
  readonly columns: readonly ScanColumn[];
  readonly buckets: TimeBuckets | null;
  /** The predicate evaluated on each row read; the whole WHERE clause of the scan. */
  readonly filter: BoundExpr | null;
  readonly keySpace: KeySpace;
  readonly partitions: PartitionPlan;
  readonly clustering: readonly ClusteringRestriction[];
  /** Set when the store aggregates inside each partition read; see PushedAggregation. */
  readonly pushdown: PushedAggregation | null;
  readonly schema: readonly Field[];
}

export interface AggregateNode {
  readonly kind: 'aggregate';
  readonly input: LogicalPlan;
  readonly groups: readonly BoundExpr[];
  readonly aggregates: readonly AggregateCall[];
  /** Output: the group values, then one column per aggregate. */
  readonly schema: readonly Field[];
}

export function childrenOfPlan(plan: LogicalPlan): readonly LogicalPlan[] {
  switch (plan.kind) {
    case 'scan':
    case 'values':
      return [];
    case 'filter':
    case 'project':
    case 'aggregate':
    case 'window':
    case 'sort':
    case 'limit':
    case 'distinct':
      return [plan.input];
    case 'union_all':
      return plan.inputs;
  }
}
