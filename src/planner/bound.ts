import type { SqlType } from '../catalog/table.js';
import type { ArgType } from '../executor/functions/registry.js';
import type { Value } from '../executor/values.js';

/**
 * Bound expressions: the planner's resolved form of AST expressions.
 *
 * Column references are positions in the input row of the operator that evaluates them, every node
 * carries its result type, and parameters are already replaced by literals. The tree is plain data,
 * so it crosses to worker threads by structured cloning and is compiled to closures there.
 */
export type BoundExpr =
  | BoundLiteral
  | BoundColumn
  | BoundUnary
  | BoundLogical
  | BoundCompare
  | BoundArith
  | BoundConcat
  | BoundJsonGet
  | BoundIsNull
  | BoundIsDistinct
  | BoundInList
  | BoundLike
  | BoundCast
  | BoundCase
  | BoundCall;

export interface BoundLiteral {
  readonly kind: 'literal';
  readonly type: ArgType;
  readonly value: Value;
}

export interface BoundColumn {
  readonly kind: 'column';
  readonly index: number;
  /** Column name for EXPLAIN and messages. */
  readonly name: string;
  readonly type: SqlType;
}

export interface BoundUnary {
  readonly kind: 'unary';
  readonly op: 'NOT' | 'NEGATE';
  readonly operand: BoundExpr;
  readonly type: SqlType;
}

export interface BoundLogical {
  readonly kind: 'logical';
  readonly op: 'AND' | 'OR';
  readonly args: readonly BoundExpr[];
  readonly type: 'BOOLEAN';
}

export type CompareOp = '=' | '<>' | '<' | '<=' | '>' | '>=';

export interface BoundCompare {
  readonly kind: 'compare';
  readonly op: CompareOp;
  readonly left: BoundExpr;
  readonly right: BoundExpr;
  /** The type both sides are compared as, after implicit casts. */
  readonly operandType: SqlType;
  readonly type: 'BOOLEAN';
}

export type ArithOp = '+' | '-' | '*' | '/' | '%' | '//';

export interface BoundArith {
  readonly kind: 'arith';
  readonly op: ArithOp;
  readonly left: BoundExpr;
  readonly right: BoundExpr;
  readonly type: SqlType;
}

export interface BoundConcat {
  readonly kind: 'concat';
  readonly left: BoundExpr;
  readonly right: BoundExpr;
  readonly type: 'TEXT';
}

/** `->` (JSON result) and `->>` (TEXT result). A TEXT operand is parsed as JSON once per row. */
export interface BoundJsonGet {
  readonly kind: 'json_get';
  readonly operand: BoundExpr;
  readonly key: BoundExpr;
  readonly asText: boolean;
  readonly type: 'JSON' | 'TEXT';
}

export interface BoundIsNull {
  readonly kind: 'is_null';
  readonly operand: BoundExpr;
  readonly negated: boolean;
  readonly type: 'BOOLEAN';
}

export interface BoundIsDistinct {
  readonly kind: 'is_distinct';
  readonly left: BoundExpr;
  readonly right: BoundExpr;
  readonly negated: boolean;
  readonly operandType: SqlType;
  readonly type: 'BOOLEAN';
}

export interface BoundInList {
  readonly kind: 'in_list';
  readonly operand: BoundExpr;
  readonly values: readonly BoundExpr[];
  readonly negated: boolean;
  readonly operandType: SqlType;
  readonly type: 'BOOLEAN';
}

export interface BoundLike {
  readonly kind: 'like';
  readonly operand: BoundExpr;
  readonly pattern: BoundExpr;
  readonly escape: BoundExpr | null;
  readonly caseInsensitive: boolean;
  readonly negated: boolean;
  readonly type: 'BOOLEAN';
}

export interface BoundCast {
  readonly kind: 'cast';
  readonly operand: BoundExpr;
  readonly from: ArgType;
  readonly type: SqlType;
}

export interface BoundCase {
  readonly kind: 'case';
  /** Already rewritten to searched form: `CASE x WHEN v` becomes `CASE WHEN x = v`. */
  readonly whens: readonly { readonly when: BoundExpr; readonly then: BoundExpr }[];
  readonly otherwise: BoundExpr | null;
  readonly type: SqlType;
}

/** A scalar function call, resolved by name against the function catalog. */
export interface BoundCall {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly BoundExpr[];
  readonly argTypes: readonly ArgType[];
  readonly type: SqlType;
}

/** An aggregate call of an Aggregate node. */
export interface AggregateCall {
  readonly name: string;
  readonly args: readonly BoundExpr[];
  readonly argTypes: readonly ArgType[];
  /** Literal arguments after the first, such as the p of approx_percentile(x, p). */
  readonly constants: readonly Value[];
  readonly distinct: boolean;
  readonly filter: BoundExpr | null;
  readonly type: SqlType;
  /** The call as the user wrote it, for column names and EXPLAIN. */
  readonly display: string;
}

/** Returns the SQL type an expression produces; NULL literals report 'NULL'. */
export function typeOf(expr: BoundExpr): ArgType {
  return expr.type;
}

/** Visits every sub-expression, depth first, parents before children. */
export function walkBound(expr: BoundExpr, visit: (node: BoundExpr) => void): void {
  visit(expr);
  for (const child of childrenOf(expr)) walkBound(child, visit);
}

export function childrenOf(expr: BoundExpr): readonly BoundExpr[] {
  switch (expr.kind) {
    case 'literal':
    case 'column':
      return [];
    case 'unary':
      return [expr.operand];
    case 'logical':
      return expr.args;
    case 'compare':
    case 'arith':
    case 'concat':
    case 'is_distinct':
      return [expr.left, expr.right];
    case 'json_get':
      return [expr.operand, expr.key];
    case 'is_null':
      return [expr.operand];
    case 'in_list':
      return [expr.operand, ...expr.values];
    case 'like':
      return expr.escape ? [expr.operand, expr.pattern, expr.escape] : [expr.operand, expr.pattern];
    case 'cast':
      return [expr.operand];
    case 'case':
      return [...expr.whens.flatMap((w) => [w.when, w.then]), ...(expr.otherwise ? [expr.otherwise] : [])];
    case 'call':
      return expr.args;
    default:
      return assertNever(expr);
  }
}

export function assertNever(value: never): never {
  throw new Error(`internal error: unhandled kind ${JSON.stringify((value as { kind?: unknown }).kind)}`);
}

/** Rebuilds an expression with every column reference replaced by `replace(column)`. */
export function mapColumns(expr: BoundExpr, replace: (column: BoundColumn) => BoundExpr): BoundExpr {
  const map = (e: BoundExpr) => mapColumns(e, replace);
  switch (expr.kind) {
    case 'literal':
      return expr;
    case 'column':
      return replace(expr);
    case 'unary':
      return { ...expr, operand: map(expr.operand) };
    case 'logical':
      return { ...expr, args: expr.args.map(map) };
    case 'compare':
    case 'arith':
    case 'concat':
    case 'is_distinct':
      return { ...expr, left: map(expr.left), right: map(expr.right) } as BoundExpr;
    case 'json_get':
      return { ...expr, operand: map(expr.operand), key: map(expr.key) };
    case 'is_null':
      return { ...expr, operand: map(expr.operand) };
    case 'in_list':
      return { ...expr, operand: map(expr.operand), values: expr.values.map(map) };
    case 'like':
      return { ...expr, operand: map(expr.operand), pattern: map(expr.pattern), escape: expr.escape ? map(expr.escape) : null };
    case 'cast':
      return { ...expr, operand: map(expr.operand) };
    case 'case':
      return { ...expr, whens: expr.whens.map((w) => ({ when: map(w.when), then: map(w.then) })), otherwise: expr.otherwise ? map(expr.otherwise) : null };
    case 'call':
      return { ...expr, args: expr.args.map(map) };
    default:
      return assertNever(expr);
  }
}
