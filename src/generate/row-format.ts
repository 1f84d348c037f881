import type { TableDef } from '../catalog/table.js';
import type { CellValue, Row } from '../loader/sink.js';

/** Text formats that the generator writes and the loader reads. */
export type OutputFormat = 'csv' | 'ndjson';

/** Turns one row into one line of output, newline included. */
export type RowFormatter = (row: Row) => string;

/** Returns the header line of a format: the column names for CSV, nothing for NDJSON. */
export function headerLine(def: TableDef, format: OutputFormat): string {
  switch (format) {
    case 'csv':
      return `${def.columns.map((column) => csvField(column.name)).join(',')}\n`;
    case 'ndjson':
      return '';
  }
}

/** Builds the formatter of a format, which writes columns in the table's declaration order. */
export function rowFormatter(def: TableDef, format: OutputFormat): RowFormatter {
  const names = def.columns.map((column) => column.name);
  switch (format) {
    case 'csv': {
      const escapes = names.map(() => new EscapeCache());
      const cell = (value: CellValue | undefined, index: number): string =>
        typeof value === 'string' ? escapes[index]!.escape(value) : csvCell(value);
      return (row) => {
        let line = cell(row[names[0]!], 0);
        for (let i = 1; i < names.length; i++) line += `,${cell(row[names[i]!], i)}`;
        return `${line}\n`;
      };
    }
    case 'ndjson': {
      const keys = names.map((name) => `${JSON.stringify(name)}:`);
      return (row) => {
        let line = '{';
        for (let i = 0; i < names.length; i++) {
          const value = row[names[i]!];
          if (value === undefined) continue;
          if (line.length > 1) line += ',';
          line += keys[i]! + jsonCell(value);
        }
        return `${line}}\n`;
      };
    }
  }
}

/** Formats a cell as an RFC 4180 field: null as an empty field, text quoted when it must be. */
function csvCell(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return csvField(value);
  return String(value);
}

function csvField(text: string): string {
  if (text.includes('"')) return `"${text.replaceAll('"', '""')}"`;
  return text.includes(',') || text.includes('\n') || text.includes('\r') ? `"${text}"` : text;
}

/**
 * Remembers the CSV form of the last value of one column. Consecutive generated rows of a session
 * share the user id, session id and often the URL, so those skip the scan for special characters.
 */
class EscapeCache {
  private lastText = '';
  private lastEscaped = '';

  escape(text: string): string {
    if (text === this.lastText) return this.lastEscaped;
    this.lastText = text;
    this.lastEscaped = csvField(text);
    return this.lastEscaped;
  }
}

/** Formats a cell as JSON. A bigint beyond 2^53 becomes a string so that no digit is lost. */
function jsonCell(value: CellValue): string {
  if (typeof value === 'bigint') {
    return value <= MAX_SAFE && value >= MIN_SAFE ? value.toString() : `"${value.toString()}"`;
  }
  return JSON.stringify(value);
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
