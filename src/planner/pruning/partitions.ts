import { partitionKey, type TableDef } from '../../catalog/table.js';
import { sqlTypeOfCql } from '../../catalog/cql-types.js';
import type { Value } from '../../executor/values.js';
import { bucketFields, type TimeBuckets } from '../time-buckets.js';
import { IntervalSet } from './interval-set.js';
import type { Box, KeySpace } from './key-space.js';

/**
 * How a scan finds its partitions.
 * - `none`: the predicate matches no partition; nothing is read.
 * - `enumerated`: the partition keys are listed from the predicate alone.
 * - `discovered`: the existing partition keys are listed with SELECT DISTINCT, then kept when they
 *   fall inside the key space. Used when a key column has no finite set or the list would pass the cap.
 * - `full_scan`: no key restriction at all; the table is read by token ranges.
 */
export type PartitionPlan =
  | { readonly kind: 'none' }
  | { readonly kind: 'enumerated'; readonly keys: readonly (readonly Value[])[] }
  | { readonly kind: 'discovered'; readonly space: KeySpace; readonly reason: string }
  | { readonly kind: 'full_scan' };

/** Domains of calendar bucket columns; other integer key columns are unbounded. */
const CALENDAR_DOMAINS = {
  month: IntervalSet.range(1, 12),
  day: IntervalSet.range(1, 31),
  hour: IntervalSet.range(0, 23),
} as const;

export interface PartitionPlanOptions {
  /** Enumerations larger than this use discovery instead. */
  readonly maxEnumerated: number;
}

/** Chooses how to find the partitions of a key space and lists them when enumeration applies. */
export function planPartitions(
  table: TableDef,
  buckets: TimeBuckets | null,
  space: KeySpace,
  options: PartitionPlanOptions,
): PartitionPlan {
  if (space.length === 0) return { kind: 'none' };
  if (space.every(isUnrestricted)) return { kind: 'full_scan' };

  const seen = new Set<string>();
  const keys: Value[][] = [];
  for (const box of space) {
    const result = enumerateBox(table, buckets, box, options.maxEnumerated - keys.length);
    if (result.kind === 'unbounded') return { kind: 'discovered', space, reason: result.reason };
    for (const key of result.keys) {
      const id = JSON.stringify(key);
      if (!seen.has(id)) {
        seen.add(id);
        keys.push(key);
      }
    }
    if (keys.length > options.maxEnumerated) {
      return { kind: 'discovered', space, reason: `more than max_enumerated_partitions = ${options.maxEnumerated} partitions` };
    }
  }
  return keys.length === 0 ? { kind: 'none' } : { kind: 'enumerated', keys };
}

function isUnrestricted(box: Box): boolean {
  return box.integers.size === 0 && [...box.values.values()].every((v) => v === null) && box.time === null;
}

type BoxResult = { kind: 'keys'; keys: Value[][] } | { kind: 'unbounded'; reason: string };

function enumerateBox(table: TableDef, buckets: TimeBuckets | null, box: Box, budget: number): BoxResult {
  const columns = partitionKey(table);
  const calendar = buckets ? calendarColumns(buckets) : new Map<string, keyof typeof CALENDAR_DOMAINS | 'year'>();

  // Values of each non-calendar key column.
  const plain = new Map<string, readonly Value[]>();
  for (const column of columns) {
    if (calendar.has(column.name)) continue;
    const values = columnValues(column.name, sqlTypeOfCql(column.cqlType) === 'BIGINT', box);
    if (values === null) return { kind: 'unbounded', reason: `no finite set of values for ${column.name}` };
    plain.set(column.name, values);
  }

  const tuples = buckets ? calendarTuples(buckets, box, budget) : [new Map<string, number>()];
  if (tuples === 'unbounded') return { kind: 'unbounded', reason: 'no finite time range or calendar values' };
  if (tuples === 'over_budget') return { kind: 'unbounded', reason: 'time range larger than max_enumerated_partitions' };

  let product = 1;
  for (const values of plain.values()) product *= values.length;
  if (product * tuples.length > budget) {
    return { kind: 'unbounded', reason: 'more partitions than max_enumerated_partitions' };
  }

  const keys: Value[][] = [];
  const build = (index: number, tuple: Map<string, number>, prefix: Value[]): void => {
    if (index === columns.length) {
      keys.push(prefix);
      return;
    }
    const column = columns[index]!;
    if (calendar.has(column.name)) {
      build(index + 1, tuple, [...prefix, tuple.get(column.name)!]);
      return;
    }
    for (const value of plain.get(column.name)!) build(index + 1, tuple, [...prefix, value]);
  };
  for (const tuple of tuples) build(0, tuple, []);
  return { kind: 'keys', keys };
}

function calendarColumns(buckets: TimeBuckets): Map<string, keyof typeof CALENDAR_DOMAINS | 'year'> {
  const map = new Map<string, keyof typeof CALENDAR_DOMAINS | 'year'>([
    [buckets.year, 'year'],
    [buckets.month, 'month'],
    [buckets.day, 'day'],
  ]);
  if (buckets.hour) map.set(buckets.hour, 'hour');
  return map;
}

function columnValues(name: string, integer: boolean, box: Box): readonly Value[] | null {
  if (integer) {
    const set = box.integers.get(name);
    if (!set || !set.isFinite) return null;
    return [...set.members()];
  }
  return box.values.get(name) ?? null;
}

/**
 * Lists the calendar bucket values (year, month, day, hour) a box allows. With a finite time range
 * it walks the UTC buckets of that range; without one, every calendar column needs a finite set and
 * their product is taken, impossible dates such as 31 February included, because real producers
 * write such partitions.
 */
function calendarTuples(buckets: TimeBuckets, box: Box, budget: number): Map<string, number>[] | 'unbounded' | 'over_budget' {
  const restriction = (name: string, domain: IntervalSet | null): IntervalSet => {
    const set = box.integers.get(name);
    if (domain) return set ? set.intersect(domain) : domain;
    return set ?? IntervalSet.ALL;
  };
  const year = restriction(buckets.year, null);
  const month = restriction(buckets.month, CALENDAR_DOMAINS.month);
  const day = restriction(buckets.day, CALENDAR_DOMAINS.day);
  const hour = buckets.hour ? restriction(buckets.hour, CALENDAR_DOMAINS.hour) : null;

  if (box.time && box.time.isFinite) {
    // A bucket filter such as hour BETWEEN 8 AND 17 can cut the range by up to 24 times.
    if (box.time.size > budget * 24 + 24) return 'over_budget';
    const tuples: Map<string, number>[] = [];
    for (const bucket of box.time.members()) {
      const fields = bucketFields(bucket, buckets.unit);
      if (!year.has(fields.year) || !month.has(fields.month) || !day.has(fields.day)) continue;
      if (hour && !hour.has(fields.hour)) continue;
      const tuple = new Map([
        [buckets.year, fields.year],
        [buckets.month, fields.month],
        [buckets.day, fields.day],
      ]);
      if (buckets.hour) tuple.set(buckets.hour, fields.hour);
      tuples.push(tuple);
    }
    return tuples;
  }

  if (!year.isFinite) return 'unbounded';
  const size = year.size * month.size * day.size * (hour ? hour.size : 1);
  if (size > budget) return 'over_budget';
  const tuples: Map<string, number>[] = [];
  for (const y of year.members()) {
    for (const m of month.members()) {
      for (const d of day.members()) {
        for (const h of hour ? hour.members() : [null]) {
          const tuple = new Map([
            [buckets.year, y],
            [buckets.month, m],
            [buckets.day, d],
          ]);
          if (buckets.hour && h !== null) tuple.set(buckets.hour, h);
          tuples.push(tuple);
        }
      }
    }
  }
  return tuples;
}

/** True when a discovered partition key lies in the key space. */
export function keyInSpace(table: TableDef, buckets: TimeBuckets | null, space: KeySpace, key: readonly Value[]): boolean {
  const columns = partitionKey(table);
  return space.some((box) => {
    for (let i = 0; i < columns.length; i++) {
      const name = columns[i]!.name;
      const value = key[i]!;
      const integers = box.integers.get(name);
      if (integers && !(typeof value === 'number' && integers.has(value))) return false;
      const values = box.values.get(name);
      if (values && !values.some((v) => v === value)) return false;
    }
    if (box.time && buckets) {
      const field = (name: string) => key[columns.findIndex((c) => c.name === name)] as number;
      const ms = Date.UTC(field(buckets.year), field(buckets.month) - 1, field(buckets.day), buckets.hour ? field(buckets.hour) : 0);
      const fields = bucketFields(ms / (buckets.unit === 'hour' ? 3_600_000 : 86_400_000), buckets.unit);
      // A key naming an impossible date (31 February) has no bucket: it cannot match a time range.
      if (fields.month !== field(buckets.month) || fields.day !== field(buckets.day)) return false;
      const bucket = Math.floor(ms / (buckets.unit === 'hour' ? 3_600_000 : 86_400_000));
      if (!box.time.has(bucket)) return false;
    }
    return true;
  });
}
