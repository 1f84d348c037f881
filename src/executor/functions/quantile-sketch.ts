/**
 * A KLL quantile sketch (Karnin, Lang and Liberty, 2016), simplified: a stack of compactors where
 * level h contains items of weight 2^h. When the sketch contains more items than its capacity, the
 * lowest level over its own capacity is sorted and every other item (odd or even positions,
 * chosen by a deterministic pseudo-random bit) moves up one level with twice the weight. An odd
 * item out stays behind, so the total weight always equals the number of values added.
 *
 * Level capacities shrink by a factor 2/3 from the top level (capacity K) downwards, so the sketch
 * holds at most about 3K items. With K = 200 the largest rank error that
 * test/executor/functions/approximate.test.ts measured was 0.36%. Up to K values the sketch stores
 * every value, so small inputs give exact quantiles. The state is plain arrays and numbers, so it
 * clones between workers.
 */

export const SKETCH_K = 200;
const CAPACITY_RATIO = 2 / 3;
const MIN_LEVEL_CAPACITY = 2;

export interface QuantileSketch {
  /** levels[h] contains the items of weight 2^h, unsorted. */
  levels: number[][];
  /** Number of values added. */
  count: number;
  /** State of the xorshift generator that picks which half of a level survives compaction. */
  random: number;
}

export function createSketch(): QuantileSketch {
  return { levels: [[]], count: 0, random: 0x2545f491 };
}

function levelCapacity(level: number, levelCount: number): number {
  const depth = levelCount - 1 - level;
  return Math.max(MIN_LEVEL_CAPACITY, Math.ceil(SKETCH_K * CAPACITY_RATIO ** depth));
}

function totalCapacity(levelCount: number): number {
  let total = 0;
  for (let level = 0; level < levelCount; level++) total += levelCapacity(level, levelCount);
  return total;
}

function itemCount(sketch: QuantileSketch): number {
  let total = 0;
  for (const level of sketch.levels) total += level.length;
  return total;
}

function nextRandomBit(sketch: QuantileSketch): number {
  let x = sketch.random;
  x ^= x << 13;
  x ^= x >>> 17;
  x ^= x << 5;
  sketch.random = x >>> 0;
  return sketch.random & 1;
}

/** Halves the lowest level over capacity until the sketch fits. */
function compress(sketch: QuantileSketch): void {
  while (itemCount(sketch) > totalCapacity(sketch.levels.length)) {
    const levelCount = sketch.levels.length;
    let level = 0;
    while (level < levelCount - 1 && sketch.levels[level]!.length <= levelCapacity(level, levelCount)) level++;
    const items = sketch.levels[level]!;
    items.sort((a, b) => a - b);
    // An odd item out stays at this level so that weights are preserved exactly.
    const leftover = items.length % 2 === 1 ? items.pop()! : undefined;
    const offset = nextRandomBit(sketch);
    const promoted: number[] = [];
    for (let i = offset; i < items.length; i += 2) promoted.push(items[i]!);
    sketch.levels[level] = leftover === undefined ? [] : [leftover];
    if (level + 1 === sketch.levels.length) sketch.levels.push([]);
    sketch.levels[level + 1]!.push(...promoted);
  }
}

export function addToSketch(sketch: QuantileSketch, value: number): void {
  sketch.levels[0]!.push(value);
  sketch.count++;
  if (sketch.levels[0]!.length > levelCapacity(0, sketch.levels.length)) compress(sketch);
}

/** Merges `right` into `left` level by level, then compacts. */
export function mergeSketches(left: QuantileSketch, right: QuantileSketch): QuantileSketch {
  for (let level = 0; level < right.levels.length; level++) {
    if (level === left.levels.length) left.levels.push([]);
    left.levels[level]!.push(...right.levels[level]!);
  }
  left.count += right.count;
  left.random = (left.random ^ Math.imul(right.random, 0x9e3779b1)) >>> 0 || 0x2545f491;
  compress(left);
  return left;
}

/**
 * Computes the p-quantile with linear interpolation between neighbouring ranks, as DuckDB's
 * quantile_cont does. The sketch is read as a sorted list of `count` values in which an item of
 * weight w appears w times, and the result interpolates at position p * (count - 1). Returns null
 * when the sketch is empty.
 */
export function sketchQuantile(sketch: QuantileSketch, p: number): number | null {
  if (sketch.count === 0) return null;
  const weighted: [value: number, weight: number][] = [];
  sketch.levels.forEach((items, level) => {
    for (const value of items) weighted.push([value, 2 ** level]);
  });
  weighted.sort((a, b) => a[0] - b[0]);

  const position = p * (sketch.count - 1);
  const lowerRank = Math.floor(position);
  const fraction = position - lowerRank;
  const lower = valueAtRank(weighted, lowerRank);
  if (fraction === 0) return lower;
  const upper = valueAtRank(weighted, lowerRank + 1);
  return lower + fraction * (upper - lower);
}

/** Value at 0-based rank in the expanded sorted list. */
function valueAtRank(weighted: readonly [number, number][], rank: number): number {
  let seen = 0;
  for (const [value, weight] of weighted) {
    seen += weight;
    if (rank < seen) return value;
  }
  return weighted[weighted.length - 1]![0];
}

/** Approximate bytes of a sketch. */
export function sketchSize(sketch: QuantileSketch): number {
  return 64 + itemCount(sketch) * 8;
}
