/**
 * Prints a cassalytics syntax tree as DuckDB 1.5 SQL for the differential tests.
 *
 * Every operator expression is printed inside its own parentheses. cassalytics binds `->` and
 * `->>` tighter than every other operator, while DuckDB gives them the precedence of comparison,
 * so `detail->>'a' = 'x'` would otherwise read differently in DuckDB. The printer of
 * src/parser/print.ts prints only the parentheses that cassalytics' own precedence needs.
 *
 * Each other dialect difference bridged here has a comment where it is handled. Settings that
 * bridge differences for the whole session are in `DUCKDB_SESSION_SQL` of duckdb-store.ts.
 */
import type {
  Cte,
  Expr,
  FrameBound,
  FunctionCallExpr,
  OrderItem,
  QueryExpr,
  SelectItem,
  Source,
  TypeName,
  WindowSpec,
} from '../../../src/parser/ast.js';

/** A query parameter as DuckDB reads it: SQL text of a literal of the parameter's declared type. */
export type DuckDbParameters = ReadonlyMap<string, string>;

export interface DuckDbPrintOptions {
  /** Literal SQL text for each `:name` parameter, by lower-case name. */
  readonly parameters?: DuckDbParameters;
  /**
   * Prints TIMESTAMP literals and casts as TIMESTAMPTZ. cassalytics reads a TIMESTAMP as an
   * instant in the session time zone, which is what DuckDB's TIMESTAMPTZ does; DuckDB's
   * TIMESTAMP has no zone. Queries that run in UTC need no such change.
   */
  readonly zonedTimestamps?: boolean;
  /** DuckDB relation to read for a table name, when it differs from the name. */
  readonly tables?: ReadonlyMap<string, string>;
}

/** Prints a whole query for DuckDB. */
export function duckDbQuery(query: QueryExpr, options: DuckDbPrintOptions = {}): string {
  return new DuckDbPrinter(options).query(query);
}

/** Prints one expression for DuckDB. */
export function duckDbExpr(expr: Expr, options: DuckDbPrintOptions = {}): string {
  return new DuckDbPrinter(options).expr(expr);
}

/** Quotes every name, so names that are keywords in only one of the two dialects need no list. */
function quoteName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function quoteString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** DuckDB type names for the dialect's cast targets. */
const CAST_TYPES: Readonly<Record<TypeName, string>> = {
  BOOLEAN: 'BOOLEAN',
  BIGINT: 'BIGINT',
  DOUBLE: 'DOUBLE',
  TEXT: 'VARCHAR',
  DATE: 'DATE',
  TIMESTAMP: 'TIMESTAMP',
  JSON: 'JSON',
};

class DuckDbPrinter {
  constructor(private readonly options: DuckDbPrintOptions) {}

  query(query: QueryExpr): string {
    const parts: string[] = [];
    if (query.with.length > 0) parts.push(`WITH ${query.with.map((cte) => this.cte(cte)).join(', ')}`);
    if (query.kind === 'select') {
      parts.push(query.distinct ? 'SELECT DISTINCT' : 'SELECT');
      parts.push(query.items.map((item) => this.selectItem(item)).join(', '));
      if (query.from !== null) parts.push(`FROM ${this.source(query.from)}`);
      if (query.where !== null) parts.push(`WHERE ${this.expr(query.where)}`);
      if (query.groupBy.length > 0) parts.push(`GROUP BY ${query.groupBy.map((e) => this.keyExpr(e)).join(', ')}`);
      if (query.having !== null) parts.push(`HAVING ${this.expr(query.having)}`);
      if (query.qualify !== null) parts.push(`QUALIFY ${this.expr(query.qualify)}`);
    } else {
      // Every operand goes in parentheses, so clauses of an operand never attach to the union.
      parts.push(`(${this.query(query.left)}) UNION ALL (${this.query(query.right)})`);
    }
    if (query.orderBy.length > 0) parts.push(`ORDER BY ${query.orderBy.map((item) => this.orderItem(item, true)).join(', ')}`);
    if (query.limit !== null) parts.push(`LIMIT ${this.expr(query.limit)}`);
    if (query.offset !== null) parts.push(`OFFSET ${this.expr(query.offset)}`);
    return parts.join(' ');
  }

  private cte(cte: Cte): string {
    return `${quoteName(cte.name)} AS (${this.query(cte.query)})`;
  }

  private selectItem(item: SelectItem): string {
    if (item.kind === 'star') return item.qualifier === null ? '*' : `${quoteName(item.qualifier)}.*`;
    const text = this.expr(item.expr);
    return item.alias === null ? text : `${text} AS ${quoteName(item.alias)}`;
  }

  private source(source: Source): string {
    if (source.kind === 'subquery_ref') return `(${this.query(source.query)}) AS ${quoteName(source.alias)}`;
    // The DuckDB database has no keyspaces: every table lives in its main schema.
    const name = quoteName(this.options.tables?.get(source.table) ?? source.table);
    return source.alias === null ? name : `${name} AS ${quoteName(source.alias)}`;
  }

  /**
   * GROUP BY and ORDER BY keep a bare integer literal bare, because both dialects read it as the
   * position of a select item.
   */
  private keyExpr(expr: Expr): string {
    if (expr.kind === 'literal' && expr.value.type === 'integer') return expr.value.text;
    return this.expr(expr);
  }

  /**
   * cassalytics sorts NULLs last in both directions unless NULLS FIRST is given. DuckDB 1.5 does
   * the same by default, but the order is spelled out so that a changed default_null_order
   * setting cannot hide a difference.
   */
  private orderItem(item: OrderItem, allowPosition: boolean): string {
    const key = allowPosition ? this.keyExpr(item.expr) : this.expr(item.expr);
    return `${key} ${item.direction} NULLS ${item.nulls ?? 'LAST'}`;
  }

  expr(expr: Expr): string {
    switch (expr.kind) {
      case 'literal':
        switch (expr.value.type) {
          case 'integer':
            return expr.value.text;
          case 'decimal':
            // DuckDB reads 1.5 as DECIMAL(2,1); cassalytics reads every decimal literal as DOUBLE.
            return `CAST(${quoteString(expr.value.text)} AS DOUBLE)`;
          case 'string':
            return quoteString(expr.value.value);
          case 'boolean':
            return expr.value.value ? 'TRUE' : 'FALSE';
          case 'null':
            return 'NULL';
        }
        break;
      case 'typed_literal':
        return `${this.temporalType(expr.type)} ${quoteString(expr.text)}`;
      case 'interval':
        return `INTERVAL ${quoteString(expr.value)} ${expr.unit}`;
      case 'column_ref':
        return expr.qualifier === null ? quoteName(expr.name) : `${quoteName(expr.qualifier)}.${quoteName(expr.name)}`;
      case 'parameter':
        return this.parameter(expr.name ?? null, expr.position ?? null);
      case 'unary':
        return expr.op === 'NOT' ? `(NOT ${this.expr(expr.operand)})` : `(${expr.op}${this.expr(expr.operand)})`;
      case 'binary':
        return `(${this.expr(expr.left)} ${expr.op} ${this.expr(expr.right)})`;
      case 'is_null':
        return `(${this.expr(expr.operand)} IS ${expr.negated ? 'NOT ' : ''}NULL)`;
      case 'is_distinct_from':
        return `(${this.expr(expr.left)} IS ${expr.negated ? 'NOT ' : ''}DISTINCT FROM ${this.expr(expr.right)})`;
      case 'between':
        return `(${this.expr(expr.operand)} ${expr.negated ? 'NOT ' : ''}BETWEEN ${this.expr(expr.low)} AND ${this.expr(expr.high)})`;
      case 'in_list':
        return `(${this.expr(expr.operand)} ${expr.negated ? 'NOT ' : ''}IN (${expr.values.map((v) => this.expr(v)).join(', ')}))`;
      case 'like': {
        const keyword = expr.caseInsensitive ? 'ILIKE' : 'LIKE';
        const escape = expr.escape === null ? '' : ` ESCAPE ${this.expr(expr.escape)}`;
        return `(${this.expr(expr.operand)} ${expr.negated ? 'NOT ' : ''}${keyword} ${this.expr(expr.pattern)}${escape})`;
      }
      case 'cast': {
        const type = expr.type === 'TIMESTAMP' || expr.type === 'DATE' ? this.temporalType(expr.type) : CAST_TYPES[expr.type];
        return `CAST(${this.expr(expr.operand)} AS ${type})`;
      }
      case 'case': {
        const parts = ['CASE'];
        if (expr.operand !== null) parts.push(this.expr(expr.operand));
        for (const clause of expr.whens) parts.push(`WHEN ${this.expr(clause.when)} THEN ${this.expr(clause.then)}`);
        if (expr.else !== null) parts.push(`ELSE ${this.expr(expr.else)}`);
        parts.push('END');
        return `(${parts.join(' ')})`;
      }
      case 'extract':
        return `EXTRACT(${expr.field} FROM ${this.expr(expr.operand)})`;
      case 'function_call':
        return this.call(expr);
    }
    throw new Error(`the DuckDB printer has no case for ${JSON.stringify(expr)}`);
  }

  private temporalType(type: 'DATE' | 'TIMESTAMP'): string {
    return type === 'TIMESTAMP' && this.options.zonedTimestamps === true ? 'TIMESTAMPTZ' : type;
  }

  private parameter(name: string | null, position: number | null): string {
    const key = name ?? String(position);
    const text = this.options.parameters?.get(key);
    if (text === undefined) throw new Error(`no DuckDB literal for the parameter ${name === null ? `?${position}` : `:${name}`}`);
    return text;
  }

  private call(call: FunctionCallExpr): string {
    const args = call.args.map((arg) => this.expr(arg));
    let text: string;
    switch (call.name) {
      case 'to_timestamp_ms':
        // DuckDB's epoch_ms(BIGINT) reads milliseconds, as cassalytics' to_timestamp_ms does.
        text = `epoch_ms(CAST(${args[0]} AS BIGINT))`;
        break;
      case 'add_months':
        // DuckDB has no add_months. Adding to_months(n) clamps the day to the month's end as
        // add_months does, but gives a TIMESTAMP for a DATE; the comparison reads it as a DATE.
        text = `(${args[0]} + to_months(CAST(${args[1]} AS INTEGER)))`;
        break;
      case 'approx_percentile':
        // DuckDB's approx_quantile uses a t-digest and returns the input type; the exact
        // interpolated quantile is the reference, and callers must allow for the sketch error.
        text = `quantile_cont(${args.join(', ')})`;
        break;
      case 'json_value':
        // DuckDB 1.5's json_value keeps the quotes of a string. cassalytics returns the text of a
        // scalar and NULL for an object or array, as PostgreSQL's json_value does.
        text =
          `(CASE WHEN json_type(json_extract(${args[0]}, ${args[1]})) IN ('OBJECT', 'ARRAY') THEN NULL ` +
          `ELSE json_extract_string(${args[0]}, ${args[1]}) END)`;
        break;
      case 'current_timestamp':
        text = 'now()';
        break;
      case 'current_date':
        text = 'current_date';
        break;
      default:
        text = call.star ? `${call.name}(*)` : `${call.name}(${call.distinct ? 'DISTINCT ' : ''}${args.join(', ')})`;
    }
    if (call.filter !== null) text += ` FILTER (WHERE ${this.expr(call.filter)})`;
    if (call.over !== null) text += ` OVER (${this.window(call.over)})`;
    // DuckDB 1.5's count_if returns NULL (as a HUGEINT) for a group without a non-NULL input,
    // where cassalytics returns 0 as count does.
    if (call.name === 'count_if') text = `coalesce(${text}, 0)`;
    return text;
  }

  private window(spec: WindowSpec): string {
    const parts: string[] = [];
    if (spec.partitionBy.length > 0) parts.push(`PARTITION BY ${spec.partitionBy.map((e) => this.expr(e)).join(', ')}`);
    if (spec.orderBy.length > 0) parts.push(`ORDER BY ${spec.orderBy.map((item) => this.orderItem(item, false)).join(', ')}`);
    if (spec.frame !== null) {
      parts.push(`${spec.frame.mode} BETWEEN ${this.frameBound(spec.frame.start)} AND ${this.frameBound(spec.frame.end)}`);
    }
    return parts.join(' ');
  }

  private frameBound(bound: FrameBound): string {
    switch (bound.kind) {
      case 'unbounded_preceding':
        return 'UNBOUNDED PRECEDING';
      case 'preceding':
        return `${this.expr(bound.offset)} PRECEDING`;
      case 'current_row':
        return 'CURRENT ROW';
      case 'following':
        return `${this.expr(bound.offset)} FOLLOWING`;
      case 'unbounded_following':
        return 'UNBOUNDED FOLLOWING';
    }
  }
}
