/**
 * The saved reports and a subset of the random queries on a Cassandra keyspace, against DuckDB
 * over the same rows. DIFF_CASSANDRA_QUERIES sets how many random queries run (100 by default).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { open, type Engine } from '../../src/index.js';
import { cassandraSkipReason, describeCassandra, noCassandra, withTestKeyspace } from '../support/cassandra.js';
import { runCli, writeDatasetFiles, type DatasetFiles } from '../support/differential/dataset.js';
import { readQueryDomain } from '../support/differential/domain.js';
import { DuckDbStore } from '../support/differential/duckdb-store.js';
import { describeMismatch, DifferentialHarness, isKnownTimePruningDifference } from '../support/differential/harness.js';
import { generateQuery, type QueryDomain } from '../support/differential/query-generator.js';
import { defaultParameters, readSavedReports } from '../support/differential/reports.js';
import { readUserLogFiles } from '../support/differential/rows.js';

const SEED = Number(process.env.DIFF_SEED ?? 20261116);
const QUERY_COUNT = Number(process.env.DIFF_CASSANDRA_QUERIES ?? 100);
/** Fewer events than the embedded-store tests, because loading into Cassandra is slower. */
const EVENTS = 10_000;

if (noCassandra) console.log(`differential Cassandra tests skipped: ${cassandraSkipReason() ?? 'no Cassandra node'}`);

describeCassandra('Cassandra against DuckDB', () => {
  const test = withTestKeyspace('differential');
  let files: DatasetFiles;
  let engine: Engine;
  let duckdb: DuckDbStore;
  let harness: DifferentialHarness;
  let domain: QueryDomain;

  beforeAll(async () => {
    files = await writeDatasetFiles({ seed: SEED, events: EVENTS, malformedRate: 0.01 });
    await runCli(['load', '--cassandra', test.contactPoints.join(','), '--keyspace', test.keyspace, '--create', ...files.inputs]);
    duckdb = await DuckDbStore.create();
    await duckdb.loadUserLogs('user_logs', readUserLogFiles(files.inputs));
    engine = await open({ cassandra: { contactPoints: test.contactPoints, keyspace: test.keyspace }, settings: { workers: 2 } });
    harness = new DifferentialHarness(engine, duckdb);
    domain = await readQueryDomain(duckdb);
  });

  afterAll(async () => {
    await engine?.close();
    duckdb?.close();
    files?.remove();
  });

  for (const report of readSavedReports()) {
    it(`report ${report.name} matches DuckDB`, async () => {
      const { params, duckdbParameters } = defaultParameters(report);
      const result = await harness.check(report.sql, { params, duckdb: { parameters: duckdbParameters } });
      expect(result.mismatch, describeMismatch(`report ${report.file} on Cassandra`, report.sql, result)).toBeNull();
    });
  }

  it(`random queries 0 to ${QUERY_COUNT - 1} of seed ${SEED} match`, { timeout: 600_000 }, async () => {
    const failures: string[] = [];
    let knownDifferences = 0;
    for (let index = 0; index < QUERY_COUNT; index++) {
      const query = generateQuery(SEED, index, domain);
      const result = await harness.check(query.sql);
      if (result.mismatch !== null && (await isKnownTimePruningDifference(harness, query.sql))) knownDifferences++;
      else if (result.mismatch !== null) failures.push(describeMismatch(`query ${index} (${query.shape}) on Cassandra`, query.sql, result));
    }
    console.log(`Cassandra random queries: ${QUERY_COUNT} run, ${knownDifferences} differ only by the rows of impossible dates`);
    expect(failures.length, `${failures.length} of ${QUERY_COUNT} queries differ:\n\n${failures.slice(0, 5).join('\n\n')}`).toBe(0);
  });
});
