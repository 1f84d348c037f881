import { UsageError } from './errors.js';

/** Parses a whole number option value within a range, throwing UsageError that names the option. */
export function parseInteger(option: string, min: number, max: number): (text: string) => number {
  return (text) => {
    const value = /^[+-]?\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new UsageError(`${option} must be an integer from ${min} to ${max}, got "${text}"`);
    }
    return value;
  };
}

/** Parses a fraction option value in [0, 1]. */
export function parseFraction(option: string): (text: string) => number {
  return (text) => {
    const value = /^\d*\.?\d+(e-?\d+)?$/i.test(text.trim()) ? Number(text.trim()) : Number.NaN;
    if (!(value >= 0 && value <= 1)) throw new UsageError(`${option} must be a number from 0 to 1, got "${text}"`);
    return value;
  };
}

/** Parses one of a fixed set of words. */
export function parseChoice<T extends string>(option: string, choices: readonly T[]): (text: string) => T {
  return (text) => {
    const value = text.trim().toLowerCase();
    if (!(choices as readonly string[]).includes(value)) {
      throw new UsageError(`${option} must be one of ${choices.join(', ')}, got "${text}"`);
    }
    return value as T;
  };
}
