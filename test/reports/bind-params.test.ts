import { describe, expect, it } from 'vitest';
import { bindReportParams, describeReportParams, parseParamAssignment, ReportParamError } from '../../src/reports/bind-params.js';
import { parseReport } from '../../src/reports/report-file.js';

const report = parseReport(
  [
    '-- @name sample_report',
    '-- @param store INT = 2',
    "-- @param since DATE = '2026-11-16'",
    '-- @param until DATE',
    '-- @param big BIGINT = 0',
    '-- @param ratio DOUBLE = 0.5',
    '-- @param at TIMESTAMP = 2026-11-16',
    '-- @param flag BOOLEAN = false',
    '-- @param label TEXT = NULL',
    'SELECT 1',
  ].join('\n'),
  'sample.sql',
);

const LISTING = [
  'parameters of report sample_report:',
  '  store  INT        default 2',
  '  since  DATE       default 2026-11-16',
  '  until  DATE       required',
  '  big    BIGINT     default 0',
  '  ratio  DOUBLE     default 0.5',
  '  at     TIMESTAMP  default 2026-11-16',
  '  flag   BOOLEAN    default false',
  '  label  TEXT       default NULL',
].join('\n');

function bindError(assignments: string[], timeZone = 'UTC'): string {
  try {
    bindReportParams(report, assignments.map(parseParamAssignment), timeZone);
  } catch (error) {
    if (error instanceof ReportParamError) return error.message;
    throw error;
  }
  throw new Error('expected a ReportParamError');
}

describe('bindReportParams values', () => {
  const values = bindReportParams(
    report,
    ['until=2026-11-29', 'big=9007199254740993', 'at=2026-11-16 10:00', 'flag=yes', 'store=7'].map(parseParamAssignment),
    'Europe/Berlin',
  );

  it('binds INT as a number', () => {
    expect(values['store']).toBe(7);
  });

  it('binds BIGINT beyond 2^53 as a bigint', () => {
    expect(values['big']).toBe(9007199254740993n);
  });

  it('binds DATE as a typed parameter', () => {
    expect(values['until']).toEqual({ type: 'DATE', value: '2026-11-29' });
  });

  it('fills a DATE default', () => {
    expect(values['since']).toEqual({ type: 'DATE', value: '2026-11-16' });
  });

  it('fills a DOUBLE default', () => {
    expect(values['ratio']).toEqual({ type: 'DOUBLE', value: 0.5 });
  });

  it('reads TIMESTAMP text in the session zone', () => {
    expect(values['at']).toEqual(new Date(Date.UTC(2026, 10, 16, 9, 0)));
  });

  it('binds BOOLEAN words', () => {
    expect(values['flag']).toBe(true);
  });

  it('binds a NULL default as null', () => {
    expect(values['label']).toBeNull();
  });
});

describe('bindReportParams errors', () => {
  it('names a missing parameter and lists all', () => {
    expect(bindError([])).toBe(`missing parameter until (DATE); pass --param until=VALUE\n${LISTING}`);
  });

  it('names an ill-typed value and the expected form', () => {
    expect(bindError(['until=2026-11-31'])).toBe(`invalid value "2026-11-31" for parameter until: expected a date as YYYY-MM-DD\n${LISTING}`);
  });

  it('rejects a fraction for INT', () => {
    expect(bindError(['until=2026-11-29', 'store=1.5'])).toContain('invalid value "1.5" for parameter store: expected an integer from -2147483648 to 2147483647');
  });

  it('rejects a BIGINT beyond 64 bits', () => {
    expect(bindError(['until=2026-11-29', 'big=9223372036854775808'])).toContain('invalid value "9223372036854775808" for parameter big: expected a signed 64-bit integer');
  });

  it('rejects a word for BOOLEAN', () => {
    expect(bindError(['until=2026-11-29', 'flag=maybe'])).toContain('invalid value "maybe" for parameter flag: expected true or false');
  });

  it('suggests a declared name for an unknown one', () => {
    expect(bindError(['until=2026-11-29', 'stor=1'])).toContain('unknown parameter stor (did you mean store?)');
  });

  it('rejects a parameter given twice', () => {
    expect(bindError(['until=2026-11-29', 'until=2026-11-30'])).toContain('parameter until is given twice');
  });

  it('lists every problem at once', () => {
    expect(bindError(['store=x']).split('\n').slice(0, 2)).toEqual([
      'invalid value "x" for parameter store: expected an integer from -2147483648 to 2147483647',
      'missing parameter until (DATE); pass --param until=VALUE',
    ]);
  });
});

describe('parseParamAssignment', () => {
  it('splits at the first equals sign', () => {
    expect(parseParamAssignment('label=a=b')).toEqual({ name: 'label', text: 'a=b' });
  });

  it('rejects text without a name', () => {
    expect(() => parseParamAssignment('=1')).toThrow('--param must be NAME=VALUE, such as --param store=2, got "=1"');
  });
});

describe('describeReportParams', () => {
  it('says when a report takes no parameters', () => {
    expect(describeReportParams(parseReport('SELECT 1', 'plain.sql'))).toBe('report plain takes no parameters');
  });
});
