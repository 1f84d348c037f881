import type { Engine } from '../../src/index.js';

/**
 * Queries whose rows must not depend on how partitions are found or whether aggregation runs in
 * the store: each runs with pushdown on, off, and with enumeration replaced by discovery.
 */
export const EQUIVALENCE_QUERIES: readonly string[] = [
  "SELECT event_date, event_id, count(*) AS n FROM user_logs WHERE store_id = 1 AND event_date BETWEEN DATE '2026-11-16' AND DATE '2026-11-22' GROUP BY event_date, event_id",
  "SELECT store_id, count(*) AS n, min(log_time) AS first, max(log_time) AS last, avg(hour) AS mean_hour FROM user_logs WHERE store_id IN (1, 2, 3) AND event_date = DATE '2026-11-20' GROUP BY store_id",
  "SELECT hour, count(*) AS n FROM user_logs WHERE store_id = 2 AND event_date = DATE '2026-11-18' AND hour BETWEEN 8 AND 17 AND event_id = 2 GROUP BY hour",
  "SELECT count(*) AS n FROM user_logs WHERE store_id = 3 AND event_time >= TIMESTAMP '2026-11-19 10:30:00' AND event_time < TIMESTAMP '2026-11-19 14:00:00'",
  "SELECT detail->'click_target'->>'btn-id' AS button, count(*) AS n FROM user_logs WHERE store_id = 1 AND (event_date = DATE '2026-11-17' OR event_date = DATE '2026-11-24') AND event_id = 2 GROUP BY 1",
  "SELECT event_id, count(DISTINCT session_id) AS sessions FROM user_logs WHERE event_date = DATE '2026-11-21' GROUP BY event_id",
  "SELECT url, log_time FROM user_logs WHERE store_id = 2 AND event_date = DATE '2026-11-25' AND hour = 20 AND event_id = 1",
];

/** Rows as sorted JSON lines, so results compare as multisets. */
export async function rowsOf(engine: Engine, sql: string): Promise<string[]> {
  const rows = await (await engine.query(sql)).toArray();
  return rows.map((row) => JSON.stringify(row, (_key, value) => (typeof value === 'bigint' ? value.toString() : value))).sort();
}

export async function set(engine: Engine, name: string, value: string): Promise<void> {
  await (await engine.query(`SET ${name} = '${value}'`)).toArray();
}

/** Runs a query with pushdown on and off and with discovery in place of enumeration. */
export async function runThreeWays(engine: Engine, sql: string): Promise<{ pushedAndPruned: string[]; pruned: string[]; discovered: string[] }> {
  await set(engine, 'pushdown_aggregation', 'on');
  await set(engine, 'max_enumerated_partitions', '100000');
  const pushedAndPruned = await rowsOf(engine, sql);

  await set(engine, 'pushdown_aggregation', 'off');
  const pruned = await rowsOf(engine, sql);

  // A cap of 1 turns every enumeration into partition discovery.
  await set(engine, 'max_enumerated_partitions', '1');
  const discovered = await rowsOf(engine, sql);

  await (await engine.query('RESET pushdown_aggregation')).toArray();
  await (await engine.query('RESET max_enumerated_partitions')).toArray();
  return { pushedAndPruned, pruned, discovered };
}
