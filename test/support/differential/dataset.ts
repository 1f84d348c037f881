/**
 * Builds the data set of the differential tests: generated events written as CSV by the CLI, and
 * a small NDJSON file of rows that the generator never writes. Those rows have impossible dates,
 * NULL and empty URLs, JSON that is not an object and a repeated primary key. The CLI `load`
 * command loads the same files into the embedded store or Cassandra, and rows.ts into DuckDB.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const REPOSITORY_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The CLI as built by `npm run build`; the engine's worker threads load dist/ as well. */
export const CLI = path.join(REPOSITORY_ROOT, 'dist/src/cli/main.js');

/** Settings of the generated events. The defaults give about 20,000 events over 14 days. */
export interface GeneratedDataOptions {
  readonly seed: number;
  readonly events: number;
  readonly malformedRate: number;
}

export const DEFAULT_DATA_OPTIONS: GeneratedDataOptions = { seed: 20261116, events: 20_000, malformedRate: 0.01 };

/** Runs the CLI with `args` and returns its standard error, where it reports progress. */
export async function runCli(args: readonly string[]): Promise<string> {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" before the differential tests`);
  const { stderr } = await run(process.execPath, [CLI, ...args], { maxBuffer: 16 * 1024 * 1024 });
  return stderr;
}

const utc = (text: string): number => Date.parse(`${text}Z`);

/**
 * Rows outside what the generator writes. Partition buckets that name no real date have no
 * event_date; their log_time is an arbitrary instant, so event_time still has a value.
 */
export const EXTRA_ROWS: readonly Record<string, unknown>[] = [
  // 31 February, 30 February, 31 April and 31 November.
  { store_id: 1, year: 2026, month: 2, day: 31, hour: 10, event_id: 1, user_id: 'u-extra-1', session_id: 's-extra-1', log_time: utc('2026-03-03T10:00:00.000'), url: 'https://food-lover.abc/product/first-101001', detail: '{"page_type":"product","item_id":"101001","category":"spices","price":13.9}' },
  { store_id: 2, year: 2026, month: 2, day: 30, hour: 11, event_id: 2, user_id: 'u-extra-2', session_id: 's-extra-2', log_time: utc('2026-03-02T11:30:00.250'), url: 'https://my-shoes.com/product/classic-runner-201059', detail: '{"click_target":{"btn-id":"shop_add_to_cart","item_id":"201059"}}' },
  { store_id: 3, year: 2026, month: 4, day: 31, hour: 0, event_id: 3, user_id: 'u-extra-3', session_id: 's-extra-3', log_time: utc('2026-05-01T00:00:01.000'), url: '/cart?step=2', detail: '{"timeOnPage":40,"item_id":"301001"}' },
  { store_id: 1, year: 2026, month: 11, day: 31, hour: 23, event_id: 1, user_id: 'u-extra-4', session_id: 's-extra-4', log_time: utc('2026-12-01T23:59:59.999'), url: 'https://food-lover.abc/product/last-101124', detail: '{"page_type":"product","item_id":"101124","category":"pasta","price":7.59}' },
  // NULL and empty URLs and details on real dates inside the generated range.
  { store_id: 1, year: 2026, month: 11, day: 20, hour: 10, event_id: 1, user_id: 'u-extra-5', session_id: 's-extra-5', log_time: utc('2026-11-20T10:15:00.000'), url: null, detail: '{"page_type":"product","item_id":"101001","category":"spices","price":13.9}' },
  { store_id: 1, year: 2026, month: 11, day: 20, hour: 10, event_id: 2, user_id: 'u-extra-5', session_id: 's-extra-5', log_time: utc('2026-11-20T10:15:30.000'), url: null, detail: null },
  { store_id: 1, year: 2026, month: 11, day: 20, hour: 10, event_id: 3, user_id: 'u-extra-5', session_id: 's-extra-5', log_time: utc('2026-11-20T10:16:00.000'), url: '', detail: '{}' },
  { store_id: 2, year: 2026, month: 11, day: 18, hour: 5, event_id: 1, user_id: 'u-extra-6', session_id: 's-extra-6', log_time: utc('2026-11-18T05:00:00.000'), url: 'https://my-shoes.com/product/%C3%BCn%C3%AF', detail: '{"page_type":"product","item_id":"ünï","category":"naïve","price":0.1}' },
  { store_id: 2, year: 2026, month: 11, day: 18, hour: 5, event_id: 2, user_id: 'u-extra-6', session_id: 's-extra-6', log_time: utc('2026-11-18T05:00:10.000'), url: 'https://my-shoes.com/cart', detail: 'null' },
  { store_id: 2, year: 2026, month: 11, day: 18, hour: 5, event_id: 3, user_id: 'u-extra-6', session_id: 's-extra-6', log_time: utc('2026-11-18T05:00:20.000'), url: 'https://my-shoes.com/cart', detail: '[1,2,3]' },
  // A store the generator does not write.
  { store_id: 9, year: 2026, month: 11, day: 22, hour: 12, event_id: 1, user_id: 'u-extra-7', session_id: 's-extra-7', log_time: utc('2026-11-22T12:00:00.000'), url: 'https://example.org/', detail: '{"page_type":"home"}' },
  // The key of the first row again: the later row replaces it.
  { store_id: 1, year: 2026, month: 2, day: 31, hour: 10, event_id: 1, user_id: 'u-extra-1', session_id: 's-extra-1', log_time: utc('2026-03-03T10:00:00.000'), url: 'https://food-lover.abc/product/replaced-101002', detail: '{"page_type":"product","item_id":"101002","category":"spices","price":4.5}' },
];

export interface DatasetFiles {
  readonly folder: string;
  /** Input files in load order. */
  readonly inputs: readonly string[];
  remove(): void;
}

/** Writes the generated CSV and the extra NDJSON into a new temporary folder. */
export async function writeDatasetFiles(options: GeneratedDataOptions = DEFAULT_DATA_OPTIONS): Promise<DatasetFiles> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cassalytics-differential-'));
  const events = path.join(folder, 'events.csv');
  await runCli([
    'generate',
    '--output', events,
    '--seed', String(options.seed),
    '--events', String(options.events),
    '--malformed-rate', String(options.malformedRate),
  ]);
  const extras = path.join(folder, 'extras.ndjson');
  fs.writeFileSync(extras, EXTRA_ROWS.map((row) => JSON.stringify(row)).join('\n') + '\n');
  return { folder, inputs: [events, extras], remove: () => fs.rmSync(folder, { recursive: true, force: true }) };
}

/** Loads `inputs` into `table` of the embedded store at `db` with the CLI, creating both when missing. */
export async function loadIntoStore(db: string, inputs: readonly string[], table = 'user_logs'): Promise<void> {
  await runCli(['load', '--create', '--db', db, '--table', table, ...inputs]);
}
