import { formatDate } from '../executor/semantics/format-time.js';
import { parseDoubleText } from '../executor/semantics/numbers.js';
import { normalizeBigint } from '../executor/values.js';
import type { ParameterValue } from '../planner/bind-expr.js';
import { parseDateLiteral, parseTimestampLiteral } from '../planner/literals.js';

/** Types a report parameter may declare. */
export type ParamType = 'INT' | 'BIGINT' | 'DOUBLE' | 'TEXT' | 'DATE' | 'TIMESTAMP' | 'BOOLEAN';

export const PARAM_TYPES: readonly ParamType[] = ['INT', 'BIGINT', 'DOUBLE', 'TEXT', 'DATE', 'TIMESTAMP', 'BOOLEAN'];

/** A parameter value as the engine's `params` take it. */
export type ParamValue = ParameterValue;

/** Reads a type name in any case; returns undefined for a name that is not a parameter type. */
export function paramTypeOf(name: string): ParamType | undefined {
  const upper = name.toUpperCase();
  return (PARAM_TYPES as readonly string[]).includes(upper) ? (upper as ParamType) : undefined;
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Describes the text form a type accepts, for messages. */
export function expectedForm(type: ParamType): string {
  switch (type) {
    case 'INT':
      return `an integer from ${INT32_MIN} to ${INT32_MAX}`;
    case 'BIGINT':
      return 'a signed 64-bit integer';
    case 'DOUBLE':
      return 'a number such as 1.5, -2 or 1e-3';
    case 'TEXT':
      return 'any text';
    case 'DATE':
      return 'a date as YYYY-MM-DD';
    case 'TIMESTAMP':
      return "a timestamp as 'YYYY-MM-DD[ HH:MM[:SS[.fff]]]', optionally ending in Z or an offset such as +01:00";
    case 'BOOLEAN':
      return 'true or false (also on/off, yes/no, 1/0)';
  }
}

/**
 * Converts parameter text to the value bound for it, or returns undefined when the text is not of
 * the type. INT and BIGINT become exact integers (a bigint beyond 2^53). DATE and DOUBLE become
 * typed parameters, so a date is a DATE everywhere in the query and 2 stays a DOUBLE. A TIMESTAMP
 * becomes a Date, and text without an offset names a wall-clock time in `timeZone`.
 */
export function parseParamValue(type: ParamType, text: string, timeZone: string): ParamValue | undefined {
  switch (type) {
    case 'INT': {
      if (!/^\s*[+-]?\d+\s*$/.test(text)) return undefined;
      const value = Number(text);
      return value >= INT32_MIN && value <= INT32_MAX ? value : undefined;
    }
    case 'BIGINT': {
      if (!/^\s*[+-]?\d+\s*$/.test(text)) return undefined;
      const value = BigInt(text.trim());
      return value >= INT64_MIN && value <= INT64_MAX ? normalizeBigint(value) : undefined;
    }
    case 'DOUBLE': {
      if (text.trim() === '') return undefined;
      try {
        return { type: 'DOUBLE', value: parseDoubleText(text) };
      } catch {
        return undefined;
      }
    }
    case 'TEXT':
      return text;
    case 'DATE': {
      const days = parseDateLiteral(text);
      return days === undefined ? undefined : { type: 'DATE', value: formatDate(days) };
    }
    case 'TIMESTAMP': {
      const ms = parseTimestampLiteral(text, timeZone);
      return ms === undefined ? undefined : new Date(ms);
    }
    case 'BOOLEAN': {
      const word = text.trim().toLowerCase();
      if (['true', 'on', 'yes', '1'].includes(word)) return true;
      if (['false', 'off', 'no', '0'].includes(word)) return false;
      return undefined;
    }
  }
}
