import { describe, expect, it } from 'vitest';
import type { ResultColumn } from '../../src/api/result.js';
import type { Value } from '../../src/executor/values.js';
import { displayWidth, renderTable } from '../../src/format/index.js';

const ESC = '\u001b';

/** Lines of the table itself, without the notes under it. */
function tableLines(text: string): string[] {
  return text.split('\n').filter((line) => /^[┌│├└]/.test(line));
}

describe('renderTable NULL and text', () => {
  const columns: ResultColumn[] = [{ name: 'label', type: 'TEXT' }];
  const rows: Value[][] = [[null], ['NULL']];

  it('shows SQL NULL as ∅ without color', () => {
    const [, , , , nullRow] = tableLines(renderTable(columns, rows, { timeZone: 'UTC' }).text);
    expect(nullRow).toBe('│ ∅     │');
  });

  it("shows the text 'NULL' as written without color", () => {
    const lines = tableLines(renderTable(columns, rows, { timeZone: 'UTC' }).text);
    expect(lines[5]).toBe('│ NULL  │');
  });

  it('dims SQL NULL with color', () => {
    const lines = tableLines(renderTable(columns, rows, { timeZone: 'UTC', color: true }).text);
    expect(lines[4]).toBe(`│ ${ESC}[2mNULL${ESC}[22m  │`);
  });

  it("leaves the text 'NULL' undimmed with color", () => {
    const lines = tableLines(renderTable(columns, rows, { timeZone: 'UTC', color: true }).text);
    expect(lines[5]).toBe('│ NULL  │');
  });
});

describe('renderTable layout', () => {
  it('draws names, types and rows in a box', () => {
    const columns: ResultColumn[] = [{ name: 'store_id', type: 'BIGINT' }, { name: 'url', type: 'TEXT' }];
    const { text } = renderTable(columns, [[1, '/a'], [20, '/bb']], { timeZone: 'UTC' });
    expect(text).toBe(
      [
        '┌──────────┬──────┐',
        '│ store_id │ url  │',
        '│   bigint │ text │',
        '├──────────┼──────┤',
        '│        1 │ /a   │',
        '│       20 │ /bb  │',
        '└──────────┴──────┘',
        '',
      ].join('\n'),
    );
  });

  it('right-aligns DOUBLE values', () => {
    const lines = tableLines(renderTable([{ name: 'ratio', type: 'DOUBLE' }], [[0.5], [12.25]], { timeZone: 'UTC' }).text);
    expect(lines.slice(4, 6)).toEqual(['│    0.5 │', '│  12.25 │']);
  });

  it('shows BIGINT beyond 2^53 exactly', () => {
    const { text } = renderTable([{ name: 'n', type: 'BIGINT' }], [[2n ** 63n - 1n]], { timeZone: 'UTC' });
    expect(text).toContain('│ 9223372036854775807 │');
  });

  it('draws no body for an empty result', () => {
    const lines = tableLines(renderTable([{ name: 'a', type: 'TEXT' }], [], { timeZone: 'UTC' }).text);
    expect(lines).toEqual(['┌──────┐', '│ a    │', '│ text │', '└──────┘']);
  });

  it('aligns East Asian and emoji values by cells', () => {
    const rows: Value[][] = [['日本語'], ['😀x'], ['abc'], ['e\u0301']];
    const lines = tableLines(renderTable([{ name: 'word', type: 'TEXT' }], rows, { timeZone: 'UTC' }).text);
    const widths = new Set(lines.map(displayWidth));
    expect(widths).toEqual(new Set([10]));
  });

  it('escapes control characters in values', () => {
    const { text } = renderTable([{ name: 't', type: 'TEXT' }], [['a\nb\u001b[31m']], { timeZone: 'UTC' });
    expect(text).toContain('│ a\\nb\\x1b[31m │');
  });

  it('cuts long values at maxCellWidth', () => {
    const render = renderTable([{ name: 't', type: 'TEXT' }], [['abcdefghij']], { timeZone: 'UTC', maxCellWidth: 5 });
    expect(tableLines(render.text)[4]).toBe('│ abcd… │');
    expect(render.truncatedCells).toBe(1);
  });
});

describe('renderTable fitting a terminal width', () => {
  const columns: ResultColumn[] = [
    { name: 'store_id', type: 'BIGINT' },
    { name: 'event_date', type: 'DATE' },
    { name: 'event_time', type: 'TIMESTAMP' },
    { name: 'user_id', type: 'TEXT' },
    { name: 'url', type: 'TEXT' },
    { name: 'detail', type: 'JSON' },
    { name: 'event_id', type: 'BIGINT' },
  ];
  const row = (store: number, detail: Record<string, string>): Value[] => [
    store,
    20_773,
    Date.UTC(2026, 10, 16, 9, 30),
    '74ca87ea-19e7-48fc-94a7-66a31b93d05b',
    'https://food-lover.abc/product/smoky-granola-101172',
    detail,
    1,
  ];
  const rows = [row(1, { page_type: 'product', item_id: '101172', category: 'spices' }), row(2, { page_type: 'category' })];

  it('fits 120 columns by cutting text and JSON values', () => {
    const render = renderTable(columns, rows, { timeZone: 'UTC', width: 120 });
    expect(Math.max(...tableLines(render.text).map(displayWidth))).toBeLessThanOrEqual(120);
    expect(render.hiddenColumns).toEqual([]);
    expect(render.truncatedCells).toBeGreaterThan(0);
    expect(render.text).toContain(`${render.truncatedCells} values cut to fit, marked with …`);
  });

  it('keeps dates and timestamps whole at 120 columns', () => {
    const render = renderTable(columns, rows, { timeZone: 'UTC', width: 120 });
    expect(render.text).toContain('│ 2026-11-16 │ 2026-11-16 09:30:00 │');
  });

  it('drops the last column at 80 columns', () => {
    const render = renderTable(columns, rows, { timeZone: 'UTC', width: 80 });
    expect(Math.max(...tableLines(render.text).map(displayWidth))).toBeLessThanOrEqual(80);
    expect(render.hiddenColumns).toEqual(['event_id']);
    expect(render.text).toContain('1 column not shown to fit in 80 terminal columns: event_id');
  });

  it('drops trailing columns at 40 columns', () => {
    const render = renderTable(columns, rows, { timeZone: 'UTC', width: 40 });
    expect(Math.max(...tableLines(render.text).map(displayWidth))).toBeLessThanOrEqual(40);
    expect(render.hiddenColumns).toEqual(['event_time', 'user_id', 'url', 'detail', 'event_id']);
    expect(render.text).toContain('5 columns not shown to fit in 40 terminal columns: event_time, user_id, url, detail, event_id');
  });

  it('writes no note when the table fits', () => {
    const render = renderTable(columns.slice(0, 2), rows.map((r) => r.slice(0, 2)), { timeZone: 'UTC', width: 40 });
    expect(render.text.split('\n').filter((line) => line !== '' && !/^[┌│├└]/.test(line))).toEqual([]);
  });

  it('keeps one column cut to a very narrow terminal', () => {
    const render = renderTable([{ name: 'url', type: 'TEXT' }], [['https://food-lover.abc/']], { timeZone: 'UTC', width: 12 });
    expect(Math.max(...tableLines(render.text).map(displayWidth))).toBe(12);
    expect(render.hiddenColumns).toEqual([]);
  });
});
