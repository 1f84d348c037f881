import { PlanError, didYouMean } from '../errors.js';
import type { Value } from '../executor/values.js';
import type { SqlType } from '../catalog/table.js';
import { aggregateFunctions, windowFunctions } from '../executor/functions/index.js';
import type { Cte, Expr, FrameBound, FunctionCallExpr, OrderItem, QueryExpr, SelectQuery, Source, Span, UnionAllQuery, WindowFrame as AstWindowFrame } from '../parser/ast.js';
import { mapColumns, type AggregateCall, type BoundExpr } from './bound.js';
import { ExpressionBinder, concreteType, containsAggregate, describeAst, type BindContext, type BindMode, type Scope } from './bind-expr.js';
import type { Catalog } from './catalog.js';
import type { Field, LogicalPlan, SortKey, WindowCall, WindowFrame } from './logical.js';
import { FieldScope, ScanScope } from './scan-scope.js';
import { planScan } from './plan-scan.js';
import { detectTimeBuckets } from './time-buckets.js';

export interface QueryBindOptions extends BindContext {
  readonly catalog: Catalog;
  readonly maxEnumeratedPartitions: number;
  /** Evaluates a column-free expression at plan time (LIMIT values, pruning constants). */
  readonly evaluateConstant: (expr: BoundExpr) => Value;
}

/** Binding of a FROM clause: a table scan under construction, or a finished plan. */
type BoundSource =
  | { readonly kind: 'scan'; readonly scope: ScanScope }
  | { readonly kind: 'plan'; readonly plan: LogicalPlan; readonly scope: FieldScope };

/** Binds a query AST to a logical plan. */
export function bindQuery(query: QueryExpr, options: QueryBindOptions): LogicalPlan {
  return new QueryBinder(options, new Map()).bind(query);
}

class QueryBinder {
  constructor(
    private readonly options: QueryBindOptions,
    private readonly ctes: ReadonlyMap<string, QueryExpr>,
  ) {}

  bind(query: QueryExpr): LogicalPlan {
    const binder = query.with.length > 0 ? this.withCtes(query.with) : this;
    return query.kind === 'select' ? binder.bindSelect(query) : binder.bindUnion(query);
  }

  private withCtes(ctes: readonly Cte[]): QueryBinder {
    const map = new Map(this.ctes);
    for (const cte of ctes) map.set(cte.name, cte.query);
    return new QueryBinder(this.options, map);
  }

  private bindUnion(query: UnionAllQuery): LogicalPlan {
    const left = this.bind(query.left);
    const right = this.bind(query.right);
    if (left.schema.length !== right.schema.length) {
      throw new PlanError('PLAN_UNION_COLUMNS', `UNION ALL sides have ${left.schema.length} and ${right.schema.length} columns`, {
        span: query.span,
        hint: 'select the same number of columns on both sides',
      });
    }
    const schema = left.schema.map((field, i) => {
      const other = right.schema[i]!;
      if (field.type !== other.type && !(isNumber(field.type) && isNumber(other.type))) {
        throw new PlanError('PLAN_UNION_TYPES', `UNION ALL column ${i + 1} is ${field.type} on the left and ${other.type} on the right`, {
          span: query.span,
          hint: 'cast one side so both have the same type',
        });
      }
      return { name: field.name, type: field.type === other.type ? field.type : 'DOUBLE', qualifier: null } satisfies Field;
    });
    let plan: LogicalPlan = { kind: 'union_all', inputs: [left, right], schema };
    const scope = new FieldScope(schema, null);
    const binder = new ExpressionBinder(scope, this.options);
    if (query.orderBy.length > 0) {
      const keys = query.orderBy.map((item) => this.sortKey(item, binder.bind(resolveOrdinal(item.expr, schema.length, item.span, (i) => columnRefAst(schema[i]!.name, item.span)))));
      plan = { kind: 'sort', input: plan, keys, schema };
    }
    return this.applyLimit(plan, query.limit, query.offset);
  }

  private bindSelect(query: SelectQuery): LogicalPlan {
    const source = query.from ? this.bindSource(query.from) : null;
    const scope: Scope = source ? source.scope : new FieldScope([], null);
    const rowBinder = new ExpressionBinder(scope, this.options);

    const windows: WindowCall[] = [];
    const selectBinder = new ExpressionBinder(scope, this.options, (call, mode, binder) => this.bindWindow(call, mode, binder, windows));

    // WHERE
    let where: BoundExpr | null = null;
    if (query.where) {
      if (containsAggregate(query.where)) {
        throw new PlanError('PLAN_AGGREGATE_IN_WHERE', 'aggregates are not allowed in WHERE', {
          span: query.where.span,
          hint: 'filter groups with HAVING instead',
        });
      }
      where = rowBinder.bind(query.where);
      if (where.type !== 'BOOLEAN' && where.type !== 'NULL') {
        throw new PlanError('PLAN_TYPE_MISMATCH', `WHERE needs a BOOLEAN condition, not ${where.type}`, { span: query.where.span });
      }
    }

    // Select items with * expanded.
    const items: { expr: Expr; name: string; span: Span }[] = [];
    const starItems: { index: number; bound: BoundExpr; name: string }[] = [];
    for (const item of query.items) {
      if (item.kind === 'star') {
        const columns = this.starColumns(source, item.qualifier, item.span);
        for (const column of columns) {
          starItems.push({ index: items.length, bound: column.bound, name: column.name });
          items.push({ expr: columnRefAst(column.name, item.span), name: column.name, span: item.span });
        }
      } else {
        items.push({ expr: item.expr, name: item.alias ?? describeAst(item.expr), span: item.span });
      }
    }

    const aliasOf = (expr: Expr): Expr => {
      if (expr.kind === 'column_ref' && expr.qualifier === null) {
        const aliased = query.items.find((i) => i.kind === 'expr_item' && i.alias === expr.name);
        if (aliased && aliased.kind === 'expr_item' && !this.resolves(scope, expr)) return aliased.expr;
      }
      return expr;
    };

    const aggregated =
      query.groupBy.length > 0 ||
      (query.qualify !== null && containsAggregate(query.qualify)) ||
      items.some((i) => containsAggregate(i.expr)) ||
      (query.having !== null && containsAggregate(query.having)) ||
      query.orderBy.some((o) => containsAggregate(o.expr));

    let input: LogicalPlan | null = source?.kind === 'plan' ? source.plan : null;
    if (source?.kind === 'plan' && where) input = { kind: 'filter', input: source.plan, predicate: where, schema: source.plan.schema };

    let mode: BindMode = { kind: 'row' };
    let aggregates: AggregateCall[] = [];
    let groups: BoundExpr[] = [];
    if (aggregated) {
      groups = query.groupBy.map((g) => {
        const expr = resolveOrdinal(aliasOf(g), items.length, g.span, (i) => items[i]!.expr);
        if (containsAggregate(expr)) throw new PlanError('PLAN_AGGREGATE_IN_GROUP_BY', 'aggregates are not allowed in GROUP BY', { span: g.span });
        return rowBinder.bind(expr);
      });
      aggregates = [];
      mode = { kind: 'aggregated', groups, groupKeys: groups.map((g) => JSON.stringify(g)), aggregates, aggregateKeys: [] };
    }

    const boundItems = items.map((item, i) => {
      const star = starItems.find((s) => s.index === i);
      if (star && mode.kind === 'row') return star.bound;
      return selectBinder.bind(item.expr, mode);
    });

    let having: BoundExpr | null = null;
    if (query.having) {
      if (!aggregated) throw new PlanError('PLAN_HAVING_WITHOUT_GROUP', 'HAVING needs GROUP BY or an aggregate', { span: query.having.span, hint: 'use WHERE to filter rows' });
      having = rowBinder.bind(aliasOf(query.having), mode);
    }

    // ORDER BY: an ordinal or an output alias names a select item. Anything else is bound like a
    // select item and carried as a hidden column until the sort is done.
    const hidden: BoundExpr[] = [];
    const sortKeys: SortKey[] = query.orderBy.map((item) => {
      const ordinal = ordinalOf(item.expr, items.length);
      if (ordinal !== null) return this.sortKey(item, outputRef(ordinal, boundItems[ordinal]!, items[ordinal]!.name));
      if (item.expr.kind === 'column_ref' && item.expr.qualifier === null) {
        const index = items.findIndex((it) => it.name === (item.expr as { name: string }).name);
        if (index >= 0) return this.sortKey(item, outputRef(index, boundItems[index]!, items[index]!.name));
      }
      const bound = selectBinder.bind(item.expr, mode);
      const existing = boundItems.findIndex((b) => JSON.stringify(b) === JSON.stringify(bound));
      if (existing >= 0) return this.sortKey(item, outputRef(existing, boundItems[existing]!, items[existing]!.name));
      if (query.distinct) {
        throw new PlanError('PLAN_ORDER_BY_DISTINCT', 'with SELECT DISTINCT, ORDER BY expressions must appear in the select list', { span: item.span });
      }
      hidden.push(bound);
      return this.sortKey(item, { kind: 'column', index: items.length + hidden.length - 1, name: describeAst(item.expr), type: concreteType(bound.type) });
    });

    let qualify: BoundExpr | null = null;
    if (query.qualify) {
      qualify = selectBinder.bind(aliasOf(query.qualify), mode);
      if (windows.length === 0) {
        throw new PlanError('PLAN_QUALIFY_WITHOUT_WINDOW', 'QUALIFY filters on window function results, and the query has none', {
          span: query.qualify.span,
          hint: 'use WHERE to filter rows, or HAVING to filter groups',
        });
      }
    }

    // Assemble: scan or input, aggregate, having, window, qualify, project, distinct, sort, limit.
    let plan: LogicalPlan;
    if (source?.kind === 'scan') {
      plan = planScan(source.scope, where, this.options);
    } else if (input) {
      plan = input;
    } else {
      plan = { kind: 'values', schema: [] };
      if (where) plan = { kind: 'filter', input: plan, predicate: where, schema: [] };
    }

    if (aggregated) {
      const schema: Field[] = [
        ...groups.map((g, i) => ({ name: describeAst(query.groupBy[i]!), type: concreteType(g.type), qualifier: null })),
        ...aggregates.map((a) => ({ name: a.display, type: a.type, qualifier: null })),
      ];
      plan = { kind: 'aggregate', input: plan, groups, aggregates, schema };
      if (having) plan = { kind: 'filter', input: plan, predicate: having, schema };
    }

    let projected = [...boundItems, ...hidden];
    if (windows.length > 0) {
      // Window results come first in the Window node's output, so references to its input shift.
      const shift = (expr: BoundExpr) =>
        mapColumns(expr, (column) => (column.index < 0 ? { ...column, index: -column.index - 1 } : { ...column, index: column.index + windows.length }));
      const schema: Field[] = [...windows.map((w) => ({ name: w.display, type: w.type, qualifier: null })), ...plan.schema];
      plan = { kind: 'window', input: plan, windows, schema };
      if (qualify) plan = { kind: 'filter', input: plan, predicate: shift(qualify), schema };
      projected = projected.map(shift);
    }
    const projectSchema: Field[] = [
      ...items.map((item, i) => ({ name: item.name, type: concreteType(boundItems[i]!.type), qualifier: null })),
      ...hidden.map((h, i) => ({ name: `#sort${i + 1}`, type: concreteType(h.type), qualifier: null })),
    ];
    plan = { kind: 'project', input: plan, exprs: projected, schema: projectSchema };
    if (query.distinct) plan = { kind: 'distinct', input: plan, schema: projectSchema };
    if (sortKeys.length > 0) plan = { kind: 'sort', input: plan, keys: sortKeys, schema: projectSchema };
    plan = this.applyLimit(plan, query.limit, query.offset);
    if (hidden.length > 0) {
      const visible = projectSchema.slice(0, items.length);
      plan = { kind: 'project', input: plan, exprs: visible.map((f, i) => ({ kind: 'column', index: i, name: f.name, type: f.type })), schema: visible };
    }
    return plan;
  }

  /** Binds `f(...) OVER (...)`; its result is read through a placeholder column (index -1 - k). */
  private bindWindow(call: FunctionCallExpr, mode: BindMode, binder: ExpressionBinder, windows: WindowCall[]): BoundExpr {
    const over = call.over!;
    const inner: BindMode = mode;
    const isAggregate = aggregateFunctions.has(call.name);
    const windowFn = windowFunctions.get(call.name);
    if (!isAggregate && !windowFn) {
      const suggestion = didYouMean(call.name, [...windowFunctions.keys(), ...aggregateFunctions.keys()]);
      throw new PlanError('PLAN_UNKNOWN_FUNCTION', `unknown window function ${call.name}()`, {
        span: call.span,
        hint: suggestion ? `did you mean ${suggestion}()?` : 'window functions: row_number, rank, dense_rank, lag, lead, first_value, and the aggregates',
      });
    }
    const partitionBy = over.partitionBy.map((e) => binder.bind(e, inner));
    const orderBy = over.orderBy.map((item) => this.sortKey(item, binder.bind(item.expr, inner)));
    const numericOrder = orderBy.length === 1 && (orderBy[0]!.expr.type === 'BIGINT' || orderBy[0]!.expr.type === 'DOUBLE');
    const frame = over.frame ? this.windowFrame(over.frame, numericOrder) : null;
    let type: SqlType;
    let args: BoundExpr[] = [];
    let aggregate: AggregateCall | null = null;
    if (isAggregate) {
      aggregate = binder.bindWindowAggregate(call, inner);
      type = aggregate.type;
    } else {
      args = call.args.map((a) => binder.bind(a, inner));
      const resolved = windowFn!.returnType(args.map((a) => a.type));
      if (typeof resolved !== 'string') throw new PlanError('PLAN_ARGUMENT_TYPE', `${call.name}(): ${resolved.error}`, { span: call.span });
      type = resolved;
    }
    const display = describeAst(call);
    windows.push({ name: call.name, args, aggregate, partitionBy, orderBy, frame, type, display });
    return { kind: 'column', index: -windows.length, name: display, type };
  }

  private windowFrame(frame: AstWindowFrame, numericOrder: boolean): WindowFrame {
    const offset = (bound: FrameBound, sign: number): number => {
      switch (bound.kind) {
        case 'unbounded_preceding':
          return -Infinity;
        case 'unbounded_following':
          return Infinity;
        case 'current_row':
          return 0;
        case 'preceding':
        case 'following': {
          if (frame.mode === 'RANGE' && !numericOrder) {
            throw new PlanError('PLAN_RANGE_OFFSET', 'a RANGE frame with an offset needs exactly one ORDER BY key of type BIGINT or DOUBLE', {
              span: bound.span,
              hint: 'order by one number, or use ROWS BETWEEN n PRECEDING AND m FOLLOWING',
            });
          }
          const binder = new ExpressionBinder(new FieldScope([], null), this.options);
          const value = this.options.evaluateConstant(binder.bind(bound.offset));
          const number = typeof value === 'bigint' ? Number(value) : value;
          const integral = frame.mode === 'ROWS';
          if (typeof number !== 'number' || number < 0 || (integral && !Number.isInteger(number))) {
            throw new PlanError('PLAN_FRAME_OFFSET', `a frame offset must be a non-negative ${integral ? 'integer' : 'number'}, not ${String(value)}`, { span: bound.span });
          }
          return number * sign;
        }
      }
    };
    const start = offset(frame.start, frame.start.kind === 'following' ? 1 : -1);
    const end = offset(frame.end, frame.end.kind === 'preceding' ? -1 : 1);
    if (start > end) throw new PlanError('PLAN_FRAME_ORDER', 'the frame starts after it ends', { span: frame.span });
    return { mode: frame.mode, start, end };
  }

  private resolves(scope: Scope, expr: Extract<Expr, { kind: 'column_ref' }>): boolean {
    try {
      scope.resolve(expr.qualifier, expr.name, expr.span);
      return true;
    } catch {
      return false;
    }
  }

  private starColumns(source: BoundSource | null, qualifier: string | null, span: Span): { name: string; bound: BoundExpr }[] {
    if (!source) throw new PlanError('PLAN_STAR_WITHOUT_FROM', 'SELECT * needs a FROM clause', { span });
    if (source.kind === 'scan') {
      if (qualifier !== null && qualifier !== source.scope.alias && qualifier !== source.scope.table.name) {
        throw new PlanError('PLAN_UNKNOWN_TABLE_ALIAS', `unknown table or alias ${qualifier}`, { span });
      }
      return source.scope.starColumns(span).map((c) => ({ name: c.name, bound: c }));
    }
    if (qualifier !== null && qualifier !== source.scope.alias) {
      throw new PlanError('PLAN_UNKNOWN_TABLE_ALIAS', `unknown table or alias ${qualifier}`, { span });
    }
    return source.scope.fields.map((f, i) => ({ name: f.name, bound: { kind: 'column', index: i, name: f.name, type: f.type } }));
  }

  private bindSource(source: Source): BoundSource {
    if (source.kind === 'subquery_ref') {
      const plan = this.bind(source.query);
      return { kind: 'plan', plan, scope: new FieldScope(plan.schema.map((f) => ({ ...f, qualifier: source.alias })), source.alias) };
    }
    const cte = source.keyspace === null ? this.ctes.get(source.table) : undefined;
    if (cte) {
      const plan = this.bind(cte);
      const alias = source.alias ?? source.table;
      return { kind: 'plan', plan, scope: new FieldScope(plan.schema.map((f) => ({ ...f, qualifier: alias })), alias) };
    }
    const { catalog } = this.options;
    const table = catalog.table(source.keyspace, source.table);
    if (!table) {
      const suggestion = didYouMean(source.table, [...catalog.tableNames(), ...this.ctes.keys()]);
      const where = source.keyspace ?? catalog.defaultKeyspace;
      throw new PlanError('PLAN_UNKNOWN_TABLE', `table ${source.keyspace ? `${source.keyspace}.` : ''}${source.table} does not exist in ${where}`, {
        span: source.span,
        hint: suggestion ? `did you mean ${suggestion}?` : 'SHOW TABLES lists the tables',
      });
    }
    const buckets = detectTimeBuckets(table, catalog.timeBucketOverride?.(table));
    return { kind: 'scan', scope: new ScanScope(table, source.alias ?? source.table, buckets) };
  }

  private sortKey(item: OrderItem, expr: BoundExpr): SortKey {
    const descending = item.direction === 'DESC';
    // NULLs sort last unless NULLS FIRST is given, whatever the direction.
    return { expr, descending, nullsFirst: item.nulls === 'FIRST' };
  }

  private applyLimit(plan: LogicalPlan, limitExpr: Expr | null, offsetExpr: Expr | null): LogicalPlan {
    if (!limitExpr && !offsetExpr) return plan;
    const binder = new ExpressionBinder(new FieldScope([], null), this.options);
    const count = (expr: Expr | null, what: string): number | null => {
      if (!expr) return null;
      const value = this.options.evaluateConstant(binder.bind(expr));
      const number = typeof value === 'bigint' ? Number(value) : value;
      if (typeof number !== 'number' || !Number.isInteger(number) || number < 0) {
        throw new PlanError('PLAN_INVALID_LIMIT', `${what} must be a non-negative integer, not ${String(value)}`, { span: expr.span });
      }
      return number;
    };
    return { kind: 'limit', input: plan, limit: count(limitExpr, 'LIMIT'), offset: count(offsetExpr, 'OFFSET') ?? 0, schema: plan.schema };
  }
}

function isNumber(type: string): boolean {
  return type === 'BIGINT' || type === 'DOUBLE';
}

function columnRefAst(name: string, span: Span): Expr {
  return { kind: 'column_ref', span, qualifier: null, name };
}

function outputRef(index: number, bound: BoundExpr, name: string): BoundExpr {
  return { kind: 'column', index, name, type: concreteType(bound.type) };
}

/** Returns the 0-based select position an integer literal names, or null for any other expression. */
function ordinalOf(expr: Expr, count: number): number | null {
  if (expr.kind !== 'literal' || expr.value.type !== 'integer') return null;
  const position = Number(expr.value.text);
  if (position < 1 || position > count) {
    throw new PlanError('PLAN_ORDINAL_RANGE', `position ${position} is not in the select list, which has ${count} items`, { span: expr.span });
  }
  return position - 1;
}

function resolveOrdinal(expr: Expr, count: number, _span: Span, itemAt: (index: number) => Expr): Expr {
  const ordinal = ordinalOf(expr, count);
  return ordinal === null ? expr : itemAt(ordinal);
}
