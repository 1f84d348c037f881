import { JSON_NULL, type JsonValue } from '../values.js';

/**
 * JSON values: parsing text, serializing, and the `->` / `->>` operators.
 *
 * NOTE: parsing goes through JSON.parse, so integers beyond 2^53 lose precision and a number
 * written as `100.0` reads back as `100` (DuckDB 1.5 keeps both).
 */

/** Returned by `parseJsonText` for text that is not valid JSON, so callers can count bad rows. */
export const MALFORMED_JSON: unique symbol = Symbol('malformed JSON');
export type MalformedJson = typeof MALFORMED_JSON;

/** Replaces JSON nulls by `JSON_NULL` in place; JSON.parse output is fresh, so mutation is safe. */
function markNulls(value: unknown): JsonValue {
  if (value === null) return JSON_NULL;
  if (typeof value !== 'object') return value as JsonValue;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = markNulls(value[i]);
    return value as JsonValue;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) record[key] = markNulls(record[key]);
  return record as JsonValue;
}

/** Parses JSON text into a `JsonValue`, or returns `MALFORMED_JSON`. */
export function parseJsonText(text: string): JsonValue | MalformedJson {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return MALFORMED_JSON;
  }
  return markNulls(parsed);
}

function replaceJsonNull(_key: string, value: unknown): unknown {
  return value === JSON_NULL ? null : value;
}

/** Compact JSON text of a value (`{"a":1}`); a JSON string gives its quoted form. */
export function stringifyJson(value: JsonValue): string {
  if (value === JSON_NULL) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  return JSON.stringify(value, replaceJsonNull);
}

function isJsonObject(value: JsonValue): value is { readonly [key: string]: JsonValue } {
  return typeof value === 'object' && !Array.isArray(value);
}

/**
 * `json -> key`: an object member by name, or an array element by integer index where a negative
 * index counts from the end (-1 is the last element), as in PostgreSQL and DuckDB. Returns SQL NULL
 * when the member or element is missing or the key kind does not fit the value. A member that
 * contains a JSON null returns `JSON_NULL`.
 */
export function jsonGet(value: JsonValue, key: string | number | bigint): JsonValue | null {
  if (typeof key === 'string') {
    if (!isJsonObject(value) || !Object.hasOwn(value, key)) return null;
    return value[key]!;
  }
  if (!Array.isArray(value)) return null;
  const array = value as readonly JsonValue[];
  const index = Number(key);
  if (!Number.isInteger(index)) return null;
  const position = index < 0 ? array.length + index : index;
  return position >= 0 && position < array.length ? array[position]! : null;
}

/**
 * SQL text of a JSON value, for `->>` and json_value: a string gives its contents, a number or a
 * boolean its JSON text, JSON null gives SQL NULL, and arrays and objects their compact JSON text.
 */
export function jsonText(value: JsonValue): string | null {
  if (value === JSON_NULL) return null;
  if (typeof value === 'string') return value;
  return stringifyJson(value);
}

/** True for a JSON array or object, as opposed to a scalar. */
export function isJsonContainer(value: JsonValue): boolean {
  return typeof value === 'object';
}
