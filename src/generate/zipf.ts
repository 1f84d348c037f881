/**
 * Samples ranks 0..n-1 with probability proportional to 1 / (rank + 1)^exponent, so a few items
 * get most of the views, as item popularity does in shop logs.
 */
export class ZipfSampler {
  private readonly cumulative: Float64Array;

  constructor(
    readonly size: number,
    readonly exponent: number,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`Zipf size must be a positive integer, got ${size}`);
    this.cumulative = new Float64Array(size);
    let total = 0;
    for (let rank = 0; rank < size; rank++) {
      total += 1 / Math.pow(rank + 1, exponent);
      this.cumulative[rank] = total;
    }
    for (let rank = 0; rank < size; rank++) this.cumulative[rank]! /= total;
  }

  /** Maps a uniform value in [0, 1) to a rank by binary search over the cumulative weights. */
  sample(uniform: number): number {
    let low = 0;
    let high = this.size - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle]! > uniform) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}
