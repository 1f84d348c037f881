import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { types } from 'cassandra-driver';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTable } from '../../src/cassandra/ddl.js';
import { createCassandraSink } from '../../src/cassandra/sink.js';
import { userLogsTable } from '../../src/catalog/user-logs.js';
import { loadFile } from '../../src/loader/load.js';
import { RejectFile } from '../../src/loader/reject-file.js';
import { cassandraContactPoints, describeCassandra, withTestKeyspace } from '../support/cassandra.js';
import { hasSamples, IMPOSSIBLE_SEED_DATES, lastRowsOfRepeatedKeys, SAMPLES, SHARED } from './real-samples.js';

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/src/cli/main.js');
if (!hasSamples) console.log(`real-data Cassandra tests skipped: ${SHARED} is absent`);

describeCassandra.skipIf(!hasSamples)('real samples into Cassandra', () => {
  const test = withTestKeyspace('real_data');
  let folder: string;
  let rejects: RejectFile;

  beforeAll(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cassalytics-real-cassandra-'));
    rejects = new RejectFile(path.join(folder, 'rejects.csv'));
  });

  afterAll(() => {
    rejects.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  for (const sample of SAMPLES) {
    it(`loads ${sample.name} with every row`, async () => {
      const table = userLogsTable(test.keyspace, sample.name);
      await createTable(test.client, table);
      const sink = createCassandraSink(test.client, table, { concurrency: 32 });
      const summary = await loadFile(path.join(SHARED, sample.file), { table, sink, rejectFile: rejects });
      await sink.close();
      expect(summary.rowsRead).toBe(sample.rows);
      expect(summary.rejected).toBe(0);
      expect(summary.repeatedKeys).toBe(sample.repeated);
      const result = await test.client.execute(`SELECT count(*) FROM "${test.keyspace}"."${sample.name}"`);
      expect(Number(result.first().get('count'))).toBe(sample.stored);
    });
  }

  it('keeps the last row of each repeated key', async () => {
    for (const sample of SAMPLES) {
      for (const last of lastRowsOfRepeatedKeys(sample.file)) {
        const keys = [last['store_id'], last['year'], last['month'], last['day'], last['hour'], last['event_id']].map(Number);
        const result = await test.client.execute(
          `SELECT url, detail FROM "${test.keyspace}"."${sample.name}" WHERE store_id = ? AND year = ? AND month = ? ` +
            'AND day = ? AND hour = ? AND event_id = ? AND user_id = ? AND session_id = ? AND log_time = ?',
          [...keys, last['user_id'], last['session_id'], types.Long.fromString(last['log_time']!)],
          { prepare: true },
        );
        expect(result.rows.map((row) => ({ url: row.get('url'), detail: row.get('detail') }))).toEqual([
          { url: last['url'], detail: last['detail'] },
        ]);
      }
    }
  });

  it('keeps the seed rows with impossible dates', async () => {
    const all = await test.client.execute(`SELECT year, month, day FROM "${test.keyspace}".seed`);
    const impossible = all.rows
      .map((row) => ({ year: Number(row.get('year')), month: Number(row.get('month')), day: Number(row.get('day')) }))
      .filter(({ month, day }) => (month === 2 && day > 29) || ([4, 6, 9, 11].includes(month) && day === 31))
      .sort((a, b) => a.year - b.year || a.month - b.month);
    expect(impossible).toEqual(IMPOSSIBLE_SEED_DATES);
  });

  it('loads through the CLI with --cassandra', () => {
    const args = [
      CLI, 'load',
      '--cassandra', cassandraContactPoints()!.join(','),
      '--keyspace', test.keyspace,
      '--table', 'cli_seed',
      '--create',
      '--reject-file', path.join(folder, 'cli-rejects.csv'),
      path.join(SHARED, 'seed-data/user_logs.csv'),
    ];
    const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('100 rows read, 100 written, 0 rejected, 0 repeated keys');
  });
});
