import type { SqlType } from '../../catalog/table.js';
import { ANY, BIGINT, checkArgs, commonType, isSignatureError } from './define.js';
import type { ArgType, SignatureError, WindowFunction } from './registry.js';

/**
 * Window functions: names, signatures and result types for the planner. The executor evaluates
 * them over each partition's ordered rows; aggregates over windows reuse the aggregate functions.
 * Examples list the result for each input row in the order of the window's ORDER BY.
 */

const rankingReturnType = (args: readonly ArgType[]) => checkArgs(args, { params: [] }) ?? 'BIGINT';

/** lag and lead: the default, when given, must share a type with the value. */
function offsetReturnType(args: readonly ArgType[]): SqlType | SignatureError {
  const problem = checkArgs(args, { params: [ANY, BIGINT, ANY], required: 1 });
  if (problem) return problem;
  const type = commonType(args.length === 3 ? [args[0]!, args[2]!] : [args[0]!]);
  if (isSignatureError(type)) return { error: `the default must have the type of the value: ${type.error}` };
  return type;
}

const NUMBERS = '(VALUES (10), (20), (20), (30)) t(x)';

export const rowNumber: WindowFunction = {
  name: 'row_number',
  signature: 'row_number() OVER (...) -> BIGINT',
  description: 'Position of the row in its partition, from 1, in the window order; rows that tie get different numbers.',
  examples: [{ sql: 'row_number() OVER (ORDER BY x)', from: NUMBERS, result: null, results: [1, 2, 3, 4] }],
  returnType: rankingReturnType,
};

export const rank: WindowFunction = {
  name: 'rank',
  signature: 'rank() OVER (...) -> BIGINT',
  description: 'Rank with gaps: rows that tie in the window order share a rank, and the next rank skips past them.',
  examples: [{ sql: 'rank() OVER (ORDER BY x)', from: NUMBERS, result: null, results: [1, 2, 2, 4] }],
  returnType: rankingReturnType,
};

export const denseRank: WindowFunction = {
  name: 'dense_rank',
  signature: 'dense_rank() OVER (...) -> BIGINT',
  description: 'Rank without gaps: rows that tie share a rank, and the next distinct value gets the next rank.',
  examples: [{ sql: 'dense_rank() OVER (ORDER BY x)', from: NUMBERS, result: null, results: [1, 2, 2, 3] }],
  returnType: rankingReturnType,
};

export const lag: WindowFunction = {
  name: 'lag',
  signature: 'lag(value [, offset [, default]]) OVER (...) -> type of value',
  description: 'The value offset rows (1 by default) before the current row in the partition, or default (NULL unless given) when there is no such row.',
  examples: [
    { sql: 'lag(x) OVER (ORDER BY x)', from: NUMBERS, result: null, results: [null, 10, 20, 20] },
    { sql: 'lag(x, 2, 0) OVER (ORDER BY x)', from: NUMBERS, result: null, results: [0, 0, 10, 20] },
  ],
  returnType: offsetReturnType,
};

export const lead: WindowFunction = {
  name: 'lead',
  signature: 'lead(value [, offset [, default]]) OVER (...) -> type of value',
  description: 'The value offset rows (1 by default) after the current row in the partition, or default (NULL unless given) when there is no such row.',
  examples: [{ sql: 'lead(x) OVER (ORDER BY x)', from: NUMBERS, result: null, results: [20, 20, 30, null] }],
  returnType: offsetReturnType,
};

export const firstValue: WindowFunction = {
  name: 'first_value',
  signature: 'first_value(value) OVER (...) -> type of value',
  description: 'The value at the first row of the window frame.',
  examples: [{ sql: 'first_value(x) OVER (ORDER BY x DESC)', from: NUMBERS, result: null, results: [30, 30, 30, 30] }],
  returnType: (args) => checkArgs(args, { params: [ANY] }) ?? (args[0] === 'NULL' ? 'TEXT' : (args[0] as SqlType)),
};

export const windowFunctionList: readonly WindowFunction[] = [rowNumber, rank, denseRank, lag, lead, firstValue];
