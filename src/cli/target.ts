import fs from 'node:fs';
import type { Command } from 'commander';
import type { Client } from 'cassandra-driver';
import { DEFAULT_KEYSPACE } from '../catalog/user-logs.js';
import type { TableDef } from '../catalog/table.js';
import { connectCassandra } from '../cassandra/client.js';
import { createKeyspace, createTable, type Replication } from '../cassandra/ddl.js';
import { cassandraOptionsFromEnv, parseContactPoints, type CassandraOptions } from '../cassandra/options.js';
import { readTableDef } from '../cassandra/schema.js';
import { createCassandraSink } from '../cassandra/sink.js';
import type { RowSink } from '../loader/sink.js';
import { EmbeddedStore } from '../store/store.js';
import { UsageError } from './errors.js';
import { parseInteger } from './parse-options.js';

/** Options that choose where rows are stored, shared by every command that reads or writes them. */
export interface TargetOptions {
  readonly db?: string;
  readonly cassandra?: string;
  readonly keyspace?: string;
  readonly localDc?: string;
  readonly username?: string;
  readonly passwordFile?: string;
}

/** An opened store: the embedded SQLite file or a Cassandra cluster. */
export type Target =
  | { readonly kind: 'embedded'; readonly store: EmbeddedStore; readonly keyspace: string }
  | { readonly kind: 'cassandra'; readonly client: Client; readonly keyspace: string; readonly description: string };

/**
 * Adds --db, --cassandra and the Cassandra connection options to a command. `dbDescription`
 * replaces the --db help of commands that write, for commands that only read.
 */
export function addTargetOptions(command: Command, dbDescription = 'embedded store: an SQLite file, created when missing'): Command {
  return command
    .option('--db <path>', dbDescription)
    .option('--cassandra <hosts>', 'Cassandra contact points: HOST[:PORT][,HOST[:PORT]...] (port 9042 by default)')
    .option('--keyspace <name>', `Cassandra keyspace (default: $CASSANDRA_KEYSPACE or ${DEFAULT_KEYSPACE})`)
    .option('--local-dc <name>', 'Cassandra data center to send requests to (default: detected)')
    .option('--username <name>', 'Cassandra user name (default: $CASSANDRA_USERNAME)')
    .option('--password-file <path>', 'file whose first line is the Cassandra password (default: $CASSANDRA_PASSWORD)');
}

/**
 * Returns which target the options choose, or undefined when they name none. Without --db and
 * --cassandra, a non-empty CASSANDRA_CONTACT_POINTS chooses Cassandra.
 */
export function chosenTarget(options: TargetOptions, env: NodeJS.ProcessEnv = process.env): 'embedded' | 'cassandra' | undefined {
  if (options.db !== undefined && options.cassandra !== undefined) {
    throw new UsageError('--db and --cassandra exclude each other; choose one target');
  }
  if (options.db !== undefined) return 'embedded';
  if (options.cassandra !== undefined) return 'cassandra';
  if ((env['CASSANDRA_CONTACT_POINTS'] ?? '').trim() !== '') return 'cassandra';
  const cassandraOnly = [options.keyspace, options.localDc, options.username, options.passwordFile];
  if (cassandraOnly.some((value) => value !== undefined)) {
    throw new UsageError('--keyspace, --local-dc, --username and --password-file need --cassandra HOSTS or CASSANDRA_CONTACT_POINTS');
  }
  return undefined;
}

/** Opens the chosen target, or throws UsageError when the options name none. */
export async function openTarget(options: TargetOptions, env: NodeJS.ProcessEnv = process.env): Promise<Target> {
  const kind = chosenTarget(options, env);
  switch (kind) {
    case 'embedded':
      return { kind, store: EmbeddedStore.open(options.db!), keyspace: DEFAULT_KEYSPACE };
    case 'cassandra': {
      const connection = cassandraConnection(options, env);
      const client = await connectCassandra(connection);
      const keyspace = options.keyspace ?? env['CASSANDRA_KEYSPACE'] ?? DEFAULT_KEYSPACE;
      return { kind, client, keyspace, description: connection.contactPoints.join(',') };
    }
    case undefined:
      throw new UsageError('no target given: pass --db PATH or --cassandra HOSTS');
  }
}

/**
 * Builds the connection options: the environment (CASSANDRA_* variables) first, then the command
 * line. The session keyspace is left unset because statements name the keyspace, and `init` must
 * connect before the keyspace exists.
 */
export function cassandraConnection(options: TargetOptions, env: NodeJS.ProcessEnv): CassandraOptions {
  const fromEnv = cassandraOptionsFromEnv({ ...env, CASSANDRA_KEYSPACE: undefined });
  const contactPoints = options.cassandra ?? env['CASSANDRA_CONTACT_POINTS'] ?? '';
  const connection: CassandraOptions = { ...fromEnv, contactPoints: parseContactPoints(contactPoints) };
  if (options.localDc !== undefined) connection.localDataCenter = options.localDc;
  if (options.username !== undefined) connection.username = options.username;
  if (options.passwordFile !== undefined) connection.password = readPassword(options.passwordFile);
  if ((connection.username === undefined) !== (connection.password === undefined)) {
    throw new UsageError('a Cassandra user name needs a password and a password needs a user name; give both or neither');
  }
  return connection;
}

function readPassword(file: string): string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the password file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const password = text.split(/\r?\n/)[0] ?? '';
  if (password === '') throw new UsageError(`the password file ${file} is empty`);
  return password;
}

/** Returns a target's description for messages. */
export function describeTarget(target: Target): string {
  switch (target.kind) {
    case 'embedded':
      return target.store.path;
    case 'cassandra':
      return `Cassandra ${target.description} keyspace ${target.keyspace}`;
  }
}

/** Reads a table definition from the target's schema. */
export async function findTable(target: Target, name: string): Promise<TableDef | undefined> {
  switch (target.kind) {
    case 'embedded':
      return target.store.table(name);
    case 'cassandra':
      return readTableDef(target.client, target.keyspace, name);
  }
}

/**
 * Creates a table (and, in Cassandra, its keyspace) unless it exists, then returns the definition
 * read back from the target, so the caller works with what is stored.
 */
export async function ensureTable(target: Target, def: TableDef, replication: Replication): Promise<TableDef> {
  switch (target.kind) {
    case 'embedded':
      target.store.createTable(def);
      break;
    case 'cassandra':
      await createKeyspace(target.client, target.keyspace, replication);
      await createTable(target.client, def);
      break;
  }
  const stored = await findTable(target, def.name);
  if (stored === undefined) throw new Error(`table ${def.name} was created but cannot be read back from ${describeTarget(target)}`);
  return stored;
}

/** Returns a sink writing into a table of the target. `concurrency` applies to Cassandra requests. */
export function sinkFor(target: Target, def: TableDef, concurrency: number): RowSink {
  switch (target.kind) {
    case 'embedded':
      return target.store.sink(def);
    case 'cassandra':
      return createCassandraSink(target.client, def, { concurrency });
  }
}

export async function closeTarget(target: Target): Promise<void> {
  switch (target.kind) {
    case 'embedded':
      target.store.close();
      break;
    case 'cassandra':
      await target.client.shutdown();
      break;
  }
}

/** Adds --replication-factor and --data-center, which set the replication of a new keyspace. */
export function addReplicationOptions(command: Command): Command {
  return command
    .option(
      '--replication-factor <n>',
      'replicas per row in a new keyspace, with SimpleStrategy (default: 1)',
      parseInteger('--replication-factor', 1, 100),
    )
    .option(
      '--data-center <dc:n>',
      'replicas in one data center, with NetworkTopologyStrategy; repeat for each data center',
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    );
}

/** Builds the replication settings of a new keyspace from --replication-factor and --data-center. */
export function replicationFrom(options: { replicationFactor?: number; dataCenter?: string[] }): Replication {
  const dataCenters = options.dataCenter ?? [];
  if (dataCenters.length === 0) {
    return { class: 'SimpleStrategy', replicationFactor: options.replicationFactor ?? 1 };
  }
  if (options.replicationFactor !== undefined) {
    throw new UsageError('--replication-factor and --data-center exclude each other');
  }
  const factors: Record<string, number> = {};
  for (const entry of dataCenters) {
    const separator = entry.lastIndexOf(':');
    const name = entry.slice(0, separator).trim();
    const factor = separator < 0 ? Number.NaN : Number(entry.slice(separator + 1));
    if (name === '' || !Number.isInteger(factor) || factor < 0) {
      throw new UsageError(`--data-center must be NAME:REPLICAS such as dc1:3, got "${entry}"`);
    }
    factors[name] = factor;
  }
  return { class: 'NetworkTopologyStrategy', dataCenters: factors };
}
