import { describe, expect, test } from 'vitest';
import type { Statement } from '../../src/parser/ast.js';
import { parse, print } from '../../src/parser/index.js';
import { EXPRESSION_CASES, QUERY_CASES, STATEMENT_CASES } from './cases.js';
import { Random, TreeGenerator, withoutSpans } from './random.js';

const ALL_INPUTS: readonly string[] = [
  ...EXPRESSION_CASES.map(([text]) => `SELECT ${text}`),
  ...QUERY_CASES.map(([text]) => text),
  ...STATEMENT_CASES.map(([text]) => text),
];

/** Checks that printing `statements` and parsing the text gives the same trees. */
function expectRoundTrip(statements: readonly Statement[]): string {
  const text = print(statements);
  const reparsed = parse(text);
  expect(withoutSpans(reparsed), text).toEqual(withoutSpans(statements));
  return text;
}

describe('printer round trip', () => {
  test.each(ALL_INPUTS)('%j', (sql) => {
    const text = expectRoundTrip(parse(sql));
    // Printing is a normal form: printing the re-parsed tree gives the same text.
    expect(print(parse(text))).toBe(text);
  });

  test('generated trees', () => {
    const random = new Random(20240601);
    const generator = new TreeGenerator(random);
    for (let i = 0; i < 3000; i++) {
      const statement = generator.statement();
      let text = '';
      try {
        text = expectRoundTrip([statement]);
      } catch (error) {
        throw new Error(`generated tree ${i} failed to round-trip: ${print(statement)}\n${String(error)}`);
      }
      expect(text.length).toBeGreaterThan(0);
    }
  });
});

describe('printer output', () => {
  test.each([
    ["SELECT detail->'a'->>'b' = 'x'", "SELECT detail->'a'->>'b' = 'x'"],
    ['SELECT (a + b) * c', 'SELECT (a + b) * c'],
    ['SELECT a - (b - c)', 'SELECT a - (b - c)'],
    ['SELECT - -a', 'SELECT - -a'],
    ['SELECT x::int', 'SELECT CAST(x AS INT)'],
    ["SELECT INTERVAL '90 minutes'", "SELECT INTERVAL '90' MINUTE"],
    ['SELECT "Select", "a""b", year FROM "My Table"', 'SELECT "Select", "a""b", year FROM "My Table"'],
    ['SELECT "select" AS "from"', 'SELECT "select" AS "from"'],
    ['SELECT "cast"(x), left(x, 1)', 'SELECT "cast"(x), left(x, 1)'],
    ['SELECT a FROM t ORDER BY a ASC, b DESC NULLS LAST', 'SELECT a FROM t ORDER BY a, b DESC NULLS LAST'],
    ['SELECT sum(x) OVER (ROWS 2 PRECEDING)', 'SELECT sum(x) OVER (ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)'],
    ['SELECT 1 UNION ALL (SELECT 2 LIMIT 1)', 'SELECT 1 UNION ALL (SELECT 2 LIMIT 1)'],
    ['SET a TO 1; RESET a', 'SET a = 1;\nRESET a'],
    ['SET a = off', "SET a = 'off'"],
    ['SET a = "b"', 'SET a = "b"'],
    ['EXPLAIN ANALYZE SELECT 1', 'EXPLAIN ANALYZE SELECT 1'],
    ["SELECT 'it''s'", "SELECT 'it''s'"],
  ])('%s', (sql, expected) => {
    expect(print(parse(sql))).toBe(expected);
  });

  test('prints single nodes', () => {
    const [statement] = parse('SELECT a + 1 AS b FROM t WHERE c');
    expect(statement!.kind).toBe('query');
    if (statement!.kind !== 'query' || statement!.query.kind !== 'select') return;
    expect(print(statement!.query)).toBe('SELECT a + 1 AS b FROM t WHERE c');
    expect(print(statement!.query.items[0]!)).toBe('a + 1 AS b');
    expect(print(statement!.query.from!)).toBe('t');
    expect(print(statement!.query.where!)).toBe('c');
  });
});
