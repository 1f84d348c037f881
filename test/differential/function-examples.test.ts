/**
 * Every example of the function catalog, run through the public API and checked against the
 * documented result and against DuckDB. An example whose `duckdb` field is null has no DuckDB
 * equivalent and is checked against its documented result only. Examples that read the clock
 * (now(), current_date()) are skipped, because the API cannot fix the query start.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateFunctions, scalarFunctions, windowFunctions, type FunctionExample } from '../../src/executor/functions/index.js';
import { parseExampleInput } from '../../src/executor/functions/example-sql.js';
import { JSON_NULL, MS_PER_DAY, type Value } from '../../src/executor/values.js';
import type { SqlType } from '../../src/catalog/table.js';
import { open, type Engine } from '../../src/index.js';
import { parseQuery } from '../../src/parser/index.js';
import { compareOutcomes, type Cell, type Outcome } from '../support/differential/compare.js';
import { runCli } from '../support/differential/dataset.js';
import { duckDbExpr } from '../support/differential/duckdb-sql.js';
import { DuckDbStore } from '../support/differential/duckdb-store.js';
import { ourOutcome } from '../support/differential/harness.js';

type Kind = 'scalar' | 'aggregate' | 'window';

interface CatalogExample {
  readonly label: string;
  readonly kind: Kind;
  readonly example: FunctionExample;
}

function catalogExamples(): CatalogExample[] {
  const examples: CatalogExample[] = [];
  const add = (kind: Kind, functions: ReadonlyMap<string, { examples?: readonly FunctionExample[] }>) => {
    for (const [name, fn] of functions) {
      (fn.examples ?? []).forEach((example, i) => examples.push({ label: `${kind} ${name} example ${i + 1}: ${example.sql}`, kind, example }));
    }
  };
  add('scalar', scalarFunctions);
  add('aggregate', aggregateFunctions);
  add('window', windowFunctions);
  return examples;
}

function sqlLiteral(value: Value, type: string): string {
  if (value === null) return type === 'NULL' ? 'NULL' : `CAST(NULL AS ${type})`;
  switch (type) {
    case 'TEXT':
      return `'${String(value).replaceAll("'", "''")}'`;
    case 'BOOLEAN':
      return value ? 'TRUE' : 'FALSE';
    case 'DOUBLE':
      return `CAST('${String(value)}' AS DOUBLE)`;
    case 'DATE':
      return `DATE '${new Date((value as number) * MS_PER_DAY).toISOString().slice(0, 10)}'`;
    case 'TIMESTAMP':
      return `TIMESTAMP '${new Date(value as number).toISOString().replace('T', ' ').replace('Z', '')}'`;
    default:
      return String(value);
  }
}

/**
 * Writes the rows of an example's `(VALUES ...) t(x)` input as a UNION ALL of SELECTs, because
 * cassalytics reads FROM a table or a subquery only.
 */
function unionOfRows(from: string, timeZone: string | undefined): string {
  const input = parseExampleInput(from, timeZone);
  return input.rows
    .map((row, r) => `SELECT ${row.map((value, c) => `${sqlLiteral(value, input.types[c]!)}${r === 0 ? ` AS ${input.columns[c]}` : ''}`).join(', ')}`)
    .join(' UNION ALL ');
}

/** SQL of an example for one engine: `call` is the example's expression or DuckDB's. */
function exampleSql(kind: Kind, call: string, from: string | undefined): string {
  if (kind === 'scalar') return `SELECT ${call} AS v`;
  if (kind === 'aggregate') return `SELECT ${call} AS v FROM ${from}`;
  return `SELECT x, ${call} AS v FROM ${from} ORDER BY x, v`;
}

/** Converts the documented result to a cell of the result column's type. */
function documentedCell(value: Value, type: SqlType): Cell {
  if (value === null || value === JSON_NULL) return null;
  switch (type) {
    case 'BIGINT':
      return BigInt(value as number | bigint);
    case 'DATE':
      return new Date((value as number) * MS_PER_DAY).toISOString().slice(0, 10);
    case 'TIMESTAMP':
      return new Date(value as number).toISOString();
    case 'JSON':
      return JSON.stringify(value);
    default:
      return value as Cell;
  }
}

function documentedOutcome(entry: CatalogExample, ours: Extract<Outcome, { ok: true }>): Outcome {
  const type = ours.types[ours.types.length - 1] as SqlType;
  if (entry.kind !== 'window') return { ...ours, rows: [[documentedCell(entry.example.result, type)]] };
  const expected = entry.example.results ?? [];
  return { ...ours, rows: ours.rows.map((row, i) => [row[0]!, documentedCell(expected[i] ?? null, type)]) };
}

/** Translates an example's call for DuckDB. */
function duckDbCall(call: string, zonedTimestamps: boolean): string {
  const query = parseQuery(`SELECT ${call}`);
  const item = query.kind === 'select' ? query.items[0] : undefined;
  if (item?.kind !== 'expr_item') throw new Error(`the example ${call} is not one expression`);
  return duckDbExpr(item.expr, { zonedTimestamps });
}

const examples = catalogExamples();

describe('function examples against DuckDB', () => {
  let folder: string;
  let engine: Engine;
  let duckdb: DuckDbStore;

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cassalytics-function-examples-'));
    const db = path.join(folder, 'empty.db');
    // The examples read no table, but an engine needs a store: an empty generated one.
    await runCli(['generate', '--db', db, '--events', '0']);
    engine = await open({ db, settings: { workers: 1 } });
    duckdb = await DuckDbStore.create();
  });

  afterAll(async () => {
    await engine?.close();
    duckdb?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('finds examples for scalar, aggregate and window functions', () => {
    const kinds = new Set(examples.map((entry) => entry.kind));
    expect([...kinds].sort()).toEqual(['aggregate', 'scalar', 'window']);
    expect(examples.length).toBeGreaterThanOrEqual(100);
  });

  for (const entry of examples) {
    const { example } = entry;
    it.skipIf(example.nowMs !== undefined)(entry.label, async () => {
      const zone = example.timeZone ?? 'UTC';
      // The setting is time_zone; docs/sql.md spells it timezone, which the engine rejects.
      await engine.query(`SET time_zone = '${zone}'`);
      await duckdb.connection.run(`SET TimeZone = '${zone}'`);
      try {
        const from = example.from === undefined ? undefined : `(${unionOfRows(example.from, example.timeZone)}) AS t`;
        const sql = exampleSql(entry.kind, example.sql, from);
        const ours = await ourOutcome(engine, sql);
        expect(ours.outcome.ok, `cassalytics failed on ${sql}: ${ours.outcome.ok ? '' : ours.outcome.error}`).toBe(true);
        if (!ours.outcome.ok) return;

        const documented = compareOutcomes(ours.outcome, documentedOutcome(entry, ours.outcome), true);
        expect(documented, `${sql} differs from the documented result: ${documented}`).toBeNull();

        if (example.duckdb === null) return;
        // DuckDB reads the VALUES input as it is written; a TIMESTAMP in a session with a zone
        // other than UTC is a TIMESTAMPTZ there.
        const call = example.duckdb ?? duckDbCall(example.sql, zone !== 'UTC');
        const duckdbSql = exampleSql(entry.kind, call, example.from);
        const theirs = await duckdb.outcome(duckdbSql, ours.types);
        const mismatch = compareOutcomes(ours.outcome, theirs, true);
        expect(mismatch, `cassalytics SQL: ${sql}\nDuckDB SQL: ${duckdbSql}\n${mismatch}`).toBeNull();
      } finally {
        await engine.query('RESET time_zone');
        await duckdb.connection.run("SET TimeZone = 'UTC'");
      }
    });
  }
});
