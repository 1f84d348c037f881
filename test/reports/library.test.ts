import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findReportFile, listReports, packagedReportsFolder } from '../../src/reports/library.js';

describe('packaged reports', () => {
  const folder = packagedReportsFolder();
  const listing = listReports(folder);

  it('live in queries/ at the package root', () => {
    expect(folder).toBe(path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../queries'));
  });

  it('all parse', () => {
    expect(listing.failures).toEqual([]);
  });

  it('include the add-to-cart report with its parameters', () => {
    const report = listing.reports.find((candidate) => candidate.name === 'add_to_cart_per_day');
    expect(report?.params.map((param) => `${param.name} ${param.type} ${param.defaultText}`)).toEqual([
      'store INT 2',
      'since DATE 2026-11-16',
      'until DATE 2026-11-29',
    ]);
  });

  it('all have a description', () => {
    expect(listing.reports.filter((report) => report.description === '').map((report) => report.name)).toEqual([]);
  });
});

describe('findReportFile', () => {
  let folder: string;

  beforeAll(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cassalytics-reports-'));
    fs.writeFileSync(path.join(folder, 'daily.sql'), '-- @name daily_totals\nSELECT 1;\n');
    fs.writeFileSync(path.join(folder, 'broken.sql'), '-- @bogus\nSELECT 1;\n');
  });

  afterAll(() => {
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('finds a file path as given', () => {
    const file = path.join(folder, 'daily.sql');
    expect(findReportFile(file, '/nonexistent')).toBe(file);
  });

  it('finds a file name without .sql', () => {
    expect(findReportFile('daily', folder)).toBe(path.join(folder, 'daily.sql'));
  });

  it('finds a report by its @name', () => {
    expect(findReportFile('daily_totals', folder)).toBe(path.join(folder, 'daily.sql'));
  });

  it('returns undefined for an unknown name', () => {
    expect(findReportFile('weekly', folder)).toBeUndefined();
  });

  it('lists a broken report as a failure', () => {
    expect(listReports(folder).failures.map((failure) => path.basename(failure.file))).toEqual(['broken.sql']);
  });
});
