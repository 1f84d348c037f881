import { approxCountDistinct } from './hyperloglog.js';
import { avg, count, countIf, sum } from './aggregate-basic.js';
import { max, maxBy, min, minBy } from './aggregate-extremes.js';
import { approxPercentile, median } from './aggregate-quantile.js';
import { stringAgg } from './aggregate-string-agg.js';
import { conditionalFunctions } from './conditional-functions.js';
import { byName } from './define.js';
import { jsonFunctions } from './json-functions.js';
import { mathFunctions } from './math-functions.js';
import type { AggregateFunction, ScalarFunction, WindowFunction } from './registry.js';
import { textFunctions } from './text-functions.js';
import { timeFunctions } from './time-functions.js';
import { urlFunctions } from './url-functions.js';
import { windowFunctionList } from './window-functions.js';

/** The function catalog: every scalar, aggregate and window function by lower-case name. */

export const scalarFunctions: ReadonlyMap<string, ScalarFunction> = byName([
  ...textFunctions,
  ...conditionalFunctions,
  ...mathFunctions,
  ...timeFunctions,
  ...urlFunctions,
  ...jsonFunctions,
]);

export const aggregateFunctions: ReadonlyMap<string, AggregateFunction> = byName<AggregateFunction>([
  count,
  countIf,
  sum,
  avg,
  min,
  max,
  maxBy,
  minBy,
  stringAgg,
  approxCountDistinct,
  approxPercentile,
  median,
]);

export const windowFunctions: ReadonlyMap<string, WindowFunction> = byName(windowFunctionList);

/** Every function name, sorted; a name can be both an aggregate and usable over a window. */
export function allFunctionNames(): string[] {
  return [...new Set([...scalarFunctions.keys(), ...aggregateFunctions.keys(), ...windowFunctions.keys()])].sort();
}

export { makeDistinct } from './distinct.js';
export { functionDocs, type FunctionDoc } from './docs.js';
export type { AggregateFunction, ArgType, EvalContext, FunctionExample, ScalarFunction, SignatureError, WindowFunction } from './registry.js';
