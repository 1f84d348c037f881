import { MS_PER_DAY } from '../values.js';
import { daysFromCivil } from './calendar.js';
import { SqlRuntimeError } from './errors.js';

/**
 * UTC offsets of IANA time zones, read from the runtime's ICU data through Intl.DateTimeFormat.
 *
 * A "wall time" here is a local date and time encoded as milliseconds since the epoch as if it
 * were UTC, so calendar fields come from plain arithmetic on it (see calendar.ts).
 */

const MS_PER_HOUR = 3_600_000;
/** Hours of offsets cached per zone before the cache is cleared; about 5.7 years of hours. */
const MAX_CACHED_HOURS = 50_000;
/** Marks a cached hour that contains a transition, so its offset is computed per instant. */
const MIXED_HOUR = Number.NaN;

interface ZoneCache {
  readonly formatter: Intl.DateTimeFormat;
  /** Offset in ms for each hour (instant ms / 3,600,000) whose offset is the same throughout. */
  readonly hours: Map<number, number>;
}

const zones = new Map<string, ZoneCache>();

/** True for the names that the fast path treats as UTC without consulting ICU. */
export function isUtc(timeZone: string): boolean {
  return timeZone === 'UTC' || timeZone === 'Etc/UTC' || timeZone === 'GMT' || timeZone === 'Etc/GMT';
}

function zoneCache(timeZone: string): ZoneCache {
  let cache = zones.get(timeZone);
  if (cache) return cache;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch (error) {
    throw new SqlRuntimeError('INVALID_TIME_ZONE', `unknown time zone '${timeZone}'`, {
      hint: "use an IANA zone name such as 'UTC', 'Europe/Berlin' or 'America/New_York'",
      cause: error,
    });
  }
  cache = { formatter, hours: new Map() };
  zones.set(timeZone, cache);
  return cache;
}

/** Throws INVALID_TIME_ZONE unless the runtime's ICU data has `timeZone`. */
export function checkTimeZone(timeZone: string): void {
  if (!isUtc(timeZone)) zoneCache(timeZone);
}

/** Offset in ms computed by ICU for one instant, at the second's resolution that Intl reports. */
function offsetFromIntl(formatter: Intl.DateTimeFormat, instantMs: number): number {
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of formatter.formatToParts(instantMs)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      default:
        break;
    }
  }
  // NOTE: years before 1 CE come back from Intl as positive era years; offsets there are wrong.
  const wallSeconds = daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second;
  return wallSeconds * 1000 - Math.floor(instantMs / 1000) * 1000;
}

/** Offset of `timeZone` from UTC at an instant, in ms (Europe/Berlin in winter: 3,600,000). */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  if (isUtc(timeZone)) return 0;
  const cache = zoneCache(timeZone);
  const hourIndex = Math.floor(instantMs / MS_PER_HOUR);
  const cached = cache.hours.get(hourIndex);
  if (cached !== undefined && !Number.isNaN(cached)) return cached;
  if (cached === undefined) {
    const start = hourIndex * MS_PER_HOUR;
    const atStart = offsetFromIntl(cache.formatter, start);
    const atEnd = offsetFromIntl(cache.formatter, start + MS_PER_HOUR - 1);
    if (cache.hours.size >= MAX_CACHED_HOURS) cache.hours.clear();
    // Zone transitions are far more than an hour apart, so equal offsets at both ends of the hour
    // mean the offset holds for the whole hour.
    cache.hours.set(hourIndex, atStart === atEnd ? atStart : MIXED_HOUR);
    if (atStart === atEnd) return atStart;
  }
  return offsetFromIntl(cache.formatter, instantMs);
}

/** Wall time in `timeZone` of an instant. */
export function instantToWall(instantMs: number, timeZone: string): number {
  return instantMs + zoneOffsetMs(instantMs, timeZone);
}

/**
 * Returns every instant whose wall time in `timeZone` is `wallMs`, earliest first. That is one
 * instant normally, two when clocks go back, and none when clocks skip the wall time. Assumes at
 * most one transition within a day of the wall time.
 */
export function wallToInstants(wallMs: number, timeZone: string): number[] {
  if (isUtc(timeZone)) return [wallMs];
  const offsetBefore = zoneOffsetMs(wallMs - MS_PER_DAY, timeZone);
  const offsetAfter = zoneOffsetMs(wallMs + MS_PER_DAY, timeZone);
  const candidates = offsetBefore === offsetAfter ? [wallMs - offsetBefore] : [wallMs - offsetBefore, wallMs - offsetAfter];
  const valid = candidates.filter((instant) => instant + zoneOffsetMs(instant, timeZone) === wallMs);
  return [...new Set(valid)].sort((a, b) => a - b);
}

/**
 * Converts a wall time in `timeZone` to an instant, resolved like ICU's defaults and so like
 * DuckDB 1.5 with TIMESTAMPTZ. A time repeated when clocks go back maps to its later occurrence.
 * A time that clocks skip is read with the offset before the gap, so America/New_York 02:30 on a
 * spring-forward day becomes 03:30 EDT.
 */
export function wallToInstant(wallMs: number, timeZone: string): number {
  if (isUtc(timeZone)) return wallMs;
  const instants = wallToInstants(wallMs, timeZone);
  if (instants.length > 0) return instants[instants.length - 1]!;
  return wallMs - zoneOffsetMs(wallMs - MS_PER_DAY, timeZone);
}

/** Formats a UTC offset in ms as `+HH:MM`, with `:SS` when it has seconds (historic local mean time). */
export function formatOffset(offsetMs: number, style: 'colon' | 'compact' = 'colon'): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const totalSeconds = Math.abs(Math.round(offsetMs / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const separator = style === 'colon' ? ':' : '';
  let text = `${sign}${pad2(hours)}${separator}${pad2(minutes)}`;
  if (seconds !== 0) text += `${separator}${pad2(seconds)}`;
  return text;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
