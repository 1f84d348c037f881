import type { TableDef } from './table.js';

/**
 * The flagship table: web-analytics events partitioned by store and UTC hour.
 *
 * event_id: 1 page view, 2 click, 3 time on page. log_time: milliseconds since the epoch, and
 * year/month/day/hour are its UTC calendar fields. detail: a JSON object as text.
 * Only `init`, `generate` and `load --create` use this definition; queries read table
 * definitions from the store's schema.
 */
export function userLogsTable(keyspace: string, name = 'user_logs'): TableDef {
  return {
    keyspace,
    name,
    columns: [
      { name: 'store_id', cqlType: 'int', kind: 'partition_key', position: 0 },
      { name: 'year', cqlType: 'int', kind: 'partition_key', position: 1 },
      { name: 'month', cqlType: 'int', kind: 'partition_key', position: 2 },
      { name: 'day', cqlType: 'int', kind: 'partition_key', position: 3 },
      { name: 'hour', cqlType: 'int', kind: 'partition_key', position: 4 },
      { name: 'event_id', cqlType: 'int', kind: 'clustering', position: 0, clusteringOrder: 'ASC' },
      { name: 'user_id', cqlType: 'text', kind: 'clustering', position: 1, clusteringOrder: 'ASC' },
      { name: 'session_id', cqlType: 'text', kind: 'clustering', position: 2, clusteringOrder: 'ASC' },
      { name: 'log_time', cqlType: 'bigint', kind: 'clustering', position: 3, clusteringOrder: 'ASC' },
      { name: 'url', cqlType: 'text', kind: 'regular', position: 0 },
      { name: 'detail', cqlType: 'text', kind: 'regular', position: 0 },
    ],
  };
}

/** Keyspace used when none is given. */
export const DEFAULT_KEYSPACE = 'cassalytics';
