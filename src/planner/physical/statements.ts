import { partitionKey, type TableDef } from '../../catalog/table.js';
import { quoteIdentifier } from '../../cassandra/cql.js';
import type { ClusteringRestriction, ScanColumn } from '../logical.js';

/**
 * Read statements for scan tasks, as CQL for Cassandra and SQL for the embedded store.
 *
 * Every value is a bind marker (`?`); identifiers are double-quoted with embedded quotes doubled,
 * so neither values nor names can change the statement's structure.
 */
export interface ReadStatements {
  /** Reads one partition: binds the partition-key values, then the clustering values. */
  readonly partition: string;
  /** Reads a token range (start exclusive, end inclusive). Cassandra only. */
  readonly tokenRange: string | null;
  /** Lists distinct partition keys, over a token range for Cassandra, of the whole table for SQLite. */
  readonly discovery: string;
  /** Stored columns fetched, in the order the statements return them. */
  readonly fetched: readonly string[];
}

/** Stored columns a scan must fetch to produce its columns, in table order. */
export function fetchedColumns(table: TableDef, columns: readonly ScanColumn[]): string[] {
  const needed = new Set<string>();
  for (const column of columns) {
    switch (column.kind) {
      case 'stored':
        needed.add(column.name);
        break;
      case 'event_time':
        needed.add(column.source);
        break;
      case 'event_date':
        needed.add(column.year).add(column.month).add(column.day);
        break;
    }
  }
  return table.columns.map((c) => c.name).filter((name) => needed.has(name));
}

export function readStatements(
  dialect: 'cql' | 'sqlite',
  table: TableDef,
  columns: readonly ScanColumn[],
  clustering: readonly ClusteringRestriction[],
): ReadStatements {
  const fetched = fetchedColumns(table, columns);
  // SELECT with no column would be invalid; count(*) over a table needs rows, not values.
  const selectList = (fetched.length > 0 ? fetched : [partitionKey(table)[0]!.name]).map(quoteIdentifier).join(', ');
  const keyNames = partitionKey(table).map((c) => quoteIdentifier(c.name));
  const from = dialect === 'cql' ? `${quoteIdentifier(table.keyspace)}.${quoteIdentifier(table.name)}` : quoteIdentifier(table.name);

  const keyConditions = keyNames.map((name) => `${name} = ?`);
  const clusteringConditions = clustering.map((r) =>
    r.values.length === 1 ? `${quoteIdentifier(r.column)} = ?` : `${quoteIdentifier(r.column)} IN (${r.values.map(() => '?').join(', ')})`,
  );
  const partition = `SELECT ${selectList} FROM ${from} WHERE ${[...keyConditions, ...clusteringConditions].join(' AND ')}`;

  if (dialect === 'sqlite') {
    return { partition, tokenRange: null, discovery: `SELECT DISTINCT ${keyNames.join(', ')} FROM ${from}`, fetched };
  }
  const token = `token(${keyNames.join(', ')})`;
  return {
    partition,
    tokenRange: `SELECT ${selectList} FROM ${from} WHERE ${token} > ? AND ${token} <= ?`,
    discovery: `SELECT DISTINCT ${keyNames.join(', ')} FROM ${from} WHERE ${token} > ? AND ${token} <= ?`,
    fetched,
  };
}
