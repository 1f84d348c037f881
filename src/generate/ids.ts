import type { Prng } from './prng.js';

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** Returns a random version-4 UUID string (lower case, 8-4-4-4-12) drawn from the generator. */
export function randomUuid(random: Prng): string {
  const a = random.nextUint32();
  const b = random.nextUint32();
  const c = random.nextUint32();
  const d = random.nextUint32();
  // Version nibble 4 in the third group, variant bits 10 in the fourth.
  const version = ((b & 0xffff0fff) | 0x00004000) >>> 0;
  const variant = ((c & 0x3fffffff) | 0x80000000) >>> 0;
  return (
    hex32(a) +
    '-' +
    HEX[version >>> 24]! +
    HEX[(version >>> 16) & 0xff]! +
    '-' +
    HEX[(version >>> 8) & 0xff]! +
    HEX[version & 0xff]! +
    '-' +
    HEX[variant >>> 24]! +
    HEX[(variant >>> 16) & 0xff]! +
    '-' +
    HEX[(variant >>> 8) & 0xff]! +
    HEX[variant & 0xff]! +
    hex32(d)
  );
}

function hex32(value: number): string {
  return HEX[value >>> 24]! + HEX[(value >>> 16) & 0xff]! + HEX[(value >>> 8) & 0xff]! + HEX[value & 0xff]!;
}
