/**
 * Runs one SQL text on cassalytics and, translated, on DuckDB, and compares the results.
 */
import type { Engine, QueryParameters } from '../../../src/index.js';
import { parseQuery } from '../../../src/parser/index.js';
import type { QueryExpr } from '../../../src/parser/ast.js';
import type { SqlType } from '../../../src/catalog/table.js';
import { compareOutcomes, ourCell, type Outcome } from './compare.js';
import { duckDbQuery, type DuckDbPrintOptions } from './duckdb-sql.js';
import { realDatesView, type DuckDbStore } from './duckdb-store.js';

export interface CheckOptions {
  /** Parameter values for cassalytics. */
  readonly params?: QueryParameters;
  /** Options of the DuckDB printer, with the parameters as DuckDB literals. */
  readonly duckdb?: DuckDbPrintOptions;
  /** DuckDB SQL to run instead of the translation. */
  readonly duckdbSql?: string;
  /** Compare in order; by default when the outermost query has an ORDER BY. */
  readonly ordered?: boolean;
}

export interface CheckResult {
  /** Null when both engines agree, else the difference and the first rows of both results. */
  readonly mismatch: string | null;
  readonly ours: Outcome;
  readonly theirs: Outcome;
  readonly duckdbSql: string;
  /** Rows whose detail cassalytics could not parse, from the result's stats. */
  readonly malformedJson: number;
  /** Wall-clock time of each engine, in milliseconds. */
  readonly oursMs: number;
  readonly duckdbMs: number;
}

/** Runs `sql` on the engine and returns its rows as cells, with the malformed-JSON count. */
export async function ourOutcome(engine: Engine, sql: string, params: QueryParameters = {}): Promise<{ outcome: Outcome; types: SqlType[] | null; malformedJson: number }> {
  try {
    const result = await engine.query(sql, params);
    const rows = await result.toArray();
    const types = result.columns.map((column) => column.type);
    const names = result.columns.map((column) => column.name);
    const cells = rows.map((row) =>
      result.columns.map((column) => {
        try {
          return ourCell(row[column.name], column.type);
        } catch (error) {
          throw new Error(`column ${column.name} is typed ${column.type} but holds ${String(row[column.name])}: ${(error as Error).message}`);
        }
      }),
    );
    return { outcome: { ok: true, columns: names, types, rows: cells }, types, malformedJson: result.stats.malformedJson };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { outcome: { ok: false, error: `${code ? `${code}: ` : ''}${(error as Error).message}` }, types: null, malformedJson: 0 };
  }
}

export class DifferentialHarness {
  constructor(
    readonly engine: Engine,
    readonly duckdb: DuckDbStore,
  ) {}

  /** Translates `sql` for DuckDB; throws when cassalytics cannot parse it. */
  translate(sql: string, options: DuckDbPrintOptions = {}): { query: QueryExpr; duckdbSql: string } {
    const query = parseQuery(sql);
    return { query, duckdbSql: duckDbQuery(query, options) };
  }

  async check(sql: string, options: CheckOptions = {}): Promise<CheckResult> {
    const { query, duckdbSql: translated } = this.translate(sql, options.duckdb);
    const duckdbSql = options.duckdbSql ?? translated;
    const started = performance.now();
    const ours = await ourOutcome(this.engine, sql, options.params);
    const oursDone = performance.now();
    const theirs = await this.duckdb.outcome(duckdbSql, ours.types);
    const duckdbMs = performance.now() - oursDone;
    const ordered = options.ordered ?? query.orderBy.length > 0;
    return {
      mismatch: compareOutcomes(ours.outcome, theirs, ordered),
      ours: ours.outcome,
      theirs,
      duckdbSql,
      malformedJson: ours.malformedJson,
      oursMs: oursDone - started,
      duckdbMs,
    };
  }
}

/**
 * Returns whether a mismatch is the documented one of time-range pruning: a filter on event_time
 * or log_time reads partitions by the UTC hours it covers, so rows stored under partitions that
 * name no real date (31 February) are not read although their log_time passes the filter. The
 * query then matches DuckDB over the rows with real dates.
 */
export async function isKnownTimePruningDifference(harness: DifferentialHarness, sql: string, table = 'user_logs'): Promise<boolean> {
  if (!/\b(event_time|log_time)\b/.test(sql)) return false;
  const tables = new Map([[table, realDatesView(table)]]);
  const result = await harness.check(sql, { duckdb: { tables } });
  return result.mismatch === null;
}

/** Formats a mismatch for a test failure: the label, both SQL texts and the difference. */
export function describeMismatch(label: string, sql: string, result: CheckResult): string {
  return `${label}\ncassalytics SQL: ${sql}\nDuckDB SQL: ${result.duckdbSql}\n${result.mismatch}`;
}
