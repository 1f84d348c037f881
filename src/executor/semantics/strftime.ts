import { MS_PER_DAY } from '../values.js';
import { dayOfWeek, dayOfYear, isoDayOfWeek, isoWeek } from './calendar.js';
import { SqlRuntimeError } from './errors.js';
import { pad } from './format-time.js';
import { formatOffset, zoneOffsetMs } from './time-zone.js';
import { fieldsOfWall, type ZonedFields } from './zoned-time.js';

/**
 * strftime format strings, compiled once. The specifiers follow DuckDB 1.5, plus `%e` (day of the
 * month padded with a space, from C) which DuckDB lacks. A `-` after `%` drops the zero padding
 * of a numeric field (`%-d`). `%z` prints the offset like DuckDB (`+00`, `-05`, `+05:30`) and `%Z`
 * the zone name. For a DATE, %z prints `+00` and %Z prints nothing.
 */

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface FormatInput {
  readonly fields: ZonedFields;
  readonly offsetMs: number;
  /** Zone name for %Z; empty for a DATE. */
  readonly zoneName: string;
}

type Piece = string | ((input: FormatInput) => string);

/** A compiled format: call it with an instant or a date. */
export interface StrftimeFormatter {
  formatTimestamp(instantMs: number, timeZone: string): string;
  formatDate(days: number): string;
}

function numeric(width: number, read: (f: ZonedFields) => number): { padded: Piece; unpadded: Piece } {
  return {
    padded: ({ fields }) => pad(read(fields), width),
    unpadded: ({ fields }) => String(read(fields)),
  };
}

function hour12(f: ZonedFields): number {
  return f.hour % 12 === 0 ? 12 : f.hour % 12;
}

/**
 * Returns the week of the year, with weeks starting on `firstDay` (0 Sunday for %U, 1 Monday for
 * %W). Days before the year's first such day are in week 0.
 */
function weekOfYear(f: ZonedFields, firstDay: number): number {
  const zeroBasedDay = dayOfYear(f.days) - 1;
  const daysSinceWeekStart = (dayOfWeek(f.days) - firstDay + 7) % 7;
  return Math.floor((zeroBasedDay + 7 - daysSinceWeekStart) / 7);
}

/** DuckDB prints %z as `+HH` when the offset has whole hours, else `+HH:MM`. */
function duckdbOffset(offsetMs: number): string {
  const text = formatOffset(offsetMs);
  return text.endsWith(':00') && text.length === 6 ? text.slice(0, 3) : text;
}

const NUMERIC_SPECIFIERS: Readonly<Record<string, { padded: Piece; unpadded: Piece }>> = {
  d: numeric(2, (f) => f.day),
  m: numeric(2, (f) => f.month),
  y: numeric(2, (f) => ((f.year % 100) + 100) % 100),
  H: numeric(2, (f) => f.hour),
  I: numeric(2, hour12),
  M: numeric(2, (f) => f.minute),
  S: numeric(2, (f) => f.second),
  j: numeric(3, (f) => dayOfYear(f.days)),
  U: numeric(2, (f) => weekOfYear(f, 0)),
  W: numeric(2, (f) => weekOfYear(f, 1)),
  V: numeric(2, (f) => isoWeek(f.days).week),
};

const OTHER_SPECIFIERS: Readonly<Record<string, Piece>> = {
  Y: ({ fields }) => (fields.year < 0 ? `-${pad(-fields.year, 4)}` : pad(fields.year, 4)),
  G: ({ fields }) => pad(isoWeek(fields.days).isoYear, 4),
  e: ({ fields }) => String(fields.day).padStart(2, ' '),
  a: ({ fields }) => DAY_NAMES[dayOfWeek(fields.days)]!.slice(0, 3),
  A: ({ fields }) => DAY_NAMES[dayOfWeek(fields.days)]!,
  b: ({ fields }) => MONTH_NAMES[fields.month - 1]!.slice(0, 3),
  h: ({ fields }) => MONTH_NAMES[fields.month - 1]!.slice(0, 3),
  B: ({ fields }) => MONTH_NAMES[fields.month - 1]!,
  p: ({ fields }) => (fields.hour < 12 ? 'AM' : 'PM'),
  w: ({ fields }) => String(dayOfWeek(fields.days)),
  u: ({ fields }) => String(isoDayOfWeek(fields.days)),
  f: ({ fields }) => pad(fields.millisecond * 1000, 6),
  g: ({ fields }) => pad(fields.millisecond, 3),
  n: ({ fields }) => pad(fields.millisecond * 1_000_000, 9),
  z: ({ offsetMs }) => duckdbOffset(offsetMs),
  Z: ({ zoneName }) => zoneName,
  x: ({ fields }) => `${pad(fields.year, 4)}-${pad(fields.month, 2)}-${pad(fields.day, 2)}`,
  X: ({ fields }) => `${pad(fields.hour, 2)}:${pad(fields.minute, 2)}:${pad(fields.second, 2)}`,
  T: ({ fields }) => `${pad(fields.hour, 2)}:${pad(fields.minute, 2)}:${pad(fields.second, 2)}`,
  c: ({ fields }) => `${pad(fields.year, 4)}-${pad(fields.month, 2)}-${pad(fields.day, 2)} ${pad(fields.hour, 2)}:${pad(fields.minute, 2)}:${pad(fields.second, 2)}`,
  '%': '%',
};

function invalidFormat(format: string, detail: string): SqlRuntimeError {
  return new SqlRuntimeError('INVALID_PATTERN', `strftime: invalid format '${format}': ${detail}`, {
    hint: 'specifiers include %Y %m %d %H %M %S %f %j %a %A %b %B %y %e %p %I %z %Z and %% for a literal %',
  });
}

/** Parses a strftime format; raises INVALID_PATTERN for an unknown specifier or a trailing `%`. */
export function compileStrftime(format: string): StrftimeFormatter {
  const pieces: Piece[] = [];
  let literal = '';
  for (let i = 0; i < format.length; i++) {
    const char = format[i]!;
    if (char !== '%') {
      literal += char;
      continue;
    }
    let specifier = format[i + 1];
    let unpadded = false;
    if (specifier === '-') {
      unpadded = true;
      specifier = format[i + 2];
    }
    if (specifier === undefined) throw invalidFormat(format, 'it ends with %');
    i += unpadded ? 2 : 1;
    const numericPiece = NUMERIC_SPECIFIERS[specifier];
    let piece: Piece | undefined;
    if (numericPiece) piece = unpadded ? numericPiece.unpadded : numericPiece.padded;
    else if (!unpadded) piece = OTHER_SPECIFIERS[specifier];
    if (piece === undefined) throw invalidFormat(format, `unknown specifier %${unpadded ? '-' : ''}${specifier}`);
    if (typeof piece === 'string') {
      literal += piece;
      continue;
    }
    if (literal !== '') pieces.push(literal);
    literal = '';
    pieces.push(piece);
  }
  if (literal !== '') pieces.push(literal);

  const render = (input: FormatInput): string => {
    let out = '';
    for (const piece of pieces) out += typeof piece === 'string' ? piece : piece(input);
    return out;
  };
  return {
    formatTimestamp(instantMs, timeZone) {
      const offsetMs = zoneOffsetMs(instantMs, timeZone);
      return render({ fields: fieldsOfWall(instantMs + offsetMs), offsetMs, zoneName: timeZone });
    },
    formatDate(days) {
      return render({ fields: fieldsOfWall(days * MS_PER_DAY), offsetMs: 0, zoneName: '' });
    },
  };
}
