import fs from 'node:fs';
import { Command } from 'commander';
import { findColumn } from '../../catalog/table.js';
import { EmbeddedStore } from '../../store/store.js';
import { defaultSampleDbPath } from '../../store/paths.js';
import { UsageError } from '../errors.js';
import { describeUserLogs } from '../overview.js';
import { ensureSampleDb, SAMPLE_TABLE } from '../sample.js';

interface OverviewOptions {
  readonly db?: string;
}

/** Columns the overview reads. */
const OVERVIEW_COLUMNS = ['store_id', 'event_id', 'user_id', 'log_time'];

/**
 * Registers the action run when no command is given: open the sample database (creating it when
 * missing) or the --db file, and print a short description of its user_logs table.
 */
export function registerOverview(program: Command): Command {
  return program
    .option('--db <path>', `embedded store to describe when no command is given (default: the sample database, ${defaultSampleDbPath()})`)
    .allowExcessArguments(true)
    .action(async (options: OverviewOptions, command: Command) => {
      if (command.args.length > 0) throw new UsageError(`unknown command "${command.args[0]}"`);
      await runOverview(options);
    });
}

async function runOverview(options: OverviewOptions): Promise<void> {
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
