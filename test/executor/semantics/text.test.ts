import { describe, expect, test } from 'vitest';
import { codePointLength, lowerCase, substring, upperCase } from '../../../src/executor/semantics/text.js';

describe('substring', () => {
  test.each<[number, number | undefined, string]>([
    [2, 3, 'ell'],
    [0, 3, 'he'],
    [-3, 2, 'll'],
    [-3, undefined, 'llo'],
    [2, undefined, 'ello'],
    [2, -1, 'h'],
    [10, undefined, ''],
    [-10, 3, ''],
    [-6, 3, 'he'],
    [-5, 2, 'he'],
    [0, 1, ''],
    [0, 2, 'h'],
    [3, -5, 'he'],
    [0, -1, ''],
    [-2, -2, 'el'],
    [6, -2, 'lo'],
    [9, -6, 'llo'],
    [3, 0, ''],
  ])("substring('hello', %i, %s)", (start, length, expected) => {
    expect(substring('hello', start, length)).toBe(expected);
  });

  test('counts astral characters once', () => {
    expect(substring('h😀llo', 2, 2)).toBe('😀l');
    expect(substring('😀😁😂', -1)).toBe('😂');
  });
});

describe('case and length', () => {
  test.each<[string, number]>([
    ['', 0],
    ['abc', 3],
    ['h😀llo', 5],
    ['é', 1],
    ['\ud800', 1],
  ])('length of %s', (text, expected) => {
    expect(codePointLength(text)).toBe(expected);
  });

  test.each<[string, string]>([
    ['ÀÉ', 'àé'],
    ['İ', 'i'],
    ['ΟΔΟΣ', 'οδοσ'],
    ['ǅ', 'ǆ'],
    ['ABC😀', 'abc😀'],
  ])('lower %s', (text, expected) => {
    expect(lowerCase(text)).toBe(expected);
  });

  test.each<[string, string]>([
    ['straße', 'STRAẞE'],
    ['ŉ', 'ŉ'],
    ['ﬁ', 'ﬁ'],
    ['ǆ', 'Ǆ'],
    ['abc', 'ABC'],
  ])('upper %s', (text, expected) => {
    expect(upperCase(text)).toBe(expected);
  });
});
