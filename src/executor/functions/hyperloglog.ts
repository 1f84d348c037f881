import { groupKey } from '../semantics/compare.js';
import type { Value } from '../values.js';
import { ANY, checkArgs } from './define.js';
import { hash64 } from './hash.js';
import type { AggregateFunction } from './registry.js';

/**
 * HyperLogLog (Flajolet, Fusy, Gandouet and Meunier, 2007) with 2^12 = 4096 one-byte registers.
 * The relative standard error is 1.04 / sqrt(4096), about 1.6%. Values are hashed through their
 * `groupKey` encoding, so 1 and '1' count apart and a bigint counts like the equal number. The
 * hash has 64 bits, so no large-range correction is needed; small counts use linear counting.
 */

export const HLL_PRECISION = 12;
export const HLL_REGISTERS = 1 << HLL_PRECISION;
/** Bits of the 64-bit hash left after the register index. */
const RANK_BITS = 64 - HLL_PRECISION;
const ALPHA = 0.7213 / (1 + 1.079 / HLL_REGISTERS);

export interface HyperLogLogState {
  readonly registers: Uint8Array;
}

export function createHyperLogLog(): HyperLogLogState {
  return { registers: new Uint8Array(HLL_REGISTERS) };
}

/** Adds a value given as its canonical key text. */
export function addKey(state: HyperLogLogState, key: string): void {
  const [high, low] = hash64(key);
  const index = high >>> (32 - HLL_PRECISION);
  // The rank is the position of the first 1 bit among the RANK_BITS bits after the index.
  const rest = high & ((1 << (32 - HLL_PRECISION)) - 1);
  let rank = RANK_BITS + 1;
  if (rest !== 0) rank = Math.clz32(rest) - HLL_PRECISION + 1;
  else if (low !== 0) rank = 32 - HLL_PRECISION + Math.clz32(low) + 1;
  if (rank > state.registers[index]!) state.registers[index] = rank;
}

/** Register-wise maximum; the result equals the sketch of the union of both inputs. */
export function mergeHyperLogLog(left: HyperLogLogState, right: HyperLogLogState): HyperLogLogState {
  const target = left.registers;
  const source = right.registers;
  for (let i = 0; i < HLL_REGISTERS; i++) if (source[i]! > target[i]!) target[i] = source[i]!;
  return left;
}

/** Estimated number of distinct keys added. */
export function estimateCardinality(state: HyperLogLogState): number {
  let harmonicSum = 0;
  let zeros = 0;
  for (let i = 0; i < HLL_REGISTERS; i++) {
    const register = state.registers[i]!;
    harmonicSum += 2 ** -register;
    if (register === 0) zeros++;
  }
  const raw = (ALPHA * HLL_REGISTERS * HLL_REGISTERS) / harmonicSum;
  if (raw <= 2.5 * HLL_REGISTERS && zeros > 0) return Math.round(HLL_REGISTERS * Math.log(HLL_REGISTERS / zeros));
  return Math.round(raw);
}

export const approxCountDistinct: AggregateFunction<HyperLogLogState> = {
  name: 'approx_count_distinct',
  signature: 'approx_count_distinct(value) -> BIGINT',
  description:
    'Estimated number of distinct non-NULL values, from a HyperLogLog sketch of 4096 registers (4 KB per group). The relative standard error is about 1.6%: on 100,000 distinct values with 8 seeds the error was 1.3% rms and 2.5% at most (test/executor/functions/approximate.test.ts). Small counts come from linear counting and are close to exact: counts up to 100 were exact in that test.',
  examples: [
    {
      sql: 'approx_count_distinct(x)',
      from: "(VALUES ('u1'), ('u2'), ('u1'), (NULL), ('u3')) t(x)",
      result: 3,
      duckdb: 'count(DISTINCT x)',
      duckdbNote: "DuckDB's approx_count_distinct uses a different sketch, so the example is checked against the exact count.",
    },
  ],
  returnType: (args) => checkArgs(args, { params: [ANY] }) ?? 'BIGINT',
  init: () => createHyperLogLog(),
  update: (state, [value]) => {
    if (value !== null && value !== undefined) addKey(state, groupKey([value as Value]));
    return state;
  },
  merge: mergeHyperLogLog,
  finish: (state) => estimateCardinality(state),
  sizeOf: () => HLL_REGISTERS + 32,
};
