import path from 'node:path';
import { Command } from 'commander';
import { DEFAULT_SINK_CONCURRENCY } from '../../cassandra/sink.js';
import type { TableDef } from '../../catalog/table.js';
import { userLogsTable } from '../../catalog/user-logs.js';
import { InputError, type InputFormat } from '../../loader/input.js';
import { DEFAULT_BATCH_SIZE, loadFile, type LoadSummary } from '../../loader/load.js';
import { formatCount } from '../../loader/progress.js';
import { RejectFile } from '../../loader/reject-file.js';
import { EXIT_FAILURE, ReportedFailure, UsageError } from '../errors.js';
import { parseChoice, parseInteger } from '../parse-options.js';
import {
  addReplicationOptions,
  addTargetOptions,
  closeTarget,
  describeTarget,
  ensureTable,
  findTable,
  openTarget,
  replicationFrom,
  sinkFor,
  type Target,
  type TargetOptions,
} from '../target.js';

interface LoadCommandOptions extends TargetOptions {
  readonly table: string;
  readonly create?: boolean;
  readonly format?: InputFormat;
  readonly rejectFile?: string;
  readonly batchSize: number;
  readonly concurrency: number;
  readonly replicationFactor?: number;
  readonly dataCenter?: string[];
}

/** Batches in flight: one being stored while the next is read and converted. */
const BATCHES_IN_FLIGHT = 2;

export function loadCommand(): Command {
  const command = new Command('load')
    .summary('load CSV or NDJSON files into a table')
    .description(
      'Load CSV or NDJSON files, optionally gzipped, into a table.\n' +
        'A CSV file starts with a header naming the columns (any case); every primary-key column must be present. ' +
        'Rows that cannot be converted or that the store rejects go to a reject file with their line number and reason; ' +
        'the exit code is then 1. Loading a file twice leaves the same rows.',
    )
    .argument('<files...>', 'input files: .csv, .ndjson or .jsonl, gzipped or not')
    .option('--table <name>', 'table to load into', 'user_logs')
    .option('--create', 'create the table with the user_logs columns (and in Cassandra the keyspace) when missing')
    .option('--format <format>', 'csv or ndjson (default: from the file name, else from its first character)', parseChoice('--format', ['csv', 'ndjson'] as const))
    .option('--reject-file <path>', 'one reject file for all inputs (default: <input>.reject.csv for each input); replaced on each run')
    .option('--batch-size <rows>', 'rows per write', parseInteger('--batch-size', 1, 100_000), DEFAULT_BATCH_SIZE)
    .option('--concurrency <n>', 'Cassandra write requests (INSERTs or single-partition batches) in flight', parseInteger('--concurrency', 1, 1024), DEFAULT_SINK_CONCURRENCY);
  addTargetOptions(command);
  addReplicationOptions(command);
  return command.action(async (files: string[], options: LoadCommandOptions) => runLoad(files, options));
}

async function runLoad(files: readonly string[], options: LoadCommandOptions): Promise<void> {
  checkRejectPaths(files, options.rejectFile);
  const replication = replicationFrom(options);
  const target = await openTarget(options);
  const sharedRejects = options.rejectFile === undefined ? undefined : new RejectFile(options.rejectFile);
  let failed = false;
  try {
    const def = await tableFor(target, options, replication);
    const sink = sinkFor(target, def, options.concurrency);
    const summaries: LoadSummary[] = [];
    try {
      for (const file of files) {
        try {
          const summary = await loadFile(file, {
            table: def,
            sink,
            format: options.format,
            rejectFile: sharedRejects,
            batchSize: options.batchSize,
            concurrency: BATCHES_IN_FLIGHT,
            progress: process.stderr,
          });
          summaries.push(summary);
          printSummary(summary);
          if (summary.rejected > 0) failed = true;
        } catch (error) {
          // A file that cannot be read at all is reported and the next file is loaded.
          if (!(error instanceof InputError)) throw error;
          process.stderr.write(`error: ${error.message}\n`);
          failed = true;
        }
      }
    } finally {
      await sink.close();
    }
    if (summaries.length > 1) printTotal(summaries, target, def);
  } finally {
    sharedRejects?.close();
    await closeTarget(target);
  }
  if (failed) throw new ReportedFailure(EXIT_FAILURE);
}

async function tableFor(
  target: Target,
  options: LoadCommandOptions,
  replication: ReturnType<typeof replicationFrom>,
): Promise<TableDef> {
  const existing = await findTable(target, options.table);
  if (existing !== undefined) return existing;
  if (options.create === true) return ensureTable(target, userLogsTable(target.keyspace, options.table), replication);
  throw new Error(
    `table ${options.table} not found in ${describeTarget(target)}; pass --create or run "cassalytics init" first`,
  );
}

function printSummary(summary: LoadSummary): void {
  const lines = [
    `${summary.file}: ${formatCount(summary.rowsRead)} rows read, ${formatCount(summary.rowsWritten)} written, ` +
      `${formatCount(summary.rejected)} rejected, ${formatCount(summary.repeatedKeys)} repeated keys ` +
      `(${summary.format}, ${summary.seconds.toFixed(1)} s)`,
  ];
  if (summary.repeatedKeys > 0) {
    lines.push(`  ${formatCount(summary.repeatedKeys)} rows repeated an earlier primary key; Cassandra keeps the last one`);
  }
  if (summary.rejectPath !== undefined) {
    lines.push(`  rejected rows with line numbers and reasons: ${summary.rejectPath}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

function printTotal(summaries: readonly LoadSummary[], target: Target, def: TableDef): void {
  const sum = (pick: (summary: LoadSummary) => number): string =>
    formatCount(summaries.reduce((total, summary) => total + pick(summary), 0));
  process.stdout.write(
    `total into ${def.name} at ${describeTarget(target)}: ${sum((s) => s.rowsRead)} rows read, ` +
      `${sum((s) => s.rowsWritten)} written, ${sum((s) => s.rejected)} rejected, ${sum((s) => s.repeatedKeys)} repeated keys\n`,
  );
}

/**
 * Rejects reject-file paths that name an input, since the reject file is replaced on each run:
 * `--reject-file` equal to an input, or an input named like another input's default reject file.
 */
function checkRejectPaths(files: readonly string[], rejectFile: string | undefined): void {
  const inputs = new Set(files.map((file) => path.resolve(file)));
  const rejectPaths = rejectFile === undefined ? files.map((file) => `${file}.reject.csv`) : [rejectFile];
  for (const rejectPath of rejectPaths) {
    if (inputs.has(path.resolve(rejectPath))) {
      throw new UsageError(`the reject file ${rejectPath} is also an input, and loading would overwrite it; choose another with --reject-file`);
    }
  }
}
