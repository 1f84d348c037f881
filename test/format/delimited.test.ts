import { describe, expect, it } from 'vitest';
import type { ResultColumn } from '../../src/api/result.js';
import type { Value } from '../../src/executor/values.js';
import { createFormatter, type OutputFormat } from '../../src/format/index.js';

function render(format: OutputFormat, columns: ResultColumn[], rows: Value[][], timeZone = 'UTC'): string {
  const formatter = createFormatter(format, columns, { timeZone });
  return formatter.begin() + formatter.rows(rows) + formatter.end();
}

const TEXT: ResultColumn[] = [{ name: 'value', type: 'TEXT' }];

describe('csv format', () => {
  const cases: { name: string; value: Value; field: string }[] = [
    { name: 'plain text', value: 'plain', field: 'plain' },
    { name: 'a comma', value: 'a,b', field: '"a,b"' },
    { name: 'quotes', value: 'say "hi"', field: '"say ""hi"""' },
    { name: 'a line feed', value: 'two\nlines', field: '"two\nlines"' },
    { name: 'a carriage return', value: 'a\rb', field: '"a\rb"' },
    { name: 'the empty text', value: '', field: '""' },
    { name: 'SQL NULL', value: null, field: '' },
    { name: "the text 'NULL'", value: 'NULL', field: 'NULL' },
  ];
  for (const testCase of cases) {
    it(`writes ${testCase.name}`, () => {
      expect(render('csv', TEXT, [[testCase.value]])).toBe(`value\n${testCase.field}\n`);
    });
  }

  it('quotes a column name with a comma', () => {
    expect(render('csv', [{ name: 'a,b', type: 'BIGINT' }], [])).toBe('"a,b"\n');
  });

  it('writes BIGINT beyond 2^53 exactly', () => {
    expect(render('csv', [{ name: 'n', type: 'BIGINT' }], [[2n ** 62n + 3n]])).toBe('n\n4611686018427387907\n');
  });

  it('writes JSON as quoted compact text', () => {
    expect(render('csv', [{ name: 'j', type: 'JSON' }], [[{ a: 'x,y' }]])).toBe('j\n"{""a"":""x,y""}"\n');
  });

  it('writes a header for an empty result', () => {
    expect(render('csv', [{ name: 'a', type: 'TEXT' }, { name: 'b', type: 'DATE' }], [])).toBe('a,b\n');
  });
});

describe('tsv format', () => {
  const cases: { name: string; value: Value; field: string }[] = [
    { name: 'plain text', value: 'plain', field: 'plain' },
    { name: 'a tab', value: 'a\tb', field: 'a\\tb' },
    { name: 'a line feed', value: 'a\nb', field: 'a\\nb' },
    { name: 'a carriage return', value: 'a\rb', field: 'a\\rb' },
    { name: 'a backslash', value: 'C:\\dir', field: 'C:\\\\dir' },
    { name: 'SQL NULL', value: null, field: '\\N' },
    { name: 'the empty text', value: '', field: '' },
    { name: "the text 'NULL'", value: 'NULL', field: 'NULL' },
  ];
  for (const testCase of cases) {
    it(`writes ${testCase.name}`, () => {
      expect(render('tsv', TEXT, [[testCase.value]])).toBe(`value\n${testCase.field}\n`);
    });
  }

  it('separates fields with tabs', () => {
    const columns: ResultColumn[] = [{ name: 'a', type: 'BIGINT' }, { name: 'b', type: 'DATE' }];
    expect(render('tsv', columns, [[1, 20_773]])).toBe('a\tb\n1\t2026-11-16\n');
  });
});
