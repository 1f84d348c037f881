import { isIP } from 'node:net';
import type { ColumnDef } from '../catalog/table.js';
import { cellKindOfCql, type CellKind } from './cell-kind.js';
import type { CellValue } from './sink.js';

/** The converted value, or why the input does not fit the column. */
export type Conversion =
  | { readonly ok: true; readonly value: CellValue }
  | { readonly ok: false; readonly reason: string };

/**
 * Converts one input value (a CSV field, or a JSON value from NDJSON) to a column's CQL type.
 * `undefined` means the input has no value for the column.
 */
export type Converter = (input: unknown) => Conversion;

const INTEGER_TEXT = /^[+-]?\d+$/;
/** Integers of at most 15 digits, which a double represents exactly. */
const SHORT_INTEGER_TEXT = /^[+-]?\d{1,15}$/;
const DECIMAL_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const UUID_TEXT = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const INT_RANGES = {
  int32: [-2147483648, 2147483647],
  int16: [-32768, 32767],
  int8: [-128, 127],
} as const;

/**
 * Builds the converter of a column.
 *
 * Empty or absent input: a key column rejects it, a text or ascii column stores the empty string
 * (absent input stores null), and any other column stores null. Text is trimmed before parsing
 * numbers, booleans, dates, UUIDs and addresses, never for text columns.
 */
export function columnConverter(column: ColumnDef): Converter {
  const kind = cellKindOfCql(column.cqlType);
  const isKey = column.kind !== 'regular';
  const convertPresent = presentConverter(kind, column.cqlType);

  return (input) => {
    if (input === undefined || input === null) {
      return isKey ? fail(`missing value for key column "${column.name}"`) : ok(null);
    }
    if (input === '') {
      if (isKey) return fail(`empty value for key column "${column.name}"`);
      return ok(kind === 'text' || kind === 'ascii' ? '' : null);
    }
    const result = convertPresent(input);
    return result.ok ? result : fail(`column "${column.name}" (${column.cqlType}): ${result.reason}`);
  };
}

function presentConverter(kind: CellKind, cqlType: string): Converter {
  switch (kind) {
    case 'int32':
    case 'int16':
    case 'int8': {
      const [min, max] = INT_RANGES[kind];
      return (input) => {
        let value: number;
        const text = typeof input === 'string' ? input.trim() : undefined;
        if (text !== undefined && SHORT_INTEGER_TEXT.test(text)) {
          // Parsing as a double is exact at this length and allocates no bigint. `|| 0` turns -0 into 0.
          value = Number(text) || 0;
        } else {
          const exact = toBigInt(input);
          if (typeof exact === 'string') return fail(exact);
          if (exact < BigInt(min) || exact > BigInt(max)) return fail(`${exact} is outside ${min}..${max}`);
          value = Number(exact);
        }
        if (value < min || value > max) return fail(`${value} is outside ${min}..${max}`);
        return ok(value);
      };
    }
    case 'int64':
    case 'varint':
      // NOTE: varint is limited to 64 bits because the embedded store keeps integers in SQLite's
      // 64-bit INTEGER, although Cassandra itself accepts longer varints.
      return (input) => {
        const value = toBigInt(input);
        if (typeof value === 'string') return fail(value);
        if (value < INT64_MIN || value > INT64_MAX) return fail(`${value} is outside the 64-bit range`);
        return ok(value);
      };
    case 'timestamp':
      return convertTimestamp;
    case 'double':
      return convertDouble;
    case 'boolean':
      return convertBoolean;
    case 'text':
      return (input) => toText(input);
    case 'ascii':
      return (input) => {
        const text = toText(input);
        if (!text.ok) return text;
        return /^[\x00-\x7f]*$/.test(text.value as string) ? text : fail('contains a character outside ASCII');
      };
    case 'uuid':
      return (input) => {
        if (typeof input !== 'string' || !UUID_TEXT.test(input.trim())) return fail(`${describe(input)} is not a UUID`);
        return ok(input.trim().toLowerCase());
      };
    case 'inet':
      return (input) => {
        if (typeof input !== 'string' || isIP(input.trim()) === 0) return fail(`${describe(input)} is not an IP address`);
        return ok(input.trim());
      };
    case 'date':
      return convertDate;
    case 'json':
      return convertJson;
    case 'unsupported':
      return () => fail(`values of type ${cqlType} cannot be loaded`);
  }
}

/**
 * Parses an exact integer from decimal text, a JSON integer within 2^53, or a bigint. Returns the
 * reason as a string on failure.
 */
function toBigInt(input: unknown): bigint | string {
  if (typeof input === 'bigint') return input;
  if (typeof input === 'number') {
    if (!Number.isInteger(input)) return `${input} is not an integer`;
    if (!Number.isSafeInteger(input)) {
      return `${input} is beyond 2^53, where JSON numbers lose digits; write it as a string`;
    }
    return BigInt(input);
  }
  if (typeof input === 'string') {
    const text = input.trim();
    if (!INTEGER_TEXT.test(text)) return `${describe(input)} is not an integer`;
    return BigInt(text);
  }
  return `${describe(input)} is not an integer`;
}

/** Converts milliseconds since the epoch or an ISO 8601 date-time to bigint milliseconds. */
function convertTimestamp(input: unknown): Conversion {
  if (typeof input === 'string' && !INTEGER_TEXT.test(input.trim())) {
    const ms = Date.parse(input.trim());
    return Number.isNaN(ms) ? fail(`${describe(input)} is not a timestamp`) : ok(BigInt(ms));
  }
  const value = toBigInt(input);
  if (typeof value === 'string') return fail(value);
  if (value < INT64_MIN || value > INT64_MAX) return fail(`${value} is outside the 64-bit range`);
  return ok(value);
}

function convertDouble(input: unknown): Conversion {
  if (typeof input === 'number') return ok(input);
  if (typeof input !== 'string') return fail(`${describe(input)} is not a number`);
  const text = input.trim();
  if (DECIMAL_TEXT.test(text)) return ok(Number(text));
  // CQL spells the special values NaN and Infinity.
  if (text === 'NaN' || text === 'Infinity' || text === '+Infinity' || text === '-Infinity') return ok(Number(text));
  return fail(`${describe(input)} is not a number`);
}

function convertBoolean(input: unknown): Conversion {
  if (typeof input === 'boolean') return ok(input);
  if (typeof input === 'string') {
    switch (input.trim().toLowerCase()) {
      case 'true':
      case '1':
        return ok(true);
      case 'false':
      case '0':
        return ok(false);
    }
  }
  return fail(`${describe(input)} is not a boolean (true, false, 1 or 0)`);
}

function convertDate(input: unknown): Conversion {
  const match = typeof input === 'string' ? DATE_TEXT.exec(input.trim()) : null;
  if (match === null) return fail(`${describe(input)} is not a date as YYYY-MM-DD`);
  const [, year, month, day] = match;
  const ms = Date.UTC(Number(year), Number(month) - 1, Number(day));
  const canonical = new Date(ms).toISOString().slice(0, 10);
  return canonical === match[0] ? ok(canonical) : fail(`${describe(input)} is not a calendar date`);
}

/**
 * Checks JSON text for collections and user-defined types and keeps it as given. A JSON value
 * from NDJSON is serialized.
 */
function convertJson(input: unknown): Conversion {
  if (typeof input !== 'string') return ok(JSON.stringify(input));
  try {
    JSON.parse(input);
    return ok(input);
  } catch {
    return fail(`${describe(input)} is not valid JSON`);
  }
}

/**
 * Converts input for text columns: strings as they are, a number or boolean from NDJSON as its
 * text, and an object as its JSON.
 */
function toText(input: unknown): Conversion {
  switch (typeof input) {
    case 'string':
      return ok(input);
    case 'number':
    case 'boolean':
    case 'bigint':
      return ok(String(input));
    case 'object':
      return ok(JSON.stringify(input));
    default:
      return fail(`${describe(input)} is not text`);
  }
}

function describe(input: unknown): string {
  const text = typeof input === 'string' || typeof input === 'object' ? JSON.stringify(input) : String(input);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function ok(value: CellValue): Conversion {
  return { ok: true, value };
}

function fail(reason: string): Conversion {
  return { ok: false, reason };
}
