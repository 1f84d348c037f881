import { userLogsTable } from '../../src/catalog/user-logs.js';
import { compileExpr } from '../../src/executor/compile.js';
import { parseQuery } from '../../src/parser/index.js';
import { bindQuery } from '../../src/planner/bind-query.js';
import { staticCatalog } from '../../src/planner/catalog.js';
import { childrenOfPlan, type LogicalPlan, type ScanNode } from '../../src/planner/logical.js';
import type { Value } from '../../src/executor/values.js';

export const NOW_MS = Date.UTC(2026, 10, 30, 12, 0, 0);

export interface PlanOptions {
  readonly timeZone?: string;
  readonly maxEnumeratedPartitions?: number;
  readonly parameters?: Record<string, Value>;
}

/** Plans a query against a catalog holding user_logs, without any store. */
export function planOf(sql: string, options: PlanOptions = {}): LogicalPlan {
  const timeZone = options.timeZone ?? 'UTC';
  return bindQuery(parseQuery(sql), {
    catalog: staticCatalog('ks', [userLogsTable('ks')]),
    timeZone,
    parameters: { named: new Map(Object.entries(options.parameters ?? {})), positional: [] },
    maxEnumeratedPartitions: options.maxEnumeratedPartitions ?? 100_000,
    evaluateConstant: (expr) => compileExpr(expr, { context: { timeZone, nowMs: NOW_MS }, counters: { malformedJson: 0 } })([]),
  });
}

export function scanOf(plan: LogicalPlan): ScanNode {
  if (plan.kind === 'scan') return plan;
  for (const child of childrenOfPlan(plan)) {
    const found = scanOf(child);
    if (found) return found;
  }
  throw new Error('plan has no scan');
}
