import { MS_PER_DAY } from '../values.js';
import { daysFromCivil, isValidCivil } from './calendar.js';
import { isUtc, wallToInstant, checkTimeZone } from './time-zone.js';

/**
 * DATE and TIMESTAMP text as CAST reads it. Results are undefined for text that does not match,
 * so the caller can phrase the error.
 */

const DATE_TEXT = /^\s*(\d{1,6})-(\d{1,2})-(\d{1,2})\s*$/;

/** Days since the epoch of `YYYY-MM-DD` (one-digit month and day allowed), or undefined. */
export function parseDateText(text: string): number | undefined {
  const match = DATE_TEXT.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (!isValidCivil(year, month, day)) return undefined;
  return daysFromCivil(year, month, day);
}

const TIMESTAMP_TEXT =
  /^\s*(\d{1,6})-(\d{1,2})-(\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{1,2}(?::?\d{2}(?::?\d{2})?)?|[A-Za-z][A-Za-z0-9_+\-/]*)?\s*$/;

/** Offset in ms of `+HH`, `+HH:MM`, `+HHMM` or `+HH:MM:SS`. */
function parseOffset(text: string): number {
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replaceAll(':', '');
  const hourDigits = digits.length % 2 === 1 ? 1 : 2;
  const hours = Number(digits.slice(0, hourDigits));
  const minutes = Number(digits.slice(hourDigits, hourDigits + 2) || 0);
  const seconds = Number(digits.slice(hourDigits + 2, hourDigits + 4) || 0);
  return sign * ((hours * 60 + minutes) * 60 + seconds) * 1000;
}

/**
 * Parses `YYYY-MM-DD[( |T)HH:MM[:SS[.fraction]]][zone]` to an instant. Without a zone the text is
 * a wall time in `timeZone`. The zone may be `Z`, `UTC`, an offset such as `+02`, `+05:30` or
 * `-0800`, or an IANA name such as `Europe/Berlin`.
 * NOTE: fraction digits past milliseconds are dropped, because TIMESTAMP keeps milliseconds.
 */
export function parseTimestampText(text: string, timeZone: string): number | undefined {
  const match = TIMESTAMP_TEXT.exec(text);
  if (!match) return undefined;
  const [, yearText, monthText, dayText, hourText, minuteText, secondText, fraction, zone] = match;
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  const hour = Number(hourText ?? 0);
  const minute = Number(minuteText ?? 0);
  const second = Number(secondText ?? 0);
  if (!isValidCivil(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  const millis = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  const wall = daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millis;

  if (zone === undefined) return wallToInstant(wall, timeZone);
  if (zone === 'Z' || zone.toUpperCase() === 'UTC' || isUtc(zone)) return wall;
  if (zone.startsWith('+') || zone.startsWith('-')) return wall - parseOffset(zone);
  try {
    checkTimeZone(zone);
  } catch {
    return undefined;
  }
  return wallToInstant(wall, zone);
}
