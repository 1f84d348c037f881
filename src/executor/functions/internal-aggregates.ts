import type { Value } from '../values.js';
import { aggregateFunctions } from './index.js';
import type { AggregateFunction } from './registry.js';

/**
 * Aggregates the planner adds when it pushes aggregation into partition reads: they combine the
 * per-partition results the store returns. Their names start with `$`, which SQL text cannot
 * spell, so queries cannot call them.
 */

interface CountsState {
  total: bigint;
}

/** Adds up partial counts; 0 when there are none, like count itself. */
const sumCounts: AggregateFunction<CountsState> = {
  name: '$sum_counts',
  signature: '$sum_counts(BIGINT) -> BIGINT',
  description: 'Adds up counts returned by partition reads.',
  examples: [],
  returnType: () => 'BIGINT',
  init: () => ({ total: 0n }),
  update: (state, [value]) => {
    if (value !== null && value !== undefined) state.total += BigInt(value as number | bigint);
    return state;
  },
  merge: (left, right) => ({ total: left.total + right.total }),
  finish: (state) => (state.total <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(state.total) : state.total),
  sizeOf: () => 16,
};

interface AverageState {
  sum: number;
  count: number;
}

/** Averages from partial (sum, count) pairs; NULL when the count is 0. */
const averageOfPartials: AggregateFunction<AverageState> = {
  name: '$avg_merge',
  signature: '$avg_merge(sum, count) -> DOUBLE',
  description: 'Averages partial sums and counts returned by partition reads.',
  examples: [],
  returnType: () => 'DOUBLE',
  init: () => ({ sum: 0, count: 0 }),
  update: (state, [sum, count]) => {
    if (sum !== null && count !== null && sum !== undefined && count !== undefined) {
      state.sum += Number(sum as number | bigint);
      state.count += Number(count as number | bigint);
    }
    return state;
  },
  merge: (left, right) => ({ sum: left.sum + right.sum, count: left.count + right.count }),
  finish: (state): Value => (state.count === 0 ? null : state.sum / state.count),
  sizeOf: () => 16,
};

const internal: ReadonlyMap<string, AggregateFunction> = new Map<string, AggregateFunction>([
  [sumCounts.name, sumCounts as AggregateFunction],
  [averageOfPartials.name, averageOfPartials as AggregateFunction],
]);

/** Looks up an aggregate by name, internal ones included. */
export function aggregateFunction(name: string): AggregateFunction | undefined {
  return aggregateFunctions.get(name) ?? internal.get(name);
}
