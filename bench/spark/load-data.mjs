#!/usr/bin/env node
/**
 * Loads the generated events of one benchmark scale into its own keyspace, once.
 *
 *   node bench/spark/load-data.mjs --scale 1m [--cassandra 127.0.0.1:9042] [--dist DIR]
 *
 * The scale is an event count such as 100k, 1m or 5m, and the keyspace is bench_<scale>.
 * The expected row count comes from the same `cassalytics generate` settings written as NDJSON
 * (one line per row). The keyspace is counted partition by partition with plain CQL, so the check
 * depends on neither query engine under test. A keyspace with the expected count is left as it is.
 * Any other count means a partial load or rows of another generator version, so the keyspace is
 * dropped and generated again. Prints one JSON line:
 * { keyspace, events, rows, loaded, seconds, cassandraVersion }.
 * --dist names the compiled cassalytics whose CLI generates the rows (default: dist/ of this
 * checkout, which `npm run build` makes).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import cassandra from 'cassandra-driver';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let cliPath = path.join(repoRoot, 'dist', 'src', 'cli', 'main.js');

/** Generator settings of every scale. Only the event count differs between scales. */
export const GENERATOR_SETTINGS = Object.freeze({ seed: 42, stores: 3, start: '2026-11-16', days: 14 });

const COUNT_CONCURRENCY = 16;
const COUNT_TIMEOUT_MS = 60_000;

/** Parses a scale such as 100k, 1m, 5M or 250000 into an event count. */
export function parseScale(text) {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (match === null) throw new Error(`invalid scale "${text}": expected a count such as 100k, 1m or 250000`);
  const factor = { '': 1, k: 1_000, m: 1_000_000 }[match[2].toLowerCase()];
  const events = Math.round(Number(match[1]) * factor);
  if (events < 1) throw new Error(`invalid scale "${text}": the event count must be at least 1`);
  return events;
}

/** Returns the keyspace name of a scale, e.g. bench_100k for 100000 events. */
export function keyspaceFor(events) {
  if (events % 1_000_000 === 0) return `bench_${events / 1_000_000}m`;
  if (events % 1_000 === 0) return `bench_${events / 1_000}k`;
  return `bench_${events}`;
}

function generateArguments(events) {
  const s = GENERATOR_SETTINGS;
  return ['--events', String(events), '--seed', String(s.seed), '--stores', String(s.stores), '--start', s.start, '--days', String(s.days)];
}

/** Runs the CLI, forwarding its standard output and standard error. */
function runCli(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`cassalytics ${args.join(' ')} failed with exit code ${code}`));
    });
  });
}

/**
 * Generates the scale's rows as NDJSON and returns the row count per hourly partition, keyed by
 * "store_id,year,month,day,hour". The partitions come from the rows themselves because the
 * generator can write a few clicks into the hour after its last day.
 */
async function expectedPartitions(events) {
  const child = spawn(process.execPath, [cliPath, 'generate', ...generateArguments(events), '--format', 'ndjson'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const counts = new Map();
  for await (const line of readline.createInterface({ input: child.stdout, crlfDelay: Infinity })) {
    if (line === '') continue;
    const row = JSON.parse(line);
    const key = `${row.store_id},${row.year},${row.month},${row.day},${row.hour}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const code = await exited;
  if (code !== 0) throw new Error(`cassalytics generate --format ndjson failed with exit code ${code}`);
  return counts;
}

/**
 * Counts the rows of keyspace.user_logs in the given partitions, or returns 0 when the table is missing.
 * Rows in other partitions are not seen, but a keyspace holding them almost surely differs in
 * some expected partition as well.
 */
async function countRows(client, keyspace, partitions) {
  const table = await client.execute(
    'SELECT table_name FROM system_schema.tables WHERE keyspace_name = ? AND table_name = ?',
    [keyspace, 'user_logs'],
  );
  if (table.rowLength === 0) return 0;

  const query = `SELECT count(*) AS n FROM "${keyspace}".user_logs WHERE store_id = ? AND year = ? AND month = ? AND day = ? AND hour = ?`;
  const keys = [...partitions.keys()].map((key) => key.split(',').map(Number));
  let total = 0;
  let next = 0;
  async function worker() {
    while (next < keys.length) {
      const key = keys[next++];
      const result = await client.execute(query, key, { prepare: true, readTimeout: COUNT_TIMEOUT_MS });
      total += Number(result.first().n);
    }
  }
  await Promise.all(Array.from({ length: COUNT_CONCURRENCY }, worker));
  return total;
}

function parseArguments(argv) {
  const options = { scale: undefined, cassandra: '127.0.0.1:9042', dist: undefined };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    const value = argv[i + 1];
    if ((name === '--scale' || name === '--cassandra' || name === '--dist') && value !== undefined) {
      options[name.slice(2)] = value;
      i++;
    } else {
      throw new Error(`unknown or incomplete option "${name}"; usage: load-data.mjs --scale 100k|1m|5m [--cassandra HOST:PORT] [--dist DIR]`);
    }
  }
  if (options.scale === undefined) throw new Error('missing --scale; usage: load-data.mjs --scale 100k|1m|5m [--cassandra HOST:PORT] [--dist DIR]');
  return options;
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  if (options.dist !== undefined) cliPath = path.join(path.resolve(options.dist), 'src', 'cli', 'main.js');
  const events = parseScale(options.scale);
  const keyspace = keyspaceFor(events);
  const startedAt = performance.now();

  const partitions = await expectedPartitions(events);
  const expected = [...partitions.values()].reduce((sum, count) => sum + count, 0);
  const client = new cassandra.Client({ contactPoints: [options.cassandra], localDataCenter: 'datacenter1' });
  await client.connect();
  let loaded = false;
  let rows;
  let cassandraVersion;
  try {
    cassandraVersion = (await client.execute('SELECT release_version FROM system.local')).first().release_version;
    rows = await countRows(client, keyspace, partitions);
    if (rows !== expected) {
      if (rows > 0) {
        process.stderr.write(`load-data: ${keyspace} has ${rows} rows, expected ${expected}; dropping and loading again\n`);
        await client.execute(`DROP KEYSPACE IF EXISTS "${keyspace}"`, [], { readTimeout: COUNT_TIMEOUT_MS });
      }
      const host = options.cassandra;
      await runCli(['generate', ...generateArguments(events), '--cassandra', host, '--keyspace', keyspace]);
      loaded = true;
      rows = await countRows(client, keyspace, partitions);
      if (rows !== expected) throw new Error(`loading failed: ${keyspace} contains ${rows} rows after loading, expected ${expected}`);
    }
  } finally {
    await client.shutdown();
  }

  const seconds = (performance.now() - startedAt) / 1000;
  process.stdout.write(`${JSON.stringify({ keyspace, events, rows, loaded, seconds: Number(seconds.toFixed(1)), cassandraVersion })}\n`);
}

main().catch((error) => {
  process.stderr.write(`load-data: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
