import { compareValues } from '../semantics/compare.js';
import { startOfDay } from '../semantics/zoned-time.js';
import type { Value } from '../values.js';
import { ANY, commonType, isSignatureError, ORDERED, scalar } from './define.js';
import type { ArgType, EvalContext, ScalarFunction } from './registry.js';
import type { SqlType } from '../../catalog/table.js';

/** NULL handling and choice among values: coalesce, nullif, greatest, least. */

/** Converts an argument to the common type: BIGINT values widen to DOUBLE, DATE values to TIMESTAMP. */
function widen(value: Value, from: ArgType, to: SqlType, context: EvalContext): Value {
  if (value === null || from === to) return value;
  if (to === 'DOUBLE' && typeof value === 'bigint') return Number(value);
  if (to === 'TIMESTAMP' && from === 'DATE') return startOfDay(value as number, context.timeZone);
  return value;
}

function resultTypeOf(argTypes: readonly ArgType[]): SqlType {
  const type = commonType(argTypes);
  return isSignatureError(type) ? 'TEXT' : type;
}

const coalesce = scalar({
  name: 'coalesce',
  signature: 'coalesce(value, ...) -> same type',
  description: 'The first argument that is not NULL, or NULL when all are.',
  examples: [{ sql: "coalesce(NULL, 'direct', 'unknown')", result: 'direct' }],
  params: [ANY],
  variadic: ANY,
  nullPropagating: false,
  returns: (args) => commonType(args),
  evaluate: (args, context, argTypes) => {
    const type = resultTypeOf(argTypes);
    for (let i = 0; i < args.length; i++) {
      if (args[i] !== null) return widen(args[i]!, argTypes[i] ?? type, type, context);
    }
    return null;
  },
});

const nullif = scalar({
  name: 'nullif',
  signature: 'nullif(value, other) -> type of value',
  description: 'NULL when value equals other, else value. Useful to avoid dividing by zero: x / nullif(y, 0).',
  examples: [
    { sql: 'nullif(0, 0)', result: null },
    { sql: 'nullif(5, 0)', result: 5 },
  ],
  params: [ANY, ANY],
  nullPropagating: false,
  returns: (args) => {
    const type = commonType(args);
    if (isSignatureError(type)) return type;
    return args[0] === 'NULL' ? type : args[0]!;
  },
  evaluate: ([value, other], context, argTypes) => {
    if (value === null || other === null) return value!;
    const type = resultTypeOf(argTypes);
    const left = widen(value, argTypes[0] ?? type, type, context);
    const right = widen(other, argTypes[1] ?? type, type, context);
    return compareValues(left, right, type) === 0 ? null : value;
  },
});

function extremeFunction(name: 'greatest' | 'least', sign: 1 | -1): ScalarFunction {
  return scalar({
    name,
    signature: `${name}(value, ...) -> same type`,
    description: `The ${name === 'greatest' ? 'largest' : 'smallest'} argument, ignoring NULLs as DuckDB does; NULL only when all are NULL.`,
    examples: [
      { sql: `${name}(3, NULL, 7, 5)`, result: name === 'greatest' ? 7 : 3 },
      { sql: `${name}('apple', 'pear')`, result: name === 'greatest' ? 'pear' : 'apple' },
    ],
    params: [ORDERED],
    variadic: ORDERED,
    nullPropagating: false,
    returns: (args) => commonType(args),
    evaluate: (args, context, argTypes) => {
      const type = resultTypeOf(argTypes);
      let best: Value = null;
      for (let i = 0; i < args.length; i++) {
        const value = widen(args[i]!, argTypes[i] ?? type, type, context);
        if (value === null) continue;
        if (best === null || sign * compareValues(value, best, type) > 0) best = value;
      }
      return best;
    },
  });
}

export const conditionalFunctions: readonly ScalarFunction[] = [coalesce, nullif, extremeFunction('greatest', 1), extremeFunction('least', -1)];
