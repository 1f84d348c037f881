/**
 * The public API of cassalytics: open an engine on an embedded store or a Cassandra cluster and
 * run SQL from Node programs. Everything else in the package is internal.
 *
 * @example
 * import { open } from 'cassalytics';
 * await using engine = await open({ db: 'events.db' });
 * const result = await engine.query('SELECT store_id, count(*) AS events FROM user_logs GROUP BY 1 ORDER BY 1');
 * console.log(await result.toArray());
 */
export { open, Engine, type OpenOptions, type QueryOptions, type QueryParameters, type ExplainResult } from './api/engine.js';
export { QueryResult, type ResultColumn, type ResultRow, type ResultStats } from './api/result.js';
export type { Progress } from './executor/execute.js';
export type { ParameterValue, TypedParameter } from './planner/bind-expr.js';
export type { CassandraOptions } from './cassandra/options.js';
export type { Settings } from './planner/settings.js';
export type { SqlType } from './catalog/table.js';
export { CassalyticsError, PlanError, ExecutionError, ResourceLimitError, CancelledError } from './errors.js';
export { ParseError } from './parser/errors.js';
export { parse } from './parser/index.js';
export type { Statement, Span } from './parser/ast.js';
