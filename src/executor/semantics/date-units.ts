import { SqlRuntimeError } from './errors.js';

/** Calendar and clock fields that date_part, EXTRACT and date_trunc name. */
export type DateField =
  | 'millennium'
  | 'century'
  | 'decade'
  | 'year'
  | 'isoyear'
  | 'quarter'
  | 'month'
  | 'week'
  | 'yearweek'
  | 'day'
  | 'dow'
  | 'isodow'
  | 'doy'
  | 'hour'
  | 'minute'
  | 'second'
  | 'millisecond'
  | 'microsecond'
  | 'epoch';

/** Field names and the aliases DuckDB accepts for them, in lower case. */
const FIELD_ALIASES: Readonly<Record<DateField, readonly string[]>> = {
  millennium: ['millennium', 'millennia', 'millenium', 'mil', 'mils'],
  century: ['century', 'centuries', 'cent', 'c'],
  decade: ['decade', 'decades', 'dec', 'decs'],
  year: ['year', 'years', 'y', 'yr', 'yrs'],
  isoyear: ['isoyear'],
  quarter: ['quarter', 'quarters'],
  month: ['month', 'months', 'mon', 'mons'],
  week: ['week', 'weeks', 'w', 'weekofyear'],
  yearweek: ['yearweek'],
  day: ['day', 'days', 'd', 'dayofmonth'],
  dow: ['dow', 'dayofweek', 'weekday'],
  isodow: ['isodow'],
  doy: ['doy', 'dayofyear'],
  hour: ['hour', 'hours', 'h', 'hr', 'hrs'],
  minute: ['minute', 'minutes', 'm', 'min', 'mins'],
  second: ['second', 'seconds', 's', 'sec', 'secs'],
  millisecond: ['millisecond', 'milliseconds', 'ms', 'msec', 'msecs', 'millisecon'],
  microsecond: ['microsecond', 'microseconds', 'us', 'usec', 'usecs', 'microsecon'],
  epoch: ['epoch'],
};

const FIELD_BY_NAME = new Map<string, DateField>(
  (Object.entries(FIELD_ALIASES) as [DateField, readonly string[]][]).flatMap(([field, names]) => names.map((name) => [name, field] as const)),
);

/** Resolves a field name or alias, case-insensitively; undefined when it names no field. */
export function lookupDateField(name: string): DateField | undefined {
  return FIELD_BY_NAME.get(name.trim().toLowerCase());
}

/** Resolves a field name or raises INVALID_ARGUMENT listing the accepted names. */
export function parseDateField(name: string, allowed: readonly DateField[], functionName: string): DateField {
  const field = lookupDateField(name);
  if (field === undefined || !allowed.includes(field)) {
    throw new SqlRuntimeError('INVALID_ARGUMENT', `${functionName}: unknown date field '${name}'`, {
      hint: `use one of ${allowed.join(', ')}`,
    });
  }
  return field;
}
