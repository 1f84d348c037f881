import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CLI, generateStore, temporaryDirectory } from './support.js';

let directory: string;
let db: string;

beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
  directory = temporaryDirectory('piped');
  db = generateStore(directory);
}, 120_000);

afterAll(() => {
  fs.rmSync(directory, { recursive: true, force: true });
});

test('piped statements produce no shell output', () => {
  const result = spawnSync(process.execPath, [CLI, '--db', db, '--set', 'workers=1'], {
    input: 'SELECT 1;\n',
    encoding: 'utf8',
    env: { ...process.env, CASSALYTICS_HISTORY: `${directory}/history` },
    timeout: 60_000,
  });
  const output = result.stdout + result.stderr;
  // ink writes escape sequences (cursor hiding, line erasing) and the shell prints a banner and prompts.
  expect(output).not.toMatch(/\u001b/);
  expect(output).not.toContain('events=>');
  expect(output).not.toContain('\\help lists commands');
  expect(result.status).toBe(0);
  expect(result.stdout).toBe('1\n1\n');
  expect(fs.existsSync(`${directory}/history`)).toBe(false);
});
