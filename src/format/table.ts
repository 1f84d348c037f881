import type { ResultColumn } from '../api/result.js';
import type { SqlType } from '../catalog/table.js';
import type { Value } from '../executor/values.js';
import { displayValue, isNumericType } from './display-value.js';
import { displayWidth, padToWidth, truncateToWidth } from './display-width.js';
import { fitColumns } from './fit-columns.js';
import type { FormatOptions, TableRender } from './index.js';
import { bold, dim, nullText } from './style.js';
import { escapeControlCharacters } from './terminal-text.js';

/**
 * Narrowest a TEXT or JSON column shrinks to before trailing columns are dropped instead, and the
 * part of a column name that other columns keep.
 */
const MIN_COLUMN_WIDTH = 8;

interface Cell {
  readonly text: string;
  readonly width: number;
  readonly isNull: boolean;
}

/**
 * Renders rows as a table with Unicode box borders: column names, their SQL types, then one line
 * per row. Numbers are right-aligned. NULL is a dimmed `NULL` with color and `∅` without, so it
 * never looks like the text 'NULL'. Control characters in values are shown as escapes.
 *
 * With `options.width` the table fits that many terminal columns: wide columns shrink first and
 * their long values are cut with '…'. Only TEXT and JSON values are cut to fit, because a number,
 * date, timestamp or boolean column keeps its widest value. When the columns still do not fit,
 * trailing columns are left out. `options.maxCellWidth` caps every column, of any type, even
 * without a width. Lines under the table name what was cut, and the result carries the same
 * facts as numbers.
 */
export function renderTable(columns: readonly ResultColumn[], rows: readonly Value[][], options: FormatOptions): TableRender {
  if (columns.length === 0) return { text: '', truncatedCells: 0, hiddenColumns: [] };
  const color = options.color ?? false;
  const cap = options.maxCellWidth === undefined ? Infinity : Math.max(1, options.maxCellWidth);

  const names = columns.map((column) => measure(escapeControlCharacters(column.name)));
  const types = columns.map((column) => measure(column.type.toLowerCase()));
  const cells = rows.map((row) => columns.map((column, i) => cellOf(row[i] ?? null, column, options.timeZone, color)));

  const natural = columns.map((_, i) => {
    const widest = cells.reduce((max, row) => Math.max(max, row[i]!.width), Math.max(names[i]!.width, types[i]!.width));
    return Math.min(widest, cap);
  });
  const minimum = columns.map((column, i) => {
    const shortName = Math.min(names[i]!.width, MIN_COLUMN_WIDTH);
    if (isShrinkable(column.type)) return Math.min(natural[i]!, MIN_COLUMN_WIDTH);
    const widestValue = cells.reduce((max, row) => Math.max(max, row[i]!.width), 1);
    return Math.min(natural[i]!, Math.max(widestValue, shortName));
  });
  const fit = fitColumns(natural, minimum, options.width);

  const visibleColumns = columns.slice(0, fit.visible);
  const align = visibleColumns.map((column) => (isNumericType(column.type) ? 'right' : 'left') as 'left' | 'right');
  let truncatedCells = 0;
  const line = (row: readonly Cell[], style: (cell: Cell, text: string) => string, countCuts: boolean): string => {
    const parts = visibleColumns.map((_, i) => {
      const cell = row[i]!;
      const fitted = truncateToWidth(cell.text, fit.widths[i]!);
      if (fitted.truncated && countCuts) truncatedCells += 1;
      return padToWidth(style(cell, fitted.text), fitted.width, fit.widths[i]!, align[i]!);
    });
    return `│ ${parts.join(' │ ')} │`;
  };
  const border = (left: string, middle: string, right: string): string =>
    `${left}${fit.widths.map((width) => '─'.repeat(width + 2)).join(middle)}${right}`;

  const lines = [
    border('┌', '┬', '┐'),
    line(names, (_, text) => bold(text, color), false),
    line(types, (_, text) => dim(text, color), false),
  ];
  if (cells.length > 0) {
    lines.push(border('├', '┼', '┤'));
    for (const row of cells) lines.push(line(row, (cell, text) => (cell.isNull ? dim(text, color) : text), true));
  }
  lines.push(border('└', '┴', '┘'));

  const hiddenColumns = columns.slice(fit.visible).map((column) => column.name);
  lines.push(...cutNotes(hiddenColumns, truncatedCells, options.width));
  return { text: `${lines.join('\n')}\n`, truncatedCells, hiddenColumns };
}

/** Builds the lines under a table that name the columns left out and count the values cut. */
function cutNotes(hiddenColumns: readonly string[], truncatedCells: number, width: number | undefined): string[] {
  const notes: string[] = [];
  if (hiddenColumns.length > 0) {
    const count = hiddenColumns.length === 1 ? '1 column' : `${hiddenColumns.length} columns`;
    const where = width === undefined ? '' : ` in ${width} terminal columns`;
    notes.push(`${count} not shown to fit${where}: ${hiddenColumns.map(escapeControlCharacters).join(', ')}`);
  }
  if (truncatedCells > 0) {
    const count = truncatedCells === 1 ? '1 value' : `${truncatedCells} values`;
    notes.push(`${count} cut to fit, marked with …; the vertical format shows whole values`);
  }
  return notes;
}

/** True for the types whose values may be cut with '…'; a cut number or date would mislead. */
function isShrinkable(type: SqlType): boolean {
  switch (type) {
    case 'TEXT':
    case 'JSON':
      return true;
    case 'BOOLEAN':
    case 'BIGINT':
    case 'DOUBLE':
    case 'DATE':
    case 'TIMESTAMP':
      return false;
  }
}

function measure(text: string): Cell {
  return { text, width: displayWidth(text), isNull: false };
}

function cellOf(value: Value, column: ResultColumn, timeZone: string, color: boolean): Cell {
  if (value === null) {
    const text = nullText(color);
    return { text, width: displayWidth(text), isNull: true };
  }
  return measure(escapeControlCharacters(displayValue(value, column.type, timeZone)));
}
