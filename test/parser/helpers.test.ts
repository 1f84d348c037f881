import { describe, expect, test } from 'vitest';
import { editDistance, suggestKeyword } from '../../src/parser/keywords.js';
import { checkDateText, checkTimestampText, readIntervalText } from '../../src/parser/literals.js';

describe('editDistance', () => {
  test.each([
    ['FROM', 'FROM', 0],
    ['FORM', 'FROM', 1],
    ['SELEC', 'SELECT', 1],
    ['ODER', 'ORDER', 1],
    ['WHER', 'WHERE', 1],
    ['BYY', 'BY', 1],
    ['', 'ABC', 3],
    ['KITTEN', 'SITTING', 3],
  ])('%s to %s', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});

describe('suggestKeyword', () => {
  test.each([
    ['selec', ['SELECT', 'WITH'], 'SELECT'],
    ['grup', ['GROUP BY', 'GROUP', 'HAVING'], 'GROUP'],
    ['limt', ['LIMIT', 'OFFSET'], 'LIMIT'],
    ['user_id', ['FROM', 'WHERE'], null],
    ['fr', ['FROM'], null],
    ['from', ['FROM'], null],
  ])('%s', (word, candidates, expected) => {
    expect(suggestKeyword(word, candidates)).toBe(expected);
  });
});

describe('checkDateText', () => {
  test.each([
    ['2020-01-31', null],
    ['2024-02-29', null],
    ['2000-02-29', null],
    ['1900-02-29', 'day 29 is not between 1 and 28 for 1900-02'],
    ['2020-04-31', 'day 31 is not between 1 and 30 for 2020-04'],
    ['2020-00-10', 'month 0 is not between 1 and 12'],
    ['2020-1-1', 'the text is not in the form YYYY-MM-DD'],
    ['2020-01-31 ', 'the text is not in the form YYYY-MM-DD'],
  ])('%j', (text, problem) => {
    expect(checkDateText(text)).toBe(problem);
  });
});

describe('checkTimestampText', () => {
  test.each([
    ['2020-01-31 13:45:00', null],
    ['2020-01-31 13:45:00.1', null],
    ['2020-01-31 23:59:59.999', null],
    ['2020-01-31T00:00', null],
    ['2020-01-31', null],
    ['2020-01-31 24:00:00', 'hour 24 is not between 00 and 23'],
    ['2020-01-31 13:45:00Z', 'the text is not in the form YYYY-MM-DD HH:MM:SS[.fff]'],
    ['2020-01-31 13', 'the text is not in the form YYYY-MM-DD HH:MM:SS[.fff]'],
  ])('%j', (text, problem) => {
    expect(checkTimestampText(text)).toBe(problem);
  });
});

describe('readIntervalText', () => {
  test.each([
    ['7', { ok: true, value: '7', unit: null }],
    [' 7 ', { ok: true, value: '7', unit: null }],
    ['-1.5', { ok: true, value: '-1.5', unit: null }],
    ['90 minutes', { ok: true, value: '90', unit: 'MINUTE' }],
    ['90minutes', { ok: true, value: '90', unit: 'MINUTE' }],
    ['1 Day', { ok: true, value: '1', unit: 'DAY' }],
    ['1 day 2 hours', { ok: true, value: '26', unit: 'HOUR' }],
    ['1 week 1 ms', { ok: true, value: '604800001', unit: 'MILLISECOND' }],
    ['1.5 hours 30 minutes', { ok: true, value: '120', unit: 'MINUTE' }],
    ['0.25 hours 0.5 hours', { ok: true, value: '0.75', unit: 'HOUR' }],
    ['1 day -2 hours', { ok: true, value: '22', unit: 'HOUR' }],
    ['1 year 1 quarter', { ok: true, value: '5', unit: 'QUARTER' }],
    ['1 year 1 quarter 1 month', { ok: true, value: '16', unit: 'MONTH' }],
    ['-0.5 days', { ok: true, value: '-0.5', unit: 'DAY' }],
    ['1 month 1 day', { ok: false, problem: 'years, quarters and months cannot be combined with shorter units' }],
    ['5 fortnights', { ok: false, problem: "'fortnights' is not an interval unit" }],
    ['day', { ok: false, problem: "the text is not a count followed by a unit, such as '90 minutes'" }],
    ['1 day,', { ok: false, problem: "the text is not a count followed by a unit, such as '90 minutes'" }],
  ])('%j', (text, result) => {
    expect(readIntervalText(text)).toEqual(result);
  });
});
