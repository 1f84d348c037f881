/**
 * Random queries from a fixed seed, run on the embedded store and on DuckDB over the same rows.
 *
 * DIFF_QUERIES sets how many queries run (1,000 by default), DIFF_SEED the seed, and
 * DIFF_QUERY_INDEX runs the single query with that index, as a failure message names it:
 *   DIFF_SEED=20261116 DIFF_QUERY_INDEX=17 npx vitest run test/differential/random-queries.test.ts
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readQueryDomain } from '../support/differential/domain.js';
import { openGeneratedFixture, type GeneratedFixture } from '../support/differential/fixture.js';
import { describeMismatch, isKnownTimePruningDifference } from '../support/differential/harness.js';
import { generateQuery, type QueryDomain } from '../support/differential/query-generator.js';

const SEED = Number(process.env.DIFF_SEED ?? 20261116);
const QUERY_COUNT = Number(process.env.DIFF_QUERIES ?? 1000);
const SINGLE_INDEX = process.env.DIFF_QUERY_INDEX === undefined ? null : Number(process.env.DIFF_QUERY_INDEX);
const CHUNK_SIZE = 100;
/** Failures printed in full in a chunk's failure message; the others are only counted. */
const FAILURES_SHOWN = 5;

const indexes = SINGLE_INDEX === null ? Array.from({ length: QUERY_COUNT }, (_, i) => i) : [SINGLE_INDEX];
const chunks: number[][] = [];
for (let start = 0; start < indexes.length; start += CHUNK_SIZE) chunks.push(indexes.slice(start, start + CHUNK_SIZE));

describe('random queries against DuckDB', () => {
  let fixture: GeneratedFixture;
  let domain: QueryDomain;
  /** Queries that raised an error in both engines, which compare nothing. */
  let bothFailed = 0;
  let returnedRows = 0;
  let knownDifferences = 0;
  const timings: { index: number; oursMs: number; duckdbMs: number }[] = [];

  beforeAll(async () => {
    fixture = await openGeneratedFixture();
    domain = await readQueryDomain(fixture.harness.duckdb);
  });

  afterAll(async () => {
    await fixture?.close();
    const total = (key: 'oursMs' | 'duckdbMs') => Math.round(timings.reduce((sum, t) => sum + t[key], 0));
    const slowest = [...timings].sort((a, b) => b.oursMs - a.oursMs).slice(0, 5);
    console.log(
      `random queries: ${indexes.length} run with seed ${SEED}, ${bothFailed} failed in both engines, ` +
        `${knownDifferences} differ only by the rows of impossible dates, ${returnedRows} rows compared; ` +
        `${total('oursMs')} ms in cassalytics, ${total('duckdbMs')} ms in DuckDB; slowest in cassalytics: ` +
        slowest.map((t) => `#${t.index} ${Math.round(t.oursMs)} ms`).join(', '),
    );
  });

  for (const chunk of chunks) {
    it(`queries ${chunk[0]} to ${chunk[chunk.length - 1]} of seed ${SEED} match`, { timeout: 600_000 }, async () => {
      const failures: string[] = [];
      for (const index of chunk) {
        const query = generateQuery(SEED, index, domain);
        const result = await fixture.harness.check(query.sql);
        if (!result.ours.ok && !result.theirs.ok) bothFailed++;
        if (result.ours.ok) returnedRows += result.ours.rows.length;
        timings.push({ index, oursMs: result.oursMs, duckdbMs: result.duckdbMs });
        if (result.mismatch !== null && (await isKnownTimePruningDifference(fixture.harness, query.sql))) {
          knownDifferences++;
        } else if (result.mismatch !== null) {
          const rerun = `rerun: DIFF_SEED=${SEED} DIFF_QUERY_INDEX=${index} npx vitest run test/differential/random-queries.test.ts`;
          failures.push(describeMismatch(`query ${index} (${query.shape}); ${rerun}`, query.sql, result));
        }
      }
      const printedFailures = failures.slice(0, FAILURES_SHOWN).join('\n\n');
      expect(failures.length, `${failures.length} of ${chunk.length} queries differ:\n\n${printedFailures}`).toBe(0);
    });
  }

  it('generates queries that both engines can run', () => {
    // A generator that mostly writes invalid SQL would compare nothing.
    expect(bothFailed).toBeLessThanOrEqual(Math.ceil(indexes.length * 0.02));
  });
});
