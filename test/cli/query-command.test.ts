import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateStore, requireBuiltCli, runCli, type CliRun } from './cli-process.js';

let folder: string;

/** Runs `cassalytics query` on the generated store with one worker thread. */
function query(sql: string, ...options: string[]): CliRun {
  return runCli(['query', '--db', 'events.db', '--set', 'workers=1', ...options, sql], folder);
}

beforeAll(() => {
  requireBuiltCli();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cassalytics-cli-query-'));
  generateStore(folder);
});

afterAll(() => {
  fs.rmSync(folder, { recursive: true, force: true });
});

const PER_STORE = 'SELECT store_id, count(*) > 0 AS has_rows FROM user_logs GROUP BY store_id ORDER BY store_id';
const VALUES = "SELECT NULL AS nothing, 'NULL' AS word, '' AS empty, 'a,\"b\"' AS quoted, 9007199254740993 AS big";

describe('cassalytics query formats', () => {
  it('writes TSV to a pipe by default', () => {
    const result = query(PER_STORE);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('store_id\thas_rows\n1\ttrue\n2\ttrue\n3\ttrue\n');
  });

  it('writes CSV with quoting and NULL apart from the text NULL', () => {
    const result = query(VALUES, '--format', 'csv');
    expect(result.stdout).toBe('nothing,word,empty,quoted,big\n,NULL,"","a,""b""",9007199254740993\n');
  });

  it('writes TSV with \\N for NULL', () => {
    expect(query(VALUES, '--format', 'tsv').stdout.split('\n')[1]).toBe('\\N\tNULL\t\ta,"b"\t9007199254740993');
  });

  it('writes JSON that parses, with BIGINT beyond 2^53 as a string', () => {
    const result = query(VALUES, '--format', 'json');
    expect(JSON.parse(result.stdout)).toEqual([{ nothing: null, word: 'NULL', empty: '', quoted: 'a,"b"', big: '9007199254740993' }]);
  });

  it('writes NDJSON one object per line', () => {
    const lines = query(PER_STORE, '--format', 'ndjson').stdout.trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      { store_id: 1, has_rows: true },
      { store_id: 2, has_rows: true },
      { store_id: 3, has_rows: true },
    ]);
  });

  it('writes JSON timestamps with the offset of --set time_zone', () => {
    const result = query("SELECT TIMESTAMP '2026-11-16 10:30:00' AS at", '--format', 'json', '--set', 'time_zone=Europe/Berlin');
    expect(JSON.parse(result.stdout)).toEqual([{ at: '2026-11-16T10:30:00.000+01:00' }]);
  });

  it('writes a markdown table', () => {
    expect(query(PER_STORE, '--format', 'markdown').stdout.split('\n').slice(0, 3)).toEqual([
      '| store_id | has_rows |',
      '| -------: | -------- |',
      '|        1 | true     |',
    ]);
  });

  it('writes a box table with --format table', () => {
    const lines = query(VALUES, '--format', 'table').stdout.split('\n');
    expect(lines[4]).toBe('│ ∅       │ NULL │       │ a,"b"  │ 9007199254740993 │');
  });

  it('writes one field per line with --format vertical', () => {
    expect(query(PER_STORE, '--format', 'vertical').stdout.split('\n').slice(1, 3)).toEqual(['store_id │ 1', 'has_rows │ true']);
  });

  it('writes nothing to stderr when it is not a terminal', () => {
    expect(query(PER_STORE).stderr).toBe('');
  });
});

describe('cassalytics query statements', () => {
  it('runs several statements and leaves SET out of the output', () => {
    const result = query("SET time_zone = 'Europe/Berlin'; SELECT TIMESTAMP '2026-07-01 12:00:00' AS at; SELECT 2 AS two", '--format', 'csv');
    expect(result.stdout).toBe('at\n2026-07-01 12:00:00\ntwo\n2\n');
  });

  it('writes to the --output file in the format of its extension', () => {
    const result = query(PER_STORE, '--output', 'stores.json');
    expect(result.stdout).toBe('');
    expect(JSON.parse(fs.readFileSync(path.join(folder, 'stores.json'), 'utf8'))).toHaveLength(3);
  });

  it('reads SQL from standard input with -', () => {
    const result = runCli(['query', '--db', 'events.db', '--set', 'workers=1', '-'], folder, { input: 'SELECT 1 AS one;' });
    expect(result.stdout).toBe('one\n1\n');
  });
});

describe('cassalytics query errors', () => {
  it('exits 1 on an unknown column', () => {
    expect(query('SELECT stor_id FROM user_logs').status).toBe(1);
  });

  it('puts a caret under an unknown column', () => {
    expect(query('SELECT stor_id FROM user_logs').stderr).toBe(
      [
        'error: column stor_id does not exist in table user_logs',
        ' --> line 1, column 8',
        '1 | SELECT stor_id FROM user_logs',
        '  |        ^^^^^^^',
        'hint: did you mean store_id?',
        '',
      ].join('\n'),
    );
  });

  it('writes no result for a failed statement', () => {
    expect(query('SELECT stor_id FROM user_logs').stdout).toBe('');
  });

  it('exits 1 on a syntax error with a caret', () => {
    const result = query('SELECT store_id FROM user_logs WHERE');
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n').slice(1, 4)).toEqual([
      ' --> line 1, column 37',
      '1 | SELECT store_id FROM user_logs WHERE',
      '  |                                     ^',
    ]);
  });

  it('points into the failing line of a later statement', () => {
    const result = query('SELECT 1 AS one;\nSELECT nope\nFROM user_logs;\nSELECT 3 AS three');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('one\n1\n');
    expect(result.stderr.split('\n').slice(1, 4)).toEqual([' --> line 2, column 8', '2 | SELECT nope', '  |        ^^^^']);
  });

  it('exits 1 when a statement passes --timeout', () => {
    const result = query('SELECT url, count(*) FROM user_logs GROUP BY url', '--timeout', '1ms');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('error: the query ran longer than timeout = 1 ms');
  });

  it('exits 1 for a missing database file', () => {
    const result = runCli(['query', '--db', 'missing.db', 'SELECT 1'], folder);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('database not found');
  });

  const usageCases: { name: string; args: string[]; message: string }[] = [
    { name: 'an unknown format', args: ['--format', 'xml'], message: 'error: --format must be one of table, vertical, csv, tsv, json, ndjson, markdown, got "xml"' },
    { name: 'an unknown setting', args: ['--set', 'colour=red'], message: 'error: --set: unknown setting colour' },
    { name: 'a --set without a value', args: ['--set', 'workers'], message: 'error: --set must be NAME=VALUE' },
    { name: 'an invalid time zone', args: ['--set', 'time_zone=Mars/Base'], message: 'error: --set: unknown time zone "Mars/Base"' },
    { name: 'an invalid timeout', args: ['--timeout', 'soon'], message: 'error: --timeout: timeout must be a duration' },
    { name: 'two targets', args: ['--cassandra', '127.0.0.1'], message: 'error: --db and --cassandra exclude each other' },
  ];
  for (const testCase of usageCases) {
    it(`exits 2 for ${testCase.name}`, () => {
      const result = query('SELECT 1', ...testCase.args);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(testCase.message);
    });
  }

  it('exits 2 for empty SQL', () => {
    const result = query(' ; ');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('error: no SQL statement given');
  });
});
