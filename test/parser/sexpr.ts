/**
 * Compact S-expression form of syntax trees for table-driven tests. Spans are left out, so two
 * trees print alike exactly when they are equal apart from spans.
 *
 * Examples: `(= (->> (-> detail 'a') 'b') 'x')`, `(count *)`, `(select (items a (as b c)) (from t))`.
 */
import type { Expr, FrameBound, OrderItem, QueryExpr, SelectItem, Source, Statement, WindowSpec } from '../../src/parser/ast.js';

const PLAIN = /^[a-z_][a-z0-9_]*$/;

function name(text: string): string {
  return PLAIN.test(text) ? text : `"${text.replaceAll('"', '""')}"`;
}

function qualified(qualifier: string | null, text: string): string {
  return qualifier === null ? name(text) : `${name(qualifier)}.${name(text)}`;
}

function list(head: string, parts: readonly string[]): string {
  return parts.length === 0 ? `(${head})` : `(${head} ${parts.join(' ')})`;
}

export function sexprExpr(expr: Expr): string {
  switch (expr.kind) {
    case 'literal':
      switch (expr.value.type) {
        case 'integer':
        case 'decimal':
          return expr.value.text;
        case 'string':
          return `'${expr.value.value.replaceAll("'", "''")}'`;
        case 'boolean':
          return expr.value.value ? 'TRUE' : 'FALSE';
        case 'null':
          return 'NULL';
      }
      break;
    case 'typed_literal':
      return `(${expr.type} '${expr.text}')`;
    case 'interval':
      return `(INTERVAL ${expr.value} ${expr.unit})`;
    case 'column_ref':
      return qualified(expr.qualifier, expr.name);
    case 'parameter':
      return expr.name !== undefined ? `:${expr.name}` : `?${expr.position}`;
    case 'unary':
      return `(${expr.op} ${sexprExpr(expr.operand)})`;
    case 'binary':
      return `(${expr.op} ${sexprExpr(expr.left)} ${sexprExpr(expr.right)})`;
    case 'is_null':
      return `(${expr.negated ? 'is-not-null' : 'is-null'} ${sexprExpr(expr.operand)})`;
    case 'is_distinct_from':
      return `(${expr.negated ? 'is-not-distinct-from' : 'is-distinct-from'} ${sexprExpr(expr.left)} ${sexprExpr(expr.right)})`;
    case 'between':
      return `(${expr.negated ? 'not-between' : 'between'} ${sexprExpr(expr.operand)} ${sexprExpr(expr.low)} ${sexprExpr(expr.high)})`;
    case 'in_list':
      return `(${expr.negated ? 'not-in' : 'in'} ${sexprExpr(expr.operand)} (${expr.values.map(sexprExpr).join(' ')}))`;
    case 'like': {
      const head = `${expr.negated ? 'not-' : ''}${expr.caseInsensitive ? 'ilike' : 'like'}`;
      const parts = [sexprExpr(expr.operand), sexprExpr(expr.pattern)];
      if (expr.escape !== null) parts.push(`(escape ${sexprExpr(expr.escape)})`);
      return list(head, parts);
    }
    case 'cast':
      return `(cast ${sexprExpr(expr.operand)} ${expr.type}${expr.typeSpelling === expr.type ? '' : `/${expr.typeSpelling}`})`;
    case 'case': {
      const parts: string[] = [];
      if (expr.operand !== null) parts.push(sexprExpr(expr.operand));
      for (const clause of expr.whens) parts.push(`(when ${sexprExpr(clause.when)} ${sexprExpr(clause.then)})`);
      if (expr.else !== null) parts.push(`(else ${sexprExpr(expr.else)})`);
      return list('case', parts);
    }
    case 'extract':
      return `(extract ${expr.field} ${sexprExpr(expr.operand)})`;
    case 'function_call': {
      const parts: string[] = [];
      if (expr.distinct) parts.push('distinct');
      if (expr.star) parts.push('*');
      parts.push(...expr.args.map(sexprExpr));
      if (expr.filter !== null) parts.push(`(filter ${sexprExpr(expr.filter)})`);
      if (expr.over !== null) parts.push(sexprWindow(expr.over));
      return list(name(expr.name), parts);
    }
  }
  throw new Error(`unknown expression ${JSON.stringify(expr)}`);
}

function sexprBound(bound: FrameBound): string {
  switch (bound.kind) {
    case 'unbounded_preceding':
      return 'unbounded-preceding';
    case 'preceding':
      return `(preceding ${sexprExpr(bound.offset)})`;
    case 'current_row':
      return 'current-row';
    case 'following':
      return `(following ${sexprExpr(bound.offset)})`;
    case 'unbounded_following':
      return 'unbounded-following';
  }
}

function sexprWindow(spec: WindowSpec): string {
  const parts: string[] = [];
  if (spec.partitionBy.length > 0) parts.push(list('partition-by', spec.partitionBy.map(sexprExpr)));
  if (spec.orderBy.length > 0) parts.push(list('order-by', spec.orderBy.map(sexprOrderItem)));
  if (spec.frame !== null) {
    parts.push(`(${spec.frame.mode.toLowerCase()} ${sexprBound(spec.frame.start)} ${sexprBound(spec.frame.end)})`);
  }
  return list('over', parts);
}

function sexprOrderItem(item: OrderItem): string {
  const expr = sexprExpr(item.expr);
  if (item.direction === 'ASC' && item.nulls === null) return expr;
  const parts = [expr, item.direction.toLowerCase()];
  if (item.nulls !== null) parts.push(`nulls-${item.nulls.toLowerCase()}`);
  return `(${parts.join(' ')})`;
}

function sexprItem(item: SelectItem): string {
  if (item.kind === 'star') return item.qualifier === null ? '*' : `${name(item.qualifier)}.*`;
  const expr = sexprExpr(item.expr);
  return item.alias === null ? expr : `(as ${expr} ${name(item.alias)})`;
}

function sexprSource(source: Source): string {
  if (source.kind === 'table_ref') {
    const table = qualified(source.keyspace, source.table);
    return source.alias === null ? table : `(as ${table} ${name(source.alias)})`;
  }
  return `(as ${sexprQuery(source.query)} ${name(source.alias)})`;
}

export function sexprQuery(query: QueryExpr): string {
  const parts: string[] = [];
  if (query.with.length > 0) {
    parts.push(list('with', query.with.map((cte) => `(${name(cte.name)} ${sexprQuery(cte.query)})`)));
  }
  let head: string;
  if (query.kind === 'select') {
    head = query.distinct ? 'select-distinct' : 'select';
    parts.push(list('items', query.items.map(sexprItem)));
    if (query.from !== null) parts.push(`(from ${sexprSource(query.from)})`);
    if (query.where !== null) parts.push(`(where ${sexprExpr(query.where)})`);
    if (query.groupBy.length > 0) parts.push(list('group-by', query.groupBy.map(sexprExpr)));
    if (query.having !== null) parts.push(`(having ${sexprExpr(query.having)})`);
    if (query.qualify !== null) parts.push(`(qualify ${sexprExpr(query.qualify)})`);
  } else {
    head = 'union-all';
    parts.push(sexprQuery(query.left), sexprQuery(query.right));
  }
  if (query.orderBy.length > 0) parts.push(list('order-by', query.orderBy.map(sexprOrderItem)));
  if (query.limit !== null) parts.push(`(limit ${sexprExpr(query.limit)})`);
  if (query.offset !== null) parts.push(`(offset ${sexprExpr(query.offset)})`);
  return list(head, parts);
}

export function sexprStatement(statement: Statement): string {
  switch (statement.kind) {
    case 'query':
      return sexprQuery(statement.query);
    case 'explain':
      return `(${statement.analyze ? 'explain-analyze' : 'explain'} ${sexprQuery(statement.query)})`;
    case 'describe':
      return `(describe ${qualified(statement.table.keyspace, statement.table.name)})`;
    case 'show_tables':
      return '(show-tables)';
    case 'set':
      return `(set ${name(statement.name)} ${sexprExpr(statement.value)})`;
    case 'reset':
      return `(reset ${name(statement.name)})`;
  }
}
