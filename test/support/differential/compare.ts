/**
 * Puts the results of cassalytics and DuckDB into one comparable form and compares them: as
 * multisets of rows, or row by row when the query's ORDER BY fixes the order.
 *
 * The cassalytics column types drive the conversion, because DuckDB often picks a wider or
 * different type for the same value: HUGEINT for sum and count_if, DECIMAL for some literals,
 * TIMESTAMP for add_months over a DATE.
 */
import { DuckDBTypeId, type DuckDBType } from '@duckdb/node-api';
import type { SqlType } from '../../../src/catalog/table.js';

/** One cell in comparable form. */
export type Cell = null | bigint | number | string | boolean;

/** A query result in comparable form, or the error that the query raised. */
export type Outcome =
  | { readonly ok: true; readonly columns: readonly string[]; readonly types: readonly string[]; readonly rows: readonly (readonly Cell[])[] }
  | { readonly ok: false; readonly error: string };

/** Relative tolerance for DOUBLE cells: the engines may add floating-point values in different orders. */
export const RELATIVE_TOLERANCE = 1e-9;
/** Absolute tolerance for DOUBLE cells near zero, where a relative bound means nothing. */
const ABSOLUTE_TOLERANCE = 1e-12;

const MS_PER_DAY = 86_400_000;

function dateText(days: number): string {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

function timestampText(ms: number): string {
  return new Date(ms).toISOString();
}

/** Converts a cassalytics API value (from `toArray()`) of `type` to a cell. */
export function ourCell(value: unknown, type: SqlType): Cell {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'BIGINT':
      return BigInt(value as number | bigint);
    case 'DOUBLE':
      return value as number;
    case 'TEXT':
    case 'BOOLEAN':
    case 'DATE':
      return value as string | boolean;
    case 'TIMESTAMP':
      return timestampText((value as Date).getTime());
    case 'JSON':
      return JSON.stringify(value);
  }
}

/**
 * Converts a DuckDB value, as `getRowsJS()` returns it, to the cell of the cassalytics column type
 * `ours`. A value that does not fit that type is kept in a form that compares unequal and reads
 * well in a failure message.
 */
export function duckDbCell(value: unknown, duckType: DuckDBType, ours: SqlType): Cell {
  if (value === null || value === undefined) return null;
  const id = duckType.typeId;
  switch (ours) {
    case 'BIGINT':
      if (typeof value === 'bigint') return value;
      if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
      return typeof value === 'number' ? value : `${String(value)} (${duckType.toString()})`;
    case 'DOUBLE':
      if (typeof value === 'number' || typeof value === 'bigint') return Number(value);
      return `${String(value)} (${duckType.toString()})`;
    case 'BOOLEAN':
      return typeof value === 'boolean' ? value : `${String(value)} (${duckType.toString()})`;
    case 'TEXT':
      return typeof value === 'string' ? value : `${String(value)} (${duckType.toString()})`;
    case 'DATE':
      if (value instanceof Date) {
        const ms = value.getTime();
        // A DuckDB TIMESTAMP at midnight stands for the DATE that cassalytics returns.
        return ms % MS_PER_DAY === 0 ? dateText(ms / MS_PER_DAY) : `${timestampText(ms)} (${duckType.toString()})`;
      }
      return `${String(value)} (${duckType.toString()})`;
    case 'TIMESTAMP':
      if (value instanceof Date) return timestampText(value.getTime());
      return `${String(value)} (${duckType.toString()})`;
    case 'JSON':
      if (typeof value === 'string') {
        try {
          const parsed: unknown = JSON.parse(value);
          // The cassalytics API returns a JSON null as null, like SQL NULL.
          return parsed === null ? null : JSON.stringify(parsed);
        } catch {
          return `${value} (invalid JSON)`;
        }
      }
      if (id === DuckDBTypeId.BIGINT || id === DuckDBTypeId.INTEGER || id === DuckDBTypeId.DOUBLE) return JSON.stringify(Number(value));
      return `${String(value)} (${duckType.toString()})`;
  }
}

function cellsEqual(left: Cell, right: Cell): boolean {
  if (typeof left === 'number' && typeof right === 'number') {
    if (Number.isNaN(left) || Number.isNaN(right)) return Number.isNaN(left) && Number.isNaN(right);
    if (left === right) return true;
    const difference = Math.abs(left - right);
    return difference <= ABSOLUTE_TOLERANCE || difference <= RELATIVE_TOLERANCE * Math.max(Math.abs(left), Math.abs(right));
  }
  return left === right;
}

function rowsEqual(left: readonly Cell[], right: readonly Cell[]): boolean {
  return left.length === right.length && left.every((cell, i) => cellsEqual(cell, right[i]!));
}

/** Text of a cell for sort keys and messages. DOUBLE cells are rounded so near-equal values sort together. */
function cellKey(cell: Cell): string {
  if (cell === null) return '\u0000NULL';
  if (typeof cell === 'number') return `n:${Number.isFinite(cell) ? cell.toPrecision(8) : String(cell)}`;
  if (typeof cell === 'bigint') return `i:${cell}`;
  return `${typeof cell}:${String(cell)}`;
}

function rowKey(row: readonly Cell[]): string {
  return row.map(cellKey).join('\u0001');
}

function formatCell(cell: Cell): string {
  if (cell === null) return 'NULL';
  if (typeof cell === 'bigint') return cell.toString();
  if (typeof cell === 'string') return JSON.stringify(cell);
  return String(cell);
}

/** Formats the first rows of a result for a failure message. */
export function formatRows(rows: readonly (readonly Cell[])[], limit = 8): string {
  const lines = rows.slice(0, limit).map((row) => `  (${row.map(formatCell).join(', ')})`);
  if (rows.length > limit) lines.push(`  ... ${rows.length - limit} more rows`);
  return lines.length === 0 ? '  (no rows)' : lines.join('\n');
}

function formatOutcome(outcome: Outcome): string {
  if (!outcome.ok) return `  error: ${outcome.error}`;
  return `  columns: ${outcome.columns.map((name, i) => `${name} ${outcome.types[i]}`).join(', ')}\n${formatRows(outcome.rows)}`;
}

/**
 * Compares two outcomes. Returns null when they agree, else a description of the first
 * difference followed by the first rows of both. Two errors agree whatever their messages.
 */
export function compareOutcomes(ours: Outcome, theirs: Outcome, ordered: boolean): string | null {
  if (!ours.ok || !theirs.ok) {
    if (!ours.ok && !theirs.ok) return null;
    return `only ${ours.ok ? 'DuckDB' : 'cassalytics'} raised an error\ncassalytics:\n${formatOutcome(ours)}\nDuckDB:\n${formatOutcome(theirs)}`;
  }
  const difference = firstDifference(ours, theirs, ordered);
  if (difference === null) return null;
  return `${difference}\ncassalytics (${ours.rows.length} rows):\n${formatOutcome(ours)}\nDuckDB (${theirs.rows.length} rows):\n${formatOutcome(theirs)}`;
}

function firstDifference(
  ours: Extract<Outcome, { ok: true }>,
  theirs: Extract<Outcome, { ok: true }>,
  ordered: boolean,
): string | null {
  if (ours.columns.length !== theirs.columns.length) {
    return `cassalytics returns ${ours.columns.length} columns and DuckDB ${theirs.columns.length}`;
  }
  if (ours.rows.length !== theirs.rows.length) {
    return `cassalytics returns ${ours.rows.length} rows and DuckDB ${theirs.rows.length}${ordered ? '' : ' (compared as multisets)'}`;
  }
  const left = ordered ? ours.rows : [...ours.rows].sort(compareKeys);
  const right = ordered ? theirs.rows : [...theirs.rows].sort(compareKeys);
  for (let i = 0; i < left.length; i++) {
    if (!rowsEqual(left[i]!, right[i]!)) {
      const where = ordered ? `row ${i + 1}` : `row ${i + 1} after sorting both results`;
      return `${where} differs: cassalytics (${left[i]!.map(formatCell).join(', ')}), DuckDB (${right[i]!.map(formatCell).join(', ')})`;
    }
  }
  return null;
}

function compareKeys(a: readonly Cell[], b: readonly Cell[]): number {
  const left = rowKey(a);
  const right = rowKey(b);
  if (left < right) return -1;
  return left > right ? 1 : 0;
}
