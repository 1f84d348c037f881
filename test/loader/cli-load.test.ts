import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../src/store/store.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'dist/src/cli/main.js');
const HEADER = 'store_id,year,month,day,hour,event_id,url,user_id,session_id,log_time,detail';

let folder: string;

beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" before these tests`);
});

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cassalytics-cli-load-'));
});

afterEach(() => {
  fs.rmSync(folder, { recursive: true, force: true });
});

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: folder, encoding: 'utf8', env: { ...process.env, CASSALYTICS_DEBUG: '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function line(n: number): string {
  return `1,2026,11,16,10,1,https://food-lover.abc/,user-${n},session-${n},${1794823200000 + n},"{""page_type"":""home""}"`;
}

function input(name: string, lines: string[]): string {
  const file = path.join(folder, name);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('cassalytics load', () => {
  it('summarizes a clean file', () => {
    const file = input('clean.csv', [HEADER, line(1), line(2), line(1)]);
    const result = run('load', '--db', 'out.db', '--create', file);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`${file}: 3 rows read, 3 written, 0 rejected, 1 repeated keys`);
    expect(result.stdout).toContain('1 rows repeated an earlier primary key; Cassandra keeps the last one');
    expect(result.stderr).toBe('');
  });

  it('exits 1 when a row is rejected', () => {
    const file = input('bad.csv', [HEADER, line(1), line(2).replace(/^1,/, 'x,')]);
    const result = run('load', '--db', 'out.db', '--create', file);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('2 rows read, 1 written, 1 rejected');
    expect(result.stdout).toContain(`rejected rows with line numbers and reasons: ${file}.reject.csv`);
    expect(fs.readFileSync(`${file}.reject.csv`, 'utf8')).toContain(`${file},3,"column ""store_id"" (int): ""x"" is not an integer"`);
  });

  it('shares one reject file', () => {
    const first = input('a.csv', [HEADER, line(1).replace(/^1,/, 'x,')]);
    const second = input('b.csv', [HEADER, line(2).replace(/^1,/, 'y,')]);
    const result = run('load', '--db', 'out.db', '--create', '--reject-file', 'all.csv', first, second);
    expect(result.status).toBe(1);
    const rejects = fs.readFileSync(path.join(folder, 'all.csv'), 'utf8').trim().split('\n');
    expect(rejects).toHaveLength(3);
    expect(rejects[1]).toMatch(/a\.csv,2,/);
    expect(rejects[2]).toMatch(/b\.csv,2,/);
    expect(result.stdout).toContain('total into user_logs');
  });

  it('reports an empty file', () => {
    const file = input('empty.csv', []);
    fs.writeFileSync(file, '');
    const result = run('load', '--db', 'out.db', '--create', file);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`error: ${file} is empty: expected a CSV header line or NDJSON objects\n`);
  });

  it('names the missing key column of a header', () => {
    const file = input('header.csv', [HEADER.replace(',session_id', '')]);
    const result = run('load', '--db', 'out.db', '--create', file);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('header lacks primary-key column "session_id"');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('asks for --create when the table is missing', () => {
    const file = input('clean.csv', [HEADER, line(1)]);
    const result = run('load', '--db', 'out.db', file);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/table user_logs not found in .*out\.db; pass --create or run "cassalytics init" first/);
  });

  it('loads into a table made by init', () => {
    expect(run('init', '--db', 'out.db', '--table', 'events').stdout).toMatch(/table events created in .*out\.db/);
    expect(run('init', '--db', 'out.db', '--table', 'events').stdout).toMatch(/table events already exists/);
    const file = input('clean.csv', [HEADER, line(1)]);
    expect(run('load', '--db', 'out.db', '--table', 'events', file).status).toBe(0);
    const store = EmbeddedStore.open(path.join(folder, 'out.db'), { readonly: true });
    try {
      expect([...store.scan(store.table('events')!)]).toHaveLength(1);
    } finally {
      store.close();
    }
  });

  it('omits progress when redirected', () => {
    const file = input('many.csv', [HEADER, ...Array.from({ length: 5000 }, (_, n) => line(n))]);
    const result = run('load', '--db', 'out.db', '--create', '--batch-size', '10', file);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toMatch(/[\r\x1b]/);
  });

  it.each([
    [['load', 'x.csv'], /no target given: pass --db PATH or --cassandra HOSTS/],
    [['load', '--db', 'a.db', '--cassandra', 'localhost', 'x.csv'], /--db and --cassandra exclude each other/],
    [['load', '--db', 'a.db', '--batch-size', '0', 'x.csv'], /--batch-size must be an integer from 1 to 100000/],
    [['load', '--db', 'a.db', '--format', 'xml', 'x.csv'], /--format must be one of csv, ndjson/],
    [['load', '--db', 'a.db'], /missing required argument 'files'/],
    [['load', '--db', 'a.db', '--no-such-option', 'x.csv'], /unknown option '--no-such-option'/],
  ])('exits 2 for usage %j', (args, message) => {
    const result = run(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it.each([['load'], ['generate'], ['init'], []])('prints help for %j', (...command) => {
    const result = run(...command.filter((word) => word !== undefined), '--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: cassalytics/);
  });

  it('prints the package version', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const result = run('--version');
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(manifest.version);
  });
});
