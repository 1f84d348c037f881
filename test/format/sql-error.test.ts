import { describe, expect, it } from 'vitest';
import { renderSqlError } from '../../src/format/index.js';

describe('renderSqlError', () => {
  it('puts carets under the span', () => {
    const sql = 'SELECT stor_id\nFROM user_logs';
    const text = renderSqlError(sql, { message: 'unknown column stor_id', span: { offset: 7, line: 1, column: 8, length: 7 }, hint: 'did you mean store_id?' });
    expect(text).toBe(
      ['error: unknown column stor_id', ' --> line 1, column 8', '1 | SELECT stor_id', '  |        ^^^^^^^', 'hint: did you mean store_id?', ''].join('\n'),
    );
  });

  it('names the file and line of a later line', () => {
    const sql = 'SELECT 1;\nSELECT x FROM t;';
    const text = renderSqlError(sql, { message: 'bad', span: { offset: 17, line: 2, column: 8, length: 1 }, hint: null }, 'report.sql');
    expect(text.split('\n').slice(1, 4)).toEqual([' --> report.sql:2:8', '2 | SELECT x FROM t;', '  |        ^']);
  });

  it('counts wide characters before the span as two cells', () => {
    const sql = "SELECT '日本' + x";
    const text = renderSqlError(sql, { message: 'bad', span: { offset: 13, line: 1, column: 14, length: 1 }, hint: null });
    expect(text.split('\n')[3]).toBe(`  | ${' '.repeat(15)}^`);
  });

  it('writes only the message without a span', () => {
    expect(renderSqlError('SELECT 1', { message: 'timed out', span: null, hint: null })).toBe('error: timed out\n');
  });
});
