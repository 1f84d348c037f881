import type { TableDef } from '../catalog/table.js';
import { sqlTypeOfCql } from '../catalog/cql-types.js';
import type { Row } from '../executor/values.js';
import { detectTimeBuckets } from '../planner/time-buckets.js';
import type { ResultColumn } from './result.js';

/** DESCRIBE output: one row per column with its CQL and SQL types and its role in the key. */
export function describeTable(table: TableDef): { columns: ResultColumn[]; rows: Row[] } {
  const columns: ResultColumn[] = [
    { name: 'column', type: 'TEXT' },
    { name: 'cql_type', type: 'TEXT' },
    { name: 'sql_type', type: 'TEXT' },
    { name: 'key', type: 'TEXT' },
  ];
  const rows: Row[] = table.columns.map((c) => [
    c.name,
    c.cqlType,
    sqlTypeOfCql(c.cqlType) ?? 'unreadable',
    c.kind === 'partition_key' ? `partition key ${c.position + 1}` : c.kind === 'clustering' ? `clustering ${c.position + 1} ${c.clusteringOrder ?? 'ASC'}` : '',
  ]);
  const buckets = detectTimeBuckets(table);
  if (buckets) {
    rows.push(['event_time', `virtual: ${buckets.timestampColumn}`, 'TIMESTAMP', '']);
    rows.push(['event_date', `virtual: ${buckets.year}, ${buckets.month}, ${buckets.day}`, 'DATE', '']);
  }
  return { columns, rows };
}
