import { describe, expect, it } from 'vitest';
import { parseReport, ReportHeaderError } from '../../src/reports/report-file.js';

const HEADER = [
  '-- @name clicks_per_day',
  '-- @description Clicks per day',
  '-- @description for one store.',
  '-- a plain comment',
  '',
  '-- @param store INT = 2',
  "-- @param since date = '2026-11-16'",
  '-- @param label TEXT',
  "-- @param quote TEXT = 'it''s'",
  '-- @param flag BOOLEAN = NULL',
  'SELECT 1;',
  '-- @name ignored after the header',
].join('\n');

describe('parseReport', () => {
  const report = parseReport(HEADER, 'clicks.sql');

  it('reads the name', () => {
    expect(report.name).toBe('clicks_per_day');
  });

  it('joins description lines', () => {
    expect(report.description).toBe('Clicks per day for one store.');
  });

  it('reads parameter names and types in order', () => {
    expect(report.params.map((param) => `${param.name} ${param.type}`)).toEqual(['store INT', 'since DATE', 'label TEXT', 'quote TEXT', 'flag BOOLEAN']);
  });

  it('reads a bare default', () => {
    expect(report.params[0]!.defaultText).toBe('2');
  });

  it('unquotes a SQL string default', () => {
    expect(report.params[1]!.defaultText).toBe('2026-11-16');
  });

  it('undoubles quotes in a default', () => {
    expect(report.params[3]!.defaultText).toBe("it's");
  });

  it('marks a parameter without default as required', () => {
    expect(report.params[2]!.defaultText).toBeUndefined();
  });

  it('reads a NULL default', () => {
    expect(report.params[4]!.defaultText).toBeNull();
  });

  it('records the line of each parameter', () => {
    expect(report.params.map((param) => param.line)).toEqual([6, 7, 8, 9, 10]);
  });

  it('keeps the whole text as SQL', () => {
    expect(report.sql).toBe(HEADER);
  });

  it('takes the file name when @name is missing', () => {
    expect(parseReport('SELECT 1', '/reports/daily_totals.sql').name).toBe('daily_totals');
  });
});

describe('parseReport errors', () => {
  const cases: { name: string; header: string; message: string }[] = [
    { name: 'unknown tag', header: '-- @author me', message: 'r.sql:1: unknown header tag @author; the tags are @name, @description and @param' },
    { name: 'unknown type', header: '-- @param n INTEGER', message: 'r.sql:1: parameter n has unknown type INTEGER; the types are INT, BIGINT, DOUBLE, TEXT, DATE, TIMESTAMP, BOOLEAN' },
    { name: 'missing type', header: '-- @param n', message: 'r.sql:1: invalid @param "n"; expected @param NAME TYPE [= default]' },
    { name: 'repeated parameter', header: '-- @param n INT\n-- @param N INT', message: 'r.sql:2: parameter N is declared twice' },
    { name: 'ill-typed default', header: "-- @param d DATE = '2026-02-30'", message: "r.sql:1: default '2026-02-30' of parameter d is not a date as YYYY-MM-DD" },
    { name: 'INT default out of range', header: '-- @param n INT = 3000000000', message: 'r.sql:1: default 3000000000 of parameter n is not an integer from -2147483648 to 2147483647' },
    { name: 'unterminated string default', header: "-- @param t TEXT = 'abc", message: "r.sql:1: default of parameter t is not a complete SQL string literal: 'abc" },
    { name: 'repeated name', header: '-- @name a\n-- @name b', message: 'r.sql:2: @name is given twice' },
  ];
  for (const testCase of cases) {
    it(`rejects ${testCase.name}`, () => {
      expect(() => parseReport(testCase.header, 'r.sql')).toThrow(ReportHeaderError);
      expect(() => parseReport(testCase.header, 'r.sql')).toThrow(testCase.message);
    });
  }
});
