import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { generateCommand } from './commands/generate.js';
import { initCommand } from './commands/init.js';
import { loadCommand } from './commands/load.js';
import { explainCommand } from './commands/explain.js';
import { queryCommand } from './commands/query.js';
import { registerDefaultAction } from './commands/default-action.js';
import { runCommand } from './commands/run.js';

/**
 * Builds the command-line program. Each command lives in its own file under commands/ and is
 * registered here. Without a command, statements piped to standard input run, a terminal gets the
 * interactive shell, and otherwise the overview of the sample database is printed.
 */
export function buildProgram(): Command {
  const program = new Command('cassalytics')
    .description('SQL analytics over web-analytics event logs stored in Apache Cassandra or an embedded SQLite store')
    .version(packageVersion(), '-V, --version', 'print the version')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .helpCommand(true)
    .enablePositionalOptions();

  for (const command of [queryCommand(), runCommand(), explainCommand(), generateCommand(), loadCommand(), initCommand()]) {
    program.addCommand(command.exitOverride().showHelpAfterError('(run with --help for usage)'));
  }
  return registerDefaultAction(program);
}

/** Reads the version from the package.json above this module (src/cli or dist/src/cli). */
function packageVersion(): string {
  let folder = path.dirname(fileURLToPath(import.meta.url));
  while (true) {
    const candidate = path.join(folder, 'package.json');
    if (fs.existsSync(candidate)) {
      const manifest = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'cassalytics' && manifest.version !== undefined) return manifest.version;
    }
    const parent = path.dirname(folder);
    if (parent === folder) return 'unknown';
    folder = parent;
  }
}
