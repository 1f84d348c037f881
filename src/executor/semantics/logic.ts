import type { Value } from '../values.js';
import { equals } from './compare.js';
import type { ExprType } from './types.js';

/** SQL three-valued logic over true, false and NULL (unknown). */

export type TriBoolean = boolean | null;

/** `a AND b`: false if either side is false, else NULL if either is NULL, else true. */
export function and3(a: TriBoolean, b: TriBoolean): TriBoolean {
  if (a === false || b === false) return false;
  if (a === null || b === null) return null;
  return true;
}

/** `a OR b`: true if either side is true, else NULL if either is NULL, else false. */
export function or3(a: TriBoolean, b: TriBoolean): TriBoolean {
  if (a === true || b === true) return true;
  if (a === null || b === null) return null;
  return false;
}

/** `NOT a`: NULL stays NULL. */
export function not3(a: TriBoolean): TriBoolean {
  return a === null ? null : !a;
}

/** AND over any number of operands, for flattened `a AND b AND c`. */
export function andAll(values: readonly TriBoolean[]): TriBoolean {
  let sawNull = false;
  for (const value of values) {
    if (value === false) return false;
    if (value === null) sawNull = true;
  }
  return sawNull ? null : true;
}

/** OR over any number of operands. */
export function orAll(values: readonly TriBoolean[]): TriBoolean {
  let sawNull = false;
  for (const value of values) {
    if (value === true) return true;
    if (value === null) sawNull = true;
  }
  return sawNull ? null : false;
}

/** `a IS DISTINCT FROM b`: never NULL; two NULLs are not distinct, NULL and a value are. */
export function isDistinctFrom(a: Value, b: Value, type: ExprType): boolean {
  if (a === null || b === null) return a !== b;
  return !equals(a, b, type);
}

/** `a IS NOT DISTINCT FROM b`. */
export function isNotDistinctFrom(a: Value, b: Value, type: ExprType): boolean {
  return !isDistinctFrom(a, b, type);
}

/** Reads a filter result: only true keeps a row, so NULL and false both drop it. */
export function isTrue(value: Value): boolean {
  return value === true;
}
