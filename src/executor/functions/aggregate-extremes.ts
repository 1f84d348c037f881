import { compareValues } from '../semantics/compare.js';
import type { Value } from '../values.js';
import { ANY, checkArgs, ORDERED } from './define.js';
import type { AggregateFunction, ArgType } from './registry.js';
import type { SqlType } from '../../catalog/table.js';

/** min, max, max_by and min_by. Ties keep the value seen first, and `merge` keeps the left state's. */

interface ExtremeState {
  readonly type: ArgType;
  value: Value;
}

function extreme(name: 'min' | 'max', sign: 1 | -1): AggregateFunction<ExtremeState> {
  return {
    name,
    signature: `${name}(value) -> same type`,
    description: `The ${name === 'min' ? 'smallest' : 'largest'} non-NULL value; text compares by Unicode code point, false sorts before true.`,
    examples: [
      { sql: `${name}(x)`, from: '(VALUES (3), (NULL), (7), (5)) t(x)', result: name === 'min' ? 3 : 7 },
      { sql: `${name}(x)`, from: "(VALUES ('b'), ('a'), ('c')) t(x)", result: name === 'min' ? 'a' : 'c' },
    ],
    returnType: (args) => checkArgs(args, { params: [ORDERED] }) ?? (args[0] === 'NULL' ? 'TEXT' : (args[0] as SqlType)),
    init: (argTypes) => ({ type: argTypes[0] ?? 'NULL', value: null }),
    update: (state, [value]) => {
      if (value === null || value === undefined) return state;
      if (state.value === null || sign * compareValues(value, state.value, state.type) > 0) state.value = value;
      return state;
    },
    merge: (left, right) => {
      if (right.value !== null && (left.value === null || sign * compareValues(right.value, left.value, left.type) > 0)) left.value = right.value;
      return left;
    },
    finish: (state) => state.value,
    sizeOf: (state) => 32 + (typeof state.value === 'string' ? state.value.length * 2 : 8),
  };
}

interface ByState {
  readonly keyType: ArgType;
  value: Value;
  key: Value;
}

function extremeBy(name: 'max_by' | 'min_by', sign: 1 | -1): AggregateFunction<ByState> {
  const word = name === 'max_by' ? 'largest' : 'smallest';
  return {
    name,
    signature: `${name}(value, key) -> type of value`,
    description: `The value from the row with the ${word} key (DuckDB's arg_${name === 'max_by' ? 'max' : 'min'}). Rows where value or key is NULL are skipped, as in DuckDB; among equal keys the first row seen wins.`,
    examples: [
      {
        sql: `${name}(page, ms)`,
        from: "(VALUES ('/home', 120), ('/cart', 900), ('/pay', 40)) t(page, ms)",
        result: name === 'max_by' ? '/cart' : '/pay',
      },
    ],
    returnType: (args) => checkArgs(args, { params: [ANY, ORDERED] }) ?? (args[0] === 'NULL' ? 'TEXT' : (args[0] as SqlType)),
    init: (argTypes) => ({ keyType: argTypes[1] ?? 'NULL', value: null, key: null }),
    update: (state, [value, key]) => {
      if (value === null || value === undefined || key === null || key === undefined) return state;
      if (state.key === null || sign * compareValues(key, state.key, state.keyType) > 0) {
        state.key = key;
        state.value = value;
      }
      return state;
    },
    merge: (left, right) => {
      if (right.key !== null && (left.key === null || sign * compareValues(right.key, left.key, left.keyType) > 0)) {
        left.key = right.key;
        left.value = right.value;
      }
      return left;
    },
    finish: (state) => state.value,
    sizeOf: (state) => 48 + (typeof state.value === 'string' ? state.value.length * 2 : 8) + (typeof state.key === 'string' ? state.key.length * 2 : 8),
  };
}

export const min = extreme('min', -1);
export const max = extreme('max', 1);
export const maxBy = extremeBy('max_by', 1);
export const minBy = extremeBy('min_by', -1);
