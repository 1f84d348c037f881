import { SqlRuntimeError } from './errors.js';
import { checkInt64, type BigintValue } from './integer.js';

/**
 * Conversions between numbers and text, and between DOUBLE and BIGINT, following DuckDB 1.5.
 */

/**
 * Formats a DOUBLE as DuckDB prints it, with the shortest digits that read back to the same double.
 * When the decimal exponent is from -4 to 15 the text is fixed notation with at least one fraction
 * digit (`100.0`, `0.0001`). Otherwise it is scientific notation with a two-digit exponent
 * (`1e+16`, `1e-05`). Special values print as `nan`, `inf` and `-inf`.
 */
export function formatDouble(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';

  const sign = value < 0 ? '-' : '';
  const [mantissa, exponentText] = Math.abs(value).toExponential().split('e') as [string, string];
  const exponent = Number(exponentText);
  const digits = mantissa.replace('.', '');
  if (exponent >= -4 && exponent < 16) {
    if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
    const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
    const fraction = digits.slice(exponent + 1);
    return `${sign}${whole}.${fraction === '' ? '0' : fraction}`;
  }
  const exponentDigits = String(Math.abs(exponent)).padStart(2, '0');
  return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${exponentDigits}`;
}

function invalidNumber(text: string, type: 'BIGINT' | 'DOUBLE', detail: string): SqlRuntimeError {
  return new SqlRuntimeError('INVALID_CAST', `cannot cast '${text}' to ${type}: ${detail}`, {
    hint: type === 'BIGINT' ? 'the text must be an integer such as 42, -7 or 1e3' : 'the text must be a number such as 1.5, -2 or 1e-3',
  });
}

const INTEGER_TEXT = /^[+-]?\d+(?:_\d+)*$/;
const DECIMAL_TEXT = /^([+-]?)(\d+(?:_\d+)*)?(?:\.(\d+(?:_\d+)*)?)?(?:[eE]([+-]?\d+))?$/;

/**
 * Parses BIGINT text like DuckDB: surrounding whitespace, a sign, `_` between digits, `0x` hex and
 * `0b` binary (unsigned), and decimal or exponent forms rounded half away from zero
 * ('12.5' is 13, '1e3' is 1000). Raises INVALID_CAST for anything else or a value beyond 64 bits.
 */
export function parseBigintText(text: string): BigintValue {
  const trimmed = text.trim();
  let value: bigint;
  if (INTEGER_TEXT.test(trimmed)) {
    value = BigInt(trimmed.replaceAll('_', ''));
  } else if (/^0[xX][0-9a-fA-F]+$/.test(trimmed) || /^0[bB][01]+$/.test(trimmed)) {
    value = BigInt(trimmed);
  } else {
    const match = DECIMAL_TEXT.exec(trimmed);
    if (!match || (match[2] === undefined && match[3] === undefined)) throw invalidNumber(text, 'BIGINT', 'it is not an integer');
    value = roundDecimal(match[1] === '-', (match[2] ?? '').replaceAll('_', ''), (match[3] ?? '').replaceAll('_', ''), Number(match[4] ?? 0), text);
  }
  try {
    return checkInt64(value, () => `'${text}'`);
  } catch {
    throw invalidNumber(text, 'BIGINT', 'it is outside the signed 64-bit range');
  }
}

/** Rounds sign, integer digits, fraction digits and a decimal exponent to the nearest integer, half away from zero. */
function roundDecimal(negative: boolean, whole: string, fraction: string, exponent: number, text: string): bigint {
  if (exponent > 40) throw invalidNumber(text, 'BIGINT', 'it is outside the signed 64-bit range');
  let digits = whole + fraction;
  let pointPosition = whole.length + exponent;
  if (pointPosition < 0) {
    digits = '0'.repeat(-pointPosition) + digits;
    pointPosition = 0;
  }
  const integerDigits = digits.slice(0, pointPosition).padEnd(pointPosition, '0');
  const firstDropped = digits[pointPosition] ?? '0';
  let magnitude = BigInt(integerDigits === '' ? '0' : integerDigits);
  if (firstDropped >= '5') magnitude += 1n;
  return negative ? -magnitude : magnitude;
}

const DOUBLE_TEXT = /^[+-]?(?:\d+(?:_\d+)*(?:\.(?:\d+(?:_\d+)*)?)?|\.\d+(?:_\d+)*)(?:[eE][+-]?\d+)?$/;

/** Parses DOUBLE text: decimal and exponent forms, `_` between digits, inf, infinity and nan in any case. */
export function parseDoubleText(text: string): number {
  const trimmed = text.trim();
  if (DOUBLE_TEXT.test(trimmed)) return Number(trimmed.replaceAll('_', ''));
  const special = trimmed.toLowerCase().replace(/^\+/, '');
  if (special === 'inf' || special === 'infinity') return Infinity;
  if (special === '-inf' || special === '-infinity') return -Infinity;
  if (special === 'nan' || special === '-nan') return Number.NaN;
  throw invalidNumber(text, 'DOUBLE', 'it is not a number');
}

/**
 * DOUBLE to BIGINT, rounding half to even as DuckDB 1.5 does for this cast (2.5 gives 2, 3.5
 * gives 4). Text to BIGINT rounds half away from zero instead (see `parseBigintText`).
 * Raises INVALID_CAST for NaN, infinities and values beyond 64 bits.
 */
export function doubleToBigint(value: number): BigintValue {
  if (!Number.isFinite(value)) throw invalidConversion(value);
  let rounded = Math.round(value);
  // Math.round rounds halves up; move exact halves that landed on an odd integer back to even.
  if (rounded - value === 0.5 && rounded % 2 !== 0) rounded -= 1;
  if (Number.isSafeInteger(rounded)) return rounded + 0;
  try {
    return checkInt64(BigInt(rounded), () => String(value));
  } catch {
    throw invalidConversion(value);
  }
}

function invalidConversion(value: number): SqlRuntimeError {
  return new SqlRuntimeError('INVALID_CAST', `cannot cast DOUBLE ${formatDouble(value)} to BIGINT: it is outside the signed 64-bit range`, {
    hint: 'filter out NaN and infinite values, or keep the column as DOUBLE',
  });
}

/** Rounds half away from zero, as DuckDB's round() does for DOUBLE. */
export function roundHalfAwayFromZero(value: number): number {
  return value < 0 ? -Math.round(-value) : Math.round(value);
}
