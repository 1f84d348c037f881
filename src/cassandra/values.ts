/**
 * Conversion of loader cell values to the values cassandra-driver 4.x encodes for a column type.
 */
import { types } from 'cassandra-driver';
import type { CellValue } from '../loader/sink.js';

/** Encoding options of the client that change which JavaScript types the driver accepts. */
export interface DriverEncoding {
  /** The client was created with `encoding.useBigIntAsLong`: bigint and timestamp take JavaScript bigint. */
  useBigIntAsLong: boolean;
  /** The client was created with `encoding.useBigIntAsVarint`: varint takes JavaScript bigint. */
  useBigIntAsVarint: boolean;
}

const INT_RANGES: Record<string, [number, number]> = {
  int: [-2_147_483_648, 2_147_483_647],
  smallint: [-32_768, 32_767],
  tinyint: [-128, 127],
};

/**
 * Returns a converter from CellValue to the driver value for a column of `cqlType`.
 * A converter throws TypeError or RangeError naming the value when it does not fit the type.
 * null passes through and is written as null.
 */
export function driverValueConverter(cqlType: string, encoding: DriverEncoding): (value: CellValue) => unknown {
  const base = cqlType.trim().toLowerCase();
  const intRange = INT_RANGES[base];
  if (intRange) return (value) => (value === null ? null : toInt(value, base, intRange));

  switch (base) {
    case 'bigint':
    case 'counter':
      return (value) => {
        if (value === null) return null;
        const integer = toBigInt(value, base);
        checkBigintRange(integer);
        return encoding.useBigIntAsLong ? integer : types.Long.fromString(integer.toString());
      };
    case 'varint':
      return (value) => {
        if (value === null) return null;
        const integer = toBigInt(value, base);
        return encoding.useBigIntAsVarint ? integer : types.Integer.fromString(integer.toString());
      };
    case 'timestamp':
      // Milliseconds since the epoch as a number or bigint, or a date-time string.
      return (value) => {
        if (value === null) return null;
        if (typeof value === 'string') return checkedDate(new Date(value), value);
        if (typeof value === 'number' || typeof value === 'bigint') return checkedDate(new Date(Number(value)), value);
        throw new TypeError(`Invalid timestamp ${describe(value)}: expected milliseconds since the epoch or a date-time string.`);
      };
    case 'date':
      return (value) => (value === null ? null : types.LocalDate.fromString(expectString(value, base)));
    case 'uuid':
      return (value) => (value === null ? null : types.Uuid.fromString(expectString(value, base)));
    case 'timeuuid':
      return (value) => (value === null ? null : types.TimeUuid.fromString(expectString(value, base)));
    case 'inet':
      return (value) => (value === null ? null : types.InetAddress.fromString(expectString(value, base)));
    case 'float':
    case 'double':
      return (value) => {
        if (typeof value === 'bigint') return Number(value);
        return value;
      };
    default:
      // text, ascii, varchar, boolean and decimal take the value as it is, and the driver rejects a
      // mismatched JavaScript type with a TypeError.
      return (value) => value;
  }
}

function toInt(value: CellValue, cqlType: string, [min, max]: [number, number]): number {
  const number = typeof value === 'bigint' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number)) {
    throw new TypeError(`Invalid ${cqlType} value ${describe(value)}: expected an integer.`);
  }
  if (number < min || number > max) throw new RangeError(`${cqlType} value ${describe(value)} is outside ${min} to ${max}.`);
  return number;
}

function toBigInt(value: CellValue, cqlType: string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^[+-]?\d+$/.test(value.trim())) return BigInt(value.trim());
  throw new TypeError(`Invalid ${cqlType} value ${describe(value)}: expected an integer.`);
}

const BIGINT_MIN = -(2n ** 63n);
const BIGINT_MAX = 2n ** 63n - 1n;

function checkBigintRange(value: bigint): void {
  if (value < BIGINT_MIN || value > BIGINT_MAX) throw new RangeError(`bigint value ${value} is outside the signed 64-bit range.`);
}

function checkedDate(date: Date, original: CellValue): Date {
  if (Number.isNaN(date.getTime())) throw new TypeError(`Invalid timestamp ${describe(original)}.`);
  return date;
}

function expectString(value: CellValue, cqlType: string): string {
  if (typeof value !== 'string') throw new TypeError(`Invalid ${cqlType} value ${describe(value)}: expected a string.`);
  return value;
}

function describe(value: CellValue): string {
  return typeof value === 'string' ? JSON.stringify(value) : `${String(value)} (${typeof value})`;
}
