import type { CancelCheck } from '../cancel-flag.js';
import Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import type { Value } from '../values.js';
import type { TaskStats } from '../fragment.js';
import type { PartitionReader } from './reader.js';

const handles = new Map<string, Database.Database>();

/** Returns this thread's read-only handle on an embedded store file, opening it once. */
export function embeddedHandle(path: string): Database.Database {
  let db = handles.get(path);
  if (!db) {
    db = new Database(path, { readonly: true, fileMustExist: true });
    handles.set(path, db);
  }
  return db;
}

export function closeEmbeddedHandles(): void {
  for (const db of handles.values()) db.close();
  handles.clear();
}

/** Reads partitions of the embedded store with one prepared statement per query text. */
export class EmbeddedReader implements PartitionReader {
  private readonly statement: Statement;

  constructor(path: string, partitionSql: string) {
    this.statement = embeddedHandle(path).prepare(partitionSql).raw(true).safeIntegers(true);
  }

  async readPartition(key: readonly Value[], clusteringValues: readonly Value[], onRow: (cells: unknown[]) => void, stats: TaskStats, signal?: CancelCheck, afterPage?: () => Promise<void>): Promise<void> {
    signal?.throwIfAborted();
    stats.partitions += 1;
    stats.pages += 1;
    for (const cells of this.statement.iterate(...toSqlite(key), ...toSqlite(clusteringValues)) as Iterable<unknown[]>) {
      stats.rowsScanned += 1;
      onRow(cells);
    }
    await afterPage?.();
  }

  async readTokenRange(): Promise<void> {
    throw new Error('the embedded store reads partitions, not token ranges');
  }
}

function toSqlite(values: readonly Value[]): unknown[] {
  // SQLite stores booleans as the integers 0 and 1.
  return values.map((value) => (typeof value === 'boolean' ? Number(value) : value));
}

/** Lists the distinct partition keys of an embedded table. */
export function discoverEmbedded(path: string, discoverySql: string): Value[][] {
  const rows = embeddedHandle(path).prepare(discoverySql).raw(true).safeIntegers(false).all() as Value[][];
  return rows;
}
