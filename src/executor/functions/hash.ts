/**
 * A 64-bit hash of a string as two 32-bit halves, for HyperLogLog. Each half runs the
 * MurmurHash3 (x86, 32-bit) block mixing over pairs of UTF-16 code units with its own seed,
 * then MurmurHash3's finalizer, so the halves behave as independent hashes.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function mix32(text: string, seed: number): number {
  let h = seed | 0;
  const pairs = text.length >>> 1;
  for (let i = 0; i < pairs; i++) {
    let k = text.charCodeAt(2 * i) | (text.charCodeAt(2 * i + 1) << 16);
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  if (text.length & 1) {
    let k = text.charCodeAt(text.length - 1);
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h ^= k;
  }
  h ^= text.length * 2;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEED_HIGH = 0x9747b28c;
const SEED_LOW = 0x5bd1e995;

/** High and low 32 bits of the hash, each an unsigned integer. */
export function hash64(text: string): [high: number, low: number] {
  return [mix32(text, SEED_HIGH), mix32(text, SEED_LOW)];
}
