import { CassalyticsError } from '../errors.js';
import { renderSqlError } from '../format/index.js';
import { ParseError, type Statement } from '../parser/index.js';
import { EXIT_FAILURE, ReportedFailure } from './errors.js';

/**
 * Prints a parse, plan, execution or limit error to standard error with the SQL line and a caret
 * under its span, and returns the failure to throw. Returns undefined for any other error, which
 * main.ts reports. `statement`, when given, is named in place of a span the error lacks.
 */
export function reportSqlError(error: unknown, sql: string, source: string | undefined, statement?: Statement): ReportedFailure | undefined {
  if (!(error instanceof ParseError) && !(error instanceof CassalyticsError)) return undefined;
  let text = renderSqlError(sql, { message: error.message, span: error.span, hint: error.hint }, source);
  if (error.span === null && statement !== undefined) {
    const where = source === undefined ? `line ${statement.span.line}` : `${source}:${statement.span.line}`;
    text += `in the statement at ${where}\n`;
  }
  if (process.env['CASSALYTICS_DEBUG'] !== undefined && error.stack !== undefined) text += `${error.stack}\n`;
  process.stderr.write(text);
  return new ReportedFailure(EXIT_FAILURE);
}
