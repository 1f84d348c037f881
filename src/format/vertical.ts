import type { ResultColumn } from '../api/result.js';
import type { Value } from '../executor/values.js';
import { displayValue } from './display-value.js';
import { displayWidth, padToWidth } from './display-width.js';
import type { FormatOptions } from './index.js';
import { bold, dim, nullText } from './style.js';
import { escapeControlCharacters, escapeControlCharactersExceptNewline } from './terminal-text.js';

/** Cells of a row's separator line after the field names, unless the terminal is narrower. */
const SEPARATOR_VALUE_WIDTH = 24;

/**
 * Renders rows one field per line, each row under a `─[ row N ]─` line, with whole values:
 * nothing is cut, and a value with line breaks continues on indented lines. NULL looks as in
 * `renderTable`. Row numbers start at `firstRowNumber`, so a stream of batches keeps counting.
 */
export function renderVertical(
  columns: readonly ResultColumn[],
  rows: readonly Value[][],
  options: FormatOptions,
  firstRowNumber = 1,
): string {
  if (columns.length === 0 || rows.length === 0) return '';
  const color = options.color ?? false;
  const names = columns.map((column) => escapeControlCharacters(column.name));
  const nameWidths = names.map(displayWidth);
  const nameColumnWidth = Math.max(...nameWidths);
  const continuation = `${' '.repeat(nameColumnWidth)} │ `;
  const separatorWidth = Math.min(nameColumnWidth + 3 + SEPARATOR_VALUE_WIDTH, options.width ?? Infinity);

  const out: string[] = [];
  rows.forEach((row, rowIndex) => {
    const fields = columns.map((column, i) => fieldLines(row[i] ?? null, column, options.timeZone, color));
    out.push(separator(firstRowNumber + rowIndex, separatorWidth));
    fields.forEach((lines, i) => {
      const name = padToWidth(bold(names[i]!, color), nameWidths[i]!, nameColumnWidth, 'left');
      out.push(`${name} │ ${lines[0]}`);
      for (const rest of lines.slice(1)) out.push(`${continuation}${rest}`);
    });
  });
  return `${out.join('\n')}\n`;
}

function fieldLines(value: Value, column: ResultColumn, timeZone: string, color: boolean): string[] {
  if (value === null) return [dim(nullText(color), color)];
  return escapeControlCharactersExceptNewline(displayValue(value, column.type, timeZone)).split('\n');
}

function separator(rowNumber: number, width: number): string {
  const label = `─[ row ${rowNumber} ]`;
  return `${label}${'─'.repeat(Math.max(2, width - label.length))}`;
}
