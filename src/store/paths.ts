import os from 'node:os';
import path from 'node:path';

/**
 * Returns the path of the sample database: `$CASSALYTICS_SAMPLE_DB` when set, else
 * `cassalytics/sample.db` under `$XDG_DATA_HOME`, else under `~/.local/share`.
 */
export function defaultSampleDbPath(env: NodeJS.ProcessEnv = process.env): string {
  const override = env['CASSALYTICS_SAMPLE_DB'];
  if (override !== undefined && override !== '') return path.resolve(override);
  const dataHome = env['XDG_DATA_HOME'];
  const base = dataHome !== undefined && path.isAbsolute(dataHome) ? dataHome : path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'cassalytics', 'sample.db');
}
