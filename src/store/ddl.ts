import { primaryKey, type TableDef } from '../catalog/table.js';
import { cellKindOfCql, type CellKind } from '../loader/cell-kind.js';

/** SQLite storage classes that a STRICT table accepts. */
export type StorageClass = 'INTEGER' | 'REAL' | 'TEXT' | 'BLOB';

/** Quotes an SQLite identifier, doubling any embedded double quote. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Returns the SQLite column type that stores values of a CQL type. */
export function storageClassOf(kind: CellKind): StorageClass {
  switch (kind) {
    case 'int32':
    case 'int16':
    case 'int8':
    case 'int64':
    case 'varint':
    case 'timestamp':
    case 'boolean':
      return 'INTEGER';
    case 'double':
      return 'REAL';
    case 'text':
    case 'ascii':
    case 'uuid':
    case 'inet':
    case 'date':
    case 'json':
      return 'TEXT';
    case 'unsupported':
      return 'BLOB';
  }
}

/**
 * Builds the CREATE TABLE statement for a table definition.
 *
 * The primary key lists the partition-key columns, then the clustering columns with their
 * clustering order. The table is WITHOUT ROWID, so rows are stored in primary-key order and a
 * read of one partition is a range scan of the table's own b-tree. STRICT makes SQLite reject a
 * value of the wrong storage class instead of storing it.
 */
export function createTableSql(def: TableDef): string {
  const columns = def.columns.map((column) => {
    const type = storageClassOf(cellKindOfCql(column.cqlType));
    return `  ${quoteIdentifier(column.name)} ${type}`;
  });
  const keyParts = primaryKey(def).map((column) => {
    const order = column.clusteringOrder === 'DESC' ? ' DESC' : '';
    return `${quoteIdentifier(column.name)}${order}`;
  });
  return [
    `CREATE TABLE ${quoteIdentifier(def.name)} (`,
    `${columns.join(',\n')},`,
    `  PRIMARY KEY (${keyParts.join(', ')})`,
    ') STRICT, WITHOUT ROWID',
  ].join('\n');
}

/** Builds the upsert statement with one positional parameter per column, in declaration order. */
export function insertOrReplaceSql(def: TableDef): string {
  const names = def.columns.map((column) => quoteIdentifier(column.name));
  const params = def.columns.map(() => '?');
  return `INSERT OR REPLACE INTO ${quoteIdentifier(def.name)} (${names.join(', ')}) VALUES (${params.join(', ')})`;
}

/**
 * Builds a SELECT of every column of one partition: equality on each partition-key column
 * (positional parameters in key order), rows in clustering order.
 */
export function partitionSelectSql(def: TableDef): string {
  const keyColumns = primaryKey(def);
  const partition = keyColumns.filter((column) => column.kind === 'partition_key');
  const clustering = keyColumns.filter((column) => column.kind === 'clustering');
  const names = def.columns.map((column) => quoteIdentifier(column.name)).join(', ');
  const where = partition.map((column) => `${quoteIdentifier(column.name)} = ?`).join(' AND ');
  const orderBy = clustering.map((column) => {
    const order = column.clusteringOrder === 'DESC' ? ' DESC' : '';
    return `${quoteIdentifier(column.name)}${order}`;
  });
  const orderClause = orderBy.length > 0 ? ` ORDER BY ${orderBy.join(', ')}` : '';
  return `SELECT ${names} FROM ${quoteIdentifier(def.name)} WHERE ${where}${orderClause}`;
}

/** Builds a SELECT of every row of a table, with no ORDER BY. */
export function tableScanSql(def: TableDef): string {
  const names = def.columns.map((column) => quoteIdentifier(column.name)).join(', ');
  return `SELECT ${names} FROM ${quoteIdentifier(def.name)}`;
}
