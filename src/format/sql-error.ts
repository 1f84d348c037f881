import type { Span } from '../parser/ast.js';
import { displayWidth } from './display-width.js';

/** Parts of an error report: the message, the span of the SQL text at fault and a hint. */
export interface SqlErrorDetails {
  readonly message: string;
  readonly span: Span | null;
  readonly hint: string | null;
}

/** Maximum length of the source line shown around the caret, in UTF-16 code units. */
const MAX_SHOWN_LINE = 100;

/**
 * Formats an error against the SQL text its span points into: `error: message`, the location
 * (`FILE:LINE:COLUMN` when `source` names a file), the line with carets under the span, and the
 * hint. A span that runs past its line is underlined to the line end, and a long line is cut to
 * a window around the span. Returns lines ending in a line feed.
 */
export function renderSqlError(sql: string, error: SqlErrorDetails, source?: string): string {
  const out = [`error: ${error.message}`];
  if (error.span !== null) {
    const { line, column } = error.span;
    out.push(source === undefined ? ` --> line ${line}, column ${column}` : ` --> ${source}:${line}:${column}`);
    out.push(...caretLines(sql, error.span));
  }
  if (error.hint !== null) out.push(`hint: ${error.hint}`);
  return `${out.join('\n')}\n`;
}

function caretLines(sql: string, span: Span): string[] {
  const lines = sql.split(/\r\n|\r|\n/);
  const text = (lines[span.line - 1] ?? '').replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '\ufffd');
  const start = Math.min(Math.max(0, span.column - 1), text.length);
  const end = Math.min(text.length, start + Math.max(1, span.length));

  let windowStart = 0;
  if (text.length > MAX_SHOWN_LINE) windowStart = Math.max(0, Math.min(start - 20, text.length - MAX_SHOWN_LINE));
  const windowEnd = Math.min(text.length, windowStart + MAX_SHOWN_LINE);
  const prefix = windowStart > 0 ? '…' : '';
  const suffix = windowEnd < text.length ? '…' : '';

  // Tabs are copied into the caret line and wide characters count as two cells, so the carets
  // sit under the span in a terminal.
  const padding = text.slice(windowStart, start).replace(/[^\t]+/g, (run) => ' '.repeat(displayWidth(run)));
  const caretWidth = Math.max(1, displayWidth(text.slice(start, Math.min(end, windowEnd))));
  const gutter = String(span.line);
  return [
    `${gutter} | ${prefix}${text.slice(windowStart, windowEnd)}${suffix}`,
    `${' '.repeat(gutter.length)} | ${' '.repeat(prefix.length)}${padding}${'^'.repeat(caretWidth)}`,
  ];
}
