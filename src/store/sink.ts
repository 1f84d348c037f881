import type Database from 'better-sqlite3';
import type { TableDef } from '../catalog/table.js';
import { RowRejectedError, type Row, type RowSink } from '../loader/sink.js';
import { rowEncoder } from './codec.js';
import { insertOrReplaceSql } from './ddl.js';

/**
 * Writes rows into one embedded table. Each `write` call is one transaction of
 * `INSERT OR REPLACE` statements, so a row whose primary key is already stored replaces it, as a
 * Cassandra INSERT does. A row that SQLite rejects rolls the whole call back and raises
 * `RowRejectedError`.
 */
export class EmbeddedSink implements RowSink {
  readonly description: string;
  private readonly insertBatch: (rows: readonly Row[]) => void;
  private closed = false;

  constructor(
    private readonly database: Database.Database,
    def: TableDef,
    path: string,
  ) {
    this.description = `${path} ${def.name}`;
    const statement = database.prepare(insertOrReplaceSql(def));
    const encode = rowEncoder(def);
    this.insertBatch = database.transaction((rows: readonly Row[]) => {
      for (let index = 0; index < rows.length; index++) {
        try {
          statement.run(encode(rows[index]!));
        } catch (error) {
          throw isRowError(error) ? this.rejection(index, error as Error) : error;
        }
      }
    });
  }

  async write(rows: readonly Row[]): Promise<void> {
    if (this.closed) throw new Error(`${this.description}: write after close`);
    if (rows.length === 0) return;
    // better-sqlite3 raises a TypeError on a closed handle, which would pass for a binding error.
    if (!this.database.open) throw new Error(`${this.description}: the database is closed`);
    this.insertBatch(rows);
  }

  /** Stops accepting rows. The database handle stays open and belongs to the store. */
  async close(): Promise<void> {
    this.closed = true;
  }

  private rejection(index: number, error: Error): RowRejectedError {
    const reason = `SQLite rejected the row: ${error.message}`;
    return new RowRejectedError(`${this.description}: row ${index} of the batch: ${reason}`, reason, { cause: error });
  }
}

/**
 * Returns whether SQLite rejected a row for its content: a constraint or type check failed, a value
 * is too large, or better-sqlite3 cannot bind a value (TypeError, or RangeError for a bigint
 * beyond 64 bits). Other errors, such as a full disk or a locked database, concern the store.
 */
function isRowError(error: unknown): boolean {
  if (error instanceof TypeError || error instanceof RangeError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_MISMATCH' || code === 'SQLITE_TOOBIG';
}
