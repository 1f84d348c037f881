import type Database from 'better-sqlite3';
import type { TableDef } from '../catalog/table.js';
import type { Row, RowSink } from '../loader/sink.js';
import { rowEncoder } from './codec.js';
import { insertOrReplaceSql } from './ddl.js';

/**
 * Writes rows into one embedded table. Each `write` call is one transaction of
 * `INSERT OR REPLACE` statements, so a row whose primary key is already stored replaces it, as a
 * Cassandra INSERT does.
 */
export class EmbeddedSink implements RowSink {
  readonly description: string;
  private readonly insertBatch: (rows: readonly Row[]) => void;
  private closed = false;

  constructor(database: Database.Database, def: TableDef, path: string) {
    this.description = `${path} ${def.name}`;
    const statement = database.prepare(insertOrReplaceSql(def));
    const encode = rowEncoder(def);
    this.insertBatch = database.transaction((rows: readonly Row[]) => {
      for (const row of rows) statement.run(encode(row));
    });
  }

  async write(rows: readonly Row[]): Promise<void> {
    if (this.closed) throw new Error(`${this.description}: write after close`);
    if (rows.length === 0) return;
    this.insertBatch(rows);
  }

  /** Stops accepting rows. The database handle stays open and belongs to the store. */
  async close(): Promise<void> {
    this.closed = true;
  }
}
