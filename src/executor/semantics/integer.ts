import { normalizeBigint } from '../values.js';
import { SqlRuntimeError } from './errors.js';

/**
 * Exact BIGINT arithmetic over the executor's representation: a number while the value is a safe
 * integer, a bigint beyond. Results outside the signed 64-bit range raise NUMERIC_OVERFLOW, as
 * DuckDB does ("Overflow in addition of INT64").
 */

export type BigintValue = number | bigint;

export const INT64_MAX = 2n ** 63n - 1n;
export const INT64_MIN = -(2n ** 63n);

/** Returns `value` in canonical form after checking that it fits in 64 bits. */
export function checkInt64(value: bigint, describe: () => string): BigintValue {
  if (value > INT64_MAX || value < INT64_MIN) {
    throw new SqlRuntimeError('NUMERIC_OVERFLOW', `BIGINT overflow: ${describe()} is outside the signed 64-bit range`, {
      hint: 'cast an operand to DOUBLE to compute an approximate result',
    });
  }
  return normalizeBigint(value);
}

function wide(value: BigintValue): bigint {
  return typeof value === 'bigint' ? value : BigInt(value);
}

// Fast paths: when both operands are numbers and the double result is a safe integer, the result
// is exact, because any true result of magnitude >= 2^53 rounds to a double of magnitude >= 2^53.
// `+ 0` turns a -0 result (for example 0 * -5) into 0.

export function addBigint(a: BigintValue, b: BigintValue): BigintValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const sum = a + b;
    if (Number.isSafeInteger(sum)) return sum + 0;
  }
  return checkInt64(wide(a) + wide(b), () => `${a} + ${b}`);
}

export function subtractBigint(a: BigintValue, b: BigintValue): BigintValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const difference = a - b;
    if (Number.isSafeInteger(difference)) return difference + 0;
  }
  return checkInt64(wide(a) - wide(b), () => `${a} - ${b}`);
}

export function multiplyBigint(a: BigintValue, b: BigintValue): BigintValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const product = a * b;
    if (Number.isSafeInteger(product)) return product + 0;
  }
  return checkInt64(wide(a) * wide(b), () => `${a} * ${b}`);
}

/**
 * Integer division `a // b`, truncated toward zero like DuckDB 1.5 (`-7 // 2` is -3). Returns NULL
 * when `b` is 0. For safe integers `Math.trunc(a / b)` is exact: a non-integer quotient lies at
 * least 1/|b| from the nearest integer, more than the rounding error of the division.
 */
export function divideBigint(a: BigintValue, b: BigintValue): BigintValue | null {
  if (b === 0 || b === 0n) return null;
  if (typeof a === 'number' && typeof b === 'number') return Math.trunc(a / b) + 0;
  return checkInt64(wide(a) / wide(b), () => `${a} // ${b}`);
}

/** Remainder `a % b` with the sign of `a`, like DuckDB. Returns NULL when `b` is 0. */
export function moduloBigint(a: BigintValue, b: BigintValue): BigintValue | null {
  if (b === 0 || b === 0n) return null;
  if (typeof a === 'number' && typeof b === 'number') return (a % b) + 0;
  // DuckDB raises for INT64_MIN % -1 because it computes the quotient too.
  if (wide(a) === INT64_MIN && wide(b) === -1n) checkInt64(-INT64_MIN, () => `${a} % ${b}`);
  return normalizeBigint(wide(a) % wide(b));
}

export function negateBigint(a: BigintValue): BigintValue {
  if (typeof a === 'number') return -a + 0;
  return checkInt64(-a, () => `-(${a})`);
}

export function absBigint(a: BigintValue): BigintValue {
  if (typeof a === 'number') return Math.abs(a);
  return checkInt64(a < 0n ? -a : a, () => `abs(${a})`);
}

/** Converts a BIGINT to the nearest double. */
export function bigintToDouble(a: BigintValue): number {
  return typeof a === 'number' ? a : Number(a);
}

/** Sign of a BIGINT: -1, 0 or 1. */
export function signBigint(a: BigintValue): number {
  if (typeof a === 'number') return Math.sign(a) + 0;
  if (a === 0n) return 0;
  return a < 0n ? -1 : 1;
}
