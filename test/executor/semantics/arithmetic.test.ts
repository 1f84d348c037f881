import { describe, expect, test } from 'vitest';
import { arithmetic, concatText, negate, resolveArithmetic, type ArithmeticOperator } from '../../../src/executor/semantics/arithmetic.js';
import { SqlRuntimeError } from '../../../src/executor/semantics/errors.js';
import type { ExprType } from '../../../src/executor/semantics/types.js';
import type { Value } from '../../../src/executor/values.js';

const MAX = 9223372036854775807n;
const MIN = -9223372036854775808n;
const SAFE = Number.MAX_SAFE_INTEGER;

describe('BIGINT arithmetic', () => {
  test.each<[string, ArithmeticOperator, Value, Value, Value]>([
    ['small sum stays a number', '+', 2, 3, 5],
    ['sum past 2^53 becomes a bigint', '+', SAFE, 2, 9007199254740993n],
    ['bigint sum back in range becomes a number', '+', 9007199254740993n, -2, SAFE],
    ['sum up to INT64_MAX', '+', MAX - 1n, 1, MAX],
    ['difference down to INT64_MIN', '-', MIN + 1n, 1, MIN],
    ['product past 2^53 becomes a bigint', '*', 94906267, 94906267, 9007199515875289n],
    ['product near 2^62', '*', 2147483648, 2147483648, 4611686018427387904n],
    ['product of zero and negative is 0, not -0', '*', 0, -5, 0],
    ['mixed number and bigint product', '*', 3037000499n, 3037000499, 9223372030926249001n],
    ['integer division truncates toward zero', '//', -7, 2, -3],
    ['integer division positive', '//', 7, 2, 3],
    ['integer division negative divisor', '//', 7, -2, -3],
    ['integer division by zero is NULL', '//', 7, 0, null],
    ['integer division of bigints', '//', MAX, 2, 4611686018427387903n],
    ['modulo keeps the dividend sign', '%', -7, 2, -1],
    ['modulo with negative divisor', '%', 7, -2, 1],
    ['modulo by zero is NULL', '%', 7, 0, null],
    ['modulo of bigints', '%', MAX, 10, 7],
    ['modulo -0 becomes 0', '%', -4, 2, 0],
    ['division is DOUBLE', '/', 1, 2, 0.5],
    ['division of counts is a rate', '/', 2, 3, 2 / 3],
    ['division by zero is NULL', '/', 1, 0, null],
    ['division of bigints', '/', MAX, MAX, 1],
    ['NULL left operand', '+', null, 1, null],
    ['NULL right operand', '*', 1, null, null],
  ])('%s', (_name, op, left, right, expected) => {
    expect(arithmetic(op, left, 'BIGINT', right, 'BIGINT')).toBe(expected);
  });

  test.each<[string, ArithmeticOperator, Value, Value]>([
    ['addition past INT64_MAX', '+', MAX, 1],
    ['subtraction past INT64_MIN', '-', MIN, 1],
    ['multiplication past INT64_MAX', '*', 4611686018427387904n, 2],
    ['negative multiplication past INT64_MIN', '*', -4611686018427387905n, 2],
    ['INT64_MIN // -1', '//', MIN, -1],
    ['INT64_MIN % -1', '%', MIN, -1],
  ])('%s raises NUMERIC_OVERFLOW', (_name, op, left, right) => {
    let caught: unknown;
    try {
      arithmetic(op, left, 'BIGINT', right, 'BIGINT');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SqlRuntimeError);
    expect((caught as SqlRuntimeError).code).toBe('NUMERIC_OVERFLOW');
    expect((caught as SqlRuntimeError).message).toMatch(/outside the signed 64-bit range/);
  });
});

test('product of 2^32 and 2^32 overflows', () => {
  expect(() => arithmetic('*', 4294967296, 'BIGINT', 4294967296, 'BIGINT')).toThrow(SqlRuntimeError);
});

describe('DOUBLE arithmetic', () => {
  test.each<[string, ArithmeticOperator, Value, ExprType, Value, ExprType, Value]>([
    ['sum', '+', 0.5, 'DOUBLE', 0.25, 'DOUBLE', 0.75],
    ['BIGINT widened to DOUBLE', '+', 1, 'BIGINT', 0.5, 'DOUBLE', 1.5],
    ['bigint value widened', '*', 9007199254740993n, 'BIGINT', 1.0, 'DOUBLE', 9007199254740992],
    ['division by zero is NULL', '/', 1.5, 'DOUBLE', 0, 'DOUBLE', null],
    ['division of zero by zero is NULL', '/', 0, 'DOUBLE', 0, 'DOUBLE', null],
    ['modulo keeps the dividend sign', '%', -5.5, 'DOUBLE', 2, 'DOUBLE', -1.5],
    ['modulo by zero is NULL', '%', 5.5, 'DOUBLE', 0, 'DOUBLE', null],
    ['integer division of doubles truncates to BIGINT', '//', 7.5, 'DOUBLE', 2, 'BIGINT', 3],
    ['integer division of negative doubles', '//', -7.5, 'DOUBLE', 2, 'DOUBLE', -3],
    ['integer division of doubles by zero', '//', 7.5, 'DOUBLE', 0, 'DOUBLE', null],
    ['overflow gives infinity', '*', 1e308, 'DOUBLE', 10, 'DOUBLE', Infinity],
    ['NaN propagates', '+', Number.NaN, 'DOUBLE', 1, 'DOUBLE', Number.NaN],
  ])('%s', (_name, op, left, leftType, right, rightType, expected) => {
    expect(arithmetic(op, left, leftType, right, rightType)).toBe(expected);
  });

  test('integer division of a huge double overflows', () => {
    expect(() => arithmetic('//', 1e300, 'DOUBLE', 1, 'DOUBLE')).toThrow(/outside the signed 64-bit range/);
  });
});

describe('result types', () => {
  test.each<[ArithmeticOperator, ExprType, ExprType, ExprType]>([
    ['+', 'BIGINT', 'BIGINT', 'BIGINT'],
    ['/', 'BIGINT', 'BIGINT', 'DOUBLE'],
    ['//', 'BIGINT', 'BIGINT', 'BIGINT'],
    ['//', 'DOUBLE', 'BIGINT', 'BIGINT'],
    ['%', 'BIGINT', 'DOUBLE', 'DOUBLE'],
    ['+', 'NULL', 'BIGINT', 'BIGINT'],
    ['+', 'TIMESTAMP', 'BIGINT', 'TIMESTAMP'],
    ['-', 'TIMESTAMP', 'TIMESTAMP', 'INTERVAL'],
    ['+', 'DATE', 'BIGINT', 'DATE'],
    ['-', 'DATE', 'DATE', 'BIGINT'],
    ['+', 'DATE', 'INTERVAL', 'TIMESTAMP'],
    ['+', 'INTERVAL', 'TIMESTAMP', 'TIMESTAMP'],
    ['-', 'INTERVAL', 'INTERVAL', 'INTERVAL'],
  ])('%s on %s and %s gives %s', (op, left, right, expected) => {
    const resolved = resolveArithmetic(op, left, right);
    expect('error' in resolved ? resolved.error : resolved.resultType).toBe(expected);
  });

  test.each<[ArithmeticOperator, ExprType, ExprType]>([
    ['+', 'TEXT', 'BIGINT'],
    ['+', 'TIMESTAMP', 'TIMESTAMP'],
    ['-', 'BIGINT', 'DATE'],
    ['*', 'DATE', 'BIGINT'],
    ['+', 'BOOLEAN', 'BOOLEAN'],
  ])('%s on %s and %s is a type error', (op, left, right) => {
    const resolved = resolveArithmetic(op, left, right);
    expect('error' in resolved ? resolved.error : '').toMatch(/not defined/);
  });
});

describe('unary minus and concatenation', () => {
  test.each<[string, Value, ExprType, Value]>([
    ['number', 5, 'BIGINT', -5],
    ['zero stays positive', 0, 'DOUBLE', 0],
    ['bigint', 9223372036854775807n, 'BIGINT', -9223372036854775807n],
    ['INT64_MIN fits after negating its neighbour', -9223372036854775807n, 'BIGINT', 9223372036854775807n],
    ['NULL', null, 'BIGINT', null],
    ['interval', { months: 1, days: -2, ms: 3 }, 'INTERVAL', { months: -1, days: 2, ms: -3 }],
  ])('negate %s', (_name, value, type, expected) => {
    expect(negate(value, type)).toEqual(expected);
  });

  test('negating INT64_MIN overflows', () => {
    expect(() => negate(-9223372036854775808n, 'BIGINT')).toThrow(SqlRuntimeError);
  });

  test.each<[string | null, string | null, string | null]>([
    ['ab', 'cd', 'abcd'],
    ['', 'x', 'x'],
    ['ab', null, null],
    [null, 'cd', null],
    [null, null, null],
  ])('%s || %s', (left, right, expected) => {
    expect(concatText(left, right)).toBe(expected);
  });
});
