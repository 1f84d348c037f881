import { describe, expect, test } from 'vitest';
import { compareNumbers, compareText, compareValues, equals, groupKey } from '../../../src/executor/semantics/compare.js';
import type { ExprType } from '../../../src/executor/semantics/types.js';
import { JSON_NULL, type Value } from '../../../src/executor/values.js';

const sign = (n: number) => Math.sign(n) + 0;

describe('compareText', () => {
  test.each<[string, string, string, number]>([
    ['equal', 'abc', 'abc', 0],
    ['prefix sorts first', 'ab', 'abc', -1],
    ['upper case before lower case', 'B', 'a', -1],
    ['accented after ASCII', 'é', 'z', 1],
    ['astral after U+FFFF', '😀', '\uffff', 1],
    ['astral after U+E000', '😀', '\ue000', 1],
    ['BMP below surrogates before astral', '\ud7ff', '😀', -1],
    ['two astral characters by code point', '😀', '🙂', -1],
    ['astral after BMP inside a string', 'a😀', 'a\ufb01', 1],
    ['empty before anything', '', 'a', -1],
  ])('%s', (_name, a, b, expected) => {
    expect(sign(compareText(a, b))).toBe(expected);
    expect(sign(compareText(b, a))).toBe(0 - expected);
  });

  test('sorting matches code point order', () => {
    const words = ['😀', '\uffff', 'é', 'z', 'Z', '', '\ue000', 'a😀', 'a'];
    const byCodePoints = [...words].sort((x, y) => {
      const a = Array.from(x, (c) => c.codePointAt(0)!);
      const b = Array.from(y, (c) => c.codePointAt(0)!);
      for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
      return a.length - b.length;
    });
    expect([...words].sort(compareText)).toEqual(byCodePoints);
  });
});

describe('compareNumbers', () => {
  test.each<[string, number | bigint, number | bigint, number]>([
    ['numbers', 1, 2, -1],
    ['bigints', 9007199254740993n, 9007199254740994n, -1],
    ['number below bigint', 9007199254740991, 9007199254740993n, -1],
    ['bigint above number', 9007199254740993n, 9007199254740992, 1],
    ['fraction just above bigint', 9007199254740993n, 9.007199254740994e15, -1],
    ['negative bigint below negative number', -9223372036854775808n, -1.5, -1],
    ['fraction between integers', 2.5, 9007199254740993n, -1],
    ['NaN above infinity', Number.NaN, Infinity, 1],
    ['NaN equals NaN', Number.NaN, Number.NaN, 0],
    ['NaN above bigint', Number.NaN, 9223372036854775807n, 1],
    ['minus infinity below bigint', -Infinity, -9223372036854775808n, -1],
    ['-0 equals 0', -0, 0, 0],
  ])('%s', (_name, a, b, expected) => {
    expect(sign(compareNumbers(a, b))).toBe(expected);
    expect(sign(compareNumbers(b, a))).toBe(0 - expected);
  });
});

describe('compareValues', () => {
  test.each<[string, Value, Value, ExprType, number]>([
    ['booleans false before true', false, true, 'BOOLEAN', -1],
    ['equal booleans', true, true, 'BOOLEAN', 0],
    ['dates', 19_000, 19_001, 'DATE', -1],
    ['timestamps', 1_700_000_000_000, 1_600_000_000_000, 'TIMESTAMP', 1],
    ['BIGINT number and bigint', 5, 9223372036854775807n, 'BIGINT', -1],
    ['text', 'b', 'a', 'TEXT', 1],
    ['JSON by text', [1, 2], [1, 3], 'JSON', -1],
    ['JSON null by text', JSON_NULL, 'x', 'JSON', 1],
    ['intervals by length', { months: 1, days: 0, ms: 0 }, { months: 0, days: 31, ms: 0 }, 'INTERVAL', -1],
    ['intervals 1 month = 30 days', { months: 1, days: 0, ms: 0 }, { months: 0, days: 30, ms: 0 }, 'INTERVAL', 0],
  ])('%s', (_name, a, b, type, expected) => {
    expect(sign(compareValues(a, b, type))).toBe(expected);
  });

  test.each<[string, Value, Value, ExprType, boolean]>([
    ['NaN equals NaN for grouping', Number.NaN, Number.NaN, 'DOUBLE', true],
    ['-0 equals 0', -0, 0, 'DOUBLE', true],
    ['number equals unnormalized bigint', 5, 5n, 'BIGINT', true],
    ['NULL never equals a value', null, 0, 'BIGINT', false],
    ['NULL equals NULL as a key', null, null, 'BIGINT', true],
    ['different text', 'a', 'A', 'TEXT', false],
    ['equal JSON objects', { a: [1] }, { a: [1] }, 'JSON', true],
  ])('equals: %s', (_name, a, b, type, expected) => {
    expect(equals(a, b, type)).toBe(expected);
  });
});

describe('groupKey', () => {
  test.each<[string, readonly Value[], readonly Value[]]>([
    ['NULL and the text null', [null], ['null']],
    ['NULL and empty text', [null], ['']],
    ['number and numeric text', [1], ['1']],
    ['bigint and numeric text', [9007199254740993n], ['9007199254740993']],
    ['bigint and the double next to it', [9007199254740993n], [9007199254740992]],
    ['true and the text t', [true], ['t']],
    ['boundary between two texts', ['ab', 'c'], ['a', 'bc']],
    ['text containing the encoding of two values', ['s1:a'], ['a', 'a']],
    ['NULL position', [null, 1], [1, null]],
    ['JSON null and SQL NULL', [JSON_NULL], [null]],
    ['JSON array and its text', [[1, 2]], ['[1,2]']],
  ])('%s get different keys', (_name, a, b) => {
    expect(groupKey(a)).not.toBe(groupKey(b));
  });

  test.each<[string, readonly Value[], readonly Value[]]>([
    ['a safe bigint and the equal number', [5n], [5]],
    ['-0 and 0', [-0], [0]],
    ['two NaNs', [Number.NaN], [Number.NaN]],
    ['equal rows', ['a', 1, null], ['a', 1, null]],
  ])('%s share a key', (_name, a, b) => {
    expect(groupKey(a)).toBe(groupKey(b));
  });

  test('keys work as Map keys', () => {
    const groups = new Map<string, number>();
    for (const row of [[1, 'a'], [1, 'a'], [2, 'a'], [null, 'a']] as Value[][]) {
      const key = groupKey(row);
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    expect([...groups.values()]).toEqual([2, 1, 1]);
  });
});
