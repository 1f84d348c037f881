import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { aggregateFunctions, scalarFunctions, windowFunctions } from '../../../src/executor/functions/index.js';
import type { FunctionExample } from '../../../src/executor/functions/registry.js';
import { openDuckDB, queryColumn, setTimeZone } from './duckdb-support.js';
import { duckdbCall, runAggregateExample, runScalarExample } from './example-runner.js';

/**
 * Every function's documented examples, evaluated by our implementation and by DuckDB 1.5.
 *
 * The DuckDB side is skipped, per example, where DuckDB has no equivalent (`duckdb: null`):
 * url_host, url_path and url_query_param (DuckDB has no URL functions), and now, current_date and
 * current_timestamp (the result depends on the clock). Where DuckDB spells a function differently,
 * the example names the DuckDB expression: to_timestamp_ms is to_timestamp(ms / 1000), add_months
 * is + INTERVAL, json_value is json_extract_string, approx_count_distinct is compared with
 * count(DISTINCT x) and approx_percentile with quantile_cont (DuckDB's own sketches give other
 * approximations).
 */

let duckdb: DuckDBConnection;

beforeAll(async () => {
  duckdb = await openDuckDB();
});

afterAll(() => {
  duckdb?.closeSync();
});

const label = (example: FunctionExample) => `${example.sql}${example.from ? ` FROM ${example.from}` : ''}${example.timeZone ? ` [${example.timeZone}]` : ''}`;

test('every function has an example', () => {
  const missing = [...scalarFunctions.values(), ...aggregateFunctions.values(), ...windowFunctions.values()]
    .filter((fn) => (fn.examples ?? []).length === 0)
    .map((fn) => fn.name);
  expect(missing).toEqual([]);
});

describe.each([...scalarFunctions.values()].map((fn) => [fn.name, fn] as const))('scalar %s', (_name, fn) => {
  test.each((fn.examples ?? []).map((example) => [label(example), example] as const))('%s', async (_label, example) => {
    const { value } = runScalarExample(fn, example);
    expect(value).toEqual(example.result);

    if (example.duckdb === null) return;
    await setTimeZone(duckdb, example.timeZone ?? 'UTC');
    const reference = await queryColumn(duckdb, duckdbCall(example));
    expect(reference.values).toEqual([example.result]);
  });
});

describe.each([...aggregateFunctions.values()].map((fn) => [fn.name, fn] as const))('aggregate %s', (_name, fn) => {
  test.each((fn.examples ?? []).map((example) => [label(example), example] as const))('%s', async (_label, example) => {
    const { single, merged } = runAggregateExample(fn, example);
    expect(single).toEqual(example.result);
    expect(merged).toEqual(example.result);

    if (example.duckdb === null) return;
    await setTimeZone(duckdb, example.timeZone ?? 'UTC');
    const reference = await queryColumn(duckdb, duckdbCall(example), `FROM ${example.from}`);
    expect(reference.values).toEqual([example.result]);
  });
});

describe.each([...windowFunctions.values()].map((fn) => [fn.name, fn] as const))('window %s', (_name, fn) => {
  test.each((fn.examples ?? []).map((example) => [label(example), example] as const))('%s', async (_label, example) => {
    expect(example.results).toBeDefined();
    await setTimeZone(duckdb, example.timeZone ?? 'UTC');
    const reference = await queryColumn(duckdb, example.sql, `FROM ${example.from} ORDER BY x`);
    expect(reference.values).toEqual(example.results);
  });
});
