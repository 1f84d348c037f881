import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../src/api/engine.js';
import { generateStore, KEYS, openStore, renderRepl, temporaryDirectory, type RenderedRepl } from './support.js';

let engine: Engine;
let directory: string;
let shell: RenderedRepl | null = null;

beforeAll(async () => {
  directory = temporaryDirectory('editing');
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

function start(options: Parameters<typeof renderRepl>[1] = {}): RenderedRepl {
  shell = renderRepl(engine, options);
  return shell;
}

describe('line editing', () => {
  test('typed text appears after the prompt', async () => {
    const { press, waitFor } = start();
    await press('SELECT 1');
    const frame = await waitFor((f) => f.includes('events=> SELECT 1'));
    expect(frame).toContain('events=> SELECT 1');
  });

  test('cursor keys and backspace edit in the middle', async () => {
    const { press, controller } = start();
    await press('SELECT 12', KEYS.left, KEYS.backspace, '3');
    expect(controller.view.buffer.text).toBe('SELECT 32');
    await press(KEYS.ctrlA, 'x');
    expect(controller.view.buffer.text).toBe('xSELECT 32');
    await press(KEYS.ctrlE, KEYS.ctrlW);
    expect(controller.view.buffer.text).toBe('xSELECT ');
    await press(KEYS.ctrlA, KEYS.right, KEYS.ctrlK);
    expect(controller.view.buffer.text).toBe('x');
    await press(KEYS.ctrlU);
    expect(controller.view.buffer.text).toBe('');
  });

  test('Ctrl-C clears a non-empty prompt', async () => {
    const { press, controller, waitFor } = start();
    await press('SELECT broken');
    await press(KEYS.ctrlC);
    expect(controller.view.buffer.text).toBe('');
    expect(controller.view.mode).toBe('editing');
    await press(KEYS.ctrlC);
    await waitFor((f) => f.includes('type \\q or press Ctrl-D'));
  });

  test('Ctrl-D on an empty prompt exits', async () => {
    const { press, controller } = start();
    await press(KEYS.ctrlD);
    expect(controller.view.mode).toBe('exited');
  });

  test('Ctrl-D on a non-empty prompt deletes forward', async () => {
    const { press, controller } = start();
    await press('ab', KEYS.left, KEYS.ctrlD);
    expect(controller.view.buffer.text).toBe('a');
    expect(controller.view.mode).toBe('editing');
  });

  test('\\q exits', async () => {
    const { submit, controller } = start();
    await submit('\\q');
    await controller.idle();
    expect(controller.view.mode).toBe('exited');
  });
});

describe('multi-line statements', () => {
  test('Enter without ; continues with a continuation prompt', async () => {
    const { press, submit, waitFor, controller } = start();
    await submit('SELECT count(*) AS n');
    await waitFor((f) => /^events->$/m.test(f));
    expect(controller.view.mode).toBe('editing');
    expect(controller.view.buffer.text).toBe('SELECT count(*) AS n\n');
    await press('FROM user_logs;', KEYS.enter);
    const frame = await waitFor((f) => f.includes('(1 row'));
    expect(frame).toContain('events=> SELECT count(*) AS n');
    expect(frame).toContain('events-> FROM user_logs;');
    expect(frame).toMatch(/│\s+\d+ │/);
  });

  test('continuation prompt shows an open string', async () => {
    const { press, waitFor } = start();
    await press("SELECT 'abc", KEYS.enter);
    const frame = await waitFor((f) => /^events'>$/m.test(f));
    expect(frame).toContain("events=> SELECT 'abc");
  });

  test('continuation prompt shows an open parenthesis', async () => {
    const { press, waitFor } = start();
    await press('SELECT count(', KEYS.enter);
    await waitFor((f) => /^events\(>$/m.test(f));
  });

  test('a ; inside a string or comment does not end the statement', async () => {
    const { press, controller } = start();
    await press("SELECT 'a;' -- b;", KEYS.enter);
    expect(controller.view.mode).toBe('editing');
    expect(controller.view.buffer.text).toBe("SELECT 'a;' -- b;\n");
  });

  test('Alt-Enter inserts a line break in a complete statement', async () => {
    const { press, controller } = start();
    await press('SELECT 1;', KEYS.altEnter);
    expect(controller.view.buffer.text).toBe('SELECT 1;\n');
  });

  test('pasted lines run one statement after another', async () => {
    const { press, waitFor } = start();
    await press('SELECT 1 AS a;\rSELECT 2 AS b;\r');
    const frame = await waitFor((f) => f.split('(1 row').length === 3);
    expect(frame.search(/│\s+a │/)).toBeGreaterThan(0);
    expect(frame.search(/│\s+a │/)).toBeLessThan(frame.search(/│\s+b │/));
  });

  test('several statements on one line run in order', async () => {
    const { submit, waitFor } = start();
    await submit('SELECT 1 AS a; SELECT 2 AS b;');
    const frame = await waitFor((f) => f.split('(1 row').length === 3);
    expect(frame.search(/│\s+a │/)).toBeGreaterThan(0);
    expect(frame.search(/│\s+a │/)).toBeLessThan(frame.search(/│\s+b │/));
  });
});

describe('history', () => {
  test('Up and Down recall earlier statements', async () => {
    const { submit, press, controller, waitFor } = start();
    await submit('SELECT 1 AS first;');
    await waitFor(() => controller.view.mode === 'editing' && controller.view.transcript.some((e) => e.kind === 'result'));
    await submit('SELECT 2 AS second;');
    await waitFor((f) => f.includes('second'));
    await controller.idle();
    await press('draft', KEYS.up);
    expect(controller.view.buffer.text).toBe('SELECT 2 AS second;');
    await press(KEYS.up);
    expect(controller.view.buffer.text).toBe('SELECT 1 AS first;');
    await press(KEYS.down, KEYS.down);
    expect(controller.view.buffer.text).toBe('draft');
  });

  test('multi-line entries come back whole', async () => {
    const { press, controller } = start();
    await press('SELECT 1', KEYS.enter, 'AS x;', KEYS.enter);
    await controller.idle();
    await press(KEYS.up);
    expect(controller.view.buffer.text).toBe('SELECT 1\nAS x;');
  });

  test('history persists in the history file across sessions', async () => {
    const file = path.join(directory, 'history-persist');
    const first = start({ historyFile: file });
    await first.submit('SELECT 42 AS answer;');
    await first.controller.idle();
    first.unmount();
    shell = null;

    expect(fs.readFileSync(file, 'utf8')).toBe('SELECT 42 AS answer;\n');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const second = start({ historyFile: file });
    await second.press(KEYS.up);
    expect(second.controller.view.buffer.text).toBe('SELECT 42 AS answer;');
  });

  test('lines with a password are not stored', async () => {
    const file = path.join(directory, 'history-secret');
    const { submit, controller } = start({ historyFile: file });
    await submit("SELECT 'my password is x' AS p;");
    await controller.idle();
    await submit('\\connect --cassandra 127.0.0.1 --username u --password-file /tmp/pw');
    await controller.idle();
    await submit('SELECT 1 AS kept;');
    await controller.idle();
    expect(controller.historyEntries).toEqual(['SELECT 1 AS kept;']);
    expect(fs.readFileSync(file, 'utf8')).toBe('SELECT 1 AS kept;\n');
  });

  test('Ctrl-R finds an earlier statement by a substring', async () => {
    const { submit, press, controller, waitFor } = start();
    for (const sql of ['SELECT 1 AS alpha;', 'SELECT 2 AS beta;', 'SELECT 3 AS gamma;']) {
      await submit(sql);
      await controller.idle();
    }
    await press(KEYS.ctrlR, 'alp');
    const frame = await waitFor((f) => f.includes("(reverse-i-search)'alp': SELECT 1 AS alpha;"));
    expect(frame).toContain("(reverse-i-search)'alp'");
    await press(KEYS.escape);
    await waitFor(() => controller.view.search === null);
    expect(controller.view.buffer.text).toBe('SELECT 1 AS alpha;');
  });

  test('Ctrl-R again moves to older matches and Enter runs the match', async () => {
    const { submit, press, controller, waitFor } = start();
    for (const sql of ['SELECT 10 AS n;', 'SELECT 20 AS n;']) {
      await submit(sql);
      await controller.idle();
    }
    await press(KEYS.ctrlR, 'AS n');
    expect(controller.view.search?.match).toBe('SELECT 20 AS n;');
    await press(KEYS.ctrlR);
    expect(controller.view.search?.match).toBe('SELECT 10 AS n;');
    await press(KEYS.enter);
    await controller.idle();
    await waitFor(() => controller.view.transcript.filter((e) => e.kind === 'result').length === 3);
    expect(controller.historyEntries.at(-1)).toBe('SELECT 10 AS n;');
  });

  test('Ctrl-R reports a failed search', async () => {
    const { press, waitFor } = start();
    await press(KEYS.ctrlR, 'zzz');
    await waitFor((f) => f.includes("(failed reverse-i-search)'zzz'"));
  });
});
