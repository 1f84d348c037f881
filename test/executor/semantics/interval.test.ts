import { describe, expect, test } from 'vitest';
import { arithmetic } from '../../../src/executor/semantics/arithmetic.js';
import { daysFromCivil } from '../../../src/executor/semantics/calendar.js';
import {
  addIntervalToDate,
  addIntervalToTimestamp,
  addMonthsToDate,
  addMonthsToTimestamp,
  intervalOfUnit,
  makeInterval,
  parseInterval,
  subtractTimestamps,
} from '../../../src/executor/semantics/interval.js';
import type { IntervalValue } from '../../../src/executor/values.js';

const utc = (text: string) => Date.parse(`${text}Z`);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('parseInterval', () => {
  test.each<[string, IntervalValue | undefined]>([
    ['1 day', makeInterval(0, 1, 0)],
    ['2 hours 30 minutes', makeInterval(0, 0, 2.5 * HOUR)],
    ['14 months', makeInterval(14, 0, 0)],
    ['1 year', makeInterval(12, 0, 0)],
    ['1 quarter', makeInterval(3, 0, 0)],
    ['2 weeks 1 hour', makeInterval(0, 14, HOUR)],
    ['1.5 days', makeInterval(0, 1, 12 * HOUR)],
    ['1.5 months', makeInterval(1, 15, 0)],
    ['-90 minutes', makeInterval(0, 0, -1.5 * HOUR)],
    ['10 ms', makeInterval(0, 0, 10)],
    ['1 h', makeInterval(0, 0, HOUR)],
    ['01:02:03', makeInterval(0, 0, HOUR + 2 * 60_000 + 3000)],
    ['1 day 01:02', makeInterval(0, 1, HOUR + 2 * 60_000)],
    ['36:00:00', makeInterval(0, 0, 36 * HOUR)],
    ['-01:30:00', makeInterval(0, 0, -1.5 * HOUR)],
    ['00:00:01.5', makeInterval(0, 0, 1500)],
    ['1 year -1 month', makeInterval(11, 0, 0)],
    ['abc', undefined],
    ['1 fortnight', undefined],
    ['', undefined],
    ['5', undefined],
  ])('%s', (text, expected) => {
    expect(parseInterval(text)).toEqual(expected);
  });

  test('microseconds round to milliseconds', () => {
    expect(intervalOfUnit(1500, 'us')).toEqual(makeInterval(0, 0, 2));
  });
});

describe('TIMESTAMP and INTERVAL', () => {
  test.each<[string, string, IntervalValue, string, string]>([
    ['month clamps to February 29', '2024-01-31T00:00:00', makeInterval(1, 0, 0), 'UTC', '2024-02-29T00:00:00'],
    ['year from a leap day', '2024-02-29T00:00:00', makeInterval(12, 0, 0), 'UTC', '2025-02-28T00:00:00'],
    ['month, days and hours', '2024-01-31T12:00:00', makeInterval(1, 2, 3 * HOUR), 'UTC', '2024-03-02T15:00:00'],
    ['one day keeps the wall clock across fall back', '2024-11-02T12:00:00', makeInterval(0, 1, 0), 'America/New_York', '2024-11-03T13:00:00'],
    ['24 hours is elapsed time across fall back', '2024-11-02T12:00:00', makeInterval(0, 0, 24 * HOUR), 'America/New_York', '2024-11-03T12:00:00'],
    ['one day across spring forward', '2024-03-09T07:30:00', makeInterval(0, 1, 0), 'America/New_York', '2024-03-10T07:30:00'],
    ['one day across Berlin spring forward', '2024-03-30T12:00:00', makeInterval(0, 1, 0), 'Europe/Berlin', '2024-03-31T11:00:00'],
    ['negative month', '2024-03-31T10:00:00', makeInterval(-1, 0, 0), 'UTC', '2024-02-29T10:00:00'],
  ])('%s', (_name, start, interval, zone, expected) => {
    expect(addIntervalToTimestamp(utc(start), interval, zone)).toBe(utc(expected));
  });

  test('DATE + INTERVAL is a TIMESTAMP at local midnight plus the interval', () => {
    expect(addIntervalToDate(daysFromCivil(2024, 1, 31), makeInterval(1, 0, 0), 'UTC')).toBe(utc('2024-02-29T00:00:00'));
    expect(addIntervalToDate(daysFromCivil(2024, 3, 10), makeInterval(0, 1, 0), 'America/New_York')).toBe(utc('2024-03-11T04:00:00'));
    expect(arithmetic('-', daysFromCivil(2024, 1, 31), 'DATE', makeInterval(1, 0, 0), 'INTERVAL')).toBe(utc('2023-12-31T00:00:00'));
  });

  test.each<[string, string, string, string, IntervalValue]>([
    ['days and hours', '2024-03-01T10:00:00', '2024-01-01T00:00:00', 'UTC', makeInterval(0, 60, 10 * HOUR)],
    ['negative', '2024-01-01T00:00:00', '2024-03-01T10:00:00', 'UTC', makeInterval(0, -60, -10 * HOUR)],
    ['fraction of a second', '2024-01-01T00:00:00.123', '2024-01-01T00:00:00', 'UTC', makeInterval(0, 0, 123)],
    ['across spring forward by wall clock', '2024-03-10T12:00:00', '2024-03-09T12:00:00', 'America/New_York', makeInterval(0, 1, HOUR)],
  ])('TIMESTAMP - TIMESTAMP: %s', (_name, a, b, zone, expected) => {
    const difference = subtractTimestamps(utc(a), utc(b), zone);
    expect(difference).toEqual(expected);
    expect(addIntervalToTimestamp(utc(b), difference, zone)).toBe(utc(a));
  });

  test('arithmetic dispatches TIMESTAMP operators', () => {
    expect(arithmetic('+', utc('2024-01-01T00:00:00'), 'TIMESTAMP', 1500, 'BIGINT')).toBe(utc('2024-01-01T00:00:01.5'));
    expect(arithmetic('-', utc('2024-01-02T00:00:00'), 'TIMESTAMP', utc('2024-01-01T00:00:00'), 'TIMESTAMP')).toEqual(makeInterval(0, 1, 0));
    expect(arithmetic('+', makeInterval(0, 1, 0), 'INTERVAL', utc('2024-01-01T00:00:00'), 'TIMESTAMP')).toBe(utc('2024-01-02T00:00:00'));
    expect(arithmetic('-', daysFromCivil(2024, 3, 1), 'DATE', daysFromCivil(2024, 1, 1), 'DATE')).toBe(60);
    expect(arithmetic('+', daysFromCivil(2024, 1, 31), 'DATE', 1, 'BIGINT')).toBe(daysFromCivil(2024, 2, 1));
    expect(arithmetic('-', makeInterval(1, 0, 0), 'INTERVAL', makeInterval(0, 1, 0), 'INTERVAL')).toEqual(makeInterval(1, -1, 0));
    expect(arithmetic('*', makeInterval(0, 1, HOUR), 'INTERVAL', 3, 'BIGINT')).toEqual(makeInterval(0, 3, 3 * HOUR));
  });

  test('add_months helpers', () => {
    expect(addMonthsToDate(daysFromCivil(2024, 1, 31), 1)).toBe(daysFromCivil(2024, 2, 29));
    expect(addMonthsToDate(daysFromCivil(2024, 3, 31), -13)).toBe(daysFromCivil(2023, 2, 28));
    expect(addMonthsToTimestamp(utc('2024-10-15T10:00:00'), 1, 'Europe/Berlin')).toBe(utc('2024-11-15T11:00:00'));
    expect(addMonthsToTimestamp(utc('2024-01-01T00:00:00') + DAY, 0, 'UTC')).toBe(utc('2024-01-02T00:00:00'));
  });
});
