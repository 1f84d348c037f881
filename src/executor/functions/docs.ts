import { valueToText } from '../semantics/cast.js';
import type { ExprType } from '../semantics/types.js';
import type { Value } from '../values.js';
import { parseExampleCall, parseExampleInput, type ExampleCall } from './example-sql.js';
import { aggregateFunctions, scalarFunctions, windowFunctions } from './index.js';
import type { ArgType, FunctionExample, ScalarFunction } from './registry.js';

/** Function documentation gathered from the catalog, for the reference in docs/sql.md and help text. */

export interface FunctionDocExample {
  /** The example as a query: an expression, or an aggregate or window call with its FROM item. */
  readonly sql: string;
  /** The result as text: SQL text of the value, with strings quoted and NULL spelled out. */
  readonly result: string;
  readonly timeZone?: string;
  /** Query start the example assumes, as UTC display text, for now() and current_date. */
  readonly queryStart?: string;
  /** The reason DuckDB is not the reference for this example, when it is not. */
  readonly duckdbNote?: string;
}

export interface FunctionDoc {
  readonly name: string;
  readonly kind: 'scalar' | 'aggregate' | 'window';
  readonly signature: string;
  readonly description: string;
  readonly examples: readonly FunctionDocExample[];
}

/** Type of each argument of an example call, reading columns from the example's input. */
function exampleArgTypes(call: ExampleCall, example: FunctionExample): ArgType[] {
  const input = example.from ? parseExampleInput(example.from, example.timeZone) : undefined;
  return call.args.map((arg) => {
    if (arg.kind === 'literal') return arg.type;
    const column = input?.columns.indexOf(arg.name) ?? -1;
    return column >= 0 ? input!.types[column]! : 'NULL';
  });
}

function literalValues(call: ExampleCall): (Value | undefined)[] {
  return call.args.map((arg) => (arg.kind === 'literal' ? arg.value : undefined));
}

/** SQL text of a result value of `type`. */
export function formatExampleValue(value: Value, type: ExprType, timeZone = 'UTC'): string {
  if (value === null) return 'NULL';
  const text = valueToText(value, type, timeZone)!;
  return type === 'TEXT' ? `'${text.replaceAll("'", "''")}'` : text;
}

function resultType(kind: FunctionDoc['kind'], name: string, call: ExampleCall, example: FunctionExample): ExprType {
  const args = exampleArgTypes(call, example);
  let type: ReturnType<ScalarFunction['returnType']> | undefined;
  if (kind === 'scalar') type = scalarFunctions.get(name)?.returnType(args, literalValues(call));
  else if (kind === 'aggregate') type = aggregateFunctions.get(name)?.returnType(args);
  else type = windowFunctions.get(name)?.returnType(args);
  return typeof type === 'string' ? type : 'TEXT';
}

function documentExample(kind: FunctionDoc['kind'], name: string, example: FunctionExample): FunctionDocExample {
  const call = parseExampleCall(example.sql, example.timeZone);
  const type = resultType(kind, name, call, example);
  const zone = example.timeZone ?? 'UTC';
  const sql = example.from ? `SELECT ${example.sql} FROM ${example.from}` : `SELECT ${example.sql}`;
  const result = example.results
    ? example.results.map((value) => formatExampleValue(value, type, zone)).join(', ')
    : formatExampleValue(example.result, type, zone);
  return {
    sql,
    result,
    ...(example.timeZone ? { timeZone: example.timeZone } : {}),
    ...(example.nowMs !== undefined ? { queryStart: formatExampleValue(example.nowMs, 'TIMESTAMP') } : {}),
    ...(example.duckdbNote ? { duckdbNote: example.duckdbNote } : {}),
  };
}

/** Every function with its signature, description and examples, sorted by name within each kind. */
export function functionDocs(): FunctionDoc[] {
  const docs: FunctionDoc[] = [];
  const add = (kind: FunctionDoc['kind'], fn: { name: string; signature: string; description: string; examples?: readonly FunctionExample[] }) => {
    docs.push({
      name: fn.name,
      kind,
      signature: fn.signature,
      description: fn.description,
      examples: (fn.examples ?? []).map((example) => documentExample(kind, fn.name, example)),
    });
  };
  const sorted = <F extends { name: string }>(map: ReadonlyMap<string, F>) => [...map.values()].sort((a, b) => a.name.localeCompare(b.name));
  for (const fn of sorted(scalarFunctions)) add('scalar', fn);
  for (const fn of sorted(aggregateFunctions)) add('aggregate', fn);
  for (const fn of sorted(windowFunctions)) add('window', fn);
  return docs;
}
