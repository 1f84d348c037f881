import { makeDistinct } from '../../../src/executor/functions/distinct.js';
import { parseExampleCall, parseExampleInput, type ExampleArg, type ExampleCall } from '../../../src/executor/functions/example-sql.js';
import type { AggregateFunction, ArgType, EvalContext, FunctionExample, ScalarFunction } from '../../../src/executor/functions/registry.js';
import { formatTimestamp } from '../../../src/executor/semantics/format-time.js';
import { formatDate } from '../../../src/executor/semantics/format-time.js';
import type { Value } from '../../../src/executor/values.js';

/** Evaluates function examples in JS, and renders them as DuckDB SQL. */

/** Query start used by examples that do not name one. */
export const DEFAULT_NOW_MS = Date.UTC(2024, 2, 9, 12, 0, 0);

export function contextOf(example: FunctionExample): EvalContext {
  return { timeZone: example.timeZone ?? 'UTC', nowMs: example.nowMs ?? DEFAULT_NOW_MS };
}

/** Evaluates a scalar example; returns the result and the resolved type. */
export function runScalarExample(fn: ScalarFunction, example: FunctionExample): { value: Value; type: string } {
  const call = parseExampleCall(example.sql, example.timeZone);
  const literals = call.args.map((arg) => {
    if (arg.kind !== 'literal') throw new Error(`scalar example ${example.sql} refers to a column`);
    return arg;
  });
  const argTypes = literals.map((arg) => arg.type);
  const type = fn.returnType(argTypes, literals.map((arg) => arg.value));
  if (typeof type !== 'string') throw new Error(`${example.sql}: ${type.error}`);
  const args = literals.map((arg) => arg.value);
  const value = fn.nullPropagating && args.includes(null) ? null : fn.evaluate(args, contextOf(example), argTypes);
  return { value, type };
}

interface PreparedAggregate {
  readonly aggregate: AggregateFunction;
  readonly argTypes: ArgType[];
  readonly constants: Value[];
  readonly rows: Value[][];
}

function prepareAggregate(fn: AggregateFunction, example: FunctionExample): PreparedAggregate {
  const call = parseExampleCall(example.sql, example.timeZone);
  if (!example.from) throw new Error(`aggregate example ${example.sql} has no FROM item`);
  const input = parseExampleInput(example.from, example.timeZone);
  const column = (arg: ExampleArg) => (arg.kind === 'column' ? input.columns.indexOf(arg.name) : -1);
  for (const arg of call.args) if (arg.kind === 'column' && column(arg) < 0) throw new Error(`unknown column ${arg.name} in ${example.sql}`);
  const argTypes = call.args.map((arg) => (arg.kind === 'literal' ? arg.type : input.types[column(arg)]!));
  // The planner passes the literal value of every argument after the first as a constant.
  const constants = call.args.slice(1).map((arg) => (arg.kind === 'literal' ? arg.value : null));
  const rows = input.rows.map((row) => call.args.map((arg) => (arg.kind === 'literal' ? arg.value : row[column(arg)]!)));
  const aggregate = call.distinct ? (makeDistinct(fn) as AggregateFunction) : fn;
  return { aggregate, argTypes, constants, rows };
}

/**
 * Evaluates an aggregate example twice: in one state, and split into two states that are
 * structured-cloned (as between workers) and merged. Returns both results.
 */
export function runAggregateExample(fn: AggregateFunction, example: FunctionExample): { single: Value; merged: Value; type: string } {
  const { aggregate, argTypes, constants, rows } = prepareAggregate(fn, example);
  const type = aggregate.returnType(argTypes);
  if (typeof type !== 'string') throw new Error(`${example.sql}: ${type.error}`);

  let whole = aggregate.init(argTypes, constants);
  for (const row of rows) whole = aggregate.update(whole, row);

  const half = Math.ceil(rows.length / 2);
  let left = aggregate.init(argTypes, constants);
  let right = aggregate.init(argTypes, constants);
  rows.slice(0, half).forEach((row) => (left = aggregate.update(left, row)));
  rows.slice(half).forEach((row) => (right = aggregate.update(right, row)));
  const merged = aggregate.merge(structuredClone(left), structuredClone(right));
  return { single: aggregate.finish(whole), merged: aggregate.finish(merged), type };
}

function renderLiteral(arg: ExampleArg, timeZone: string): string {
  if (arg.kind === 'column') return arg.name;
  if (arg.value === null) return 'NULL';
  switch (arg.type) {
    case 'TEXT':
      return `'${(arg.value as string).replaceAll("'", "''")}'`;
    case 'BIGINT':
      return String(arg.value);
    case 'DOUBLE':
      return `CAST(${String(arg.value)} AS DOUBLE)`;
    case 'BOOLEAN':
      return arg.value ? 'TRUE' : 'FALSE';
    case 'DATE':
      return `DATE '${formatDate(arg.value as number)}'`;
    case 'TIMESTAMP':
      return `TIMESTAMPTZ '${formatTimestamp(arg.value as number, timeZone)}'`;
    default:
      throw new Error(`no DuckDB literal for ${arg.type}`);
  }
}

/** DuckDB SQL of an example call: literals carry explicit types and TIMESTAMP becomes TIMESTAMPTZ. */
export function duckdbCall(example: FunctionExample): string {
  if (example.duckdb) return example.duckdb;
  const call: ExampleCall = parseExampleCall(example.sql, example.timeZone);
  const zone = example.timeZone ?? 'UTC';
  const args = call.star ? '*' : call.args.map((arg) => renderLiteral(arg, zone)).join(', ');
  const over = /\)\s*(OVER\s*\(.*\))\s*$/i.exec(example.sql)?.[1];
  return `${call.name}(${call.distinct ? 'DISTINCT ' : ''}${args})${over ? ` ${over}` : ''}`;
}
