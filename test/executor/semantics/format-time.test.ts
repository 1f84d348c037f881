import { describe, expect, test } from 'vitest';
import { daysFromCivil } from '../../../src/executor/semantics/calendar.js';
import { SqlRuntimeError } from '../../../src/executor/semantics/errors.js';
import { formatDate, formatInterval, formatTimestamp, formatTimestampIso } from '../../../src/executor/semantics/format-time.js';
import { compileStrftime } from '../../../src/executor/semantics/strftime.js';

const utc = (text: string) => Date.parse(`${text}Z`);

describe('display text', () => {
  test.each<[string, string, string]>([
    ['2024-01-01T00:00:00', 'UTC', '2024-01-01 00:00:00'],
    ['2024-01-01T00:00:00.120', 'UTC', '2024-01-01 00:00:00.12'],
    ['2024-01-01T00:00:00.100', 'UTC', '2024-01-01 00:00:00.1'],
    ['2024-01-01T00:00:00.012', 'UTC', '2024-01-01 00:00:00.012'],
    ['2024-07-05T17:08:09.012', 'America/New_York', '2024-07-05 13:08:09.012'],
    ['2024-07-05T17:08:09', 'Asia/Kolkata', '2024-07-05 22:38:09'],
    ['1969-12-31T23:59:59.999', 'UTC', '1969-12-31 23:59:59.999'],
    ['0099-03-05T12:00:00', 'UTC', '0099-03-05 12:00:00'],
  ])('%s in %s', (instant, zone, expected) => {
    expect(formatTimestamp(utc(instant), zone)).toBe(expected);
  });

  test.each<[string, string, string]>([
    ['2024-07-05T17:08:09.012', 'UTC', '2024-07-05T17:08:09.012+00:00'],
    ['2024-07-05T17:08:09', 'America/New_York', '2024-07-05T13:08:09.000-04:00'],
    ['2024-01-05T17:08:09', 'Europe/Berlin', '2024-01-05T18:08:09.000+01:00'],
    ['2024-01-05T17:08:09', 'Asia/Kolkata', '2024-01-05T22:38:09.000+05:30'],
  ])('ISO text of %s in %s', (instant, zone, expected) => {
    expect(formatTimestampIso(utc(instant), zone)).toBe(expected);
  });

  test.each<[number, string]>([
    [0, '1970-01-01'],
    [daysFromCivil(2024, 2, 29), '2024-02-29'],
    [daysFromCivil(10000, 1, 1), '10000-01-01'],
    [daysFromCivil(-1, 1, 1), '0002-01-01 (BC)'],
  ])('date %i', (days, expected) => {
    expect(formatDate(days)).toBe(expected);
  });

  test.each<[number, number, number, string]>([
    [14, 0, 0, '1 year 2 months'],
    [1, 0, 0, '1 month'],
    [0, 0, 0, '00:00:00'],
    [0, 0, 1500, '00:00:01.5'],
    [0, 0, -5_400_000, '-01:30:00'],
    [24, 3, 0, '2 years 3 days'],
    [0, 1, 0, '1 day'],
    [0, -1, 0, '-1 day'],
    [0, 60, 36_000_000, '60 days 10:00:00'],
    [0, 0, 360_000_000, '100:00:00'],
    [-1, 2, 0, '-1 month 2 days'],
    [0, 0, 10, '00:00:00.01'],
  ])('interval %i months %i days %i ms', (months, days, ms, expected) => {
    expect(formatInterval({ months, days, ms })).toBe(expected);
  });
});

describe('strftime', () => {
  const instant = utc('2024-03-05T07:08:09.012');
  test.each<[string, string]>([
    ['%Y|%m|%d|%H|%M|%S|%j', '2024|03|05|07|08|09|065'],
    ['%a|%b|%A|%B|%h', 'Tue|Mar|Tuesday|March|Mar'],
    ['%y|%p|%I|%f|%g|%n', '24|AM|07|012000|012|012000000'],
    ['%z|%Z|%%', '+00|UTC|%'],
    ['%e', ' 5'],
    ['%-d|%-m|%-H|%-M|%-S|%-j|%-y|%-I', '5|3|7|8|9|65|24|7'],
    ['%u|%w|%U|%W|%V|%G', '2|2|09|10|10|2024'],
    ['%x %X|%T|%c', '2024-03-05 07:08:09|07:08:09|2024-03-05 07:08:09'],
    ['plain text', 'plain text'],
    ['', ''],
  ])('%s', (format, expected) => {
    expect(compileStrftime(format).formatTimestamp(instant, 'UTC')).toBe(expected);
  });

  test.each<[string, string, string, string]>([
    ['2024-03-05T00:08:09', 'UTC', '%I %p', '12 AM'],
    ['2024-03-05T12:08:09', 'UTC', '%I %p', '12 PM'],
    ['2024-03-05T17:08:09', 'America/New_York', '%H %z %Z', '12 -05 America/New_York'],
    ['2024-07-05T17:08:09', 'America/New_York', '%H %z', '13 -04'],
    ['2024-03-05T17:08:09', 'Asia/Kolkata', '%H:%M %z', '22:38 +05:30'],
    ['2021-01-03T17:08:09', 'UTC', '%G-W%V-%u %U %W', '2020-W53-7 01 00'],
    ['0099-03-05T12:08:09', 'UTC', '%Y %y', '0099 99'],
  ])('%s in %s with %s', (text, zone, format, expected) => {
    expect(compileStrftime(format).formatTimestamp(utc(text), zone)).toBe(expected);
  });

  test('a DATE has midnight and no zone name', () => {
    expect(compileStrftime('%Y-%m-%d %H:%M %z|%Z|').formatDate(daysFromCivil(2024, 3, 5))).toBe('2024-03-05 00:00 +00||');
  });

  test.each<[string, RegExp]>([
    ['%q', /unknown specifier %q/],
    ['abc%', /ends with %/],
    ['%-', /ends with %/],
    ['%-a', /unknown specifier %-a/],
  ])('%s is rejected', (format, message) => {
    expect(() => compileStrftime(format)).toThrow(SqlRuntimeError);
    expect(() => compileStrftime(format)).toThrow(message);
  });
});
