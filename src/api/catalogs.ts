import type cassandra from 'cassandra-driver';
import type { TableDef } from '../catalog/table.js';
import { listTables, readTableDef } from '../cassandra/schema.js';
import type { Catalog } from '../planner/catalog.js';
import type { EmbeddedStore } from '../store/store.js';

/**
 * The catalog an engine binds against. Cassandra definitions are read from system_schema before
 * binding (`prepare`) and cached per connection until `refresh`.
 */
export interface EngineCatalog extends Catalog {
  /** Loads the definitions of the named tables, so the synchronous lookups find them. */
  prepare(tables: readonly { keyspace: string | null; name: string }[]): Promise<void>;
  /** Lists the tables of the default keyspace. */
  listTables(): Promise<string[]>;
  refresh(): void;
}

export function embeddedCatalog(store: EmbeddedStore): EngineCatalog {
  let tables: TableDef[] | null = null;
  const all = () => (tables ??= store.tables());
  return {
    defaultKeyspace: 'main',
    table: (_keyspace, name) => all().find((t) => t.name === name),
    tableNames: () => all().map((t) => t.name),
    prepare: async () => undefined,
    listTables: async () => all().map((t) => t.name),
    refresh: () => {
      tables = null;
    },
  };
}

export function cassandraCatalog(client: cassandra.Client, defaultKeyspace: string): EngineCatalog {
  const definitions = new Map<string, TableDef | null>();
  let names: string[] | null = null;
  const keyOf = (keyspace: string | null, name: string) => `${keyspace ?? defaultKeyspace}.${name}`;
  return {
    defaultKeyspace,
    table: (keyspace, name) => definitions.get(keyOf(keyspace, name)) ?? undefined,
    tableNames: () => names ?? [...definitions.values()].filter((t): t is TableDef => t !== null).map((t) => t.name),
    async prepare(tables) {
      for (const { keyspace, name } of tables) {
        const key = keyOf(keyspace, name);
        if (!definitions.has(key)) definitions.set(key, (await readTableDef(client, keyspace ?? defaultKeyspace, name)) ?? null);
        // A name that does not exist needs the table list for "did you mean".
        if (definitions.get(key) === null && names === null) names = await listTables(client, defaultKeyspace);
      }
    },
    async listTables() {
      names = await listTables(client, defaultKeyspace);
      return names;
    },
    refresh() {
      definitions.clear();
      names = null;
    },
  };
}
