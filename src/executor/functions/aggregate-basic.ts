import { checkInt64 } from '../semantics/integer.js';
import type { Value } from '../values.js';
import { ANY, BOOLEAN, checkArgs, NUMERIC } from './define.js';
import type { AggregateFunction, ArgType } from './registry.js';

/**
 * count, count_if, sum and avg. States are plain objects of numbers and bigints, so they clone
 * between workers, and `merge` is exact for counts and BIGINT sums.
 */

interface CountState {
  count: number;
}

export const count: AggregateFunction<CountState> = {
  name: 'count',
  signature: 'count(*) | count(value) -> BIGINT',
  description: 'count(*) counts rows; count(value) counts rows where value is not NULL. count(DISTINCT value) counts distinct non-NULL values.',
  examples: [
    { sql: 'count(*)', from: '(VALUES (1), (NULL), (3)) t(x)', result: 3 },
    { sql: 'count(x)', from: '(VALUES (1), (NULL), (3)) t(x)', result: 2 },
    { sql: 'count(DISTINCT x)', from: "(VALUES ('a'), ('b'), ('a'), (NULL)) t(x)", result: 2 },
  ],
  returnType: (args) => checkArgs(args, { params: [ANY], required: 0 }) ?? 'BIGINT',
  init: () => ({ count: 0 }),
  // count(*) reaches here with no arguments.
  update: (state, args) => {
    if (args.length === 0 || args[0] !== null) state.count++;
    return state;
  },
  merge: (left, right) => {
    left.count += right.count;
    return left;
  },
  finish: (state) => state.count,
  sizeOf: () => 16,
};

export const countIf: AggregateFunction<CountState> = {
  name: 'count_if',
  signature: 'count_if(condition) -> BIGINT',
  description: 'Counts rows where the condition is true; false and NULL do not count.',
  examples: [{ sql: 'count_if(x)', from: '(VALUES (true), (false), (NULL), (true)) t(x)', result: 2 }],
  returnType: (args) => checkArgs(args, { params: [BOOLEAN] }) ?? 'BIGINT',
  init: () => ({ count: 0 }),
  update: (state, [condition]) => {
    if (condition === true) state.count++;
    return state;
  },
  merge: (left, right) => {
    left.count += right.count;
    return left;
  },
  finish: (state) => state.count,
  sizeOf: () => 16,
};

/**
 * A running sum. BIGINT input accumulates exactly in `integer` (a number while safe, else a
 * bigint, with no 64-bit limit until `finish`). DOUBLE input uses Neumaier's compensated
 * summation, so the result barely depends on the order in which workers merge.
 */
interface SumState {
  readonly integerInput: boolean;
  integer: number | bigint;
  double: number;
  compensation: number;
  count: number;
}

function initSum(argTypes: readonly ArgType[]): SumState {
  return { integerInput: argTypes[0] !== 'DOUBLE', integer: 0, double: 0, compensation: 0, count: 0 };
}

function addInteger(total: number | bigint, value: number | bigint): number | bigint {
  if (typeof total === 'number' && typeof value === 'number') {
    const sum = total + value;
    if (Number.isSafeInteger(sum)) return sum;
  }
  return BigInt(total) + BigInt(value);
}

function addDouble(state: SumState, value: number): void {
  const total = state.double + value;
  if (Number.isFinite(total)) {
    state.compensation += Math.abs(state.double) >= Math.abs(value) ? state.double - total + value : value - total + state.double;
  }
  state.double = total;
}

function updateSum(state: SumState, value: Value): SumState {
  if (value === null) return state;
  state.count++;
  if (state.integerInput) state.integer = addInteger(state.integer, value as number | bigint);
  else addDouble(state, typeof value === 'bigint' ? Number(value) : (value as number));
  return state;
}

function mergeSum(left: SumState, right: SumState): SumState {
  left.count += right.count;
  if (left.integerInput) {
    left.integer = addInteger(left.integer, right.integer);
  } else {
    addDouble(left, right.double);
    left.compensation += right.compensation;
  }
  return left;
}

function doubleTotal(state: SumState): number {
  return Number.isFinite(state.double) ? state.double + state.compensation : state.double;
}

export const sum: AggregateFunction<SumState> = {
  name: 'sum',
  signature: 'sum(number) -> same type',
  description:
    'Sum of the non-NULL values; NULL when there are none. A BIGINT sum is exact and raises an overflow error when the total leaves the signed 64-bit range (DuckDB returns a 128-bit HUGEINT there).',
  examples: [
    { sql: 'sum(x)', from: '(VALUES (1), (2), (NULL), (4)) t(x)', result: 7 },
    { sql: 'sum(x)', from: '(VALUES (9007199254740993), (1)) t(x)', result: 9007199254740994n },
  ],
  returnType: (args) => checkArgs(args, { params: [NUMERIC] }) ?? (args[0] === 'DOUBLE' ? 'DOUBLE' : 'BIGINT'),
  init: initSum,
  update: (state, [value]) => updateSum(state, value ?? null),
  merge: mergeSum,
  finish: (state) => {
    if (state.count === 0) return null;
    if (!state.integerInput) return doubleTotal(state);
    return typeof state.integer === 'number' ? state.integer : checkInt64(state.integer, () => `sum() total ${state.integer}`);
  },
  sizeOf: () => 48,
};

export const avg: AggregateFunction<SumState> = {
  name: 'avg',
  signature: 'avg(number) -> DOUBLE',
  description: 'Mean of the non-NULL values; NULL when there are none. BIGINT values are summed exactly before dividing.',
  examples: [{ sql: 'avg(x)', from: '(VALUES (1), (2), (NULL), (4)) t(x)', result: 7 / 3 }],
  returnType: (args) => checkArgs(args, { params: [NUMERIC] }) ?? 'DOUBLE',
  init: initSum,
  update: (state, [value]) => updateSum(state, value ?? null),
  merge: mergeSum,
  finish: (state) => {
    if (state.count === 0) return null;
    const total = state.integerInput ? Number(state.integer) : doubleTotal(state);
    return total / state.count;
  },
  sizeOf: () => 48,
};
