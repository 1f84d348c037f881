import { checkTimeZone, wallToInstant } from '../executor/semantics/time-zone.js';
import { MS_PER_DAY } from '../executor/values.js';

/**
 * Plan-time conversion of DATE and TIMESTAMP literal text. A TIMESTAMP literal names a wall-clock
 * time in the session's zone, so `TIMESTAMP '2026-11-20 00:00:00'` under Europe/Berlin is
 * 2026-11-19T23:00:00Z. A wall time that a DST change skips or repeats resolves as `wallToInstant` documents.
 */

/** Days since the epoch of `YYYY-MM-DD`, or undefined when the text names no real date. */
export function parseDateLiteral(text: string): number | undefined {
  const match = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return ms / MS_PER_DAY;
}

/** Instant in ms of `YYYY-MM-DD[ HH:MM[:SS[.fff]]]` read in `timeZone`, or undefined when invalid. */
export function parseTimestampLiteral(text: string, timeZone: string): number | undefined {
  const match = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$/.exec(text);
  if (!match) return undefined;
  const days = parseDateLiteral(`${match[1]}-${match[2]}-${match[3]}`);
  if (days === undefined) return undefined;
  const hour = Number(match[4] ?? 0);
  const minute = Number(match[5] ?? 0);
  const second = Number(match[6] ?? 0);
  const millis = Math.floor(Number(`0.${match[7] ?? '0'}`) * 1000);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const wallMs = days * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  const explicitOffset = match[8];
  if (explicitOffset) {
    if (explicitOffset === 'Z') return wallMs;
    const sign = explicitOffset.startsWith('-') ? -1 : 1;
    const digits = explicitOffset.slice(1).replace(':', '');
    return wallMs - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return wallToInstant(wallMs, timeZone);
}

/** Returns true when `timeZone` is an IANA zone name this runtime's Intl data contains. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    checkTimeZone(timeZone);
    return true;
  } catch {
    return false;
  }
}
