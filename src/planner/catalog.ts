import type { TableDef } from '../catalog/table.js';
import type { TimeBucketOverride } from './time-buckets.js';

/** Table definitions the binder resolves names against. */
export interface Catalog {
  /** Keyspace used for unqualified table names. */
  readonly defaultKeyspace: string;
  table(keyspace: string | null, name: string): TableDef | undefined;
  tableNames(): readonly string[];
  /** Configured time-bucket layout for a table, overriding detection. */
  timeBucketOverride?(table: TableDef): TimeBucketOverride | undefined;
}

/** A catalog over a fixed list of definitions, as the embedded store and tests provide. */
export function staticCatalog(defaultKeyspace: string, tables: readonly TableDef[]): Catalog {
  return {
    defaultKeyspace,
    table: (keyspace, name) => tables.find((t) => t.name === name && (keyspace === null || t.keyspace === keyspace)),
    tableNames: () => tables.map((t) => t.name),
  };
}
