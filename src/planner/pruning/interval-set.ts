/**
 * Sets of integers as sorted, disjoint, non-adjacent closed intervals.
 *
 * Bounds are safe integers or ±Infinity, so `x > 5` is [6, +Infinity]. Partition-key pruning uses
 * these for integer key columns and for time buckets.
 */
export type Interval = readonly [low: number, high: number];

export class IntervalSet {
  static readonly ALL = new IntervalSet([[-Infinity, Infinity]]);
  static readonly EMPTY = new IntervalSet([]);

  private constructor(readonly intervals: readonly Interval[]) {}

  static of(intervals: Iterable<Interval>): IntervalSet {
    const sorted = [...intervals].filter(([low, high]) => low <= high).sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const [low, high] of sorted) {
      const last = merged[merged.length - 1];
      if (last && low <= last[1] + 1) last[1] = Math.max(last[1], high);
      else merged.push([low, high]);
    }
    return new IntervalSet(merged);
  }

  static range(low: number, high: number): IntervalSet {
    return IntervalSet.of([[low, high]]);
  }

  static values(values: Iterable<number>): IntervalSet {
    return IntervalSet.of([...values].map((v) => [v, v] as const));
  }

  get isEmpty(): boolean {
    return this.intervals.length === 0;
  }

  get isFinite(): boolean {
    return this.intervals.every(([low, high]) => Number.isFinite(low) && Number.isFinite(high));
  }

  /** Number of integers in the set; Infinity when unbounded. */
  get size(): number {
    let total = 0;
    for (const [low, high] of this.intervals) total += high - low + 1;
    return total;
  }

  get min(): number {
    return this.intervals[0]?.[0] ?? Infinity;
  }

  get max(): number {
    return this.intervals[this.intervals.length - 1]?.[1] ?? -Infinity;
  }

  has(value: number): boolean {
    return this.intervals.some(([low, high]) => value >= low && value <= high);
  }

  intersect(other: IntervalSet): IntervalSet {
    const result: Interval[] = [];
    let i = 0;
    let j = 0;
    while (i < this.intervals.length && j < other.intervals.length) {
      const [aLow, aHigh] = this.intervals[i]!;
      const [bLow, bHigh] = other.intervals[j]!;
      const low = Math.max(aLow, bLow);
      const high = Math.min(aHigh, bHigh);
      if (low <= high) result.push([low, high]);
      if (aHigh < bHigh) i++;
      else j++;
    }
    return new IntervalSet(result);
  }

  union(other: IntervalSet): IntervalSet {
    return IntervalSet.of([...this.intervals, ...other.intervals]);
  }

  /** Yields every member in ascending order; the caller bounds the size first. */
  *members(): Generator<number> {
    for (const [low, high] of this.intervals) {
      for (let v = low; v <= high; v++) yield v;
    }
  }

  equals(other: IntervalSet): boolean {
    return (
      this.intervals.length === other.intervals.length &&
      this.intervals.every(([low, high], i) => low === other.intervals[i]![0] && high === other.intervals[i]![1])
    );
  }

  /** Compact text such as `{1, 3..5, 8..∞}` for EXPLAIN. */
  toString(): string {
    const bound = (v: number) => (v === Infinity ? '∞' : v === -Infinity ? '-∞' : String(v));
    const parts = this.intervals.map(([low, high]) => (low === high ? bound(low) : `${bound(low)}..${bound(high)}`));
    return `{${parts.join(', ')}}`;
  }
}
