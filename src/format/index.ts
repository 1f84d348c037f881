/**
 * Output formats of query results, shared by the command line and the interactive shell.
 * Every function takes executor values (see src/executor/values.ts) with their SQL types.
 */
import type { ResultColumn } from '../api/result.js';
import type { SqlType } from '../catalog/table.js';
import type { Value } from '../executor/values.js';

export type OutputFormat = 'table' | 'vertical' | 'csv' | 'tsv' | 'json' | 'ndjson' | 'markdown';

/** Every output format, in the order help text lists them. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'vertical', 'csv', 'tsv', 'json', 'ndjson', 'markdown'];

export interface FormatOptions {
  /** IANA zone in which TIMESTAMP values are shown. */
  timeZone: string;
  /** Terminal columns the table format fits into; unset means no limit. */
  width?: number;
  /** ANSI styles: a dimmed NULL, bold column names. Off unless true. */
  color?: boolean;
  /** Widest column of the table format, in terminal cells, even without `width`. */
  maxCellWidth?: number;
}

/** A rendered table and what was cut to fit its width. */
export interface TableRender {
  /** The table, then one line per kind of cut, each line ending in a line feed. */
  text: string;
  /** Values shortened with '…'. */
  truncatedCells: number;
  /** Names of the trailing columns left out. */
  hiddenColumns: string[];
}

export type { ResultColumn, SqlType, Value };
export { displayValue, isNumericType } from './display-value.js';
export { displayWidth, truncateToWidth } from './display-width.js';
export { renderTable } from './table.js';
export { renderVertical } from './vertical.js';
export { renderMarkdown } from './markdown.js';
export { createFormatter, type ResultFormatter } from './formatter.js';
export { renderSqlError, type SqlErrorDetails } from './sql-error.js';
export { NULL_MARKER } from './style.js';
