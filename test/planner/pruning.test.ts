import { describe, expect, test } from 'vitest';
import { optimize } from '../../src/planner/rules/index.js';
import { planOf, scanOf, type PlanOptions } from './plan-helpers.js';

const base = 'SELECT count(*) FROM user_logs WHERE ';

/** Partition keys as `store/year-month-day hh` strings, for readable expectations. */
function keysOf(sql: string, options?: PlanOptions): string[] {
  const scan = scanOf(planOf(sql, options));
  if (scan.partitions.kind !== 'enumerated') throw new Error(`expected enumerated partitions, got ${scan.partitions.kind}`);
  return scan.partitions.keys.map(([store, year, month, day, hour]) => `${store}/${year}-${month}-${day} ${hour}`);
}

function methodOf(sql: string, options?: PlanOptions): string {
  return scanOf(planOf(sql, options)).partitions.kind;
}

describe('partition pruning', () => {
  test.each([
    { name: 'exact key of one day', where: 'store_id = 1 AND year = 2026 AND month = 11 AND day = 20', count: 24 },
    { name: 'IN of consecutive stores', where: "store_id IN (1, 2, 3) AND event_date = DATE '2026-11-20'", count: 72 },
    { name: 'hour BETWEEN 8 AND 17', where: "store_id = 1 AND event_date = DATE '2026-11-20' AND hour BETWEEN 8 AND 17", count: 10 },
    { name: 'OR of two days', where: "store_id = 1 AND (event_date = DATE '2026-11-20' OR event_date = DATE '2026-11-22')", count: 48 },
    { name: 'overlapping OR counted once', where: "store_id = 1 AND (event_date = DATE '2026-11-20' OR (event_date = DATE '2026-11-20' AND hour = 3))", count: 24 },
    { name: 'a week of one store', where: "store_id = 2 AND event_date BETWEEN DATE '2026-11-16' AND DATE '2026-11-22'", count: 168 },
    { name: 'log_time range in ms', where: 'store_id = 3 AND log_time >= 1763596800000 AND log_time < 1763604000000', count: 2 },
    { name: 'text date compared with event_date', where: "store_id = 1 AND event_date = '2026-11-20'", count: 24 },
    { name: 'strict bounds', where: "store_id = 1 AND event_time > TIMESTAMP '2026-11-20 09:59:59.999' AND event_time < TIMESTAMP '2026-11-20 11:00:00'", count: 1 },
    { name: 'store range', where: "store_id BETWEEN 2 AND 4 AND event_date = DATE '2026-11-20' AND hour = 0", count: 3 },
    { name: 'month of one store', where: 'store_id = 1 AND year = 2026 AND month = 2', count: 31 * 24 },
  ])('$name', ({ where, count }) => {
    expect(keysOf(base + where)).toHaveLength(count);
  });

  test('event_time range crossing midnight and a month end', () => {
    expect(keysOf(`${base} store_id = 2 AND event_time >= TIMESTAMP '2026-11-30 22:00:00' AND event_time < TIMESTAMP '2026-12-01 02:00:00'`)).toEqual([
      '2/2026-11-30 22',
      '2/2026-11-30 23',
      '2/2026-12-1 0',
      '2/2026-12-1 1',
    ]);
  });

  test('a Berlin day maps to the right UTC hours', () => {
    const keys = keysOf(`${base} store_id = 1 AND event_time >= TIMESTAMP '2026-11-20 00:00:00' AND event_time < TIMESTAMP '2026-11-21 00:00:00'`, {
      timeZone: 'Europe/Berlin',
    });
    expect(keys).toHaveLength(24);
    expect(keys[0]).toBe('1/2026-11-19 23');
    expect(keys[23]).toBe('1/2026-11-20 22');
  });

  test('a Berlin day with a DST change has 25 hours', () => {
    const keys = keysOf(`${base} store_id = 1 AND event_time >= TIMESTAMP '2026-10-25 00:00:00' AND event_time < TIMESTAMP '2026-10-26 00:00:00'`, {
      timeZone: 'Europe/Berlin',
    });
    expect(keys).toHaveLength(25);
    expect(keys[0]).toBe('1/2026-10-24 22');
  });

  test('three stores over one year is 26,280 partitions', () => {
    const sql = `${base} store_id IN (1, 2, 3) AND event_time >= TIMESTAMP '2025-01-01 00:00:00' AND event_time < TIMESTAMP '2026-01-01 00:00:00'`;
    expect(keysOf(sql)).toHaveLength(26_280);
  });

  test('parameters prune like literals', () => {
    expect(keysOf(`${base} store_id = :store AND event_date = DATE '2026-11-20'`, { parameters: { store: 2 } })).toHaveLength(24);
  });

  test('relative time ranges prune from the query start', () => {
    // NOW_MS is 2026-11-30 12:00 UTC; the last 7 days reach back to 2026-11-23 12:00.
    const keys = keysOf(`${base} store_id = 1 AND event_time BETWEEN now() - INTERVAL '7' DAY AND now()`);
    expect(keys[0]).toBe('1/2026-11-23 12');
    expect(keys).toHaveLength(7 * 24 + 1);
  });

  test.each([
    { name: 'store_id unmentioned', where: "event_date = DATE '2026-11-20'", method: 'discovered' },
    { name: 'no predicate on the key', where: "url LIKE '%cart%'", method: 'full_scan' },
    { name: 'NOT stays residual', where: 'NOT (store_id = 1)', method: 'full_scan' },
    { name: 'OR with an unrestricted branch', where: "store_id = 1 OR url = 'x'", method: 'full_scan' },
    { name: 'enumeration over the cap', where: 'store_id = 1 AND year = 2026', method: 'discovered', options: { maxEnumeratedPartitions: 100 } },
    { name: 'an open-ended time range', where: "store_id = 1 AND event_time >= TIMESTAMP '2026-11-20 00:00:00'", method: 'discovered' },
    { name: 'a store range of two billion values', where: "store_id BETWEEN 1 AND 2147483647 AND event_date = DATE '2026-11-20'", method: 'discovered' },
    { name: 'an integer beyond 2^53', where: "store_id = 9007199254740993 AND event_date = DATE '2026-11-20'", method: 'discovered' },
  ])('$name uses $method', ({ where, method, options }) => {
    expect(methodOf(base + where, options)).toBe(method);
  });

  test.each([
    { name: 'contradicting equalities', where: 'store_id = 1 AND store_id = 2' },
    { name: 'month = 13', where: 'store_id = 1 AND year = 2026 AND month = 13' },
    { name: 'hour = 5 AND hour = 6', where: "store_id = 1 AND event_date = DATE '2026-11-20' AND hour = 5 AND hour = 6" },
    { name: 'fractional store id', where: 'store_id = 1.5' },
    { name: 'comparison with NULL', where: 'store_id = NULL' },
    { name: 'WHERE FALSE', where: 'FALSE' },
    { name: 'an empty IN intersection', where: "store_id IN (1, 2) AND store_id IN (3) AND event_date = DATE '2026-11-20'" },
    { name: 'contradicting clustering values', where: "store_id = 1 AND event_date = DATE '2026-11-20' AND event_id = 1 AND event_id = 2" },
  ])('$name reads nothing', ({ where }) => {
    expect(methodOf(base + where)).toBe('none');
  });

  test('clustering equality is pushed into partition reads', () => {
    const scan = scanOf(planOf(`${base} store_id = 1 AND event_date = DATE '2026-11-20' AND event_id = 2`));
    expect(scan.clustering).toEqual([{ column: 'event_id', values: [2] }]);
  });

  test('clustering pushdown stops at the first unrestricted column', () => {
    const scan = scanOf(planOf(`${base} store_id = 1 AND event_date = DATE '2026-11-20' AND event_id IN (1, 2) AND session_id = 's'`));
    expect(scan.clustering).toEqual([{ column: 'event_id', values: [1, 2] }]);
  });

  test('scan reads only referenced columns', () => {
    const scan = scanOf(planOf("SELECT url FROM user_logs WHERE store_id = 1 AND event_date = DATE '2026-11-20'"));
    expect(scan.columns.map((c) => (c.kind === 'stored' ? c.name : c.kind)).sort()).toEqual(['event_date', 'store_id', 'url']);
  });

  test('time ranges keep aggregation in the workers', () => {
    const plan = optimize(
      planOf(`${base} store_id = 1 AND event_time >= TIMESTAMP '2026-11-16 10:00:00' AND event_time < TIMESTAMP '2026-11-16 11:00:00'`),
      { settings: { pushdownAggregation: true }, dialect: 'cql' },
    );
    expect(scanOf(plan).pushdown).toBeNull();
  });

  test('whole days by event_date push aggregation down', () => {
    const plan = optimize(planOf(`${base} store_id = 1 AND event_date = DATE '2026-11-16'`), { settings: { pushdownAggregation: true }, dialect: 'cql' });
    expect(scanOf(plan).pushdown).toEqual({ groupBy: [] });
  });
});
