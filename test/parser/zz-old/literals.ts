/**
 * Checks and normalisation for literal text: DATE and TIMESTAMP strings, interval counts and
 * units, type names and EXTRACT fields. Functions here return an error description instead of
 * throwing, so the parser can attach the span of the offending token.
 */
import type { ExtractField, IntervalUnit, TypeName } from './ast.js';

export const DATE_FORMAT_HINT = "Write a date as DATE 'YYYY-MM-DD', for example DATE '2020-01-31'.";
export const TIMESTAMP_FORMAT_HINT =
  "Write a timestamp as TIMESTAMP 'YYYY-MM-DD HH:MM:SS' with optional milliseconds, for example TIMESTAMP '2020-01-31 13:45:00.123'.";

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Returns why `year-month-day` is not a calendar date, or null when it is one. */
function checkCalendarDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12) return `month ${month} is not between 1 and 12`;
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) {
    return `day ${day} is not between 1 and ${days} for ${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  }
  return null;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Returns why `text` is not a valid DATE literal (`YYYY-MM-DD`), or null when it is valid. */
export function checkDateText(text: string): string | null {
  const match = DATE_PATTERN.exec(text);
  if (match === null) return 'the text is not in the form YYYY-MM-DD';
  return checkCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

const TIMESTAMP_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?$/;

/**
 * Returns why `text` is not a valid TIMESTAMP literal, or null when it is valid. Accepted forms
 * are `YYYY-MM-DD`, `YYYY-MM-DD HH:MM`, `YYYY-MM-DD HH:MM:SS` and `YYYY-MM-DD HH:MM:SS.fff`
 * with one to three fraction digits, because timestamps are stored in milliseconds. A `T` may
 * replace the space. Time zones are not accepted: timestamps are UTC.
 */
export function checkTimestampText(text: string): string | null {
  const match = TIMESTAMP_PATTERN.exec(text);
  if (match === null) return 'the text is not in the form YYYY-MM-DD HH:MM:SS[.fff]';
  const dateProblem = checkCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
  if (dateProblem !== null) return dateProblem;
  if (match[4] !== undefined && Number(match[4]) > 23) return `hour ${match[4]} is not between 00 and 23`;
  if (match[5] !== undefined && Number(match[5]) > 59) return `minute ${match[5]} is not between 00 and 59`;
  if (match[6] !== undefined && Number(match[6]) > 59) return `second ${match[6]} is not between 00 and 59`;
  if (match[7] !== undefined && match[7].length > 3) {
    return `the fraction .${match[7]} has more than 3 digits, and timestamps are stored in milliseconds`;
  }
  return null;
}

// ---------------------------------------------------------------------------
// Intervals

const UNIT_WORDS: ReadonlyMap<string, IntervalUnit> = new Map<string, IntervalUnit>([
  ['year', 'YEAR'], ['years', 'YEAR'], ['y', 'YEAR'], ['yr', 'YEAR'], ['yrs', 'YEAR'],
  ['quarter', 'QUARTER'], ['quarters', 'QUARTER'],
  ['month', 'MONTH'], ['months', 'MONTH'], ['mon', 'MONTH'], ['mons', 'MONTH'],
  ['week', 'WEEK'], ['weeks', 'WEEK'], ['w', 'WEEK'],
  ['day', 'DAY'], ['days', 'DAY'], ['d', 'DAY'],
  ['hour', 'HOUR'], ['hours', 'HOUR'], ['h', 'HOUR'], ['hr', 'HOUR'], ['hrs', 'HOUR'],
  ['minute', 'MINUTE'], ['minutes', 'MINUTE'], ['min', 'MINUTE'], ['mins', 'MINUTE'],
  ['second', 'SECOND'], ['seconds', 'SECOND'], ['s', 'SECOND'], ['sec', 'SECOND'], ['secs', 'SECOND'],
  ['millisecond', 'MILLISECOND'], ['milliseconds', 'MILLISECOND'], ['ms', 'MILLISECOND'],
  ['msec', 'MILLISECOND'], ['msecs', 'MILLISECOND'],
]);

const UNIT_KEYWORDS: ReadonlySet<IntervalUnit> = new Set<IntervalUnit>([
  'YEAR',
  'QUARTER',
  'MONTH',
  'WEEK',
  'DAY',
  'HOUR',
  'MINUTE',
  'SECOND',
  'MILLISECOND',
]);

/**
 * Returns the unit named by a keyword after an interval count, as in `INTERVAL 7 DAY` or
 * `INTERVAL '7' DAYS`, or null. Abbreviations such as `d` or `ms` are accepted inside the
 * interval string only, where no column name can be confused with them.
 */
export function intervalUnitKeyword(keyword: string): IntervalUnit | null {
  const singular = keyword.endsWith('S') ? keyword.slice(0, -1) : keyword;
  return UNIT_KEYWORDS.has(singular as IntervalUnit) ? (singular as IntervalUnit) : null;
}

export const INTERVAL_UNIT_KEYWORDS: ReadonlySet<string> = UNIT_KEYWORDS;

/** Length of each fixed-length unit in milliseconds. */
const UNIT_MILLISECONDS: Partial<Record<IntervalUnit, bigint>> = {
  WEEK: 604_800_000n,
  DAY: 86_400_000n,
  HOUR: 3_600_000n,
  MINUTE: 60_000n,
  SECOND: 1_000n,
  MILLISECOND: 1n,
};

/** Length of each calendar unit in months. */
const UNIT_MONTHS: Partial<Record<IntervalUnit, bigint>> = {
  YEAR: 12n,
  QUARTER: 3n,
  MONTH: 1n,
};

/** Exact decimal: `digits / 10^scale`. */
interface Decimal {
  readonly digits: bigint;
  readonly scale: number;
}

export const INTERVAL_COUNT_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

function parseDecimal(text: string): Decimal {
  const negative = text.startsWith('-');
  const unsigned = text.replace(/^[+-]/, '');
  const [whole = '', fraction = ''] = unsigned.split('.');
  const digits = BigInt((whole || '0') + fraction);
  return { digits: negative ? -digits : digits, scale: fraction.length };
}

function formatDecimal(value: Decimal): string {
  const negative = value.digits < 0n;
  let text = (negative ? -value.digits : value.digits).toString().padStart(value.scale + 1, '0');
  if (value.scale > 0) {
    text = `${text.slice(0, -value.scale)}.${text.slice(-value.scale)}`.replace(/\.?0+$/, '');
  }
  return negative && text !== '0' ? `-${text}` : text;
}

/** Removes a leading `+` so that counts print and compare the same way. */
export function normalizeIntervalCount(text: string): string {
  return text.startsWith('+') ? text.slice(1) : text;
}

export type IntervalTextResult =
  | { readonly ok: true; readonly value: string; readonly unit: IntervalUnit | null }
  | { readonly ok: false; readonly problem: string };

/**
 * Reads the string of an interval literal. A bare count such as '7' returns unit null, and
 * the unit must then follow the string. Text with units, such as '90 minutes' or
 * '1 day 2 hours', returns one count in the smallest unit named. Calendar units (years,
 * quarters, months) combine only with each other, because a month has no fixed length.
 */
export function readIntervalText(text: string): IntervalTextResult {
  const trimmed = text.trim();
  if (INTERVAL_COUNT_PATTERN.test(trimmed)) {
    return { ok: true, value: normalizeIntervalCount(trimmed), unit: null };
  }

  const partPattern = /\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*([A-Za-z]+)\s*/y;
  const parts: { count: Decimal; unit: IntervalUnit }[] = [];
  let position = 0;
  while (position < trimmed.length) {
    partPattern.lastIndex = position;
    const match = partPattern.exec(trimmed);
    if (match === null) {
      return { ok: false, problem: `the text is not a count followed by a unit, such as '90 minutes'` };
    }
    const unit = UNIT_WORDS.get(match[2]!.toLowerCase());
    if (unit === undefined) return { ok: false, problem: `'${match[2]}' is not an interval unit` };
    parts.push({ count: parseDecimal(match[1]!), unit });
    position = partPattern.lastIndex;
  }
  if (parts.length === 0) return { ok: false, problem: 'the text is empty' };
  if (parts.length === 1) {
    const part = parts[0]!;
    return { ok: true, value: formatDecimal(part.count), unit: part.unit };
  }

  const calendar = parts.filter((part) => UNIT_MONTHS[part.unit] !== undefined);
  if (calendar.length > 0 && calendar.length < parts.length) {
    return { ok: false, problem: 'years, quarters and months cannot be combined with shorter units' };
  }
  const table = calendar.length > 0 ? UNIT_MONTHS : UNIT_MILLISECONDS;
  let smallest = parts[0]!.unit;
  for (const part of parts) {
    if (table[part.unit]! < table[smallest]!) smallest = part.unit;
  }

  const scale = Math.max(...parts.map((part) => part.count.scale));
  let total = 0n;
  for (const part of parts) {
    const ratio = table[part.unit]! / table[smallest]!;
    total += part.count.digits * 10n ** BigInt(scale - part.count.scale) * ratio;
  }
  return { ok: true, value: formatDecimal({ digits: total, scale }), unit: smallest };
}

// ---------------------------------------------------------------------------
// Type names and EXTRACT fields

/** Type names the dialect accepts, with the type each maps to. */
export const TYPE_NAMES: ReadonlyMap<string, TypeName> = new Map<string, TypeName>([
  ['BOOLEAN', 'BOOLEAN'],
  ['BOOL', 'BOOLEAN'],
  ['INT', 'BIGINT'],
  ['INTEGER', 'BIGINT'],
  ['BIGINT', 'BIGINT'],
  ['DOUBLE', 'DOUBLE'],
  ['FLOAT', 'DOUBLE'],
  ['REAL', 'DOUBLE'],
  ['DECIMAL', 'DOUBLE'],
  ['NUMERIC', 'DOUBLE'],
  ['TEXT', 'TEXT'],
  ['VARCHAR', 'TEXT'],
  ['STRING', 'TEXT'],
  ['DATE', 'DATE'],
  ['TIMESTAMP', 'TIMESTAMP'],
  ['JSON', 'JSON'],
]);

/** Type names that take arguments in parentheses, and how many at most. */
export const TYPE_ARGUMENT_LIMITS: ReadonlyMap<string, number> = new Map([
  ['DECIMAL', 2],
  ['NUMERIC', 2],
  ['VARCHAR', 1],
]);

export const EXTRACT_FIELDS: ReadonlySet<ExtractField> = new Set<ExtractField>([
  'YEAR',
  'QUARTER',
  'MONTH',
  'WEEK',
  'DAY',
  'DOW',
  'DOY',
  'HOUR',
  'MINUTE',
  'SECOND',
  'MILLISECOND',
  'EPOCH',
]);

export function isExtractField(keyword: string): keyword is ExtractField {
  return EXTRACT_FIELDS.has(keyword as ExtractField);
}
