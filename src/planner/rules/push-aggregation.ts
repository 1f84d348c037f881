import { clusteringColumns, partitionKey } from '../../catalog/table.js';
import type { AggregateCall, BoundColumn, BoundExpr } from '../bound.js';
import { mapColumns, walkBound } from '../bound.js';
import type { AggregateNode, LogicalPlan, PushedAggregateColumn, ScanColumn, ScanNode } from '../logical.js';
import { scanColumnName, scanColumnType } from '../scan-scope.js';
import type { Rule, RuleContext } from './rule.js';

/**
 * Pushes GROUP BY into each partition read when the store can do the grouping: Cassandra (and
 * the embedded store) then return one row per group of a partition instead of every event.
 *
 * It applies when
 * - the scan reads partitions (not token ranges) and its WHERE clause is enforced exactly by the
 *   partition key (event_date included) and the pushed clustering restrictions, so no row-level
 *   filter remains;
 * - every group key is a partition-key column, a clustering column or event_date;
 * - every aggregate is count, sum, min, max or avg of a stored column (or count(*)), with no
 *   DISTINCT and no FILTER.
 * Partial results are merged by the coordinator: counts are added, sums summed, averages rebuilt
 * from pushed sums and counts.
 */
export const pushAggregation: Rule = {
  name: 'push_aggregation',
  apply(plan, context) {
    return rewrite(plan, context);
  },
};

function rewrite(plan: LogicalPlan, context: RuleContext): LogicalPlan {
  switch (plan.kind) {
    case 'aggregate':
      if (plan.input.kind === 'scan') return pushInto(plan, plan.input, context) ?? plan;
      return { ...plan, input: rewrite(plan.input, context) };
    case 'scan':
    case 'values':
      return plan;
    case 'union_all':
      return { ...plan, inputs: plan.inputs.map((input) => rewrite(input, context)) };
    case 'filter':
    case 'project':
    case 'window':
    case 'sort':
    case 'limit':
    case 'distinct':
      return { ...plan, input: rewrite(plan.input, context) } as LogicalPlan;
  }
}

const PUSHABLE = new Set(['count', 'sum', 'min', 'max', 'avg']);

function pushInto(aggregate: AggregateNode, scan: ScanNode, context: RuleContext): AggregateNode | null {
  if (!context.settings.pushdownAggregation || scan.pushdown) return null;
  const readsPartitions = scan.partitions.kind === 'enumerated' || scan.partitions.kind === 'discovered' || (scan.partitions.kind === 'full_scan' && context.dialect === 'sqlite');
  if (!readsPartitions) return null;
  if (scan.filter && !isExact(scan.filter, scan)) return null;

  const keyNames = new Set(partitionKey(scan.table).map((c) => c.name));
  const clustering = clusteringColumns(scan.table);

  // Group keys: columns the pushed rows can carry.
  let lastClustering = -1;
  for (const group of aggregate.groups) {
    if (group.kind !== 'column') return null;
    const column = scan.columns[group.index]!;
    if (column.kind === 'event_date') continue;
    if (column.kind !== 'stored') return null;
    if (keyNames.has(column.name)) continue;
    const position = clustering.findIndex((c) => c.name === column.name);
    if (position < 0) return null;
    lastClustering = Math.max(lastClustering, position);
  }

  // Aggregates: count(*) or count/sum/min/max/avg of a stored column.
  for (const call of aggregate.aggregates) {
    if (!PUSHABLE.has(call.name) || call.distinct || call.filter) return null;
    if (call.args.length === 0) {
      if (call.name !== 'count') return null;
      continue;
    }
    const arg = call.args[0]!;
    if (call.args.length !== 1 || arg.kind !== 'column' || scan.columns[arg.index]!.kind !== 'stored') return null;
    if ((call.name === 'sum' || call.name === 'avg') && arg.type !== 'BIGINT' && arg.type !== 'DOUBLE') return null;
    if ((call.name === 'min' || call.name === 'max') && !['BIGINT', 'DOUBLE', 'TEXT'].includes(arg.type)) return null;
  }

  // The new scan: the group columns, then one pushed column per distinct pushed aggregate.
  const columns: ScanColumn[] = [];
  const remap = new Map<number, number>();
  for (const group of aggregate.groups) {
    const index = (group as BoundColumn).index;
    if (!remap.has(index)) {
      remap.set(index, columns.length);
      columns.push(scan.columns[index]!);
    }
  }
  const pushed = (fn: PushedAggregateColumn['fn'], column: string | null, type: PushedAggregateColumn['type']): BoundColumn => {
    const existing = columns.findIndex((c) => c.kind === 'pushed_aggregate' && c.fn === fn && c.column === column);
    const index = existing >= 0 ? existing : columns.push({ kind: 'pushed_aggregate', fn, column, type }) - 1;
    return { kind: 'column', index, name: `${fn}(${column ?? '*'})`, type };
  };
  const countStar = pushed('count', null, 'BIGINT');

  const aggregates = aggregate.aggregates.map((call): AggregateCall => {
    const arg = call.args[0] as BoundColumn | undefined;
    const source = arg ? (scan.columns[arg.index] as Extract<ScanColumn, { kind: 'stored' }>) : null;
    const merge = (name: string, args: BoundColumn[]): AggregateCall => ({ ...call, name, args, argTypes: args.map((a) => a.type), constants: [] });
    switch (call.name) {
      case 'count':
        return merge('$sum_counts', [source ? pushed('count', source.name, 'BIGINT') : countStar]);
      case 'sum':
        return merge('sum', [pushed('sum', source!.name, source!.type)]);
      case 'min':
      case 'max':
        return merge(call.name, [pushed(call.name, source!.name, source!.type)]);
      case 'avg':
        return merge('$avg_merge', [pushed('sum', source!.name, source!.type), pushed('count', source!.name, 'BIGINT')]);
      default:
        throw new Error(`internal error: ${call.name} is not pushable`);
    }
  });

  const groups = aggregate.groups.map((g) => mapColumns(g, (c) => ({ ...c, index: remap.get(c.index)! })));
  // A pushed read without GROUP BY returns one row even for an empty partition; its count is 0.
  const nonEmpty: BoundExpr = { kind: 'compare', op: '>', left: countStar, right: { kind: 'literal', type: 'BIGINT', value: 0 }, operandType: 'BIGINT', type: 'BOOLEAN' };
  const pushedScan: ScanNode = {
    ...scan,
    columns,
    filter: nonEmpty,
    pushdown: { groupBy: clustering.slice(0, lastClustering + 1).map((c) => c.name) },
    schema: columns.map((c) => ({ name: scanColumnName(c), type: scanColumnType(c), qualifier: scan.alias })),
  };
  return { ...aggregate, input: pushedScan, groups, aggregates };
}

/**
 * True when the partition reads alone select exactly the rows the predicate accepts: comparisons
 * of partition-key columns and event_date with constants, and pushed clustering equalities.
 */
function isExact(expr: BoundExpr, scan: ScanNode): boolean {
  switch (expr.kind) {
    case 'logical':
      return expr.args.every((arg) => isExact(arg, scan));
    case 'compare':
    case 'in_list': {
      const [column, others] = expr.kind === 'compare' ? orient(expr.left, expr.right) : [expr.operand, expr.values];
      if (column?.kind !== 'column' || !others.every(isConstant)) return false;
      if (expr.kind === 'in_list' && expr.negated) return false;
      if (expr.kind === 'compare' && expr.op === '<>') return false;
      return isExactColumn(scan, column.index, expr, others);
    }
    default:
      return false;
  }
}

function orient(left: BoundExpr, right: BoundExpr): [BoundExpr | null, readonly BoundExpr[]] {
  if (left.kind === 'column') return [left, [right]];
  if (right.kind === 'column') return [right, [left]];
  return [null, []];
}

function isConstant(expr: BoundExpr): boolean {
  let constant = true;
  walkBound(expr, (node) => {
    if (node.kind === 'column') constant = false;
  });
  return constant;
}

function isExactColumn(scan: ScanNode, index: number, expr: BoundExpr, values: readonly BoundExpr[]): boolean {
  const column = scan.columns[index]!;
  switch (column.kind) {
    case 'event_date':
      return true;
    case 'stored': {
      if (partitionKey(scan.table).some((c) => c.name === column.name)) return true;
      const pushed = scan.clustering.find((r) => r.column === column.name);
      const isEquality = (expr.kind === 'compare' && expr.op === '=') || expr.kind === 'in_list';
      if (pushed && isEquality) return true;
      return false;
    }
    case 'event_time':
      // A time range selects whole hour buckets only when every row's bucket columns agree with
      // its timestamp. Loaded data need not agree, so the range stays a row filter.
      return false;
    case 'pushed_aggregate':
      return false;
  }
}
