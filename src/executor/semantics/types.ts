import type { SqlType } from '../../catalog/table.js';

/**
 * Static types the operator primitives accept: the column types, INTERVAL for the results of
 * TIMESTAMP subtraction and interval literals, and 'NULL' for an untyped NULL literal.
 */
export type ExprType = SqlType | 'INTERVAL' | 'NULL';

/** A type error that a resolver returns instead of throwing, like the function registry's. */
export interface TypeMismatch {
  readonly error: string;
}

export function isTypeMismatch(value: unknown): value is TypeMismatch {
  return typeof value === 'object' && value !== null && 'error' in value;
}

/** Throws for a value that a switch over a union should never receive. */
export function assertNever(value: never, kind: string): never {
  throw new Error(`internal error: unhandled ${kind} ${JSON.stringify(value)}`);
}
