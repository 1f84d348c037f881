import { SqlRuntimeError } from '../semantics/errors.js';
import type { Value } from '../values.js';
import { checkArgs, NUMERIC } from './define.js';
import { addToSketch, createSketch, mergeSketches, sketchQuantile, sketchSize, type QuantileSketch } from './quantile-sketch.js';
import type { AggregateFunction, ArgType, SignatureError } from './registry.js';
import type { SqlType } from '../../catalog/table.js';

/**
 * approx_percentile and median over a KLL sketch (quantile-sketch.ts). NaN inputs are skipped.
 * A TIMESTAMP input gives a TIMESTAMP rounded to the millisecond; numbers give a DOUBLE.
 */

interface QuantileState {
  readonly sketch: QuantileSketch;
  readonly p: number;
  readonly timestamp: boolean;
}

const QUANTILE_INPUT = [...NUMERIC, 'TIMESTAMP'] as const satisfies readonly SqlType[];

function quantileReturnType(args: readonly ArgType[], withFraction: boolean): SqlType | SignatureError {
  const problem = checkArgs(args, { params: withFraction ? [QUANTILE_INPUT, ['DOUBLE']] : [QUANTILE_INPUT] });
  if (problem) return problem;
  return args[0] === 'TIMESTAMP' ? 'TIMESTAMP' : 'DOUBLE';
}

function readFraction(constant: Value | undefined): number {
  const p = typeof constant === 'bigint' ? Number(constant) : constant;
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
    throw new SqlRuntimeError('INVALID_ARGUMENT', `approx_percentile: the fraction must be a constant between 0 and 1, not ${String(constant ?? 'a column')}`, {
      hint: 'write approx_percentile(x, 0.95) for the 95th percentile',
    });
  }
  return p;
}

function quantileAggregate(name: 'approx_percentile' | 'median', fixedP: number | null): AggregateFunction<QuantileState> {
  const isMedian = fixedP !== null;
  return {
    name,
    signature: isMedian ? 'median(number or timestamp) -> DOUBLE or TIMESTAMP' : 'approx_percentile(number or timestamp, fraction) -> DOUBLE or TIMESTAMP',
    description: isMedian
      ? "Approximate median, interpolated between the two middle values as DuckDB's median is. Exact for up to 200 values per group; beyond, it comes from the same sketch as approx_percentile."
      : 'Approximate fraction-quantile (0.95 for the 95th percentile), interpolated like DuckDB quantile_cont. Exact for up to 200 values per group; beyond, a KLL sketch of at most about 600 values per group. The rank error measured on 200,000 values with 8 seeds, each merged from 8 partial sketches, was 0.36% at most (test/executor/functions/approximate.test.ts).',
    examples: isMedian
      ? [{ sql: 'median(x)', from: '(VALUES (1), (2), (3), (NULL), (10)) t(x)', result: 2.5 }]
      : [
          {
            sql: 'approx_percentile(x, 0.9)',
            from: '(VALUES (1), (2), (3), (4)) t(x)',
            result: 3.7,
            duckdb: 'quantile_cont(x, 0.9)',
            duckdbNote: "DuckDB's approx_quantile uses a t-digest and returns the input type; the exact quantile_cont is the reference.",
          },
        ],
    returnType: (args) => quantileReturnType(args, !isMedian),
    init: (argTypes, constants) => ({ sketch: createSketch(), p: fixedP ?? readFraction(constants[0]), timestamp: argTypes[0] === 'TIMESTAMP' }),
    update: (state, [value]) => {
      if (value === null || value === undefined) return state;
      const number = typeof value === 'bigint' ? Number(value) : (value as number);
      if (!Number.isNaN(number)) addToSketch(state.sketch, number);
      return state;
    },
    merge: (left, right) => {
      mergeSketches(left.sketch, right.sketch);
      return left;
    },
    finish: (state) => {
      const result = sketchQuantile(state.sketch, state.p);
      if (result === null) return null;
      return state.timestamp ? Math.round(result) : result;
    },
    sizeOf: (state) => sketchSize(state.sketch) + 32,
  };
}

export const approxPercentile = quantileAggregate('approx_percentile', null);
export const median = quantileAggregate('median', 0.5);
