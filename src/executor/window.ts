import type { WindowCall } from '../planner/logical.js';
import { compileExpr, type CompileEnv, type CompiledExpr } from './compile.js';
import { aggregateFunctions } from './functions/index.js';
import { groupKey } from './semantics/compare.js';
import { rowComparator } from './sort.js';
import type { Row, Value } from './values.js';

/**
 * Evaluates window calls over all rows of the input. Returns rows with the window results first,
 * then the input columns. Without ORDER BY a window covers its whole partition. With ORDER BY and
 * no frame it covers the partition's rows up to the current row and its peers.
 */
export async function computeWindows(rows: readonly Row[], windows: readonly WindowCall[], env: CompileEnv, signal?: AbortSignal): Promise<Row[]> {
  const results: Value[][] = [];
  for (const window of windows) results.push(await evaluateWindow(rows, window, env, signal));
  return rows.map((row, i) => [...results.map((values) => values[i]!), ...row]);
}

/** Rows evaluated between two returns to the event loop, where cancellation and timeouts act. */
const ROWS_PER_SLICE = 20_000;

async function evaluateWindow(rows: readonly Row[], window: WindowCall, env: CompileEnv, signal?: AbortSignal): Promise<Value[]> {
  const output = new Array<Value>(rows.length).fill(null);
  const partitionExprs = window.partitionBy.map((e) => compileExpr(e, env));
  const partitions = new Map<string, number[]>();
  rows.forEach((row, index) => {
    const key = groupKey(partitionExprs.map((e) => e(row)));
    const members = partitions.get(key);
    if (members) members.push(index);
    else partitions.set(key, [index]);
  });

  const compare = rowComparator(window.orderBy, env);
  const orderExpr = window.orderBy.length === 1 ? compileExpr(window.orderBy[0]!.expr, env) : null;
  const orderKey = (row: Row): number | null => {
    const value = orderExpr ? orderExpr(row) : null;
    return value === null ? null : Number(value);
  };
  const args = window.args.map((a) => compileExpr(a, env));
  let sinceYield = 0;
  for (const members of partitions.values()) {
    sinceYield += members.length;
    if (sinceYield >= ROWS_PER_SLICE) {
      sinceYield = 0;
      await new Promise((resolve) => setImmediate(resolve));
      signal?.throwIfAborted();
    }
    if (window.orderBy.length > 0) members.sort((a, b) => compare(rows[a]!, rows[b]!) || a - b);
    // peerStart[i] and peerEnd[i] bound the rows that tie with position i on the ORDER BY keys.
    const peerStart = new Array<number>(members.length);
    const peerEnd = new Array<number>(members.length);
    for (let i = 0; i < members.length; i++) {
      peerStart[i] = i > 0 && compare(rows[members[i - 1]!]!, rows[members[i]!]!) === 0 ? peerStart[i - 1]! : i;
    }
    for (let i = members.length - 1; i >= 0; i--) {
      peerEnd[i] = i < members.length - 1 && peerStart[i + 1] === peerStart[i] ? peerEnd[i + 1]! : i;
    }
    const rangeKeys = window.frame?.mode === 'RANGE' && window.orderBy.length === 1 ? members.map((m) => orderKey(rows[m]!)) : null;
    const frameOf = (i: number): [number, number] =>
      rangeKeys && hasOffset(window) ? rangeOffsetBounds(window, i, rangeKeys, peerStart[i]!, peerEnd[i]!) : frameBounds(window, i, members.length, peerStart[i]!, peerEnd[i]!);
    fillPartition(window, rows, members, args, frameOf, peerStart, output, env);
  }
  return output;
}

function hasOffset(window: WindowCall): boolean {
  const frame = window.frame!;
  return Number.isFinite(frame.start) && frame.start !== 0 ? true : Number.isFinite(frame.end) && frame.end !== 0;
}

/**
 * Frame of a RANGE window with offsets: the rows whose ORDER BY value lies within the offsets of
 * the current row's value, measured in the sort direction. Rows with a NULL value frame their NULL
 * peers. Values are sorted, so both ends are found by binary search.
 */
function rangeOffsetBounds(window: WindowCall, i: number, keys: readonly (number | null)[], peerStart: number, peerEnd: number): [number, number] {
  const current = keys[i];
  if (current === null || current === undefined) return [peerStart, peerEnd];
  const frame = window.frame!;
  const direction = window.orderBy[0]!.descending ? -1 : 1;
  // NULL values sort together at one end, so the non-NULL values are one contiguous block.
  let low = 0;
  let high = keys.length - 1;
  while (keys[low] === null) low++;
  while (keys[high] === null) high--;
  const distance = (position: number) => (keys[position]! - current) * direction;
  const firstAtLeast = (bound: number): number => {
    let left = low;
    let right = high + 1;
    while (left < right) {
      const middle = (left + right) >> 1;
      if (distance(middle) >= bound) right = middle;
      else left = middle + 1;
    }
    return left;
  };
  const lastAtMost = (bound: number): number => {
    let left = low;
    let right = high + 1;
    while (left < right) {
      const middle = (left + right) >> 1;
      if (distance(middle) > bound) right = middle;
      else left = middle + 1;
    }
    return left - 1;
  };
  const start = frame.start === -Infinity ? 0 : firstAtLeast(frame.start);
  const end = frame.end === Infinity ? keys.length - 1 : lastAtMost(frame.end);
  return [start, end];
}

function frameBounds(window: WindowCall, i: number, size: number, peerStart: number, peerEnd: number): [number, number] {
  const frame = window.frame;
  if (!frame) return window.orderBy.length > 0 ? [0, peerEnd] : [0, size - 1];
  if (frame.mode === 'RANGE') {
    // Offsets other than UNBOUNDED and CURRENT ROW take rangeOffsetBounds; an empty frame is [size, -1].
    let start = size;
    if (frame.start === -Infinity) start = 0;
    else if (frame.start === 0) start = peerStart;
    let end = -1;
    if (frame.end === Infinity) end = size - 1;
    else if (frame.end === 0) end = peerEnd;
    return [start, end];
  }
  const start = frame.start === -Infinity ? 0 : Math.max(0, i + frame.start);
  const end = frame.end === Infinity ? size - 1 : Math.min(size - 1, i + frame.end);
  return [start, end];
}

function fillPartition(
  window: WindowCall,
  rows: readonly Row[],
  members: readonly number[],
  args: readonly CompiledExpr[],
  frameOf: (i: number) => [number, number],
  peerStart: readonly number[],
  output: Value[],
  env: CompileEnv,
): void {
  const valueAt = (position: number, arg: number) => args[arg]!(rows[members[position]!]!);
  switch (window.aggregate ? 'aggregate' : window.name) {
    case 'row_number':
      members.forEach((row, i) => (output[row] = i + 1));
      return;
    case 'rank':
      members.forEach((row, i) => (output[row] = peerStart[i]! + 1));
      return;
    case 'dense_rank': {
      let rank = 0;
      members.forEach((row, i) => {
        if (peerStart[i] === i) rank += 1;
        output[row] = rank;
      });
      return;
    }
    case 'lag':
    case 'lead': {
      const direction = window.name === 'lag' ? -1 : 1;
      members.forEach((row, i) => {
        const offsetValue = args.length > 1 ? valueAt(i, 1) : 1;
        if (offsetValue === null) {
          output[row] = null;
          return;
        }
        const target = i + direction * Number(offsetValue);
        output[row] = target >= 0 && target < members.length ? valueAt(target, 0) : args.length > 2 ? valueAt(i, 2) : null;
      });
      return;
    }
    case 'first_value':
      members.forEach((row, i) => {
        const [start, end] = frameOf(i);
        output[row] = start <= end ? valueAt(start, 0) : null;
      });
      return;
    case 'aggregate':
      fillAggregate(window, rows, members, frameOf, output, env);
      return;
    default:
      throw new Error(`internal error: window function ${window.name} has no evaluator`);
  }
}

/** Aggregates over frames. Frames that only grow (the default ones) reuse one running state. */
function fillAggregate(window: WindowCall, rows: readonly Row[], members: readonly number[], frameOf: (i: number) => [number, number], output: Value[], env: CompileEnv): void {
  const call = window.aggregate!;
  const fn = aggregateFunctions.get(call.name)!;
  const args = call.args.map((a) => compileExpr(a, env));
  const filter = call.filter ? compileExpr(call.filter, env) : null;
  const feed = (state: unknown, position: number, seen: Set<string> | null): unknown => {
    const row = rows[members[position]!]!;
    if (filter && filter(row) !== true) return state;
    const values = args.map((a) => a(row));
    if (seen) {
      if (values.some((v) => v === null)) return state;
      const key = groupKey(values);
      if (seen.has(key)) return state;
      seen.add(key);
    }
    return fn.update(state, values);
  };

  let runningState = fn.init(call.argTypes, call.constants);
  let runningEnd = -1;
  const runningSeen = call.distinct ? new Set<string>() : null;
  for (let i = 0; i < members.length; i++) {
    const [start, end] = frameOf(i);
    if (start === 0 && end >= runningEnd) {
      while (runningEnd < end) runningState = feed(runningState, ++runningEnd, runningSeen);
      output[members[i]!] = fn.finish(structuredClone(runningState));
      continue;
    }
    let state = fn.init(call.argTypes, call.constants);
    const seen = call.distinct ? new Set<string>() : null;
    for (let p = start; p <= end; p++) state = feed(state, p, seen);
    output[members[i]!] = fn.finish(state);
  }
}
