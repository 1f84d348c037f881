/**
 * Times planning (parse, bind, partition enumeration, optimizer rules) of queries whose WHERE
 * clause enumerates many partitions. Prints the median and 90th percentile over repeated runs.
 *
 *   npm run build && node dist/bench/plan.js
 */
import { userLogsTable } from '../src/catalog/user-logs.js';
import { compileExpr } from '../src/executor/compile.js';
import { parseQuery } from '../src/parser/index.js';
import { bindQuery } from '../src/planner/bind-query.js';
import { staticCatalog } from '../src/planner/catalog.js';
import { printPlan } from '../src/planner/explain.js';
import { optimize } from '../src/planner/rules/index.js';
import type { ScanNode } from '../src/planner/logical.js';

const CASES = [
  {
    name: '10,080 partitions: 60 stores over one week, hourly',
    sql: "SELECT event_date, count(*) FROM user_logs WHERE store_id BETWEEN 1 AND 60 AND event_date BETWEEN DATE '2026-11-16' AND DATE '2026-11-22' GROUP BY 1",
  },
  {
    name: '26,280 partitions: 3 stores over one year, hourly',
    sql: "SELECT count(*) FROM user_logs WHERE store_id IN (1, 2, 3) AND event_time >= TIMESTAMP '2025-01-01 00:00:00' AND event_time < TIMESTAMP '2026-01-01 00:00:00'",
  },
  {
    name: 'EXPLAIN of the 26,280-partition query',
    sql: "SELECT count(*) FROM user_logs WHERE store_id IN (1, 2, 3) AND event_time >= TIMESTAMP '2025-01-01 00:00:00' AND event_time < TIMESTAMP '2026-01-01 00:00:00'",
    explain: true,
  },
];

const catalog = staticCatalog('cassalytics', [userLogsTable('cassalytics')]);

function plan(sql: string): ScanNode {
  const bound = bindQuery(parseQuery(sql), {
    catalog,
    timeZone: 'UTC',
    parameters: { named: new Map(), positional: [] },
    maxEnumeratedPartitions: 100_000,
    evaluateConstant: (expr) => compileExpr(expr, { context: { timeZone: 'UTC', nowMs: Date.now() }, counters: { malformedJson: 0 } })([]),
  });
  let node = optimize(bound, { settings: { pushdownAggregation: true }, dialect: 'cql' });
  while (node.kind !== 'scan') node = (node as { input: typeof node }).input;
  return node;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

for (const { name, sql, explain } of CASES) {
  const run = explain ? () => printPlan(plan(sql), { dialect: 'cql', workers: 2 }) : () => plan(sql);
  for (let i = 0; i < 20; i++) run();
  const times: number[] = [];
  for (let i = 0; i < 100; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const scan = plan(sql);
  const partitions = scan.partitions.kind === 'enumerated' ? scan.partitions.keys.length : scan.partitions.kind;
  console.log(`${name}: ${partitions} partitions, median ${percentile(times, 0.5).toFixed(2)} ms, p90 ${percentile(times, 0.9).toFixed(2)} ms`);
}
