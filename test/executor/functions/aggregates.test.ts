import { describe, expect, test } from 'vitest';
import { makeDistinct } from '../../../src/executor/functions/distinct.js';
import { aggregateFunctions } from '../../../src/executor/functions/index.js';
import type { AggregateFunction, ArgType } from '../../../src/executor/functions/registry.js';
import { SqlRuntimeError } from '../../../src/executor/semantics/errors.js';
import type { Value } from '../../../src/executor/values.js';

function aggregate(name: string): AggregateFunction {
  const fn = aggregateFunctions.get(name);
  if (!fn) throw new Error(`no aggregate ${name}`);
  return fn;
}

/** Feeds rows to `parts` states round robin, clones them as a worker would send them, and merges. */
function run(fn: AggregateFunction, argTypes: ArgType[], rows: readonly (readonly Value[])[], parts = 1, constants: Value[] = []): Value {
  const states = Array.from({ length: parts }, () => fn.init(argTypes, constants));
  rows.forEach((row, i) => {
    states[i % parts] = fn.update(states[i % parts], row);
  });
  const merged = states.slice(1).reduce((left, right) => fn.merge(left, structuredClone(right)), structuredClone(states[0]));
  return fn.finish(merged);
}

const column = (...values: Value[]) => values.map((value) => [value]);

describe('count', () => {
  test('count(*) counts every row, NULLs included', () => {
    expect(run(aggregate('count'), [], [[], [], []])).toBe(3);
  });

  test.each([1, 2, 3])('count(x) skips NULL with %i parts', (parts) => {
    expect(run(aggregate('count'), ['BIGINT'], column(1, null, 3, null, 5), parts)).toBe(3);
  });

  test('count of no rows is 0', () => {
    expect(run(aggregate('count'), ['BIGINT'], [])).toBe(0);
  });

  test('count_if counts only true', () => {
    expect(run(aggregate('count_if'), ['BOOLEAN'], column(true, false, null, true), 2)).toBe(2);
    expect(aggregate('count_if').returnType(['BIGINT'])).toEqual({ error: 'argument 1 must be BOOLEAN, not BIGINT' });
  });
});

describe('sum and avg', () => {
  test.each<[string, ArgType, Value[], Value]>([
    ['small integers', 'BIGINT', [1, 2, null, 4], 7],
    ['past 2^53 is exact', 'BIGINT', [9007199254740991, 1, 1], 9007199254740993n],
    ['bigint inputs', 'BIGINT', [9223372036854775807n, -9223372036854775807n, 5], 5],
    ['intermediate total beyond 64 bits that comes back', 'BIGINT', [9223372036854775807n, 9223372036854775807n, -9223372036854775807n], 9223372036854775807n],
    ['only NULL', 'BIGINT', [null, null], null],
    ['no rows', 'BIGINT', [], null],
    ['doubles', 'DOUBLE', [0.5, 0.25, null], 0.75],
    ['compensated doubles', 'DOUBLE', [1e16, 1, -1e16, 1], 2],
    ['infinity', 'DOUBLE', [1, Infinity, 2], Infinity],
    ['infinities cancel to NaN', 'DOUBLE', [Infinity, -Infinity], Number.NaN],
  ])('sum of %s', (_name, type, values, expected) => {
    for (const parts of [1, 2, 3]) expect(run(aggregate('sum'), [type], column(...values), parts)).toBe(expected);
  });

  test('sum beyond 64 bits raises NUMERIC_OVERFLOW', () => {
    let caught: unknown;
    try {
      run(aggregate('sum'), ['BIGINT'], column(9223372036854775807n, 1));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SqlRuntimeError);
    expect((caught as SqlRuntimeError).code).toBe('NUMERIC_OVERFLOW');
  });

  test.each<[string, ArgType, Value[], Value]>([
    ['integers', 'BIGINT', [1, 2, null, 4], 7 / 3],
    ['large integers', 'BIGINT', [9223372036854775807n, 9223372036854775807n], 9223372036854775807],
    ['doubles', 'DOUBLE', [1.5, 2.5], 2],
    ['no rows', 'DOUBLE', [], null],
  ])('avg of %s', (_name, type, values, expected) => {
    for (const parts of [1, 2]) expect(run(aggregate('avg'), [type], column(...values), parts)).toBe(expected);
  });

  test('result types', () => {
    expect(aggregate('sum').returnType(['BIGINT'])).toBe('BIGINT');
    expect(aggregate('sum').returnType(['DOUBLE'])).toBe('DOUBLE');
    expect(aggregate('avg').returnType(['BIGINT'])).toBe('DOUBLE');
    expect(aggregate('sum').returnType(['TEXT'])).toEqual({ error: 'argument 1 must be BIGINT or DOUBLE, not TEXT' });
  });
});

describe('min and max', () => {
  test.each<[string, ArgType, Value[], Value, Value]>([
    ['integers', 'BIGINT', [3, null, 7, 5], 3, 7],
    ['bigints', 'BIGINT', [9223372036854775807n, 5, -9223372036854775808n], -9223372036854775808n, 9223372036854775807n],
    ['text by code point', 'TEXT', ['😀', '\uffff', 'a'], 'a', '😀'],
    ['booleans', 'BOOLEAN', [true, false, null], false, true],
    ['timestamps', 'TIMESTAMP', [1000, -5, 20], -5, 1000],
    ['only NULL', 'DOUBLE', [null], null, null],
    ['NaN is largest', 'DOUBLE', [1, Number.NaN, 2], 1, Number.NaN],
  ])('%s', (_name, type, values, expectedMin, expectedMax) => {
    for (const parts of [1, 2, 3]) {
      expect(run(aggregate('min'), [type], column(...values), parts)).toBe(expectedMin);
      expect(run(aggregate('max'), [type], column(...values), parts)).toBe(expectedMax);
    }
  });

  test('JSON has no order', () => {
    expect(aggregate('max').returnType(['JSON'])).toMatchObject({ error: expect.stringMatching(/not JSON/) });
  });
});

describe('max_by and min_by', () => {
  const rows: Value[][] = [
    ['a', 5],
    [null, 9],
    ['c', null],
    ['d', 5],
    ['e', 1],
  ];

  test('NULL values and keys are skipped and ties keep the first row', () => {
    expect(run(aggregate('max_by'), ['TEXT', 'BIGINT'], rows)).toBe('a');
    expect(run(aggregate('min_by'), ['TEXT', 'BIGINT'], rows)).toBe('e');
  });

  test('merging keeps the left state on ties', () => {
    expect(run(aggregate('max_by'), ['TEXT', 'BIGINT'], rows, 2)).toBe('a');
  });

  test('no usable rows gives NULL', () => {
    expect(run(aggregate('max_by'), ['TEXT', 'BIGINT'], [[null, 1], ['x', null]])).toBe(null);
  });

  test('key types', () => {
    expect(aggregate('max_by').returnType(['JSON', 'TIMESTAMP'])).toBe('JSON');
    expect(aggregate('max_by').returnType(['TEXT', 'JSON'])).toMatchObject({ error: expect.stringMatching(/argument 2/) });
  });
});

describe('string_agg', () => {
  test('joins in arrival order and skips NULL', () => {
    expect(run(aggregate('string_agg'), ['TEXT', 'TEXT'], [['a', '-'], [null, '-'], ['b', '-'], ['c', '-']])).toBe('a-b-c');
  });

  test('default separator is a comma', () => {
    expect(run(aggregate('string_agg'), ['TEXT'], column('a', 'b'))).toBe('a,b');
  });

  test('merging appends the right state', () => {
    const fn = aggregate('string_agg');
    let left = fn.init(['TEXT', 'TEXT'], [' ']);
    let right = fn.init(['TEXT', 'TEXT'], [' ']);
    left = fn.update(left, ['x', ' ']);
    right = fn.update(right, ['y', ' ']);
    right = fn.update(right, ['z', ' ']);
    expect(fn.finish(fn.merge(left, structuredClone(right)))).toBe('x y z');
    expect(fn.finish(fn.merge(fn.init(['TEXT'], []), structuredClone(right)))).toBe('y z');
  });

  test('empty input gives NULL', () => {
    expect(run(aggregate('string_agg'), ['TEXT'], column(null))).toBe(null);
  });
});

describe('makeDistinct', () => {
  test.each([1, 2, 4])('count(DISTINCT x) with %i parts', (parts) => {
    expect(run(makeDistinct(aggregate('count')), ['TEXT'], column('a', 'b', 'a', null, 'c', 'b'), parts)).toBe(3);
  });

  test('sum(DISTINCT x) treats a safe bigint like the equal number', () => {
    expect(run(makeDistinct(aggregate('sum')), ['BIGINT'], column(5, 5n, 7, null), 2)).toBe(12);
  });

  test('string_agg(DISTINCT x)', () => {
    expect(run(makeDistinct(aggregate('string_agg')), ['TEXT', 'TEXT'], [['a', ','], ['a', ','], ['b', ',']])).toBe('a,b');
  });

  test('the state clones with its Map', () => {
    const fn = makeDistinct(aggregate('count'));
    const state = fn.update(fn.init(['BIGINT'], []), [1]);
    const clone = structuredClone(state);
    expect(clone.rows).toBeInstanceOf(Map);
    expect(fn.finish(clone)).toBe(1);
    expect(fn.sizeOf(clone)).toBeGreaterThan(0);
  });

  test('keeps the signature of the wrapped aggregate', () => {
    const fn = makeDistinct(aggregate('avg'));
    expect(fn.name).toBe('avg');
    expect(fn.returnType(['BIGINT'])).toBe('DOUBLE');
  });
});

describe('state sizes', () => {
  test('sizeOf grows with string_agg input', () => {
    const fn = aggregate('string_agg');
    const small = fn.update(fn.init(['TEXT'], []), ['a']);
    const large = fn.update(fn.init(['TEXT'], []), ['a'.repeat(1000)]);
    expect(fn.sizeOf(large)).toBeGreaterThan(fn.sizeOf(small));
  });

  test('every aggregate reports a positive size for a fresh state', () => {
    const argTypesByName: Record<string, ArgType[]> = {
      approx_percentile: ['DOUBLE', 'DOUBLE'],
      max_by: ['BIGINT', 'BIGINT'],
      min_by: ['BIGINT', 'BIGINT'],
      count_if: ['BOOLEAN'],
      string_agg: ['TEXT'],
    };
    for (const fn of aggregateFunctions.values()) {
      const argTypes = argTypesByName[fn.name] ?? ['BIGINT'];
      expect(fn.sizeOf(fn.init(argTypes, [0.5]))).toBeGreaterThan(0);
    }
  });
});
