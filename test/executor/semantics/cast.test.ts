import { describe, expect, test } from 'vitest';
import { castValue, resolveCast, valueToText, type CastTarget } from '../../../src/executor/semantics/cast.js';
import { SqlRuntimeError } from '../../../src/executor/semantics/errors.js';
import { doubleToBigint, formatDouble, parseBigintText, parseDoubleText } from '../../../src/executor/semantics/numbers.js';
import type { ExprType } from '../../../src/executor/semantics/types.js';
import { JSON_NULL, type Value } from '../../../src/executor/values.js';

const UTC = { timeZone: 'UTC' };
const BERLIN = { timeZone: 'Europe/Berlin' };

function errorOf(action: () => unknown): SqlRuntimeError {
  try {
    action();
  } catch (error) {
    if (error instanceof SqlRuntimeError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('TEXT to BIGINT', () => {
  test.each<[string, number | bigint]>([
    ['42', 42],
    [' 12 ', 12],
    ['+5', 5],
    ['-7', -7],
    ['  -0 ', 0],
    ['1_000', 1000],
    ['1e3', 1000],
    ['0.5e1', 5],
    ['12.5', 13],
    ['-1.5', -2],
    ['1.4999', 1],
    ['2.5', 3],
    ['1e-1', 0],
    ['1.', 1],
    ['0x1F', 31],
    ['0b101', 5],
    ['9007199254740993', 9007199254740993n],
    ['9223372036854775807', 9223372036854775807n],
    ['-9223372036854775808', -9223372036854775808n],
    ['5e18', 5000000000000000000n],
  ])('%s', (text, expected) => {
    expect(parseBigintText(text)).toBe(expected);
  });

  test.each<[string, RegExp]>([
    ['abc', /cannot cast 'abc' to BIGINT: it is not an integer/],
    ['', /it is not an integer/],
    ['1__0', /it is not an integer/],
    ['_1', /it is not an integer/],
    ['0x', /it is not an integer/],
    ['-0x1F', /it is not an integer/],
    ['9223372036854775808', /outside the signed 64-bit range/],
    ['1e40', /outside the signed 64-bit range/],
  ])('%s is rejected', (text, message) => {
    const error = errorOf(() => parseBigintText(text));
    expect(error.code).toBe('INVALID_CAST');
    expect(error.message).toMatch(message);
  });
});

describe('TEXT to DOUBLE', () => {
  test.each<[string, number]>([
    ['1.5', 1.5],
    [' 1.5e3 ', 1500],
    ['.5', 0.5],
    ['+7', 7],
    ['1_000.5', 1000.5],
    ['inf', Infinity],
    ['-Infinity', -Infinity],
    ['1e400', Infinity],
  ])('%s', (text, expected) => {
    expect(parseDoubleText(text)).toBe(expected);
  });

  test('nan', () => {
    expect(parseDoubleText('NaN')).toBeNaN();
  });

  test.each(['abc', '', '0x10', '1e', '--1'])('%s is rejected', (text) => {
    expect(errorOf(() => parseDoubleText(text)).message).toMatch(/to DOUBLE: it is not a number/);
  });
});

describe('DOUBLE to BIGINT', () => {
  test.each<[number, number | bigint]>([
    [2.5, 2],
    [3.5, 4],
    [0.5, 0],
    [-0.5, 0],
    [-1.5, -2],
    [-2.5, -2],
    [2.4999, 2],
    [1e18, 1000000000000000000n],
    [-9223372036854775808, -9223372036854775808n],
  ])('%s rounds half to even', (value, expected) => {
    expect(doubleToBigint(value)).toBe(expected);
  });

  test.each([9223372036854775808, 1e19, Number.NaN, Infinity, -Infinity])('%s is out of range', (value) => {
    expect(errorOf(() => doubleToBigint(value)).message).toMatch(/outside the signed 64-bit range/);
  });
});

describe('DOUBLE to TEXT', () => {
  test.each<[number, string]>([
    [100, '100.0'],
    [0.1, '0.1'],
    [1e20, '1e+20'],
    [1e-7, '1e-07'],
    [0.0001, '0.0001'],
    [1e-5, '1e-05'],
    [123456789012345680000, '1.2345678901234568e+20'],
    [1 / 3, '0.3333333333333333'],
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
    [Number.NaN, 'nan'],
    [0, '0.0'],
    [-0, '-0.0'],
    [1e15, '1000000000000000.0'],
    [1e16, '1e+16'],
    [12345.678, '12345.678'],
    [1.5e300, '1.5e+300'],
    [5e-324, '5e-324'],
    [-2.5, '-2.5'],
  ])('%s', (value, expected) => {
    expect(formatDouble(value)).toBe(expected);
  });
});

describe('castValue', () => {
  test.each<[string, Value, ExprType, CastTarget, Value]>([
    ['NULL to anything', null, 'TEXT', 'BIGINT', null],
    ['untyped NULL', null, 'NULL', 'DATE', null],
    ['true to BIGINT', true, 'BOOLEAN', 'BIGINT', 1],
    ['false to DOUBLE', false, 'BOOLEAN', 'DOUBLE', 0],
    ['true to TEXT', true, 'BOOLEAN', 'TEXT', 'true'],
    ['BIGINT to BOOLEAN', 2, 'BIGINT', 'BOOLEAN', true],
    ['BIGINT 0 to BOOLEAN', 0, 'BIGINT', 'BOOLEAN', false],
    ['bigint to TEXT', 9007199254740993n, 'BIGINT', 'TEXT', '9007199254740993'],
    ['bigint to DOUBLE', 9007199254740993n, 'BIGINT', 'DOUBLE', 9007199254740992],
    ['DOUBLE to BOOLEAN', 0.5, 'DOUBLE', 'BOOLEAN', true],
    ['DOUBLE to TEXT', 2.5, 'DOUBLE', 'TEXT', '2.5'],
    ["'yes' to BOOLEAN", 'yes', 'TEXT', 'BOOLEAN', true],
    ["'T' to BOOLEAN", 'T', 'TEXT', 'BOOLEAN', true],
    ["'n' to BOOLEAN", 'n', 'TEXT', 'BOOLEAN', false],
    ["'0' to BOOLEAN", '0', 'TEXT', 'BOOLEAN', false],
    ['TEXT to DATE', '2024-03-05', 'TEXT', 'DATE', 19787],
    ['TEXT to DATE with one-digit fields', '2024-3-5', 'TEXT', 'DATE', 19787],
    ['TEXT to DATE with spaces', ' 2024-03-05 ', 'TEXT', 'DATE', 19787],
    ['TEXT to TIMESTAMP', '2024-03-05 10:11:12', 'TEXT', 'TIMESTAMP', Date.UTC(2024, 2, 5, 10, 11, 12)],
    ['TEXT to TIMESTAMP with T', '2024-03-05T10:11:12.5', 'TEXT', 'TIMESTAMP', Date.UTC(2024, 2, 5, 10, 11, 12, 500)],
    ['TEXT to TIMESTAMP date only', '2024-03-05', 'TEXT', 'TIMESTAMP', Date.UTC(2024, 2, 5)],
    ['TEXT to TIMESTAMP without seconds', '2024-03-05 10:11', 'TEXT', 'TIMESTAMP', Date.UTC(2024, 2, 5, 10, 11)],
    ['TEXT to TIMESTAMP with Z', '2024-03-05 10:11:12Z', 'TEXT', 'TIMESTAMP', Date.UTC(2024, 2, 5, 10, 11, 12)],
    ['TEXT to TIMESTAMP with offset', '2024-03-05 10:11:12+02', 'TEXT', 'TIMESTAMP', Date.UTC(2024, 2, 5, 8, 11, 12)],
    ['TEXT to TIMESTAMP with half-hour offset', '2024-03-05 10:11:12+02:30', 'TEXT', 'TIMESTAMP', Date.UTC(2024, 2, 5, 7, 41, 12)],
    ['TEXT to TIMESTAMP with zone name', '2024-03-05 10:11:12 Europe/Berlin', 'TEXT', 'TIMESTAMP', Date.UTC(2024, 2, 5, 9, 11, 12)],
    ['TEXT to TIMESTAMP drops microseconds', '2024-03-05 10:11:12.123456', 'TEXT', 'TIMESTAMP', Date.UTC(2024, 2, 5, 10, 11, 12, 123)],
    ['TEXT to JSON', '{"a": [1, null]}', 'TEXT', 'JSON', { a: [1, JSON_NULL] }],
    ['TEXT null to JSON', 'null', 'TEXT', 'JSON', JSON_NULL],
    ['TEXT to INTERVAL', '1 day 02:00:00', 'TEXT', 'INTERVAL', { months: 0, days: 1, ms: 7_200_000 }],
    ['DATE to TEXT', 19787, 'DATE', 'TEXT', '2024-03-05'],
    ['DATE to TIMESTAMP in UTC', 19787, 'DATE', 'TIMESTAMP', Date.UTC(2024, 2, 5)],
    ['DATE to JSON', 19787, 'DATE', 'JSON', '2024-03-05'],
    ['TIMESTAMP to DATE in UTC', Date.UTC(2024, 2, 5, 23, 30), 'TIMESTAMP', 'DATE', 19787],
    ['TIMESTAMP to TEXT', Date.UTC(2024, 2, 5, 10, 11, 12), 'TIMESTAMP', 'TEXT', '2024-03-05 10:11:12'],
    ['TIMESTAMP to TEXT with fraction', Date.UTC(2024, 2, 5, 10, 11, 12, 120), 'TIMESTAMP', 'TEXT', '2024-03-05 10:11:12.12'],
    ['TIMESTAMP to JSON', Date.UTC(2024, 2, 5, 10, 11, 12), 'TIMESTAMP', 'JSON', '2024-03-05T10:11:12.000+00:00'],
    ['JSON object to TEXT', { a: 1, b: [1, 2] }, 'JSON', 'TEXT', '{"a":1,"b":[1,2]}'],
    ['JSON string to TEXT keeps quotes', 'x', 'JSON', 'TEXT', '"x"'],
    ['JSON null to TEXT', JSON_NULL, 'JSON', 'TEXT', 'null'],
    ['JSON number to BIGINT', 42, 'JSON', 'BIGINT', 42],
    ['JSON fraction to BIGINT', 2.5, 'JSON', 'BIGINT', 2],
    ['JSON string to BIGINT', '42', 'JSON', 'BIGINT', 42],
    ['JSON null to BIGINT', JSON_NULL, 'JSON', 'BIGINT', null],
    ['JSON true to BOOLEAN', true, 'JSON', 'BOOLEAN', true],
    ['JSON string to DATE', '2024-03-05', 'JSON', 'DATE', 19787],
    ['INTERVAL to TEXT', { months: 14, days: 3, ms: 3_600_000 }, 'INTERVAL', 'TEXT', '1 year 2 months 3 days 01:00:00'],
  ])('%s', (_name, value, from, to, expected) => {
    expect(castValue(value, from, to, UTC)).toEqual(expected);
  });

  test.each<[string, Value, ExprType, CastTarget, Value]>([
    ['TEXT to TIMESTAMP reads wall time in the zone', '2024-03-05 10:11:12', 'TEXT', 'TIMESTAMP', Date.UTC(2024, 2, 5, 9, 11, 12)],
    ['TEXT to TIMESTAMP in summer time', '2024-07-05 10:00:00', 'TEXT', 'TIMESTAMP', Date.UTC(2024, 6, 5, 8)],
    ['DATE to TIMESTAMP is local midnight', 19787, 'DATE', 'TIMESTAMP', Date.UTC(2024, 2, 4, 23)],
    ['TIMESTAMP to DATE uses the local date', Date.UTC(2024, 2, 5, 23, 30), 'TIMESTAMP', 'DATE', 19788],
    ['TIMESTAMP to TEXT in the zone', Date.UTC(2024, 6, 5, 17, 8, 9, 12), 'TIMESTAMP', 'TEXT', '2024-07-05 19:08:09.012'],
    ['TIMESTAMP to JSON with the offset', Date.UTC(2024, 6, 5, 17, 8, 9, 12), 'TIMESTAMP', 'JSON', '2024-07-05T19:08:09.012+02:00'],
  ])('%s in Europe/Berlin', (_name, value, from, to, expected) => {
    expect(castValue(value, from, to, BERLIN)).toEqual(expected);
  });

  test.each<[string, Value, ExprType, CastTarget, RegExp]>([
    ['invalid BOOLEAN text', 'maybe', 'TEXT', 'BOOLEAN', /cannot cast 'maybe' to BOOLEAN/],
    ['padded BOOLEAN text', ' false ', 'TEXT', 'BOOLEAN', /cannot cast ' false ' to BOOLEAN/],
    ['missing day', '2024-02-30', 'TEXT', 'DATE', /cannot cast '2024-02-30' to DATE/],
    ['compact date', '20240305', 'TEXT', 'DATE', /to DATE/],
    ['hour 25', '2024-03-05 25:11:12', 'TEXT', 'TIMESTAMP', /to TIMESTAMP/],
    ['unknown zone', '2024-03-05 10:00 Mars/Olympus', 'TEXT', 'TIMESTAMP', /to TIMESTAMP/],
    ['malformed JSON', 'not json', 'TEXT', 'JSON', /cannot cast 'not json' to JSON: the text is not valid JSON/],
    ['long malformed JSON is shortened', `{${'x'.repeat(100)}`, 'TEXT', 'JSON', /\.\.\.' to JSON/],
    ['JSON object to BIGINT', { a: 1 }, 'JSON', 'BIGINT', /JSON object/],
    ['NaN to JSON', Number.NaN, 'DOUBLE', 'JSON', /no NaN/],
    ['bad interval', 'soon', 'TEXT', 'INTERVAL', /to INTERVAL/],
  ])('%s raises INVALID_CAST', (_name, value, from, to, message) => {
    const error = errorOf(() => castValue(value, from, to, UTC));
    expect(error.code).toBe('INVALID_CAST');
    expect(error.message).toMatch(message);
  });

  test.each<[ExprType, CastTarget, RegExp]>([
    ['BIGINT', 'TIMESTAMP', /to_timestamp_ms/],
    ['TIMESTAMP', 'BIGINT', /epoch_ms/],
    ['BIGINT', 'DATE', /make_date/],
    ['DATE', 'BIGINT', /DATE '1970-01-01'/],
    ['BOOLEAN', 'DATE', /cannot cast BOOLEAN to DATE/],
    ['INTERVAL', 'BIGINT', /cannot cast INTERVAL to BIGINT/],
  ])('%s to %s is unsupported', (from, to, message) => {
    expect(resolveCast(from, to)?.error).toMatch(message);
    const error = errorOf(() => castValue(1, from, to, UTC));
    expect(error.code).toBe('UNSUPPORTED_CAST');
  });

  test('every type casts to TEXT', () => {
    for (const from of ['BOOLEAN', 'BIGINT', 'DOUBLE', 'TEXT', 'DATE', 'TIMESTAMP', 'JSON', 'INTERVAL', 'NULL'] as const) {
      expect(resolveCast(from, 'TEXT')).toBe(null);
    }
  });

  test('valueToText uses the zone', () => {
    expect(valueToText(Date.UTC(2024, 0, 1), 'TIMESTAMP', 'America/New_York')).toBe('2023-12-31 19:00:00');
    expect(valueToText(null, 'BIGINT')).toBe(null);
  });
});
