import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../src/api/engine.js';
import { renderBarChart } from '../../repl/output/bar-chart.js';
import { generateStore, openStore, renderRepl, temporaryDirectory, type RenderedRepl } from './support.js';

let engine: Engine;
let directory: string;
let otherDb: string;
let shell: RenderedRepl | null = null;

beforeAll(async () => {
  directory = temporaryDirectory('meta');
  engine = await openStore(generateStore(directory));
  otherDb = generateStore(directory, 'other.db');
}, 180_000);

afterAll(async () => {
  await engine.close();
  fs.rmSync(directory, { recursive: true, force: true });
});

afterEach(() => {
  shell?.unmount();
  shell = null;
});

/** Starts a shell, runs each line in turn and returns the frame after the last one finished. */
async function run(...inputs: string[]): Promise<string> {
  shell ??= renderRepl(engine, { columns: 100 });
  for (const input of inputs) {
    await shell.submit(input);
    await shell.controller.idle();
  }
  return shell.frame();
}

describe('meta-commands', () => {
  test('\\help lists commands and keys', async () => {
    const frame = await run('\\help');
    for (const command of ['\\dt', '\\d TABLE', '\\format', '\\x [on|off|auto]', '\\timing', '\\o [FILE]', '\\i FILE', '\\set', '\\unset NAME', '\\explain SQL', '\\connect', '\\chart', '\\q']) {
      expect(frame).toContain(command);
    }
    expect(frame).toContain('Ctrl-R');
  });

  test('\\dt lists the tables', async () => {
    const frame = await run('\\dt');
    expect(frame).toMatch(/│ user_logs │/);
  });

  test('\\d describes columns, key layout and time buckets', async () => {
    const frame = await run('\\d user_logs');
    expect(frame).toMatch(/│ store_id\s+│ int\s+│ BIGINT\s+│ partition key 1\s+│/);
    expect(frame).toMatch(/│ event_time\s+│ virtual: log_time/);
    expect(frame).toContain('partition key: (store_id, year, month, day, hour)');
    expect(frame).toContain('clustering: event_id ASC, user_id ASC, session_id ASC, log_time ASC');
    expect(frame).toContain('time buckets: hourly partitions; year, month, day, hour are the UTC calendar fields of log_time');
  });

  test('\\d of an unknown table fails with a hint', async () => {
    const frame = await run('\\d nope');
    expect(frame).toContain('error: table nope does not exist');
  });

  test('unknown meta-command', async () => {
    const frame = await run('\\bogus');
    expect(frame).toContain('error: unknown command \\bogus; \\help lists the commands');
  });

  test('\\format json and an invalid format', async () => {
    const frame = await run('\\format json', 'SELECT 1 AS one;', '\\format bogus');
    expect(frame).toContain('[\n{"one":1}\n]');
    expect(frame).toContain('error: unknown format bogus; choose one of table, vertical, csv, tsv, json, ndjson, markdown');
  });

  test('\\x on shows vertical rows and \\x off goes back', async () => {
    const frame = await run('\\x on', 'SELECT 1 AS one, 2 AS two;', '\\x off', 'SELECT 3 AS three;');
    expect(frame).toContain('─[ row 1 ]');
    expect(frame).toMatch(/^one\s+│ 1$/m);
    expect(frame).toMatch(/│\s+three │/);
  });

  test('\\o writes results to a file until \\o alone', async () => {
    const file = path.join(directory, 'out.csv');
    const frame = await run('\\format csv', `\\o ${file}`, 'SELECT store_id, count(*) AS n FROM user_logs GROUP BY 1 ORDER BY 1;', '\\o', 'SELECT 9 AS nine;');
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^store_id,n\n1,\d+\n2,\d+\n$/);
    expect(frame).toContain(`(2 rows written to ${file}, `);
    expect(frame).toContain('results go to the screen');
    expect(frame).toMatch(/^nine\n9$/m);
  });

  test('\\i runs a file and stops at the first error', async () => {
    const script = path.join(directory, 'script.sql');
    fs.writeFileSync(script, ['\\timing off', 'SELECT 1', '  AS from_file;', 'SELECT nope FROM user_logs;', 'SELECT 2 AS never;', ''].join('\n'));
    const frame = await run(`\\i ${script}`);
    expect(frame).toMatch(/│\s+from_file │/);
    expect(frame).toContain('(1 row)');
    expect(frame).toContain('1 | SELECT nope FROM user_logs;');
    expect(frame).toContain(`stopped ${script} at line 4`);
    expect(frame).not.toContain('never');
  });

  test('\\set parameters are bound to :NAME, \\unset removes them', async () => {
    const frame = await run('\\set store 2', 'SELECT count(DISTINCT store_id) AS stores, min(store_id) AS low FROM user_logs WHERE store_id = :store;', '\\set');
    expect(frame).toMatch(/│\s+1 │\s+2 │/);
    expect(frame).toContain(':store = 2');
    expect(frame).toMatch(/time_zone = UTC/);
    const after = await run('\\unset store', 'SELECT count(*) FROM user_logs WHERE store_id = :store;');
    expect(after.slice(after.lastIndexOf('\\unset store'))).toContain('error:');
  });

  test('\\set with a quoted text value', async () => {
    const frame = await run("\\set label 'it''s'", 'SELECT :label AS label;');
    expect(frame).toMatch(/│ it's\s+│/);
  });

  test('\\explain shows the plan without running the query', async () => {
    const frame = await run('\\explain SELECT count(*) FROM user_logs WHERE store_id = 1');
    expect(frame).not.toContain('error:');
    expect(frame).not.toMatch(/\(\d+ rows?/);
    expect(shell!.controller.view.transcript.at(-1)!.kind).toBe('text');
  });

  test('\\connect opens another store and changes the prompt', async () => {
    const connected = renderRepl(await openStore(otherDb), { columns: 100 });
    shell = connected;
    const frame = await run(`\\connect --db ${path.join(directory, 'events.db')}`, 'SELECT count(*) AS n FROM user_logs;');
    expect(frame).toContain(`connected to ${path.join(directory, 'events.db')}`);
    expect(frame).toContain('events=> SELECT count(*) AS n FROM user_logs;');
    await connected.controller.close();
  });

  test('\\connect rejects unknown options and never shows a password', async () => {
    const frame = await run('\\connect --cassandra 127.0.0.1 --password hunter2');
    expect(frame).not.toContain('hunter2');
    expect(frame).toContain('--password ***');
    expect(frame).toMatch(/error: unknown option '--password'/);
  });

  test('\\chart draws the last result as bars', async () => {
    const frame = await run('SELECT event_id, count(*) AS events FROM user_logs GROUP BY 1 ORDER BY 1;', '\\chart');
    expect(frame).toContain('event_id by events');
    expect(frame).toMatch(/^1 │█+.* [\d,]+$/m);
  });

  test('\\chart without a result', async () => {
    const frame = await run('\\chart');
    expect(frame).toContain('error: no result to chart yet');
  });
});

describe('bar chart', () => {
  const columns = [
    { name: 'page', type: 'TEXT' as const },
    { name: 'views', type: 'BIGINT' as const },
  ];

  test('the largest value fills the bar space', () => {
    const text = renderBarChart(columns, [['/home', 100n], ['/cart', 50n], ['/x', null]], { width: 40, timeZone: 'UTC' });
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('page by views');
    expect(lines[1]).toBe(`/home │${'█'.repeat(28)} 100`);
    expect(lines[2]).toBe(`/cart │${'█'.repeat(14)}${' '.repeat(14)}  50`);
    expect(lines[3]).toBe('(1 row with NULL views not drawn)');
  });

  test('named columns and a text value column', () => {
    expect(() => renderBarChart(columns, [['/a', 1n]], { valueColumn: 'page', width: 40, timeZone: 'UTC' })).toThrow(/page is TEXT/);
    expect(() => renderBarChart(columns, [['/a', 1n]], { labelColumn: 'nope', width: 40, timeZone: 'UTC' })).toThrow(/no column nope; its columns are page, views/);
  });
});
