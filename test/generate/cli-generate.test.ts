import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../src/store/store.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'dist/src/cli/main.js');

let folder: string;

beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" before these tests`);
});

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cassalytics-cli-generate-'));
});

afterEach(() => {
  fs.rmSync(folder, { recursive: true, force: true });
});

function run(args: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: folder,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function countRows(db: string): number {
  const store = EmbeddedStore.open(path.join(folder, db), { readonly: true });
  try {
    return (store.database.prepare('SELECT count(*) AS n FROM user_logs').get() as { n: number }).n;
  } finally {
    store.close();
  }
}

describe('cassalytics generate', () => {
  it('writes the same CSV for the same options', () => {
    expect(run(['generate', '--events', '3000', '--output', 'a.csv']).status).toBe(0);
    expect(run(['generate', '--events', '3000', '--output', 'b.csv']).status).toBe(0);
    const a = fs.readFileSync(path.join(folder, 'a.csv'), 'utf8');
    expect(a).toBe(fs.readFileSync(path.join(folder, 'b.csv'), 'utf8'));
    expect(a.split('\n')[0]).toBe('store_id,year,month,day,hour,event_id,user_id,session_id,log_time,url,detail');
  });

  it('writes output that loads back without rejects', () => {
    const generated = run(['generate', '--events', '3000', '--output', 'events.csv']);
    expect(generated.stderr).toMatch(/^generated [\d,]+ events for 3 stores from 2026-11-16 over 14 days into events\.csv/);
    const rows = fs.readFileSync(path.join(folder, 'events.csv'), 'utf8').trim().split('\n').length - 1;

    const loaded = run(['load', '--db', 'out.db', '--create', 'events.csv']);
    expect(loaded.status).toBe(0);
    expect(loaded.stdout).toContain(`${rows.toLocaleString('en-US')} written, 0 rejected, 0 repeated keys`);
    expect(countRows('out.db')).toBe(rows);
  });

  it('writes gzipped NDJSON that loads back', () => {
    expect(run(['generate', '--events', '2000', '--seed', '5', '--output', 'events.ndjson.gz']).status).toBe(0);
    const text = gunzipSync(fs.readFileSync(path.join(folder, 'events.ndjson.gz'))).toString('utf8');
    const first = JSON.parse(text.split('\n')[0]!) as Record<string, unknown>;
    expect(typeof first['log_time']).toBe('number');
    const loaded = run(['load', '--db', 'out.db', '--create', 'events.ndjson.gz']);
    expect(loaded.status).toBe(0);
    expect(countRows('out.db')).toBe(text.trim().split('\n').length);
  });

  it('writes into the embedded store', () => {
    const result = run(['generate', '--events', '4000', '--stores', '2', '--days', '3', '--db', 'gen.db']);
    expect(result.status).toBe(0);
    const written = Number(/generated ([\d,]+) events/.exec(result.stderr)![1]!.replaceAll(',', ''));
    expect(countRows('gen.db')).toBe(written);
  });

  it('loads malformed details as text', () => {
    expect(run(['generate', '--events', '3000', '--malformed-rate', '0.1', '--output', 'm.csv']).status).toBe(0);
    const loaded = run(['load', '--db', 'out.db', '--create', 'm.csv']);
    expect(loaded.status).toBe(0);
  });

  it('exits 0 on a closed pipe', () => {
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" generate --events 200000 | head -n 2`], {
      cwd: folder,
      encoding: 'utf8',
    });
    expect(result.stdout.split('\n')).toHaveLength(3);
    expect(result.stderr).not.toMatch(/error|EPIPE/i);
  });

  it.each([
    [['generate', '--start', '2026-13-01'], /start date must be a calendar date as YYYY-MM-DD/],
    [['generate', '--malformed-rate', '1.5'], /--malformed-rate must be a number from 0 to 1/],
    [['generate', '--db', 'x.db', '--output', 'x.csv'], /cannot be combined with --db or --cassandra/],
  ])('exits 2 for usage %j', (args, message) => {
    const result = run(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe('cassalytics without a command', () => {
  it('creates the sample database and describes it', () => {
    const sample = path.join(folder, 'data', 'sample.db');
    const result = run([], { CASSALYTICS_SAMPLE_DB: sample });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(`created the sample database ${sample}\n`);
    expect(result.stdout).toMatch(/^user_logs in .*sample\.db: [\d,]+ rows/);
    expect(result.stdout).toContain('log_time from 2026-11-16 00:00 to 2026-11-29 23:59 UTC');
    expect(result.stdout).toMatch(/store 3: [\d,]+ rows/);
    expect(result.stdout).toMatch(/3 time on page: [\d,]+/);
    expect(fs.existsSync(`${sample}.partial`)).toBe(false);

    const rows = countRows(path.relative(folder, sample));
    expect(rows).toBeGreaterThan(450_000);
    expect(rows).toBeLessThan(550_000);

    const again = run([], { CASSALYTICS_SAMPLE_DB: sample });
    expect(again.stderr).toBe('');
    expect(again.stdout).toBe(result.stdout);
  });

  it('describes the database given with --db', () => {
    run(['generate', '--events', '1000', '--db', 'small.db']);
    const result = run(['--db', 'small.db']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^user_logs in .*small\.db/);
  });

  it('rejects an unknown command', () => {
    const result = run(['frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown command "frobnicate"');
  });
});
