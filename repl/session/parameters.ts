import type { Value } from '../../src/executor/values.js';

/** Parameter names as `:NAME` spells them: a letter or underscore, then letters, digits, underscores. */
export const PARAMETER_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Reads the value of `\set NAME VALUE`. `'text'` in single quotes is text, with `''` for a quote.
 * An integer is a BIGINT (a JS bigint beyond 2^53) and a decimal number a DOUBLE. true and false
 * are BOOLEAN, null is NULL, and anything else is text as written.
 */
export function parseParameterValue(text: string): Value {
  const trimmed = text.trim();
  if (/^'.*'$/s.test(trimmed) && trimmed.length >= 2) return trimmed.slice(1, -1).replace(/''/g, "'");
  if (/^[+-]?\d+$/.test(trimmed)) {
    const big = BigInt(trimmed);
    return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
  }
  if (/^[+-]?(\d+\.\d*|\.\d+|\d+)(e[+-]?\d+)?$/i.test(trimmed)) return Number(trimmed);
  const lower = trimmed.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  return trimmed;
}

/** Shows a parameter value as `\set` lists it: text quoted, other values as written. */
export function showParameterValue(value: Value): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  return String(value);
}
