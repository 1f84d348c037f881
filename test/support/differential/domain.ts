/**
 * Reads the values that random queries filter on from the DuckDB copy of the data set.
 */
import type { DuckDbStore } from './duckdb-store.js';
import type { QueryDomain } from './query-generator.js';

async function column(duckdb: DuckDbStore, sql: string): Promise<string[]> {
  const reader = await duckdb.connection.runAndReadAll(sql);
  return reader.getRowsJS().map((row) => String(row[0]));
}

/**
 * Collects a sorted sample of each value list, so the domain does not depend on row order. Each
 * expression is wrapped in parentheses, because DuckDB binds `->>` more loosely than IS NULL.
 */
export async function readQueryDomain(duckdb: DuckDbStore, table = 'user_logs'): Promise<QueryDomain> {
  const from = `FROM main."${table}"`;
  const sample = (expression: string, count: number) =>
    column(duckdb, `SELECT v FROM (SELECT DISTINCT (${expression}) AS v ${from} WHERE (${expression}) IS NOT NULL) ORDER BY hash(v), v LIMIT ${count}`);
  const sorted = (expression: string) => column(duckdb, `SELECT DISTINCT (${expression}) AS v ${from} WHERE (${expression}) IS NOT NULL ORDER BY v`);
  return {
    stores: (await sorted('store_id')).map(Number),
    dates: await sorted("strftime(event_date, '%Y-%m-%d')"),
    days: (await sorted('day')).map(Number),
    userIds: await sample('user_id', 30),
    sessionIds: await sample('session_id', 30),
    itemIds: await sample("detail->>'item_id'", 40),
    categories: await sorted("detail->>'category'"),
    pageTypes: await sorted("detail->>'page_type'"),
    buttons: await sorted("detail->'click_target'->>'btn-id'"),
    paths: await sample('url_path(url)', 30),
  };
}
