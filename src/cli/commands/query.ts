import { Command } from 'commander';
import { UsageError } from '../errors.js';
import { addSessionOptions, sessionSettings, type SessionOptions } from '../session-options.js';
import { parseStatements, readStdin, runSqlSession } from '../sql-session.js';

export function queryCommand(): Command {
  const command = new Command('query')
    .summary('run SQL statements and print their results')
    .description(
      'Run one or more SQL statements separated by semicolons and print each result.\n' +
        'SQL "-" reads the statements from standard input. Results go to standard output, errors to ' +
        'standard error. The exit code is 0 on success, 1 when a statement fails (later ones do not ' +
        'run), 2 on invalid usage and 130 after Ctrl-C.',
    )
    .argument('<sql>', 'SQL text, or - to read it from standard input');
  addSessionOptions(command);
  return command.action(async (sql: string, options: SessionOptions) => runQuery(sql, options));
}

async function runQuery(sqlArgument: string, options: SessionOptions): Promise<void> {
  const settings = sessionSettings(options);
  const fromStdin = sqlArgument === '-';
  const sql = fromStdin ? await readStdin() : sqlArgument;
  const source = fromStdin ? '<stdin>' : undefined;
  const statements = parseStatements(sql, source);
  if (statements.length === 0) throw new UsageError('no SQL statement given');
  await runSqlSession(options, settings, { sql, source, statements, params: {} });
}
