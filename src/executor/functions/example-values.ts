import { parseDateText, parseTimestampText } from '../semantics/parse-temporal.js';

/** Readable spellings of TIMESTAMP and DATE results in function examples. */

/** Instant in ms of `YYYY-MM-DD HH:MM:SS[.fff]` read as UTC, or with the offset the text names. */
export function utc(text: string): number {
  const instant = parseTimestampText(text, 'UTC');
  if (instant === undefined) throw new Error(`internal error: bad example timestamp '${text}'`);
  return instant;
}

/** Days since the epoch of `YYYY-MM-DD`. */
export function day(text: string): number {
  const days = parseDateText(text);
  if (days === undefined) throw new Error(`internal error: bad example date '${text}'`);
  return days;
}
