import { JSON_NULL, normalizeBigint, type IntervalValue, type JsonValue, type Value } from '../values.js';
import { intervalSortKey } from './interval.js';
import { stringifyJson } from './json.js';
import { assertNever, type ExprType } from './types.js';

/**
 * Ordering and equality of non-NULL values of one static type, for ORDER BY, min/max, comparison
 * operators, GROUP BY and DISTINCT. Callers handle NULL: ORDER BY places it, comparisons yield NULL.
 */

/**
 * Compares two strings by Unicode code point, as DuckDB orders VARCHAR (UTF-8 byte order).
 * JS `<` compares UTF-16 code units. That order differs only when, at the first differing unit,
 * one side has a surrogate (part of an astral character) and the other a character at U+E000 or above.
 */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) return codeUnitRank(x) - codeUnitRank(y);
    return x - y;
  }
  return a.length - b.length;
}

/** Moves surrogates (D800-DFFF) above E000-FFFF, so code units sort by the code point they start. */
function codeUnitRank(unit: number): number {
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}

/**
 * Compares BIGINT or DOUBLE values exactly, including a bigint against a fractional number.
 * NaN sorts above every other number and equals itself, as in DuckDB.
 */
export function compareNumbers(a: number | bigint, b: number | bigint): number {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a < b) return -1;
    if (a > b) return 1;
    if (a === b) return 0;
    if (!Number.isNaN(a)) return -1;
    return Number.isNaN(b) ? 0 : 1;
  }
  if (typeof a === 'bigint' && typeof b === 'bigint') {
    if (a === b) return 0;
    return a < b ? -1 : 1;
  }
  if (typeof a === 'bigint') return -compareBigintToNumber(b as number, a);
  return compareBigintToNumber(a, b as bigint);
}

/** Sign of (number - bigint). */
function compareBigintToNumber(number: number, big: bigint): number {
  if (Number.isNaN(number)) return 1;
  if (number === Infinity) return 1;
  if (number === -Infinity) return -1;
  const floor = Math.floor(number);
  const floorBig = BigInt(floor);
  if (floorBig < big) return -1;
  if (floorBig > big) return 1;
  return number === floor ? 0 : 1;
}

/** Total order of two non-NULL values of `type`: negative, zero or positive. */
export function compareValues(a: Value, b: Value, type: ExprType): number {
  switch (type) {
    case 'BIGINT':
    case 'DOUBLE':
    case 'DATE':
    case 'TIMESTAMP':
      return compareNumbers(a as number | bigint, b as number | bigint);
    case 'TEXT':
      return compareText(a as string, b as string);
    case 'BOOLEAN':
      if (a === b) return 0;
      return a === false ? -1 : 1;
    case 'JSON':
      // JSON compares as its text, as DuckDB compares JSON values as VARCHAR.
      return compareText(stringifyJson(a as JsonValue), stringifyJson(b as JsonValue));
    case 'INTERVAL':
      return Math.sign(intervalSortKey(a as IntervalValue) - intervalSortKey(b as IntervalValue));
    case 'NULL':
      return 0;
    default:
      return assertNever(type, 'type');
  }
}

/** Equality for grouping and DISTINCT: like `compareValues(a, b) === 0`, so NaN equals NaN and -0 equals 0. */
export function equals(a: Value, b: Value, type: ExprType): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  return compareValues(a, b, type) === 0;
}

/**
 * Encodes one value for `groupKey`. Each encoding starts with a tag and is self-delimiting, so
 * concatenated encodings cannot collide. Strings and JSON text carry their length, and numbers end
 * with `;`, which no number's text contains.
 * Tags: `n` NULL, `t`/`f` booleans, `d` numbers, `i` bigints, `s` strings, `z` JSON null,
 * `j` JSON arrays and objects (and INTERVAL values).
 */
function encodeValue(value: Value): string {
  if (value === null) return 'n';
  switch (typeof value) {
    case 'boolean':
      return value ? 't' : 'f';
    case 'number':
      // String(-0) is '0', so -0 and 0 share a group, as do all NaNs.
      return `d${value};`;
    case 'bigint': {
      const canonical = normalizeBigint(value);
      return typeof canonical === 'number' ? `d${canonical};` : `i${canonical};`;
    }
    case 'string':
      if (value === JSON_NULL) return 'z';
      return `s${value.length}:${value}`;
    case 'object': {
      // JSON arrays and objects, and INTERVAL objects, encode as their JSON text.
      const text = stringifyJson(value as JsonValue);
      return `j${text.length}:${text}`;
    }
    default:
      throw new Error(`internal error: cannot encode a ${typeof value} as a group key`);
  }
}

/**
 * Builds a string key for a row of group values, usable in a Map. Distinct rows get distinct keys
 * because NULL, numbers, bigints beyond 2^53 and strings are tagged apart. A bigint within the
 * safe range encodes like the equal number.
 */
export function groupKey(values: readonly Value[]): string {
  if (values.length === 1) return encodeValue(values[0]!);
  let key = '';
  for (const value of values) key += encodeValue(value);
  return key;
}
