import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userLogsTable } from '../../src/catalog/user-logs.js';
import { loadFile } from '../../src/loader/load.js';
import { RejectFile } from '../../src/loader/reject-file.js';
import { EmbeddedStore } from '../../src/store/store.js';
import { hasSamples, IMPOSSIBLE_SEED_DATES, lastRowsOfRepeatedKeys, SAMPLES, SHARED } from './real-samples.js';

if (!hasSamples) console.log(`real-data store tests skipped: ${SHARED} is absent`);

describe.skipIf(!hasSamples)('real samples into the embedded store', () => {
  let folder: string;
  let store: EmbeddedStore;
  let rejects: RejectFile;

  beforeAll(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cassalytics-real-data-'));
    store = EmbeddedStore.open(path.join(folder, 'real.db'));
    rejects = new RejectFile(path.join(folder, 'rejects.csv'));
  });

  afterAll(() => {
    rejects.close();
    store.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  for (const sample of SAMPLES) {
    it(`loads ${sample.name} with every row`, async () => {
      const table = userLogsTable('real', sample.name);
      store.createTable(table);
      const summary = await loadFile(path.join(SHARED, sample.file), { table, sink: store.sink(table), rejectFile: rejects });
      expect(summary.rowsRead).toBe(sample.rows);
      expect(summary.rejected).toBe(0);
      expect(summary.rowsWritten).toBe(sample.rows);
      expect(summary.repeatedKeys).toBe(sample.repeated);
      const count = store.database.prepare(`SELECT count(*) AS n FROM "${sample.name}"`).get() as { n: number };
      expect(count.n).toBe(sample.stored);
    });
  }

  it('keeps the last row of each repeated key', () => {
    for (const sample of SAMPLES) {
      const statement = store.database.prepare(
        `SELECT url, detail FROM "${sample.name}" WHERE store_id = ? AND year = ? AND month = ? AND day = ? AND hour = ? ` +
          'AND event_id = ? AND user_id = ? AND session_id = ? AND log_time = ?',
      );
      for (const last of lastRowsOfRepeatedKeys(sample.file)) {
        const keys = [last['store_id'], last['year'], last['month'], last['day'], last['hour'], last['event_id']].map(Number);
        const stored = statement.all(...keys, last['user_id'], last['session_id'], BigInt(last['log_time']!));
        expect(stored).toEqual([{ url: last['url'], detail: last['detail'] }]);
      }
    }
  });

  it('keeps the seed rows with impossible dates', () => {
    const rows = store.database
      .prepare('SELECT year, month, day FROM seed WHERE (month = 2 AND day > 29) OR (month IN (4, 6, 9, 11) AND day = 31) ORDER BY year, month')
      .all();
    expect(rows).toEqual(IMPOSSIBLE_SEED_DATES);
  });

  it('keeps detail JSON with its hyphenated keys', () => {
    const row = store.database
      .prepare(`SELECT detail FROM rees46 WHERE event_id = 2 AND detail LIKE '%shop_checkout%' LIMIT 1`)
      .get() as { detail: string };
    const detail = JSON.parse(row.detail) as { click_target: Record<string, unknown> };
    expect(detail.click_target['btn-id']).toBe('shop_checkout');
  });

  it('leaves the reject file uncreated', () => {
    expect(rejects.size).toBe(0);
    expect(fs.existsSync(rejects.path)).toBe(false);
  });
});
