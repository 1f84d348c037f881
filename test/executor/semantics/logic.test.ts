import { describe, expect, test } from 'vitest';
import { and3, andAll, isDistinctFrom, isNotDistinctFrom, isTrue, not3, or3, orAll, type TriBoolean } from '../../../src/executor/semantics/logic.js';
import type { ExprType } from '../../../src/executor/semantics/types.js';
import type { Value } from '../../../src/executor/values.js';

const T = true;
const F = false;
const N = null;

describe('three-valued logic', () => {
  test.each<[TriBoolean, TriBoolean, TriBoolean, TriBoolean]>([
    [T, T, T, T],
    [T, F, F, T],
    [T, N, N, T],
    [F, F, F, F],
    [F, N, F, N],
    [N, N, N, N],
    [F, T, F, T],
    [N, T, N, T],
    [N, F, F, N],
  ])('%s AND/OR %s', (a, b, expectedAnd, expectedOr) => {
    expect(and3(a, b)).toBe(expectedAnd);
    expect(or3(a, b)).toBe(expectedOr);
    expect(andAll([a, b])).toBe(expectedAnd);
    expect(orAll([a, b])).toBe(expectedOr);
  });

  test.each<[TriBoolean, TriBoolean]>([
    [T, F],
    [F, T],
    [N, N],
  ])('NOT %s', (a, expected) => {
    expect(not3(a)).toBe(expected);
  });

  test('AND and OR over many operands', () => {
    expect(andAll([T, N, F])).toBe(false);
    expect(andAll([T, N, T])).toBe(null);
    expect(andAll([])).toBe(true);
    expect(orAll([F, N, T])).toBe(true);
    expect(orAll([F, N])).toBe(null);
    expect(orAll([])).toBe(false);
  });

  test('filters keep only true', () => {
    expect(isTrue(true)).toBe(true);
    expect(isTrue(null)).toBe(false);
    expect(isTrue(false)).toBe(false);
  });
});

describe('IS DISTINCT FROM', () => {
  test.each<[Value, Value, ExprType, boolean]>([
    [null, null, 'BIGINT', false],
    [1, null, 'BIGINT', true],
    [null, 'a', 'TEXT', true],
    [1, 1, 'BIGINT', false],
    [1, 2, 'BIGINT', true],
    [5, 5n, 'BIGINT', false],
    [Number.NaN, Number.NaN, 'DOUBLE', false],
    ['a', 'a', 'TEXT', false],
  ])('%s vs %s', (a, b, type, expected) => {
    expect(isDistinctFrom(a, b, type)).toBe(expected);
    expect(isNotDistinctFrom(a, b, type)).toBe(!expected);
  });
});
