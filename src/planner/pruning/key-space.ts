import type { BoundExpr, CompareOp } from '../bound.js';
import type { Value } from '../../executor/values.js';
import { IntervalSet } from './interval-set.js';
import { MS_PER_DAY, MS_PER_HOUR } from '../time-buckets.js';

/**
 * Meaning of a scan column for pruning.
 * - `key`: a partition-key column. Integer keys take ranges; other types take exact values only.
 * - `time_ms`: a millisecond instant (log_time as BIGINT, event_time as TIMESTAMP).
 * - `date`: days since the epoch built from the bucket columns (event_date).
 */
export type PrunableColumn =
  | { readonly role: 'key'; readonly name: string; readonly integer: boolean }
  | { readonly role: 'time_ms' }
  | { readonly role: 'date' };

/** Exact values of a non-integer key column; `null` means unrestricted. */
export type ValueSet = readonly Value[] | null;

/**
 * One conjunction of restrictions: a row can match only if every key column lies in its set and its
 * time bucket lies in `time`. Columns absent from the maps are unrestricted.
 */
export interface Box {
  readonly integers: ReadonlyMap<string, IntervalSet>;
  readonly values: ReadonlyMap<string, ValueSet>;
  /** Time buckets (hours or days since the epoch, by the table's bucket unit); null means any. */
  readonly time: IntervalSet | null;
}

/** A union of boxes. An empty list matches nothing; `[FULL_BOX]` restricts nothing. */
export type KeySpace = readonly Box[];

export const FULL_BOX: Box = { integers: new Map(), values: new Map(), time: null };

/** Above this many boxes an AND of ORs stops expanding and keeps the smaller side only. */
const MAX_BOXES = 512;

export interface KeySpaceContext {
  readonly columnAt: (index: number) => PrunableColumn | null;
  /** Evaluates a column-free expression at plan time, or returns undefined when it cannot. */
  readonly constantValue: (expr: BoundExpr) => { value: Value } | undefined;
  readonly bucketUnit: 'hour' | 'day';
}

/**
 * Derives the key space a predicate allows. The result is a superset of the matching rows' keys:
 * anything it cannot use restricts nothing and stays in the residual filter.
 */
export function keySpaceOf(predicate: BoundExpr | null, context: KeySpaceContext): KeySpace {
  if (predicate === null) return [FULL_BOX];
  return normalize(derive(predicate, context));
}

function derive(expr: BoundExpr, context: KeySpaceContext): KeySpace {
  switch (expr.kind) {
    case 'logical':
      return expr.op === 'AND'
        ? expr.args.map((arg) => derive(arg, context)).reduce(andSpaces)
        : expr.args.map((arg) => derive(arg, context)).reduce(orSpaces);
    case 'literal':
      // WHERE FALSE and WHERE NULL match nothing.
      return expr.value === false || expr.value === null ? [] : [FULL_BOX];
    case 'compare':
      return compareSpace(expr.op, expr.left, expr.right, context);
    case 'in_list':
      return expr.negated ? [FULL_BOX] : inListSpace(expr.operand, expr.values, context);
    default:
      return [FULL_BOX];
  }
}

function andSpaces(left: KeySpace, right: KeySpace): KeySpace {
  if (left.length * right.length > MAX_BOXES) return left.length <= right.length ? left : right;
  const result: Box[] = [];
  for (const a of left) {
    for (const b of right) {
      const box = intersectBoxes(a, b);
      if (box) result.push(box);
    }
  }
  return result;
}

function orSpaces(left: KeySpace, right: KeySpace): KeySpace {
  if (left.some(isFull) || right.some(isFull)) return [FULL_BOX];
  return [...left, ...right];
}

function isFull(box: Box): boolean {
  return box.integers.size === 0 && box.values.size === 0 && box.time === null;
}

/** Intersects two boxes, or returns null when they share nothing. */
export function intersectBoxes(a: Box, b: Box): Box | null {
  const integers = new Map(a.integers);
  for (const [name, set] of b.integers) {
    const merged = integers.has(name) ? integers.get(name)!.intersect(set) : set;
    if (merged.isEmpty) return null;
    integers.set(name, merged);
  }
  const values = new Map(a.values);
  for (const [name, set] of b.values) {
    const existing = values.get(name);
    const merged = existing && set ? existing.filter((v) => set.some((w) => w === v)) : (existing ?? set);
    if (merged && merged.length === 0) return null;
    values.set(name, merged);
  }
  let time = a.time;
  if (b.time) time = time ? time.intersect(b.time) : b.time;
  if (time?.isEmpty) return null;
  return { integers, values, time };
}

/** Drops boxes that cannot match (an empty set on any column) and collapses a full box. */
function normalize(space: KeySpace): KeySpace {
  const possible = space.filter(
    (box) => ![...box.integers.values()].some((set) => set.isEmpty) && ![...box.values.values()].some((v) => v !== null && v.length === 0) && !box.time?.isEmpty,
  );
  return possible.some(isFull) ? [FULL_BOX] : possible;
}

const FLIPPED: Record<CompareOp, CompareOp> = { '=': '=', '<>': '<>', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

function compareSpace(op: CompareOp, left: BoundExpr, right: BoundExpr, context: KeySpaceContext): KeySpace {
  if (left.kind !== 'column' && right.kind === 'column') return compareSpace(FLIPPED[op], right, left, context);
  if (left.kind !== 'column' || op === '<>') return [FULL_BOX];
  const column = context.columnAt(left.index);
  const constant = column ? context.constantValue(right) : undefined;
  if (!column || !constant) return [FULL_BOX];
  // A comparison with NULL is never true.
  if (constant.value === null) return [];
  return [boxFor(column, restrictionOf(column, op, constant.value, context.bucketUnit))];
}

function inListSpace(operand: BoundExpr, list: readonly BoundExpr[], context: KeySpaceContext): KeySpace {
  if (operand.kind !== 'column') return [FULL_BOX];
  const column = context.columnAt(operand.index);
  if (!column) return [FULL_BOX];
  const restrictions: Restriction[] = [];
  for (const item of list) {
    const constant = context.constantValue(item);
    if (!constant) return [FULL_BOX];
    if (constant.value !== null) restrictions.push(restrictionOf(column, '=', constant.value, context.bucketUnit));
  }
  if (restrictions.length === 0) return [];
  return [boxFor(column, restrictions.reduce(unionRestrictions))];
}

type Restriction = { readonly kind: 'intervals'; readonly set: IntervalSet } | { readonly kind: 'values'; readonly values: ValueSet };

function unionRestrictions(a: Restriction, b: Restriction): Restriction {
  if (a.kind === 'intervals' && b.kind === 'intervals') return { kind: 'intervals', set: a.set.union(b.set) };
  if (a.kind === 'values' && b.kind === 'values') {
    return { kind: 'values', values: a.values && b.values ? [...new Set([...a.values, ...b.values])] : null };
  }
  return { kind: 'values', values: null };
}

function boxFor(column: PrunableColumn, restriction: Restriction): Box {
  if (column.role === 'key') {
    return restriction.kind === 'intervals'
      ? { ...FULL_BOX, integers: new Map([[column.name, restriction.set]]) }
      : { ...FULL_BOX, values: new Map([[column.name, restriction.values]]) };
  }
  return restriction.kind === 'intervals' ? { ...FULL_BOX, time: restriction.set } : FULL_BOX;
}

/**
 * Returns the integer interval `column op value` allows, before any unit conversion. Values beyond the
 * safe-integer range cannot be enumerated exactly, so they restrict nothing and the whole
 * predicate stays in the residual filter.
 */
function integerInterval(op: CompareOp, value: number): IntervalSet {
  if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) return IntervalSet.ALL;
  switch (op) {
    case '=':
      return Number.isInteger(value) ? IntervalSet.range(value, value) : IntervalSet.EMPTY;
    case '<':
      return IntervalSet.range(-Infinity, Math.ceil(value) - 1);
    case '<=':
      return IntervalSet.range(-Infinity, Math.floor(value));
    case '>':
      return IntervalSet.range(Math.floor(value) + 1, Infinity);
    case '>=':
      return IntervalSet.range(Math.ceil(value), Infinity);
    case '<>':
      return IntervalSet.ALL;
  }
}

function restrictionOf(column: PrunableColumn, op: CompareOp, value: Value, unit: 'hour' | 'day'): Restriction {
  const numeric = typeof value === 'bigint' ? Number(value) : value;
  switch (column.role) {
    case 'key':
      if (column.integer) {
        return typeof numeric === 'number' ? { kind: 'intervals', set: integerInterval(op, numeric) } : { kind: 'values', values: null };
      }
      return { kind: 'values', values: op === '=' ? [value] : null };
    case 'time_ms': {
      if (typeof numeric !== 'number') return { kind: 'values', values: null };
      const width = unit === 'hour' ? MS_PER_HOUR : MS_PER_DAY;
      return { kind: 'intervals', set: toBuckets(integerInterval(op, numeric), width) };
    }
    case 'date': {
      if (typeof numeric !== 'number') return { kind: 'values', values: null };
      const perDay = unit === 'hour' ? 24 : 1;
      const days = integerInterval(op, numeric);
      return { kind: 'intervals', set: IntervalSet.of(days.intervals.map(([low, high]) => [low * perDay, (high + 1) * perDay - 1] as const)) };
    }
  }
}

/** Maps an interval set of milliseconds to the buckets of `width` ms that overlap it. */
function toBuckets(ms: IntervalSet, width: number): IntervalSet {
  return IntervalSet.of(ms.intervals.map(([low, high]) => [Math.floor(low / width), Math.floor(high / width)] as const));
}

/** Renders a key space for EXPLAIN: one line per box. */
export function describeKeySpace(space: KeySpace, unit: 'hour' | 'day'): string[] {
  if (space.length === 0) return ['nothing (the predicate cannot match any partition)'];
  return space.map((box) => {
    const parts: string[] = [];
    for (const [name, set] of box.integers) parts.push(`${name} in ${set.toString()}`);
    for (const [name, values] of box.values) parts.push(`${name} in ${values ? `{${values.map(String).join(', ')}}` : 'any'}`);
    if (box.time) parts.push(`time ${describeBuckets(box.time, unit)}`);
    return parts.length > 0 ? parts.join(' and ') : 'any partition';
  });
}

function describeBuckets(buckets: IntervalSet, unit: 'hour' | 'day'): string {
  const width = unit === 'hour' ? MS_PER_HOUR : MS_PER_DAY;
  const show = (bucket: number, end: boolean): string => {
    if (!Number.isFinite(bucket)) return end ? '∞' : '-∞';
    return new Date((bucket + (end ? 1 : 0)) * width).toISOString().replace('.000Z', 'Z');
  };
  return buckets.intervals.map(([low, high]) => `[${show(low, false)}, ${show(high, true)})`).join(' ∪ ');
}
