import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateStore, requireBuiltCli, runCli, type CliRun } from './cli-process.js';

let folder: string;

function run(...args: string[]): CliRun {
  return runCli(['run', '--db', 'events.db', '--set', 'workers=1', ...args], folder);
}

function writeReport(name: string, text: string): string {
  const file = path.join(folder, name);
  fs.writeFileSync(file, text);
  return file;
}

beforeAll(() => {
  requireBuiltCli();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cassalytics-cli-run-'));
  generateStore(folder);
  writeReport(
    'echo.sql',
    [
      '-- @name echo',
      '-- @description Returns its parameters.',
      '-- @param label TEXT',
      '-- @param at TIMESTAMP',
      '-- @param day DATE = 2026-11-16',
      '-- @param n BIGINT = 9007199254740993',
      'SELECT :label AS label, :at AS at, :n AS n;',
      'SELECT count(*) > 0 AS found FROM user_logs WHERE store_id = 1 AND event_date = :day;',
    ].join('\n'),
  );
  writeReport('fails.sql', 'SELECT 1 AS one;\nSELECT missing_column FROM user_logs;\nSELECT 3 AS three;\n');
});

afterAll(() => {
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('cassalytics run', () => {
  it('runs a packaged report by name with --param', () => {
    const result = run('add_to_cart_per_day', '--param', 'store=1', '--param', 'since=2026-11-16', '--param', 'until=2026-11-18');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n').map((line) => line.split('\t')[0])).toEqual(['day', '2026-11-16', '2026-11-17', '2026-11-18', '']);
  });

  it('binds parameter text as a value, never as SQL', () => {
    const result = run('echo.sql', '--param', "label=x' OR 1=1; --", '--param', 'at=2026-11-16 10:00', '--format', 'ndjson');
    expect(result.stdout.split('\n')[0]).toBe('{"label":"x\' OR 1=1; --","at":"2026-11-16T10:00:00.000+00:00","n":"9007199254740993"}');
  });

  it('reads TIMESTAMP parameters in the session time zone', () => {
    const result = run('echo.sql', '--param', 'label=a', '--param', 'at=2026-11-16 10:00', '--set', 'time_zone=Europe/Berlin', '--format', 'ndjson');
    expect(JSON.parse(result.stdout.split('\n')[0]!)).toMatchObject({ at: '2026-11-16T10:00:00.000+01:00' });
  });

  it('compares a DATE parameter with a DATE column', () => {
    const result = run('echo.sql', '--param', 'label=a', '--param', 'at=2026-11-16', '--format', 'ndjson');
    expect(result.stdout.split('\n')[1]).toBe('{"found":true}');
  });

  it('exits 2 and lists the parameters when one is missing', () => {
    const result = run('echo.sql', '--param', 'label=a');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      [
        'error: missing parameter at (TIMESTAMP); pass --param at=VALUE',
        'parameters of report echo:',
        '  label  TEXT       required',
        '  at     TIMESTAMP  required',
        '  day    DATE       default 2026-11-16',
        '  n      BIGINT     default 9007199254740993',
        '(run with --help for usage)',
        '',
      ].join('\n'),
    );
  });

  it('exits 2 for an ill-typed parameter', () => {
    const result = run('add_to_cart_per_day', '--param', 'store=two');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('invalid value "two" for parameter store: expected an integer');
  });

  it('runs no statement when a parameter is invalid', () => {
    expect(run('add_to_cart_per_day', '--param', 'store=two').stdout).toBe('');
  });

  it('exits 2 for an unknown report', () => {
    const result = run('no_such_report');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('error: report not found: no_such_report');
  });

  it('stops at the first failing statement with exit 1', () => {
    const result = run('fails.sql');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('one\n1\n');
  });

  it('points at the failing line of the report file', () => {
    expect(run('fails.sql').stderr.split('\n').slice(1, 4)).toEqual([' --> fails.sql:2:8', '2 | SELECT missing_column FROM user_logs;', '  |        ^^^^^^^^^^^^^^']);
  });
});

describe('cassalytics run --list', () => {
  const listed = (): CliRun => runCli(['run', '--list'], folder);

  it('exits 0', () => {
    expect(listed().status).toBe(0);
  });

  it('names every packaged report', () => {
    const names = listed().stdout.split('\n').filter((line) => /^[a-z_]+$/.test(line));
    expect(names).toEqual([
      'add_to_cart_per_day',
      'avg_time_on_page_per_url',
      'conversion_rate_per_item',
      'funnel_per_store',
      'sessions_per_store_day',
      'top_items_added_to_cart_per_month',
      'top_items_viewed_per_day',
      'top_items_viewed_per_month',
      'top_items_viewed_per_week',
      'traffic_by_hour',
    ]);
  });

  it('shows descriptions and parameters', () => {
    expect(listed().stdout).toContain(
      [
        'add_to_cart_per_day',
        '  Add-to-cart clicks per day for one store, from a date to another (the original Spark job).',
        '  parameters:',
        '    store  INT   default 2',
        '    since  DATE  default 2026-11-16',
        '    until  DATE  default 2026-11-29',
      ].join('\n'),
    );
  });
});
