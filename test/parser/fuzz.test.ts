/**
 * Fuzzing with a fixed seed: random characters, random token sequences and mutations of valid
 * queries. Each input must either parse or raise ParseError, and any other exception fails the
 * test.
 * Inputs that parse must also survive a print and re-parse.
 */
import { describe, expect, test } from 'vitest';
import { ParseError, parse, print } from '../../src/parser/index.js';
import { EXPRESSION_CASES, QUERY_CASES, STATEMENT_CASES } from './cases.js';
import { Random, withoutSpans } from './random.js';

const ALPHABET =
  "abcxyzABCXYZ0123456789_ \t\n\r'\"`.,;:?()[]{}*/+-%<>=!|&^~#@$\\é€😀\u0000\u2028";

const VOCABULARY = [
  'SELECT', 'DISTINCT', 'FROM', 'WHERE', 'GROUP', 'BY', 'HAVING', 'QUALIFY', 'ORDER', 'LIMIT', 'OFFSET',
  'UNION', 'ALL', 'WITH', 'AS', 'AND', 'OR', 'NOT', 'IS', 'NULL', 'TRUE', 'FALSE', 'IN', 'BETWEEN',
  'LIKE', 'ILIKE', 'ESCAPE', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'CAST', 'EXTRACT', 'INTERVAL',
  'DATE', 'TIMESTAMP', 'DAY', 'HOUR', 'year', 'OVER', 'PARTITION', 'ROWS', 'RANGE', 'UNBOUNDED',
  'PRECEDING', 'FOLLOWING', 'CURRENT', 'ROW', 'FILTER', 'NULLS', 'FIRST', 'LAST', 'ASC', 'DESC',
  'JOIN', 'LEFT', 'EXPLAIN', 'ANALYZE', 'DESCRIBE', 'SHOW', 'TABLES', 'SET', 'RESET', 'TO', 'EXISTS',
  'count', 'sum', 'a', 'b', 't', 'ks', '"Q"', "'s'", "'2020-01-31'", "'90 minutes'", "'7'", '1', '2.5',
  '1e3', ':p', '?', '(', ')', ',', '.', ';', '*', '+', '-', '/', '//', '%', '||', '->', '->>', '::',
  '=', '<>', '!=', '<', '<=', '>', '>=', 'int', 'json', 'DECIMAL', '--c\n', '/*c*/',
];

/** Parses `sql` and returns whether it parsed. Rethrows anything that is not a ParseError. */
function parsesOrRaisesParseError(sql: string): boolean {
  try {
    const statements = parse(sql);
    const reparsed = parse(print(statements));
    expect(withoutSpans(reparsed), sql).toEqual(withoutSpans(statements));
    return true;
  } catch (error) {
    if (error instanceof ParseError) {
      expect(error.span.offset).toBeGreaterThanOrEqual(0);
      expect(error.span.offset).toBeLessThanOrEqual(sql.length);
      expect(error.format().length).toBeGreaterThan(0);
      return false;
    }
    throw new Error(`non-ParseError for ${JSON.stringify(sql)}: ${String(error)}`, { cause: error });
  }
}

function tokensOf(sql: string): string[] {
  return sql.split(/(\s+|[(),;])/).filter((part) => part.trim() !== '');
}

describe('fuzz', () => {
  test('random characters', () => {
    const random = new Random(1);
    for (let i = 0; i < 3000; i++) {
      const length = random.int(60);
      let sql = '';
      for (let j = 0; j < length; j++) sql += random.pick([...ALPHABET]);
      parsesOrRaisesParseError(sql);
    }
  });

  test('random token sequences', () => {
    const random = new Random(2);
    let parsed = 0;
    for (let i = 0; i < 5000; i++) {
      const length = 1 + random.int(25);
      const tokens = random.chance(0.7) ? ['SELECT'] : [];
      for (let j = 0; j < length; j++) tokens.push(random.pick(VOCABULARY));
      if (parsesOrRaisesParseError(tokens.join(' '))) parsed++;
    }
    // A sanity check that the vocabulary reaches the parser's success paths too.
    expect(parsed).toBeGreaterThan(0);
  });

  test('mutated valid queries', () => {
    const random = new Random(3);
    const seeds = [
      ...EXPRESSION_CASES.map(([text]) => `SELECT ${text}`),
      ...QUERY_CASES.map(([text]) => text),
      ...STATEMENT_CASES.map(([text]) => text).filter((text) => text.trim() !== ''),
    ];
    for (let i = 0; i < 4000; i++) {
      const tokens = tokensOf(random.pick(seeds));
      const mutations = 1 + random.int(3);
      for (let m = 0; m < mutations; m++) {
        const position = random.int(tokens.length + 1);
        switch (random.int(3)) {
          case 0:
            tokens.splice(position, 1);
            break;
          case 1:
            tokens.splice(position, 0, random.pick(VOCABULARY));
            break;
          default:
            if (tokens.length > 1) {
              const other = random.int(tokens.length);
              [tokens[position % tokens.length], tokens[other]] = [tokens[other]!, tokens[position % tokens.length]!];
            }
        }
      }
      parsesOrRaisesParseError(tokens.join(' '));
    }
  });

  test('deep nesting raises ParseError', () => {
    for (const sql of [
      `SELECT ${'('.repeat(5000)}1${')'.repeat(5000)}`,
      `SELECT ${'-'.repeat(5000)}1`.replaceAll('--', '- -'),
      `SELECT ${'NOT '.repeat(5000)}TRUE`,
      `SELECT * FROM ${'(SELECT * FROM '.repeat(1000)}t${') s'.repeat(1000)}`,
      `SELECT ${'f('.repeat(2000)}1${')'.repeat(2000)}`,
      `SELECT ${'CASE WHEN '.repeat(2000)}`,
    ]) {
      expect(() => parse(sql)).toThrow(ParseError);
    }
  });

  test('long operator chain parses and prints', () => {
    const sql = `SELECT ${Array.from({ length: 30000 }, (_, i) => `c${i}`).join(' + ')} FROM t`;
    const statements = parse(sql);
    expect(statements).toHaveLength(1);
    expect(print(statements)).toBe(sql);
  });
});
