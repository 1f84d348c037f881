import { describe, expect, it } from 'vitest';
import type { ResultColumn } from '../../src/api/result.js';
import { JSON_NULL, type Value } from '../../src/executor/values.js';
import { createFormatter, type OutputFormat } from '../../src/format/index.js';

function render(format: OutputFormat, columns: ResultColumn[], rows: Value[][], timeZone = 'UTC'): string {
  const formatter = createFormatter(format, columns, { timeZone });
  return formatter.begin() + formatter.rows(rows) + formatter.end();
}

const WINTER = Date.UTC(2026, 10, 16, 9, 30, 0, 250);
const SUMMER = Date.UTC(2026, 6, 1, 12, 0, 0);

describe('json format', () => {
  const cases: { name: string; column: ResultColumn; value: Value; zone?: string; member: string }[] = [
    { name: 'TIMESTAMP in UTC', column: { name: 'v', type: 'TIMESTAMP' }, value: WINTER, member: '"2026-11-16T09:30:00.250+00:00"' },
    {
      name: 'TIMESTAMP in Berlin winter time',
      column: { name: 'v', type: 'TIMESTAMP' },
      value: WINTER,
      zone: 'Europe/Berlin',
      member: '"2026-11-16T10:30:00.250+01:00"',
    },
    {
      name: 'TIMESTAMP in Berlin summer time',
      column: { name: 'v', type: 'TIMESTAMP' },
      value: SUMMER,
      zone: 'Europe/Berlin',
      member: '"2026-07-01T14:00:00.000+02:00"',
    },
    { name: 'DATE', column: { name: 'v', type: 'DATE' }, value: 20_773, member: '"2026-11-16"' },
    { name: 'safe BIGINT', column: { name: 'v', type: 'BIGINT' }, value: 2 ** 53 - 1, member: '9007199254740991' },
    { name: 'BIGINT beyond 2^53', column: { name: 'v', type: 'BIGINT' }, value: 2n ** 53n + 1n, member: '"9007199254740993"' },
    { name: 'DOUBLE', column: { name: 'v', type: 'DOUBLE' }, value: 0.25, member: '0.25' },
    { name: 'infinite DOUBLE', column: { name: 'v', type: 'DOUBLE' }, value: Infinity, member: '"inf"' },
    { name: 'SQL NULL', column: { name: 'v', type: 'TEXT' }, value: null, member: 'null' },
    { name: "the text 'NULL'", column: { name: 'v', type: 'TEXT' }, value: 'NULL', member: '"NULL"' },
    { name: 'JSON inline', column: { name: 'v', type: 'JSON' }, value: { a: [1, JSON_NULL] }, member: '{"a":[1,null]}' },
    { name: 'BOOLEAN', column: { name: 'v', type: 'BOOLEAN' }, value: true, member: 'true' },
  ];
  for (const testCase of cases) {
    it(`writes ${testCase.name}`, () => {
      expect(render('json', [testCase.column], [[testCase.value]], testCase.zone)).toBe(`[\n{"v":${testCase.member}}\n]\n`);
    });
  }

  it('writes an array that JSON.parse reads back', () => {
    const columns: ResultColumn[] = [{ name: 'id', type: 'BIGINT' }, { name: 'name', type: 'TEXT' }];
    const text = render('json', columns, [[1, 'a "quoted"\nline'], [2, null]]);
    expect(JSON.parse(text)).toEqual([{ id: 1, name: 'a "quoted"\nline' }, { id: 2, name: null }]);
  });

  it('writes an empty array for no rows', () => {
    expect(render('json', [{ name: 'a', type: 'TEXT' }], [])).toBe('[]\n');
  });

  it('keeps batches in one array', () => {
    const formatter = createFormatter('json', [{ name: 'n', type: 'BIGINT' }], { timeZone: 'UTC' });
    const text = formatter.begin() + formatter.rows([[1]]) + formatter.rows([[2], [3]]) + formatter.end();
    expect(JSON.parse(text)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('renames a repeated column name', () => {
    const columns: ResultColumn[] = [{ name: 'n', type: 'BIGINT' }, { name: 'n', type: 'BIGINT' }];
    expect(render('json', columns, [[1, 2]])).toBe('[\n{"n":1,"n_2":2}\n]\n');
  });
});

describe('ndjson format', () => {
  it('writes one object per line', () => {
    const columns: ResultColumn[] = [{ name: 'at', type: 'TIMESTAMP' }, { name: 'n', type: 'BIGINT' }];
    const text = render('ndjson', columns, [[WINTER, 2n ** 60n], [null, 1]], 'Europe/Berlin');
    expect(text).toBe('{"at":"2026-11-16T10:30:00.250+01:00","n":"1152921504606846976"}\n{"at":null,"n":1}\n');
  });

  it('writes nothing for no rows', () => {
    expect(render('ndjson', [{ name: 'a', type: 'TEXT' }], [])).toBe('');
  });

  it('keeps a line feed inside a value escaped', () => {
    expect(render('ndjson', [{ name: 't', type: 'TEXT' }], [['a\nb']]).split('\n')).toEqual(['{"t":"a\\nb"}', '']);
  });
});
