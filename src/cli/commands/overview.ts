import fs from 'node:fs';
import { findColumn } from '../../catalog/table.js';
import { EmbeddedStore } from '../../store/store.js';
import { defaultSampleDbPath } from '../../store/paths.js';
import { describeUserLogs } from '../overview.js';
import { ensureSampleDb, SAMPLE_TABLE } from '../sample.js';

export interface OverviewOptions {
  readonly db?: string;
}

/** Columns the overview reads. */
const OVERVIEW_COLUMNS = ['store_id', 'event_id', 'user_id', 'log_time'];

/**
 * Prints a short description of the user_logs table of the --db file, or of the sample database,
 * which is created first when missing.
 */
export async function runOverview(options: OverviewOptions): Promise<void> {
  const path = options.db ?? defaultSampleDbPath();
  if (options.db === undefined) {
    const created = await ensureSampleDb(path, process.stderr);
    if (created) process.stderr.write(`created the sample database ${path}\n`);
  } else if (!fs.existsSync(path)) {
    throw new Error(`database not found: ${path}`);
  }

  const store = EmbeddedStore.open(path, { readonly: true });
  try {
    const def = store.table(SAMPLE_TABLE);
    if (def === undefined) {
      const names = store.tables().map((table) => table.name);
      throw new Error(`${path} has no ${SAMPLE_TABLE} table (tables: ${names.length > 0 ? names.join(', ') : 'none'})`);
    }
    const missing = OVERVIEW_COLUMNS.filter((name) => findColumn(def, name) === undefined);
    if (missing.length > 0) throw new Error(`${SAMPLE_TABLE} in ${path} lacks columns ${missing.join(', ')}`);
    process.stdout.write(`${describeUserLogs(store, def)}\n`);
  } finally {
    store.close();
  }
}
