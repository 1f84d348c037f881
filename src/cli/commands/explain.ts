import { Command } from 'commander';
import type { ExplainStatement } from '../../parser/index.js';
import { UsageError } from '../errors.js';
import { addSessionOptions, sessionSettings, type SessionOptions } from '../session-options.js';
import { parseStatements, runSqlSession } from '../sql-session.js';

interface ExplainCommandOptions extends SessionOptions {
  readonly analyze?: boolean;
}

export function explainCommand(): Command {
  const command = new Command('explain')
    .summary('print the plan of a query')
    .description(
      'Print the plan of one SELECT query: the partitions each scan reads, what is pushed into the store, ' +
        'and the operators above. With --analyze the query runs, its rows are discarded, and the plan ' +
        'shows the rows and time of each operator. The plan is printed as text unless --format or the ' +
        '--output extension chooses csv, tsv, json or ndjson, which print one row per plan line.',
    )
    .argument('<sql>', 'a SELECT query, or EXPLAIN [ANALYZE] followed by one')
    .option('--analyze', 'run the query and add what each operator did');
  addSessionOptions(command);
  return command.action(async (sql: string, options: ExplainCommandOptions) => runExplain(sql, options));
}

async function runExplain(sql: string, options: ExplainCommandOptions): Promise<void> {
  const settings = sessionSettings(options);
  const statements = parseStatements(sql, undefined);
  const statement = statements[0];
  if (statements.length !== 1 || statement === undefined || (statement.kind !== 'query' && statement.kind !== 'explain')) {
    throw new UsageError(`explain takes one SELECT query, and the text has ${describeStatements(statements.map((s) => s.kind))}`);
  }
  const explain: ExplainStatement = {
    kind: 'explain',
    span: statement.span,
    analyze: options.analyze === true || (statement.kind === 'explain' && statement.analyze),
    query: statement.query,
  };
  // The plan is text for people, so it stays text in a pipe unless a format is asked for.
  const chosen = options.format === undefined && options.output === undefined ? { ...options, format: 'table' as const } : options;
  await runSqlSession(chosen, settings, { sql, source: undefined, statements: [explain], params: {} });
}

function describeStatements(kinds: readonly string[]): string {
  if (kinds.length === 0) return 'no statement';
  if (kinds.length > 1) return `${kinds.length} statements`;
  return `a ${kinds[0]!.replace('_', ' ').toUpperCase()} statement`;
}
