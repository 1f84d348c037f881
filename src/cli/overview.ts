import type { TableDef } from '../catalog/table.js';
import { quoteIdentifier } from '../store/ddl.js';
import type { EmbeddedStore } from '../store/store.js';
import { formatCount } from '../loader/progress.js';

const EVENT_NAMES: Readonly<Record<string, string>> = { '1': 'page view', '2': 'click', '3': 'time on page' };

/**
 * Describes a user_logs-shaped table of the embedded store: rows per store, the UTC date range of
 * log_time and events by type. Returns the text, one fact per line.
 */
export function describeUserLogs(store: EmbeddedStore, def: TableDef): string {
  const table = quoteIdentifier(def.name);
  const db = store.database;
  const total = db.prepare(`SELECT count(*) AS n FROM ${table}`).safeIntegers(true).get() as { n: bigint };
  const lines = [`${def.name} in ${store.path}: ${formatCount(Number(total.n))} rows`];
  if (total.n === 0n) return lines.join('\n');

  const range = db.prepare(`SELECT min(log_time) AS first, max(log_time) AS last FROM ${table}`).safeIntegers(true).get() as {
    first: bigint;
    last: bigint;
  };
  lines.push(`log_time from ${isoMinute(range.first)} to ${isoMinute(range.last)} UTC`);

  const stores = db
    .prepare(`SELECT store_id, count(*) AS n, count(DISTINCT user_id) AS users FROM ${table} GROUP BY store_id ORDER BY store_id`)
    .all() as { store_id: number; n: number; users: number }[];
  lines.push('rows per store:');
  for (const row of stores) {
    lines.push(`  store ${row.store_id}: ${formatCount(row.n)} rows, ${formatCount(row.users)} visitors`);
  }

  const events = db
    .prepare(`SELECT event_id, count(*) AS n FROM ${table} GROUP BY event_id ORDER BY event_id`)
    .all() as { event_id: number; n: number }[];
  lines.push('events by type:');
  for (const row of events) {
    const name = EVENT_NAMES[String(row.event_id)] ?? 'other';
    lines.push(`  ${row.event_id} ${name}: ${formatCount(row.n)}`);
  }
  return lines.join('\n');
}

function isoMinute(epochMs: bigint): string {
  return new Date(Number(epochMs)).toISOString().slice(0, 16).replace('T', ' ');
}
