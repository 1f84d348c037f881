import { CassalyticsError } from '../errors.js';
import type { Span } from './ast.js';

/** Stable identifiers of parse failures, for programs that react to a specific error. */
export type ParseErrorCode =
  | 'PARSE_INVALID_CHARACTER'
  | 'PARSE_UNTERMINATED_STRING'
  | 'PARSE_UNTERMINATED_IDENTIFIER'
  | 'PARSE_UNTERMINATED_COMMENT'
  | 'PARSE_EMPTY_IDENTIFIER'
  | 'PARSE_INVALID_NUMBER'
  | 'PARSE_UNEXPECTED_TOKEN'
  | 'PARSE_UNEXPECTED_END'
  | 'PARSE_MISSPELLED_KEYWORD'
  | 'PARSE_JOIN_UNSUPPORTED'
  | 'PARSE_SET_OPERATION_UNSUPPORTED'
  | 'PARSE_SUBQUERY_UNSUPPORTED'
  | 'PARSE_INVALID_DATE'
  | 'PARSE_INVALID_TIMESTAMP'
  | 'PARSE_INVALID_INTERVAL'
  | 'PARSE_UNKNOWN_TYPE'
  | 'PARSE_UNKNOWN_EXTRACT_FIELD'
  | 'PARSE_INVALID_WINDOW_FRAME'
  | 'PARSE_MIXED_PARAMETERS'
  | 'PARSE_DUPLICATE_CLAUSE'
  | 'PARSE_NESTING_TOO_DEEP'
  | 'PARSE_NOT_A_SINGLE_QUERY';

/** Maximum number of characters of a source line that `render` shows around the error. */
const MAX_SHOWN_LINE = 100;

/** Syntax error with the location of the offending text. */
export class ParseError extends CassalyticsError {
  override readonly name = 'ParseError';
  readonly code: ParseErrorCode;
  /** Location of the offending text; a parse error always has one. */
  declare readonly span: Span;
  /** The text that was parsed, used by `format()`. */
  readonly sql: string;

  constructor(code: ParseErrorCode, message: string, span: Span, hint: string | null, sql: string) {
    super(message, { span, hint });
    this.code = code;
    this.sql = sql;
  }

  /** Formats the error against the text it was raised for. */
  format(): string {
    return this.render(this.sql);
  }

  /**
   * Formats the error as `line:column`, the message, the offending source line with carets
   * under the span, and the hint. A span that runs past its line is underlined to the line end.
   */
  render(sql: string): string {
    const { line, column } = this.span;
    const lines = sql.split(/\r\n|\r|\n/);
    const text = lines[line - 1] ?? '';
    const out = [`${line}:${column}: ${this.message}`];

    const start = Math.min(column - 1, text.length);
    const caretCount = Math.max(1, Math.min(this.span.length, text.length - start));

    // Long lines are cut to a window that keeps the caret in view.
    let windowStart = 0;
    if (text.length > MAX_SHOWN_LINE) {
      windowStart = Math.max(0, Math.min(start - 20, text.length - MAX_SHOWN_LINE));
    }
    const windowEnd = Math.min(text.length, windowStart + MAX_SHOWN_LINE);
    const prefix = windowStart > 0 ? '…' : '';
    const suffix = windowEnd < text.length ? '…' : '';
    const shown = text.slice(windowStart, windowEnd);

    // Tabs are copied into the caret line so the carets stay aligned in a terminal.
    const padding = text.slice(windowStart, start).replace(/[^\t]/g, ' ');
    const carets = '^'.repeat(Math.max(1, Math.min(caretCount, windowEnd - start)));
    const gutter = String(line);
    out.push(`${gutter} | ${prefix}${shown}${suffix}`);
    out.push(`${' '.repeat(gutter.length)} | ${' '.repeat(prefix.length)}${padding}${carets}`);
    if (this.hint !== null) out.push(`hint: ${this.hint}`);
    return out.join('\n');
  }
}
