import { describe, expect, it } from 'vitest';
import type { ResultColumn } from '../../src/api/result.js';
import { createFormatter, renderMarkdown, renderVertical } from '../../src/format/index.js';

const columns: ResultColumn[] = [
  { name: 'id', type: 'BIGINT' },
  { name: 'note', type: 'TEXT' },
];

describe('renderVertical', () => {
  it('writes one field per line under a row separator', () => {
    const text = renderVertical(columns, [[1, 'first']], { timeZone: 'UTC' });
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^─\[ row 1 \]─+$/);
    expect(lines.slice(1, 3)).toEqual(['id   │ 1', 'note │ first']);
  });

  it('tells NULL from the text NULL', () => {
    const text = renderVertical(columns, [[null, 'NULL']], { timeZone: 'UTC' });
    expect(text.split('\n').slice(1, 3)).toEqual(['id   │ ∅', 'note │ NULL']);
  });

  it('indents the lines of a multi-line value', () => {
    const text = renderVertical(columns, [[2, 'one\ntwo']], { timeZone: 'UTC' });
    expect(text.split('\n').slice(2, 4)).toEqual(['note │ one', '     │ two']);
  });

  it('keeps counting rows across batches', () => {
    const formatter = createFormatter('vertical', columns, { timeZone: 'UTC' });
    const text = formatter.rows([[1, 'a']]) + formatter.rows([[2, 'b']]);
    expect(text).toMatch(/─\[ row 2 \]/);
  });
});

describe('renderMarkdown', () => {
  it('writes a pipe table with right-aligned numbers', () => {
    expect(renderMarkdown(columns, [[1, 'a']], { timeZone: 'UTC' })).toBe('|  id | note |\n| --: | ---- |\n|   1 | a    |\n');
  });

  it('escapes pipes and backslashes', () => {
    const text = renderMarkdown([{ name: 't', type: 'TEXT' }], [['a|b\\']], { timeZone: 'UTC' });
    expect(text.split('\n')[2]).toBe('| a\\|b\\\\ |');
  });

  it('writes line breaks as <br>', () => {
    const text = renderMarkdown([{ name: 't', type: 'TEXT' }], [['a\nb']], { timeZone: 'UTC' });
    expect(text.split('\n')[2]).toBe('| a<br>b |');
  });

  it('tells NULL from the text NULL', () => {
    const text = renderMarkdown([{ name: 't', type: 'TEXT' }], [[null], ['NULL']], { timeZone: 'UTC' });
    expect(text.split('\n').slice(2, 4)).toEqual(['| ∅    |', '| NULL |']);
  });
});
