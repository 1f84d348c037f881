import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Engine } from '../api/engine.js';
import type { Settings } from '../planner/settings.js';
import type { OutputFormat } from '../format/index.js';
import type { SessionOptions } from './session-options.js';

/** Options, settings and an engine opener that the command line passes to the interactive shell. */
export interface ReplLaunch {
  /** Target, format and output options given before any command. */
  readonly options: SessionOptions;
  /** Engine settings after --set and --timeout. */
  readonly settings: Settings;
  /** Opens an engine on the chosen target: --db, --cassandra, or the sample database. */
  openEngine(): Promise<Engine>;
}

/**
 * The entry point the shell module exports as `startRepl`: it runs the shell on `engine` until
 * the user quits, then closes the engine. `format` and `outputFile` are the initial `\format` and
 * `\o` settings.
 */
export type StartRepl = (engine: Engine, options: { format?: OutputFormat; outputFile?: string }) => Promise<void>;

/** The compiled shell entry: repl/main.tsx at the repository root, built to dist/repl/main.js. */
const REPL_MODULE = new URL('../../repl/main.js', import.meta.url);

/**
 * Starts the interactive shell when its module is built, and returns false when it is not, so
 * the caller can fall back to the overview.
 */
export async function startReplIfBuilt(launch: ReplLaunch): Promise<boolean> {
  if (!fs.existsSync(fileURLToPath(REPL_MODULE))) return false;
  // ink 6 (through is-in-ci) draws only the last frame when CI or CONTINUOUS_INTEGRATION is set,
  // and chalk turns colour off, which leaves a shell on a terminal without a prompt. The shell
  // starts only on a terminal, so it is interactive whatever those variables contain. Both
  // libraries read the variables when they are first imported, just below.
  delete process.env['CI'];
  delete process.env['CONTINUOUS_INTEGRATION'];
  const module = (await import(REPL_MODULE.href)) as { startRepl?: unknown };
  if (typeof module.startRepl !== 'function') {
    throw new Error(`${fileURLToPath(REPL_MODULE)} does not export a startRepl function`);
  }
  const engine = await launch.openEngine();
  await (module.startRepl as StartRepl)(engine, {
    ...(launch.options.format === undefined ? {} : { format: launch.options.format }),
    ...(launch.options.output === undefined ? {} : { outputFile: launch.options.output }),
  });
  return true;
}
