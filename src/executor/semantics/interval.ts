import { MS_PER_DAY, type IntervalValue } from '../values.js';
import { addMonthsToCivil, civilFromDays, daysFromCivil } from './calendar.js';
import { instantToWall, isUtc, wallToInstant, wallToInstants, zoneOffsetMs } from './time-zone.js';

/** INTERVAL values: construction, parsing, and calendar arithmetic with TIMESTAMP and DATE. */

export const ZERO_INTERVAL: IntervalValue = { months: 0, days: 0, ms: 0 };

/** Builds an interval; `+ 0` keeps -0 out of the fields. */
export function makeInterval(months: number, days: number, ms: number): IntervalValue {
  return { months: months + 0, days: days + 0, ms: ms + 0 };
}

export function negateInterval(interval: IntervalValue): IntervalValue {
  return makeInterval(-interval.months, -interval.days, -interval.ms);
}

export function addIntervals(a: IntervalValue, b: IntervalValue): IntervalValue {
  return makeInterval(a.months + b.months, a.days + b.days, a.ms + b.ms);
}

export function multiplyInterval(interval: IntervalValue, factor: number): IntervalValue {
  return makeInterval(interval.months * factor, interval.days * factor, interval.ms * factor);
}

/**
 * Length of an interval in ms when a month counts 30 days and a day 24 hours: the order DuckDB
 * uses to compare intervals, so `INTERVAL '30 days' = INTERVAL '1 month'`.
 */
export function intervalSortKey(interval: IntervalValue): number {
  return (interval.months * 30 + interval.days) * MS_PER_DAY + interval.ms;
}

/** Adds calendar months to an instant, keeping the local time of day in `timeZone`. */
export function addMonthsToTimestamp(instantMs: number, months: number, timeZone: string): number {
  return addIntervalToTimestamp(instantMs, makeInterval(months, 0, 0), timeZone);
}

/** Adds calendar months to a DATE, clamping to the end of a shorter month. */
export function addMonthsToDate(days: number, months: number): number {
  const shifted = addMonthsToCivil(civilFromDays(days), months);
  return daysFromCivil(shifted.year, shifted.month, shifted.day);
}

/**
 * Adds an INTERVAL to a TIMESTAMP in `timeZone`, in three steps as DuckDB 1.5 does through ICU
 * calendars:
 * - Months move the local date, clamped to the month's last day, and keep the local time. A local
 *   time that occurs twice resolves to the later occurrence, and one that clocks skip moves forward.
 * - Days move the local date too, but a local time that occurs twice keeps the UTC offset it had
 *   before the step. So across a DST change one day can be 23 or 25 hours.
 * - Milliseconds are added as elapsed time.
 */
export function addIntervalToTimestamp(instantMs: number, interval: IntervalValue, timeZone: string): number {
  if (interval.months === 0 && interval.days === 0) return instantMs + interval.ms;
  if (isUtc(timeZone)) return addCalendarUtc(instantMs, interval) + interval.ms;
  let instant = instantMs;
  if (interval.months !== 0) {
    const wall = instantToWall(instant, timeZone);
    const days = Math.floor(wall / MS_PER_DAY);
    instant = wallToInstant(addMonthsToDate(days, interval.months) * MS_PER_DAY + (wall - days * MS_PER_DAY), timeZone);
  }
  if (interval.days !== 0) {
    const offset = zoneOffsetMs(instant, timeZone);
    const target = instant + offset + interval.days * MS_PER_DAY;
    const sameOffset = wallToInstants(target, timeZone).find((candidate) => candidate === target - offset);
    instant = sameOffset ?? wallToInstant(target, timeZone);
  }
  return instant + interval.ms;
}

function addCalendarUtc(instantMs: number, interval: IntervalValue): number {
  let days = Math.floor(instantMs / MS_PER_DAY);
  const timeOfDay = instantMs - days * MS_PER_DAY;
  if (interval.months !== 0) days = addMonthsToDate(days, interval.months);
  return (days + interval.days) * MS_PER_DAY + timeOfDay;
}

/** Adds an INTERVAL to a DATE, giving a TIMESTAMP: the date's first instant in `timeZone` plus the interval. */
export function addIntervalToDate(days: number, interval: IntervalValue, timeZone: string): number {
  return addIntervalToTimestamp(wallToInstant(days * MS_PER_DAY, timeZone), interval, timeZone);
}

/**
 * Computes TIMESTAMP - TIMESTAMP as days and milliseconds (months stay 0), as ICU's calendar
 * difference does in DuckDB 1.5. The days are the most whole calendar days that can be added to
 * the earlier instant in `timeZone` without passing the later one, and the milliseconds are the
 * elapsed time left. A negative difference is the negated difference of the swapped operands.
 * So in America/New_York, 2024-03-10 12:00Z - 2024-03-09 12:00Z is `1 day 01:00:00`.
 */
export function subtractTimestamps(a: number, b: number, timeZone: string): IntervalValue {
  if (a < b) return negateInterval(subtractTimestamps(b, a, timeZone));
  const wallDifference = instantToWall(a, timeZone) - instantToWall(b, timeZone);
  // Start one day short of the wall-clock estimate, then step up while another day still fits.
  let days = Math.max(0, Math.trunc(wallDifference / MS_PER_DAY) - 1);
  while (days > 0 && addDays(b, days, timeZone) > a) days--;
  while (addDays(b, days + 1, timeZone) <= a) days++;
  return makeInterval(0, days, a - addDays(b, days, timeZone));
}

function addDays(instantMs: number, days: number, timeZone: string): number {
  return days === 0 ? instantMs : addIntervalToTimestamp(instantMs, makeInterval(0, days, 0), timeZone);
}

const UNIT_ALIASES: Readonly<Record<string, 'year' | 'quarter' | 'month' | 'week' | 'day' | 'hour' | 'minute' | 'second' | 'millisecond' | 'microsecond'>> = {
  year: 'year', years: 'year', y: 'year', yr: 'year', yrs: 'year',
  quarter: 'quarter', quarters: 'quarter',
  month: 'month', months: 'month', mon: 'month', mons: 'month',
  week: 'week', weeks: 'week', w: 'week',
  day: 'day', days: 'day', d: 'day',
  hour: 'hour', hours: 'hour', h: 'hour', hr: 'hour', hrs: 'hour',
  minute: 'minute', minutes: 'minute', m: 'minute', min: 'minute', mins: 'minute',
  second: 'second', seconds: 'second', s: 'second', sec: 'second', secs: 'second',
  millisecond: 'millisecond', milliseconds: 'millisecond', ms: 'millisecond', msec: 'millisecond', msecs: 'millisecond',
  microsecond: 'microsecond', microseconds: 'microsecond', us: 'microsecond', usec: 'microsecond', usecs: 'microsecond',
};

/** Builds the interval of `count` units, carrying fractions down: 1.5 months is 1 month 15 days. */
export function intervalOfUnit(count: number, unitName: string): IntervalValue | undefined {
  const unit = UNIT_ALIASES[unitName.toLowerCase()];
  if (unit === undefined || !Number.isFinite(count)) return undefined;
  const fromMonths = (months: number) => {
    const whole = Math.trunc(months);
    const days = (months - whole) * 30;
    const wholeDays = Math.trunc(days);
    return makeInterval(whole, wholeDays, Math.round((days - wholeDays) * MS_PER_DAY));
  };
  const fromDays = (days: number) => {
    const whole = Math.trunc(days);
    return makeInterval(0, whole, Math.round((days - whole) * MS_PER_DAY));
  };
  switch (unit) {
    case 'year':
      return fromMonths(count * 12);
    case 'quarter':
      return fromMonths(count * 3);
    case 'month':
      return fromMonths(count);
    case 'week':
      return fromDays(count * 7);
    case 'day':
      return fromDays(count);
    case 'hour':
      return makeInterval(0, 0, Math.round(count * 3_600_000));
    case 'minute':
      return makeInterval(0, 0, Math.round(count * 60_000));
    case 'second':
      return makeInterval(0, 0, Math.round(count * 1000));
    case 'millisecond':
      return makeInterval(0, 0, Math.round(count));
    case 'microsecond':
      // NOTE: intervals keep milliseconds, so microseconds are rounded to the nearest millisecond.
      return makeInterval(0, 0, Math.round(count / 1000));
  }
}

const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*([a-z]+)/i;
const CLOCK = /^([+-]?)(\d+):(\d{1,2})(?::(\d{1,2})(?:\.(\d+))?)?/;

/**
 * Parses interval text such as `1 day`, `2 hours 30 minutes`, `-1.5 months`, `1 day 01:02:03`
 * or `36:00:00`. Returns undefined when the text is not an interval.
 */
export function parseInterval(text: string): IntervalValue | undefined {
  let rest = text.trim();
  if (rest === '') return undefined;
  let total = ZERO_INTERVAL;
  while (rest !== '') {
    const clock = CLOCK.exec(rest);
    if (clock) {
      const [matched, sign, hours, minutes, seconds, fraction] = clock;
      const ms = Number(hours) * 3_600_000 + Number(minutes) * 60_000 + Number(seconds ?? 0) * 1000 + Math.round(Number(`0.${fraction ?? '0'}`) * 1000);
      total = addIntervals(total, makeInterval(0, 0, sign === '-' ? -ms : ms));
      rest = rest.slice(matched.length).trimStart();
      continue;
    }
    const quantity = QUANTITY.exec(rest);
    if (!quantity) return undefined;
    const part = intervalOfUnit(Number(quantity[1]), quantity[2]!);
    if (part === undefined) return undefined;
    total = addIntervals(total, part);
    rest = rest.slice(quantity[0].length).trimStart();
  }
  return total;
}
