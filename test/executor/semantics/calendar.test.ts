import { describe, expect, test } from 'vitest';
import {
  addMonthsToCivil,
  civilFromDays,
  dayOfWeek,
  dayOfYear,
  daysFromCivil,
  daysInMonth,
  isoDayOfWeek,
  isoWeek,
  isValidCivil,
} from '../../../src/executor/semantics/calendar.js';

describe('day numbers', () => {
  test.each<[number, number, number]>([
    [1970, 1, 1],
    [1969, 12, 31],
    [2000, 2, 29],
    [2024, 3, 10],
    [1900, 3, 1],
    [1, 1, 1],
    [9999, 12, 31],
    [-44, 3, 15],
  ])('%i-%i-%i round trips and agrees with Date.UTC', (year, month, day) => {
    const days = daysFromCivil(year, month, day);
    expect(civilFromDays(days)).toEqual({ year, month, day });
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    expect(days).toBe(Math.floor(date.getTime() / 86_400_000));
  });

  test('every day of 1999-2001 round trips', () => {
    for (let days = daysFromCivil(1999, 1, 1); days <= daysFromCivil(2001, 12, 31); days++) {
      const { year, month, day } = civilFromDays(days);
      expect(daysFromCivil(year, month, day)).toBe(days);
    }
  });
});

describe('calendar fields', () => {
  test.each<[string, number, number, number, number, number]>([
    ['Thursday 1970-01-01', daysFromCivil(1970, 1, 1), 4, 4, 1, 1],
    ['Sunday 2024-03-10', daysFromCivil(2024, 3, 10), 0, 7, 70, 10],
    ['Monday 2024-12-30 in ISO week 1 of 2025', daysFromCivil(2024, 12, 30), 1, 1, 365, 1],
    ['Sunday 2021-01-03 in ISO week 53 of 2020', daysFromCivil(2021, 1, 3), 0, 7, 3, 53],
    ['leap day', daysFromCivil(2024, 2, 29), 4, 4, 60, 9],
    ['last day of a leap year', daysFromCivil(2024, 12, 31), 2, 2, 366, 1],
  ])('%s', (_name, days, dow, isodow, doy, week) => {
    expect(dayOfWeek(days)).toBe(dow);
    expect(isoDayOfWeek(days)).toBe(isodow);
    expect(dayOfYear(days)).toBe(doy);
    expect(isoWeek(days).week).toBe(week);
  });

  test('ISO years around new year', () => {
    expect(isoWeek(daysFromCivil(2021, 1, 3))).toEqual({ isoYear: 2020, week: 53 });
    expect(isoWeek(daysFromCivil(2024, 12, 30))).toEqual({ isoYear: 2025, week: 1 });
    expect(isoWeek(daysFromCivil(2026, 1, 1))).toEqual({ isoYear: 2026, week: 1 });
  });

  test.each<[number, number, number]>([
    [2024, 2, 29],
    [2023, 2, 28],
    [1900, 2, 28],
    [2000, 2, 29],
    [2024, 4, 30],
    [2024, 12, 31],
  ])('%i-%i has %i days', (year, month, expected) => {
    expect(daysInMonth(year, month)).toBe(expected);
  });

  test('date validity', () => {
    expect(isValidCivil(2024, 2, 29)).toBe(true);
    expect(isValidCivil(2023, 2, 29)).toBe(false);
    expect(isValidCivil(2024, 13, 1)).toBe(false);
    expect(isValidCivil(2024, 0, 1)).toBe(false);
    expect(isValidCivil(2024, 1, 0)).toBe(false);
    expect(isValidCivil(2024, 1, 1.5)).toBe(false);
  });

  test.each<[string, [number, number, number], number, [number, number, number]]>([
    ['Jan 31 + 1 month clamps in a leap year', [2024, 1, 31], 1, [2024, 2, 29]],
    ['Jan 31 + 1 month clamps in a common year', [2023, 1, 31], 1, [2023, 2, 28]],
    ['Feb 29 + 12 months', [2024, 2, 29], 12, [2025, 2, 28]],
    ['across the year', [2024, 11, 15], 3, [2025, 2, 15]],
    ['backwards across the year', [2024, 1, 31], -2, [2023, 11, 30]],
  ])('%s', (_name, [year, month, day], months, [y, m, d]) => {
    expect(addMonthsToCivil({ year, month, day }, months)).toEqual({ year: y, month: m, day: d });
  });
});
