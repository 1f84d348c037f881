import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { renderFunctionDocs } from '../../../src/executor/functions/docs-markdown.js';
import { aggregateFunctions, allFunctionNames, functionDocs, scalarFunctions, windowFunctions } from '../../../src/executor/functions/index.js';

const DOCS_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/sql.md');

/**
 * docs/sql.md ends with the generated function reference, from its "## Functions" heading on;
 * the reference's headings move one level down to sit under it.
 */
function withFunctionSection(text: string, reference: string): string {
  const start = text.indexOf('\n## Functions\n');
  const head = start < 0 ? `${text.trimEnd()}\n\n` : text.slice(0, start + 1);
  const section = reference.replace(/^# SQL functions$/m, '# Functions').replace(/^(#+) /gm, '#$1 ');
  return `${head}${section}`;
}

describe('function catalog', () => {
  test('contains the required functions', () => {
    const scalars = ['lower', 'upper', 'length', 'substr', 'substring', 'trim', 'ltrim', 'rtrim', 'replace', 'concat', 'split_part', 'starts_with', 'regexp_matches', 'regexp_extract', 'coalesce', 'nullif', 'greatest', 'least', 'abs', 'round', 'floor', 'ceil', 'ceiling', 'sign', 'to_timestamp_ms', 'epoch_ms', 'date_trunc', 'date_part', 'year', 'month', 'day', 'hour', 'make_date', 'strftime', 'current_date', 'now', 'url_host', 'url_path', 'url_query_param', 'json_extract', 'json_value', 'add_months'];
    const aggregates = ['count', 'sum', 'avg', 'min', 'max', 'count_if', 'approx_count_distinct', 'approx_percentile', 'median', 'max_by', 'min_by', 'string_agg'];
    const windows = ['row_number', 'rank', 'dense_rank', 'lag', 'lead', 'first_value'];
    expect(scalars.filter((name) => !scalarFunctions.has(name))).toEqual([]);
    expect(aggregates.filter((name) => !aggregateFunctions.has(name))).toEqual([]);
    expect(windows.filter((name) => !windowFunctions.has(name))).toEqual([]);
  });

  test('names are lower case and keys match names', () => {
    for (const map of [scalarFunctions, aggregateFunctions, windowFunctions] as const) {
      for (const [key, fn] of map) {
        expect(fn.name).toBe(key);
        expect(key).toMatch(/^[a-z_]+$/);
      }
    }
  });

  test('every function has a signature starting with its name and a description', () => {
    for (const fn of [...scalarFunctions.values(), ...aggregateFunctions.values(), ...windowFunctions.values()]) {
      expect(fn.signature.startsWith(`${fn.name}(`)).toBe(true);
      expect(fn.description.length).toBeGreaterThan(10);
    }
  });

  test('allFunctionNames is sorted and complete', () => {
    const names = allFunctionNames();
    expect(names).toEqual([...names].sort());
    expect(names.length).toBe(scalarFunctions.size + aggregateFunctions.size + windowFunctions.size);
    expect(names).toContain('approx_count_distinct');
  });

  test('functionDocs lists each function once with rendered examples', () => {
    const docs = functionDocs();
    expect(docs.length).toBe(allFunctionNames().length);
    const dateTrunc = docs.find((doc) => doc.name === 'date_trunc')!;
    expect(dateTrunc.kind).toBe('scalar');
    expect(dateTrunc.examples[0]).toEqual({ sql: "SELECT date_trunc('hour', TIMESTAMP '2024-03-09 16:47:12')", result: '2024-03-09 16:00:00' });
    const berlin = dateTrunc.examples.find((example) => example.timeZone === 'Europe/Berlin')!;
    expect(berlin.result).toBe('2024-03-31 00:00:00');
    const lower = docs.find((doc) => doc.name === 'lower')!;
    expect(lower.examples[0]!.result).toBe("'abc'");
    const sum = docs.find((doc) => doc.name === 'sum')!;
    expect(sum.examples[0]!.sql).toBe('SELECT sum(x) FROM (VALUES (1), (2), (NULL), (4)) t(x)');
    const lag = docs.find((doc) => doc.name === 'lag')!;
    expect(lag.examples[0]!.result).toBe('NULL, 10, 20, 20');
  });

  // Regenerate with: UPDATE_DOCS=1 npx vitest run test/executor/functions/catalog.test.ts
  test('the function reference in docs/sql.md is up to date', () => {
    const current = fs.readFileSync(DOCS_PATH, 'utf8');
    const expected = withFunctionSection(current, renderFunctionDocs());
    if (process.env.UPDATE_DOCS === '1') fs.writeFileSync(DOCS_PATH, expected);
    expect(fs.readFileSync(DOCS_PATH, 'utf8')).toBe(expected);
  });
});
