import { clusteringColumns, partitionKey } from '../../src/catalog/table.js';
import type { Value } from '../../src/executor/values.js';
import { renderTable } from '../../src/format/index.js';
import { parse, printIdentifier } from '../../src/parser/index.js';
import { detectTimeBuckets } from '../../src/planner/time-buckets.js';
import type { ReplEngine } from '../engine-port.js';

/**
 * Describes a table for `\d`: the DESCRIBE rows (columns with CQL and SQL types and key roles) as
 * a table fitted to `width`. Lines under it give the partition key, the clustering order and the
 * time buckets, which let filters on event_time and event_date skip partitions. Throws the
 * engine's error for an unknown table.
 */
export async function describeTableText(engine: ReplEngine, table: string, options: { width: number; color: boolean; timeZone: string }): Promise<string> {
  const [statement] = parse(`DESCRIBE ${printIdentifier(table)}`);
  const result = await engine.run(statement!);
  const rows: Value[][] = [];
  for await (const batch of result.batches()) rows.push(...(batch as Value[][]));
  const text = renderTable(result.columns, rows, { timeZone: options.timeZone, width: options.width, color: options.color }).text;

  const def = engine.catalog.table(null, table);
  if (def === undefined) return text;
  const lines = [`partition key: (${partitionKey(def).map((column) => column.name).join(', ')})`];
  const clustering = clusteringColumns(def);
  if (clustering.length > 0) {
    lines.push(`clustering: ${clustering.map((column) => `${column.name} ${column.clusteringOrder ?? 'ASC'}`).join(', ')}`);
  }
  const buckets = detectTimeBuckets(def);
  if (buckets === null) {
    lines.push('time buckets: none (no year, month, day partition columns beside a millisecond timestamp column)');
  } else {
    const fields = [buckets.year, buckets.month, buckets.day, ...(buckets.hour === null ? [] : [buckets.hour])].join(', ');
    lines.push(`time buckets: ${buckets.unit === 'hour' ? 'hourly' : 'daily'} partitions; ${fields} are the UTC calendar fields of ${buckets.timestampColumn}`);
    lines.push(`  filters on event_time (${buckets.timestampColumn} as TIMESTAMP) and event_date read only the matching partitions`);
  }
  return `${text}${lines.join('\n')}\n`;
}
