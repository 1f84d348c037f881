import { absBigint, checkInt64, signBigint, type BigintValue } from '../semantics/integer.js';
import { roundHalfAwayFromZero } from '../semantics/numbers.js';
import type { Value } from '../values.js';
import { alias, BIGINT, NUMERIC, scalar, toDouble, toSmallInteger } from './define.js';
import type { ArgType, ScalarFunction } from './registry.js';

/** Numeric functions. BIGINT arguments give exact BIGINT results where the result is an integer. */

const sameNumericType = (args: readonly ArgType[]) => (args[0] === 'DOUBLE' ? 'DOUBLE' : 'BIGINT');

const abs = scalar({
  name: 'abs',
  signature: 'abs(number) -> same type',
  description: 'Absolute value. abs of the smallest BIGINT (-2^63) raises an overflow error.',
  examples: [
    { sql: 'abs(-17)', result: 17 },
    { sql: 'abs(-2.5)', result: 2.5 },
  ],
  params: [NUMERIC],
  returns: sameNumericType,
  evaluate: ([value], _context, [type]) => (type === 'DOUBLE' ? Math.abs(toDouble(value!)) : absBigint(value as BigintValue)),
});

/** Rounds a BIGINT to a multiple of 10^-digits (digits < 0), half away from zero. */
function roundBigint(value: BigintValue, digits: number): BigintValue {
  if (digits >= 0) return value;
  if (digits < -19) return 0;
  const factor = 10n ** BigInt(-digits);
  const wide = BigInt(value);
  const quotient = wide / factor;
  const remainder = wide % factor;
  const magnitude = remainder < 0n ? -remainder : remainder;
  let adjusted = quotient;
  if (magnitude * 2n >= factor) adjusted += wide < 0n ? -1n : 1n;
  return checkInt64(adjusted * factor, () => `round(${value}, ${digits})`);
}

/** Rounds a DOUBLE to `digits` decimal places like DuckDB: round(x * 10^d) / 10^d, keeping x when that overflows. */
function roundDouble(value: number, digits: number): number {
  if (digits === 0) return roundHalfAwayFromZero(value);
  const modifier = 10 ** digits;
  const rounded = roundHalfAwayFromZero(value * modifier) / modifier;
  return Number.isFinite(rounded) ? rounded : value;
}

const round = scalar({
  name: 'round',
  signature: 'round(number [, digits]) -> same type',
  description:
    'Rounds half away from zero to digits decimal places (0 by default); negative digits round to tens, hundreds and so on. Rounding a DOUBLE multiplies by 10^digits, so a value such as 1.005 whose binary form lies below the half rounds down.',
  examples: [
    { sql: 'round(2.5)', result: 3 },
    { sql: 'round(-2.5)', result: -3 },
    { sql: 'round(3.14159, 2)', result: 3.14 },
    { sql: 'round(1250, -2)', result: 1300 },
  ],
  params: [NUMERIC, BIGINT],
  required: 1,
  returns: sameNumericType,
  evaluate: ([value, digits], _context, [type]) => {
    const places = digits === undefined ? 0 : toSmallInteger(digits);
    if (type === 'DOUBLE') return roundDouble(toDouble(value!), places);
    return roundBigint(value as BigintValue, places);
  },
});

function roundingFunction(name: 'floor' | 'ceil', apply: (value: number) => number, description: string, examples: readonly { sql: string; result: Value }[]): ScalarFunction {
  return scalar({
    name,
    signature: `${name}(number) -> same type`,
    description,
    examples,
    params: [NUMERIC],
    returns: sameNumericType,
    // A BIGINT is already an integer. DuckDB 1.5 returns DOUBLE for floor(BIGINT), with the same value.
    evaluate: ([value], _context, [type]) => (type === 'DOUBLE' ? apply(toDouble(value!)) + 0 : value!),
  });
}

const floor = roundingFunction('floor', Math.floor, 'The largest integer not above the number.', [
  { sql: 'floor(2.7)', result: 2 },
  { sql: 'floor(-2.5)', result: -3 },
]);
const ceil = roundingFunction('ceil', Math.ceil, 'The smallest integer not below the number.', [
  { sql: 'ceil(2.1)', result: 3 },
  { sql: 'ceil(-2.5)', result: -2 },
]);

const sign = scalar({
  name: 'sign',
  signature: 'sign(number) -> BIGINT',
  description: 'Returns -1, 0 or 1 by the sign of the number; 0 for NaN.',
  examples: [
    { sql: 'sign(-42)', result: -1 },
    { sql: 'sign(0.5)', result: 1 },
  ],
  params: [NUMERIC],
  returns: 'BIGINT',
  evaluate: ([value], _context, [type]) => {
    if (type !== 'DOUBLE') return signBigint(value as BigintValue);
    const number = toDouble(value!);
    return Number.isNaN(number) ? 0 : Math.sign(number) + 0;
  },
});

export const mathFunctions: readonly ScalarFunction[] = [abs, round, floor, ceil, alias(ceil, 'ceiling'), sign];
