import type { ResultColumn } from '../api/result.js';
import type { Value } from '../executor/values.js';
import { displayValue, isNumericType } from './display-value.js';
import { displayWidth, padToWidth } from './display-width.js';
import type { FormatOptions } from './index.js';
import { NULL_MARKER } from './style.js';
import { escapeControlCharacters } from './terminal-text.js';

/**
 * Renders rows as a GitHub-flavored Markdown pipe table, padded so that the source lines up.
 * Backslashes and pipes are escaped, line breaks become `<br>`, number columns are right-aligned,
 * and SQL NULL is `∅`. A result without columns gives the empty text.
 */
export function renderMarkdown(columns: readonly ResultColumn[], rows: readonly Value[][], options: FormatOptions): string {
  if (columns.length === 0) return '';
  const header = columns.map((column) => escapeMarkdown(column.name));
  const body = rows.map((row) => columns.map((column, i) => markdownCell(row[i] ?? null, column, options.timeZone)));
  const widths = columns.map((_, i) => Math.max(3, displayWidth(header[i]!), ...body.map((cells) => displayWidth(cells[i]!))));
  const align = columns.map((column) => (isNumericType(column.type) ? 'right' : 'left') as 'left' | 'right');

  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, i) => padToWidth(cell, displayWidth(cell), widths[i]!, align[i]!)).join(' | ')} |`;
  const rule = `| ${widths.map((width, i) => (align[i] === 'right' ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`;
  return `${[line(header), rule, ...body.map(line)].join('\n')}\n`;
}

function markdownCell(value: Value, column: ResultColumn, timeZone: string): string {
  if (value === null) return NULL_MARKER;
  return escapeMarkdown(displayValue(value, column.type, timeZone));
}

/** Escapes text for a pipe-table cell; a cell must stay on one line and cannot hold a bare pipe. */
function escapeMarkdown(text: string): string {
  const escaped = text.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replace(/\r\n|\r|\n/g, '<br>');
  return escapeControlCharacters(escaped);
}
