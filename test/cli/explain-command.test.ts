import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateStore, requireBuiltCli, runCli, type CliRun } from './cli-process.js';

let folder: string;

function explain(...args: string[]): CliRun {
  return runCli(['explain', '--db', 'events.db', '--set', 'workers=1', ...args], folder);
}

const COUNT_ONE_DAY = "SELECT count(*) FROM user_logs WHERE store_id = 1 AND event_date = DATE '2026-11-17'";

beforeAll(() => {
  requireBuiltCli();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cassalytics-cli-explain-'));
  generateStore(folder);
});

afterAll(() => {
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('cassalytics explain', () => {
  it('prints the plan as text in a pipe', () => {
    const result = explain(COUNT_ONE_DAY);
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('Project count(*)');
  });

  it('shows the enumerated partitions', () => {
    expect(explain(COUNT_ONE_DAY).stdout).toContain('partitions: 24 enumerated from store_id in {1}');
  });

  it('adds operator figures with --analyze', () => {
    expect(explain('--analyze', COUNT_ONE_DAY).stdout).toMatch(/^executed: \d+ tasks?, 24 partitions/m);
  });

  it('writes one row per plan line with --format csv', () => {
    expect(explain('--format', 'csv', COUNT_ONE_DAY).stdout.split('\n').slice(0, 2)).toEqual(['plan', 'Project count(*)']);
  });

  it('exits 2 for a statement that is not a query', () => {
    const result = explain('SHOW TABLES');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('error: explain takes one SELECT query, and the text has a SHOW TABLES statement');
  });

  it('exits 1 with a caret for an unknown table', () => {
    const result = explain('SELECT count(*) FROM user_log');
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n').slice(2, 4)).toEqual(['1 | SELECT count(*) FROM user_log', '  |                      ^^^^^^^^']);
  });
});
