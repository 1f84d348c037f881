import { partitionKey, type TableDef } from '../../catalog/table.js';
import { sqlTypeOfCql } from '../../catalog/cql-types.js';
import type { Value } from '../../executor/values.js';
import { civilFromDays, type CivilDate } from '../../executor/semantics/calendar.js';
import { bucketFields, type TimeBuckets } from '../time-buckets.js';
import { IntervalSet } from './interval-set.js';
import type { Box, KeySpace } from './key-space.js';

/**
 * Method by which a scan finds its partitions:
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

  const keys: Value[][] = [];
  // Boxes of an OR may overlap; with one box every key is new and needs no check.
  const seen = space.length > 1 ? new Set<string>() : null;
  for (const box of space) {
    const result = enumerateBox(table, buckets, box, options.maxEnumerated - keys.length);
    if (result.kind === 'unbounded') return { kind: 'discovered', space, reason: result.reason };
    for (const key of result.keys) {
      if (seen) {
        const id = key.join('\u0000');
        if (seen.has(id)) continue;
        seen.add(id);
      }
      keys.push(key);
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

/** Calendar fields in the order year, month, day, hour. */
type CalendarTuple = readonly [number, number, number, number];

function enumerateBox(table: TableDef, buckets: TimeBuckets | null, box: Box, budget: number): BoxResult {
  const columns = partitionKey(table);
  const calendarNames = buckets ? [buckets.year, buckets.month, buckets.day, buckets.hour] : [];

  // For each key column: where its value comes from, a calendar field or a list of values.
  const sources: ({ kind: 'calendar'; field: number } | { kind: 'values'; values: readonly Value[] })[] = [];
  let product = 1;
  for (const column of columns) {
    const field = calendarNames.indexOf(column.name);
    if (field >= 0) {
      sources.push({ kind: 'calendar', field });
      continue;
    }
    const values = columnValues(column.name, sqlTypeOfCql(column.cqlType) === 'BIGINT', box, budget);
    if (values === 'over_budget') return { kind: 'unbounded', reason: `more values of ${column.name} than max_enumerated_partitions` };
    if (values === null) return { kind: 'unbounded', reason: `no finite set of values for ${column.name}` };
    sources.push({ kind: 'values', values });
    product *= values.length;
  }

  const tuples: readonly CalendarTuple[] | 'unbounded' | 'over_budget' = buckets ? calendarTuples(buckets, box, budget) : [[0, 0, 0, 0]];
  if (tuples === 'unbounded') return { kind: 'unbounded', reason: 'no finite time range or calendar values' };
  if (tuples === 'over_budget') return { kind: 'unbounded', reason: 'time range larger than max_enumerated_partitions' };
  if (product * tuples.length > budget) {
    return { kind: 'unbounded', reason: 'more partitions than max_enumerated_partitions' };
  }

  // Odometer over the value lists, once per calendar tuple; keys come out in key-column order.
  const keys: Value[][] = [];
  const lists = sources.map((source) => (source.kind === 'values' ? source.values : null));
  const positions = new Array<number>(sources.length).fill(0);
  for (const tuple of tuples) {
    if (product === 0) break;
    positions.fill(0);
    for (;;) {
      const key = new Array<Value>(sources.length);
      for (let i = 0; i < sources.length; i++) {
        const source = sources[i]!;
        key[i] = source.kind === 'calendar' ? tuple[source.field]! : lists[i]![positions[i]!]!;
      }
      keys.push(key);
      let i = sources.length - 1;
      while (i >= 0 && (lists[i] === null || ++positions[i]! === lists[i]!.length)) {
        if (lists[i] !== null) positions[i] = 0;
        i--;
      }
      if (i < 0) break;
    }
  }
  return { kind: 'keys', keys };
}

function columnValues(name: string, integer: boolean, box: Box, budget: number): readonly Value[] | null | 'over_budget' {
  if (integer) {
    const set = box.integers.get(name);
    if (!set || !set.isFinite) return null;
    if (set.size > budget) return 'over_budget';
    return [...set.members()];
  }
  return box.values.get(name) ?? null;
}

/**
 * Lists the calendar bucket values (year, month, day, hour) a box allows. With a finite time range
 * it walks the UTC buckets of that range. Without one, every calendar column needs a finite set and
 * their product is taken, impossible dates such as 31 February included, because real producers
 * write such partitions.
 */
function calendarTuples(buckets: TimeBuckets, box: Box, budget: number): CalendarTuple[] | 'unbounded' | 'over_budget' {
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
    const perDay = buckets.unit === 'hour' ? 24 : 1;
    const tuples: CalendarTuple[] = [];
    let civilDay = Number.NaN;
    let fields: CivilDate = { year: 0, month: 0, day: 0 };
    for (const bucket of box.time.members()) {
      const dayNumber = Math.floor(bucket / perDay);
      if (dayNumber !== civilDay) {
        civilDay = dayNumber;
        fields = civilFromDays(dayNumber);
      }
      const h = bucket - dayNumber * perDay;
      if (!year.has(fields.year) || !month.has(fields.month) || !day.has(fields.day)) continue;
      if (hour && !hour.has(h)) continue;
      tuples.push([fields.year, fields.month, fields.day, h]);
    }
    return tuples;
  }

  if (!year.isFinite) return 'unbounded';
  const size = year.size * month.size * day.size * (hour ? hour.size : 1);
  if (size > budget) return 'over_budget';
  const tuples: CalendarTuple[] = [];
  for (const y of year.members()) {
    for (const m of month.members()) {
      for (const d of day.members()) {
        for (const h of hour ? hour.members() : [0]) tuples.push([y, m, d, h]);
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
