import { describe, expect, test } from 'vitest';
import { datePart, timestampPart } from '../../../src/executor/semantics/date-part.js';
import { SqlRuntimeError } from '../../../src/executor/semantics/errors.js';
import { checkTimeZone, formatOffset, instantToWall, wallToInstant, zoneOffsetMs } from '../../../src/executor/semantics/time-zone.js';
import { dateOfInstant, startOfDay, zonedFields } from '../../../src/executor/semantics/zoned-time.js';
import { daysFromCivil } from '../../../src/executor/semantics/calendar.js';
import type { DateField } from '../../../src/executor/semantics/date-units.js';

const HOUR = 3_600_000;
const utc = (text: string) => Date.parse(`${text}Z`);

describe('zone offsets', () => {
  test.each<[string, string, number]>([
    ['UTC', '2024-07-01T12:00:00', 0],
    ['Europe/Berlin', '2024-01-15T12:00:00', 1 * HOUR],
    ['Europe/Berlin', '2024-07-15T12:00:00', 2 * HOUR],
    ['Europe/Berlin', '2024-03-31T00:59:59.999', 1 * HOUR],
    ['Europe/Berlin', '2024-03-31T01:00:00', 2 * HOUR],
    ['Europe/Berlin', '2024-10-27T00:59:59.999', 2 * HOUR],
    ['Europe/Berlin', '2024-10-27T01:00:00', 1 * HOUR],
    ['America/New_York', '2024-03-10T06:59:59.999', -5 * HOUR],
    ['America/New_York', '2024-03-10T07:00:00', -4 * HOUR],
    ['America/New_York', '2024-11-03T05:59:59.999', -4 * HOUR],
    ['America/New_York', '2024-11-03T06:00:00', -5 * HOUR],
    ['Asia/Kolkata', '2024-07-01T12:00:00', 5.5 * HOUR],
    ['Asia/Kathmandu', '2024-07-01T12:00:00', 5.75 * HOUR],
    ['Australia/Lord_Howe', '2024-01-01T12:00:00', 11 * HOUR],
    ['Australia/Lord_Howe', '2024-07-01T12:00:00', 10.5 * HOUR],
  ])('%s at %s', (zone, instant, expected) => {
    expect(zoneOffsetMs(utc(instant), zone)).toBe(expected);
  });

  test('cached offsets agree with uncached ones across a whole year', () => {
    const start = utc('2024-01-01T00:00:00');
    for (let t = start; t < start + 366 * 24 * HOUR; t += 7 * 60_000 + 13) {
      const expected = new Date(t).toLocaleString('en-US', { timeZone: 'America/New_York', timeZoneName: 'short' }).endsWith('EDT') ? -4 * HOUR : -5 * HOUR;
      expect(zoneOffsetMs(t, 'America/New_York')).toBe(expected);
    }
  });

  test('unknown zone raises INVALID_TIME_ZONE', () => {
    expect(() => checkTimeZone('Mars/Olympus')).toThrow(SqlRuntimeError);
    expect(() => zoneOffsetMs(0, 'Mars/Olympus')).toThrow(/unknown time zone 'Mars\/Olympus'/);
    expect(() => checkTimeZone('Europe/Berlin')).not.toThrow();
  });

  test.each<[number, string]>([
    [0, '+00:00'],
    [5.5 * HOUR, '+05:30'],
    [-4 * HOUR, '-04:00'],
    [3_208_000, '+00:53:28'],
  ])('formatOffset %i', (offset, expected) => {
    expect(formatOffset(offset)).toBe(expected);
  });
});

describe('wall time to instant', () => {
  test.each<[string, string, string, string]>([
    ['plain winter time', 'Europe/Berlin', '2024-01-15T12:00:00', '2024-01-15T11:00:00'],
    ['skipped Berlin 02:30 moves forward', 'Europe/Berlin', '2024-03-31T02:30:00', '2024-03-31T01:30:00'],
    ['repeated Berlin 02:30 takes the later occurrence', 'Europe/Berlin', '2024-10-27T02:30:00', '2024-10-27T01:30:00'],
    ['skipped New York 02:30 is 03:30 EDT', 'America/New_York', '2024-03-10T02:30:00', '2024-03-10T07:30:00'],
    ['repeated New York 01:30 is 01:30 EST', 'America/New_York', '2024-11-03T01:30:00', '2024-11-03T06:30:00'],
    ['Sao Paulo midnight skipped in 2018', 'America/Sao_Paulo', '2018-11-04T00:00:00', '2018-11-04T03:00:00'],
    ['UTC', 'UTC', '2024-03-31T02:30:00', '2024-03-31T02:30:00'],
  ])('%s', (_name, zone, wall, expected) => {
    expect(wallToInstant(utc(wall), zone)).toBe(utc(expected));
  });

  test('instants round trip through wall time outside transitions', () => {
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata']) {
      for (let t = utc('2024-01-01T00:00:00'); t < utc('2025-01-01T00:00:00'); t += 5 * HOUR + 17_000) {
        const back = wallToInstant(instantToWall(t, zone), zone);
        // Within a repeated hour the wall time maps to the later occurrence.
        expect([t, t + HOUR]).toContain(back);
      }
    }
  });
});

describe('calendar fields in a zone', () => {
  test('Berlin fields on the spring-forward day', () => {
    expect(zonedFields(utc('2024-03-31T00:59:59'), 'Europe/Berlin')).toMatchObject({ year: 2024, month: 3, day: 31, hour: 1, minute: 59 });
    expect(zonedFields(utc('2024-03-31T01:00:00'), 'Europe/Berlin')).toMatchObject({ hour: 3, minute: 0 });
  });

  test('New York fields on the fall-back day', () => {
    expect(zonedFields(utc('2024-11-03T05:30:00'), 'America/New_York')).toMatchObject({ day: 3, hour: 1, minute: 30 });
    expect(zonedFields(utc('2024-11-03T06:30:00'), 'America/New_York')).toMatchObject({ day: 3, hour: 1, minute: 30 });
  });

  test('local date and start of day', () => {
    expect(dateOfInstant(utc('2024-03-30T23:30:00'), 'Europe/Berlin')).toBe(daysFromCivil(2024, 3, 31));
    expect(dateOfInstant(utc('2024-03-30T23:30:00'), 'UTC')).toBe(daysFromCivil(2024, 3, 30));
    expect(startOfDay(daysFromCivil(2024, 3, 31), 'Europe/Berlin')).toBe(utc('2024-03-30T23:00:00'));
    expect(startOfDay(daysFromCivil(2024, 4, 1), 'Europe/Berlin')).toBe(utc('2024-03-31T22:00:00'));
    // The Berlin spring-forward day has 23 hours and the fall-back day 25.
    expect(startOfDay(daysFromCivil(2024, 4, 1), 'Europe/Berlin') - startOfDay(daysFromCivil(2024, 3, 31), 'Europe/Berlin')).toBe(23 * HOUR);
    expect(startOfDay(daysFromCivil(2024, 10, 28), 'Europe/Berlin') - startOfDay(daysFromCivil(2024, 10, 27), 'Europe/Berlin')).toBe(25 * HOUR);
    expect(startOfDay(daysFromCivil(2024, 11, 4), 'America/New_York') - startOfDay(daysFromCivil(2024, 11, 3), 'America/New_York')).toBe(25 * HOUR);
  });
});

describe('date_part', () => {
  const instant = utc('2024-12-30T13:45:56.789');
  test.each<[DateField, number]>([
    ['year', 2024],
    ['quarter', 4],
    ['month', 12],
    ['week', 1],
    ['isoyear', 2025],
    ['yearweek', 202501],
    ['day', 30],
    ['dow', 1],
    ['isodow', 1],
    ['doy', 365],
    ['hour', 13],
    ['minute', 45],
    ['second', 56],
    ['millisecond', 56789],
    ['microsecond', 56789000],
    ['epoch', 1735566356.789],
    ['decade', 202],
    ['century', 21],
    ['millennium', 3],
  ])('%s of a UTC timestamp', (field, expected) => {
    expect(timestampPart(field, instant, 'UTC')).toBe(expected);
  });

  test.each<[DateField, string, string, number]>([
    ['hour', 'Europe/Berlin', '2024-03-31T00:30:00', 1],
    ['hour', 'Europe/Berlin', '2024-03-31T01:30:00', 3],
    ['day', 'America/New_York', '2024-03-10T03:00:00', 9],
    ['dow', 'America/New_York', '2024-03-10T03:00:00', 6],
    ['hour', 'America/New_York', '2024-11-03T05:30:00', 1],
    ['hour', 'America/New_York', '2024-11-03T06:30:00', 1],
    ['minute', 'Asia/Kolkata', '2024-01-01T00:10:00', 40],
    ['epoch', 'Asia/Kolkata', '2024-01-01T00:00:00', 1704067200],
  ])('%s in %s at %s', (field, zone, text, expected) => {
    expect(timestampPart(field, utc(text), zone)).toBe(expected);
  });

  test.each<[DateField, number]>([
    ['year', 2000],
    ['century', 20],
    ['millennium', 2],
    ['decade', 200],
    ['hour', 0],
    ['epoch', 957484800],
    ['dow', 5],
  ])('%s of DATE 2000-05-05', (field, expected) => {
    expect(datePart(field, daysFromCivil(2000, 5, 5))).toBe(expected);
  });
});
