import type { ResultColumn } from '../api/result.js';
import type { SqlType } from '../catalog/table.js';
import { formatDate, formatTimestampIso } from '../executor/semantics/format-time.js';
import { stringifyJson } from '../executor/semantics/json.js';
import { formatDouble } from '../executor/semantics/numbers.js';
import type { JsonValue, Value } from '../executor/values.js';

/**
 * JSON text of one value: TIMESTAMP as an ISO 8601 string in `timeZone` with its UTC offset
 * (`2026-11-16T09:30:00.000+01:00`), DATE as `"YYYY-MM-DD"`, BIGINT as a number while it is a safe
 * integer (|v| <= 2^53 - 1) and as a string beyond, so no reader rounds it. DOUBLE is a number
 * written as DuckDB prints it, except NaN and the infinities, which JSON cannot write: they are
 * the strings "nan", "inf" and "-inf". A JSON column is written inline, and SQL NULL and a JSON
 * null are both `null`.
 */
export function jsonValueText(value: Value, type: SqlType, timeZone: string): string {
  if (value === null) return 'null';
  switch (type) {
    case 'BOOLEAN':
      return value ? 'true' : 'false';
    case 'BIGINT':
      return Number.isSafeInteger(Number(value)) ? String(Number(value)) : JSON.stringify(String(value));
    case 'DOUBLE': {
      const number = Number(value);
      return Number.isFinite(number) ? formatDouble(number) : JSON.stringify(formatDouble(number));
    }
    case 'TEXT':
      return JSON.stringify(String(value));
    case 'DATE':
      return JSON.stringify(formatDate(value as number));
    case 'TIMESTAMP':
      return JSON.stringify(formatTimestampIso(value as number, timeZone));
    case 'JSON':
      return stringifyJson(value as JsonValue);
  }
}

/**
 * Returns the object keys of a result's columns: the column names, with `_2`, `_3`... appended
 * to a name that repeats (as `SELECT 1 AS n, 2 AS n` gives), because a JSON object keeps only
 * one member per key.
 */
export function jsonKeys(columns: readonly ResultColumn[]): string[] {
  const usedKeys = new Set<string>();
  return columns.map((column) => {
    let key = column.name;
    for (let suffix = 2; usedKeys.has(key); suffix++) key = `${column.name}_${suffix}`;
    usedKeys.add(key);
    return key;
  });
}

/** Compact JSON object text of one row, with `keys` from `jsonKeys`. */
export function jsonObjectText(columns: readonly ResultColumn[], keys: readonly string[], row: readonly Value[], timeZone: string): string {
  const members = columns.map((column, i) => `${JSON.stringify(keys[i])}:${jsonValueText(row[i] ?? null, column.type, timeZone)}`);
  return `{${members.join(',')}}`;
}
