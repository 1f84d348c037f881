import type { SqlType } from '../../catalog/table.js';
import type { Value } from '../values.js';
import type { ArgType, EvalContext, FunctionExample, ScalarFunction, SignatureError } from './registry.js';

/**
 * Helpers for declaring functions: argument checking against parameter lists, and a builder for
 * scalar functions. A parameter lists the types it accepts; an untyped NULL fits any parameter and
 * a BIGINT fits a DOUBLE parameter.
 */

export type ParamSpec = readonly SqlType[];

export const TEXT: ParamSpec = ['TEXT'];
export const BIGINT: ParamSpec = ['BIGINT'];
export const NUMERIC: ParamSpec = ['BIGINT', 'DOUBLE'];
export const BOOLEAN: ParamSpec = ['BOOLEAN'];
export const TEMPORAL: ParamSpec = ['TIMESTAMP', 'DATE'];
export const TIMESTAMP: ParamSpec = ['TIMESTAMP'];
export const JSON_OR_TEXT: ParamSpec = ['JSON', 'TEXT'];
export const ANY: ParamSpec = ['BOOLEAN', 'BIGINT', 'DOUBLE', 'TEXT', 'DATE', 'TIMESTAMP', 'JSON'];
/** Types with an order, for min, max, greatest and least. */
export const ORDERED: ParamSpec = ['BOOLEAN', 'BIGINT', 'DOUBLE', 'TEXT', 'DATE', 'TIMESTAMP'];

export interface ParamList {
  /** Parameters in order. */
  readonly params: readonly ParamSpec[];
  /** How many leading parameters are required; all of them when absent. */
  readonly required?: number;
  /** Accepted types of any further arguments, for variadic functions. */
  readonly variadic?: ParamSpec;
}

export function fits(arg: ArgType, spec: ParamSpec): boolean {
  return arg === 'NULL' || spec.includes(arg) || (arg === 'BIGINT' && spec.includes('DOUBLE'));
}

function describeSpec(spec: ParamSpec): string {
  if (spec === ANY) return 'any type';
  return spec.length === 1 ? spec[0]! : `${spec.slice(0, -1).join(', ')} or ${spec[spec.length - 1]}`;
}

/** Checks argument count and types; returns null when they fit. */
export function checkArgs(args: readonly ArgType[], list: ParamList): SignatureError | null {
  const required = list.required ?? list.params.length;
  const max = list.variadic ? Infinity : list.params.length;
  if (args.length < required || args.length > max) {
    let expected = `${required} to ${max}`;
    if (max === Infinity) expected = `at least ${required}`;
    else if (required === max) expected = String(required);
    const noun = expected === '1' || expected === 'at least 1' ? 'argument' : 'arguments';
    return { error: `expects ${expected} ${noun}, got ${args.length}` };
  }
  for (let i = 0; i < args.length; i++) {
    const spec = list.params[i] ?? list.variadic!;
    if (!fits(args[i]!, spec)) return { error: `argument ${i + 1} must be ${describeSpec(spec)}, not ${args[i]}` };
  }
  return null;
}

export function isSignatureError(value: unknown): value is SignatureError {
  return typeof value === 'object' && value !== null && 'error' in value;
}

/**
 * Returns the type several arguments share: equal types, BIGINT widened to DOUBLE, DATE widened
 * to TIMESTAMP. Untyped NULLs are skipped, and arguments that are all NULL give TEXT.
 */
export function commonType(args: readonly ArgType[]): SqlType | SignatureError {
  let common: ArgType = 'NULL';
  for (const arg of args) {
    if (arg === 'NULL' || arg === common) continue;
    if (common === 'NULL') common = arg;
    else if ((common === 'BIGINT' && arg === 'DOUBLE') || (common === 'DOUBLE' && arg === 'BIGINT')) common = 'DOUBLE';
    else if ((common === 'DATE' && arg === 'TIMESTAMP') || (common === 'TIMESTAMP' && arg === 'DATE')) common = 'TIMESTAMP';
    else return { error: `arguments must share a type, but got ${common} and ${arg}` };
  }
  return common === 'NULL' ? 'TEXT' : common;
}

/** Reads a BIGINT or DOUBLE argument as a double. */
export function toDouble(value: Value): number {
  return typeof value === 'bigint' ? Number(value) : (value as number);
}

/** Reads a BIGINT argument that must fit a JS safe integer, such as a count or a position. */
export function toSmallInteger(value: Value): number {
  return typeof value === 'bigint' ? Number(value) : Math.trunc(value as number);
}

export interface ScalarDefinition extends ParamList {
  readonly name: string;
  readonly signature: string;
  readonly description: string;
  readonly examples: readonly FunctionExample[];
  /** The result type, or a function of the argument types (and literal values) checked first against the parameters. */
  readonly returns: SqlType | ((args: readonly ArgType[], literals: readonly (Value | undefined)[]) => SqlType | SignatureError);
  readonly evaluate: (args: readonly Value[], context: EvalContext, argTypes: readonly ArgType[]) => Value;
  /** Defaults to true: any NULL argument makes the result NULL without calling `evaluate`. */
  readonly nullPropagating?: boolean;
  readonly volatile?: boolean;
}

/** Builds a ScalarFunction from a definition. */
export function scalar(definition: ScalarDefinition): ScalarFunction {
  const { returns } = definition;
  const nullPropagating = definition.nullPropagating ?? true;
  const inner = definition.evaluate;
  // The executor skips NULL-propagating calls with a NULL argument. The check here keeps direct
  // calls, from tests and constant folding, correct too.
  const evaluate: ScalarFunction['evaluate'] = nullPropagating
    ? (args, context, argTypes) => (args.includes(null) ? null : inner(args, context, argTypes))
    : inner;
  return {
    name: definition.name,
    signature: definition.signature,
    description: definition.description,
    examples: definition.examples,
    nullPropagating,
    ...(definition.volatile ? { volatile: true } : {}),
    returnType(args, literals = []) {
      const problem = checkArgs(args, definition);
      if (problem) return problem;
      return typeof returns === 'string' ? returns : returns(args, literals);
    },
    evaluate,
  };
}

/** Returns the same function under another name, such as substring for substr. */
export function alias(fn: ScalarFunction, name: string): ScalarFunction {
  const rename = (text: string) => text.replace(new RegExp(`^${fn.name}\\b`), name);
  return {
    ...fn,
    name,
    signature: rename(fn.signature),
    examples: fn.examples?.map((example) => ({ ...example, sql: rename(example.sql) })),
  };
}

/** Maps functions by name. Aliases are separate function objects (see `alias`); a name defined twice is an internal error. */
export function byName<F extends { readonly name: string }>(functions: readonly F[]): Map<string, F> {
  const map = new Map<string, F>();
  for (const fn of functions) {
    if (map.has(fn.name)) throw new Error(`internal error: function ${fn.name} is defined twice`);
    map.set(fn.name, fn);
  }
  return map;
}
