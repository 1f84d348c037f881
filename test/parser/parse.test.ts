import { describe, expect, test } from 'vitest';
import type { Expr } from '../../src/parser/ast.js';
import { parse, parseQuery } from '../../src/parser/index.js';
import { EXPRESSION_CASES, QUERY_CASES, STATEMENT_CASES } from './cases.js';
import { sexprExpr, sexprQuery, sexprStatement } from './sexpr.js';

/** Parses `SELECT <text>` and returns the expression of its only select item. */
export function parseExpression(text: string): Expr {
  const query = parseQuery(`SELECT ${text}`);
  if (query.kind !== 'select' || query.items.length !== 1 || query.items[0]!.kind !== 'expr_item') {
    throw new Error(`'${text}' did not parse as a single expression`);
  }
  expect(query.items[0]!.alias).toBeNull();
  return query.items[0]!.expr;
}

describe('expressions', () => {
  test.each(EXPRESSION_CASES)('%s', (text, expected) => {
    expect(sexprExpr(parseExpression(text))).toBe(expected);
  });
});

describe('queries', () => {
  test.each(QUERY_CASES)('%s', (text, expected) => {
    expect(sexprQuery(parseQuery(text))).toBe(expected);
  });
});

describe('statements', () => {
  test.each(STATEMENT_CASES)('%j', (text, expected) => {
    expect(parse(text).map(sexprStatement)).toEqual(expected);
  });
});

describe('SET values', () => {
  test.each([
    ['SET pushdown_aggregation = off', 'off', 27],
    ['SET pushdown_aggregation = on', 'on', 27],
    ['SET time_zone = UTC', 'UTC', 16],
    ['SET time_zone TO UTC', 'UTC', 17],
    ['SET time_zone = UTC;', 'UTC', 16],
  ])('bare word in %j', (sql, value, offset) => {
    const [statement] = parse(sql);
    if (statement?.kind !== 'set') throw new Error(`${sql} did not parse as SET`);
    expect(statement.value).toEqual({
      kind: 'literal',
      span: { offset, line: 1, column: offset + 1, length: value.length },
      value: { type: 'string', value },
    });
  });

  test('word before an operator is a column', () => {
    const [statement] = parse('SET page_size = limit_rows * 2');
    expect(statement).toMatchObject({ kind: 'set', value: { kind: 'binary', left: { kind: 'column_ref', name: 'limit_rows' } } });
  });

  test('TRUE, FALSE and NULL stay literals', () => {
    const values = parse('SET a = TRUE; SET b = false; SET c = NULL').map((statement) =>
      statement.kind === 'set' ? statement.value : null,
    );
    expect(values).toMatchObject([
      { kind: 'literal', value: { type: 'boolean', value: true } },
      { kind: 'literal', value: { type: 'boolean', value: false } },
      { kind: 'literal', value: { type: 'null' } },
    ]);
  });

  test('reserved word before an operator fails', () => {
    expect(() => parse('SET pushdown_aggregation = on + 1')).toThrow("expected an expression after '=', found 'on'");
  });
});

describe('literal values', () => {
  test.each([
    ['1', { type: 'integer', text: '1' }],
    ['007', { type: 'integer', text: '007' }],
    ['1.5', { type: 'decimal', text: '1.5' }],
    ['1e3', { type: 'decimal', text: '1e3' }],
    ['.5', { type: 'decimal', text: '.5' }],
    ['2.', { type: 'decimal', text: '2.' }],
    ["'it''s'", { type: 'string', value: "it's" }],
    ['TRUE', { type: 'boolean', value: true }],
    ['FALSE', { type: 'boolean', value: false }],
    ['NULL', { type: 'null' }],
  ])('%s', (text, value) => {
    const expr = parseExpression(text);
    if (expr.kind !== 'literal') throw new Error(`${text} parsed as ${expr.kind}`);
    expect(expr.value).toEqual(value);
  });

  test('interval keeps count text and unit', () => {
    expect(parseExpression("INTERVAL '1.5 hours'")).toMatchObject({ kind: 'interval', value: '1.5', unit: 'HOUR' });
  });

  test('parameters carry name or position', () => {
    const query = parseQuery('SELECT :name');
    expect(query).toMatchObject({ items: [{ expr: { kind: 'parameter', name: 'name' } }] });
    const positional = parseQuery('SELECT ?, ?');
    expect(positional).toMatchObject({
      items: [{ expr: { kind: 'parameter', position: 1 } }, { expr: { kind: 'parameter', position: 2 } }],
    });
  });
});

describe('query structure', () => {
  test('select without FROM has null source and empty lists', () => {
    expect(parseQuery('SELECT 1')).toMatchObject({
      kind: 'select',
      with: [],
      distinct: false,
      from: null,
      where: null,
      groupBy: [],
      having: null,
      qualify: null,
      orderBy: [],
      limit: null,
      offset: null,
    });
  });

  test('table reference fields', () => {
    expect(parseQuery('SELECT * FROM ks.t AS x')).toMatchObject({
      from: { kind: 'table_ref', keyspace: 'ks', table: 't', alias: 'x' },
    });
    expect(parseQuery('SELECT * FROM t')).toMatchObject({
      from: { kind: 'table_ref', keyspace: null, table: 't', alias: null },
    });
  });

  test('union closing clauses stay off the operands', () => {
    const query = parseQuery('SELECT a FROM t UNION ALL SELECT a FROM u ORDER BY a LIMIT 5 OFFSET 1');
    expect(query).toMatchObject({
      kind: 'union_all',
      left: { kind: 'select', orderBy: [], limit: null },
      right: { kind: 'select', orderBy: [], limit: null },
      orderBy: [{ kind: 'order_item', direction: 'ASC', nulls: null }],
      limit: { kind: 'literal' },
      offset: { kind: 'literal' },
    });
  });

  test('cast keeps the type spelling', () => {
    expect(parseExpression('CAST(x AS decimal(10,2))')).toMatchObject({
      kind: 'cast',
      type: 'DOUBLE',
      typeSpelling: 'DECIMAL(10,2)',
    });
  });

  test('function call defaults', () => {
    expect(parseExpression('f(a)')).toMatchObject({
      kind: 'function_call',
      name: 'f',
      distinct: false,
      star: false,
      filter: null,
      over: null,
    });
  });

  test('short frame form ends at current row', () => {
    expect(parseExpression('sum(x) OVER (ROWS 2 PRECEDING)')).toMatchObject({
      over: { kind: 'window_spec', frame: { kind: 'window_frame', mode: 'ROWS', end: { kind: 'current_row' } } },
    });
  });
});
