/**
 * Table definitions as the engine sees them, whichever store holds the rows.
 *
 * Cassandra's system_schema and the embedded store's metadata table both produce a `TableDef`;
 * nothing past this module knows which store a definition came from.
 */

/**
 * SQL types of the dialect. Every stored value is read as one of these.
 *
 * @example
 * result.columns.filter((c) => c.type === 'TIMESTAMP');
 */
export type SqlType = 'BOOLEAN' | 'BIGINT' | 'DOUBLE' | 'TEXT' | 'DATE' | 'TIMESTAMP' | 'JSON';

/** Role of a column in the primary key. */
export type ColumnKind = 'partition_key' | 'clustering' | 'regular';

export type ClusteringOrder = 'ASC' | 'DESC';

export interface ColumnDef {
  /** Column name as stored: lower case unless it was created quoted. */
  readonly name: string;
  /** CQL type text as Cassandra reports it, for example `int`, `text` or `map<text, int>`. */
  readonly cqlType: string;
  readonly kind: ColumnKind;
  /** Position within the partition key or the clustering columns; 0 for regular columns. */
  readonly position: number;
  /** Clustering order; present on clustering columns only. */
  readonly clusteringOrder?: ClusteringOrder;
}

export interface TableDef {
  readonly keyspace: string;
  readonly name: string;
  /** Columns in declaration order: partition key, clustering columns, then regular columns. */
  readonly columns: readonly ColumnDef[];
}

/** Returns the partition-key columns in key order. */
export function partitionKey(table: TableDef): ColumnDef[] {
  return table.columns.filter((c) => c.kind === 'partition_key').sort((a, b) => a.position - b.position);
}

/** Returns the clustering columns in key order. */
export function clusteringColumns(table: TableDef): ColumnDef[] {
  return table.columns.filter((c) => c.kind === 'clustering').sort((a, b) => a.position - b.position);
}

/** Returns the full primary key: partition key then clustering columns. */
export function primaryKey(table: TableDef): ColumnDef[] {
  return [...partitionKey(table), ...clusteringColumns(table)];
}

export function findColumn(table: TableDef, name: string): ColumnDef | undefined {
  return table.columns.find((c) => c.name === name);
}
