import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { describeCassandra, withTestKeyspace } from '../support/cassandra.js';
import { generateEmbeddedStore, generateIntoCassandra } from '../support/engine.js';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));

function runExample(name: string, args: readonly string[]): string {
  return execFileSync(process.execPath, [path.join(examples, name), ...args], { encoding: 'utf8', cwd: fileURLToPath(new URL('../..', import.meta.url)) });
}

describe('examples on the embedded store', () => {
  let db: string;
  beforeAll(() => {
    db = generateEmbeddedStore(30_000);
  });

  test('report-to-csv writes one line per day', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'cassalytics-example-')), 'report.csv');
    const output = runExample('report-to-csv.mjs', ['--db', db, '--out', out]);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(output).toMatch(/^wrote 14 rows/);
    expect(lines[0]).toBe('day,add_to_cart_clicks');
    expect(lines).toHaveLength(15);
    expect(lines[1]).toMatch(/^2026-11-16,\d+$/);
  });

  test('stream-with-progress streams every row without a timeout', () => {
    const output = runExample('stream-with-progress.mjs', ['--db', db, '--timeout-ms', '60000']);
    expect(output).toMatch(/streamed \d+ rows/);
  });

  test('stream-with-progress stops at its timeout', () => {
    const output = runExample('stream-with-progress.mjs', ['--db', db, '--timeout-ms', '1']);
    expect(output).toMatch(/cancelled after \d+ rows/);
  });
});

describeCassandra('examples on Cassandra', () => {
  const cluster = withTestKeyspace('examples');
  beforeAll(() => {
    generateIntoCassandra(cluster.contactPoints, cluster.keyspace, 20_000);
  });

  test('report-to-csv reads the cluster', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'cassalytics-example-')), 'report.csv');
    const output = runExample('report-to-csv.mjs', ['--cassandra', cluster.contactPoints.join(','), '--keyspace', cluster.keyspace, '--out', out]);
    expect(output).toMatch(/^wrote 14 rows/);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('day,add_to_cart_clicks');
  });

  test('stream-with-progress reads the cluster', () => {
    const output = runExample('stream-with-progress.mjs', ['--cassandra', cluster.contactPoints.join(','), '--keyspace', cluster.keyspace, '--timeout-ms', '60000']);
    expect(output).toMatch(/streamed \d+ rows/);
  });
});
