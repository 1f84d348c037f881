/**
 * Runtime representation of SQL values inside the executor.
 *
 * - BIGINT: a JS number while the value is a safe integer (|v| <= 2^53 - 1), a bigint beyond that.
 *   Arithmetic promotes to bigint when a result would leave the safe range, so 64-bit results stay exact.
 * - DOUBLE: number. TEXT: string. BOOLEAN: boolean.
 * - TIMESTAMP: milliseconds since the Unix epoch as a number (an instant; zones apply on display).
 * - DATE: days since 1970-01-01 as a number.
 * - JSON: the parsed value (object, array, string, number, boolean), with `JSON_NULL` for a JSON null
 *   so that it differs from SQL NULL.
 * - SQL NULL: null.
 * - INTERVAL (operator results only, not a column type): a plain `IntervalValue` object of
 *   months, days and milliseconds. Its static type distinguishes it from a JSON object, as the
 *   static type distinguishes a TIMESTAMP from a BIGINT.
 *
 * Every value is structured-cloneable, so rows and aggregate states cross worker threads as they are.
 */
export type Value = null | boolean | number | bigint | string | JsonValue;

export type JsonValue = JsonNull | string | number | boolean | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** JSON null, distinct from SQL NULL. A string so that it survives structured cloning. */
export type JsonNull = '\u0000json-null';
export const JSON_NULL: JsonNull = '\u0000json-null';

export type Row = Value[];

/**
 * An INTERVAL: calendar months, calendar days and milliseconds, kept apart because a month and a
 * day have no fixed length. Adding one to a TIMESTAMP applies months, then days, then milliseconds.
 * A type alias rather than an interface so that it stays assignable to `Value`.
 */
export type IntervalValue = { readonly months: number; readonly days: number; readonly ms: number };

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);

/** Returns a BIGINT in canonical form: a number when it is a safe integer, else a bigint. */
export function normalizeBigint(value: bigint): number | bigint {
  return value <= MAX_SAFE && value >= MIN_SAFE ? Number(value) : value;
}

/** Widens a BIGINT value to bigint for exact arithmetic. */
export function toBigint(value: number | bigint): bigint {
  return typeof value === 'bigint' ? value : BigInt(value);
}

export const MS_PER_DAY = 86_400_000;
