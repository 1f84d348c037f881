import { describe, expect, test } from 'vitest';
import { approxPercentile, median } from '../../../src/executor/functions/aggregate-quantile.js';
import { approxCountDistinct, HLL_REGISTERS } from '../../../src/executor/functions/hyperloglog.js';
import { addToSketch, createSketch, mergeSketches, sketchQuantile, SKETCH_K, type QuantileSketch } from '../../../src/executor/functions/quantile-sketch.js';
import type { Value } from '../../../src/executor/values.js';

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

function distinctCount(values: Iterable<Value>, split = 1): number {
  const states = Array.from({ length: split }, () => approxCountDistinct.init(['TEXT'], []));
  let i = 0;
  for (const value of values) {
    states[i % split] = approxCountDistinct.update(states[i % split]!, [value]);
    i++;
  }
  const merged = states.slice(1).reduce((left, right) => approxCountDistinct.merge(left, structuredClone(right)), states[0]!);
  return approxCountDistinct.finish(merged) as number;
}

describe('approx_count_distinct', () => {
  test('relative error on 100,000 distinct values over 8 seeds', () => {
    const errors: number[] = [];
    for (const seed of SEEDS) {
      const next = random(seed);
      const values: string[] = [];
      // Distinct user ids with a seed-specific prefix, each seen one to three times.
      for (let i = 0; i < 100_000; i++) {
        const id = `user-${seed}-${i}-${Math.floor(next() * 1e9)}`;
        values.push(id);
        if (next() < 0.5) values.push(id);
      }
      const estimate = distinctCount(values);
      errors.push(Math.abs(estimate - 100_000) / 100_000);
    }
    const worst = Math.max(...errors);
    const rms = Math.sqrt(errors.reduce((sum, e) => sum + e * e, 0) / errors.length);
    console.log(`approx_count_distinct, 100,000 distinct values: errors ${errors.map((e) => `${(e * 100).toFixed(2)}%`).join(' ')}; rms ${(rms * 100).toFixed(2)}%, max ${(worst * 100).toFixed(2)}%`);
    // The standard error is 1.04 / sqrt(4096) = 1.6%; 5% is more than three standard errors.
    expect(worst).toBeLessThan(0.05);
    expect(rms).toBeLessThan(0.025);
  });

  test.each([1_000, 10_000, 30_000, 1_000_000])('relative error at %i distinct numbers', (count) => {
    const values = Array.from({ length: count }, (_, i) => i * 7919);
    const estimate = distinctCount(values);
    console.log(`approx_count_distinct of ${count} distinct numbers: ${estimate} (${(((estimate - count) / count) * 100).toFixed(2)}%)`);
    expect(Math.abs(estimate - count) / count).toBeLessThan(0.05);
  });

  test('small counts are exact', () => {
    for (const count of [0, 1, 2, 10, 100]) {
      expect(distinctCount(Array.from({ length: count }, (_, i) => `v${i}`))).toBe(count);
    }
  });

  test('merging split inputs equals one sketch', () => {
    const values = Array.from({ length: 50_000 }, (_, i) => `k${i % 20_000}`);
    expect(distinctCount(values, 7)).toBe(distinctCount(values, 1));
  });

  test('NULL is not counted and types stay apart', () => {
    expect(distinctCount([null, null])).toBe(0);
    expect(distinctCount([1, '1', true, 1])).toBe(3);
    expect(distinctCount([5n, 5])).toBe(1);
  });

  test('state is a Uint8Array of 4096 registers and clones', () => {
    const state = approxCountDistinct.init(['BIGINT'], []);
    expect(state.registers).toBeInstanceOf(Uint8Array);
    expect(state.registers.length).toBe(HLL_REGISTERS);
    expect(structuredClone(state).registers).toBeInstanceOf(Uint8Array);
  });
});

/** Largest gap between p and the normalized rank of the sketch's p-quantile in the sorted data. */
function rankError(sorted: Float64Array, sketch: QuantileSketch, fractions: readonly number[]): number {
  let worst = 0;
  for (const p of fractions) {
    const estimate = sketchQuantile(sketch, p)!;
    // Count of values below the estimate and of values up to it; the estimate's rank lies between.
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sorted[middle]! < estimate) low = middle + 1;
      else high = middle;
    }
    const below = low;
    high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sorted[middle]! <= estimate) low = middle + 1;
      else high = middle;
    }
    const target = p * (sorted.length - 1);
    let distance = 0;
    if (target < below) distance = below - target;
    else if (target > low) distance = target - low;
    worst = Math.max(worst, distance / sorted.length);
  }
  return worst;
}

const FRACTIONS = [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999];

describe('quantile sketch', () => {
  test('rank error on 200,000 values over 8 seeds, built in 8 merged parts', () => {
    const errors: number[] = [];
    for (const seed of SEEDS) {
      const next = random(seed);
      const values = new Float64Array(200_000);
      // Log-normal-like page load times in ms.
      for (let i = 0; i < values.length; i++) values[i] = Math.round(Math.exp(5 + 1.2 * (next() + next() + next() - 1.5)));
      const parts = Array.from({ length: 8 }, () => createSketch());
      values.forEach((value, i) => addToSketch(parts[i % 8]!, value));
      const sketch = parts.slice(1).reduce((left, right) => mergeSketches(left, structuredClone(right)), parts[0]!);
      expect(sketch.count).toBe(values.length);
      errors.push(rankError(values.slice().sort(), sketch, FRACTIONS));
    }
    const worst = Math.max(...errors);
    console.log(`quantile sketch (K=${SKETCH_K}), 200,000 values: worst rank error per seed ${errors.map((e) => `${(e * 100).toFixed(2)}%`).join(' ')}`);
    expect(worst).toBeLessThan(0.01);
  });

  test('rank error on sorted input', () => {
    const values = Float64Array.from({ length: 100_000 }, (_, i) => i);
    const sketch = createSketch();
    values.forEach((value) => addToSketch(sketch, value));
    const error = rankError(values, sketch, FRACTIONS);
    console.log(`quantile sketch, 100,000 sorted values: worst rank error ${(error * 100).toFixed(2)}%`);
    expect(error).toBeLessThan(0.01);
  });

  test('small inputs are exact and interpolate like quantile_cont', () => {
    const sketch = createSketch();
    for (const value of [4, 1, 3, 2]) addToSketch(sketch, value);
    expect(sketchQuantile(sketch, 0.5)).toBe(2.5);
    expect(sketchQuantile(sketch, 0.9)).toBeCloseTo(3.7, 12);
    expect(sketchQuantile(sketch, 0)).toBe(1);
    expect(sketchQuantile(sketch, 1)).toBe(4);
    expect(sketchQuantile(createSketch(), 0.5)).toBe(null);
  });

  test('the sketch stays bounded', () => {
    const sketch = createSketch();
    for (let i = 0; i < 1_000_000; i++) addToSketch(sketch, i % 9973);
    const items = sketch.levels.reduce((sum, level) => sum + level.length, 0);
    expect(items).toBeLessThan(3.5 * SKETCH_K);
  });
});

describe('approx_percentile and median aggregates', () => {
  test('fraction must be a constant in [0, 1]', () => {
    expect(() => approxPercentile.init(['DOUBLE', 'DOUBLE'], [1.5])).toThrow(/between 0 and 1/);
    expect(() => approxPercentile.init(['DOUBLE', 'DOUBLE'], [null])).toThrow(/between 0 and 1/);
    expect(approxPercentile.init(['DOUBLE', 'DOUBLE'], [0.95]).p).toBe(0.95);
  });

  test('TIMESTAMP input gives a TIMESTAMP in whole ms', () => {
    expect(median.returnType(['TIMESTAMP'])).toBe('TIMESTAMP');
    let state = median.init(['TIMESTAMP'], []);
    for (const value of [1000, 2001]) state = median.update(state, [value]);
    expect(median.finish(state)).toBe(1501);
  });

  test('NULL and NaN are skipped; empty input is NULL', () => {
    let state = median.init(['DOUBLE'], []);
    expect(median.finish(state)).toBe(null);
    for (const value of [null, Number.NaN, 3, 1]) state = median.update(state, [value]);
    expect(median.finish(state)).toBe(2);
  });

  test('argument types', () => {
    expect(approxPercentile.returnType(['BIGINT', 'DOUBLE'])).toBe('DOUBLE');
    expect(approxPercentile.returnType(['TEXT', 'DOUBLE'])).toEqual({ error: 'argument 1 must be BIGINT, DOUBLE or TIMESTAMP, not TEXT' });
    expect(approxPercentile.returnType(['BIGINT'])).toEqual({ error: 'expects 2 arguments, got 1' });
  });
});
