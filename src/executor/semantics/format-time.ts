import type { IntervalValue } from '../values.js';
import { MS_PER_DAY } from '../values.js';
import { civilFromDays } from './calendar.js';
import { formatOffset, zoneOffsetMs } from './time-zone.js';

/** Text forms of DATE, TIMESTAMP and INTERVAL values. */

export function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Year as DuckDB prints it: at least four digits; years before 1 CE become `(BC)` suffixed by the caller. */
function formatYearMonthDay(year: number, month: number, day: number): string {
  if (year <= 0) return `${pad(1 - year, 4)}-${pad(month, 2)}-${pad(day, 2)} (BC)`;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** `YYYY-MM-DD` of a DATE (days since the epoch). */
export function formatDate(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return formatYearMonthDay(year, month, day);
}

/** `HH:MM:SS` plus `.f`, `.ff` or `.fff` without trailing zeros, as DuckDB prints fractions. */
function formatClock(msOfDay: number): string {
  const hours = Math.floor(msOfDay / 3_600_000);
  const minutes = Math.floor(msOfDay / 60_000) % 60;
  const seconds = Math.floor(msOfDay / 1000) % 60;
  const millis = msOfDay % 1000;
  const clock = `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}`;
  return millis === 0 ? clock : `${clock}.${pad(millis, 3).replace(/0+$/, '')}`;
}

/** Splits a wall time (ms as if UTC) into date text and ms of the day. */
function splitWall(wallMs: number): { date: string; msOfDay: number } {
  const days = Math.floor(wallMs / MS_PER_DAY);
  const { year, month, day } = civilFromDays(days);
  return { date: formatYearMonthDay(year, month, day), msOfDay: wallMs - days * MS_PER_DAY };
}

/**
 * Display text of a TIMESTAMP in `timeZone`: `YYYY-MM-DD HH:MM:SS`, with a fraction of up to three
 * digits when the milliseconds are not zero (`.5`, `.12`, `.123`), the way DuckDB casts a
 * TIMESTAMP to VARCHAR. Also the result of CAST(timestamp AS TEXT).
 */
export function formatTimestamp(instantMs: number, timeZone: string): string {
  const { date, msOfDay } = splitWall(instantMs + zoneOffsetMs(instantMs, timeZone));
  const text = `${date.replace(' (BC)', '')} ${formatClock(msOfDay)}`;
  return date.endsWith(' (BC)') ? `${text} (BC)` : text;
}

/**
 * ISO 8601 text of a TIMESTAMP in `timeZone` for JSON output: `YYYY-MM-DDTHH:MM:SS.mmm+HH:MM`,
 * always with three fraction digits and the zone's offset at that instant (`+00:00` for UTC).
 * NOTE: years before 1 CE or after 9999 are written as plain signed numbers, not ISO's expanded form.
 */
export function formatTimestampIso(instantMs: number, timeZone: string): string {
  const offset = zoneOffsetMs(instantMs, timeZone);
  const wall = instantMs + offset;
  const days = Math.floor(wall / MS_PER_DAY);
  const { year, month, day } = civilFromDays(days);
  const msOfDay = wall - days * MS_PER_DAY;
  const hours = Math.floor(msOfDay / 3_600_000);
  const minutes = Math.floor(msOfDay / 60_000) % 60;
  const seconds = Math.floor(msOfDay / 1000) % 60;
  const clock = `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(msOfDay % 1000, 3)}`;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${clock}${formatOffset(offset)}`;
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${Math.abs(count) === 1 ? '' : 's'}`;
}

/**
 * INTERVAL text as DuckDB prints it: `1 year 2 months 3 days 04:05:06.5`, `-01:30:00`,
 * `00:00:00` for an empty interval. Hours are not folded into days (`100:00:00`).
 */
export function formatInterval(interval: IntervalValue): string {
  const parts: string[] = [];
  const years = Math.trunc(interval.months / 12);
  const months = interval.months - years * 12;
  if (years !== 0) parts.push(plural(years, 'year'));
  if (months !== 0) parts.push(plural(months, 'month'));
  if (interval.days !== 0) parts.push(plural(interval.days, 'day'));
  if (interval.ms !== 0 || parts.length === 0) {
    const magnitude = Math.abs(interval.ms);
    const hours = Math.floor(magnitude / 3_600_000);
    const rest = magnitude - hours * 3_600_000;
    const clock = formatClock(rest);
    parts.push(`${interval.ms < 0 ? '-' : ''}${pad(hours, 2)}${clock.slice(2)}`);
  }
  return parts.join(' ');
}
