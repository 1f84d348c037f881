import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { openEngine } from '../open-engine.js';
import { startReplIfBuilt } from '../repl-hook.js';
import { addSessionOptions, sessionSettings, type SessionOptions } from '../session-options.js';
import { parseStatements, readStdin, runSqlSession } from '../sql-session.js';
import { chosenTarget } from '../target.js';
import { runOverview } from './overview.js';

/**
 * Registers what `cassalytics` does without a command:
 * - standard input is not a terminal (`echo 'SELECT 1;' | cassalytics`): run the statements read
 *   from it, as `query -` does, with no interactive output;
 * - standard input and output are terminals: start the interactive shell when it is built
 *   (repl/main.tsx);
 * - otherwise, or when the piped input contains no text: print the overview of the --db file or of
 *   the sample database.
 */
export function registerDefaultAction(program: Command): Command {
  addSessionOptions(program);
  return program.allowExcessArguments(true).action(async (options: SessionOptions, command: Command) => {
    if (command.args.length > 0) throw new UsageError(`unknown command "${command.args[0]}"`);
    await runDefault(options);
  });
}

async function runDefault(options: SessionOptions): Promise<void> {
  const settings = sessionSettings(options);
  if (process.stdin.isTTY !== true) {
    const sql = await readStdin();
    if (sql.trim() !== '') {
      const statements = parseStatements(sql, '<stdin>');
      await runSqlSession(options, settings, { sql, source: '<stdin>', statements, params: {} });
      return;
    }
  } else if (process.stdout.isTTY === true && (await startReplIfBuilt({ options, settings, openEngine: () => openEngine(options, settings) }))) {
    return;
  }

  if (chosenTarget(options) === 'cassandra') {
    throw new UsageError('the overview describes an embedded store; with --cassandra or CASSANDRA_CONTACT_POINTS give a command such as query');
  }
  await runOverview(options.db === undefined ? {} : { db: options.db });
}
