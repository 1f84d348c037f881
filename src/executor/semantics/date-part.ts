import { MS_PER_DAY } from '../values.js';
import { dayOfWeek, dayOfYear, isoDayOfWeek, isoWeek } from './calendar.js';
import type { DateField } from './date-units.js';
import { assertNever } from './types.js';
import { fieldsOfWall, zonedFields, type ZonedFields } from './zoned-time.js';

/**
 * date_part and EXTRACT. Every field is a BIGINT except `epoch`, a DOUBLE of seconds, as in
 * DuckDB 1.5. Fields of a TIMESTAMP are read in the session time zone; a DATE has time fields 0.
 */

/** Fields that date_part accepts. */
export const DATE_PART_FIELDS: readonly DateField[] = [
  'millennium',
  'century',
  'decade',
  'year',
  'isoyear',
  'quarter',
  'month',
  'week',
  'yearweek',
  'day',
  'dow',
  'isodow',
  'doy',
  'hour',
  'minute',
  'second',
  'millisecond',
  'microsecond',
  'epoch',
];

/** Extracts a field of a TIMESTAMP (ms since the epoch) in `timeZone`. */
export function timestampPart(field: DateField, instantMs: number, timeZone: string): number {
  if (field === 'epoch') return instantMs / 1000;
  return fieldOf(field, zonedFields(instantMs, timeZone));
}

/** Extracts a field of a DATE (days since the epoch). `epoch` counts from midnight UTC, like DuckDB. */
export function datePart(field: DateField, days: number): number {
  if (field === 'epoch') return days * 86_400;
  return fieldOf(field, fieldsOfWall(days * MS_PER_DAY));
}

function fieldOf(field: DateField, f: ZonedFields): number {
  switch (field) {
    case 'millennium':
      return f.year > 0 ? Math.floor((f.year - 1) / 1000) + 1 : -Math.floor(-f.year / 1000) - 1;
    case 'century':
      return f.year > 0 ? Math.floor((f.year - 1) / 100) + 1 : -Math.floor(-f.year / 100) - 1;
    case 'decade':
      return Math.floor(f.year / 10);
    case 'year':
      return f.year;
    case 'isoyear':
      return isoWeek(f.days).isoYear;
    case 'quarter':
      return Math.floor((f.month - 1) / 3) + 1;
    case 'month':
      return f.month;
    case 'week':
      return isoWeek(f.days).week;
    case 'yearweek': {
      const { isoYear, week } = isoWeek(f.days);
      return isoYear * 100 + (isoYear < 0 ? -week : week);
    }
    case 'day':
      return f.day;
    case 'dow':
      return dayOfWeek(f.days);
    case 'isodow':
      return isoDayOfWeek(f.days);
    case 'doy':
      return dayOfYear(f.days);
    case 'hour':
      return f.hour;
    case 'minute':
      return f.minute;
    case 'second':
      return f.second;
    case 'millisecond':
      return f.second * 1000 + f.millisecond;
    case 'microsecond':
      return (f.second * 1000 + f.millisecond) * 1000;
    case 'epoch':
      return f.wallMs / 1000;
    default:
      return assertNever(field, 'date field');
  }
}
