import { MS_PER_DAY } from '../values.js';
import { civilFromDays, daysFromCivil, type CivilDate } from './calendar.js';
import { instantToWall, wallToInstant } from './time-zone.js';

/** Calendar and clock fields of an instant as seen in one time zone. */
export interface ZonedFields extends CivilDate {
  /** Day number (days since 1970-01-01) of the local date. */
  readonly days: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  /** Local wall time as ms since the epoch as if it were UTC. */
  readonly wallMs: number;
}

/** Local calendar fields of an instant in `timeZone`; UTC needs no zone lookup. */
export function zonedFields(instantMs: number, timeZone: string): ZonedFields {
  return fieldsOfWall(instantToWall(instantMs, timeZone));
}

/** Calendar fields of a wall time. */
export function fieldsOfWall(wallMs: number): ZonedFields {
  const days = Math.floor(wallMs / MS_PER_DAY);
  const timeOfDay = wallMs - days * MS_PER_DAY;
  const { year, month, day } = civilFromDays(days);
  return {
    year,
    month,
    day,
    days,
    hour: Math.floor(timeOfDay / 3_600_000),
    minute: Math.floor(timeOfDay / 60_000) % 60,
    second: Math.floor(timeOfDay / 1000) % 60,
    millisecond: timeOfDay % 1000,
    wallMs,
  };
}

/** Local date (day number) of an instant in `timeZone`: the TIMESTAMP to DATE conversion. */
export function dateOfInstant(instantMs: number, timeZone: string): number {
  return Math.floor(instantToWall(instantMs, timeZone) / MS_PER_DAY);
}

/**
 * First instant of a local date in `timeZone`: the DATE to TIMESTAMP conversion. On a day whose
 * midnight a DST change skips (America/Sao_Paulo, 2018-11-04), that is the first instant after the gap.
 */
export function startOfDay(days: number, timeZone: string): number {
  return wallToInstant(days * MS_PER_DAY, timeZone);
}

/** Instant of a local date and time in `timeZone`. */
export function instantOfLocal(year: number, month: number, day: number, hour: number, minute: number, second: number, millisecond: number, timeZone: string): number {
  const wall = daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millisecond;
  return wallToInstant(wall, timeZone);
}
