import { daysFromCivil, isValidCivil } from '../semantics/calendar.js';
import { datePart, DATE_PART_FIELDS, timestampPart } from '../semantics/date-part.js';
import { DATE_TRUNC_UNITS, truncateDays, truncateTimestamp } from '../semantics/date-trunc.js';
import { lookupDateField, parseDateField, type DateField } from '../semantics/date-units.js';
import { SqlRuntimeError } from '../semantics/errors.js';
import { addMonthsToDate, addMonthsToTimestamp } from '../semantics/interval.js';
import { compileStrftime, type StrftimeFormatter } from '../semantics/strftime.js';
import { dateOfInstant, startOfDay } from '../semantics/zoned-time.js';
import type { Value } from '../values.js';
import { alias, BIGINT, scalar, TEMPORAL, TEXT, TIMESTAMP, toDouble, toSmallInteger } from './define.js';
import { day, utc } from './example-values.js';
import type { ArgType, ScalarFunction } from './registry.js';

/**
 * Date and time functions. A TIMESTAMP is an instant; its calendar fields, truncation and
 * formatting use the session time zone (EvalContext.timeZone). A DATE has no zone.
 */

const toTimestampMs = scalar({
  name: 'to_timestamp_ms',
  signature: 'to_timestamp_ms(milliseconds) -> TIMESTAMP',
  description: 'The instant a count of milliseconds since 1970-01-01 00:00:00 UTC names; the inverse of epoch_ms.',
  examples: [
    {
      sql: 'to_timestamp_ms(1710000000123)',
      result: utc('2024-03-09 16:00:00.123'),
      duckdb: 'to_timestamp(1710000000123 / 1000)',
      duckdbNote: 'DuckDB spells it to_timestamp(seconds).',
    },
  ],
  params: [BIGINT],
  returns: 'TIMESTAMP',
  evaluate: ([ms]) => toDouble(ms!),
});

const epochMs = scalar({
  name: 'epoch_ms',
  signature: 'epoch_ms(timestamp) -> BIGINT',
  description: 'Milliseconds since 1970-01-01 00:00:00 UTC.',
  examples: [{ sql: "epoch_ms(TIMESTAMP '2024-03-09 16:00:00.123')", result: 1710000000123 }],
  params: [TIMESTAMP],
  returns: 'BIGINT',
  evaluate: ([instant]) => instant!,
});

const epoch = scalar({
  name: 'epoch',
  signature: 'epoch(timestamp or date) -> DOUBLE',
  description: "Seconds since 1970-01-01 00:00:00 UTC, with a fraction; the same as date_part('epoch', x).",
  examples: [{ sql: "epoch(TIMESTAMP '2024-03-09 16:00:00.5')", result: 1710000000.5 }],
  params: [TEMPORAL],
  returns: 'DOUBLE',
  evaluate: ([value], _context, [type]) => (type === 'DATE' ? datePart('epoch', value as number) : (value as number) / 1000),
});

const dateTrunc = scalar({
  name: 'date_trunc',
  signature: 'date_trunc(unit, timestamp or date) -> TIMESTAMP',
  description:
    "Start of the unit containing the value, in the session time zone: 'second', 'minute', 'hour', 'day', 'week' (Monday), 'month', 'quarter', 'year' (also 'millisecond', 'decade', 'century', 'millennium', 'isoyear'). Days of 23 or 25 hours at DST changes are handled.",
  examples: [
    { sql: "date_trunc('hour', TIMESTAMP '2024-03-09 16:47:12')", result: utc('2024-03-09 16:00:00') },
    { sql: "date_trunc('week', DATE '2024-03-09')", result: utc('2024-03-04 00:00:00') },
    { sql: "date_trunc('day', TIMESTAMP '2024-03-31 12:00:00')", timeZone: 'Europe/Berlin', result: utc('2024-03-30 23:00:00') },
    { sql: "date_trunc('month', TIMESTAMP '2024-11-03 12:00:00')", timeZone: 'America/New_York', result: utc('2024-11-01 04:00:00') },
  ],
  params: [TEXT, TEMPORAL],
  returns: 'TIMESTAMP',
  evaluate: ([unitName, value], context, argTypes) => {
    const unit = parseDateField(unitName as string, DATE_TRUNC_UNITS, 'date_trunc');
    if (argTypes[1] === 'DATE') return startOfDay(truncateDays(unit, value as number), context.timeZone);
    return truncateTimestamp(unit, value as number, context.timeZone);
  },
});

function partOf(field: DateField, value: Value, type: ArgType | undefined, timeZone: string): number {
  return type === 'DATE' ? datePart(field, value as number) : timestampPart(field, value as number, timeZone);
}

const datePartFunction = scalar({
  name: 'date_part',
  signature: 'date_part(field, timestamp or date) -> BIGINT (DOUBLE for epoch)',
  description:
    'A calendar field of the value in the session time zone, as EXTRACT(field FROM x) gives it. Fields: year, quarter, month, week (ISO week), day, dow (0 = Sunday), isodow (1 = Monday), doy, hour, minute, second, millisecond (includes the seconds, times 1000) and epoch (seconds since 1970 as a DOUBLE). Also isoyear, yearweek, decade, century, millennium and microsecond.',
  examples: [
    { sql: "date_part('dow', DATE '2024-03-10')", result: 0 },
    { sql: "date_part('week', DATE '2021-01-03')", result: 53 },
    { sql: "date_part('hour', TIMESTAMP '2024-03-31 03:30:00')", timeZone: 'Europe/Berlin', result: 3 },
    { sql: "date_part('millisecond', TIMESTAMP '2024-03-09 16:00:07.250')", result: 7250 },
    { sql: "date_part('epoch', TIMESTAMP '2024-03-09 16:00:00.5')", result: 1710000000.5 },
  ],
  params: [TEXT, TEMPORAL],
  // The planner passes the field literal, because epoch alone is a DOUBLE.
  returns: (_args, literals) => {
    const field = literals[0];
    if (typeof field !== 'string') return 'BIGINT';
    const resolved = lookupDateField(field);
    if (resolved === undefined || !DATE_PART_FIELDS.includes(resolved)) {
      return { error: `unknown date field '${field}'; use one of ${DATE_PART_FIELDS.join(', ')}` };
    }
    return resolved === 'epoch' ? 'DOUBLE' : 'BIGINT';
  },
  evaluate: ([fieldName, value], context, argTypes) => {
    const field = parseDateField(fieldName as string, DATE_PART_FIELDS, 'date_part');
    return partOf(field, value!, argTypes[1], context.timeZone);
  },
});

function fieldFunction(name: 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', example: { sql: string; result: number }): ScalarFunction {
  return scalar({
    name,
    signature: `${name}(timestamp or date) -> BIGINT`,
    description: `The ${name} of the value in the session time zone; the same as date_part('${name}', x).`,
    examples: [example],
    params: [TEMPORAL],
    returns: 'BIGINT',
    evaluate: ([value], context, argTypes) => partOf(name, value!, argTypes[0], context.timeZone),
  });
}

const makeDate = scalar({
  name: 'make_date',
  signature: 'make_date(year, month, day) -> DATE',
  description: 'The DATE with these fields. Raises an error when the date does not exist, such as February 30.',
  examples: [{ sql: 'make_date(2024, 2, 29)', result: day('2024-02-29') }],
  params: [BIGINT, BIGINT, BIGINT],
  returns: 'DATE',
  evaluate: ([year, month, dayOfMonth]) => {
    const [y, m, d] = [toSmallInteger(year!), toSmallInteger(month!), toSmallInteger(dayOfMonth!)];
    if (!isValidCivil(y, m, d)) {
      throw new SqlRuntimeError('INVALID_ARGUMENT', `make_date: ${y}-${m}-${d} is not a date`, { hint: 'check that the month is 1-12 and the day exists in that month' });
    }
    return daysFromCivil(y, m, d);
  },
});

const formatterCache = new Map<string, StrftimeFormatter>();

function formatterFor(format: string): StrftimeFormatter {
  let formatter = formatterCache.get(format);
  if (!formatter) {
    formatter = compileStrftime(format);
    if (formatterCache.size >= 200) formatterCache.clear();
    formatterCache.set(format, formatter);
  }
  return formatter;
}

const strftime = scalar({
  name: 'strftime',
  signature: 'strftime(timestamp or date, format) -> TEXT',
  description:
    'Formats the value in the session time zone. Specifiers: %Y %y %m %d %e %H %I %M %S %f (microseconds) %g (milliseconds) %p %j %a %A %b %B %w %u %U %W %V %G %z %Z %c %x %X %T %%; %-d and the like drop zero padding. %e is not in DuckDB.',
  examples: [
    { sql: "strftime(TIMESTAMP '2024-03-09 16:05:00', '%Y-%m-%d %H:%M')", result: '2024-03-09 16:05' },
    { sql: "strftime(DATE '2024-03-09', '%A %d %B %Y, day %j')", result: 'Saturday 09 March 2024, day 069' },
    { sql: "strftime(TIMESTAMP '2024-07-01 12:00:00', '%H:%M %z %Z')", timeZone: 'America/New_York', result: '12:00 -04 America/New_York' },
  ],
  params: [TEMPORAL, TEXT],
  returns: 'TEXT',
  evaluate: ([value, format], context, argTypes) => {
    const formatter = formatterFor(format as string);
    return argTypes[0] === 'DATE' ? formatter.formatDate(value as number) : formatter.formatTimestamp(value as number, context.timeZone);
  },
});

const now = scalar({
  name: 'now',
  signature: 'now() -> TIMESTAMP',
  description: 'The time the query started; the same value for every row of the query.',
  examples: [
    {
      sql: 'now()',
      nowMs: utc('2024-03-09 23:30:00'),
      result: utc('2024-03-09 23:30:00'),
      duckdb: null,
      duckdbNote: 'the result depends on the clock',
    },
  ],
  params: [],
  returns: 'TIMESTAMP',
  volatile: true,
  evaluate: (_args, context) => context.nowMs,
});

const currentDate = scalar({
  name: 'current_date',
  signature: 'current_date() -> DATE',
  description: 'The date in the session time zone when the query started.',
  examples: [
    {
      sql: 'current_date()',
      nowMs: utc('2024-03-09 23:30:00'),
      timeZone: 'Europe/Berlin',
      result: day('2024-03-10'),
      duckdb: null,
      duckdbNote: 'the result depends on the clock',
    },
  ],
  params: [],
  returns: 'DATE',
  volatile: true,
  evaluate: (_args, context) => dateOfInstant(context.nowMs, context.timeZone),
});

const addMonths = scalar({
  name: 'add_months',
  signature: 'add_months(timestamp or date, months) -> same type',
  description:
    "Adds calendar months, keeping the local time of day in the session time zone and clamping to the month's last day (Jan 31 + 1 month is Feb 29 in 2024). The planner uses it for + INTERVAL 'n' MONTH, QUARTER and YEAR.",
  examples: [
    {
      sql: "add_months(DATE '2024-01-31', 1)",
      result: day('2024-02-29'),
      duckdb: "CAST(DATE '2024-01-31' + INTERVAL 1 MONTH AS DATE)",
      duckdbNote: 'DuckDB has no add_months; it adds an INTERVAL.',
    },
    {
      sql: "add_months(TIMESTAMP '2024-03-15 10:00:00', -12)",
      result: utc('2023-03-15 10:00:00'),
      duckdb: "TIMESTAMPTZ '2024-03-15 10:00:00' - INTERVAL 12 MONTH",
      duckdbNote: 'DuckDB has no add_months; it adds an INTERVAL.',
    },
  ],
  params: [TEMPORAL, BIGINT],
  returns: (args) => (args[0] === 'DATE' ? 'DATE' : 'TIMESTAMP'),
  evaluate: ([value, months], context, argTypes) => {
    const count = toSmallInteger(months!);
    return argTypes[0] === 'DATE' ? addMonthsToDate(value as number, count) : addMonthsToTimestamp(value as number, count, context.timeZone);
  },
});

export const timeFunctions: readonly ScalarFunction[] = [
  toTimestampMs,
  epochMs,
  epoch,
  dateTrunc,
  datePartFunction,
  fieldFunction('year', { sql: "year(DATE '2024-03-09')", result: 2024 }),
  fieldFunction('month', { sql: "month(DATE '2024-03-09')", result: 3 }),
  fieldFunction('day', { sql: "day(DATE '2024-03-09')", result: 9 }),
  fieldFunction('hour', { sql: "hour(TIMESTAMP '2024-03-09 16:05:00')", result: 16 }),
  fieldFunction('minute', { sql: "minute(TIMESTAMP '2024-03-09 16:05:00')", result: 5 }),
  fieldFunction('second', { sql: "second(TIMESTAMP '2024-03-09 16:05:07.5')", result: 7 }),
  makeDate,
  strftime,
  now,
  alias(now, 'current_timestamp'),
  currentDate,
  addMonths,
];
