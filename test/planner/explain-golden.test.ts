import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { userLogsTable } from '../../src/catalog/user-logs.js';
import { compileExpr } from '../../src/executor/compile.js';
import { parseQuery } from '../../src/parser/index.js';
import { bindQuery } from '../../src/planner/bind-query.js';
import { staticCatalog } from '../../src/planner/catalog.js';
import { printPlan } from '../../src/planner/explain.js';
import { optimize } from '../../src/planner/rules/index.js';
import { bindReportParams } from '../../src/reports/bind-params.js';
import { parseReport } from '../../src/reports/report-file.js';
import { NOW_MS } from './plan-helpers.js';

/**
 * Golden EXPLAIN output of every saved report, planned for Cassandra with the reports' default
 * parameters. Run with UPDATE_GOLDEN=1 to rewrite the files, then review the diff.
 */
const queries = fileURLToPath(new URL('../../queries/', import.meta.url));
const golden = fileURLToPath(new URL('./golden/', import.meta.url));
const update = process.env['UPDATE_GOLDEN'] === '1';

function explainReport(file: string): string {
  const report = parseReport(readFileSync(path.join(queries, file), 'utf8'), file);
  const params = bindReportParams(report, [], 'UTC');
  const plan = bindQuery(parseQuery(report.sql), {
    catalog: staticCatalog('cassalytics', [userLogsTable('cassalytics')]),
    timeZone: 'UTC',
    parameters: { named: new Map(Object.entries(params).map(([k, v]) => [k.toLowerCase(), v])), positional: [] },
    maxEnumeratedPartitions: 100_000,
    evaluateConstant: (expr) => compileExpr(expr, { context: { timeZone: 'UTC', nowMs: NOW_MS }, counters: { malformedJson: 0 } })([]),
  });
  const optimized = optimize(plan, { settings: { pushdownAggregation: true }, dialect: 'cql' });
  return `${printPlan(optimized, { dialect: 'cql', workers: 2 })}\n`;
}

describe('golden EXPLAIN of saved reports', () => {
  const reports = readdirSync(queries).filter((f) => f.endsWith('.sql')).sort();

  test('every report has a golden file', () => {
    const missing = reports.filter((f) => !existsSync(path.join(golden, f.replace(/\.sql$/, '.explain'))));
    if (!update) expect(missing).toEqual([]);
  });

  test.each(reports)('%s', (file) => {
    const actual = explainReport(file);
    const goldenFile = path.join(golden, file.replace(/\.sql$/, '.explain'));
    if (update || !existsSync(goldenFile)) writeFileSync(goldenFile, actual);
    expect(actual).toBe(readFileSync(goldenFile, 'utf8'));
  });

  test.each(reports)('%s reads enumerated partitions, never a full scan', (file) => {
    expect(explainReport(file)).toMatch(/partitions: \d+ enumerated/);
  });
});
