import { beforeAll, afterAll, expect, test } from 'vitest';
import { open, type Engine, CancelledError, ExecutionError, PlanError, ResourceLimitError } from '../../src/index.js';
import { describeCassandra, withTestKeyspace } from '../support/cassandra.js';
import { generateIntoCassandra } from '../support/engine.js';
import { EQUIVALENCE_QUERIES, rowsOf, runThreeWays, set } from '../support/equivalence.js';

describeCassandra('execution on Cassandra', () => {
  const cluster = withTestKeyspace('exec');
  let engine: Engine;

  beforeAll(async () => {
    generateIntoCassandra(cluster.contactPoints, cluster.keyspace, 20_000);
    engine = await open({ cassandra: { contactPoints: cluster.contactPoints, keyspace: cluster.keyspace }, settings: { workers: 2 } });
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

  test('a full token scan counts every row', async () => {
    const [full] = await (await engine.query('SELECT count(*) AS n FROM user_logs')).toArray();
    const [perStore] = await (await engine.query('SELECT sum(n) AS n FROM (SELECT store_id, count(*) AS n FROM user_logs GROUP BY store_id) s')).toArray();
    expect(full!.n).toBeGreaterThan(15_000);
    expect(perStore!.n).toBe(full!.n);
  });

  test('cancelling stops the query within a second', async () => {
    const controller = new AbortController();
    const result = await engine.query("SELECT user_id, count(*) AS n FROM user_logs WHERE url LIKE '%a%' GROUP BY user_id", {}, { signal: controller.signal });
    const rows = result.toArray();
    setTimeout(() => controller.abort(), 50);
    const started = performance.now();
    await expect(rows).rejects.toBeInstanceOf(CancelledError);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('a hundred cancelled queries leave no handles behind', async () => {
    // Warm up: start the worker threads and their connections before counting.
    await rowsOf(engine, "SELECT count(*) FROM user_logs WHERE store_id = 1 AND event_date = DATE '2026-11-20'");
    const before = process.getActiveResourcesInfo().length;
    for (let i = 0; i < 100; i++) {
      const controller = new AbortController();
      const result = await engine.query('SELECT count(*) FROM user_logs', {}, { signal: controller.signal });
      const rows = result.toArray();
      setTimeout(() => controller.abort(), i % 10);
      await rows.catch((error: unknown) => {
        if (!(error instanceof CancelledError)) throw error;
      });
    }
    // Give the workers a moment to finish the reads they had in flight.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = process.getActiveResourcesInfo().length;
    expect(after).toBeLessThanOrEqual(before);
    // The engine still runs queries after that.
    expect(await rowsOf(engine, "SELECT count(*) AS n FROM user_logs WHERE store_id = 1 AND event_date = DATE '2026-11-20'")).toHaveLength(1);
  });

  test('a query past its timeout fails with a message naming the setting', async () => {
    await set(engine, 'timeout', '1ms');
    try {
      await expect((await engine.query('SELECT count(*) FROM user_logs')).toArray()).rejects.toThrow(/timeout/);
    } finally {
      await set(engine, 'timeout', '0');
    }
  });

  test('group-by state past memory_limit stops the query', async () => {
    await set(engine, 'memory_limit', '64KiB');
    try {
      const rows = (await engine.query('SELECT session_id, count(*) FROM user_logs GROUP BY session_id')).toArray();
      await expect(rows).rejects.toBeInstanceOf(ResourceLimitError);
      await expect(rows).rejects.toThrow(/memory_limit/);
    } finally {
      await engine.query('RESET memory_limit').then((r) => r.toArray());
    }
  });

  test('reads that keep timing out fail naming the token range and read_timeout', async () => {
    await set(engine, 'read_timeout', '1ms');
    try {
      const error = await (await engine.query('SELECT url, detail FROM user_logs')).toArray().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ExecutionError);
      expect((error as ExecutionError).message).toMatch(/^reading token range \(-?\d+, -?\d+\] failed after 4 attempts/);
      expect((error as ExecutionError).hint).toMatch(/SET read_timeout/);
    } finally {
      await engine.query('RESET read_timeout').then((r) => r.toArray());
    }
  });

  test('a missing table is a plan error with a suggestion', async () => {
    const error = await engine.query('SELECT * FROM user_log').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanError);
    expect((error as PlanError).message).toMatch(/table user_log does not exist/);
    expect((error as PlanError).hint).toBe('did you mean user_logs?');
  });
});
