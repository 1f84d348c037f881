import { primaryKey, type ColumnDef, type TableDef } from '../catalog/table.js';

/** Thrown when a CSV header does not fit the table. The load of that file stops. */
export class HeaderError extends Error {
  override readonly name = 'HeaderError';
}

/**
 * Finds columns by name: an exact match first, then a case-insensitive one, because column names
 * are stored lower case unless they were created quoted.
 */
export class ColumnLookup {
  private readonly exact = new Map<string, ColumnDef>();
  private readonly folded = new Map<string, ColumnDef>();

  constructor(readonly def: TableDef) {
    for (const column of def.columns) {
      this.exact.set(column.name, column);
      if (!this.folded.has(column.name.toLowerCase())) this.folded.set(column.name.toLowerCase(), column);
    }
  }

  find(name: string): ColumnDef | undefined {
    return this.exact.get(name) ?? this.folded.get(name.toLowerCase());
  }

  /** Lists the table's columns for error messages. */
  describeColumns(): string {
    return `columns of ${this.def.name}: ${this.def.columns.map((column) => column.name).join(', ')}`;
  }
}

/**
 * Maps CSV header names to columns, in field order. Throws when a name is not a column (the
 * message lists the table's columns), when two names map to one column, or when a primary-key
 * column is missing.
 */
export function mapHeader(lookup: ColumnLookup, names: readonly string[]): ColumnDef[] {
  const columns: ColumnDef[] = [];
  const seen = new Map<string, string>();
  const unknown: string[] = [];
  for (const name of names) {
    const column = lookup.find(name.trim());
    if (column === undefined) {
      unknown.push(JSON.stringify(name));
      continue;
    }
    const earlier = seen.get(column.name);
    if (earlier !== undefined) {
      throw new HeaderError(`header names column "${column.name}" twice ("${earlier}" and "${name}")`);
    }
    seen.set(column.name, name);
    columns.push(column);
  }
  if (unknown.length > 0) {
    const noun = unknown.length === 1 ? 'column' : 'columns';
    throw new HeaderError(`header has unknown ${noun} ${unknown.join(', ')}; ${lookup.describeColumns()}`);
  }
  const missing = primaryKey(lookup.def).filter((column) => !seen.has(column.name));
  if (missing.length > 0) {
    const names = missing.map((column) => `"${column.name}"`).join(', ');
    throw new HeaderError(`header lacks primary-key column ${names}; every key column must be present`);
  }
  return columns;
}
