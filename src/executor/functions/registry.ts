import type { SqlType } from '../../catalog/table.js';
import type { Value } from '../values.js';

/**
 * The function catalog shared by the planner (resolution and type checking) and the executor
 * (evaluation). Planner output refers to functions by name only, so plans stay plain data.
 */

/** Per-query context available to scalar functions. */
export interface EvalContext {
  /** IANA zone name for date_trunc, EXTRACT, strftime and date casts; 'UTC' by default. */
  readonly timeZone: string;
  /** Query start in ms since the epoch, so now() and current_date are stable within a query. */
  readonly nowMs: number;
  /**
   * Called once for each TEXT argument that a JSON function could not parse; the function then
   * returns NULL. Lets the executor count malformed JSON rows.
   */
  readonly onMalformedJson?: () => void;
}

/**
 * A documented call of a function with its result, checked against DuckDB by
 * test/executor/functions/duckdb-examples.test.ts.
 */
export interface FunctionExample {
  /** The expression with literal arguments, e.g. `lower('AbC')`; for an aggregate, a call over the columns of `from`. */
  readonly sql: string;
  /** Aggregates only: the input rows as a FROM item, e.g. `(VALUES (1), (2), (NULL)) t(x)`. */
  readonly from?: string;
  /** The expected result in the executor's value representation (TIMESTAMP as ms, DATE as days); null for window examples. */
  readonly result: Value;
  /** Window functions only: the result for each row of `from`, in the order of column x. */
  readonly results?: readonly Value[];
  /** Session time zone the example runs in; UTC when absent. */
  readonly timeZone?: string;
  /** Query start (EvalContext.nowMs) the example assumes, for now() and current_date. */
  readonly nowMs?: number;
  /**
   * The expression DuckDB runs instead of `sql` where DuckDB spells the call differently, or null
   * where DuckDB has no equivalent. `duckdbNote` gives the reason.
   */
  readonly duckdb?: string | null;
  readonly duckdbNote?: string;
}

/** Argument types the planner resolved; 'NULL' is the type of an untyped NULL literal. */
export type ArgType = SqlType | 'NULL';

/** A type error a resolver returns instead of throwing, so the planner can attach the source span. */
export interface SignatureError {
  readonly error: string;
}

export interface ScalarFunction {
  readonly name: string;
  /** One line for docs and completion, with the argument list, e.g. `lower(text) -> TEXT`. */
  readonly signature: string;
  readonly description: string;
  readonly examples?: readonly FunctionExample[];
  /**
   * Resolves the result type from the argument types, or explains why they do not fit.
   * `literals` contains the value of each argument that is a literal, and undefined for the others.
   * date_part needs it because date_part('epoch', x) is a DOUBLE and other fields are BIGINT.
   */
  returnType(args: readonly ArgType[], literals?: readonly (Value | undefined)[]): SqlType | SignatureError;
  /**
   * Evaluates one call. Receives values already evaluated; most functions return NULL when any
   * argument is NULL (`nullPropagating`), and then `evaluate` never sees a NULL argument.
   */
  evaluate(args: readonly Value[], context: EvalContext, argTypes: readonly ArgType[]): Value;
  readonly nullPropagating: boolean;
  /** True for now() and current_date: results depend on the query, not only on arguments. */
  readonly volatile?: boolean;
}

/**
 * An aggregate function. States must be structured-cloneable (plain objects, arrays, numbers,
 * bigints, strings, typed arrays), because workers build partial states and the coordinator merges them.
 */
export interface AggregateFunction<State = unknown> {
  readonly name: string;
  readonly signature: string;
  readonly description: string;
  readonly examples?: readonly FunctionExample[];
  returnType(args: readonly ArgType[]): SqlType | SignatureError;
  /** Fresh state for a new group. `constants` are literal arguments such as the p of approx_percentile. */
  init(argTypes: readonly ArgType[], constants: readonly Value[]): State;
  /** Adds one row's argument values. Called for every row, NULLs included, so count(*) can count them. */
  update(state: State, args: readonly Value[]): State;
  /** Combines two partial states of the same group (from different workers or tasks). */
  merge(left: State, right: State): State;
  finish(state: State): Value;
  /** Approximate bytes a state holds, for the group-by memory limit. */
  sizeOf(state: State): number;
}

export interface WindowFunction {
  readonly name: string;
  readonly signature: string;
  readonly description: string;
  readonly examples?: readonly FunctionExample[];
  returnType(args: readonly ArgType[]): SqlType | SignatureError;
}
