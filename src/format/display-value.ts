import type { SqlType } from '../catalog/table.js';
import { formatDate, formatTimestamp } from '../executor/semantics/format-time.js';
import { stringifyJson } from '../executor/semantics/json.js';
import { formatDouble } from '../executor/semantics/numbers.js';
import type { JsonValue, Value } from '../executor/values.js';
import { NULL_WORD } from './style.js';

/**
 * Returns the text of one value as people read it:
 * - TIMESTAMP: `YYYY-MM-DD HH:MM:SS` in `timeZone`, with a fraction of up to three digits when
 *   the milliseconds are not zero (`.5`, `.123`), as DuckDB prints it and CAST(ts AS TEXT) gives it.
 * - DATE: `YYYY-MM-DD`. JSON: compact JSON text. DOUBLE: as DuckDB prints it (`1.0`, `1e+16`, `nan`).
 * - BIGINT: every digit. BOOLEAN: `true` or `false`. SQL NULL: `NULL`.
 * Layouts that must tell NULL from the text 'NULL' check for null before calling this.
 */
export function displayValue(value: Value, type: SqlType, timeZone: string): string {
  if (value === null) return NULL_WORD;
  switch (type) {
    case 'BOOLEAN':
      return value ? 'true' : 'false';
    case 'BIGINT':
      return String(value);
    case 'DOUBLE':
      return formatDouble(Number(value));
    case 'TEXT':
      return String(value);
    case 'DATE':
      return formatDate(value as number);
    case 'TIMESTAMP':
      return formatTimestamp(value as number, timeZone);
    case 'JSON':
      return stringifyJson(value as JsonValue);
  }
}

/** True for the types whose values are right-aligned in tables. */
export function isNumericType(type: SqlType): boolean {
  switch (type) {
    case 'BIGINT':
    case 'DOUBLE':
      return true;
    case 'BOOLEAN':
    case 'TEXT':
    case 'DATE':
    case 'TIMESTAMP':
    case 'JSON':
      return false;
  }
}
