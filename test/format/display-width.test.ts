import { describe, expect, it } from 'vitest';
import { displayWidth, truncateToWidth } from '../../src/format/index.js';

describe('displayWidth', () => {
  const cases: { name: string; text: string; width: number }[] = [
    { name: 'ASCII', text: 'store_id', width: 8 },
    { name: 'empty text', text: '', width: 0 },
    { name: 'Japanese (East Asian wide)', text: '日本語', width: 6 },
    { name: 'Korean (East Asian wide)', text: '한국어', width: 6 },
    { name: 'fullwidth Latin', text: 'ＡＢ', width: 4 },
    { name: 'halfwidth katakana', text: 'ｱｲ', width: 2 },
    { name: 'emoji', text: '😀', width: 2 },
    { name: 'emoji ZWJ sequence', text: '👨‍👩‍👧', width: 2 },
    { name: 'flag emoji', text: '🇩🇪', width: 2 },
    { name: 'combining acute accent', text: 'e\u0301', width: 1 },
    { name: 'zero-width space', text: 'a\u200bb', width: 2 },
    { name: 'mixed text', text: 'a日😀', width: 5 },
  ];
  for (const testCase of cases) {
    it(`measures ${testCase.name}`, () => {
      expect(displayWidth(testCase.text)).toBe(testCase.width);
    });
  }
});

describe('truncateToWidth', () => {
  it('keeps text that fits', () => {
    expect(truncateToWidth('abc', 3)).toEqual({ text: 'abc', width: 3, truncated: false });
  });

  it('cuts ASCII with an ellipsis', () => {
    expect(truncateToWidth('abcdef', 4)).toEqual({ text: 'abc…', width: 4, truncated: true });
  });

  it('never splits a wide character', () => {
    const fitted = truncateToWidth('日本語', 4);
    expect(fitted.text).toBe('日…');
    expect(fitted.width).toBe(3);
  });

  it('keeps an emoji sequence whole', () => {
    const fitted = truncateToWidth('👨‍👩‍👧👨‍👩‍👧', 3);
    expect(fitted.text).toBe('👨‍👩‍👧…');
    expect(fitted.width).toBe(3);
  });

  it('keeps combining marks with their letter', () => {
    expect(truncateToWidth('e\u0301e\u0301e\u0301', 2).text).toBe('e\u0301…');
  });
});
