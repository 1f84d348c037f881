import type { ResultColumn } from '../api/result.js';
import type { Value } from '../executor/values.js';
import { displayValue } from './display-value.js';

/** Characters that make RFC 4180 quote a field. */
const NEEDS_CSV_QUOTES = /[",\r\n]/;

/**
 * Formats one CSV field as RFC 4180 writes it: quoted when it contains a quote, comma or line
 * break, with inner quotes doubled. SQL NULL is an empty unquoted field and the empty text is
 * `""`, as in PostgreSQL's CSV COPY, so the two stay apart.
 */
export function csvField(value: Value, column: ResultColumn, timeZone: string): string {
  if (value === null) return '';
  return quoteCsv(displayValue(value, column.type, timeZone));
}

function quoteCsv(text: string): string {
  if (text === '' || NEEDS_CSV_QUOTES.test(text)) return `"${text.replaceAll('"', '""')}"`;
  return text;
}

/** Formats the CSV header line: column names as fields, ending in a line feed. */
export function csvHeader(columns: readonly ResultColumn[]): string {
  return `${columns.map((column) => quoteCsv(column.name)).join(',')}\n`;
}

/** Formats a batch of rows as CSV lines, each ending in a line feed. */
export function csvLines(columns: readonly ResultColumn[], rows: readonly Value[][], timeZone: string): string {
  let text = '';
  for (const row of rows) text += `${columns.map((column, i) => csvField(row[i] ?? null, column, timeZone)).join(',')}\n`;
  return text;
}

/** The TSV mark of SQL NULL, as in PostgreSQL's text COPY format. */
export const TSV_NULL = '\\N';

/**
 * Formats one TSV field with the escapes of PostgreSQL's text COPY format: backslash, tab, line
 * feed and carriage return as `\\`, `\t`, `\n` and `\r`, and SQL NULL as `\N`. Every row is then
 * one line whose fields split on tabs.
 */
export function tsvField(value: Value, column: ResultColumn, timeZone: string): string {
  if (value === null) return TSV_NULL;
  return escapeTsv(displayValue(value, column.type, timeZone));
}

function escapeTsv(text: string): string {
  return text.replace(/[\\\t\n\r]/g, (character) => {
    switch (character) {
      case '\\':
        return '\\\\';
      case '\t':
        return '\\t';
      case '\n':
        return '\\n';
      default:
        return '\\r';
    }
  });
}

/** Formats the TSV header line: escaped column names, ending in a line feed. */
export function tsvHeader(columns: readonly ResultColumn[]): string {
  return `${columns.map((column) => escapeTsv(column.name)).join('\t')}\n`;
}

/** Formats a batch of rows as TSV lines, each ending in a line feed. */
export function tsvLines(columns: readonly ResultColumn[], rows: readonly Value[][], timeZone: string): string {
  let text = '';
  for (const row of rows) text += `${columns.map((column, i) => tsvField(row[i] ?? null, column, timeZone)).join('\t')}\n`;
  return text;
}
