import { MS_PER_DAY } from '../values.js';
import { daysFromCivil, isoDayOfWeek, isoWeek } from './calendar.js';
import type { DateField } from './date-units.js';
import { instantToWall, wallToInstant, wallToInstants } from './time-zone.js';
import { assertNever } from './types.js';
import { fieldsOfWall, startOfDay } from './zoned-time.js';

/** Units that date_trunc accepts. */
export const DATE_TRUNC_UNITS: readonly DateField[] = [
  'millennium',
  'century',
  'decade',
  'year',
  'isoyear',
  'quarter',
  'month',
  'week',
  'day',
  'hour',
  'minute',
  'second',
  'millisecond',
];

const CLOCK_UNIT_MS: Partial<Record<DateField, number>> = { hour: 3_600_000, minute: 60_000, second: 1000, millisecond: 1 };

/**
 * Truncates a TIMESTAMP to the start of its unit in `timeZone`; weeks start on Monday.
 *
 * Units of an hour or less subtract the time elapsed on the local clock since the unit began, so
 * the result never follows the input. An hour repeated when clocks go back truncates to the start
 * of the occurrence that contains the input. DuckDB 1.5 instead resolves the truncated wall time to
 * the later occurrence, which can follow the input. Units of a day or more return the first
 * instant of the local start date, which handles 23- and 25-hour days.
 */
export function truncateTimestamp(unit: DateField, instantMs: number, timeZone: string): number {
  const clockUnit = CLOCK_UNIT_MS[unit];
  if (clockUnit !== undefined) {
    const wall = instantToWall(instantMs, timeZone);
    const unitStart = Math.floor(wall / clockUnit) * clockUnit;
    const sameOffset = instantMs - (wall - unitStart);
    if (instantToWall(sameOffset, timeZone) === unitStart) return sameOffset;
    // The offset changed inside the unit, as with Lord Howe Island's 30-minute DST shift. Take the
    // latest instant of the unit's local start that is not after the input. When clocks skipped
    // that local time, take the instant the gap ended.
    const starts = wallToInstants(unitStart, timeZone).filter((start) => start <= instantMs);
    if (starts.length > 0) return starts[starts.length - 1]!;
    const afterGap = wallToInstant(unitStart, timeZone);
    return afterGap <= instantMs ? afterGap : sameOffset;
  }
  const days = Math.floor(instantToWall(instantMs, timeZone) / MS_PER_DAY);
  return startOfDay(truncateDays(unit, days), timeZone);
}

/** Truncates a DATE to the first day of its unit; units below a day return the date itself. */
export function truncateDays(unit: DateField, days: number): number {
  const { year, month } = fieldsOfWall(days * MS_PER_DAY);
  switch (unit) {
    case 'day':
    case 'hour':
    case 'minute':
    case 'second':
    case 'millisecond':
      return days;
    case 'week':
      return days - (isoDayOfWeek(days) - 1);
    case 'month':
      return daysFromCivil(year, month, 1);
    case 'quarter':
      return daysFromCivil(year, month - ((month - 1) % 3), 1);
    case 'year':
      return daysFromCivil(year, 1, 1);
    case 'decade':
      return daysFromCivil(Math.floor(year / 10) * 10, 1, 1);
    // DuckDB truncates to years divisible by 100 and 1000, although date_part counts centuries
    // and millennia from year 1 (date_part('century', DATE '2000-05-05') is 20).
    case 'century':
      return daysFromCivil(Math.floor(year / 100) * 100, 1, 1);
    case 'millennium':
      return daysFromCivil(Math.floor(year / 1000) * 1000, 1, 1);
    case 'isoyear': {
      const { isoYear } = isoWeek(days);
      const january4 = daysFromCivil(isoYear, 1, 4);
      return january4 - (isoDayOfWeek(january4) - 1);
    }
    case 'yearweek':
    case 'dow':
    case 'isodow':
    case 'doy':
    case 'epoch':
    case 'microsecond':
      throw new Error(`internal error: date_trunc unit ${unit} is not a truncation unit`);
    default:
      return assertNever(unit, 'date_trunc unit');
  }
}
