import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../src/api/engine.js';
import { QueryResult } from '../../src/api/result.js';
import { CancelledError } from '../../src/errors.js';
import { newQueryStats } from '../../src/executor/execute.js';
import type { Row } from '../../src/executor/values.js';
import type { ReplEngine } from '../../repl/engine-port.js';
import { progressLine } from '../../repl/output/progress-text.js';
import { generateStore, KEYS, openStore, renderRepl, temporaryDirectory, type RenderedRepl } from './support.js';

let engine: Engine;
let directory: string;
let shell: RenderedRepl | null = null;

beforeAll(async () => {
  directory = temporaryDirectory('progress');
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

/**
 * Wraps the real engine so that a query naming `slow_scan` takes `tasks` × `taskMs`, reports
 * progress after each task as the executor does, and stops when its signal aborts.
 */
function slowEngine(base: Engine, tasks: number, taskMs: number): ReplEngine {
  return {
    get targetDescription() {
      return base.targetDescription;
    },
    catalog: base.catalog,
    settings: base.settings,
    describeSettings: () => base.describeSettings(),
    explain: (...args) => base.explain(...args),
    close: async () => undefined,
    run: async (statement, params, options = {}) => {
      const isSlow = statement.kind === 'query' && JSON.stringify(statement).includes('slow_scan');
      if (!isSlow) return base.run(statement, params, options);
      const startedAt = performance.now();
      const stats = newQueryStats();
      async function* rows(): AsyncGenerator<Row[]> {
        for (let done = 1; done <= tasks; done++) {
          await new Promise((resolve) => setTimeout(resolve, taskMs));
          if (options.signal?.aborted) throw new CancelledError('the query was cancelled');
          stats.tasksDone = done;
          stats.tasksTotal = tasks;
          stats.rowsScanned = done * 1000;
          stats.partitions = done;
          options.onProgress?.({ tasksDone: done, tasksTotal: tasks, partitions: done, pages: done, rowsScanned: done * 1000, bytes: 0, elapsedMs: performance.now() - startedAt });
        }
        yield [[BigInt(tasks * 1000)]];
      }
      return new QueryResult([{ name: 'rows', type: 'BIGINT' }], rows(), () => ({ stats, elapsedMs: performance.now() - startedAt }));
    },
  };
}

const SLOW_QUERY = "SELECT count(*) AS slow_scan FROM user_logs;";

describe('progress line text', () => {
  test('bar, tasks, rows, rate and time left', () => {
    const line = progressLine({ tasksDone: 12, tasksTotal: 48, rowsScanned: 1_200_000, elapsedMs: 3000 }, 120);
    expect(line).toBe('[██████░░░░░░░░░░░░░░░░░░] 12/48 tasks  1,200,000 rows  400k rows/s  3.00 s  about 9.00 s left');
  });

  test('the bar shrinks to fit, then goes', () => {
    const progress = { tasksDone: 12, tasksTotal: 48, rowsScanned: 1_200_000, elapsedMs: 3000 };
    expect(progressLine(progress, 80)).toBe('[███░░░░░░░] 12/48 tasks  1,200,000 rows  400k rows/s  3.00 s  about 9.00 s left');
    expect(progressLine(progress, 70)).toBe('12/48 tasks  1,200,000 rows  400k rows/s  3.00 s  about 9.00 s left');
  });

  test('no bar before the total is known', () => {
    expect(progressLine({ tasksDone: 0, tasksTotal: 0, rowsScanned: 0, elapsedMs: 700 }, 80)).toBe('running  0 rows  0 rows/s  700 ms');
  });

  test('cut to the width', () => {
    expect([...progressLine({ tasksDone: 1, tasksTotal: 2, rowsScanned: 5, elapsedMs: 1000 }, 30)]).toHaveLength(30);
  });
});

describe('progress bar in the shell', () => {
  test('appears after half a second and is replaced by the footer', async () => {
    shell = renderRepl(slowEngine(engine, 10, 150), { columns: 100 });
    const submittedAt = performance.now();
    await shell.submit(SLOW_QUERY);
    const frame = await shell.waitFor((f) => /\d+\/10 tasks/.test(f));
    expect(performance.now() - submittedAt).toBeGreaterThanOrEqual(450);
    expect(frame).toMatch(/\[█*░*\] \d+\/10 tasks {2}[\d,]+ rows {2}[\d.]+k? rows\/s {2}[\d.]+ (ms|s)/);
    expect(frame).toContain('(Ctrl-C cancels)');
    await shell.controller.idle();
    const done = await shell.waitFor((f) => f.includes('(1 row, '));
    expect(done).not.toMatch(/tasks/);
    expect(done).toMatch(/\(1 row, 1\.\d\d s, 10 partitions, 10,000 rows scanned, [\d.]+k rows\/s\)/);
  });

  test('redraws at most about ten times a second', async () => {
    shell = renderRepl(slowEngine(engine, 10, 200));
    await shell.submit(SLOW_QUERY);
    await shell.controller.idle();
    const progressFrames = shell.frames().filter((frame) => frame.includes('/10 tasks'));
    // The bar shows from 0.5 s to 2 s, 1.5 s at one redraw per 100 ms tick.
    expect(progressFrames.length).toBeGreaterThanOrEqual(5);
    expect(progressFrames.length).toBeLessThanOrEqual(18);
  });

  test('stays hidden for a quick query', async () => {
    shell = renderRepl(engine);
    // The first query starts the engine's worker threads, which can take longer than the delay.
    await shell.submit('SELECT count(*) AS n FROM user_logs;');
    await shell.controller.idle();
    const before = shell.frames().length;
    await shell.submit('SELECT count(*) AS m FROM user_logs;');
    await shell.controller.idle();
    await shell.waitFor((f) => f.includes('│ m') || /│\s+m │/.test(f));
    expect(shell.frames().slice(before).some((frame) => frame.includes('rows/s  '))).toBe(false);
  });
});

describe('Ctrl-C while a query runs', () => {
  test('cancels it and returns to a working prompt', async () => {
    shell = renderRepl(slowEngine(engine, 100, 100));
    await shell.submit(SLOW_QUERY);
    await shell.waitFor((f) => f.includes('/100 tasks'));
    await shell.press(KEYS.ctrlC);
    const frame = await shell.waitFor((f) => /cancelled after [\d.]+ (ms|s)/.test(f), 5000);
    expect(frame).not.toContain('error:');
    expect(shell.controller.view.mode).toBe('editing');
    await shell.submit('SELECT 5 AS five;');
    await shell.waitFor((f) => /│\s+5 │/.test(f));
  });

  test('keys typed while a query runs are handled after it', async () => {
    shell = renderRepl(slowEngine(engine, 5, 100));
    await shell.submit(SLOW_QUERY);
    await shell.press('SELECT 6 AS six;', KEYS.enter);
    const frame = await shell.waitFor((f) => /│\s+6 │/.test(f));
    expect(frame.indexOf('5,000')).toBeLessThan(frame.indexOf('events=> SELECT 6 AS six;'));
  });

  test('Ctrl-C also drops keys typed during the query', async () => {
    shell = renderRepl(slowEngine(engine, 100, 100));
    await shell.submit(SLOW_QUERY);
    await shell.press('SELECT 8 AS eight;', KEYS.enter);
    await shell.press(KEYS.ctrlC);
    await shell.waitFor((f) => f.includes('cancelled after'));
    await shell.controller.idle();
    expect(shell.frame()).not.toContain('eight');
  });

  test('Ctrl-C in the same read as Enter cancels', async () => {
    shell = renderRepl(slowEngine(engine, 100, 100));
    await shell.press(`${SLOW_QUERY}\r\u0003`);
    await shell.waitFor((f) => f.includes('cancelled after'), 5000);
    expect(shell.controller.view.buffer.text).toBe('');
  });
});
