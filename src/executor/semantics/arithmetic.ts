import type { IntervalValue, Value } from '../values.js';
import { addBigint, checkInt64, divideBigint, moduloBigint, multiplyBigint, negateBigint, subtractBigint, type BigintValue } from './integer.js';
import {
  addIntervalToDate,
  addIntervalToTimestamp,
  addIntervals,
  multiplyInterval,
  negateInterval,
  subtractTimestamps,
} from './interval.js';
import { assertNever, type ExprType, type TypeMismatch } from './types.js';

/**
 * Arithmetic operators over typed values. `resolveArithmetic` picks the implementation for a pair
 * of static types once, at compile time; the returned `apply` then runs per row.
 *
 * - BIGINT + - * // % BIGINT is an exact BIGINT (see integer.ts); `/` is always DOUBLE, so
 *   count / count is a rate. `//` truncates toward zero like DuckDB 1.5.
 * - Division and modulo by zero return NULL, for BIGINT and DOUBLE alike. DuckDB 1.5 returns
 *   NULL only with `SET ieee_floating_point_ops = false`; by default it returns inf or NaN for DOUBLE.
 * - DOUBLE `//` gives the truncated quotient as a BIGINT. DuckDB 1.5 returns the unrounded DOUBLE
 *   quotient there (7.0 // 2 = 3.5).
 * - TIMESTAMP ± BIGINT adds milliseconds; DATE ± BIGINT adds days; DATE - DATE counts days.
 * - TIMESTAMP ± INTERVAL and DATE ± INTERVAL apply months and days on the calendar of the session
 *   time zone (DATE ± INTERVAL gives a TIMESTAMP); TIMESTAMP - TIMESTAMP gives an INTERVAL.
 */

export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%' | '//';

/** An operator implementation for fixed operand types. `apply` returns NULL when either operand is NULL. */
export interface BinaryOperation {
  readonly resultType: ExprType;
  apply(left: Value, right: Value): Value;
}

type NonNullApply = (left: NonNullable<Value>, right: NonNullable<Value>) => Value;

function operation(resultType: ExprType, apply: NonNullApply): BinaryOperation {
  return {
    resultType,
    apply: (left, right) => (left === null || right === null ? null : apply(left, right)),
  };
}

function asNumber(value: Value): number {
  return typeof value === 'bigint' ? Number(value) : (value as number);
}

function asBigint(value: Value): BigintValue {
  return value as BigintValue;
}

function asInterval(value: Value): IntervalValue {
  return value as IntervalValue;
}

const isNumeric = (type: ExprType) => type === 'BIGINT' || type === 'DOUBLE';

/** Truncated DOUBLE quotient as a BIGINT; NULL for division by zero or a NaN result. */
function divideDoublesToBigint(left: number, right: number): Value {
  if (right === 0) return null;
  const quotient = Math.trunc(left / right);
  if (Number.isNaN(quotient)) return null;
  if (Number.isSafeInteger(quotient)) return quotient + 0;
  if (!Number.isFinite(quotient)) return checkInt64(left / right > 0 ? 2n ** 64n : -(2n ** 64n), () => `${left} // ${right}`);
  return checkInt64(BigInt(quotient), () => `${left} // ${right}`);
}

function numericOperation(op: ArithmeticOperator, leftType: ExprType, rightType: ExprType): BinaryOperation {
  if (leftType === 'BIGINT' && rightType === 'BIGINT') {
    switch (op) {
      case '+':
        return operation('BIGINT', (l, r) => addBigint(asBigint(l), asBigint(r)));
      case '-':
        return operation('BIGINT', (l, r) => subtractBigint(asBigint(l), asBigint(r)));
      case '*':
        return operation('BIGINT', (l, r) => multiplyBigint(asBigint(l), asBigint(r)));
      case '//':
        return operation('BIGINT', (l, r) => divideBigint(asBigint(l), asBigint(r)));
      case '%':
        return operation('BIGINT', (l, r) => moduloBigint(asBigint(l), asBigint(r)));
      case '/':
        return operation('DOUBLE', (l, r) => {
          const divisor = asNumber(r);
          return divisor === 0 ? null : asNumber(l) / divisor;
        });
      default:
        return assertNever(op, 'arithmetic operator');
    }
  }
  switch (op) {
    case '+':
      return operation('DOUBLE', (l, r) => asNumber(l) + asNumber(r));
    case '-':
      return operation('DOUBLE', (l, r) => asNumber(l) - asNumber(r));
    case '*':
      return operation('DOUBLE', (l, r) => asNumber(l) * asNumber(r));
    case '/':
      return operation('DOUBLE', (l, r) => {
        const divisor = asNumber(r);
        return divisor === 0 ? null : asNumber(l) / divisor;
      });
    case '%':
      return operation('DOUBLE', (l, r) => {
        const divisor = asNumber(r);
        return divisor === 0 ? null : asNumber(l) % divisor;
      });
    case '//':
      return operation('BIGINT', (l, r) => divideDoublesToBigint(asNumber(l), asNumber(r)));
    default:
      return assertNever(op, 'arithmetic operator');
  }
}

function mismatch(op: ArithmeticOperator, leftType: ExprType, rightType: ExprType): TypeMismatch {
  return { error: `operator ${op} is not defined for ${leftType} and ${rightType}` };
}

/** Resolves `left op right` for the given static types; an untyped NULL takes the other side's type. */
export function resolveArithmetic(op: ArithmeticOperator, leftType: ExprType, rightType: ExprType, timeZone = 'UTC'): BinaryOperation | TypeMismatch {
  let left: ExprType = leftType;
  if (left === 'NULL') left = rightType === 'NULL' ? 'BIGINT' : rightType;
  const right: ExprType = rightType === 'NULL' ? left : rightType;
  if (isNumeric(left) && isNumeric(right)) return numericOperation(op, left, right);

  const pair = `${left} ${op} ${right}`;
  switch (pair) {
    case 'TIMESTAMP + BIGINT':
      return operation('TIMESTAMP', (l, r) => asNumber(l) + asNumber(r));
    case 'BIGINT + TIMESTAMP':
      return operation('TIMESTAMP', (l, r) => asNumber(l) + asNumber(r));
    case 'TIMESTAMP - BIGINT':
      return operation('TIMESTAMP', (l, r) => asNumber(l) - asNumber(r));
    case 'DATE + BIGINT':
    case 'BIGINT + DATE':
      return operation('DATE', (l, r) => asNumber(l) + asNumber(r));
    case 'DATE - BIGINT':
      return operation('DATE', (l, r) => asNumber(l) - asNumber(r));
    case 'DATE - DATE':
      return operation('BIGINT', (l, r) => asNumber(l) - asNumber(r));
    case 'TIMESTAMP - TIMESTAMP':
      return operation('INTERVAL', (l, r) => subtractTimestamps(asNumber(l), asNumber(r), timeZone));
    case 'TIMESTAMP + INTERVAL':
      return operation('TIMESTAMP', (l, r) => addIntervalToTimestamp(asNumber(l), asInterval(r), timeZone));
    case 'INTERVAL + TIMESTAMP':
      return operation('TIMESTAMP', (l, r) => addIntervalToTimestamp(asNumber(r), asInterval(l), timeZone));
    case 'TIMESTAMP - INTERVAL':
      return operation('TIMESTAMP', (l, r) => addIntervalToTimestamp(asNumber(l), negateInterval(asInterval(r)), timeZone));
    case 'DATE + INTERVAL':
      return operation('TIMESTAMP', (l, r) => addIntervalToDate(asNumber(l), asInterval(r), timeZone));
    case 'INTERVAL + DATE':
      return operation('TIMESTAMP', (l, r) => addIntervalToDate(asNumber(r), asInterval(l), timeZone));
    case 'DATE - INTERVAL':
      return operation('TIMESTAMP', (l, r) => addIntervalToDate(asNumber(l), negateInterval(asInterval(r)), timeZone));
    case 'INTERVAL + INTERVAL':
      return operation('INTERVAL', (l, r) => addIntervals(asInterval(l), asInterval(r)));
    case 'INTERVAL - INTERVAL':
      return operation('INTERVAL', (l, r) => addIntervals(asInterval(l), negateInterval(asInterval(r))));
    case 'INTERVAL * BIGINT':
      return operation('INTERVAL', (l, r) => multiplyInterval(asInterval(l), asNumber(r)));
    case 'BIGINT * INTERVAL':
      return operation('INTERVAL', (l, r) => multiplyInterval(asInterval(r), asNumber(l)));
    default:
      return mismatch(op, leftType, rightType);
  }
}

/** Evaluates one arithmetic expression; a convenience over `resolveArithmetic` for tests and constant folding. */
export function arithmetic(op: ArithmeticOperator, left: Value, leftType: ExprType, right: Value, rightType: ExprType, timeZone = 'UTC'): Value {
  const resolved = resolveArithmetic(op, leftType, rightType, timeZone);
  if ('error' in resolved) throw new TypeError(resolved.error);
  return resolved.apply(left, right);
}

/** Unary minus of a BIGINT, DOUBLE or INTERVAL; NULL stays NULL. */
export function negate(value: Value, type: ExprType): Value {
  if (value === null) return null;
  switch (type) {
    case 'BIGINT':
      return negateBigint(asBigint(value));
    case 'DOUBLE':
      return -asNumber(value) + 0;
    case 'INTERVAL':
      return negateInterval(asInterval(value));
    default:
      throw new TypeError(`unary - is not defined for ${type}`);
  }
}

/** `a || b`: string concatenation, NULL when either side is NULL. */
export function concatText(left: string | null, right: string | null): string | null {
  return left === null || right === null ? null : left + right;
}
