import { partitionKey } from '../catalog/table.js';
import { assertNever } from './bound.js';
import { childrenOfPlan, type LogicalPlan, type ScanNode, type WindowCall } from './logical.js';
import { readStatements } from './physical/statements.js';
import { printBound, printValue } from './print-expr.js';
import { describeKeySpace } from './pruning/key-space.js';

export interface ExplainOptions {
  readonly dialect: 'cql' | 'sqlite';
  readonly workers: number;
  /** Per-operator rows and time from EXPLAIN ANALYZE. */
  readonly operators?: ReadonlyMap<LogicalPlan, { rows: number; ms: number }>;
  /** Totals from EXPLAIN ANALYZE. */
  readonly totals?: { partitions: number; pages: number; rowsScanned: number; bytes: number; tasks: number; elapsedMs: number };
}

/**
 * Prints a plan as an indented tree, one operator per line with its details below it. This one
 * printer serves EXPLAIN, EXPLAIN ANALYZE, debug output and the golden EXPLAIN files.
 */
export function printPlan(plan: LogicalPlan, options: ExplainOptions): string {
  const lines: string[] = [];
  printNode(plan, 0, lines, options);
  lines.push(`workers: ${options.workers}`);
  if (options.totals) {
    const t = options.totals;
    lines.push(`executed: ${t.tasks} tasks, ${t.partitions} partitions, ${t.pages} pages, ${t.rowsScanned} rows read in ${t.elapsedMs.toFixed(1)} ms`);
  }
  return lines.join('\n');
}

function printNode(plan: LogicalPlan, depth: number, lines: string[], options: ExplainOptions): void {
  const indent = '  '.repeat(depth);
  const analyzed = options.operators?.get(plan);
  const suffix = analyzed ? `  (rows=${analyzed.rows}, time=${analyzed.ms.toFixed(1)} ms)` : '';
  lines.push(`${indent}${headline(plan)}${suffix}`);
  if (plan.kind === 'scan') {
    for (const detail of scanDetails(plan, options)) lines.push(`${indent}    ${detail}`);
  }
  if (plan.kind === 'aggregate' && plan.input.kind === 'scan') {
    lines.push(`${indent}    partial aggregation in workers, merged by the coordinator`);
  }
  for (const child of childrenOfPlan(plan)) printNode(child, depth + 1, lines, options);
}

function headline(plan: LogicalPlan): string {
  switch (plan.kind) {
    case 'scan':
      return `Scan ${plan.table.keyspace}.${plan.table.name}${plan.alias !== plan.table.name ? ` AS ${plan.alias}` : ''}`;
    case 'values':
      return 'Values (one row)';
    case 'filter':
      return `Filter ${printBound(plan.predicate)}`;
    case 'project':
      return `Project ${plan.exprs.map((e, i) => {
        const text = printBound(e);
        const name = plan.schema[i]!.name;
        return text === name ? text : `${text} AS ${name}`;
      }).join(', ')}`;
    case 'aggregate': {
      const groups = plan.groups.map(printBound).join(', ');
      const aggregates = plan.aggregates.map((a) => a.display).join(', ');
      return `Aggregate${groups ? ` group by [${groups}]` : ''} compute [${aggregates}]`;
    }
    case 'window':
      return `Window ${plan.windows.map(describeWindow).join(', ')}`;
    case 'sort':
      return `Sort ${plan.keys.map((k) => `${printBound(k.expr)} ${k.descending ? 'DESC' : 'ASC'}${k.nullsFirst ? ' NULLS FIRST' : ''}`).join(', ')}`;
    case 'limit':
      return `Limit ${plan.limit ?? 'ALL'}${plan.offset ? ` OFFSET ${plan.offset}` : ''}`;
    case 'distinct':
      return 'Distinct';
    case 'union_all':
      return 'UnionAll';
    default:
      return assertNever(plan);
  }
}

function frameBoundText(offset: number): string {
  if (offset === -Infinity) return 'UNBOUNDED PRECEDING';
  if (offset === Infinity) return 'UNBOUNDED FOLLOWING';
  if (offset === 0) return 'CURRENT ROW';
  return offset < 0 ? `${-offset} PRECEDING` : `${offset} FOLLOWING`;
}

function describeWindow(window: WindowCall): string {
  const parts: string[] = [];
  if (window.partitionBy.length > 0) parts.push(`PARTITION BY ${window.partitionBy.map(printBound).join(', ')}`);
  if (window.orderBy.length > 0) parts.push(`ORDER BY ${window.orderBy.map((k) => `${printBound(k.expr)}${k.descending ? ' DESC' : ''}`).join(', ')}`);
  if (window.frame) parts.push(`${window.frame.mode} BETWEEN ${frameBoundText(window.frame.start)} AND ${frameBoundText(window.frame.end)}`);
  return `${window.display} OVER (${parts.join(' ')})`;
}

/** Partitions a plan reads, or a description when the count is known only at run time. */
export function partitionSummary(scan: ScanNode): string {
  const unit = scan.buckets?.unit ?? 'hour';
  const space = describeKeySpace(scan.keySpace, unit).join('; ');
  const partitions = scan.partitions;
  switch (partitions.kind) {
    case 'none':
      return 'partitions: none (no partition can match)';
    case 'enumerated':
      return `partitions: ${partitions.keys.length} enumerated from ${space}`;
    case 'discovered':
      return `partitions: discovered with SELECT DISTINCT, then kept when ${space} (${partitions.reason})`;
    case 'full_scan':
      return 'partitions: all (token-range scan; no partition-key restriction)';
  }
}

function scanDetails(scan: ScanNode, options: ExplainOptions): string[] {
  const statements = readStatements(options.dialect, scan.table, scan.columns, scan.clustering, scan.pushdown);
  const details = [partitionSummary(scan)];
  if (scan.clustering.length > 0) {
    details.push(`clustering pushed: ${scan.clustering.map((r) => `${r.column} ${r.values.length === 1 ? `= ${r.values[0]}` : `IN (${r.values.join(', ')})`}`).join(' AND ')}`);
  }
  if (scan.pushdown) {
    const groupBy = scan.pushdown.groupBy.length > 0 ? ` grouped by ${scan.pushdown.groupBy.join(', ')}` : '';
    details.push(`aggregation pushed to ${options.dialect === 'cql' ? 'Cassandra' : 'SQLite'}: each partition read returns one row per group${groupBy}`);
  } else {
    details.push(`residual filter: ${scan.filter ? printBound(scan.filter) : 'none'}`);
    details.push(`columns: ${statements.fetched.join(', ') || '(key only)'}`);
  }
  if (scan.buckets) {
    details.push(`time buckets: ${[scan.buckets.year, scan.buckets.month, scan.buckets.day, scan.buckets.hour].filter(Boolean).join('/')} of ${scan.buckets.timestampColumn} (UTC)`);
  }
  const useTokens = scan.partitions.kind === 'full_scan' && options.dialect === 'cql';
  details.push(`${options.dialect === 'cql' ? 'CQL' : 'SQL'}: ${useTokens ? statements.tokenRange : statements.partition}`);
  if (scan.partitions.kind === 'enumerated' && scan.partitions.keys.length > 0) {
    const key = scan.partitions.keys[0]!;
    const types = partitionKey(scan.table).map((c) => (c.cqlType === 'text' ? 'TEXT' : 'BIGINT'));
    const values = [...key.map((v, i) => printValue(v, types[i]!)), ...scan.clustering.flatMap((r) => r.values.map((v) => printValue(v, typeof v === 'string' ? 'TEXT' : 'BIGINT')))];
    details.push(`first task binds: (${values.join(', ')})`);
  }
  return details;
}
