import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { open, type Engine } from '../../src/index.js';
import { generateEmbeddedStore } from '../support/engine.js';
import { EQUIVALENCE_QUERIES, runThreeWays } from '../support/equivalence.js';

describe('execution on the embedded store', () => {
  let engine: Engine;
  let db: string;

  beforeAll(async () => {
    db = generateEmbeddedStore(20_000);
    engine = await open({ db, settings: { workers: 2 } });
  });

  afterAll(async () => {
    await engine?.close();
  });

  test.each(EQUIVALENCE_QUERIES)('pruning and pushdown on or off give the same rows: %s', async (sql) => {
    const { pushedAndPruned, pruned, discovered } = await runThreeWays(engine, sql);
    expect(pushedAndPruned.length).toBeGreaterThan(0);
    expect(pruned).toEqual(pushedAndPruned);
    expect(discovered).toEqual(pushedAndPruned);
  });

  test('LIMIT without ORDER BY stops reading early', async () => {
    const result = await engine.query('SELECT url FROM user_logs LIMIT 5');
    const rows = await result.toArray();
    const [all] = await (await engine.query('SELECT count(*) AS n FROM user_logs')).toArray();
    expect(rows).toHaveLength(5);
    expect(result.stats.rowsScanned).toBeLessThan(Number(all!['n']));
  });

  test('time bucket override turns detection off', async () => {
    const custom = await open({ db, timeBuckets: { user_logs: false } });
    try {
      await expect(custom.query('SELECT event_date FROM user_logs')).rejects.toThrow(/column event_date does not exist/);
    } finally {
      await custom.close();
    }
  });
});
