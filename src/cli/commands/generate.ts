import { Command } from 'commander';
import { primaryKey, type TableDef } from '../../catalog/table.js';
import { DEFAULT_KEYSPACE, userLogsTable } from '../../catalog/user-logs.js';
import { FileSink } from '../../generate/file-sink.js';
import { generateEvents } from '../../generate/generator.js';
import {
  DEFAULT_GENERATE_OPTIONS,
  GenerateOptionsError,
  resolveGenerateOptions,
  type GenerateOptions,
} from '../../generate/options.js';
import type { OutputFormat } from '../../generate/row-format.js';
import { writeRows } from '../../generate/write-rows.js';
import { DEFAULT_SINK_CONCURRENCY } from '../../cassandra/sink.js';
import { formatCount, ProgressLine } from '../../loader/progress.js';
import type { RowSink } from '../../loader/sink.js';
import { UsageError } from '../errors.js';
import { parseChoice, parseFraction, parseInteger } from '../parse-options.js';
import {
  addReplicationOptions,
  addTargetOptions,
  chosenTarget,
  closeTarget,
  describeTarget,
  ensureTable,
  openTarget,
  replicationFrom,
  sinkFor,
  type Target,
  type TargetOptions,
} from '../target.js';

interface GenerateCommandOptions extends TargetOptions {
  readonly output?: string;
  readonly format?: OutputFormat;
  readonly gzip?: boolean;
  readonly seed?: number;
  readonly stores?: number;
  readonly start?: string;
  readonly days?: number;
  readonly events?: number;
  readonly malformedRate?: number;
  readonly table: string;
  readonly batchSize: number;
  readonly concurrency: number;
  readonly replicationFactor?: number;
  readonly dataCenter?: string[];
}

const DEFAULT_BATCH_SIZE = 2000;
/** Batches in flight: one being stored while the next is generated. */
const BATCHES_IN_FLIGHT = 2;

export function generateCommand(): Command {
  const d = DEFAULT_GENERATE_OPTIONS;
  const command = new Command('generate')
    .summary('generate web-analytics events as CSV, NDJSON or into a store')
    .description(
      'Generate web-analytics events (page views, clicks, time on page) in the user_logs shape.\n' +
        'Writes CSV to standard output unless --output, --db or --cassandra is given. ' +
        'The same options always produce the same rows.',
    )
    .option('-o, --output <file>', 'write to this file; a name ending in .gz is gzipped')
    .option('--format <format>', 'csv or ndjson (default: from the --output name, else csv)', parseChoice('--format', ['csv', 'ndjson'] as const))
    .option('--gzip', 'gzip the output')
    .option('--seed <n>', `random seed, an unsigned 32-bit integer (default: ${d.seed})`, parseInteger('--seed', 0, 0xffffffff))
    .option('--stores <n>', `number of shops (default: ${d.stores})`, parseInteger('--stores', 1, 1000))
    .option('--start <date>', `first UTC day as YYYY-MM-DD (default: ${d.startDate})`)
    .option('--days <n>', `number of days (default: ${d.days})`, parseInteger('--days', 1, 3660))
    .option('--events <n>', `approximate number of events (default: ${d.events})`, parseInteger('--events', 0, 1_000_000_000))
    .option('--malformed-rate <fraction>', 'share of events whose detail is not valid JSON (default: 0)', parseFraction('--malformed-rate'))
    .option('--table <name>', 'table to write into with --db or --cassandra; created when missing', 'user_logs')
    .option('--batch-size <rows>', 'rows per write', parseInteger('--batch-size', 1, 100_000), DEFAULT_BATCH_SIZE)
    .option(
      '--concurrency <n>',
      'Cassandra INSERT requests in flight',
      parseInteger('--concurrency', 1, 1024),
      DEFAULT_SINK_CONCURRENCY,
    );
  addTargetOptions(command);
  addReplicationOptions(command);
  return command.action(async (options: GenerateCommandOptions) => runGenerate(options));
}

async function runGenerate(options: GenerateCommandOptions): Promise<void> {
  const settings = generateSettings(options);
  // generate writes a file or standard output unless a target is named on the command line; the
  // CASSANDRA_CONTACT_POINTS variable alone does not redirect it.
  const targetKind = chosenTarget(options, {});
  if (targetKind !== undefined && (options.output !== undefined || options.format !== undefined || options.gzip === true)) {
    throw new UsageError('--output, --format and --gzip write files; they cannot be combined with --db or --cassandra');
  }

  const startedAt = performance.now();
  let target: Target | undefined;
  let sink: RowSink;
  if (targetKind === undefined) {
    const format = options.format ?? (/\.(ndjson|jsonl)(\.gz)?$/i.test(options.output ?? '') ? 'ndjson' : 'csv');
    const gzip = options.gzip === true || /\.gz$/i.test(options.output ?? '');
    const fileOptions = options.output === undefined ? { format, gzip } : { path: options.output, format, gzip };
    sink = new FileSink(userLogsTable(DEFAULT_KEYSPACE, options.table), fileOptions);
  } else {
    target = await openTarget(options);
    const def = await ensureTable(target, userLogsTable(target.keyspace, options.table), replicationFrom(options));
    requireGeneratedColumns(def);
    sink = sinkFor(target, def, options.concurrency);
  }

  // Rows printed to a terminal would mix with the progress line, so it is drawn only for other outputs.
  const toTerminal = targetKind === undefined && options.output === undefined && process.stdout.isTTY === true;
  const progress = new ProgressLine(toTerminal ? undefined : process.stderr, 'generate');
  let written: number;
  try {
    written = await writeRows(generateEvents(settings), sink, {
      batchSize: options.batchSize,
      concurrency: BATCHES_IN_FLIGHT,
      onBatch: (rows) => progress.update(rows, rows, settings.events),
    });
    await sink.close();
  } finally {
    progress.clear();
    if (target !== undefined) await closeTarget(target);
  }

  const seconds = (performance.now() - startedAt) / 1000;
  const where = target === undefined ? sink.description : describeTarget(target);
  process.stderr.write(
    `generated ${formatCount(written)} events for ${settings.stores} stores from ${settings.startDate} over ` +
      `${settings.days} days into ${where} in ${seconds.toFixed(1)} s ` +
      `(${formatCount(Math.round(written / Math.max(seconds, 1e-9)))} events/s)\n`,
  );
}

function generateSettings(options: GenerateCommandOptions): GenerateOptions {
  try {
    return resolveGenerateOptions({
      seed: options.seed,
      stores: options.stores,
      startDate: options.start,
      days: options.days,
      events: options.events,
      malformedRate: options.malformedRate,
    } as Partial<GenerateOptions>);
  } catch (error) {
    if (error instanceof GenerateOptionsError) throw new UsageError(error.message);
    throw error;
  }
}

/** Checks that an existing table has the columns and key of the generated rows. */
function requireGeneratedColumns(def: TableDef): void {
  const expected = userLogsTable(def.keyspace, def.name);
  const names = new Set(def.columns.map((column) => column.name));
  const missing = expected.columns.filter((column) => !names.has(column.name)).map((column) => column.name);
  const keyOf = (table: TableDef): string => primaryKey(table).map((column) => column.name).join(',');
  if (missing.length > 0 || keyOf(def) !== keyOf(expected)) {
    throw new Error(
      `table ${def.name} does not have the user_logs columns and primary key` +
        (missing.length > 0 ? ` (missing: ${missing.join(', ')})` : '') +
        '; choose another --table',
    );
  }
}
