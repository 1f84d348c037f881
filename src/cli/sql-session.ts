import type { QueryParameters } from '../api/engine.js';
import { parse, type Statement } from '../parser/index.js';
import type { Settings } from '../planner/settings.js';
import { openEngine } from './open-engine.js';
import { ResultOutput } from './output.js';
import { runScript } from './run-script.js';
import { chooseFormat, colorAllowed, type SessionOptions } from './session-options.js';
import { reportSqlError } from './sql-failure.js';

/** SQL text to run, already split into statements. */
export interface SqlInput {
  readonly sql: string;
  /** File the SQL came from, for error locations. */
  readonly source: string | undefined;
  readonly statements: readonly Statement[];
  readonly params: QueryParameters;
}

/**
 * Parses SQL text into statements. A syntax error is printed with a caret under its span and
 * throws ReportedFailure(1), before any statement runs.
 */
export function parseStatements(sql: string, source: string | undefined): Statement[] {
  try {
    return parse(sql);
  } catch (error) {
    throw reportSqlError(error, sql, source) ?? error;
  }
}

/**
 * Opens the output and the engine, runs the statements and closes both. The output is opened
 * first, so a --output file that cannot be created fails before a connection is made.
 */
export async function runSqlSession(options: SessionOptions, settings: Settings, input: SqlInput): Promise<void> {
  const output = options.output === undefined ? ResultOutput.stdout() : ResultOutput.file(options.output);
  try {
    const engine = await openEngine(options, settings);
    try {
      await runScript({
        engine,
        sql: input.sql,
        source: input.source,
        statements: input.statements,
        params: input.params,
        format: chooseFormat(options, output.isTerminal),
        output,
        color: output.isTerminal && colorAllowed(),
      });
    } finally {
      await engine.close();
    }
  } finally {
    await output.close();
  }
}

/** Reads all of standard input as UTF-8 text. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
