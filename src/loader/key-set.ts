import type { CellValue, Row } from './sink.js';

/**
 * A set of primary keys stored as 64-bit hashes in an open-addressing table of 8-byte slots that
 * is kept at most half full, so n keys take between 16n and 32n bytes.
 *
 * NOTE: two different keys with equal hashes count as a repeat. If the hash behaves like a random
 * function, the chance of any collision among n keys is about n² / 2^65, under 3 in a million
 * for ten million keys.
 */
export class KeyHashSet {
  private high: Uint32Array;
  private low: Uint32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1 << 16) {
    let capacity = 1 << 4;
    while (capacity < initialCapacity) capacity <<= 1;
    this.high = new Uint32Array(capacity);
    this.low = new Uint32Array(capacity);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Adds a hash and returns false when it was already present. */
  add(high: number, low: number): boolean {
    // (0, 0) marks an empty slot, so that one hash value is folded into (0, 1).
    if (high === 0 && low === 0) low = 1;
    let slot = (low ^ Math.imul(high, 0x9e3779b1)) & this.mask;
    while (true) {
      const slotHigh = this.high[slot]!;
      const slotLow = this.low[slot]!;
      if (slotHigh === 0 && slotLow === 0) break;
      if (slotHigh === high && slotLow === low) return false;
      slot = (slot + 1) & this.mask;
    }
    this.high[slot] = high;
    this.low[slot] = low;
    this.count++;
    // Grow at a load factor of one half to keep probe sequences short.
    if (this.count * 2 > this.mask + 1) this.grow();
    return true;
  }

  private grow(): void {
    const oldHigh = this.high;
    const oldLow = this.low;
    const capacity = (this.mask + 1) * 2;
    this.high = new Uint32Array(capacity);
    this.low = new Uint32Array(capacity);
    this.mask = capacity - 1;
    this.count = 0;
    for (let i = 0; i < oldHigh.length; i++) {
      if (oldHigh[i] !== 0 || oldLow[i] !== 0) this.add(oldHigh[i]!, oldLow[i]!);
    }
  }
}

/** Tracks the primary keys of one input and reports whether a row repeats an earlier key. */
export class RepeatedKeyTracker {
  private readonly keys = new KeyHashSet();
  private repeats = 0;

  constructor(private readonly keyNames: readonly string[]) {}

  get repeated(): number {
    return this.repeats;
  }

  /** Records the row's key and returns true when an earlier row of the input had the same key. */
  track(row: Row): boolean {
    let text = '';
    for (const name of this.keyNames) text += encodeKeyCell(row[name]);
    const [high, low] = hash64(text);
    if (this.keys.add(high, low)) return false;
    this.repeats++;
    return true;
  }
}

/** Encodes a key cell with a type tag and a separator, so ("ab", "c") and ("a", "bc") differ. */
function encodeKeyCell(value: CellValue | undefined): string {
  switch (typeof value) {
    case 'string':
      return `s${value.length}:${value}`;
    case 'number':
    case 'bigint':
      // int and bigint key values of equal magnitude must match, as Cassandra compares values.
      return `n${value}|`;
    case 'boolean':
      return value ? 'T|' : 'F|';
    default:
      return 'null|';
  }
}

/**
 * Hashes a string to 64 bits as two independent 32-bit lanes: multiply-xor mixing per UTF-16 code
 * unit with different multipliers and seeds, then a final avalanche on each lane.
 */
function hash64(text: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x2545f491;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [avalanche(a ^ Math.imul(b, 0x27d4eb2d)), avalanche(b ^ text.length)];
}

function avalanche(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
