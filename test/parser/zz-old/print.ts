/**
 * Prints syntax trees back to SQL text on one line, with upper-case keywords and only the
 * parentheses that operator precedence requires.
 *
 * For every tree the parser produces, parsing the printed text gives the same tree apart from
 * spans. Casts print as `CAST(x AS type)` with the type as it was spelled, ORDER BY items
 * omit ASC, and intervals print in their normalised form `INTERVAL '90' MINUTE`.
 */
import type {
  BinaryExpr,
  BinaryOp,
  Cte,
  Expr,
  FrameBound,
  FunctionCallExpr,
  Node,
  OrderItem,
  QueryExpr,
  SelectItem,
  Source,
  Statement,
  WindowFrame,
  WindowSpec,
} from './ast.js';
import { CALLABLE_RESERVED_WORDS, isReserved } from './keywords.js';

/** Binding strength of each operator level. Higher levels bind tighter. */
const Precedence = {
  Any: 0,
  Or: 1,
  And: 2,
  Not: 3,
  Comparison: 4,
  Concat: 5,
  Additive: 6,
  Multiplicative: 7,
  Unary: 8,
  Postfix: 9,
  Primary: 10,
} as const;

type Precedence = (typeof Precedence)[keyof typeof Precedence];

const PLAIN_NAME = /^[a-z_][a-z0-9_]*$/;

/** Prints a name, quoting it when it is reserved or would change under case folding. */
export function printIdentifier(name: string): string {
  if (PLAIN_NAME.test(name) && !isReserved(name)) return name;
  return `"${name.replaceAll('"', '""')}"`;
}

function printFunctionName(name: string): string {
  if (PLAIN_NAME.test(name) && (!isReserved(name) || CALLABLE_RESERVED_WORDS.has(name.toUpperCase()))) return name;
  return `"${name.replaceAll('"', '""')}"`;
}

function printString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Prints a statement list, a statement, a query or any other node. */
export function print(node: Node | readonly Statement[]): string {
  if (Array.isArray(node)) return (node as readonly Statement[]).map((statement) => printStatement(statement)).join(';\n');
  const single = node as Node;
  switch (single.kind) {
    case 'query':
    case 'explain':
    case 'describe':
    case 'show_tables':
    case 'set':
    case 'reset':
      return printStatement(single);
    case 'select':
    case 'union_all':
      return printQuery(single);
    case 'qualified_name':
      return printTableName(single.keyspace, single.name);
    case 'cte':
      return printCte(single);
    case 'star':
    case 'expr_item':
      return printSelectItem(single);
    case 'table_ref':
    case 'subquery_ref':
      return printSource(single);
    case 'order_item':
      return printOrderItem(single);
    case 'when_clause':
      return `WHEN ${printExpr(single.when)} THEN ${printExpr(single.then)}`;
    case 'window_spec':
      return printWindowSpec(single);
    case 'window_frame':
      return printFrame(single);
    case 'unbounded_preceding':
    case 'preceding':
    case 'current_row':
    case 'following':
    case 'unbounded_following':
      return printFrameBound(single);
    default:
      return printExpr(single);
  }
}

export function printStatement(statement: Statement): string {
  switch (statement.kind) {
    case 'query':
      return printQuery(statement.query);
    case 'explain':
      return `EXPLAIN ${statement.analyze ? 'ANALYZE ' : ''}${printQuery(statement.query)}`;
    case 'describe':
      return `DESCRIBE ${printTableName(statement.table.keyspace, statement.table.name)}`;
    case 'show_tables':
      return 'SHOW TABLES';
    case 'set':
      return `SET ${printSettingName(statement.name)} = ${printExpr(statement.value)}`;
    case 'reset':
      return `RESET ${printSettingName(statement.name)}`;
    default: {
      const unreachable: never = statement;
      throw new Error(`cannot print statement ${JSON.stringify(unreachable)}`);
    }
  }
}

function printSettingName(name: string): string {
  return name.split('.').map(printIdentifier).join('.');
}

function printTableName(keyspace: string | null, name: string): string {
  return keyspace === null ? printIdentifier(name) : `${printIdentifier(keyspace)}.${printIdentifier(name)}`;
}

export function printQuery(query: QueryExpr): string {
  const parts: string[] = [];
  if (query.with.length > 0) parts.push(`WITH ${query.with.map(printCte).join(', ')}`);

  switch (query.kind) {
    case 'select': {
      parts.push(query.distinct ? 'SELECT DISTINCT' : 'SELECT');
      parts.push(query.items.map(printSelectItem).join(', '));
      if (query.from !== null) parts.push(`FROM ${printSource(query.from)}`);
      if (query.where !== null) parts.push(`WHERE ${printExpr(query.where)}`);
      if (query.groupBy.length > 0) parts.push(`GROUP BY ${printExprList(query.groupBy)}`);
      if (query.having !== null) parts.push(`HAVING ${printExpr(query.having)}`);
      if (query.qualify !== null) parts.push(`QUALIFY ${printExpr(query.qualify)}`);
      break;
    }
    case 'union_all':
      parts.push(printUnionOperand(query.left, false), 'UNION ALL', printUnionOperand(query.right, true));
      break;
    default: {
      const unreachable: never = query;
      throw new Error(`cannot print query ${JSON.stringify(unreachable)}`);
    }
  }

  if (query.orderBy.length > 0) parts.push(`ORDER BY ${query.orderBy.map(printOrderItem).join(', ')}`);
  if (query.limit !== null) parts.push(`LIMIT ${printExpr(query.limit)}`);
  if (query.offset !== null) parts.push(`OFFSET ${printExpr(query.offset)}`);
  return parts.join(' ');
}

/**
 * Prints a UNION ALL operand, in parentheses when it has clauses that would otherwise attach
 * to the whole union, or when it is a union on the right, since unions nest to the left.
 */
function printUnionOperand(query: QueryExpr, isRight: boolean): string {
  const ownClauses = query.with.length > 0 || query.orderBy.length > 0 || query.limit !== null || query.offset !== null;
  const text = printQuery(query);
  return ownClauses || (isRight && query.kind === 'union_all') ? `(${text})` : text;
}

function printCte(cte: Cte): string {
  return `${printIdentifier(cte.name)} AS (${printQuery(cte.query)})`;
}

function printSelectItem(item: SelectItem): string {
  switch (item.kind) {
    case 'star':
      return item.qualifier === null ? '*' : `${printIdentifier(item.qualifier)}.*`;
    case 'expr_item':
      return item.alias === null ? printExpr(item.expr) : `${printExpr(item.expr)} AS ${printIdentifier(item.alias)}`;
    default: {
      const unreachable: never = item;
      throw new Error(`cannot print select item ${JSON.stringify(unreachable)}`);
    }
  }
}

function printSource(source: Source): string {
  switch (source.kind) {
    case 'table_ref': {
      const name = printTableName(source.keyspace, source.table);
      return source.alias === null ? name : `${name} AS ${printIdentifier(source.alias)}`;
    }
    case 'subquery_ref':
      return `(${printQuery(source.query)}) AS ${printIdentifier(source.alias)}`;
    default: {
      const unreachable: never = source;
      throw new Error(`cannot print source ${JSON.stringify(unreachable)}`);
    }
  }
}

function printOrderItem(item: OrderItem): string {
  let text = printExpr(item.expr);
  if (item.direction === 'DESC') text += ' DESC';
  if (item.nulls !== null) text += ` NULLS ${item.nulls}`;
  return text;
}

function printExprList(list: readonly Expr[]): string {
  return list.map((expr) => printExpr(expr)).join(', ');
}

function binaryPrecedence(op: BinaryOp): Precedence {
  switch (op) {
    case 'OR':
      return Precedence.Or;
    case 'AND':
      return Precedence.And;
    case '=':
    case '<>':
    case '<':
    case '<=':
    case '>':
    case '>=':
      return Precedence.Comparison;
    case '||':
      return Precedence.Concat;
    case '+':
    case '-':
      return Precedence.Additive;
    case '*':
    case '/':
    case '%':
    case '//':
      return Precedence.Multiplicative;
    case '->':
    case '->>':
      return Precedence.Postfix;
    default: {
      const unreachable: never = op;
      throw new Error(`unknown operator ${String(unreachable)}`);
    }
  }
}

function precedenceOf(expr: Expr): Precedence {
  switch (expr.kind) {
    case 'binary':
      return binaryPrecedence(expr.op);
    case 'unary':
      return expr.op === 'NOT' ? Precedence.Not : Precedence.Unary;
    case 'is_null':
    case 'is_distinct_from':
    case 'between':
    case 'in_list':
    case 'like':
      return Precedence.Comparison;
    case 'literal':
    case 'typed_literal':
    case 'interval':
    case 'column_ref':
    case 'parameter':
    case 'cast':
    case 'case':
    case 'extract':
    case 'function_call':
      return Precedence.Primary;
    default: {
      const unreachable: never = expr;
      throw new Error(`cannot print expression ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Prints `expr`, in parentheses when it binds more loosely than `minimum`. */
export function printExpr(expr: Expr, minimum: Precedence = Precedence.Any): string {
  const text = printBareExpr(expr);
  return precedenceOf(expr) < minimum ? `(${text})` : text;
}

function printBareExpr(expr: Expr): string {
  switch (expr.kind) {
    case 'literal':
      switch (expr.value.type) {
        case 'integer':
        case 'decimal':
          return expr.value.text;
        case 'string':
          return printString(expr.value.value);
        case 'boolean':
          return expr.value.value ? 'TRUE' : 'FALSE';
        case 'null':
          return 'NULL';
        default: {
          const unreachable: never = expr.value;
          throw new Error(`unknown literal ${JSON.stringify(unreachable)}`);
        }
      }
    case 'typed_literal':
      return `${expr.type} ${printString(expr.text)}`;
    case 'interval':
      return `INTERVAL ${printString(expr.value)} ${expr.unit}`;
    case 'column_ref':
      return expr.qualifier === null
        ? printIdentifier(expr.name)
        : `${printIdentifier(expr.qualifier)}.${printIdentifier(expr.name)}`;
    case 'parameter':
      return expr.name !== undefined ? `:${expr.name}` : '?';
    case 'unary': {
      if (expr.op === 'NOT') return `NOT ${printExpr(expr.operand, Precedence.Not)}`;
      const operand = printExpr(expr.operand, Precedence.Unary);
      // A space keeps `- -x` from becoming the comment `--x`.
      return operand.startsWith('-') ? `${expr.op} ${operand}` : `${expr.op}${operand}`;
    }
    case 'binary':
      return printBinary(expr);
    case 'is_null':
      return `${printExpr(expr.operand, Precedence.Comparison)} IS ${expr.negated ? 'NOT ' : ''}NULL`;
    case 'is_distinct_from':
      return `${printExpr(expr.left, Precedence.Comparison)} IS ${expr.negated ? 'NOT ' : ''}DISTINCT FROM ${printExpr(expr.right, Precedence.Concat)}`;
    case 'between':
      return `${printExpr(expr.operand, Precedence.Comparison)} ${expr.negated ? 'NOT ' : ''}BETWEEN ${printExpr(expr.low, Precedence.Concat)} AND ${printExpr(expr.high, Precedence.Concat)}`;
    case 'in_list':
      return `${printExpr(expr.operand, Precedence.Comparison)} ${expr.negated ? 'NOT ' : ''}IN (${printExprList(expr.values)})`;
    case 'like': {
      const keyword = expr.caseInsensitive ? 'ILIKE' : 'LIKE';
      const escape = expr.escape === null ? '' : ` ESCAPE ${printExpr(expr.escape, Precedence.Concat)}`;
      return `${printExpr(expr.operand, Precedence.Comparison)} ${expr.negated ? 'NOT ' : ''}${keyword} ${printExpr(expr.pattern, Precedence.Concat)}${escape}`;
    }
    case 'cast':
      return `CAST(${printExpr(expr.operand)} AS ${expr.typeSpelling})`;
    case 'case': {
      const parts = ['CASE'];
      if (expr.operand !== null) parts.push(printExpr(expr.operand));
      for (const clause of expr.whens) parts.push(`WHEN ${printExpr(clause.when)} THEN ${printExpr(clause.then)}`);
      if (expr.else !== null) parts.push(`ELSE ${printExpr(expr.else)}`);
      parts.push('END');
      return parts.join(' ');
    }
    case 'extract':
      return `EXTRACT(${expr.field} FROM ${printExpr(expr.operand)})`;
    case 'function_call':
      return printFunctionCall(expr);
    default: {
      const unreachable: never = expr;
      throw new Error(`cannot print expression ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * Prints a binary expression. A chain such as `a + b + c + ...` nests to the left, so the
 * printer walks down the left operands in a loop, and chains of any length print without
 * deep recursion.
 */
function printBinary(expr: BinaryExpr): string {
  const precedence = binaryPrecedence(expr.op);
  const chain: BinaryExpr[] = [];
  let leftmost: Expr = expr;
  while (leftmost.kind === 'binary' && binaryPrecedence(leftmost.op) === precedence) {
    chain.push(leftmost);
    leftmost = leftmost.left;
  }

  const json = precedence === Precedence.Postfix;
  // Operators are left-associative, so a right operand at the same level needs parentheses.
  // The right operand of a JSON access is a primary expression.
  let rightMinimum: Precedence = json ? Precedence.Primary : ((precedence + 1) as Precedence);
  if (precedence === Precedence.Comparison) rightMinimum = Precedence.Concat;

  let text = printExpr(leftmost, precedence);
  for (let i = chain.length - 1; i >= 0; i--) {
    const link = chain[i]!;
    const right = printExpr(link.right, rightMinimum);
    text = json ? `${text}${link.op}${right}` : `${text} ${link.op} ${right}`;
  }
  return text;
}

function printFunctionCall(call: FunctionCallExpr): string {
  let args: string;
  if (call.star) args = '*';
  else args = `${call.distinct ? 'DISTINCT ' : ''}${printExprList(call.args)}`;
  let text = `${printFunctionName(call.name)}(${args})`;
  if (call.filter !== null) text += ` FILTER (WHERE ${printExpr(call.filter)})`;
  if (call.over !== null) text += ` OVER (${printWindowSpec(call.over)})`;
  return text;
}

function printWindowSpec(spec: WindowSpec): string {
  const parts: string[] = [];
  if (spec.partitionBy.length > 0) parts.push(`PARTITION BY ${printExprList(spec.partitionBy)}`);
  if (spec.orderBy.length > 0) parts.push(`ORDER BY ${spec.orderBy.map(printOrderItem).join(', ')}`);
  if (spec.frame !== null) parts.push(printFrame(spec.frame));
  return parts.join(' ');
}

function printFrame(frame: WindowFrame): string {
  return `${frame.mode} BETWEEN ${printFrameBound(frame.start)} AND ${printFrameBound(frame.end)}`;
}

/** Prints a frame offset, quoting a column named `unbounded` so it does not read as UNBOUNDED. */
function printFrameOffset(offset: Expr): string {
  if (offset.kind === 'column_ref' && offset.qualifier === null && offset.name === 'unbounded') return '"unbounded"';
  return printExpr(offset, Precedence.Additive);
}

function printFrameBound(bound: FrameBound): string {
  switch (bound.kind) {
    case 'unbounded_preceding':
      return 'UNBOUNDED PRECEDING';
    case 'preceding':
      return `${printFrameOffset(bound.offset)} PRECEDING`;
    case 'current_row':
      return 'CURRENT ROW';
    case 'following':
      return `${printFrameOffset(bound.offset)} FOLLOWING`;
    case 'unbounded_following':
      return 'UNBOUNDED FOLLOWING';
    default: {
      const unreachable: never = bound;
      throw new Error(`cannot print frame bound ${JSON.stringify(unreachable)}`);
    }
  }
}
