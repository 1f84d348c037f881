import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../src/api/engine.js';
import { complete, type CompletionSource } from '../../repl/completion/completer.js';
import { completionSite } from '../../repl/completion/context.js';
import { CompletionData } from '../../repl/completion/schema-source.js';
import { generateStore, KEYS, openStore, renderRepl, temporaryDirectory, type RenderedRepl } from './support.js';

let engine: Engine;
let directory: string;
let shell: RenderedRepl | null = null;

beforeAll(async () => {
  directory = temporaryDirectory('completion');
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

/** Completion context at the `|` in `text`. */
function siteAt(text: string) {
  const cursor = text.indexOf('|');
  return completionSite(text.replace('|', ''), cursor);
}

describe('completion context', () => {
  test('statement start', () => {
    expect(siteAt('SEL|').context.kind).toBe('statement_start');
    expect(siteAt('SELECT 1; |').context.kind).toBe('statement_start');
  });

  test('table after FROM and DESCRIBE', () => {
    expect(siteAt('SELECT * FROM us|').context.kind).toBe('table');
    expect(siteAt('DESCRIBE |').context.kind).toBe('table');
  });

  test('setting after SET and RESET', () => {
    expect(siteAt('SET ti|').context.kind).toBe('setting');
    expect(siteAt('RESET |').context.kind).toBe('setting');
  });

  test('expression with the FROM tables, also when FROM follows the cursor', () => {
    const site = siteAt('SELECT st| FROM user_logs u WHERE 1 = 1');
    expect(site.context).toEqual({ kind: 'expression', tables: [{ name: 'user_logs', alias: 'u' }] });
    expect(site.prefix).toBe('st');
  });

  test('qualified column through an alias', () => {
    expect(siteAt('SELECT u.| FROM user_logs u').context).toEqual({ kind: 'qualified_column', table: 'user_logs' });
  });

  test('JSON key after -> and inside the string after ->>', () => {
    expect(siteAt('SELECT detail->| FROM user_logs').context).toMatchObject({ kind: 'json_key', column: 'detail', path: [], quote: 'none' });
    const open = siteAt("SELECT detail->>'pa| FROM user_logs");
    expect(open.context).toMatchObject({ kind: 'json_key', column: 'detail', quote: 'open' });
    expect(open.prefix).toBe('pa');
    expect(siteAt("SELECT detail->'a'->>| FROM t").context).toMatchObject({ kind: 'json_key', path: ['a'] });
  });

  test('nothing inside strings and comments', () => {
    expect(siteAt("SELECT 'abc| FROM t").context.kind).toBe('none');
    expect(siteAt('SELECT 1 -- comm|').context.kind).toBe('none');
    expect(siteAt('SELECT 1 /* comm|').context.kind).toBe('none');
  });

  test('meta-commands and their arguments', () => {
    expect(siteAt('\\fo|').context.kind).toBe('meta_command');
    expect(siteAt('\\format c|').context).toEqual({ kind: 'meta_argument', command: '\\format', position: 1 });
  });
});

describe('completion candidates from the engine', () => {
  const source = (): CompletionSource => {
    const data = new CompletionData(engine);
    return {
      tables: () => data.tables(),
      columns: (table) => data.columns(table),
      functions: () => data.functions(),
      settings: () => data.settings(),
      jsonKeys: (table, column, keyPath) => data.jsonKeys(table, column, keyPath),
      parameters: () => ['store'],
    };
  };
  const labels = async (text: string): Promise<string[]> => {
    const result = await complete(text.replace('|', ''), text.indexOf('|'), source());
    return result.candidates.map((candidate) => candidate.label);
  };

  test('tables', async () => {
    expect(await labels('SELECT * FROM u|')).toEqual(['user_logs']);
  });

  test('columns of the FROM table, virtual time columns included', async () => {
    const names = await labels('SELECT | FROM user_logs');
    expect(names.slice(0, 13)).toEqual(['store_id', 'year', 'month', 'day', 'hour', 'event_id', 'user_id', 'session_id', 'log_time', 'url', 'detail', 'event_time', 'event_date']);
  });

  test('functions and keywords after columns', async () => {
    const names = await labels('SELECT cou| FROM user_logs');
    expect(names).toContain('count');
    expect(names).toContain('count_if');
    expect(await labels('SELECT * FROM user_logs WHER|')).toEqual(['WHERE']);
    expect(await labels('SELECT * FROM user_logs wher|')).toEqual(['where']);
    expect(await labels('SELECT * FROM user_logs WH|')).toEqual(['WHERE', 'WHEN']);
  });

  test('settings after SET', async () => {
    expect(await labels('SET time|')).toEqual(['time_zone', 'timeout']);
  });

  test('parameters', async () => {
    expect(await labels('SELECT * FROM user_logs WHERE store_id = :st|')).toEqual([':store']);
    expect(await labels('SELECT * FROM user_logs WHERE store_id = |')).toContain(':store');
  });

  test('JSON keys sampled from detail', async () => {
    const keys = await labels("SELECT detail->>'| FROM user_logs");
    expect(keys).toEqual(expect.arrayContaining(['page_type', 'category']));
    expect(await labels('SELECT detail->>| FROM user_logs')).toContain("'page_type'");
  });

  test('meta-command names and arguments', async () => {
    expect(await labels('\\for|')).toEqual(['\\format']);
    expect(await labels('\\format c|')).toEqual(['csv']);
    expect(await labels('\\d us|')).toEqual(['user_logs']);
  });

  test('file names for \\i', async () => {
    fs.writeFileSync(path.join(directory, 'report.sql'), 'SELECT 1;\n');
    expect(await labels(`\\i ${directory}/rep|`)).toEqual([`${directory}/report.sql`]);
  });
});

describe('Tab in the shell', () => {
  test('one candidate completes the word', async () => {
    shell = renderRepl(engine);
    const { press, controller, waitFor } = shell;
    await press('SELECT * FROM us', KEYS.tab);
    await waitFor(() => controller.view.buffer.text === 'SELECT * FROM user_logs ');
  });

  test('a column of the FROM table', async () => {
    shell = renderRepl(engine);
    const { press, controller, waitFor } = shell;
    await press(' FROM user_logs', KEYS.ctrlA, 'SELECT sess', KEYS.tab);
    await waitFor(() => controller.view.buffer.text === 'SELECT session_id FROM user_logs');
  });

  test('several candidates extend the common start and list the choices', async () => {
    shell = renderRepl(engine);
    const { press, controller, waitFor } = shell;
    await press('SET time', KEYS.tab);
    const frame = await waitFor((f) => f.includes('time_zone') && f.includes('timeout'));
    expect(frame).toMatch(/time_zone\s+timeout/);
    expect(controller.view.buffer.text).toBe('SET time');
    await press('_', KEYS.tab);
    await waitFor(() => controller.view.buffer.text === 'SET time_zone ');
  });

  test('a JSON key closes the string', async () => {
    shell = renderRepl(engine);
    const { press, controller, waitFor } = shell;
    await press(" FROM user_logs", KEYS.ctrlA, "SELECT detail->>'page_t", KEYS.tab);
    await waitFor(() => controller.view.buffer.text === "SELECT detail->>'page_type' FROM user_logs");
  });
});
