import { describe, expect, test } from 'vitest';
import { daysFromCivil } from '../../../src/executor/semantics/calendar.js';
import { truncateDays, truncateTimestamp } from '../../../src/executor/semantics/date-trunc.js';
import { lookupDateField, parseDateField, type DateField } from '../../../src/executor/semantics/date-units.js';
import { DATE_TRUNC_UNITS } from '../../../src/executor/semantics/date-trunc.js';

const utc = (text: string) => Date.parse(`${text}Z`);

describe('date_trunc on TIMESTAMP in UTC', () => {
  const instant = utc('2024-05-17T13:45:56.789');
  test.each<[DateField, string]>([
    ['millisecond', '2024-05-17T13:45:56.789'],
    ['second', '2024-05-17T13:45:56'],
    ['minute', '2024-05-17T13:45:00'],
    ['hour', '2024-05-17T13:00:00'],
    ['day', '2024-05-17T00:00:00'],
    ['week', '2024-05-13T00:00:00'],
    ['month', '2024-05-01T00:00:00'],
    ['quarter', '2024-04-01T00:00:00'],
    ['year', '2024-01-01T00:00:00'],
    ['isoyear', '2024-01-01T00:00:00'],
    ['decade', '2020-01-01T00:00:00'],
    ['century', '2000-01-01T00:00:00'],
    ['millennium', '2000-01-01T00:00:00'],
  ])('%s', (unit, expected) => {
    expect(truncateTimestamp(unit, instant, 'UTC')).toBe(utc(expected));
  });

  test('before the epoch', () => {
    expect(truncateTimestamp('day', utc('1969-12-31T23:59:59.999'), 'UTC')).toBe(utc('1969-12-31T00:00:00'));
    expect(truncateTimestamp('second', utc('1969-12-31T23:59:59.999'), 'UTC')).toBe(utc('1969-12-31T23:59:59'));
  });

  test('week of a Sunday starts on the Monday before', () => {
    expect(truncateTimestamp('week', utc('2024-03-17T10:00:00'), 'UTC')).toBe(utc('2024-03-11T00:00:00'));
  });

  test('isoyear of 2021-01-03 starts in 2019', () => {
    expect(truncateTimestamp('isoyear', utc('2021-01-03T10:00:00'), 'UTC')).toBe(utc('2019-12-30T00:00:00'));
  });
});

describe('date_trunc on DST days', () => {
  test.each<[string, DateField, string, string, string]>([
    // Europe/Berlin: clocks go 02:00 -> 03:00 on 2024-03-31 and 03:00 -> 02:00 on 2024-10-27.
    ['Berlin spring day starts at local midnight', 'day', 'Europe/Berlin', '2024-03-31T12:00:00', '2024-03-30T23:00:00'],
    ['Berlin spring day late evening', 'day', 'Europe/Berlin', '2024-03-31T21:59:59', '2024-03-30T23:00:00'],
    ['Berlin day after spring', 'day', 'Europe/Berlin', '2024-03-31T22:00:00', '2024-03-31T22:00:00'],
    ['Berlin autumn day', 'day', 'Europe/Berlin', '2024-10-27T22:59:59', '2024-10-26T22:00:00'],
    ['Berlin hour after the gap', 'hour', 'Europe/Berlin', '2024-03-31T01:30:00', '2024-03-31T01:00:00'],
    ['Berlin first 02:xx hour in autumn', 'hour', 'Europe/Berlin', '2024-10-27T00:30:00', '2024-10-27T00:00:00'],
    ['Berlin second 02:xx hour in autumn', 'hour', 'Europe/Berlin', '2024-10-27T01:30:00', '2024-10-27T01:00:00'],
    ['Berlin week containing the spring day', 'week', 'Europe/Berlin', '2024-03-31T12:00:00', '2024-03-24T23:00:00'],
    ['Berlin month across the spring change', 'month', 'Europe/Berlin', '2024-04-15T12:00:00', '2024-03-31T22:00:00'],
    ['Berlin year', 'year', 'Europe/Berlin', '2024-07-01T00:00:00', '2023-12-31T23:00:00'],
    // America/New_York: clocks go 02:00 -> 03:00 on 2024-03-10 and 02:00 -> 01:00 on 2024-11-03.
    ['New York spring day', 'day', 'America/New_York', '2024-03-10T12:00:00', '2024-03-10T05:00:00'],
    ['New York autumn day', 'day', 'America/New_York', '2024-11-03T12:00:00', '2024-11-03T04:00:00'],
    ['New York first 01:xx hour', 'hour', 'America/New_York', '2024-11-03T05:30:00', '2024-11-03T05:00:00'],
    ['New York second 01:xx hour', 'hour', 'America/New_York', '2024-11-03T06:30:00', '2024-11-03T06:00:00'],
    ['New York hour after the gap', 'hour', 'America/New_York', '2024-03-10T07:30:00', '2024-03-10T07:00:00'],
    ['New York month', 'month', 'America/New_York', '2024-11-03T12:00:00', '2024-11-01T04:00:00'],
    ['New York quarter', 'quarter', 'America/New_York', '2024-05-17T10:00:00', '2024-04-01T04:00:00'],
    // Kolkata is 05:30 ahead of UTC, so local hours start at half past.
    ['Kolkata hour', 'hour', 'Asia/Kolkata', '2024-11-03T06:10:00', '2024-11-03T05:30:00'],
    ['Kolkata day', 'day', 'Asia/Kolkata', '2024-11-03T20:00:00', '2024-11-03T18:30:00'],
    // America/Sao_Paulo skipped midnight on 2018-11-04: the day began at 01:00 local.
    ['Sao Paulo day whose midnight was skipped', 'day', 'America/Sao_Paulo', '2018-11-04T12:00:00', '2018-11-04T03:00:00'],
  ])('%s', (_name, unit, zone, input, expected) => {
    expect(truncateTimestamp(unit, utc(input), zone)).toBe(utc(expected));
  });

  test('truncation never moves after the input', () => {
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe']) {
      for (let t = utc('2024-01-01T00:00:00'); t < utc('2025-01-01T00:00:00'); t += 3_600_000 * 7 + 60_000 * 13) {
        for (const unit of ['minute', 'hour', 'day', 'week', 'month'] as const) {
          expect(truncateTimestamp(unit, t, zone)).toBeLessThanOrEqual(t);
        }
      }
    }
  });
});

describe('date_trunc on DATE', () => {
  test.each<[DateField, [number, number, number]]>([
    ['day', [2024, 3, 17]],
    ['hour', [2024, 3, 17]],
    ['week', [2024, 3, 11]],
    ['month', [2024, 3, 1]],
    ['quarter', [2024, 1, 1]],
    ['year', [2024, 1, 1]],
  ])('%s of 2024-03-17', (unit, [year, month, day]) => {
    expect(truncateDays(unit, daysFromCivil(2024, 3, 17))).toBe(daysFromCivil(year, month, day));
  });
});

describe('unit names', () => {
  test.each<[string, DateField | undefined]>([
    ['DAY', 'day'],
    [' hours ', 'hour'],
    ['dayofweek', 'dow'],
    ['ms', 'millisecond'],
    ['yr', 'year'],
    ['fortnight', undefined],
  ])('%s', (name, expected) => {
    expect(lookupDateField(name)).toBe(expected);
  });

  test('unknown unit error lists the choices', () => {
    expect(() => parseDateField('fortnight', DATE_TRUNC_UNITS, 'date_trunc')).toThrow(/date_trunc: unknown date field 'fortnight'/);
    expect(() => parseDateField('dow', DATE_TRUNC_UNITS, 'date_trunc')).toThrow(/unknown date field 'dow'/);
  });
});
