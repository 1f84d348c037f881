/**
 * Operator expressions, from loosest to tightest binding:
 *
 *   OR
 *   AND
 *   NOT
 *   comparisons: = <> != < <= > >=, IS [NOT] NULL, IS [NOT] DISTINCT FROM,
 *                [NOT] BETWEEN, [NOT] IN (...), [NOT] LIKE | ILIKE [ESCAPE]
 *   ||
 *   + -
 *   * / % //
 *   unary + -
 *   postfix ::type, -> and ->> (left to right)
 *
 * Binary operators are left-associative at every level, comparisons included.
 */
import type { BinaryOp, Expr } from './ast.js';
import { spanBetween, type TokenCursor } from './cursor.js';
import { parsePrimary, parseTypeName } from './primary.js';

export function parseExpr(p: TokenCursor): Expr {
  p.enter();
  const expr = parseOr(p);
  p.leave();
  return expr;
}

/** Reads expressions separated by commas. */
export function parseExprList(p: TokenCursor): Expr[] {
  const list = [parseExpr(p)];
  while (p.matchOperator(',')) list.push(parseExpr(p));
  return list;
}

function binary(op: BinaryOp, left: Expr, right: Expr): Expr {
  return { kind: 'binary', span: spanBetween(left.span, right.span), op, left, right };
}

function parseOr(p: TokenCursor): Expr {
  let left = parseAnd(p);
  while (p.isKeyword('OR')) {
    p.advance();
    left = binary('OR', left, parseAnd(p));
  }
  return left;
}

function parseAnd(p: TokenCursor): Expr {
  let left = parseNot(p);
  while (p.isKeyword('AND')) {
    p.advance();
    left = binary('AND', left, parseNot(p));
  }
  return left;
}

function parseNot(p: TokenCursor): Expr {
  if (!p.isKeyword('NOT')) return parseComparison(p);
  const start = p.advance().span;
  p.enter();
  const operand = parseNot(p);
  p.leave();
  return { kind: 'unary', span: spanBetween(start, operand.span), op: 'NOT', operand };
}

const COMPARISON_OPERATORS: ReadonlyMap<string, BinaryOp> = new Map<string, BinaryOp>([
  ['=', '='],
  ['<>', '<>'],
  ['!=', '<>'],
  ['<', '<'],
  ['<=', '<='],
  ['>', '>'],
  ['>=', '>='],
]);

/** Keywords that may follow NOT in operator position: `x NOT IN (...)`. */
const NEGATABLE_PREDICATES: ReadonlySet<string> = new Set(['BETWEEN', 'IN', 'LIKE', 'ILIKE']);

function parseComparison(p: TokenCursor): Expr {
  let left = parseConcat(p);
  for (;;) {
    const token = p.peek();
    const comparison = token.kind === 'operator' ? COMPARISON_OPERATORS.get(token.image) : undefined;
    if (comparison !== undefined) {
      p.advance();
      left = binary(comparison, left, parseConcat(p));
      continue;
    }
    if (p.isKeyword('IS')) {
      left = parseIsPredicate(p, left);
      continue;
    }
    const negated = p.isKeyword('NOT') && NEGATABLE_PREDICATES.has(p.peek(1).keyword ?? '');
    if (negated) p.advance();
    if (p.isKeyword('BETWEEN')) {
      p.advance();
      const low = parseConcat(p);
      p.consumeKeyword('AND');
      const high = parseConcat(p);
      left = { kind: 'between', span: spanBetween(left.span, high.span), negated, operand: left, low, high };
      continue;
    }
    if (p.isKeyword('IN')) {
      p.advance();
      left = parseInList(p, left, negated);
      continue;
    }
    if (p.isKeyword('LIKE') || p.isKeyword('ILIKE')) {
      const caseInsensitive = p.advance().keyword === 'ILIKE';
      const pattern = parseConcat(p);
      let escape: Expr | null = null;
      if (p.isKeyword('ESCAPE')) {
        p.advance();
        escape = parseConcat(p);
      }
      const end = escape ?? pattern;
      left = {
        kind: 'like',
        span: spanBetween(left.span, end.span),
        negated,
        caseInsensitive,
        operand: left,
        pattern,
        escape,
      };
      continue;
    }
    return left;
  }
}

/** Reads `IS [NOT] NULL` or `IS [NOT] DISTINCT FROM x` after `operand`. */
function parseIsPredicate(p: TokenCursor, operand: Expr): Expr {
  p.advance();
  const negated = p.matchKeyword('NOT');
  if (p.matchKeyword('NULL')) {
    return { kind: 'is_null', span: p.spanFrom(operand.span), negated, operand };
  }
  if (p.matchKeyword('DISTINCT', 'DISTINCT FROM')) {
    p.consumeKeyword('FROM');
    const right = parseConcat(p);
    return { kind: 'is_distinct_from', span: spanBetween(operand.span, right.span), negated, left: operand, right };
  }
  return p.fail();
}

function parseInList(p: TokenCursor, operand: Expr, negated: boolean): Expr {
  p.consumeOperator('(');
  if (p.isKeyword('SELECT') || p.isKeyword('WITH')) {
    throw p.error(
      'PARSE_SUBQUERY_UNSUPPORTED',
      'subqueries in IN are not supported',
      p.peek().span,
      'List the values, as in IN (1, 2, 3), or run the subquery first and pass its results as parameters.',
    );
  }
  const values = parseExprList(p);
  p.consumeOperator(')');
  return { kind: 'in_list', span: p.spanFrom(operand.span), negated, operand, values };
}

function parseConcat(p: TokenCursor): Expr {
  let left = parseAdditive(p);
  while (p.isOperator('||')) {
    p.advance();
    left = binary('||', left, parseAdditive(p));
  }
  return left;
}

export function parseAdditive(p: TokenCursor): Expr {
  let left = parseMultiplicative(p);
  while (p.isOperator('+') || p.isOperator('-')) {
    const op = p.advance().image as BinaryOp;
    left = binary(op, left, parseMultiplicative(p));
  }
  return left;
}

function parseMultiplicative(p: TokenCursor): Expr {
  let left = parseUnary(p);
  while (p.isOperator('*') || p.isOperator('/') || p.isOperator('%') || p.isOperator('//')) {
    const op = p.advance().image as BinaryOp;
    left = binary(op, left, parseUnary(p));
  }
  return left;
}

function parseUnary(p: TokenCursor): Expr {
  if (!p.isOperator('-') && !p.isOperator('+')) return parsePostfix(p);
  const token = p.advance();
  p.enter();
  const operand = parseUnary(p);
  p.leave();
  const op = token.image === '-' ? '-' : '+';
  return { kind: 'unary', span: spanBetween(token.span, operand.span), op, operand };
}

/**
 * Reads a primary followed by any number of `::type` casts and `->` / `->>` accesses, applied
 * left to right. The right operand of `->` and `->>` is a primary, so
 * `detail->'a'->>'b' = 'x'` reads as `((detail->'a')->>'b') = 'x'`.
 */
function parsePostfix(p: TokenCursor): Expr {
  let expr = parsePrimary(p);
  for (;;) {
    if (p.isOperator('::')) {
      p.advance();
      const type = parseTypeName(p);
      expr = {
        kind: 'cast',
        span: p.spanFrom(expr.span),
        operand: expr,
        type: type.type,
        typeSpelling: type.spelling,
      };
    } else if (p.isOperator('->') || p.isOperator('->>')) {
      const op = p.advance().image as BinaryOp;
      expr = binary(op, expr, parsePrimary(p));
    } else {
      return expr;
    }
  }
}
