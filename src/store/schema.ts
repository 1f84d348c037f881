import type { ClusteringOrder, ColumnDef, ColumnKind, TableDef } from '../catalog/table.js';

/**
 * The embedded store's catalog: one row per table, holding the table's `TableDef` as JSON so the
 * CQL types, key roles and clustering order survive (SQLite's own schema keeps only storage
 * classes).
 */
export const METADATA_TABLE = 'cassalytics_tables';

export const CREATE_METADATA_SQL = `CREATE TABLE IF NOT EXISTS ${METADATA_TABLE} (
  name TEXT PRIMARY KEY NOT NULL,
  keyspace TEXT NOT NULL,
  definition TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT`;

/** Thrown when a table definition is invalid or a stored one cannot be read back. */
export class TableDefError extends Error {
  override readonly name = 'TableDefError';
}

const COLUMN_KINDS: readonly ColumnKind[] = ['partition_key', 'clustering', 'regular'];
const RESERVED_PREFIXES = ['sqlite_', 'cassalytics_'];

/**
 * Checks that a definition can become an embedded table: a non-empty name outside the reserved
 * prefixes, unique column names, at least one partition-key column, key positions numbered 0..n-1
 * within each role, and clustering order only on clustering columns.
 */
export function validateTableDef(def: TableDef): void {
  if (def.name.length === 0) throw new TableDefError('table name is empty');
  const lowerName = def.name.toLowerCase();
  const reserved = RESERVED_PREFIXES.find((prefix) => lowerName.startsWith(prefix));
  if (reserved !== undefined) {
    throw new TableDefError(`table name "${def.name}" is invalid: names starting with "${reserved}" are reserved`);
  }

  const seen = new Set<string>();
  for (const column of def.columns) {
    if (column.name.length === 0) throw new TableDefError(`table "${def.name}" has a column with an empty name`);
    if (seen.has(column.name)) throw new TableDefError(`table "${def.name}" declares column "${column.name}" twice`);
    seen.add(column.name);
    if (column.kind !== 'clustering' && column.clusteringOrder !== undefined) {
      throw new TableDefError(`column "${column.name}" has a clustering order but is not a clustering column`);
    }
  }

  for (const kind of ['partition_key', 'clustering'] as const) {
    const positions = def.columns
      .filter((column) => column.kind === kind)
      .map((column) => column.position)
      .sort((a, b) => a - b);
    if (kind === 'partition_key' && positions.length === 0) {
      throw new TableDefError(`table "${def.name}" has no partition-key column`);
    }
    positions.forEach((position, index) => {
      if (position !== index) {
        throw new TableDefError(
          `table "${def.name}": ${kind} positions must be 0..${positions.length - 1}, found ${positions.join(', ')}`,
        );
      }
    });
  }
}

/** Serializes a definition for the metadata table. */
export function serializeTableDef(def: TableDef): string {
  return JSON.stringify({ keyspace: def.keyspace, name: def.name, columns: def.columns });
}

/** Parses and validates a definition read from the metadata table. */
export function parseTableDef(json: string): TableDef {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new TableDefError(`stored table definition is not valid JSON: ${(error as Error).message}`);
  }
  if (!isRecord(value)) throw new TableDefError('stored table definition is not a JSON object');
  const { keyspace, name, columns } = value;
  if (typeof keyspace !== 'string' || typeof name !== 'string' || !Array.isArray(columns)) {
    throw new TableDefError('stored table definition lacks keyspace, name or columns');
  }
  const def: TableDef = { keyspace, name, columns: columns.map((column) => parseColumn(name, column)) };
  validateTableDef(def);
  return def;
}

function parseColumn(table: string, value: unknown): ColumnDef {
  if (!isRecord(value)) throw new TableDefError(`stored table "${table}" has a column that is not an object`);
  const { name, cqlType, kind, position, clusteringOrder } = value;
  if (typeof name !== 'string' || typeof cqlType !== 'string' || typeof position !== 'number') {
    throw new TableDefError(`stored table "${table}" has a column without name, cqlType or position`);
  }
  if (!COLUMN_KINDS.includes(kind as ColumnKind)) {
    throw new TableDefError(`stored column "${table}.${name}" has an invalid kind: ${JSON.stringify(kind)}`);
  }
  if (clusteringOrder !== undefined && clusteringOrder !== 'ASC' && clusteringOrder !== 'DESC') {
    throw new TableDefError(`stored column "${table}.${name}" has an invalid clustering order`);
  }
  const column: ColumnDef = { name, cqlType, kind: kind as ColumnKind, position };
  return clusteringOrder === undefined ? column : { ...column, clusteringOrder: clusteringOrder as ClusteringOrder };
}

/** Returns true when two definitions describe the same columns, key roles and types. */
export function sameTableShape(a: TableDef, b: TableDef): boolean {
  if (a.name !== b.name || a.columns.length !== b.columns.length) return false;
  return a.columns.every((column, index) => {
    const other = b.columns[index]!;
    return (
      column.name === other.name &&
      column.cqlType.replaceAll(' ', '').toLowerCase() === other.cqlType.replaceAll(' ', '').toLowerCase() &&
      column.kind === other.kind &&
      column.position === other.position &&
      (column.clusteringOrder ?? 'ASC') === (other.clusteringOrder ?? 'ASC')
    );
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
