import { clusteringColumns } from '../catalog/table.js';
import type { Value } from '../executor/values.js';
import { walkBound, type BoundExpr } from './bound.js';
import type { ClusteringRestriction, ScanNode } from './logical.js';
import { keySpaceOf } from './pruning/key-space.js';
import { planPartitions } from './pruning/partitions.js';
import type { ScanScope } from './scan-scope.js';

export interface ScanPlanOptions {
  readonly maxEnumeratedPartitions: number;
  readonly evaluateConstant: (expr: BoundExpr) => Value;
}

/** Builds the scan of a table: the partitions to read, the clustering restrictions, the residual filter. */
export function planScan(scope: ScanScope, where: BoundExpr | null, options: ScanPlanOptions): ScanNode {
  const constantValue = (expr: BoundExpr): { value: Value } | undefined => {
    if (!isColumnFree(expr)) return undefined;
    try {
      return { value: options.evaluateConstant(expr) };
    } catch {
      return undefined;
    }
  };
  const keySpace = keySpaceOf(where, {
    columnAt: (index) => scope.prunable(index),
    constantValue,
    bucketUnit: scope.buckets?.unit ?? 'hour',
  });
  const partitions = planPartitions(scope.table, scope.buckets, keySpace, { maxEnumerated: options.maxEnumeratedPartitions });
  const clustering = partitions.kind === 'full_scan' ? [] : clusteringRestrictions(scope, where, constantValue);
  // Contradicting clustering equalities (event_id = 1 AND event_id = 2) match no row.
  const matchesNothing = clustering.some((r) => r.values.length === 0);
  return {
    kind: 'scan',
    table: scope.table,
    alias: scope.alias,
    columns: [...scope.columns],
    buckets: scope.buckets,
    filter: where,
    keySpace,
    partitions: matchesNothing ? { kind: 'none' } : partitions,
    clustering,
    pushdown: null,
    schema: scope.schema(),
  };
}

function isColumnFree(expr: BoundExpr): boolean {
  let free = true;
  walkBound(expr, (node) => {
    if (node.kind === 'column') free = false;
  });
  return free;
}

/**
 * Equality and IN restrictions on a prefix of the clustering columns, taken from the top-level AND
 * of the WHERE clause, so Cassandra filters them inside each partition (`event_id = 2`).
 * CQL allows = and IN on clustering columns only in key order without gaps.
 */
function clusteringRestrictions(
  scope: ScanScope,
  where: BoundExpr | null,
  constantValue: (expr: BoundExpr) => { value: Value } | undefined,
): ClusteringRestriction[] {
  if (!where) return [];
  const conjuncts = where.kind === 'logical' && where.op === 'AND' ? where.args : [where];
  const valuesByColumn = new Map<string, readonly (number | string)[]>();
  for (const conjunct of conjuncts) {
    const restriction = equalityOf(scope, conjunct, constantValue);
    if (!restriction) continue;
    const existing = valuesByColumn.get(restriction.column);
    valuesByColumn.set(restriction.column, existing ? existing.filter((v) => restriction.values.includes(v)) : restriction.values);
  }
  const result: ClusteringRestriction[] = [];
  for (const column of clusteringColumns(scope.table)) {
    const values = valuesByColumn.get(column.name);
    if (!values) break;
    result.push({ column: column.name, values });
  }
  return result;
}

function equalityOf(
  scope: ScanScope,
  expr: BoundExpr,
  constantValue: (expr: BoundExpr) => { value: Value } | undefined,
): ClusteringRestriction | undefined {
  const storedName = (e: BoundExpr): string | undefined => {
    if (e.kind !== 'column') return undefined;
    const column = scope.columns[e.index];
    return column?.kind === 'stored' ? column.name : undefined;
  };
  const literalValue = (e: BoundExpr, cqlType: string): number | string | undefined => {
    const constant = constantValue(e)?.value;
    if (typeof constant === 'number' && Number.isInteger(constant) && ['int', 'smallint', 'tinyint', 'bigint'].includes(cqlType)) return constant;
    if (typeof constant === 'string' && ['text', 'varchar', 'ascii'].includes(cqlType)) return constant;
    return undefined;
  };
  const clusteringType = (name: string | undefined) => clusteringColumns(scope.table).find((c) => c.name === name)?.cqlType;

  if (expr.kind === 'compare' && expr.op === '=') {
    for (const [columnSide, valueSide] of [[expr.left, expr.right], [expr.right, expr.left]] as const) {
      const name = storedName(columnSide);
      const type = clusteringType(name);
      if (!name || !type) continue;
      const value = literalValue(valueSide, type);
      if (value !== undefined) return { column: name, values: [value] };
    }
  }
  if (expr.kind === 'in_list' && !expr.negated) {
    const name = storedName(expr.operand);
    const type = clusteringType(name);
    if (!name || !type) return undefined;
    const values = expr.values.map((v) => literalValue(v, type));
    if (values.every((v) => v !== undefined)) return { column: name, values: [...new Set(values as (number | string)[])] };
  }
  return undefined;
}
