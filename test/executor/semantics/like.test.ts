import { describe, expect, test } from 'vitest';
import { SqlRuntimeError } from '../../../src/executor/semantics/errors.js';
import { compileLike, like, type LikeOptions } from '../../../src/executor/semantics/like.js';

describe('LIKE', () => {
  test.each<[string, string, boolean]>([
    ['abc', 'abc', true],
    ['abc', 'ABC', false],
    ['abc', 'a%', true],
    ['abc', '%c', true],
    ['abc', '%b%', true],
    ['abc', '%', true],
    ['', '%', true],
    ['', '', true],
    ['a', '', false],
    ['abc', 'a_c', true],
    ['abc', 'a_', false],
    ['abc', '___', true],
    ['😀', '_', true],
    ['a😀b', 'a_b', true],
    ['a\nb', 'a_b', true],
    ['a\nb', 'a%', true],
    ['a.c', 'a.c', true],
    ['abc', 'a.c', false],
    ['a(b)', 'a(%)', true],
    ['a\\b', 'a\\b', true],
    ['abcabc', '%bc%bc', true],
    ['abcab', '%bc%bc', false],
    ['/product/12/reviews', '/product/%/reviews', true],
    ['aXb', 'a%%b', true],
  ])('%s LIKE %s', (text, pattern, expected) => {
    expect(compileLike(pattern)(text)).toBe(expected);
  });

  test.each<[string, string, string, boolean]>([
    ['50%', '50\\%', '\\', true],
    ['500', '50\\%', '\\', false],
    ['a_', 'a#_', '#', true],
    ['ab', 'a#_', '#', false],
    ['a#', 'a##', '#', true],
    ['a', '\\a', '\\', true],
    ['100% sure', '%!%%', '!', true],
    ['ab', 'a%', '', true],
  ])('%s LIKE %s ESCAPE %s', (text, pattern, escape, expected) => {
    expect(compileLike(pattern, { escape })(text)).toBe(expected);
  });

  test.each<[string, LikeOptions, RegExp]>([
    ['a\\', { escape: '\\' }, /ends with the escape character/],
    ['a', { escape: 'xy' }, /single character/],
  ])('pattern %s with %o is rejected', (pattern, options, message) => {
    expect(() => compileLike(pattern, options)).toThrow(SqlRuntimeError);
    expect(() => compileLike(pattern, options)).toThrow(message);
  });

  test('NULL operands give NULL', () => {
    expect(like(null, 'a')).toBe(null);
    expect(like('a', null)).toBe(null);
    expect(like('a', 'a')).toBe(true);
  });
});

describe('ILIKE', () => {
  test.each<[string, string, boolean]>([
    ['ABC', 'abc', true],
    ['abc', 'A%', true],
    ['ÀB', 'àb', true],
    ['İ', 'i', true],
    ['ǅ', 'ǆ', true],
    ['STRASSE', 'straße', false],
    ['Hello World', '%WORLD', true],
    ['ab', 'A_', true],
  ])('%s ILIKE %s', (text, pattern, expected) => {
    expect(compileLike(pattern, { caseInsensitive: true })(text)).toBe(expected);
  });

  test('escape with ILIKE', () => {
    expect(compileLike('A!%', { caseInsensitive: true, escape: '!' })('a%')).toBe(true);
    expect(compileLike('A!%', { caseInsensitive: true, escape: '!' })('ab')).toBe(false);
  });
});
