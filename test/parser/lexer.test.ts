import { describe, expect, test } from 'vitest';
import { tokenize } from '../../src/parser/lexer.js';

/** Returns `kind:image` for each token before the end-of-input token. */
function lex(sql: string): string[] {
  return tokenize(sql)
    .filter((token) => token.kind !== 'eof')
    .map((token) => `${token.kind}:${token.image}`);
}

describe('tokenize', () => {
  test.each([
    ['x::int', ['word:x', 'operator:::', 'word:int']],
    [':name', ['named_parameter::name']],
    ['a = :p::text', ['word:a', 'operator:=', 'named_parameter::p', 'operator:::', 'word:text']],
    ['? ?', ['positional_parameter:?', 'positional_parameter:?']],
    ['1 1.5 .5 2. 1e3 1.5E-3', ['number:1', 'number:1.5', 'number:.5', 'number:2.', 'number:1e3', 'number:1.5E-3']],
    ["'it''s' ''", ["string:'it''s'", "string:''"]],
    ["'a' 'b'", ["string:'a'", "string:'b'"]],
    ['"Col" "a""b"', ['quoted_identifier:"Col"', 'quoted_identifier:"a""b"']],
    ['->> -> - || <= >= <> != < > = // / % * +', [
      'operator:->>', 'operator:->', 'operator:-', 'operator:||', 'operator:<=', 'operator:>=', 'operator:<>',
      'operator:!=', 'operator:<', 'operator:>', 'operator:=', 'operator://', 'operator:/', 'operator:%',
      'operator:*', 'operator:+',
    ]],
    ['a--comment\nb', ['word:a', 'word:b']],
    ['a/* x\ny */b', ['word:a', 'word:b']],
    ["'-- not a comment'", ["string:'-- not a comment'"]],
    ['t.a', ['word:t', 'operator:.', 'word:a']],
    ['( ) , ; .', ['operator:(', 'operator:)', 'operator:,', 'operator:;', 'operator:.']],
  ])('%j', (sql, expected) => {
    expect(lex(sql)).toEqual(expected);
  });

  test('words carry upper-cased keyword text', () => {
    const [token] = tokenize('select');
    expect(token).toMatchObject({ kind: 'word', image: 'select', keyword: 'SELECT' });
  });

  test('quoted identifiers carry no keyword', () => {
    const [token] = tokenize('"select"');
    expect(token!.keyword).toBeNull();
  });

  test('positions are 1-based lines and columns', () => {
    const tokens = tokenize('SELECT\n  a,\r\n\tb');
    expect(tokens.map((token) => [token.span.line, token.span.column, token.span.offset])).toEqual([
      [1, 1, 0],
      [2, 3, 9],
      [2, 4, 10],
      [3, 2, 14],
      [3, 3, 15],
    ]);
  });

  test('end token sits after the last character', () => {
    const tokens = tokenize('SELECT 1\n');
    expect(tokens[tokens.length - 1]).toMatchObject({ kind: 'eof', span: { offset: 9, line: 2, column: 1, length: 0 } });
  });
});
