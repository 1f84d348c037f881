/**
 * Reads user_logs input files (CSV with a header, or NDJSON) into rows for DuckDB. It follows
 * the loader's documented contract rather than its code. An empty CSV field of a text column is
 * the empty string, and a JSON null or a missing field is NULL. A later row with the same primary
 * key replaces an earlier one, as an upsert does in Cassandra and in the embedded store.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';

export interface UserLogRow {
  readonly store_id: number;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly event_id: number;
  readonly user_id: string;
  readonly session_id: string;
  readonly log_time: bigint;
  readonly url: string | null;
  readonly detail: string | null;
}

const INTEGER_COLUMNS = ['store_id', 'year', 'month', 'day', 'hour', 'event_id'] as const;

function toRow(record: Record<string, unknown>, where: string): UserLogRow {
  const integer = (name: string): number => {
    const value = Number(String(record[name]).trim());
    if (!Number.isInteger(value)) throw new Error(`${where}: column ${name} is not an integer: ${String(record[name])}`);
    return value;
  };
  const text = (name: string): string | null => {
    const value = record[name];
    return value === undefined || value === null ? null : String(value);
  };
  const ints = Object.fromEntries(INTEGER_COLUMNS.map((name) => [name, integer(name)])) as Record<(typeof INTEGER_COLUMNS)[number], number>;
  return {
    ...ints,
    user_id: String(record['user_id']),
    session_id: String(record['session_id']),
    log_time: BigInt(String(record['log_time']).trim()),
    url: text('url'),
    detail: text('detail'),
  };
}

function primaryKey(row: UserLogRow): string {
  return [row.store_id, row.year, row.month, row.day, row.hour, row.event_id, row.user_id, row.session_id, row.log_time].join('\u0001');
}

/** Reads the rows of one CSV or NDJSON file, in file order. */
export function readUserLogFile(file: string): UserLogRow[] {
  const text = fs.readFileSync(file, 'utf8');
  if (/\.(ndjson|jsonl)$/i.test(file)) {
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line, i) => toRow(JSON.parse(line) as Record<string, unknown>, `${file}:${i + 1}`));
  }
  const records = parse(text, { columns: (header: string[]) => header.map((name) => name.toLowerCase()) }) as Record<string, string>[];
  return records.map((record, i) => toRow(record, `${file}:${i + 2}`));
}

/** Reads several files in order and keeps the last row of each primary key. */
export function readUserLogFiles(files: readonly string[]): UserLogRow[] {
  const byKey = new Map<string, UserLogRow>();
  for (const file of files) for (const row of readUserLogFile(file)) byKey.set(primaryKey(row), row);
  return [...byKey.values()];
}
