/**
 * Queries: WITH, SELECT and its clauses, FROM sources, UNION ALL, and the ORDER BY, LIMIT and
 * OFFSET that close a query.
 *
 *   query   := [WITH cte, ...] operand (UNION ALL operand)* [ORDER BY ...] [LIMIT n] [OFFSET m]
 *   operand := select | ( query )
 *
 * ORDER BY, LIMIT and OFFSET after a union apply to the whole union. An operand that needs its
 * own ORDER BY or LIMIT is written in parentheses.
 */
import type { Cte, Expr, OrderItem, QueryExpr, SelectItem, SelectQuery, Source, Span } from './ast.js';
import { parseOrderItems } from './calls.js';
import type { TokenCursor } from './cursor.js';
import { parseExpr, parseExprList } from './expressions.js';
import { JOIN_WORDS } from './keywords.js';
import type { Token } from './lexer.js';
import { identifierValue, isIdentifierAt, parseIdentifier } from './names.js';

/** Returns true when the current token can start a query. */
export function isQueryStart(p: TokenCursor): boolean {
  return p.isKeyword('SELECT') || p.isKeyword('WITH') || p.isOperator('(');
}

export function parseQueryExpr(p: TokenCursor): QueryExpr {
  p.enter();
  const start = p.peek().span;
  const ctes = p.isKeyword('WITH') ? parseWith(p) : [];

  let body = parseOperand(p);
  for (;;) {
    if (p.isKeyword('UNION')) {
      const union = p.advance();
      if (!p.isKeyword('ALL')) {
        throw p.error(
          'PARSE_SET_OPERATION_UNSUPPORTED',
          'UNION without ALL is not supported',
          union.span,
          'Write UNION ALL, and remove duplicates with SELECT DISTINCT * FROM (... UNION ALL ...) AS u.',
        );
      }
      p.advance();
      const right = parseOperand(p);
      body = {
        kind: 'union_all',
        span: p.spanFrom(body.span),
        with: [],
        left: body,
        right,
        orderBy: [],
        limit: null,
        offset: null,
      };
      continue;
    }
    p.expect('UNION ALL');
    if (p.isKeyword('INTERSECT') || p.isKeyword('EXCEPT')) {
      const token = p.peek();
      throw p.error(
        'PARSE_SET_OPERATION_UNSUPPORTED',
        `${token.image.toUpperCase()} is not supported`,
        token.span,
        'Only UNION ALL combines queries. Compute each query separately and compare the results in the application.',
      );
    }
    break;
  }

  const tail = parseQueryTail(p);
  const query = attachClauses(p, body, ctes, tail, start);
  p.leave();
  return query;
}

function parseWith(p: TokenCursor): Cte[] {
  p.advance();
  const ctes: Cte[] = [];
  do {
    const { name, token } = parseIdentifier(p, 'a name for the WITH query');
    p.consumeKeyword('AS');
    p.consumeOperator('(');
    const query = parseQueryExpr(p);
    p.consumeOperator(')');
    ctes.push({ kind: 'cte', span: p.spanFrom(token.span), name, query });
  } while (p.matchOperator(','));
  return ctes;
}

/** Reads a SELECT, or a query in parentheses used as a UNION ALL operand. */
function parseOperand(p: TokenCursor): QueryExpr {
  if (p.isOperator('(')) {
    const open = p.advance();
    const query = parseQueryExpr(p);
    p.consumeOperator(')');
    return { ...query, span: p.spanFrom(open.span) };
  }
  if (!p.isKeyword('SELECT')) {
    p.expect('SELECT');
    p.expect("'('");
    return p.fail();
  }
  return parseSelect(p);
}

interface QueryTail {
  readonly orderBy: readonly OrderItem[];
  readonly limit: Expr | null;
  readonly offset: Expr | null;
  /** First token of each clause present, for error spans. */
  readonly tokens: readonly Token[];
}

/** Reads `[ORDER BY ...]` and then LIMIT and OFFSET in either order. */
function parseQueryTail(p: TokenCursor): QueryTail {
  const tokens: Token[] = [];
  let orderBy: OrderItem[] = [];
  if (p.matchKeyword('ORDER', 'ORDER BY')) {
    tokens.push(p.previous()!);
    p.consumeKeyword('BY');
    orderBy = parseOrderItems(p);
  }
  let limit: Expr | null = null;
  let offset: Expr | null = null;
  for (;;) {
    const keyword = p.peek();
    if (p.isKeyword('LIMIT')) {
      p.advance();
      if (limit !== null) throw duplicateClause(p, keyword);
      tokens.push(keyword);
      limit = parseExpr(p);
    } else if (p.isKeyword('OFFSET')) {
      p.advance();
      if (offset !== null) throw duplicateClause(p, keyword);
      tokens.push(keyword);
      offset = parseExpr(p);
    } else {
      if (limit === null) p.expect('LIMIT');
      if (offset === null) p.expect('OFFSET');
      return { orderBy, limit, offset, tokens };
    }
  }
}

function duplicateClause(p: TokenCursor, token: Token): Error {
  const clause = token.image.toUpperCase();
  return p.error(
    'PARSE_DUPLICATE_CLAUSE',
    `the query has two ${clause} clauses`,
    token.span,
    `Remove one of the ${clause} clauses.`,
  );
}

/**
 * Puts the WITH clause and the closing clauses on the query they belong to. They can clash
 * only with a parenthesised query that has its own, as in `(SELECT ... LIMIT 1) LIMIT 2`.
 */
function attachClauses(p: TokenCursor, body: QueryExpr, ctes: Cte[], tail: QueryTail, start: Span): QueryExpr {
  const clash = (present: boolean, given: boolean, token: Token | undefined, clause: string): void => {
    if (!present || !given) return;
    throw p.error(
      'PARSE_DUPLICATE_CLAUSE',
      `the query in parentheses already has its own ${clause} clause`,
      token?.span ?? start,
      `Move the ${clause} clause inside or outside the parentheses, or select from the parenthesised query as a subquery.`,
    );
  };
  const orderToken = tail.orderBy.length > 0 ? tail.tokens[0] : undefined;
  const limitToken = tail.tokens.find((token) => token.keyword === 'LIMIT');
  const offsetToken = tail.tokens.find((token) => token.keyword === 'OFFSET');
  clash(body.with.length > 0, ctes.length > 0, undefined, 'WITH');
  clash(body.orderBy.length > 0, tail.orderBy.length > 0, orderToken, 'ORDER BY');
  clash(body.limit !== null, tail.limit !== null, limitToken, 'LIMIT');
  clash(body.offset !== null, tail.offset !== null, offsetToken, 'OFFSET');

  if (ctes.length === 0 && tail.tokens.length === 0) return body;
  return {
    ...body,
    span: p.spanFrom(start),
    with: ctes.length > 0 ? ctes : body.with,
    orderBy: tail.orderBy.length > 0 ? tail.orderBy : body.orderBy,
    limit: tail.limit ?? body.limit,
    offset: tail.offset ?? body.offset,
  };
}

/** Reads `SELECT ... [FROM] [WHERE] [GROUP BY] [HAVING] [QUALIFY]`, without the closing clauses. */
function parseSelect(p: TokenCursor): SelectQuery {
  const start = p.advance().span;
  const distinct = p.matchKeyword('DISTINCT');
  const items = parseSelectItems(p);

  const from = p.matchKeyword('FROM') ? parseSource(p) : null;
  const where = p.matchKeyword('WHERE') ? parseExpr(p) : null;
  let groupBy: Expr[] = [];
  if (p.matchKeyword('GROUP', 'GROUP BY')) {
    p.consumeKeyword('BY');
    groupBy = parseExprList(p);
  }
  const having = p.matchKeyword('HAVING') ? parseExpr(p) : null;
  const qualify = p.matchKeyword('QUALIFY') ? parseExpr(p) : null;

  return {
    kind: 'select',
    span: p.spanFrom(start),
    with: [],
    distinct,
    items,
    from,
    where,
    groupBy,
    having,
    qualify,
    orderBy: [],
    limit: null,
    offset: null,
  };
}

function parseSelectItems(p: TokenCursor): SelectItem[] {
  const items: SelectItem[] = [];
  do {
    const start = p.peek();
    if (p.isOperator('*')) {
      p.advance();
      items.push({ kind: 'star', span: start.span, qualifier: null });
    } else if (isIdentifierAt(p) && p.isOperator('.', 1) && p.isOperator('*', 2)) {
      p.advance();
      p.advance();
      p.advance();
      items.push({ kind: 'star', span: p.spanFrom(start.span), qualifier: identifierValue(start) });
    } else {
      const expr = parseExpr(p);
      const alias = parseAlias(p);
      items.push({ kind: 'expr_item', span: p.spanFrom(start.span), expr, alias });
    }
  } while (p.matchOperator(','));
  return items;
}

/** Reads `AS name`, or a name without AS, or nothing. */
function parseAlias(p: TokenCursor): string | null {
  if (p.matchKeyword('AS')) return parseIdentifier(p, 'an alias').name;
  if (isIdentifierAt(p)) {
    const token = p.advance();
    p.markImplicitAlias();
    return identifierValue(token);
  }
  return null;
}

const JOIN_HINT =
  'Aggregate each table in its own query and combine the results in the application, ' +
  'or pre-aggregate in a subquery, as in FROM (SELECT ... GROUP BY ...) AS s, so the query reads one source.';

/** Reads `[keyspace.]table [[AS] alias]` or `(query) [AS] alias`, then rejects any join. */
function parseSource(p: TokenCursor): Source {
  const start = p.peek().span;
  let source: Source;
  if (p.isOperator('(')) {
    p.advance();
    const query = parseQueryExpr(p);
    p.consumeOperator(')');
    p.matchKeyword('AS');
    if (!isIdentifierAt(p)) {
      p.expect('an alias for the subquery');
      p.fail(undefined, 'A subquery in FROM needs a name, as in FROM (SELECT ...) AS s.');
    }
    const alias = parseIdentifier(p, 'an alias for the subquery').name;
    source = { kind: 'subquery_ref', span: p.spanFrom(start), query, alias };
  } else {
    const first = parseIdentifier(p, 'a table name').name;
    let keyspace: string | null = null;
    let table = first;
    if (p.isOperator('.')) {
      p.advance();
      keyspace = first;
      table = parseIdentifier(p, 'a table name').name;
    }
    const alias = parseAlias(p);
    source = { kind: 'table_ref', span: p.spanFrom(start), keyspace, table, alias };
  }
  rejectJoin(p);
  return source;
}

function rejectJoin(p: TokenCursor): void {
  const token = p.peek();
  const comma = p.isOperator(',');
  if (!comma && !JOIN_WORDS.has(token.keyword ?? '')) return;

  // The span covers the join keywords, such as `LEFT OUTER JOIN`, or the comma.
  let last = token;
  if (!comma) {
    for (let ahead = 0; ahead < 3 && JOIN_WORDS.has(p.peek(ahead).keyword ?? ''); ahead++) {
      last = p.peek(ahead);
      if (last.keyword === 'JOIN') break;
    }
  }
  const length = last.span.offset + last.span.length - token.span.offset;
  throw p.error(
    'PARSE_JOIN_UNSUPPORTED',
    comma
      ? 'joins are not supported, and a comma in FROM would join two sources'
      : 'joins are not supported, because a query reads from a single table or subquery',
    { ...token.span, length },
    JOIN_HINT,
  );
}
