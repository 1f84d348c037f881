import fs from 'node:fs';
import { DEFAULT_KEYSPACE, userLogsTable } from '../catalog/user-logs.js';
import { generateEvents } from '../generate/generator.js';
import { DEFAULT_GENERATE_OPTIONS } from '../generate/options.js';
import { writeRows } from '../generate/write-rows.js';
import { ProgressLine, type ProgressStream } from '../loader/progress.js';
import { EmbeddedStore } from '../store/store.js';

/** Name of the table in the sample database. */
export const SAMPLE_TABLE = 'user_logs';

/**
 * Creates the sample database with the generator's defaults (3 stores, 14 days, about 500,000
 * events) unless the file exists. The rows are written to `<path>.partial` and the file is renamed
 * once complete, so an interrupted run leaves no half-filled sample behind.
 * Returns true when the file was created.
 */
export async function ensureSampleDb(path: string, progressStream: ProgressStream | undefined): Promise<boolean> {
  if (fs.existsSync(path)) return false;
  const partial = `${path}.partial`;
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${partial}${suffix}`, { force: true });

  const store = EmbeddedStore.open(partial, { create: true });
  const progress = new ProgressLine(progressStream, `creating sample database ${path}`);
  try {
    const def = userLogsTable(DEFAULT_KEYSPACE, SAMPLE_TABLE);
    store.createTable(def);
    const sink = store.sink(def);
    const total = DEFAULT_GENERATE_OPTIONS.events;
    await writeRows(generateEvents(DEFAULT_GENERATE_OPTIONS), sink, {
      batchSize: 5000,
      concurrency: 1,
      onBatch: (rows) => progress.update(rows, rows, total),
    });
    await sink.close();
  } finally {
    progress.clear();
    store.close();
  }
  fs.renameSync(partial, path);
  return true;
}
