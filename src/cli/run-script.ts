import type { Engine, QueryParameters } from '../api/engine.js';
import type { QueryResult } from '../api/result.js';
import { CancelledError } from '../errors.js';
import type { Row } from '../executor/values.js';
import { createFormatter, type OutputFormat } from '../format/index.js';
import type { Statement } from '../parser/index.js';
import { EXIT_INTERRUPTED, ReportedFailure } from './errors.js';
import type { ResultOutput } from './output.js';
import { QueryProgress } from './query-progress.js';
import { resultFooter } from './result-footer.js';
import { reportSqlError } from './sql-failure.js';

/** Statements to run and where their results go. */
export interface Script {
  readonly engine: Engine;
  /** The whole SQL text; statement and error spans point into it. */
  readonly sql: string;
  /** File the SQL came from, for error locations; undefined for SQL given on the command line. */
  readonly source: string | undefined;
  readonly statements: readonly Statement[];
  readonly params: QueryParameters;
  readonly format: OutputFormat;
  readonly output: ResultOutput;
  /** ANSI styles in table and vertical output. */
  readonly color: boolean;
}

/**
 * Runs statements in order and writes each result in the script's format. Results of SET and
 * RESET are not written, so a script can change settings without putting extra rows into CSV or
 * JSON output. On a terminal's standard error each statement gets a progress line and a footer.
 * The first failing statement stops the script. A SQL error is printed with a caret under its
 * span and throws ReportedFailure(1). Ctrl-C cancels the running statement and throws
 * ReportedFailure(130), and a second Ctrl-C exits at once.
 */
export async function runScript(script: Script): Promise<void> {
  const controller = new AbortController();
  let interrupted = false;
  const onInterrupt = (): void => {
    if (interrupted) process.exit(EXIT_INTERRUPTED);
    interrupted = true;
    controller.abort(new CancelledError('the query was cancelled by Ctrl-C'));
  };
  process.on('SIGINT', onInterrupt);

  const progress = new QueryProgress(process.stderr);
  let resultsWritten = 0;
  try {
    for (const statement of script.statements) {
      try {
        const wrote = await runStatement(script, statement, controller.signal, progress, resultsWritten);
        if (wrote) resultsWritten += 1;
      } catch (error) {
        progress.stop();
        if (interrupted && error instanceof CancelledError) {
          process.stderr.write(`${error.message}\n`);
          throw new ReportedFailure(EXIT_INTERRUPTED);
        }
        // In a script of several statements, an error without a span still names its statement.
        const failed = script.statements.length > 1 ? statement : undefined;
        throw reportSqlError(error, script.sql, script.source, failed) ?? error;
      }
    }
  } finally {
    progress.stop();
    process.off('SIGINT', onInterrupt);
  }
}

/** Runs one statement and writes its result; returns whether a result was written. */
async function runStatement(
  script: Script,
  statement: Statement,
  signal: AbortSignal,
  progress: QueryProgress,
  resultsBefore: number,
): Promise<boolean> {
  const startedAt = performance.now();
  progress.start();
  const result = await script.engine.run(statement, script.params, { signal, onProgress: progress.update });

  switch (statement.kind) {
    case 'set':
    case 'reset':
      await drain(result);
      progress.stop();
      if (process.stderr.isTTY === true) process.stderr.write(`${settingNote(statement, script.engine)}\n`);
      return false;
    case 'explain':
      if (isLayoutForPeople(script.format)) {
        await writePlan(script, result, progress, resultsBefore);
        return true;
      }
      break;
    case 'query':
    case 'describe':
    case 'show_tables':
      break;
  }

  const formatter = createFormatter(script.format, result.columns, {
    timeZone: script.engine.settings.timeZone,
    width: script.output.columns,
    color: script.color,
  });
  const write = async (text: string): Promise<void> => {
    if (text === '') return;
    // Result text and the progress line would mix on one terminal.
    if (script.output.isTerminal) progress.stop();
    await script.output.write(text);
  };

  // The header waits for the first rows, so a statement that fails before any row writes nothing.
  let pending = `${resultsBefore > 0 && isLayoutForPeople(script.format) ? '\n' : ''}${formatter.begin()}`;
  let rows = 0;
  for await (const batch of result.batches()) {
    rows += batch.length;
    progress.addRows(batch.length);
    await write(`${pending}${formatter.rows(batch)}`);
    pending = '';
  }
  await write(`${pending}${formatter.end()}`);
  progress.stop();

  if (process.stderr.isTTY === true) {
    process.stderr.write(resultFooter(rows, performance.now() - startedAt, result.stats));
  } else {
    // Warnings such as malformed JSON counts matter most to scheduled jobs, so they reach a
    // redirected standard error too; the summary line stays on terminals.
    for (const warning of result.stats?.warnings ?? []) process.stderr.write(`warning: ${warning}\n`);
  }
  return true;
}

/** Writes an EXPLAIN result as plain lines of text instead of a one-column table. */
async function writePlan(script: Script, result: QueryResult, progress: QueryProgress, resultsBefore: number): Promise<void> {
  const lines: string[] = [];
  for await (const batch of result.batches()) for (const row of batch) lines.push(String(row[0]));
  progress.stop();
  await script.output.write(`${resultsBefore > 0 ? '\n' : ''}${lines.join('\n')}\n`);
}

async function drain(result: QueryResult): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const batch of result.batches()) rows.push(...batch);
  return rows;
}

function settingNote(statement: Extract<Statement, { kind: 'set' | 'reset' }>, engine: Engine): string {
  const current = engine.describeSettings().find((setting) => setting.name === statement.name.toLowerCase());
  const value = current === undefined ? '' : ` = ${current.value}`;
  return `${statement.kind === 'set' ? 'SET' : 'RESET'} ${statement.name}${value}`;
}

/** True for the formats meant for reading in a terminal rather than by programs. */
function isLayoutForPeople(format: OutputFormat): boolean {
  switch (format) {
    case 'table':
    case 'vertical':
    case 'markdown':
      return true;
    case 'csv':
    case 'tsv':
    case 'json':
    case 'ndjson':
      return false;
  }
}
