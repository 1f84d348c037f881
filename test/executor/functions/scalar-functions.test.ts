import { describe, expect, test } from 'vitest';
import { scalarFunctions } from '../../../src/executor/functions/index.js';
import type { ArgType, EvalContext } from '../../../src/executor/functions/registry.js';
import { SqlRuntimeError } from '../../../src/executor/semantics/errors.js';
import { JSON_NULL, type Value } from '../../../src/executor/values.js';

const UTC: EvalContext = { timeZone: 'UTC', nowMs: Date.UTC(2024, 2, 9, 23, 30) };
const utc = (text: string) => Date.parse(`${text}Z`);
const day = (text: string) => Date.parse(`${text}T00:00:00Z`) / 86_400_000;

function call(name: string, args: readonly Value[], argTypes: readonly ArgType[], context: EvalContext = UTC): Value {
  const fn = scalarFunctions.get(name);
  if (!fn) throw new Error(`no function ${name}`);
  const type = fn.returnType(argTypes, args);
  if (typeof type !== 'string') throw new Error(`${name}: ${type.error}`);
  return fn.evaluate(args, context, argTypes);
}

function typeOf(name: string, argTypes: readonly ArgType[], literals: readonly (Value | undefined)[] = []) {
  return scalarFunctions.get(name)!.returnType(argTypes, literals);
}

type Case = [name: string, args: Value[], argTypes: ArgType[], expected: Value];

describe('text functions', () => {
  test.each<Case>([
    ['lower', [null], ['TEXT'], null],
    ['upper', ['straße'], ['TEXT'], 'STRAẞE'],
    ['length', ['a😀b'], ['TEXT'], 3],
    ['length', [''], ['TEXT'], 0],
    ['substr', ['h😀llo', 2, 2], ['TEXT', 'BIGINT', 'BIGINT'], '😀l'],
    ['substr', ['hello', 0, 2], ['TEXT', 'BIGINT', 'BIGINT'], 'h'],
    ['substr', ['hello', 2, null], ['TEXT', 'BIGINT', 'BIGINT'], null],
    ['substring', ['hello', -3], ['TEXT', 'BIGINT'], 'llo'],
    ['trim', ['  a  '], ['TEXT'], 'a'],
    ['trim', ['xyaxy', 'yx'], ['TEXT', 'TEXT'], 'a'],
    ['trim', ['😀a😀', '😀'], ['TEXT', 'TEXT'], 'a'],
    ['ltrim', ['  a  '], ['TEXT'], 'a  '],
    ['rtrim', ['xxaxx', 'x'], ['TEXT', 'TEXT'], 'xxa'],
    ['trim', ['\ta\n'], ['TEXT'], '\ta\n'],
    ['replace', ['aaa', 'a', 'bb'], ['TEXT', 'TEXT', 'TEXT'], 'bbbbbb'],
    ['replace', ['abc', '', 'x'], ['TEXT', 'TEXT', 'TEXT'], 'abc'],
    ['replace', ['a.b', '.', '$&'], ['TEXT', 'TEXT', 'TEXT'], 'a$&b'],
    ['concat', ['a', null, 'b'], ['TEXT', 'TEXT', 'TEXT'], 'ab'],
    ['concat', [null], ['NULL'], ''],
    ['concat', ['a', 1, true, 2.5], ['TEXT', 'BIGINT', 'BOOLEAN', 'DOUBLE'], 'a1true2.5'],
    ['concat', ['d=', day('2024-03-09')], ['TEXT', 'DATE'], 'd=2024-03-09'],
    ['concat', ['j=', { a: 1 }], ['TEXT', 'JSON'], 'j={"a":1}'],
    ['split_part', ['a,b,c', ',', 0], ['TEXT', 'TEXT', 'BIGINT'], ''],
    ['split_part', ['a,b,c', ',', -3], ['TEXT', 'TEXT', 'BIGINT'], 'a'],
    ['split_part', ['a,b,c', ',', -4], ['TEXT', 'TEXT', 'BIGINT'], ''],
    ['split_part', ['abc', '', 2], ['TEXT', 'TEXT', 'BIGINT'], 'b'],
    ['split_part', ['a::b', '::', 2], ['TEXT', 'TEXT', 'BIGINT'], 'b'],
    ['starts_with', ['abc', ''], ['TEXT', 'TEXT'], true],
    ['starts_with', ['abc', 'b'], ['TEXT', 'TEXT'], false],
    ['regexp_matches', ['abc', '^b'], ['TEXT', 'TEXT'], false],
    ['regexp_matches', ['a\nb', 'a.b'], ['TEXT', 'TEXT'], false],
    ['regexp_matches', ['a\nb', 'a.b', 's'], ['TEXT', 'TEXT', 'TEXT'], true],
    ['regexp_matches', ['ABC', 'b', 'c'], ['TEXT', 'TEXT', 'TEXT'], false],
    ['regexp_matches', ['a-b', 'a\\-b'], ['TEXT', 'TEXT'], true],
    ['regexp_matches', ['😀', '^.$'], ['TEXT', 'TEXT'], true],
    ['regexp_extract', ['abc', '(x)?b', 1], ['TEXT', 'TEXT', 'BIGINT'], ''],
    ['regexp_extract', ['abc123', '([a-z]+)([0-9]+)', 2], ['TEXT', 'TEXT', 'BIGINT'], '123'],
    ['regexp_extract', ['abc', 'z(.)', 1], ['TEXT', 'TEXT', 'BIGINT'], ''],
  ])('%s case %#', (name, args, argTypes, expected) => {
    expect(call(name, args, argTypes)).toBe(expected);
  });

  test('invalid regular expressions and options raise errors', () => {
    expect(() => call('regexp_matches', ['a', '('], ['TEXT', 'TEXT'])).toThrow(/invalid regular expression '\('/);
    expect(() => call('regexp_matches', ['a', 'a', 'x'], ['TEXT', 'TEXT', 'TEXT'])).toThrow(/unknown regular expression option 'x'/);
    expect(() => call('regexp_extract', ['abc', 'b', 1], ['TEXT', 'TEXT', 'BIGINT'])).toThrow(/group 1 does not exist/);
  });

  test('argument checks', () => {
    expect(typeOf('lower', ['BIGINT'])).toEqual({ error: 'argument 1 must be TEXT, not BIGINT' });
    expect(typeOf('lower', [])).toEqual({ error: 'expects 1 argument, got 0' });
    expect(typeOf('substr', ['TEXT'])).toEqual({ error: 'expects 2 to 3 arguments, got 1' });
    expect(typeOf('concat', [])).toEqual({ error: 'expects at least 1 argument, got 0' });
    expect(typeOf('lower', ['NULL'])).toBe('TEXT');
  });
});

describe('conditional functions', () => {
  test.each<Case>([
    ['coalesce', [null, null], ['NULL', 'NULL'], null],
    ['coalesce', [null, 2, 3], ['NULL', 'BIGINT', 'BIGINT'], 2],
    ['coalesce', [null, 2], ['DOUBLE', 'BIGINT'], 2],
    ['coalesce', [null, 9007199254740993n], ['DOUBLE', 'BIGINT'], 9007199254740992],
    ['coalesce', [null, day('2024-03-09')], ['TIMESTAMP', 'DATE'], utc('2024-03-09T00:00:00')],
    ['nullif', [1, 1], ['BIGINT', 'BIGINT'], null],
    ['nullif', [1, null], ['BIGINT', 'NULL'], 1],
    ['nullif', [null, 1], ['NULL', 'BIGINT'], null],
    ['nullif', [2, 2.0], ['BIGINT', 'DOUBLE'], null],
    ['nullif', ['a', 'A'], ['TEXT', 'TEXT'], 'a'],
    ['greatest', [1, null, 3], ['BIGINT', 'NULL', 'BIGINT'], 3],
    ['greatest', [null, null], ['NULL', 'NULL'], null],
    ['greatest', [1, 2.5], ['BIGINT', 'DOUBLE'], 2.5],
    ['greatest', [9223372036854775807n, 5], ['BIGINT', 'BIGINT'], 9223372036854775807n],
    ['greatest', ['😀', '\uffff'], ['TEXT', 'TEXT'], '😀'],
    ['least', [day('2024-03-09'), utc('2024-03-08T12:00:00')], ['DATE', 'TIMESTAMP'], utc('2024-03-08T12:00:00')],
    ['least', [false, true, null], ['BOOLEAN', 'BOOLEAN', 'NULL'], false],
  ])('%s case %#', (name, args, argTypes, expected) => {
    expect(call(name, args, argTypes)).toBe(expected);
  });

  test('result types', () => {
    expect(typeOf('coalesce', ['NULL', 'BIGINT', 'DOUBLE'])).toBe('DOUBLE');
    expect(typeOf('coalesce', ['DATE', 'TIMESTAMP'])).toBe('TIMESTAMP');
    expect(typeOf('coalesce', ['TEXT', 'BIGINT'])).toEqual({ error: 'arguments must share a type, but got TEXT and BIGINT' });
    expect(typeOf('greatest', ['JSON'])).toEqual({ error: 'argument 1 must be BOOLEAN, BIGINT, DOUBLE, TEXT, DATE or TIMESTAMP, not JSON' });
    expect(typeOf('nullif', ['BIGINT', 'DOUBLE'])).toBe('BIGINT');
  });
});

describe('math functions', () => {
  test.each<Case>([
    ['abs', [-9223372036854775807n], ['BIGINT'], 9223372036854775807n],
    ['abs', [-0.5], ['DOUBLE'], 0.5],
    ['round', [2.5], ['DOUBLE'], 3],
    ['round', [-2.5], ['DOUBLE'], -3],
    ['round', [0.49999999999999994], ['DOUBLE'], 0],
    ['round', [2.345, 2], ['DOUBLE', 'BIGINT'], 2.35],
    ['round', [1.005, 2], ['DOUBLE', 'BIGINT'], 1],
    ['round', [1234.5, -2], ['DOUBLE', 'BIGINT'], 1200],
    ['round', [0.1, 400], ['DOUBLE', 'BIGINT'], 0.1],
    ['round', [1e300, 2], ['DOUBLE', 'BIGINT'], 1e300],
    ['round', [15, -1], ['BIGINT', 'BIGINT'], 20],
    ['round', [-15, -1], ['BIGINT', 'BIGINT'], -20],
    ['round', [14, -1], ['BIGINT', 'BIGINT'], 10],
    ['round', [7, 3], ['BIGINT', 'BIGINT'], 7],
    ['round', [9223372036854775807n, -30], ['BIGINT', 'BIGINT'], 0],
    ['round', [9223372036854775807n, -1], ['BIGINT', 'BIGINT'], null],
    ['floor', [-2.5], ['DOUBLE'], -3],
    ['floor', [9007199254740993n], ['BIGINT'], 9007199254740993n],
    ['ceil', [-0.5], ['DOUBLE'], 0],
    ['ceiling', [2.1], ['DOUBLE'], 3],
    ['sign', [-3], ['BIGINT'], -1],
    ['sign', [0], ['DOUBLE'], 0],
    ['sign', [Number.NaN], ['DOUBLE'], 0],
    ['sign', [-9223372036854775808n], ['BIGINT'], -1],
  ])('%s case %#', (name, args, argTypes, expected) => {
    if (expected === null) {
      expect(() => call(name, args, argTypes)).toThrow(SqlRuntimeError);
      return;
    }
    expect(call(name, args, argTypes)).toBe(expected);
  });

  test('abs of INT64_MIN overflows', () => {
    expect(() => call('abs', [-9223372036854775808n], ['BIGINT'])).toThrow(/outside the signed 64-bit range/);
  });

  test('result types follow the argument', () => {
    expect(typeOf('round', ['BIGINT', 'BIGINT'])).toBe('BIGINT');
    expect(typeOf('round', ['DOUBLE'])).toBe('DOUBLE');
    expect(typeOf('floor', ['BIGINT'])).toBe('BIGINT');
    expect(typeOf('sign', ['DOUBLE'])).toBe('BIGINT');
    expect(typeOf('abs', ['TEXT'])).toEqual({ error: 'argument 1 must be BIGINT or DOUBLE, not TEXT' });
  });
});

describe('time functions', () => {
  const berlin: EvalContext = { timeZone: 'Europe/Berlin', nowMs: utc('2024-03-09T23:30:00') };
  const newYork: EvalContext = { timeZone: 'America/New_York', nowMs: utc('2024-03-10T03:00:00') };

  test.each<[string, Value[], ArgType[], EvalContext, Value]>([
    ['to_timestamp_ms', [1710000000123], ['BIGINT'], UTC, 1710000000123],
    ['to_timestamp_ms', [9007199254740993n], ['BIGINT'], UTC, 9007199254740992],
    ['epoch_ms', [utc('1969-12-31T23:59:59.999')], ['TIMESTAMP'], UTC, -1],
    ['epoch', [day('2024-01-02')], ['DATE'], UTC, 1704153600],
    ['date_trunc', ['day', utc('2024-03-31T12:00:00')], ['TEXT', 'TIMESTAMP'], berlin, utc('2024-03-30T23:00:00')],
    ['date_trunc', ['DAY', utc('2024-10-27T12:00:00')], ['TEXT', 'TIMESTAMP'], berlin, utc('2024-10-26T22:00:00')],
    ['date_trunc', ['hour', utc('2024-11-03T06:30:00')], ['TEXT', 'TIMESTAMP'], newYork, utc('2024-11-03T06:00:00')],
    ['date_trunc', ['month', day('2024-03-15')], ['TEXT', 'DATE'], berlin, utc('2024-02-29T23:00:00')],
    ['date_trunc', ['week', day('2024-03-17')], ['TEXT', 'DATE'], UTC, utc('2024-03-11T00:00:00')],
    ['date_part', ['hour', utc('2024-03-31T01:30:00')], ['TEXT', 'TIMESTAMP'], berlin, 3],
    ['date_part', ['dow', day('2024-03-10')], ['TEXT', 'DATE'], UTC, 0],
    ['date_part', ['isodow', day('2024-03-10')], ['TEXT', 'DATE'], UTC, 7],
    ['date_part', ['doy', day('2024-12-31')], ['TEXT', 'DATE'], UTC, 366],
    ['date_part', ['epoch', utc('2024-03-09T16:00:00.5')], ['TEXT', 'TIMESTAMP'], berlin, 1710000000.5],
    ['year', [utc('2023-12-31T23:30:00')], ['TIMESTAMP'], berlin, 2024],
    ['month', [utc('2024-02-29T23:30:00')], ['TIMESTAMP'], berlin, 3],
    ['day', [utc('2024-03-10T03:00:00')], ['TIMESTAMP'], newYork, 9],
    ['hour', [day('2024-03-10')], ['DATE'], newYork, 0],
    ['minute', [utc('2024-01-01T00:10:00')], ['TIMESTAMP'], { timeZone: 'Asia/Kolkata', nowMs: 0 }, 40],
    ['second', [utc('2024-01-01T00:10:07.999')], ['TIMESTAMP'], UTC, 7],
    ['make_date', [2024, 2, 29], ['BIGINT', 'BIGINT', 'BIGINT'], UTC, day('2024-02-29')],
    ['make_date', [1969, 12, 31], ['BIGINT', 'BIGINT', 'BIGINT'], UTC, -1],
    ['strftime', [utc('2024-03-31T01:30:00'), '%Y-%m-%d %H:%M %z'], ['TIMESTAMP', 'TEXT'], berlin, '2024-03-31 03:30 +02'],
    ['strftime', [day('2024-03-09'), '%d.%m.%Y %H:%M'], ['DATE', 'TEXT'], berlin, '09.03.2024 00:00'],
    ['now', [], [], berlin, utc('2024-03-09T23:30:00')],
    ['current_timestamp', [], [], berlin, utc('2024-03-09T23:30:00')],
    ['current_date', [], [], berlin, day('2024-03-10')],
    ['current_date', [], [], UTC, day('2024-03-09')],
    ['add_months', [day('2024-01-31'), 1], ['DATE', 'BIGINT'], UTC, day('2024-02-29')],
    ['add_months', [utc('2024-10-15T10:00:00'), 1], ['TIMESTAMP', 'BIGINT'], berlin, utc('2024-11-15T11:00:00')],
    ['add_months', [utc('2024-03-31T10:00:00'), -1], ['TIMESTAMP', 'BIGINT'], UTC, utc('2024-02-29T10:00:00')],
  ])('%s case %#', (name, args, argTypes, context, expected) => {
    expect(call(name, args, argTypes, context)).toBe(expected);
  });

  test('date_part type depends on the field literal', () => {
    expect(typeOf('date_part', ['TEXT', 'TIMESTAMP'], ['epoch', undefined])).toBe('DOUBLE');
    expect(typeOf('date_part', ['TEXT', 'TIMESTAMP'], ['EPOCH', undefined])).toBe('DOUBLE');
    expect(typeOf('date_part', ['TEXT', 'TIMESTAMP'], ['year', undefined])).toBe('BIGINT');
    expect(typeOf('date_part', ['TEXT', 'TIMESTAMP'])).toBe('BIGINT');
    expect(typeOf('date_part', ['TEXT', 'TIMESTAMP'], ['fortnight', undefined])).toEqual({ error: expect.stringMatching(/unknown date field 'fortnight'/) });
    expect(typeOf('date_part', ['TEXT', 'BIGINT'])).toEqual({ error: 'argument 2 must be TIMESTAMP or DATE, not BIGINT' });
  });

  test('errors', () => {
    expect(() => call('make_date', [2024, 2, 30], ['BIGINT', 'BIGINT', 'BIGINT'])).toThrow(/make_date: 2024-2-30 is not a date/);
    expect(() => call('date_trunc', ['fortnight', 0], ['TEXT', 'TIMESTAMP'])).toThrow(/date_trunc: unknown date field 'fortnight'/);
    expect(() => call('date_part', ['nanos', 0], ['TEXT', 'TIMESTAMP'])).toThrow(/date_part: unknown date field 'nanos'/);
    expect(() => call('strftime', [0, '%Q'], ['TIMESTAMP', 'TEXT'])).toThrow(/unknown specifier %Q/);
    expect(() => call('date_trunc', ['day', 0], ['TEXT', 'TIMESTAMP'], { timeZone: 'Mars/Olympus', nowMs: 0 })).toThrow(/unknown time zone/);
  });

  test('now and current_date are volatile', () => {
    expect(scalarFunctions.get('now')!.volatile).toBe(true);
    expect(scalarFunctions.get('current_date')!.volatile).toBe(true);
    expect(scalarFunctions.get('lower')!.volatile).toBeUndefined();
  });
});

describe('URL functions', () => {
  test.each<Case>([
    ['url_host', ['https://Shop.Example.com:8443/cart?x=1'], ['TEXT'], 'shop.example.com'],
    ['url_host', ['http://[::1]:8080/'], ['TEXT'], '[::1]'],
    ['url_host', ['https://bücher.example/'], ['TEXT'], 'xn--bcher-kva.example'],
    ['url_host', ['/cart'], ['TEXT'], null],
    ['url_host', ['not a url'], ['TEXT'], null],
    ['url_host', ['mailto:a@example.com'], ['TEXT'], null],
    ['url_path', ['https://example.com'], ['TEXT'], '/'],
    ['url_path', ['https://example.com/a%20b/c?x'], ['TEXT'], '/a%20b/c'],
    ['url_path', ['/cart?step=2#top'], ['TEXT'], '/cart'],
    ['url_path', ['http://exa mple.com/'], ['TEXT'], null],
    ['url_query_param', ['https://e.com/s?q=red+shoes', 'q'], ['TEXT', 'TEXT'], 'red shoes'],
    ['url_query_param', ['https://e.com/s?q=%E2%82%AC5', 'q'], ['TEXT', 'TEXT'], '€5'],
    ['url_query_param', ['https://e.com/s?a=1&a=2', 'a'], ['TEXT', 'TEXT'], '1'],
    ['url_query_param', ['https://e.com/s?flag', 'flag'], ['TEXT', 'TEXT'], ''],
    ['url_query_param', ['https://e.com/s?q=%ZZ', 'q'], ['TEXT', 'TEXT'], '%ZZ'],
    ['url_query_param', ['https://e.com/s?q=1#frag', 'q'], ['TEXT', 'TEXT'], '1'],
    ['url_query_param', ['https://e.com/s', 'q'], ['TEXT', 'TEXT'], null],
    ['url_query_param', ['?utm_source=mail', 'utm_source'], ['TEXT', 'TEXT'], 'mail'],
    ['url_query_param', ['garbage', 'q'], ['TEXT', 'TEXT'], null],
  ])('%s case %#', (name, args, argTypes, expected) => {
    expect(call(name, args, argTypes)).toBe(expected);
  });
});

describe('JSON functions', () => {
  test.each<Case>([
    ['json_extract', ['{"a": {"b": [1, 2]}}', '$.a.b[-1]'], ['TEXT', 'TEXT'], 2],
    ['json_extract', [{ a: JSON_NULL }, '$.a'], ['JSON', 'TEXT'], JSON_NULL],
    ['json_extract', [{ a: 1 }, '$.b'], ['JSON', 'TEXT'], null],
    ['json_extract', ['[1, 2]', '$'], ['TEXT', 'TEXT'], [1, 2]],
    ['json_value', ['{"a": "x"}', '$.a'], ['TEXT', 'TEXT'], 'x'],
    ['json_value', ['{"a": true}', '$.a'], ['TEXT', 'TEXT'], 'true'],
    ['json_value', ['{"a": null}', '$.a'], ['TEXT', 'TEXT'], null],
    ['json_value', ['{"a": {"b": 1}}', '$.a'], ['TEXT', 'TEXT'], null],
    ['json_extract_string', ['{"a": {"b": 1}}', '$.a'], ['TEXT', 'TEXT'], '{"b":1}'],
    ['json_extract_string', ['{"a": null}', '$.a'], ['TEXT', 'TEXT'], null],
    ['json_valid', ['[1'], ['TEXT'], false],
    ['json_valid', [{ a: 1 }], ['JSON'], true],
  ])('%s case %#', (name, args, argTypes, expected) => {
    expect(call(name, args, argTypes)).toEqual(expected);
  });

  test('malformed TEXT gives NULL and is reported', () => {
    let malformed = 0;
    const context: EvalContext = { ...UTC, onMalformedJson: () => malformed++ };
    expect(call('json_extract', ['{"a": ', '$.a'], ['TEXT', 'TEXT'], context)).toBe(null);
    expect(call('json_value', ['not json', '$.a'], ['TEXT', 'TEXT'], context)).toBe(null);
    expect(call('json_value', ['{"a": 1}', '$.a'], ['TEXT', 'TEXT'], context)).toBe('1');
    expect(malformed).toBe(2);
  });

  test('an invalid path raises an error naming it', () => {
    let caught: unknown;
    try {
      call('json_extract', ['{}', 'a.b'], ['TEXT', 'TEXT']);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SqlRuntimeError);
    expect((caught as SqlRuntimeError).code).toBe('INVALID_JSON_PATH');
    expect((caught as SqlRuntimeError).message).toContain("'a.b'");
  });

  test('NULL arguments give NULL', () => {
    expect(call('json_extract', [null, '$.a'], ['TEXT', 'TEXT'])).toBe(null);
    expect(call('json_extract', ['{}', null], ['TEXT', 'TEXT'])).toBe(null);
  });
});
