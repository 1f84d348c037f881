import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { arithmetic, type ArithmeticOperator } from '../../../src/executor/semantics/arithmetic.js';
import { castValue, type CastTarget } from '../../../src/executor/semantics/cast.js';
import { timestampPart } from '../../../src/executor/semantics/date-part.js';
import { truncateTimestamp } from '../../../src/executor/semantics/date-trunc.js';
import type { DateField } from '../../../src/executor/semantics/date-units.js';
import { addIntervalToTimestamp, makeInterval, subtractTimestamps } from '../../../src/executor/semantics/interval.js';
import { compileStrftime } from '../../../src/executor/semantics/strftime.js';
import { instantToWall, wallToInstant } from '../../../src/executor/semantics/time-zone.js';
import type { ExprType } from '../../../src/executor/semantics/types.js';
import { dateOfInstant } from '../../../src/executor/semantics/zoned-time.js';
import type { Value } from '../../../src/executor/values.js';
import { openDuckDB, queryColumn, setTimeZone } from '../functions/duckdb-support.js';

/**
 * Operator primitives compared with DuckDB 1.5 (with ieee_floating_point_ops off, so that
 * division by zero is NULL). Our TIMESTAMP is an instant, so DuckDB runs TIMESTAMPTZ with the
 * same session time zone.
 */

let duckdb: DuckDBConnection;

beforeAll(async () => {
  duckdb = await openDuckDB();
});

afterAll(() => {
  duckdb?.closeSync();
});

async function duck(expression: string, timeZone = 'UTC'): Promise<Value> {
  await setTimeZone(duckdb, timeZone);
  return (await queryColumn(duckdb, expression)).values[0]!;
}

const DUCKDB_TYPE: Record<string, string> = { BIGINT: 'BIGINT', DOUBLE: 'DOUBLE', TEXT: 'VARCHAR', BOOLEAN: 'BOOLEAN' };

function literal(value: Value, type: ExprType): string {
  if (value === null) return 'NULL';
  if (type === 'TEXT') return `'${String(value).replaceAll("'", "''")}'`;
  const text = Object.is(value, -0) ? '-0.0' : String(value);
  return `CAST('${text}' AS ${DUCKDB_TYPE[type]})`;
}

describe('arithmetic matches DuckDB', () => {
  const cases: [ArithmeticOperator, Value, ExprType, Value, ExprType][] = [
    ['+', 9007199254740991, 'BIGINT', 2, 'BIGINT'],
    ['-', -9223372036854775807n, 'BIGINT', 1, 'BIGINT'],
    ['*', 3037000499, 'BIGINT', 3037000499, 'BIGINT'],
    ['*', -4294967296, 'BIGINT', 2147483647, 'BIGINT'],
    ['//', -7, 'BIGINT', 2, 'BIGINT'],
    ['//', 7, 'BIGINT', -2, 'BIGINT'],
    ['//', -9223372036854775807n, 'BIGINT', 10, 'BIGINT'],
    ['//', 7, 'BIGINT', 0, 'BIGINT'],
    ['%', -7, 'BIGINT', 2, 'BIGINT'],
    ['%', 7, 'BIGINT', -3, 'BIGINT'],
    ['%', 9223372036854775807n, 'BIGINT', -10, 'BIGINT'],
    ['%', 7, 'BIGINT', 0, 'BIGINT'],
    ['/', 7, 'BIGINT', 2, 'BIGINT'],
    ['/', 2, 'BIGINT', 3, 'BIGINT'],
    ['/', 7, 'BIGINT', 0, 'BIGINT'],
    ['/', 9223372036854775807n, 'BIGINT', 3, 'BIGINT'],
    ['+', 0.1, 'DOUBLE', 0.2, 'DOUBLE'],
    ['*', 1.5, 'DOUBLE', 3, 'BIGINT'],
    ['/', 1.5, 'DOUBLE', 0, 'DOUBLE'],
    ['%', 5.5, 'DOUBLE', 2, 'DOUBLE'],
    ['%', -5.5, 'DOUBLE', 2, 'DOUBLE'],
    ['%', 5.5, 'DOUBLE', 0, 'DOUBLE'],
    ['-', 1e308, 'DOUBLE', -1e308, 'DOUBLE'],
  ];

  test.each(cases)('%s: %s and %s', async (op, left, leftType, right, rightType) => {
    const expected = await duck(`${literal(left, leftType)} ${op} ${literal(right, rightType)}`);
    expect(arithmetic(op, left, leftType, right, rightType)).toEqual(expected);
  });

  test.each<[ArithmeticOperator, Value, Value]>([
    ['+', 9223372036854775807n, 1],
    ['-', -9223372036854775807n, 2],
    ['*', 4611686018427387904n, 2],
    ['//', -9223372036854775808n, -1],
  ])('%s overflow raises in both', async (op, left, right) => {
    await expect(duck(`${literal(left, 'BIGINT')} ${op} ${literal(right, 'BIGINT')}`)).rejects.toThrow(/Overflow/);
    expect(() => arithmetic(op, left, 'BIGINT', right, 'BIGINT')).toThrow(/outside the signed 64-bit range/);
  });
});

describe('casts match DuckDB', () => {
  const cases: [Value, ExprType, CastTarget][] = [
    ...['42', ' 12 ', '+5', '1e3', '12.5', '-2.5', '0.5', '1.4999', '0x1F', '0b101', '1_000', '9223372036854775807', '5e18', '1e-1', '1.'].map(
      (text) => [text, 'TEXT', 'BIGINT'] as [Value, ExprType, CastTarget],
    ),
    ...['1.5', ' 1.5e3 ', '.5', '1_000.5', 'inf', '-Infinity'].map((text) => [text, 'TEXT', 'DOUBLE'] as [Value, ExprType, CastTarget]),
    ...['true', 'T', 'yes', 'y', '1', 'FALSE', 'n', 'no', '0'].map((text) => [text, 'TEXT', 'BOOLEAN'] as [Value, ExprType, CastTarget]),
    ...[2.5, 3.5, 0.5, -0.5, -1.5, -2.5, 2.4999, 1e18, -9.2e18].map((value) => [value, 'DOUBLE', 'BIGINT'] as [Value, ExprType, CastTarget]),
    ...[100, 0.1, 1e20, 1e-7, 0.0001, 1e-5, 1 / 3, 1e15, 1e16, 12345.678, 1.5e300, 5e-324, -0, -2.5, Infinity].map(
      (value) => [value, 'DOUBLE', 'TEXT'] as [Value, ExprType, CastTarget],
    ),
    [9007199254740993n, 'BIGINT', 'DOUBLE'],
    [9007199254740993n, 'BIGINT', 'TEXT'],
    [2, 'BIGINT', 'BOOLEAN'],
    [0.5, 'DOUBLE', 'BOOLEAN'],
    [true, 'BOOLEAN', 'BIGINT'],
    [true, 'BOOLEAN', 'TEXT'],
    ...['2024-03-05', '2024-3-5', ' 2024-03-05 '].map((text) => [text, 'TEXT', 'DATE'] as [Value, ExprType, CastTarget]),
  ];

  test.each(cases)('%s from %s to %s', async (value, from, to) => {
    const expected = await duck(`CAST(${literal(value, from)} AS ${to === 'DATE' ? 'DATE' : DUCKDB_TYPE[to]})`);
    expect(castValue(value, from, to, { timeZone: 'UTC' })).toEqual(expected);
  });

  test.each(['abc', '', '1__0', '_1', '0x', '-0x1F', '9223372036854775808'])('%s to BIGINT fails in both', async (text) => {
    await expect(duck(`CAST(${literal(text, 'TEXT')} AS BIGINT)`)).rejects.toThrow(/Could not convert/);
    expect(() => castValue(text, 'TEXT', 'BIGINT', { timeZone: 'UTC' })).toThrow(/cannot cast/);
  });

  test.each(['maybe', ' false ', 'off'])('%s to BOOLEAN fails in both', async (text) => {
    await expect(duck(`CAST(${literal(text, 'TEXT')} AS BOOLEAN)`)).rejects.toThrow(/Could not convert/);
    expect(() => castValue(text, 'TEXT', 'BOOLEAN', { timeZone: 'UTC' })).toThrow(/cannot cast/);
  });

  test.each<[string, string]>([
    ['2024-03-05 10:11:12', 'Europe/Berlin'],
    ['2024-03-31 02:30:00', 'Europe/Berlin'],
    ['2024-10-27 02:30:00', 'Europe/Berlin'],
    ['2024-03-10 02:30:00', 'America/New_York'],
    ['2024-11-03 01:30:00', 'America/New_York'],
    ['2024-03-05T10:11:12.5', 'UTC'],
    ['2024-03-05 10:11', 'Asia/Kolkata'],
    ['2024-03-05 10:11:12+02:30', 'America/New_York'],
    ['2024-03-05 10:11:12 UTC', 'Europe/Berlin'],
    ['2024-03-05 10:11:12 Europe/Berlin', 'America/New_York'],
  ])('TEXT %s to TIMESTAMP in %s', async (text, zone) => {
    const expected = await duck(`CAST('${text}' AS TIMESTAMPTZ)`, zone);
    expect(castValue(text, 'TEXT', 'TIMESTAMP', { timeZone: zone })).toBe(expected);
  });
});

/** Instants every `stepMinutes` through the given local days, plus a sweep through 2024. */
function instantsAround(days: readonly string[], stepMinutes: number): number[] {
  const instants: number[] = [];
  for (const day of days) {
    const start = Date.parse(`${day}T00:00:00Z`) - 86_400_000;
    for (let t = start; t < start + 3 * 86_400_000; t += stepMinutes * 60_000) instants.push(t);
  }
  for (let t = Date.parse('2024-01-01T00:00:00Z'); t < Date.parse('2025-01-01T00:00:00Z'); t += 433 * 60_000 + 1234) instants.push(t);
  // Sorted and distinct, in the order of DuckDB's ORDER BY ms.
  return [...new Set(instants)].sort((a, b) => a - b);
}

const ZONES: readonly [string, readonly string[]][] = [
  ['Europe/Berlin', ['2024-03-31', '2024-10-27']],
  ['America/New_York', ['2024-03-10', '2024-11-03']],
  ['Asia/Kolkata', ['2024-06-01']],
  ['America/Sao_Paulo', ['2018-11-04', '2019-02-17']],
  ['Australia/Lord_Howe', ['2024-04-07', '2024-10-06']],
];

/** Runs one expression of `ts` over every instant and returns the column. */
async function duckColumn(instants: readonly number[], expression: string, zone: string): Promise<Value[]> {
  await setTimeZone(duckdb, zone);
  const list = `[${instants.join(', ')}]`;
  const from = `FROM (SELECT timezone('UTC', make_timestamp(ms * 1000)) AS ts, ms FROM (SELECT unnest(${list}::BIGINT[]) AS ms)) ORDER BY ms`;
  return (await queryColumn(duckdb, expression, from)).values;
}

/** True when the instant is the earlier of two with the same local time (clocks went back after it). */
function inFirstRepeatedHour(instant: number, zone: string): boolean {
  return wallToInstant(instantToWall(instant, zone), zone) !== instant;
}

describe.each(ZONES)('time zone %s matches DuckDB', (zone, days) => {
  const instants = instantsAround(days, 17);

  test.each<DateField>(['minute', 'hour', 'day', 'week', 'month', 'quarter', 'year'])('date_trunc %s', async (unit) => {
    const expected = await duckColumn(instants, `date_trunc('${unit}', ts)`, zone);
    instants.forEach((instant, i) => {
      // DuckDB resolves a truncated local time in a repeated hour to its later occurrence, which
      // can lie after the input; ours truncates within the occurrence that holds the input.
      if ((unit === 'minute' || unit === 'hour') && inFirstRepeatedHour(instant, zone)) return;
      expect([new Date(instant).toISOString(), truncateTimestamp(unit, instant, zone)]).toEqual([new Date(instant).toISOString(), expected[i]]);
    });
  });

  test.each<DateField>(['year', 'quarter', 'month', 'week', 'day', 'dow', 'isodow', 'doy', 'hour', 'minute', 'second', 'millisecond', 'epoch'])(
    'date_part %s',
    async (field) => {
      const expected = await duckColumn(instants, `date_part('${field}', ts)`, zone);
      expect(instants.map((instant) => timestampPart(field, instant, zone))).toEqual(expected);
    },
  );

  test('strftime, CAST AS DATE and CAST AS TEXT', async () => {
    const format = '%Y-%m-%d %H:%M:%S.%g %z %a %j %U %W %V %G';
    const expectedText = await duckColumn(instants, `strftime(ts, '${format}')`, zone);
    const formatter = compileStrftime(format);
    expect(instants.map((instant) => formatter.formatTimestamp(instant, zone))).toEqual(expectedText);

    const expectedDates = await duckColumn(instants, 'CAST(ts AS DATE)', zone);
    expect(instants.map((instant) => dateOfInstant(instant, zone))).toEqual(expectedDates);

    // DuckDB prints TIMESTAMPTZ with its offset; cut it off to compare with our display text.
    const expectedDisplay = (await duckColumn(instants, 'CAST(ts AS VARCHAR)', zone)).map((text) => (text as string).replace(/[+-]\d\d(:\d\d)?$/, ''));
    expect(instants.map((instant) => castValue(instant, 'TIMESTAMP', 'TEXT', { timeZone: zone }))).toEqual(expectedDisplay);
  });

  test.each<[string, number, number, number]>([
    ['1 day', 0, 1, 0],
    ['1 month', 1, 0, 0],
    ['-1 month', -1, 0, 0],
    ['25 hours', 0, 0, 25 * 3_600_000],
    ['1 day 2 hours', 0, 1, 2 * 3_600_000],
  ])('TIMESTAMP + INTERVAL %s', async (text, months, daysPart, ms) => {
    const expected = await duckColumn(instants, `ts + INTERVAL '${text}'`, zone);
    const interval = makeInterval(months, daysPart, ms);
    instants.forEach((instant, i) => {
      expect([new Date(instant).toISOString(), addIntervalToTimestamp(instant, interval, zone)]).toEqual([new Date(instant).toISOString(), expected[i]]);
    });
  });

  test.each(['30 hours', '1 day', '3 days 5 hours'])('TIMESTAMP - TIMESTAMP %s apart, both ways', async (gap) => {
    const forward = await duckColumn(instants, `ts - (ts - INTERVAL '${gap}')`, zone);
    const backward = await duckColumn(instants, `(ts - INTERVAL '${gap}') - ts`, zone);
    const earlier = await duckColumn(instants, `ts - INTERVAL '${gap}'`, zone);
    instants.forEach((instant, i) => {
      const label = new Date(instant).toISOString();
      expect([label, subtractTimestamps(instant, earlier[i] as number, zone)]).toEqual([label, forward[i]]);
      expect([label, subtractTimestamps(earlier[i] as number, instant, zone)]).toEqual([label, backward[i]]);
    });
  });
});
