import type { MessagePort } from 'node:worker_threads';
import type { CancelCheck } from './cancel-flag.js';
import { RowSender } from './row-stream.js';
import { connectCassandra } from '../cassandra/client.js';
import type cassandra from 'cassandra-driver';
import { partitionKey, type SqlType } from '../catalog/table.js';
import { readStatements, type ReadStatements } from '../planner/physical/statements.js';
import type { ScanColumn } from '../planner/logical.js';
import { compileExpr, type CompileEnv, type CompiledExpr } from './compile.js';
import { emptyStats, type ScanFragment, type ScanTask, type TargetSpec, type TaskResult, type TaskStats } from './fragment.js';
import { GroupTable } from './group-table.js';
import { CassandraReader } from './sources/cassandra-reader.js';
import { cellDecoder, type CellDecoder } from './sources/decode.js';
import { EmbeddedReader } from './sources/embedded-reader.js';
import type { PartitionReader } from './sources/reader.js';
import { isValidCivil, daysFromCivil } from './semantics/calendar.js';
import type { Row, Value } from './values.js';

/**
 * Runs one scan task of a fragment: reads its partitions or token range, builds each scan row
 * (stored columns decoded, virtual time columns computed), keeps the rows the filter accepts, and
 * returns them projected or folded into partial aggregates.
 */
export async function runFragmentTask(
  target: TargetSpec,
  fragment: ScanFragment,
  task: ScanTask,
  memoryLimitBytes: number,
  signal?: CancelCheck,
  rowPort?: MessagePort,
): Promise<TaskResult> {
  const compiled = await compiledFragment(target, fragment);
  const stats = emptyStats();
  const counters = { malformedJson: 0 };
  const env: CompileEnv = { context: { timeZone: fragment.timeZone, nowMs: fragment.nowMs }, counters };
  const filter = fragment.filter ? compileExpr(fragment.filter, env) : null;

  const output = fragment.output;
  let onRow: (row: Row) => void;
  let finish: () => TaskResult | Promise<TaskResult>;
  let afterPage: (() => Promise<void>) | undefined;
  if (output.kind === 'rows') {
    const exprs = output.exprs.map((e) => compileExpr(e, env));
    if (rowPort) {
      // Rows stream to the coordinator in batches while the task runs.
      const sender = new RowSender(rowPort);
      onRow = (row) => sender.add(exprs.map((e) => e(row)));
      afterPage = () => sender.flushIfFull();
      finish = async () => ({ kind: 'rows', rows: await sender.finish(), stats });
    } else {
      const rows: Row[] = [];
      onRow = (row) => rows.push(exprs.map((e) => e(row)));
      finish = () => ({ kind: 'rows', rows, stats });
    }
  } else {
    const table = new GroupTable(output.groups, output.aggregates, env, memoryLimitBytes);
    onRow = (row) => table.add(row);
    finish = () => ({ kind: 'partial_aggregate', groups: table.partials(), stats });
  }

  const consume = (cells: unknown[], key: readonly Value[]) => {
    const row = compiled.buildRow(cells, key);
    if (filter && filter(row) !== true) return;
    onRow(row);
  };

  switch (task.kind) {
    case 'partitions':
      await forEachBounded(task.keys, fragment.concurrency, (key) =>
        compiled.reader.readPartition(key, compiled.clusteringValues, (cells) => consume(cells, key), stats, signal, afterPage),
      );
      break;
    case 'token_range':
      await compiled.reader.readTokenRange(task.start, task.end, (cells) => consume(cells, []), stats, signal, afterPage);
      break;
  }
  stats.malformedJson = counters.malformedJson;
  return await finish();
}

interface CompiledFragment {
  readonly reader: PartitionReader;
  readonly buildRow: (cells: unknown[], key: readonly Value[]) => Row;
  readonly clusteringValues: readonly Value[];
}

const fragmentCache = new Map<string, CompiledFragment>();
const cassandraClients = new Map<string, Promise<cassandra.Client>>();

async function compiledFragment(target: TargetSpec, fragment: ScanFragment): Promise<CompiledFragment> {
  const cached = fragmentCache.get(fragment.queryId);
  if (cached) return cached;

  const dialect = target.kind === 'cassandra' ? 'cql' : 'sqlite';
  const statements = readStatements(dialect, fragment.table, fragment.columns, fragment.clustering, fragment.pushdown);
  let reader: PartitionReader;
  if (target.kind === 'embedded') {
    reader = new EmbeddedReader(target.path, statements.partition);
  } else {
    const client = await cassandraClient(target);
    reader = new CassandraReader(client, statements.partition, statements.tokenRange, fragment.fetchSize, fragment.readTimeoutMs, partitionKey(fragment.table).map((c) => c.name));
  }
  const compiled: CompiledFragment = {
    reader,
    buildRow: rowBuilder(fragment, statements, dialect === 'cql' ? 'cassandra' : 'sqlite'),
    clusteringValues: fragment.clustering.flatMap((r) => r.values),
  };
  // Workers serve one query at a time per task; a few entries cover queries that interleave.
  if (fragmentCache.size >= 8) fragmentCache.delete(fragmentCache.keys().next().value!);
  fragmentCache.set(fragment.queryId, compiled);
  return compiled;
}

/** Returns this thread's client for a cluster, connecting once and reusing it for every task. */
export function cassandraClient(target: Extract<TargetSpec, { kind: 'cassandra' }>): Promise<cassandra.Client> {
  const key = JSON.stringify(target.options);
  let client = cassandraClients.get(key);
  if (!client) {
    client = connectCassandra(target.options);
    client.catch(() => cassandraClients.delete(key));
    cassandraClients.set(key, client);
  }
  return client;
}

export async function closeCassandraClients(): Promise<void> {
  const clients = [...cassandraClients.values()];
  cassandraClients.clear();
  await Promise.all(clients.map(async (c) => (await c.catch(() => null))?.shutdown()));
}

type RawAccessor = (cells: unknown[], key: readonly Value[]) => unknown;

function rowBuilder(fragment: ScanFragment, statements: ReadStatements, source: 'sqlite' | 'cassandra'): (cells: unknown[], key: readonly Value[]) => Row {
  const keyColumns = partitionKey(fragment.table).map((c) => c.name);
  const cqlTypeOf = (name: string) => fragment.table.columns.find((c) => c.name === name)!.cqlType;
  // Partition-key values come from the task's key when the statement does not select them.
  const storedCell = (name: string): [RawAccessor, CellDecoder] => {
    const keyIndex = keyColumns.indexOf(name);
    if (statements.keyFromTask && keyIndex >= 0) return [(_cells, key) => key[keyIndex], (raw) => raw as Value];
    const index = statements.fetched.indexOf(name);
    return [(cells) => cells[index], cellDecoder(cqlTypeOf(name), source)];
  };
  const builders = fragment.columns.map((column, position) => columnBuilder(column, position, statements, storedCell, source));
  return (cells, key) => builders.map((build) => build(cells, key));
}

function columnBuilder(
  column: ScanColumn,
  position: number,
  statements: ReadStatements,
  storedCell: (name: string) => [RawAccessor, CellDecoder],
  source: 'sqlite' | 'cassandra',
): (cells: unknown[], key: readonly Value[]) => Value {
  switch (column.kind) {
    case 'stored': {
      const [read, decode] = storedCell(column.name);
      return (cells, key) => decode(read(cells, key));
    }
    case 'event_time': {
      const [read, decode] = storedCell(column.source);
      return (cells, key) => {
        const value = decode(read(cells, key));
        return typeof value === 'bigint' ? Number(value) : value;
      };
    }
    case 'event_date': {
      const [readYear, year] = storedCell(column.year);
      const [readMonth, month] = storedCell(column.month);
      const [readDay, day] = storedCell(column.day);
      return (cells, key) => {
        const y = year(readYear(cells, key));
        const m = month(readMonth(cells, key));
        const d = day(readDay(cells, key));
        if (typeof y !== 'number' || typeof m !== 'number' || typeof d !== 'number') return null;
        // Buckets that name no real date, such as 31 February, have no event_date.
        return isValidCivil(y, m, d) ? daysFromCivil(y, m, d) : null;
      };
    }
    case 'pushed_aggregate': {
      const index = statements.fetched.indexOf(`#${position}`);
      const decode = cellDecoder(CQL_TYPE_OF_RESULT[column.type], source);
      return (cells) => decode(cells[index]);
    }
  }
}

/** CQL type whose decoder reads a pushed aggregate's result of each SQL type. */
const CQL_TYPE_OF_RESULT: Record<SqlType, string> = {
  BIGINT: 'bigint',
  DOUBLE: 'double',
  TEXT: 'text',
  BOOLEAN: 'boolean',
  DATE: 'date',
  TIMESTAMP: 'timestamp',
  JSON: 'text',
};

/** Runs `work` over `items` with at most `limit` calls in flight, failing on the first error. */
export async function forEachBounded<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  });
  await Promise.all(runners);
}

export type { CompiledExpr, TaskStats };
