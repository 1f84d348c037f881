import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { partitionKey, type TableDef } from '../catalog/table.js';
import type { CellValue, Row } from '../loader/sink.js';
import { encodeCell, rowDecoder } from './codec.js';
import { createTableSql, partitionSelectSql, tableScanSql } from './ddl.js';
import {
  CREATE_METADATA_SQL,
  METADATA_TABLE,
  parseTableDef,
  sameTableShape,
  serializeTableDef,
  TableDefError,
  validateTableDef,
} from './schema.js';
import { EmbeddedSink } from './sink.js';

export interface OpenOptions {
  /** Opens an existing file read-only. Worker threads scan through such handles. */
  readonly readonly?: boolean;
  /** Creates the file and its folder when missing. Defaults to true for writable handles. */
  readonly create?: boolean;
}

/** Thrown when the store file cannot be opened or a table is missing. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
}

/**
 * An SQLite file holding Cassandra-shaped tables: one WITHOUT ROWID table per `TableDef`, keyed
 * by the partition-key columns then the clustering columns, plus a metadata table that keeps each
 * definition.
 */
export class EmbeddedStore {
  private constructor(
    readonly path: string,
    readonly readonly: boolean,
    /** The better-sqlite3 handle, for the executor's own statements. */
    readonly database: Database.Database,
  ) {}

  static open(file: string, options: OpenOptions = {}): EmbeddedStore {
    const readonly = options.readonly ?? false;
    const create = options.create ?? !readonly;
    if (readonly && options.create === true) {
      throw new StoreError(`cannot create ${file}: the store is opened read-only`);
    }
    const resolved = path.resolve(file);
    if (!fs.existsSync(resolved) && !create) {
      throw new StoreError(`database not found: ${resolved}`);
    }
    if (create) fs.mkdirSync(path.dirname(resolved), { recursive: true });

    let database: Database.Database;
    try {
      database = new Database(resolved, { readonly, fileMustExist: !create });
    } catch (error) {
      throw new StoreError(`cannot open ${resolved}: ${(error as Error).message}`);
    }
    const store = new EmbeddedStore(resolved, readonly, database);
    try {
      store.configure();
    } catch (error) {
      database.close();
      throw new StoreError(`cannot open ${resolved}: ${(error as Error).message}`);
    }
    return store;
  }

  /**
   * Sets the pragmas. Writers use WAL, so readers in worker threads can scan while a load runs,
   * and synchronous=NORMAL, which in WAL mode keeps the file consistent after a crash of the
   * process but may lose the last transactions on power loss. Both handles get a 64 MiB page cache.
   */
  private configure(): void {
    const db = this.database;
    db.pragma('busy_timeout = 10000');
    db.pragma('cache_size = -65536');
    if (this.readonly) {
      db.pragma('query_only = ON');
      // Reading the schema here turns "file is not a database" into an error at open time.
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
      return;
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('temp_store = MEMORY');
    db.exec(CREATE_METADATA_SQL);
  }

  /**
   * Creates the table of a definition and records the definition. Returns false when a table of
   * the same shape already exists, and throws when a table of that name has another shape.
   */
  createTable(def: TableDef): boolean {
    validateTableDef(def);
    const existing = this.table(def.name);
    if (existing !== undefined) {
      if (sameTableShape(existing, def)) return false;
      throw new TableDefError(
        `table "${def.name}" already exists in ${this.path} with other columns or keys; choose another name`,
      );
    }
    const create = this.database.transaction(() => {
      this.database.exec(createTableSql(def));
      this.database
        .prepare(`INSERT INTO ${METADATA_TABLE} (name, keyspace, definition, created_at) VALUES (?, ?, ?, ?)`)
        .run(def.name, def.keyspace, serializeTableDef(def), Date.now());
    });
    create();
    return true;
  }

  /** Returns every recorded table definition, sorted by name. */
  tables(): TableDef[] {
    if (!this.hasMetadata()) return [];
    const rows = this.database
      .prepare(`SELECT definition FROM ${METADATA_TABLE} ORDER BY name`)
      .all() as { definition: string }[];
    return rows.map((row) => parseTableDef(row.definition));
  }

  /** Returns the definition of a table by its exact name, or undefined. */
  table(name: string): TableDef | undefined {
    if (!this.hasMetadata()) return undefined;
    const row = this.database.prepare(`SELECT definition FROM ${METADATA_TABLE} WHERE name = ?`).get(name) as
      | { definition: string }
      | undefined;
    return row === undefined ? undefined : parseTableDef(row.definition);
  }

  /** Returns a sink that upserts rows into a table created by `createTable`. */
  sink(def: TableDef): EmbeddedSink {
    if (this.readonly) throw new StoreError(`${this.path} is open read-only; cannot write to "${def.name}"`);
    if (this.table(def.name) === undefined) {
      throw new StoreError(`table "${def.name}" not found in ${this.path}; create it first`);
    }
    return new EmbeddedSink(this.database, def, this.path);
  }

  /** Reads one partition in clustering order. `key` contains the partition-key values in key order. */
  *readPartition(def: TableDef, key: readonly CellValue[]): IterableIterator<Row> {
    const expected = partitionKey(def).length;
    if (key.length !== expected) {
      throw new StoreError(`partition key of "${def.name}" has ${expected} columns, got ${key.length} values`);
    }
    const statement = this.database.prepare(partitionSelectSql(def)).safeIntegers(true).raw(true);
    const decode = rowDecoder(def);
    const parameters = key.map(encodeCell);
    for (const values of statement.iterate(...parameters)) {
      yield decode(values as unknown[]);
    }
  }

  /** Reads every row of a table. */
  *scan(def: TableDef): IterableIterator<Row> {
    const statement = this.database.prepare(tableScanSql(def)).safeIntegers(true).raw(true);
    const decode = rowDecoder(def);
    for (const values of statement.iterate()) {
      yield decode(values as unknown[]);
    }
  }

  /** Closes the handle. A writer's close checkpoints the WAL into the main file. */
  close(): void {
    if (this.database.open) this.database.close();
  }

  private hasMetadata(): boolean {
    const row = this.database
      .prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`)
      .get(METADATA_TABLE);
    return row !== undefined;
  }
}
