import { partitionKey, type TableDef } from '../../catalog/table.js';
import { quoteIdentifier } from '../../cassandra/cql.js';
import type { ClusteringRestriction, PushedAggregateColumn, PushedAggregation, ScanColumn } from '../logical.js';

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
  /**
   * Selected items in order: a stored column's name, or `#N` for the pushed aggregate at position N
   * of the scan's columns.
   */
  readonly fetched: readonly string[];
  /**
   * True when partition-key values are not selected but taken from the key of the partition being
   * read, as pushed aggregation does.
   */
  readonly keyFromTask: boolean;
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
      case 'pushed_aggregate':
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
  pushdown: PushedAggregation | null = null,
): ReadStatements {
  const keyNames = partitionKey(table).map((c) => quoteIdentifier(c.name));
  const from = dialect === 'cql' ? `${quoteIdentifier(table.keyspace)}.${quoteIdentifier(table.name)}` : quoteIdentifier(table.name);
  const keyConditions = keyNames.map((name) => `${name} = ?`);
  const clusteringConditions = clustering.map((r) =>
    r.values.length === 1 ? `${quoteIdentifier(r.column)} = ?` : `${quoteIdentifier(r.column)} IN (${r.values.map(() => '?').join(', ')})`,
  );
  const where = `WHERE ${[...keyConditions, ...clusteringConditions].join(' AND ')}`;
  const discovery =
    dialect === 'sqlite'
      ? `SELECT DISTINCT ${keyNames.join(', ')} FROM ${from}`
      : `SELECT DISTINCT ${keyNames.join(', ')} FROM ${from} WHERE token(${keyNames.join(', ')}) > ? AND token(${keyNames.join(', ')}) <= ?`;

  if (pushdown) {
    const fetched = [...pushdown.groupBy];
    const items = pushdown.groupBy.map(quoteIdentifier);
    columns.forEach((column, i) => {
      if (column.kind !== 'pushed_aggregate') return;
      fetched.push(`#${i}`);
      items.push(pushedSelector(column, dialect));
    });
    const groupBy = pushdown.groupBy.length > 0 ? ` GROUP BY ${pushdown.groupBy.map(quoteIdentifier).join(', ')}` : '';
    return { partition: `SELECT ${items.join(', ')} FROM ${from} ${where}${groupBy}`, tokenRange: null, discovery, fetched, keyFromTask: true };
  }

  const fetched = fetchedColumns(table, columns);
  // SELECT with no column would be invalid; count(*) over a table needs rows, not values.
  const selectList = (fetched.length > 0 ? fetched : [partitionKey(table)[0]!.name]).map(quoteIdentifier).join(', ');
  const partition = `SELECT ${selectList} FROM ${from} ${where}`;
  if (dialect === 'sqlite') return { partition, tokenRange: null, discovery, fetched, keyFromTask: false };
  const token = `token(${keyNames.join(', ')})`;
  return { partition, tokenRange: `SELECT ${selectList} FROM ${from} WHERE ${token} > ? AND ${token} <= ?`, discovery, fetched, keyFromTask: false };
}

/**
 * Returns the selector of a pushed aggregate. CQL sums an int column as an int that wraps around
 * on overflow, so integer sums are cast to varint first.
 */
function pushedSelector(column: PushedAggregateColumn, dialect: 'cql' | 'sqlite'): string {
  if (column.column === null) return 'count(*)';
  const name = quoteIdentifier(column.column);
  if (column.fn === 'sum' && column.type === 'BIGINT' && dialect === 'cql') return `sum(CAST(${name} AS varint))`;
  return `${column.fn}(${name})`;
}
