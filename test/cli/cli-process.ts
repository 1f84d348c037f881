import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = path.join(ROOT, 'dist/src/cli/main.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Throws unless the CLI has been built, because these tests spawn the compiled program. */
export function requireBuiltCli(): void {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" before these tests`);
}

/**
 * Runs the built CLI in `cwd` with pipes for all three streams, so none of them is a terminal.
 * `input` is written to its standard input, which is closed at once when `input` is undefined.
 */
export function runCli(args: readonly string[], cwd: string, options: { input?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, CASSALYTICS_SAMPLE_DB: path.join(cwd, 'no-sample.db'), ...options.env },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Generates a small embedded store of user_logs rows with the CLI's own generate command. */
export function generateStore(folder: string, file = 'events.db'): string {
  const result = runCli(['generate', '--db', file, '--events', '2000', '--days', '3', '--stores', '3'], folder);
  if (result.status !== 0) throw new Error(`generate failed with exit code ${result.status}: ${result.stderr}`);
  return path.join(folder, file);
}
