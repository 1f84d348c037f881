import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Engine } from '../api/engine.js';
import type { Settings } from '../planner/settings.js';
import { ReportedFailure } from './errors.js';
import type { SessionOptions } from './session-options.js';

/** What the command line hands to the interactive shell. */
export interface ReplLaunch {
  /** Target, format and output options given before any command. */
  readonly options: SessionOptions;
  /** Engine settings after --set and --timeout. */
  readonly settings: Settings;
  /** Opens an engine on the chosen target: --db, --cassandra, or the sample database. */
  openEngine(): Promise<Engine>;
}

/**
 * The entry point the shell module exports as `startRepl`. It resolves when the shell ends, with
 * the exit code, or with nothing for 0.
 */
export type StartRepl = (launch: ReplLaunch) => Promise<number | void>;

/** The compiled shell entry: repl/main.ts at the repository root, built to dist/repl/main.js. */
const REPL_MODULE = new URL('../../repl/main.js', import.meta.url);

/**
 * Starts the interactive shell when its module is built, and returns false when it is not, so
 * the caller can fall back to the overview. A non-zero exit code of the shell is thrown as
 * ReportedFailure.
 */
export async function startReplIfBuilt(launch: ReplLaunch): Promise<boolean> {
  if (!fs.existsSync(fileURLToPath(REPL_MODULE))) return false;
  const module = (await import(REPL_MODULE.href)) as { startRepl?: unknown };
  if (typeof module.startRepl !== 'function') {
    throw new Error(`${fileURLToPath(REPL_MODULE)} does not export a startRepl function`);
  }
  const exitCode = await (module.startRepl as StartRepl)(launch);
  if (typeof exitCode === 'number' && exitCode !== 0) throw new ReportedFailure(exitCode);
  return true;
}
