/**
 * Measures `cassalytics load` into Cassandra end to end: process start, connection, keyspace and
 * table creation, reading, conversion and writing.
 *
 * Build and run: npm run build && node dist/bench/load.js [rows] [runs]
 * It generates a CSV file with `cassalytics generate` (default 200,000 events), then runs
 * `cassalytics load FILE --cassandra HOSTS --keyspace bench_load --create` `runs` times (default
 * 3), dropping the keyspace before each run and after the last. It prints the rate of each run,
 * the load average around it, and the median rate. CASSANDRA_CONTACT_POINTS sets the node
 * (default 127.0.0.1).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectCassandra } from '../src/cassandra/client.js';
import { parseContactPoints } from '../src/cassandra/options.js';

const rows = Number(process.argv[2] ?? 200_000);
const runs = Number(process.argv[3] ?? 3);
const contactPoints = process.env['CASSANDRA_CONTACT_POINTS']?.trim() || '127.0.0.1';
const keyspace = 'bench_load';
const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/cli/main.js');

if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(runs) || runs < 1) {
  throw new Error(`usage: node dist/bench/load.js [rows] [runs], with positive integers; got ${process.argv.slice(2).join(' ')}`);
}

interface CommandResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

/** Runs the CLI with `args` and returns its output and wall-clock time. */
function runCli(args: readonly string[]): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr, seconds: (performance.now() - startedAt) / 1000 }));
  });
}

async function dropKeyspace(): Promise<void> {
  const client = await connectCassandra({ contactPoints: parseContactPoints(contactPoints) });
  try {
    await client.execute(`DROP KEYSPACE IF EXISTS ${keyspace}`);
  } finally {
    await client.shutdown();
  }
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
}

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cassalytics-bench-load-'));
const file = path.join(folder, 'events.csv');
try {
  console.log(`node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, Cassandra at ${contactPoints}`);
  const generated = await runCli(['generate', '--output', file, '--events', String(rows)]);
  if (generated.status !== 0) throw new Error(`generate failed with exit code ${generated.status}: ${generated.stderr.trim()}`);
  const count = /generated ([\d,]+) events/.exec(generated.stderr);
  if (count === null) throw new Error(`generate printed no event count: ${generated.stderr.trim()}`);
  const events = Number(count[1]!.replaceAll(',', ''));
  console.log(`${events.toLocaleString('en-US')} rows in ${file} (${(fs.statSync(file).size / 1e6).toFixed(1)} MB)`);

  const rates: number[] = [];
  for (let run = 1; run <= runs; run++) {
    await dropKeyspace();
    const loadBefore = loadAverage();
    const result = await runCli(['load', file, '--cassandra', contactPoints, '--keyspace', keyspace, '--create']);
    const loadAfter = loadAverage();
    if (result.status !== 0) {
      throw new Error(`load failed with exit code ${result.status}: ${result.stderr.trim() || result.stdout.trim()}`);
    }
    const summary = /([\d,]+) rows read, ([\d,]+) written, ([\d,]+) rejected/.exec(result.stdout);
    const written = summary === null ? Number.NaN : Number(summary[2]!.replaceAll(',', ''));
    if (written !== events) throw new Error(`load wrote ${written} of ${events} rows: ${result.stdout.trim()}`);
    const rate = written / result.seconds;
    rates.push(rate);
    console.log(
      `run ${run}: ${written.toLocaleString('en-US')} rows in ${result.seconds.toFixed(1)} s, ` +
        `${Math.round(rate).toLocaleString('en-US')} rows/s (load average ${loadBefore} before, ${loadAfter} after)`,
    );
  }
  rates.sort((a, b) => a - b);
  console.log(`median of ${runs} runs: ${Math.round(rates[Math.floor(rates.length / 2)]!).toLocaleString('en-US')} rows/s`);
} finally {
  await dropKeyspace().catch((error: unknown) => console.error(`could not drop keyspace ${keyspace}: ${(error as Error).message}`));
  fs.rmSync(folder, { recursive: true, force: true });
}
