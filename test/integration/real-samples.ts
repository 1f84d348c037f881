import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared folder beside the repository, holding the real clickstream samples. */
export const SHARED = path.resolve(ROOT, '../shared');

export const hasSamples = fs.existsSync(path.join(SHARED, 'real-data')) && fs.existsSync(path.join(SHARED, 'seed-data'));

/** Each sample: rows in the file, rows that repeat an earlier key, and rows stored in the end. */
export const SAMPLES = [
  { name: 'rees46', file: 'real-data/rees46-multicategory/user_logs.csv', rows: 16_657, repeated: 4, stored: 16_653 },
  { name: 'taobao', file: 'real-data/taobao-userbehavior/user_logs.csv', rows: 7_617, repeated: 5, stored: 7_612 },
  { name: 'seed', file: 'seed-data/user_logs.csv', rows: 100, repeated: 0, stored: 100 },
] as const;

const KEY = ['store_id', 'year', 'month', 'day', 'hour', 'event_id', 'user_id', 'session_id', 'log_time'] as const;

/** Returns, for each primary key that occurs more than once in a sample, the last row with it. */
export function lastRowsOfRepeatedKeys(file: string): Record<string, string>[] {
  const records = parse(fs.readFileSync(path.join(SHARED, file), 'utf8'), { columns: true }) as Record<string, string>[];
  const last = new Map<string, Record<string, string>>();
  const seen = new Map<string, number>();
  for (const record of records) {
    const key = KEY.map((name) => record[name]).join('|');
    seen.set(key, (seen.get(key) ?? 0) + 1);
    last.set(key, record);
  }
  return [...seen].filter(([, count]) => count > 1).map(([key]) => last.get(key)!);
}

/** The year, month and day of the seed rows whose partition columns name impossible dates. */
export const IMPOSSIBLE_SEED_DATES = [
  { year: 2019, month: 2, day: 31 },
  { year: 2019, month: 6, day: 31 },
  { year: 2019, month: 11, day: 31 },
  { year: 2020, month: 2, day: 31 },
];
