#!/usr/bin/env node
/**
 * Runs the benchmark questions with cassalytics through its public API (dist/src/index.js).
 *
 *   node bench/spark/cassalytics-runner.mjs --keyspace bench_1m --run add_to_cart_per_day   # run one question, wait for EOF on stdin
 *   node bench/spark/cassalytics-runner.mjs --keyspace bench_1m --serve                     # run each question whose name arrives on stdin
 *
 * Each question runs the saved report named in bench/spark/questions.json with its parameters.
 * Messages for compare.py are stdout lines that start with "@@bench " followed by JSON, the same
 * protocol as spark_runner.py. A result holds the columns, the rows as JSON values (DATE as
 * YYYY-MM-DD, TIMESTAMP as UTC ISO text) and the seconds from query() to the last row.
 * --dist names the compiled cassalytics to load (default: dist/ of this checkout, which `npm run build` makes).
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const MESSAGE_PREFIX = '@@bench ';

function send(message) {
  process.stdout.write(`${MESSAGE_PREFIX}${JSON.stringify(message)}\n`);
}

/** Converts a result value to JSON. BIGINT values beyond 2^53 stay exact as text. */
function jsonValue(value) {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  return value;
}

function parseArguments(argv) {
  const options = {
    keyspace: undefined,
    cassandra: '127.0.0.1:9042',
    questions: path.join(repoRoot, 'bench', 'spark', 'questions.json'),
    dist: path.join(repoRoot, 'dist'),
    run: undefined,
    serve: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    if (name === '--serve') {
      options.serve = true;
    } else if (['--keyspace', '--cassandra', '--questions', '--dist', '--run'].includes(name) && argv[i + 1] !== undefined) {
      options[name.slice(2)] = argv[++i];
    } else {
      throw new Error(`unknown or incomplete option "${name}"; usage: cassalytics-runner.mjs --keyspace KS (--run QUESTION | --serve) [--cassandra HOST:PORT] [--questions FILE] [--dist DIR]`);
    }
  }
  if (options.keyspace === undefined) throw new Error('missing --keyspace');
  if ((options.run === undefined) === !options.serve) throw new Error('expected exactly one of --run QUESTION and --serve');
  return options;
}

async function runQuestion(engine, questions, name) {
  const question = questions.get(name);
  if (question === undefined) throw new Error(`unknown question "${name}"; expected one of ${[...questions.keys()].join(', ')}`);
  const sql = fs.readFileSync(path.join(repoRoot, question.sql_file), 'utf8');
  const startedAt = performance.now();
  const result = await engine.query(sql, question.params);
  const rows = await result.toArray();
  const seconds = (performance.now() - startedAt) / 1000;
  const columns = result.columns.map((column) => column.name);
  return {
    type: 'result',
    question: name,
    columns,
    rows: rows.map((row) => columns.map((column) => jsonValue(row[column]))),
    seconds,
  };
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const list = JSON.parse(fs.readFileSync(options.questions, 'utf8')).questions;
  const questions = new Map(list.map((question) => [question.name, question]));

  // Imported here so that start-up cost of the engine's modules counts in the cold time like Spark's JVM start.
  const { open } = await import(pathToFileURL(path.join(path.resolve(options.dist), 'src', 'index.js')).href);
  const engine = await open({ cassandra: { contactPoints: [options.cassandra], keyspace: options.keyspace } });
  try {
    const input = readline.createInterface({ input: process.stdin });
    if (options.run !== undefined) {
      send(await runQuestion(engine, questions, options.run));
      for await (const line of input) void line;
      return;
    }
    send({ type: 'ready' });
    for await (const line of input) {
      const name = line.trim();
      if (name === '') continue;
      // A failed question (for example while Cassandra restarts) is reported and the engine stays
      // open, so compare.py can ask again.
      try {
        send(await runQuestion(engine, questions, name));
      } catch (error) {
        send({ type: 'error', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
      }
    }
  } finally {
    await engine.close();
  }
}

main().catch((error) => {
  send({ type: 'error', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
