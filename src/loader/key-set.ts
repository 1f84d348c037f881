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
  private readonly hasher = new KeyHasher();
  private repeats = 0;

  constructor(private readonly keyNames: readonly string[]) {}

  get repeated(): number {
    return this.repeats;
  }

  /** Records the row's key and returns true when an earlier row of the input had the same key. */
  track(row: Row): boolean {
    const hasher = this.hasher;
    hasher.reset();
    for (const name of this.keyNames) hasher.addCell(row[name]);
    if (this.keys.add(hasher.high(), hasher.low())) return false;
    this.repeats++;
    return true;
  }
}

const TWO_TO_32 = 2 ** 32;
const MIN_SAFE_BIGINT = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE_BIGINT = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Hashes a sequence of key cells to 64 bits as two independent 32-bit lanes: multiply-xor mixing
 * per 16- or 32-bit unit with different multipliers and seeds, then a final avalanche on each
 * lane. Each cell starts with a type tag, and text with its length, so ("ab", "c") and
 * ("a", "bc") differ. The cells are hashed where they are, without building a key string.
 */
class KeyHasher {
  private a = 0;
  private b = 0;
  private units = 0;

  reset(): void {
    this.a = 0x811c9dc5;
    this.b = 0x2545f491;
    this.units = 0;
  }

  addCell(value: CellValue | undefined): void {
    switch (typeof value) {
      case 'string':
        this.addText(0x73, value); // s
        return;
      case 'bigint':
        // int and bigint key values of equal magnitude must match, as Cassandra compares values.
        if (value >= MIN_SAFE_BIGINT && value <= MAX_SAFE_BIGINT) {
          this.addInteger(Number(value));
        } else {
          this.addText(0x62, value.toString()); // b
        }
        return;
      case 'number':
        if (Number.isSafeInteger(value)) this.addInteger(value);
        else this.addText(0x64, String(value)); // d
        return;
      case 'boolean':
        this.addUnit(value ? 0x54 : 0x46); // T or F
        return;
      default:
        this.addUnit(0x7a); // z
    }
  }

  high(): number {
    return avalanche(this.a ^ Math.imul(this.b, 0x27d4eb2d));
  }

  low(): number {
    return avalanche(this.b ^ this.units);
  }

  /** Adds a safe integer as its low and high 32-bit words. */
  private addInteger(value: number): void {
    this.addUnit(0x69); // i
    this.addUnit(value >>> 0);
    this.addUnit(Math.floor(value / TWO_TO_32) | 0);
  }

  private addText(tag: number, text: string): void {
    this.addUnit(tag);
    this.addUnit(text.length);
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      a = Math.imul(a ^ unit, 0x01000193);
      b = Math.imul(b ^ unit, 0x5bd1e995);
      b ^= b >>> 15;
    }
    this.a = a;
    this.b = b;
    this.units += text.length;
  }

  private addUnit(unit: number): void {
    this.a = Math.imul(this.a ^ unit, 0x01000193);
    let b = Math.imul(this.b ^ unit, 0x5bd1e995);
    b ^= b >>> 15;
    this.b = b;
    this.units++;
  }
}

function avalanche(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
