import { CancelledError, ExecutionError, PlanError } from '../errors.js';
import { connectCassandra } from '../cassandra/client.js';
import type { CassandraOptions } from '../cassandra/options.js';
import { compileExpr } from '../executor/compile.js';
import { executePlan, newQueryStats, type ExecutionContext, type Progress } from '../executor/execute.js';
import { WorkerPool } from '../executor/pool.js';
import { CassandraTarget } from '../executor/targets/cassandra-target.js';
import { EmbeddedTarget } from '../executor/targets/embedded-target.js';
import type { CoordinatorTarget } from '../executor/targets/target.js';
import type { Row, Value } from '../executor/values.js';
import { parse } from '../parser/index.js';
import type { Expr, QueryExpr, Statement, TableRef } from '../parser/ast.js';
import { ExpressionBinder, parameterLiteral, type ParameterValue, type Parameters } from '../planner/bind-expr.js';
import { bindQuery } from '../planner/bind-query.js';
import { printPlan } from '../planner/explain.js';
import { optimize } from '../planner/rules/index.js';
import type { BoundExpr } from '../planner/bound.js';
import type { LogicalPlan } from '../planner/logical.js';
import { FieldScope } from '../planner/scan-scope.js';
import type { Settings } from '../planner/settings.js';
import type { TimeBucketOverride } from '../planner/time-buckets.js';
import { describeTable } from './describe.js';
import { EmbeddedStore } from '../store/store.js';
import { cassandraCatalog, embeddedCatalog, type EngineCatalog } from './catalogs.js';
import { QueryResult, type ResultColumn } from './result.js';
import { applySetting, defaultSettings, describeSettings, describeSettingsNames, resetSetting } from './settings-registry.js';

/**
 * Target of an engine: an embedded store file or a Cassandra cluster.
 *
 * @example
 * await open({ db: 'events.db' });
 * await open({ cassandra: { contactPoints: ['10.0.0.5:9042'], keyspace: 'shop', localDataCenter: 'dc1' }, settings: { workers: 4 } });
 */
export interface OpenOptions {
  /** Path of an embedded store file. */
  readonly db?: string;
  /** Cassandra connection; `keyspace` is the default for unqualified table names. */
  readonly cassandra?: CassandraOptions;
  /**
   * Initial settings, by their SET names (`time_zone`, `memory_limit`, `timeout`...) with SET's
   * values, or by the `Settings` field names with typed values. Unknown names are rejected.
   *
   * @example
   * open({ db: 'events.db', settings: { time_zone: 'Europe/Berlin', memory_limit: '2GB', workers: 4 } })
   */
  readonly settings?: Partial<Settings> | Readonly<Record<string, string | number | boolean>>;
  /**
   * Time-bucket layout per table name, overriding detection by column names; `false` turns it
   * off for that table.
   *
   * @example
   * open({ db: 'events.db', timeBuckets: { clicks: { year: 'y', month: 'm', day: 'd', hour: 'h', timestampColumn: 'ts_ms' } } })
   */
  readonly timeBuckets?: Readonly<Record<string, TimeBucketOverride>>;
}

/**
 * Parameter values: an object for `:name` parameters or an array for `?` parameters.
 *
 * @example
 * await engine.query('SELECT count(*) FROM user_logs WHERE store_id = :store', { store: 2 });
 * await engine.query('SELECT count(*) FROM user_logs WHERE store_id = ?', [2]);
 */
export type QueryParameters = Readonly<Record<string, ParameterValue>> | readonly ParameterValue[];

/**
 * Options of one query.
 *
 * @example
 * await engine.query(sql, {}, { signal: AbortSignal.timeout(10_000), onProgress: (p) => console.log(p.tasksDone, p.tasksTotal) });
 */
export interface QueryOptions {
  /** Cancels the query; its rows stop and iteration throws CancelledError. */
  readonly signal?: AbortSignal;
  /** Called as scan tasks finish. */
  readonly onProgress?: (progress: Progress) => void;
}

/**
 * A query plan as data and as text.
 *
 * @example
 * const { plan, text } = await engine.explain('SELECT count(*) FROM user_logs');
 * plan.kind; // 'project'
 */
export interface ExplainResult {
  /** The logical plan as data. */
  readonly plan: LogicalPlan;
  /** The plan as EXPLAIN prints it. */
  readonly text: string;
}

/**
 * An engine bound to one store. Create it with `open`, run SQL with `query`, and `close` it (or
 * use `await using`) to stop its worker threads and connections.
 */
export class Engine implements AsyncDisposable {
  readonly settings: Settings;
  private readonly pool: WorkerPool;
  private closed = false;

  /** @internal */
  constructor(
    private readonly target: CoordinatorTarget,
    readonly catalog: EngineCatalog,
    settings: Settings,
    private readonly onClose: () => Promise<void>,
  ) {
    this.settings = settings;
    this.pool = new WorkerPool(settings.workers);
  }

  /** A short description of the target for prompts and messages, never including credentials. */
  get targetDescription(): string {
    const spec = this.target.spec;
    return spec.kind === 'embedded' ? spec.path : `${spec.options.contactPoints.join(',')} keyspace ${this.catalog.defaultKeyspace}`;
  }

  /**
   * Runs one SQL statement. Queries return their rows; SET, RESET, SHOW TABLES and DESCRIBE
   * return a small result too.
   *
   * @example
   * const result = await engine.query('SELECT count(*) AS n FROM user_logs WHERE store_id = :store', { store: 1 });
   * const [{ n }] = await result.toArray();
   */
  async query(sql: string, params: QueryParameters = {}, options: QueryOptions = {}): Promise<QueryResult> {
    const statements = parse(sql);
    if (statements.length !== 1) {
      throw new PlanError('PLAN_ONE_STATEMENT', `query() runs one statement, and the text has ${statements.length}`, {
        hint: 'split the text with parse() and run each statement, or use the CLI run command for scripts',
      });
    }
    return this.run(statements[0]!, params, options);
  }

  /**
   * Runs one statement returned by `parse`, so a script of several statements can run one by one
   * with error spans that point into the whole script.
   *
   * @example
   * for (const statement of parse(scriptText)) {
   *   console.log(await (await engine.run(statement)).toArray());
   * }
   */
  async run(statement: Statement, params: QueryParameters = {}, options: QueryOptions = {}): Promise<QueryResult> {
    this.checkOpen();
    switch (statement.kind) {
      case 'query':
        return this.runQuery(statement.query, params, options, false);
      case 'explain': {
        const explained = await this.explainQuery(statement.query, params, statement.analyze, options);
        return staticResult([{ name: 'plan', type: 'TEXT' }], explained.text.split('\n').map((line) => [line]));
      }
      case 'set': {
        const value = this.constantOf(statement.value, params);
        if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
          throw new PlanError('SETTING_INVALID', `SET ${statement.name} needs a text, number or boolean value`, { span: statement.value.span });
        }
        applySetting(this.settings, statement.name, value ?? '');
        await this.pool.resize(this.settings.workers);
        return staticResult([{ name: 'setting', type: 'TEXT' }, { name: 'value', type: 'TEXT' }], [[statement.name, String(value)]]);
      }
      case 'reset':
        resetSetting(this.settings, statement.name);
        await this.pool.resize(this.settings.workers);
        return staticResult([{ name: 'setting', type: 'TEXT' }], [[statement.name]]);
      case 'show_tables': {
        const names = await this.catalog.listTables();
        return staticResult([{ name: 'table', type: 'TEXT' }], names.map((n) => [n]));
      }
      case 'describe': {
        await this.catalog.prepare([{ keyspace: statement.table.keyspace, name: statement.table.name }]);
        const table = this.catalog.table(statement.table.keyspace, statement.table.name);
        if (!table) {
          throw new PlanError('PLAN_UNKNOWN_TABLE', `table ${statement.table.name} does not exist`, { span: statement.table.span, hint: 'SHOW TABLES lists the tables' });
        }
        const described = describeTable(table);
        return staticResult(described.columns, described.rows);
      }
    }
  }

  /**
   * Returns the plan of a query, and with `analyze` runs it and adds what each operator did.
   *
   * @example
   * const { text } = await engine.explain("SELECT count(*) FROM user_logs WHERE store_id = 1 AND event_date = DATE '2026-11-20'");
   * // text includes "partitions: 24 enumerated from store_id in {1} and time [...]"
   */
  async explain(sql: string, params: QueryParameters = {}, options: { analyze?: boolean } & QueryOptions = {}): Promise<ExplainResult> {
    const statements = parse(sql);
    const statement = statements[0];
    if (statements.length !== 1 || !statement || (statement.kind !== 'query' && statement.kind !== 'explain')) {
      throw new PlanError('PLAN_EXPLAIN_QUERY', 'explain() takes one SELECT query');
    }
    return this.explainQuery(statement.query, params, options.analyze ?? (statement.kind === 'explain' && statement.analyze), options);
  }

  /**
   * Returns the current settings with their descriptions, as `\set` shows them.
   *
   * @example
   * engine.describeSettings().find((s) => s.name === 'workers'); // { name: 'workers', value: '2', description: ... }
   */
  describeSettings() {
    return describeSettings(this.settings);
  }

  /**
   * Waits for running tasks to stop, then ends the worker threads and connections.
   *
   * @example
   * const engine = await open({ db: 'events.db' });
   * try {
   *   await engine.query('SELECT 1');
   * } finally {
   *   await engine.close();
   * }
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.close();
    await this.target.close();
    await this.onClose();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  private checkOpen(): void {
    if (this.closed) throw new ExecutionError('ENGINE_CLOSED', 'this engine is closed', { hint: 'open a new one with open()' });
  }

  private async plan(query: QueryExpr, params: QueryParameters, nowMs: number): Promise<LogicalPlan> {
    await this.catalog.prepare(tableRefsOf(query));
    const parameters = toParameters(params);
    const evaluateConstant = (expr: BoundExpr): Value =>
      compileExpr(expr, { context: { timeZone: this.settings.timeZone, nowMs }, counters: { malformedJson: 0 } })([]);
    try {
      const bound = bindQuery(query, {
        catalog: this.catalog,
        timeZone: this.settings.timeZone,
        parameters,
        maxEnumeratedPartitions: this.settings.maxEnumeratedPartitions,
        evaluateConstant,
      });
      return optimize(bound, { settings: this.settings, dialect: this.target.dialect });
    } catch (error) {
      // Binding recurses over the expression tree; thousands of chained operators exhaust the stack.
      if (error instanceof RangeError && /call stack/i.test(error.message)) {
        throw new PlanError('PLAN_TOO_COMPLEX', 'the query has too many chained operators to plan', {
          hint: 'replace long OR chains with IN (...), or split the query',
        });
      }
      throw error;
    }
  }

  private async runQuery(query: QueryExpr, params: QueryParameters, options: QueryOptions, analyze: boolean): Promise<QueryResult> {
    const nowMs = Date.now();
    const plan = await this.plan(query, params, nowMs);
    const { context, finish } = this.executionContext(options, nowMs, analyze);
    const columns: ResultColumn[] = plan.schema.map((f) => ({ name: f.name, type: f.type }));
    const rows = guardCancellation(executePlan(plan, context), context.signal, finish);
    return new QueryResult(columns, rows, () => ({ stats: context.stats, elapsedMs: performance.now() - context.startedAt }));
  }

  private async explainQuery(query: QueryExpr, params: QueryParameters, analyze: boolean, options: QueryOptions): Promise<ExplainResult> {
    const nowMs = Date.now();
    const plan = await this.plan(query, params, nowMs);
    const base = { dialect: this.target.dialect, workers: this.settings.workers } as const;
    if (!analyze) return { plan, text: printPlan(plan, base) };

    const { context, finish } = this.executionContext(options, nowMs, true);
    try {
      for await (const _batch of guardCancellation(executePlan(plan, context), context.signal, () => undefined)) {
        // Rows are discarded; EXPLAIN ANALYZE reports what producing them took.
      }
    } finally {
      finish();
    }
    const stats = context.stats;
    const text = printPlan(plan, {
      ...base,
      operators: stats.operators,
      totals: { partitions: stats.partitions, pages: stats.pages, rowsScanned: stats.rowsScanned, bytes: stats.bytes, tasks: stats.tasksDone, elapsedMs: performance.now() - context.startedAt },
    });
    return { plan, text };
  }

  private executionContext(options: QueryOptions, nowMs: number, analyze: boolean): { context: ExecutionContext; finish: () => void } {
    const controller = new AbortController();
    const timers: NodeJS.Timeout[] = [];
    const onAbort = () => controller.abort(options.signal?.reason);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) controller.abort(options.signal.reason);
    if (this.settings.timeoutMs > 0) {
      const limit = this.settings.timeoutMs;
      timers.push(setTimeout(() => controller.abort(new CancelledError(`the query ran longer than timeout = ${limit} ms`, { hint: "raise it with SET timeout = '5 minutes'" })), limit));
    }
    const context: ExecutionContext = {
      target: this.target,
      pool: this.pool,
      settings: { ...this.settings },
      nowMs,
      signal: controller.signal,
      stats: newQueryStats(),
      startedAt: performance.now(),
      analyze,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    };
    const finish = () => {
      for (const timer of timers) clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    };
    return { context, finish };
  }

  private constantOf(expr: Expr, params: QueryParameters): Value {
    // SET accepts bare words (SET pushdown_aggregation = off) as well as literals.
    if (expr.kind === 'column_ref' && expr.qualifier === null) return expr.name;
    const binder = new ExpressionBinder(new FieldScope([], null), { timeZone: this.settings.timeZone, parameters: toParameters(params) });
    const bound = binder.bind(expr);
    return compileExpr(bound, { context: { timeZone: this.settings.timeZone, nowMs: Date.now() }, counters: { malformedJson: 0 } })([]);
  }
}

/**
 * Wraps a plan's row generator so that a cancelled query throws CancelledError with the reason,
 * and the query's timers and listeners are released when iteration ends for any reason.
 */
async function* guardCancellation(rows: AsyncGenerator<Row[]>, signal: AbortSignal, finish: () => void): AsyncGenerator<Row[]> {
  try {
    for await (const batch of rows) {
      if (signal.aborted) throw signal.reason instanceof CancelledError ? signal.reason : new CancelledError('the query was cancelled');
      yield batch;
    }
  } catch (error) {
    if (signal.aborted) throw signal.reason instanceof CancelledError ? signal.reason : new CancelledError('the query was cancelled', { cause: error });
    throw error;
  } finally {
    finish();
  }
}

function staticResult(columns: ResultColumn[], rows: Row[]): QueryResult {
  async function* source(): AsyncGenerator<Row[]> {
    yield rows;
  }
  const stats = newQueryStats();
  return new QueryResult(columns, source(), () => ({ stats, elapsedMs: 0 }));
}

function toParameters(params: QueryParameters): Parameters {
  if (Array.isArray(params)) return { named: new Map(), positional: params as readonly ParameterValue[] };
  const named = new Map<string, ParameterValue>();
  for (const [name, value] of Object.entries(params as Record<string, ParameterValue>)) {
    parameterLiteral(value, null);
    named.set(name.toLowerCase(), value);
  }
  return { named, positional: [] };
}

/** Tables a query names, CTE names included (the catalog ignores names it cannot find). */
function tableRefsOf(query: QueryExpr): { keyspace: string | null; name: string }[] {
  const refs: TableRef[] = [];
  const visit = (q: QueryExpr): void => {
    for (const cte of q.with) visit(cte.query);
    if (q.kind === 'union_all') {
      visit(q.left);
      visit(q.right);
      return;
    }
    if (q.from?.kind === 'table_ref') refs.push(q.from);
    if (q.from?.kind === 'subquery_ref') visit(q.from.query);
  };
  visit(query);
  return refs.map((r) => ({ keyspace: r.keyspace, name: r.table }));
}

/**
 * Opens an engine on an embedded store (`{ db }`) or a Cassandra cluster (`{ cassandra }`).
 *
 * @example
 * await using engine = await open({ db: 'events.db' });
 * const result = await engine.query('SELECT count(*) AS n FROM user_logs');
 */
export async function open(options: OpenOptions): Promise<Engine> {
  if (typeof options !== 'object' || options === null) {
    throw new PlanError('OPEN_NO_TARGET', 'open() needs an options object such as { db: "events.db" } or { cassandra: { contactPoints: ["127.0.0.1:9042"] } }');
  }
  const settings = defaultSettings();
  for (const [name, value] of Object.entries(options.settings ?? {})) applyOpenSetting(settings, name, value as string | number | boolean);
  if (options.cassandra && options.db) {
    throw new PlanError('OPEN_TWO_TARGETS', 'open() takes either db or cassandra, not both');
  }
  if (options.cassandra) {
    const client = await connectCassandra(options.cassandra);
    const keyspace = options.cassandra.keyspace ?? 'cassalytics';
    const localDataCenter = options.cassandra.localDataCenter ?? (await localDataCenterOf(client));
    const workerOptions: CassandraOptions = { ...options.cassandra, localDataCenter, requestTimeoutMs: options.cassandra.requestTimeoutMs ?? settings.readTimeoutMs };
    const target = new CassandraTarget(client, workerOptions);
    return new Engine(target, withTimeBuckets(cassandraCatalog(client, keyspace), options.timeBuckets), settings, async () => undefined);
  }
  if (!options.db) throw new PlanError('OPEN_NO_TARGET', 'open() needs db (an embedded store file) or cassandra (connection options)');
  const store = EmbeddedStore.open(options.db, { readonly: true });
  return new Engine(new EmbeddedTarget(store.path), withTimeBuckets(embeddedCatalog(store), options.timeBuckets), settings, async () => store.close());
}

/** Applies one `open()` setting, given by its SET name or its `Settings` field name. */
function applyOpenSetting(settings: Settings, name: string, value: string | number | boolean): void {
  const names = describeSettingsNames();
  const field = names.find((entry) => entry.key === name);
  if (names.some((entry) => entry.name === name) || field === undefined) {
    applySetting(settings, name, value);
    return;
  }
  // Field names take typed values, validated by the parser of the SET name for the same field.
  if (typeof value !== typeof settings[field.key]) {
    throw new PlanError('SETTING_INVALID', `setting ${name} must be a ${typeof settings[field.key]}, not ${JSON.stringify(value)}`);
  }
  applySetting(settings, field.name, field.key === 'timeoutMs' || field.key === 'readTimeoutMs' ? `${value}ms` : value);
}

function withTimeBuckets(catalog: EngineCatalog, overrides: OpenOptions['timeBuckets']): EngineCatalog {
  if (!overrides) return catalog;
  return { ...catalog, timeBucketOverride: (table) => overrides[table.name] };
}

async function localDataCenterOf(client: import('cassandra-driver').Client): Promise<string> {
  const result = await client.execute('SELECT data_center FROM system.local');
  return String(result.first()?.get('data_center') ?? 'datacenter1');
}
