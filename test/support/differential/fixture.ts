/**
 * The generated data set in an embedded store and in DuckDB, with a harness over both. Each test
 * file builds its own, so files can run in parallel.
 */
import path from 'node:path';
import { open, type Engine } from '../../../src/index.js';
import { DEFAULT_DATA_OPTIONS, loadIntoStore, writeDatasetFiles, type DatasetFiles, type GeneratedDataOptions } from './dataset.js';
import { DuckDbStore } from './duckdb-store.js';
import { DifferentialHarness } from './harness.js';
import { readUserLogFiles, type UserLogRow } from './rows.js';

export interface GeneratedFixture {
  readonly harness: DifferentialHarness;
  readonly files: DatasetFiles;
  readonly rows: readonly UserLogRow[];
  close(): Promise<void>;
}

/** Writes the data set, loads it into a new embedded store and DuckDB, and opens an engine. */
export async function openGeneratedFixture(options: GeneratedDataOptions = DEFAULT_DATA_OPTIONS): Promise<GeneratedFixture> {
  const files = await writeDatasetFiles(options);
  const db = path.join(files.folder, 'store.db');
  await loadIntoStore(db, files.inputs);
  const rows = readUserLogFiles(files.inputs);
  const duckdb = await DuckDbStore.create();
  await duckdb.loadUserLogs('user_logs', rows);
  // Two workers: the tests share two cores with DuckDB and the other test files.
  const engine: Engine = await open({ db, settings: { workers: 2 } });
  return {
    harness: new DifferentialHarness(engine, duckdb),
    files,
    rows,
    close: async () => {
      await engine.close();
      duckdb.close();
      files.remove();
    },
  };
}
