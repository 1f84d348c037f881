import { JSON_NULL, type IntervalValue, type JsonValue, type Value } from '../values.js';
import { SqlRuntimeError } from './errors.js';
import { formatDate, formatInterval, formatTimestamp, formatTimestampIso } from './format-time.js';
import { bigintToDouble, type BigintValue } from './integer.js';
import { parseInterval } from './interval.js';
import { MALFORMED_JSON, parseJsonText, stringifyJson } from './json.js';
import { doubleToBigint, formatDouble, parseBigintText, parseDoubleText } from './numbers.js';
import { parseDateText, parseTimestampText } from './parse-temporal.js';
import { assertNever, type ExprType, type TypeMismatch } from './types.js';
import { dateOfInstant, startOfDay } from './zoned-time.js';

/**
 * CAST between the dialect's types. `resolveCast` decides at plan time whether a conversion
 * exists; `castValue` converts one value and raises INVALID_CAST when the value does not fit.
 */

export interface CastContext {
  /** Session zone: TIMESTAMP text without an offset is read in it, and TIMESTAMP to DATE or TEXT uses it. */
  readonly timeZone: string;
}

/** Target types of a cast. */
export type CastTarget = Exclude<ExprType, 'NULL'>;

const UNSUPPORTED_HINTS: Readonly<Record<string, string>> = {
  'BIGINT->TIMESTAMP': 'to read milliseconds since the epoch use to_timestamp_ms(x)',
  'TIMESTAMP->BIGINT': 'to get milliseconds since the epoch use epoch_ms(x)',
  'DOUBLE->TIMESTAMP': 'to read milliseconds since the epoch use to_timestamp_ms(CAST(x AS BIGINT))',
  'TIMESTAMP->DOUBLE': "to get seconds since the epoch use date_part('epoch', x)",
  'BIGINT->DATE': 'to build a date use make_date(year, month, day)',
  'DATE->BIGINT': "to count days use x - DATE '1970-01-01'",
};

const ALLOWED: Readonly<Record<CastTarget, readonly CastTarget[]>> = {
  BOOLEAN: ['BOOLEAN', 'BIGINT', 'DOUBLE', 'TEXT', 'JSON'],
  BIGINT: ['BIGINT', 'BOOLEAN', 'DOUBLE', 'TEXT', 'JSON'],
  DOUBLE: ['DOUBLE', 'BOOLEAN', 'BIGINT', 'TEXT', 'JSON'],
  TEXT: ['TEXT', 'BOOLEAN', 'BIGINT', 'DOUBLE', 'DATE', 'TIMESTAMP', 'JSON', 'INTERVAL'],
  DATE: ['DATE', 'TEXT', 'TIMESTAMP', 'JSON'],
  TIMESTAMP: ['TIMESTAMP', 'TEXT', 'DATE', 'JSON'],
  JSON: ['JSON', 'TEXT', 'BOOLEAN', 'BIGINT', 'DOUBLE', 'DATE', 'TIMESTAMP'],
  INTERVAL: ['INTERVAL', 'TEXT'],
};

/** Returns null when `from` converts to `to`, else the reason, with a pointer to the function to use where one exists. */
export function resolveCast(from: ExprType, to: CastTarget): TypeMismatch | null {
  if (from === 'NULL' || ALLOWED[from].includes(to)) return null;
  const hint = UNSUPPORTED_HINTS[`${from}->${to}`];
  return { error: `cannot cast ${from} to ${to}${hint ? `; ${hint}` : ''}` };
}

/** Quotes text for an error message, shortened so a long JSON document stays readable. */
function quoteForMessage(text: string): string {
  return text.length > 60 ? `'${text.slice(0, 57)}...'` : `'${text}'`;
}

function invalidText(text: string, to: CastTarget, expected: string): SqlRuntimeError {
  return new SqlRuntimeError('INVALID_CAST', `cannot cast ${quoteForMessage(text)} to ${to}: ${expected}`);
}

const TRUE_TEXT = new Set(['true', 't', 'yes', 'y', '1']);
const FALSE_TEXT = new Set(['false', 'f', 'no', 'n', '0']);

function textToBoolean(text: string): boolean {
  const lower = text.toLowerCase();
  if (TRUE_TEXT.has(lower)) return true;
  if (FALSE_TEXT.has(lower)) return false;
  throw invalidText(text, 'BOOLEAN', 'expected true, false, t, f, yes, no, y, n, 1 or 0');
}

/** Converts TEXT; shared by the TEXT source and JSON strings. */
function castText(text: string, to: CastTarget, context: CastContext): Value {
  switch (to) {
    case 'TEXT':
      return text;
    case 'BOOLEAN':
      return textToBoolean(text);
    case 'BIGINT':
      return parseBigintText(text);
    case 'DOUBLE':
      return parseDoubleText(text);
    case 'DATE': {
      const days = parseDateText(text);
      if (days === undefined) throw invalidText(text, 'DATE', "expected a real date written 'YYYY-MM-DD'");
      return days;
    }
    case 'TIMESTAMP': {
      const instant = parseTimestampText(text, context.timeZone);
      if (instant === undefined) throw invalidText(text, 'TIMESTAMP', "expected 'YYYY-MM-DD HH:MM:SS[.fff]' with an optional zone such as +02:00 or Europe/Berlin");
      return instant;
    }
    case 'JSON': {
      const parsed = parseJsonText(text);
      if (parsed === MALFORMED_JSON) throw invalidText(text, 'JSON', 'the text is not valid JSON');
      return parsed;
    }
    case 'INTERVAL': {
      const interval = parseInterval(text);
      if (interval === undefined) throw invalidText(text, 'INTERVAL', "expected a quantity and unit such as '2 hours' or '1 day 01:30:00'");
      return interval;
    }
    default:
      return assertNever(to, 'cast target');
  }
}

/** Converts a JSON scalar: strings convert as TEXT, numbers and booleans as themselves, JSON null to SQL NULL. */
function castJson(value: JsonValue, to: CastTarget, context: CastContext): Value {
  if (to === 'JSON') return value;
  if (to === 'TEXT') return stringifyJson(value);
  if (value === JSON_NULL) return null;
  switch (typeof value) {
    case 'string':
      return castText(value, to, context);
    case 'number':
      return castValue(value, Number.isInteger(value) ? 'BIGINT' : 'DOUBLE', to, context);
    case 'boolean':
      return castValue(value, 'BOOLEAN', to, context);
    default:
      throw new SqlRuntimeError('INVALID_CAST', `cannot cast the JSON ${Array.isArray(value) ? 'array' : 'object'} ${quoteForMessage(stringifyJson(value))} to ${to}`, {
        hint: "extract a scalar first, for example json_value(x, '$.field')",
      });
  }
}

function doubleToJson(value: number): JsonValue {
  if (!Number.isFinite(value)) throw new SqlRuntimeError('INVALID_CAST', `cannot cast DOUBLE ${formatDouble(value)} to JSON: JSON has no NaN or infinity`);
  return value;
}

/**
 * Converts a non-NULL or NULL value of type `from` to `to`. NULL converts to NULL. Raises
 * UNSUPPORTED_CAST when `resolveCast` rejects the pair and INVALID_CAST when the value does not fit.
 */
export function castValue(value: Value, from: ExprType, to: CastTarget, context: CastContext): Value {
  if (value === null || from === 'NULL') return null;
  if (from === to) return value;
  const rejection = resolveCast(from, to);
  if (rejection) throw new SqlRuntimeError('UNSUPPORTED_CAST', rejection.error);

  switch (from) {
    case 'TEXT':
      return castText(value as string, to, context);
    case 'JSON':
      return castJson(value as JsonValue, to, context);
    case 'BOOLEAN':
      if (to === 'BIGINT' || to === 'DOUBLE') return value ? 1 : 0;
      if (to === 'TEXT') return value ? 'true' : 'false';
      return value as boolean;
    case 'BIGINT': {
      const integer = value as BigintValue;
      if (to === 'BOOLEAN') return integer !== 0 && integer !== 0n;
      if (to === 'DOUBLE') return bigintToDouble(integer);
      if (to === 'TEXT') return String(integer);
      // NOTE: JSON numbers are doubles here, so integers beyond 2^53 lose precision.
      return bigintToDouble(integer);
    }
    case 'DOUBLE': {
      const double = value as number;
      if (to === 'BOOLEAN') return double !== 0;
      if (to === 'BIGINT') return doubleToBigint(double);
      if (to === 'TEXT') return formatDouble(double);
      return doubleToJson(double);
    }
    case 'DATE': {
      const days = value as number;
      if (to === 'TIMESTAMP') return startOfDay(days, context.timeZone);
      return formatDate(days);
    }
    case 'TIMESTAMP': {
      const instant = value as number;
      if (to === 'DATE') return dateOfInstant(instant, context.timeZone);
      if (to === 'TEXT') return formatTimestamp(instant, context.timeZone);
      return formatTimestampIso(instant, context.timeZone);
    }
    case 'INTERVAL':
      return formatInterval(value as IntervalValue);
    default:
      return assertNever(from, 'cast source');
  }
}

/** Text of a value as CAST(x AS TEXT) gives it; NULL stays NULL. */
export function valueToText(value: Value, type: ExprType, timeZone = 'UTC'): string | null {
  return castValue(value, type, 'TEXT', { timeZone }) as string | null;
}
