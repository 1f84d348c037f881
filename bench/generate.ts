/**
 * Measures the event generator: generation alone, then CSV, NDJSON and gzipped CSV files through
 * the same FileSink and batching that `cassalytics generate --output` uses, then the embedded store.
 *
 * Build and run: npm run build && node dist/bench/generate.js [events] [runs]
 * Prints one line per case with the median rate of the runs (default 1,000,000 events, 3 runs).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_KEYSPACE, userLogsTable } from '../src/catalog/user-logs.js';
import { FileSink } from '../src/generate/file-sink.js';
import { generateEvents } from '../src/generate/generator.js';
import type { OutputFormat } from '../src/generate/row-format.js';
import { writeRows } from '../src/generate/write-rows.js';
import type { RowSink } from '../src/loader/sink.js';
import { EmbeddedStore } from '../src/store/store.js';

const events = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 3);
const table = userLogsTable(DEFAULT_KEYSPACE);
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cassalytics-bench-'));

interface Case {
  readonly name: string;
  /** Runs the case once and returns the number of events produced. */
  run(index: number): Promise<number>;
}

function fileCase(name: string, format: OutputFormat, gzip: boolean): Case {
  return {
    name,
    async run(index) {
      const file = path.join(folder, `run-${index}.${format}${gzip ? '.gz' : ''}`);
      const sink = new FileSink(table, { path: file, format, gzip });
      const written = await writeRows(generateEvents({ events }), sink, { batchSize: 2000, concurrency: 2 });
      await sink.close();
      fs.rmSync(file);
      return written;
    },
  };
}

const cases: Case[] = [
  {
    name: 'generate only',
    async run() {
      let count = 0;
      for (const row of generateEvents({ events })) if (row !== undefined) count++;
      return count;
    },
  },
  fileCase('CSV file', 'csv', false),
  fileCase('NDJSON file', 'ndjson', false),
  fileCase('gzipped CSV file', 'csv', true),
  {
    name: 'embedded store',
    async run(index) {
      const file = path.join(folder, `run-${index}.db`);
      const store = EmbeddedStore.open(file);
      store.createTable(table);
      const sink: RowSink = store.sink(table);
      const written = await writeRows(generateEvents({ events }), sink, { batchSize: 5000, concurrency: 1 });
      await sink.close();
      store.close();
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
      return written;
    },
  },
];

console.log(`node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}`);
console.log(`${events.toLocaleString('en-US')} requested events, median of ${runs} runs`);
try {
  for (const benchCase of cases) {
    const rates: number[] = [];
    let produced = 0;
    for (let index = 0; index < runs; index++) {
      const startedAt = performance.now();
      produced = await benchCase.run(index);
      rates.push(produced / ((performance.now() - startedAt) / 1000));
    }
    rates.sort((a, b) => a - b);
    const median = rates[Math.floor(rates.length / 2)]!;
    console.log(`${benchCase.name.padEnd(18)} ${produced.toLocaleString('en-US')} events  ${Math.round(median).toLocaleString('en-US')} events/s`);
  }
} finally {
  fs.rmSync(folder, { recursive: true, force: true });
}
