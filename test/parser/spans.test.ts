/**
 * Source spans of nodes. The expected span is marked in the SQL with ⟨ and ⟩, and `pick`
 * selects the node from the parsed statement.
 */
import { describe, expect, test } from 'vitest';
import type { Expr, SelectQuery, Span, Statement } from '../../src/parser/ast.js';
import { parse } from '../../src/parser/index.js';

function unmark(marked: string): { sql: string; offset: number; length: number } {
  const open = marked.indexOf('⟨');
  const close = marked.indexOf('⟩');
  const sql = marked.slice(0, open) + marked.slice(open + 1, close) + marked.slice(close + 1);
  return { sql, offset: open, length: close - open - 1 };
}

function select(statement: Statement): SelectQuery {
  if (statement.kind !== 'query' || statement.query.kind !== 'select') throw new Error('not a SELECT');
  return statement.query;
}

function firstExpr(statement: Statement): Expr {
  const item = select(statement).items[0]!;
  if (item.kind !== 'expr_item') throw new Error('not an expression item');
  return item.expr;
}

const CASES: readonly (readonly [string, string, (statement: Statement) => { span: Span }])[] = [
  ['statement', '⟨SELECT a FROM t⟩;', (s) => s],
  ['statement after comment', '-- c\n⟨SELECT 1⟩ -- d', (s) => s],
  ['second line', 'SELECT\n  ⟨a + b⟩\nFROM t', firstExpr],
  ['binary', 'SELECT ⟨a * (b + c)⟩', firstExpr],
  ['parenthesised', 'SELECT ⟨(a + b)⟩ * c', (s) => {
    const e = firstExpr(s);
    if (e.kind !== 'binary') throw new Error('not binary');
    return e.left;
  }],
  ['select item with alias', 'SELECT ⟨a AS b⟩, c', (s) => select(s).items[0]!],
  ['star item', 'SELECT ⟨t.*⟩ FROM t', (s) => select(s).items[0]!],
  ['qualified column', 'SELECT ⟨t.a⟩', firstExpr],
  ['function with window', 'SELECT ⟨sum(x) OVER (ORDER BY y)⟩ FROM t', firstExpr],
  ['window spec', 'SELECT sum(x) OVER ⟨(ORDER BY y)⟩ FROM t', (s) => {
    const e = firstExpr(s);
    if (e.kind !== 'function_call' || e.over === null) throw new Error('no window');
    return e.over;
  }],
  ['cast operator', 'SELECT ⟨x::int⟩', firstExpr],
  ['is null', 'SELECT ⟨a IS NOT NULL⟩', firstExpr],
  ['in list', 'SELECT ⟨a IN (1, 2)⟩', firstExpr],
  ['interval', "SELECT ⟨INTERVAL '7' DAY⟩", firstExpr],
  ['typed literal', "SELECT ⟨DATE '2020-01-31'⟩", firstExpr],
  ['case', 'SELECT ⟨CASE WHEN a THEN 1 END⟩', firstExpr],
  ['string with quotes', "SELECT ⟨'it''s'⟩", firstExpr],
  ['json chain', "SELECT ⟨d->'a'->>'b'⟩ = 'x'", (s) => {
    const e = firstExpr(s);
    if (e.kind !== 'binary') throw new Error('not binary');
    return e.left;
  }],
  ['table reference', 'SELECT a FROM ⟨ks.t AS x⟩ WHERE a', (s) => select(s).from!],
  ['where', 'SELECT a FROM t WHERE ⟨a = 1⟩', (s) => select(s).where!],
  ['cte', 'WITH ⟨c AS (SELECT 1)⟩ SELECT * FROM c', (s) => select(s).with[0]!],
  ['order item', 'SELECT a FROM t ORDER BY ⟨a DESC NULLS LAST⟩', (s) => select(s).orderBy[0]!],
  ['union', '⟨SELECT 1 UNION ALL SELECT 2 LIMIT 1⟩', (s) => (s.kind === 'query' ? s.query : s)],
  ['explain', '⟨EXPLAIN SELECT 1⟩', (s) => s],
  ['set', '⟨SET x TO 1⟩', (s) => s],
  ['set bare word', 'SET time_zone = ⟨UTC⟩', (s) => (s.kind === 'set' ? s.value : s)],
  ['tab and CRLF', 'SELECT 1,\r\n\t⟨x⟩', (s) => select(s).items[1]!],
];

describe('spans', () => {
  test.each(CASES)('%s', (_name, marked, pick) => {
    const { sql, offset, length } = unmark(marked);
    const [statement] = parse(sql);
    const span = pick(statement!).span;
    const before = sql.slice(0, offset).split(/\r\n|\r|\n/);
    expect(span).toEqual({ offset, length, line: before.length, column: before[before.length - 1]!.length + 1 });
  });
});
