/**
 * Every saved report of queries/, run with its default parameters on the embedded store and on
 * DuckDB over the same rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openGeneratedFixture, type GeneratedFixture } from '../support/differential/fixture.js';
import { describeMismatch } from '../support/differential/harness.js';
import { defaultParameters, readSavedReports } from '../support/differential/reports.js';

const reports = readSavedReports();

describe('saved reports against DuckDB', () => {
  let fixture: GeneratedFixture;

  beforeAll(async () => {
    fixture = await openGeneratedFixture();
  });

  afterAll(async () => {
    await fixture?.close();
  });

  it('finds the saved reports', () => {
    expect(reports.length).toBeGreaterThanOrEqual(10);
  });

  for (const report of reports) {
    it(`${report.name} matches DuckDB`, async () => {
      const { params, duckdbParameters } = defaultParameters(report);
      const result = await fixture.harness.check(report.sql, { params, duckdb: { parameters: duckdbParameters } });
      expect(result.mismatch, describeMismatch(`report ${report.file}`, report.sql, result)).toBeNull();
      // A report that returns nothing compares nothing: every default range must contain data.
      const rowCount = result.ours.ok ? result.ours.rows.length : 0;
      expect(rowCount, `report ${report.file} returned no rows`).toBeGreaterThan(0);
    });
  }
});
