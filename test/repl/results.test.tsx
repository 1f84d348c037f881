import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../src/api/engine.js';
import { displayWidth } from '../../src/format/index.js';
import type { Entry } from '../../repl/session/transcript.js';
import { generateStore, openStore, renderRepl, temporaryDirectory, type RenderedRepl } from './support.js';

let engine: Engine;
let directory: string;
let shell: RenderedRepl | null = null;

beforeAll(async () => {
  directory = temporaryDirectory('results');
  engine = await openStore(generateStore(directory));
}, 120_000);

afterAll(async () => {
  await engine.close();
  fs.rmSync(directory, { recursive: true, force: true });
});

afterEach(() => {
  shell?.unmount();
  shell = null;
});

const WIDE_QUERY = 'SELECT store_id, event_id, user_id, session_id, url, detail, event_time FROM user_logs WHERE store_id = 1 ORDER BY log_time LIMIT 3;';

/** Runs `sql` in a shell of `columns` and returns the result entry it printed. */
async function resultOf(sql: string, options: Parameters<typeof renderRepl>[1] = {}): Promise<Extract<Entry, { kind: 'result' }>> {
  shell = renderRepl(engine, options);
  await shell.submit(sql);
  await shell.controller.idle();
  const results = shell.controller.view.transcript.filter((entry): entry is Extract<Entry, { kind: 'result' }> => entry.kind === 'result');
  const errors = shell.controller.view.transcript.filter((entry) => entry.kind === 'error');
  expect(errors).toEqual([]);
  expect(results).toHaveLength(1);
  return results[0]!;
}

function widest(text: string): number {
  return Math.max(...text.replace(/\n$/, '').split('\n').map(displayWidth));
}

function headerNames(body: string): string[] {
  const header = body.split('\n')[1]!;
  return header.split('│').map((cell) => cell.trim()).filter((cell) => cell !== '');
}

describe('results fit the terminal width', () => {
  test.each([40, 80, 120])('%i columns', async (columns) => {
    const result = await resultOf(WIDE_QUERY, { columns });
    expect(widest(result.body)).toBeLessThanOrEqual(columns);
    expect(result.summary).toMatch(/^\(3 rows, [\d.]+ (ms|s), \d+ partitions?, [\d,]+ rows scanned, [\d.]+[kMG]? rows\/s\)$/);
  });

  test('narrow terminals hide trailing columns and say how to see them', async () => {
    const result = await resultOf(WIDE_QUERY, { columns: 40 });
    const visibleColumns = headerNames(result.body);
    expect(visibleColumns[0]).toBe('store_id');
    expect(visibleColumns.length).toBeLessThan(7);
    const hidden = ['store_id', 'event_id', 'user_id', 'session_id', 'url', 'detail', 'event_time'].slice(visibleColumns.length);
    expect(result.cuts[0]).toBe(`${hidden.length} columns not shown to fit 40 terminal columns: ${hidden.join(', ')}`);
    expect(result.cuts).toContain('\\x shows every column with whole values, one row at a time; \\format csv prints every value in full');
  });

  test('wider terminals show more columns', async () => {
    const at80 = headerNames((await resultOf(WIDE_QUERY, { columns: 80 })).body).length;
    shell?.unmount();
    const at120 = headerNames((await resultOf(WIDE_QUERY, { columns: 120 })).body).length;
    expect(at120).toBeGreaterThan(at80);
  });

  test('cut values are counted', async () => {
    const result = await resultOf('SELECT detail FROM user_logs WHERE store_id = 1 ORDER BY log_time LIMIT 3;', { columns: 40 });
    expect(result.body).toContain('…');
    expect(result.cuts[0]).toMatch(/^[1-3] values? cut to fit, marked with …$/);
  });

  test('the frame shows the table and footer at 80 columns', async () => {
    await resultOf(WIDE_QUERY, { columns: 80 });
    const frame = shell!.frame();
    expect(frame).toContain('┌──');
    expect(frame).toMatch(/\(3 rows, /);
    // The echoed input is wrapped by ink at the test stdout's fixed 100 columns, so only the table is measured.
    const table = frame.split('\n').filter((line) => /^[┌│├└]/.test(line));
    expect(table.length).toBeGreaterThan(4);
    for (const line of table) expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });
});

describe('result display settings', () => {
  test('\\x auto switches a table that does not fit to vertical rows', async () => {
    shell = renderRepl(engine, { columns: 40 });
    await shell.submit('\\x auto');
    await shell.controller.idle();
    await shell.submit(WIDE_QUERY);
    await shell.controller.idle();
    const frame = await shell.waitFor((f) => f.includes('(3 rows'));
    expect(frame).toContain('─[ row 1 ]');
    expect(frame).toMatch(/^detail\s+│ \{"/m);
    expect(frame).not.toContain('not shown to fit');
  });

  test('\\x auto keeps a table that fits', async () => {
    shell = renderRepl(engine, { columns: 80 });
    await shell.submit('\\x auto');
    await shell.controller.idle();
    await shell.submit('SELECT store_id, count(*) AS n FROM user_logs GROUP BY 1 ORDER BY 1;');
    const frame = await shell.waitFor((f) => f.includes('(2 rows'));
    expect(frame).toContain('┌──');
  });

  test('\\format csv prints whole values', async () => {
    shell = renderRepl(engine, { columns: 40 });
    await shell.submit('\\format csv');
    await shell.controller.idle();
    await shell.submit('SELECT store_id, count(*) AS n FROM user_logs GROUP BY 1 ORDER BY 1;');
    const frame = await shell.waitFor((f) => f.includes('(2 rows'));
    expect(frame).toMatch(/^store_id,n\n1,\d+\n2,\d+$/m);
  });

  test('\\timing off leaves only the row count', async () => {
    shell = renderRepl(engine);
    await shell.submit('\\timing off');
    await shell.controller.idle();
    await shell.submit('SELECT 1 AS one;');
    await shell.waitFor((f) => /^\(1 row\)$/m.test(f));
  });

  test('rows beyond maxRows are counted, not shown', async () => {
    const result = await resultOf('SELECT log_time FROM user_logs ORDER BY log_time LIMIT 20;', { maxRows: 5 });
    expect(result.summary).toMatch(/^\(20 rows, /);
    expect(result.body.split('\n').filter((line) => line.startsWith('│')).length).toBe(2 + 5);
    expect(result.cuts).toEqual(['15 more rows not shown; add LIMIT, or write them all to a file with \\o FILE']);
  });

  test('SET prints the new value and EXPLAIN prints the plan', async () => {
    shell = renderRepl(engine);
    await shell.submit("SET time_zone = 'Europe/Berlin';");
    await shell.controller.idle();
    await shell.waitFor((f) => f.includes('time_zone = Europe/Berlin'));
    await shell.submit('EXPLAIN SELECT count(*) FROM user_logs WHERE store_id = 1;');
    await shell.controller.idle();
    const plan = shell.controller.view.transcript.at(-1)!;
    expect(plan.kind).toBe('text');
    await shell.submit('RESET time_zone;');
    await shell.controller.idle();
  });
});

describe('errors', () => {
  test('a caret under the unknown column, with the message', async () => {
    shell = renderRepl(engine);
    await shell.submit('SELECT nope FROM user_logs;');
    await shell.controller.idle();
    const frame = await shell.waitFor((f) => f.includes('error:'));
    const lines = frame.split('\n');
    const source = lines.findIndex((line) => line === '1 | SELECT nope FROM user_logs;');
    expect(source).toBeGreaterThan(0);
    expect(lines[source + 1]).toBe('  |        ^^^^');
    expect(frame).toMatch(/error: .*nope/);
  });

  test('the caret points into the right line of a multi-line statement', async () => {
    shell = renderRepl(engine);
    await shell.press('SELECT store_id,\r', '  nope\r', 'FROM user_logs;\r');
    await shell.controller.idle();
    const frame = await shell.waitFor((f) => f.includes('error:'));
    const lines = frame.split('\n');
    const source = lines.findIndex((line) => line === '2 |   nope');
    expect(source).toBeGreaterThan(0);
    expect(lines[source + 1]).toBe('  |   ^^^^');
  });

  test('a parse error shows its hint', async () => {
    shell = renderRepl(engine);
    await shell.submit("SELECT 'abc' FORM user_logs;");
    await shell.controller.idle();
    const frame = await shell.waitFor((f) => f.includes('error:'));
    expect(frame).toContain('1 | SELECT \'abc\' FORM user_logs;');
    expect(frame).toMatch(/FROM/);
  });

  test('an error leaves the prompt usable', async () => {
    shell = renderRepl(engine);
    await shell.submit('SELECT nope FROM user_logs;');
    await shell.controller.idle();
    await shell.submit('SELECT 7 AS seven;');
    await shell.waitFor((f) => f.includes('(1 row'));
  });
});
