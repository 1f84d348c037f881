import { partitionKey, type ColumnDef, type TableDef } from '../catalog/table.js';
import { sqlTypeOfCql } from '../catalog/cql-types.js';

/**
 * How a table buckets its rows by time: partition-key columns that hold the UTC calendar fields of
 * a millisecond timestamp column. user_logs has year, month, day and hour beside log_time.
 */
export interface TimeBuckets {
  readonly year: string;
  readonly month: string;
  readonly day: string;
  /** Absent for daily buckets. */
  readonly hour: string | null;
  /** BIGINT column of milliseconds since the epoch whose UTC fields the buckets are. */
  readonly timestampColumn: string;
  /** Bucket width: 'hour' when an hour column exists, else 'day'. */
  readonly unit: 'hour' | 'day';
}

/** A per-table override from configuration; `false` turns detection off for that table. */
export type TimeBucketOverride = Omit<TimeBuckets, 'unit'> | false;

const TIMESTAMP_COLUMN_NAMES = ['log_time', 'event_time_ms', 'timestamp_ms', 'ts', 'time_ms', 'event_ts'];

/**
 * Detects time buckets by column names and types: integer partition-key columns named year,
 * month and day (and optionally hour), and a BIGINT column named like a millisecond timestamp.
 */
export function detectTimeBuckets(table: TableDef, override?: TimeBucketOverride): TimeBuckets | null {
  if (override === false) return null;
  if (override) return { ...override, unit: override.hour ? 'hour' : 'day' };

  const keyColumns = partitionKey(table);
  const integerKey = (name: string): ColumnDef | undefined =>
    keyColumns.find((c) => c.name === name && sqlTypeOfCql(c.cqlType) === 'BIGINT');
  const year = integerKey('year');
  const month = integerKey('month');
  const day = integerKey('day');
  if (!year || !month || !day) return null;
  const hour = integerKey('hour');

  const timestamp = TIMESTAMP_COLUMN_NAMES.map((name) => table.columns.find((c) => c.name === name)).find(
    (c) => c !== undefined && ['bigint', 'timestamp'].includes(c.cqlType),
  );
  if (!timestamp) return null;

  return {
    year: year.name,
    month: month.name,
    day: day.name,
    hour: hour?.name ?? null,
    timestampColumn: timestamp.name,
    unit: hour ? 'hour' : 'day',
  };
}

export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** Bucket number (hours or days since the epoch) holding an instant in ms. */
export function bucketOfMs(ms: number, unit: 'hour' | 'day'): number {
  return Math.floor(ms / (unit === 'hour' ? MS_PER_HOUR : MS_PER_DAY));
}

/** UTC calendar fields of a bucket number. */
export function bucketFields(bucket: number, unit: 'hour' | 'day'): { year: number; month: number; day: number; hour: number } {
  const ms = bucket * (unit === 'hour' ? MS_PER_HOUR : MS_PER_DAY);
  const date = new Date(ms);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: unit === 'hour' ? date.getUTCHours() : 0,
  };
}
