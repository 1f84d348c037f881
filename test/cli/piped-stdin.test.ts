import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateStore, requireBuiltCli, runCli } from './cli-process.js';

let folder: string;

beforeAll(() => {
  requireBuiltCli();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cassalytics-cli-stdin-'));
  generateStore(folder);
});

afterAll(() => {
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('cassalytics with piped statements', () => {
  it('runs every statement read from standard input', () => {
    const result = runCli(['--db', 'events.db', '--set', 'workers=1'], folder, { input: 'SELECT 1 AS one;\nSELECT count(*) > 0 AS any FROM user_logs;\n' });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('one\n1\nany\ntrue\n');
  });

  it('uses --format', () => {
    const result = runCli(['--db', 'events.db', '--format', 'json'], folder, { input: "SELECT 'x' AS v" });
    expect(JSON.parse(result.stdout)).toEqual([{ v: 'x' }]);
  });

  it('writes no terminal output to stderr', () => {
    expect(runCli(['--db', 'events.db'], folder, { input: 'SELECT 1 AS one' }).stderr).toBe('');
  });

  it('exits 1 with the location in <stdin>', () => {
    const result = runCli(['--db', 'events.db'], folder, { input: 'SELECT 1;\nSELEC 2;' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(' --> <stdin>:2:1');
  });

  it('prints the overview when standard input is empty', () => {
    const result = runCli(['--db', 'events.db'], folder, { input: '' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^user_logs in .*events\.db: [\d,]+ rows/);
  });

  it('exits 2 for an unknown command', () => {
    const result = runCli(['frobnicate'], folder);
    expect(result.status).toBe(2);
  });
});
