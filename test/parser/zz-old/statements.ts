/**
 * Statements and the entry points `parse` and `parseQuery`.
 *
 * Statements are separated by `;`. Empty statements, as in `;;` or a trailing `;`, are
 * skipped, so an input of only comments and semicolons parses to an empty list.
 */
import type { QualifiedName, QueryExpr, Statement } from './ast.js';
import { TokenCursor } from './cursor.js';
import { ParseError } from './errors.js';
import { parseExpr } from './expressions.js';
import { spanAt, tokenize } from './lexer.js';
import { parseIdentifier } from './names.js';
import { isQueryStart, parseQueryExpr } from './queries.js';

const STATEMENT_KEYWORDS = ['SELECT', 'WITH', 'EXPLAIN', 'DESCRIBE', 'SHOW TABLES', 'SET', 'RESET'];

/** Parses a script of zero or more statements separated by `;`. Throws ParseError. */
export function parse(sql: string): Statement[] {
  const p = new TokenCursor(sql, tokenize(sql));
  const statements: Statement[] = [];
  for (;;) {
    while (p.isOperator(';')) p.advance();
    if (p.atEnd()) return statements;
    p.beginStatement();
    statements.push(parseStatement(p));
    if (!p.atEnd() && !p.isOperator(';')) {
      p.expect("';'");
      p.fail();
    }
  }
}

/**
 * Parses text that must contain exactly one query statement, such as `SELECT ...` or
 * `WITH ... SELECT ...`, and returns the query. Throws ParseError.
 */
export function parseQuery(sql: string): QueryExpr {
  const statements = parse(sql);
  const first = statements[0];
  if (statements.length === 1 && first!.kind === 'query') return first!.query;

  let message: string;
  let span = spanAt(sql, 0, sql.length);
  if (first === undefined) {
    message = 'expected a query, found no statement';
  } else if (first.kind !== 'query') {
    message = `expected a query, found a ${first.kind.replace('_', ' ').toUpperCase()} statement`;
    span = first.span;
  } else {
    message = `expected one query, found ${statements.length} statements`;
    span = statements[1]!.span;
  }
  throw new ParseError('PARSE_NOT_A_SINGLE_QUERY', message, span, 'Pass a single SELECT query.', sql);
}

function parseStatement(p: TokenCursor): Statement {
  const start = p.peek().span;
  if (isQueryStart(p)) {
    const query = parseQueryExpr(p);
    return { kind: 'query', span: p.spanFrom(start), query };
  }

  switch (p.peek().keyword) {
    case 'EXPLAIN': {
      p.advance();
      const analyze = p.matchKeyword('ANALYZE');
      if (!isQueryStart(p)) {
        p.expect('SELECT');
        p.expect('WITH');
        return p.fail();
      }
      const query = parseQueryExpr(p);
      return { kind: 'explain', span: p.spanFrom(start), analyze, query };
    }
    case 'DESCRIBE': {
      p.advance();
      const table = parseTableName(p);
      return { kind: 'describe', span: p.spanFrom(start), table };
    }
    case 'SHOW':
      p.advance();
      p.consumeKeyword('TABLES');
      return { kind: 'show_tables', span: p.spanFrom(start) };
    case 'SET': {
      p.advance();
      const name = parseSettingName(p);
      if (!p.matchOperator('=') && !p.matchKeyword('TO')) p.fail();
      const value = parseExpr(p);
      return { kind: 'set', span: p.spanFrom(start), name, value };
    }
    case 'RESET': {
      p.advance();
      const name = parseSettingName(p);
      return { kind: 'reset', span: p.spanFrom(start), name };
    }
    default:
      for (const keyword of STATEMENT_KEYWORDS) p.expect(keyword);
      return p.fail('a statement such as SELECT, EXPLAIN, DESCRIBE, SHOW TABLES, SET or RESET');
  }
}

function parseTableName(p: TokenCursor): QualifiedName {
  const first = parseIdentifier(p, 'a table name');
  if (!p.isOperator('.')) {
    return { kind: 'qualified_name', span: first.token.span, keyspace: null, name: first.name };
  }
  p.advance();
  const second = parseIdentifier(p, 'a table name');
  return { kind: 'qualified_name', span: p.spanFrom(first.token.span), keyspace: first.name, name: second.name };
}

/** Reads a setting name. The parts of a dotted name are joined with `.`. */
function parseSettingName(p: TokenCursor): string {
  const parts = [parseIdentifier(p, 'a setting name').name];
  while (p.isOperator('.')) {
    p.advance();
    parts.push(parseIdentifier(p, 'a setting name').name);
  }
  return parts.join('.');
}
