/**
 * A RowSink that writes rows into a Cassandra table with one prepared INSERT.
 */
import type { Client } from 'cassandra-driver';
import { primaryKey, type TableDef } from '../catalog/table.js';
import type { CellValue, Row, RowSink } from '../loader/sink.js';
import { qualifiedName, quoteIdentifier } from './cql.js';
import { DEFAULT_CQL_PORT } from './options.js';
import { driverValueConverter, type DriverEncoding } from './values.js';

/** Requests in flight at once when the caller does not choose. */
export const DEFAULT_SINK_CONCURRENCY = 64;

/** Maximum length of one key value in an error message, in characters. */
const MAX_KEY_VALUE_LENGTH = 80;

/** Raised when a row of a batch cannot be stored. It names the row and its primary key. */
export class CassandraWriteError extends Error {
  readonly code = 'CASSANDRA_WRITE_FAILED';

  constructor(
    message: string,
    /** Index of the failing row within the batch passed to `write`. */
    readonly rowIndex: number,
    /** Primary-key values of the failing row, keyed by column name. */
    readonly primaryKey: Readonly<Record<string, CellValue | undefined>>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CassandraWriteError';
  }
}

export interface CassandraSinkOptions {
  /** Maximum INSERT requests in flight. The default is 64. */
  concurrency?: number;
  /** Whether `close()` shuts the client down. The default is false, because the caller usually owns the client. */
  closeClient?: boolean;
}

/**
 * Creates a sink that inserts rows into `table` through `client`.
 *
 * The INSERT names every column of the table. A row that lacks a column leaves it unset (protocol
 * v4 sends no value, so nothing is written and no tombstone is created), while null writes null.
 * A row with a column the table does not have, or without a primary-key value, rejects the batch
 * before anything is sent. The statement is marked idempotent, because re-running an INSERT of the
 * same values leaves the same row, so the driver may retry it after a timeout.
 */
export function createCassandraSink(client: Client, table: TableDef, options: CassandraSinkOptions = {}): RowSink {
  const concurrency = options.concurrency ?? DEFAULT_SINK_CONCURRENCY;
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    throw new Error(`Invalid sink concurrency ${concurrency}: expected a positive integer.`);
  }

  const columns = table.columns;
  const keyColumns = primaryKey(table);
  const encoding = driverEncoding(client);
  const converters = columns.map((column) => driverValueConverter(column.cqlType, encoding));
  const columnNames = new Set(columns.map((column) => column.name));
  const tableName = `${table.keyspace}.${table.name}`;
  const description = `${contactPointOf(client)} ${tableName}`;
  const insert =
    `INSERT INTO ${qualifiedName(table.keyspace, table.name)} (${columns.map((column) => quoteIdentifier(column.name)).join(', ')}) ` +
    `VALUES (${columns.map(() => '?').join(', ')})`;

  let closed = false;
  const pending = new Set<Promise<void>>();

  function keyOf(row: Row): Record<string, CellValue | undefined> {
    return Object.fromEntries(keyColumns.map((column) => [column.name, row[column.name]]));
  }

  function toParameters(row: Row, index: number): unknown[] {
    for (const name of Object.keys(row)) {
      if (!columnNames.has(name)) {
        throw new CassandraWriteError(`Row ${index} has column "${name}", which table ${tableName} does not have.`, index, keyOf(row));
      }
    }
    for (const column of keyColumns) {
      const value = row[column.name];
      if (value === undefined || value === null) {
        throw new CassandraWriteError(
          `Row ${index} has no value for primary-key column "${column.name}" of ${tableName}.`,
          index,
          keyOf(row),
        );
      }
    }
    return columns.map((column, position) => {
      const value = row[column.name];
      if (value === undefined) return undefined;
      try {
        return converters[position]!(value);
      } catch (error) {
        throw new CassandraWriteError(
          `Row ${index} with primary key ${formatKey(keyOf(row))} has an invalid value for column "${column.name}": ` +
            `${error instanceof Error ? error.message : String(error)}`,
          index,
          keyOf(row),
          { cause: error },
        );
      }
    });
  }

  async function writeAll(rows: readonly Row[]): Promise<void> {
    const parameters = rows.map(toParameters);
    let next = 0;
    const failures: { index: number; error: unknown }[] = [];

    const worker = async (): Promise<void> => {
      // After a failure the workers take no new rows, but requests already sent still finish.
      while (failures.length === 0 && next < parameters.length) {
        const index = next++;
        try {
          await client.execute(insert, parameters[index], { prepare: true, isIdempotent: true });
        } catch (error) {
          failures.push({ index, error });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, parameters.length) }, worker));

    const failure = failures.reduce<(typeof failures)[number] | undefined>(
      (lowest, candidate) => (lowest === undefined || candidate.index < lowest.index ? candidate : lowest),
      undefined,
    );
    if (failure !== undefined) {
      const row = rows[failure.index]!;
      const reason = failure.error instanceof Error ? failure.error.message : String(failure.error);
      throw new CassandraWriteError(
        `Writing row ${failure.index} with primary key ${formatKey(keyOf(row))} to ${description} failed: ${reason}`,
        failure.index,
        keyOf(row),
        { cause: failure.error },
      );
    }
  }

  return {
    description,

    async write(rows: readonly Row[]): Promise<void> {
      if (closed) throw new Error(`The Cassandra sink for ${description} is closed.`);
      if (rows.length === 0) return;
      const promise = writeAll(rows);
      const tracked = promise.catch(() => {}).finally(() => pending.delete(tracked));
      pending.add(tracked);
      await promise;
    },

    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await Promise.all(pending);
      if (options.closeClient) await client.shutdown();
    },
  };
}

/** Returns `name=value, ...` with long values shortened. */
function formatKey(key: Record<string, CellValue | undefined>): string {
  const parts = Object.entries(key).map(([name, value]) => {
    let text = typeof value === 'string' ? JSON.stringify(value) : String(value);
    if (text.length > MAX_KEY_VALUE_LENGTH) text = `${text.slice(0, MAX_KEY_VALUE_LENGTH - 3)}...`;
    return `${name}=${text}`;
  });
  return `(${parts.join(', ')})`;
}

/** The parts of the driver's client options that the sink reads; the driver's typings omit them. */
interface ClientOptionsView {
  options?: {
    contactPoints?: string[];
    protocolOptions?: { port?: number };
    encoding?: { useBigIntAsLong?: boolean; useBigIntAsVarint?: boolean };
  };
}

function driverEncoding(client: Client): DriverEncoding {
  const encoding = (client as unknown as ClientOptionsView).options?.encoding;
  return { useBigIntAsLong: encoding?.useBigIntAsLong === true, useBigIntAsVarint: encoding?.useBigIntAsVarint === true };
}

/** Returns the first contact point as `host:port`, adding the client's port when it has none. */
function contactPointOf(client: Client): string {
  const options = (client as unknown as ClientOptionsView).options;
  const first = options?.contactPoints?.[0] ?? client.hosts?.keys()[0];
  if (first === undefined) return 'cassandra';
  const hasPort = /^\[.*\]:\d+$/.test(first) || /^[^:]+:\d+$/.test(first);
  return hasPort ? first : `${first}:${options?.protocolOptions?.port ?? DEFAULT_CQL_PORT}`;
}
