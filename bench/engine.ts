/**
 * Measures the executor on generated events, in one run:
 * - on Cassandra, each question of bench/spark/questions.json through cassalytics against the
 *   floor: a plain cassandra-driver read of the same partitions with the same CQL and no
 *   processing; and the same questions with 1 worker and with 2;
 * - aggregation pushdown on and off for counts per event type and day;
 * - on the embedded store, cassalytics against DuckDB (in memory, loaded from the same rows);
 * - a full scan that streams every row: rows per second and peak RSS, at two sizes, each in a
 *   child process of its own.
 *
 *   npm run build && node dist/bench/engine.js [--scale 1m] [--runs 3] [--write]
 *
 * Needs the local Cassandra (`npm run cassandra:start`). `--write` replaces the "Executor"
 * section of docs/benchmarks.md with the figures.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cassandra from 'cassandra-driver';
import { DuckDBInstance } from '@duckdb/node-api';
import { open, type Engine } from '../src/index.js';
import type { LogicalPlan, ScanNode } from '../src/planner/logical.js';
import { readStatements } from '../src/planner/physical/statements.js';
import { bindReportParams } from '../src/reports/bind-params.js';
import { parseReport } from '../src/reports/report-file.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(repoRoot, 'dist', 'src', 'cli', 'main.js');
const workFolder = path.join(repoRoot, 'bench', '.work');

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1]! : fallback;
};
const scale = option('scale', '1m');
const runs = Number(option('runs', '3'));
const write = args.includes('--write');

interface Question {
  readonly name: string;
  readonly title: string;
  readonly sql_file: string;
  readonly params: Record<string, string | number>;
}

const questions = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'bench', 'spark', 'questions.json'), 'utf8')) as { questions: Question[] }).questions;

function reportSql(question: Question): { sql: string; params: Record<string, unknown> } {
  const report = parseReport(fs.readFileSync(path.join(repoRoot, question.sql_file), 'utf8'), question.sql_file);
  const given = Object.entries(question.params).map(([name, value]) => ({ name, text: String(value) }));
  return { sql: report.sql, params: bindReportParams(report, given, 'UTC') };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function timeIt(action: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

function scanOf(plan: LogicalPlan): ScanNode {
  if (plan.kind === 'scan') return plan;
  if (plan.kind === 'values') throw new Error('plan has no scan');
  return scanOf(plan.kind === 'union_all' ? plan.inputs[0]! : plan.input);
}

/** Reads the partitions of a plan's scan with the plain driver, discarding the rows. */
async function floorRead(client: cassandra.Client, scan: ScanNode, concurrency: number): Promise<number> {
  if (scan.partitions.kind !== 'enumerated') throw new Error(`the floor needs enumerated partitions, got ${scan.partitions.kind}`);
  const statement = readStatements('cql', scan.table, scan.columns, scan.clustering, scan.pushdown).partition;
  const clusteringValues = scan.clustering.flatMap((r) => r.values);
  const keys = scan.partitions.keys;
  let rows = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < keys.length) {
        const key = keys[next++]!;
        let pageState: string | undefined;
        do {
          const result = await client.execute(statement, [...key, ...clusteringValues], { prepare: true, isIdempotent: true, fetchSize: 5000, pageState });
          rows += result.rows.length;
          pageState = result.pageState ?? undefined;
        } while (pageState);
      }
    }),
  );
  return rows;
}

async function runQuery(engine: Engine, sql: string, params: Record<string, unknown>): Promise<unknown[]> {
  return (await engine.query(sql, params as never)).toArray();
}

async function set(engine: Engine, statement: string): Promise<void> {
  await (await engine.query(statement)).toArray();
}

const lines: string[] = [];
const say = (line: string) => {
  console.log(line);
  lines.push(line);
};

async function cassandraSection(keyspace: string): Promise<void> {
  const contactPoints = ['127.0.0.1:9042'];
  const client = new cassandra.Client({ contactPoints, localDataCenter: 'datacenter1', keyspace });
  await client.connect();
  const engines = new Map<number, Engine>();
  for (const workers of [1, 2]) engines.set(workers, await open({ cassandra: { contactPoints, keyspace }, settings: { workers } }));
  const engine2 = engines.get(2)!;

  say('');
  say('### Cassandra: cassalytics against a plain driver read of the same partitions');
  say('');
  say('| Question | Partitions | Rows read | Floor (driver only) | cassalytics, 2 workers | Ratio | cassalytics, 1 worker |');
  say('| --- | --- | --- | --- | --- | --- | --- |');
  for (const question of questions) {
    const { sql, params } = reportSql(question);
    const plan = (await engine2.explain(sql, params as never)).plan;
    const scan = scanOf(plan);
    for (const engine of engines.values()) await runQuery(engine, sql, params);
    const floor: number[] = [];
    const two: number[] = [];
    const one: number[] = [];
    let rowsRead = 0;
    for (let run = 0; run < runs; run++) {
      floor.push(await timeIt(async () => (rowsRead = await floorRead(client, scan, 64))));
      two.push(await timeIt(() => runQuery(engine2, sql, params)));
      one.push(await timeIt(() => runQuery(engines.get(1)!, sql, params)));
    }
    const partitions = scan.partitions.kind === 'enumerated' ? scan.partitions.keys.length : 0;
    say(`| ${question.title} | ${partitions} | ${rowsRead.toLocaleString('en-US')} | ${median(floor).toFixed(0)} ms | ${median(two).toFixed(0)} ms | ${(median(two) / median(floor)).toFixed(2)} | ${median(one).toFixed(0)} ms |`);
  }

  say('');
  say('### Aggregation pushdown on and off: events per type and day, one store, 14 days');
  say('');
  const countsSql = "SELECT event_date, event_id, count(*) AS events FROM user_logs WHERE store_id = 1 AND event_date BETWEEN DATE '2026-11-16' AND DATE '2026-11-29' GROUP BY event_date, event_id";
  say('| Pushdown | Median | Rows returned by Cassandra |');
  say('| --- | --- | --- |');
  const timings: Record<string, number[]> = { on: [], off: [] };
  const scanned: Record<string, number> = {};
  for (let run = 0; run < runs + 1; run++) {
    for (const mode of ['on', 'off']) {
      await set(engine2, `SET pushdown_aggregation = '${mode}'`);
      const result = await engine2.query(countsSql);
      const elapsed = await timeIt(() => result.toArray());
      if (run > 0) timings[mode]!.push(elapsed);
      scanned[mode] = result.stats.rowsScanned;
    }
  }
  for (const mode of ['on', 'off']) say(`| ${mode} | ${median(timings[mode]!).toFixed(0)} ms | ${scanned[mode]!.toLocaleString('en-US')} |`);
  await set(engine2, 'RESET pushdown_aggregation');

  for (const engine of engines.values()) await engine.close();
  await client.shutdown();
}

/** DuckDB spellings of the four questions over a view with event_date, JSON paths parenthesised. */
function duckdbSql(question: Question): string {
  const p = question.params;
  switch (question.name) {
    case 'add_to_cart_per_day':
      return `SELECT event_date AS day, count(*) AS add_to_cart_clicks FROM events WHERE store_id = ${p.store} AND event_date BETWEEN DATE '${p.since}' AND DATE '${p.until}' AND event_id = 2 AND ((detail->'click_target')->>'btn-id') = 'shop_add_to_cart' GROUP BY event_date ORDER BY day`;
    case 'top_items_viewed_per_day':
      return `SELECT day, item_id, views, rank FROM (SELECT event_date AS day, (detail->>'item_id') AS item_id, count(*) AS views, row_number() OVER (PARTITION BY event_date ORDER BY count(*) DESC, (detail->>'item_id')) AS rank FROM events WHERE store_id BETWEEN ${p.stores_from} AND ${p.stores_to} AND event_date BETWEEN DATE '${p.since}' AND DATE '${p.until}' AND event_id = 1 AND (detail->>'page_type') = 'product' GROUP BY event_date, (detail->>'item_id')) ranked WHERE rank <= ${p.top} ORDER BY day, rank`;
    case 'top_items_added_to_cart_per_month':
      return `SELECT month, item_id, n, rank FROM (SELECT date_trunc('month', event_date) AS month, ((detail->'click_target')->>'item_id') AS item_id, count(*) AS n, row_number() OVER (PARTITION BY date_trunc('month', event_date) ORDER BY count(*) DESC, ((detail->'click_target')->>'item_id')) AS rank FROM events WHERE store_id BETWEEN ${p.stores_from} AND ${p.stores_to} AND event_date BETWEEN DATE '${p.since}' AND DATE '${p.until}' AND event_id = 2 AND ((detail->'click_target')->>'btn-id') = 'shop_add_to_cart' GROUP BY 1, 2) ranked WHERE rank <= ${p.top} ORDER BY month, rank`;
    case 'conversion_rate_per_item':
      return `SELECT item_id, views, carts, round(carts / views, 4) AS rate FROM (SELECT coalesce((detail->>'item_id'), ((detail->'click_target')->>'item_id')) AS item_id, count(*) FILTER (WHERE event_id = 1 AND (detail->>'page_type') = 'product') AS views, count(*) FILTER (WHERE event_id = 2 AND ((detail->'click_target')->>'btn-id') = 'shop_add_to_cart') AS carts FROM events WHERE store_id = ${p.store} AND event_date BETWEEN DATE '${p.since}' AND DATE '${p.until}' AND event_id IN (1, 2) GROUP BY 1) per_item WHERE views >= ${p.min_views} ORDER BY rate DESC, item_id LIMIT 50`;
    default:
      throw new Error(`no DuckDB spelling for ${question.name}`);
  }
}

async function embeddedSection(events: number): Promise<void> {
  fs.mkdirSync(workFolder, { recursive: true });
  const db = path.join(workFolder, `engine-${scale}.db`);
  const csv = path.join(workFolder, `engine-${scale}.csv`);
  const generate = ['--events', String(events), '--seed', '42', '--stores', '3', '--start', '2026-11-16', '--days', '14'];
  if (!fs.existsSync(db)) execFileSync(process.execPath, [cli, 'generate', '--db', db, ...generate], { stdio: 'inherit' });
  if (!fs.existsSync(csv)) execFileSync(process.execPath, [cli, 'generate', '--output', csv, ...generate], { stdio: 'inherit' });

  const duck = await (await DuckDBInstance.create(':memory:')).connect();
  await duck.run(
    `CREATE TABLE user_logs AS SELECT * FROM read_csv('${csv}', header = true, types = {'store_id': 'INTEGER', 'year': 'INTEGER', 'month': 'INTEGER', 'day': 'INTEGER', 'hour': 'INTEGER', 'event_id': 'INTEGER', 'url': 'VARCHAR', 'user_id': 'VARCHAR', 'session_id': 'VARCHAR', 'log_time': 'BIGINT', 'detail': 'VARCHAR'})`,
  );
  await duck.run("CREATE VIEW events AS SELECT *, try_cast(printf('%04d-%02d-%02d', year, month, day) AS DATE) AS event_date FROM user_logs");

  const engine = await open({ db, settings: { workers: 2 } });
  say('');
  say('### Embedded store: cassalytics against DuckDB (in memory) on the same rows');
  say('');
  say('| Question | cassalytics | DuckDB | Ratio |');
  say('| --- | --- | --- | --- |');
  for (const question of questions) {
    const { sql, params } = reportSql(question);
    const duckSql = duckdbSql(question);
    const ours = await runQuery(engine, sql, params);
    const theirs = (await duck.runAndReadAll(duckSql)).getRows();
    if (ours.length !== theirs.length) throw new Error(`${question.name}: cassalytics returned ${ours.length} rows, DuckDB ${theirs.length}`);
    const a: number[] = [];
    const b: number[] = [];
    for (let run = 0; run < runs; run++) {
      a.push(await timeIt(() => runQuery(engine, sql, params)));
      b.push(await timeIt(() => duck.runAndReadAll(duckSql)));
    }
    say(`| ${question.title} | ${median(a).toFixed(0)} ms | ${median(b).toFixed(0)} ms | ${(median(a) / median(b)).toFixed(1)} |`);
  }
  await engine.close();
}

/** Old-space heap of the full-scan child processes, in MiB. */
const SCAN_HEAP_MIB = 160;

/** Streams every row of a full scan in a child process and reports rows/s and peak RSS. */
function fullScanSection(): void {
  say('');
  say('### Full scan, streamed: rows per second and peak memory');
  say('');
  say(`Each scan runs in a child process whose coordinator heap is capped at ${SCAN_HEAP_MIB} MiB (\`--max-old-space-size\`); RSS includes the two worker threads.`);
  say('');
  say('| Rows | Elapsed | Rows/s | Peak RSS |');
  say('| --- | --- | --- | --- |');
  for (const events of [100_000, 1_000_000]) {
    const db = path.join(workFolder, `scan-${events}.db`);
    if (!fs.existsSync(db)) execFileSync(process.execPath, [cli, 'generate', '--db', db, '--events', String(events), '--seed', '42'], { stdio: 'inherit' });
    // The same heap cap for both sizes: a scan that kept its rows would run out of memory.
    const child = spawnSync(process.execPath, [`--max-old-space-size=${SCAN_HEAP_MIB}`, fileURLToPath(import.meta.url), '--child-scan', db], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`full scan child failed: ${child.stderr}`);
    const { rows, ms, maxRssKiB } = JSON.parse(child.stdout.trim().split('\n').pop()!) as { rows: number; ms: number; maxRssKiB: number };
    say(`| ${rows.toLocaleString('en-US')} | ${(ms / 1000).toFixed(1)} s | ${Math.round(rows / (ms / 1000)).toLocaleString('en-US')} | ${(maxRssKiB / 1024).toFixed(0)} MiB |`);
  }
}

async function childScan(db: string): Promise<void> {
  const engine = await open({ db, settings: { workers: 2 } });
  const start = performance.now();
  let rows = 0;
  for await (const _row of await engine.query('SELECT user_id, url, detail FROM user_logs')) rows++;
  const ms = performance.now() - start;
  await engine.close();
  console.log(JSON.stringify({ rows, ms, maxRssKiB: process.resourceUsage().maxRSS }));
}

function writeSection(): void {
  const file = path.join(repoRoot, 'docs', 'benchmarks.md');
  const heading = '## Executor';
  const body = [
    heading,
    '',
    `\`bench/engine.ts\` at scale ${scale}, medians of ${runs} runs, ${new Date().toISOString().slice(0, 10)}, on ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, Node.js ${process.version}, Cassandra 5.0.8 on the same machine.`,
    '',
    '```sh',
    `npm run cassandra:start && npm run build && node dist/bench/engine.js --scale ${scale} --runs ${runs} --write`,
    '```',
    ...lines,
    '',
  ].join('\n');
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = text.indexOf(`${heading}\n`);
  let updated: string;
  if (start < 0) {
    updated = `${text.trimEnd()}\n\n${body}`;
  } else {
    const next = text.indexOf('\n## ', start + heading.length);
    updated = `${text.slice(0, start)}${body}${next < 0 ? '' : text.slice(next + 1)}`;
  }
  fs.writeFileSync(file, updated.endsWith('\n') ? updated : `${updated}\n`);
}

if (args[0] === '--child-scan') {
  await childScan(args[1]!);
} else {
  // The Spark comparison's loader fills bench_<scale> once, with the same generator settings.
  const loaderOutput = execFileSync(process.execPath, [path.join(repoRoot, 'bench', 'spark', 'load-data.mjs'), '--scale', scale], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const { keyspace, events } = JSON.parse(loaderOutput.trim().split('\n').pop()!) as { keyspace: string; events: number };
  await cassandraSection(keyspace);
  await embeddedSection(events);
  fullScanSection();
  if (write) writeSection();
}
