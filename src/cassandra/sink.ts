/**
 * A RowSink that writes rows into a Cassandra table with one prepared INSERT, sending the rows of
 * each partition together in UNLOGGED BATCHes.
 */
import { errors, types, type Client } from 'cassandra-driver';
import { partitionKey, primaryKey, type TableDef } from '../catalog/table.js';
import { RowRejectedError, type CellValue, type Row, type RowSink } from '../loader/sink.js';
import { CassandraConnectionError } from './client.js';
import { qualifiedName, quoteIdentifier } from './cql.js';
import { DEFAULT_CQL_PORT } from './options.js';
import { driverValueConverter, type DriverEncoding } from './values.js';

/** Requests (single INSERTs or UNLOGGED BATCHes) in flight at once when the caller does not choose. */
export const DEFAULT_SINK_CONCURRENCY = 64;

/** Maximum rows in one UNLOGGED BATCH. */
const MAX_BATCH_ROWS = 50;

/**
 * Maximum characters of text values in one UNLOGGED BATCH. A row with more text goes alone.
 * Cassandra rejects a mutation larger than half of commitlog_segment_size (16 MiB with the
 * default 32 MiB segments, 2.5 MiB with the 5 MiB segments of scripts/cassandra.mjs), and a
 * single-partition batch is one mutation. 128 Ki characters are at most 384 KiB of UTF-8.
 */
const MAX_BATCH_TEXT_CHARS = 128 * 1024;

/** Maximum length of one key value in an error message, in characters. */
const MAX_KEY_VALUE_LENGTH = 80;

/** Options that set the keyspace and credentials, quoted in error messages. */
const KEYSPACE_OPTIONS = '--keyspace or CASSANDRA_KEYSPACE';
const CREDENTIAL_OPTIONS = '--username and --password-file, or CASSANDRA_USERNAME and CASSANDRA_PASSWORD';

/**
 * Messages of InvalidRequest errors about the schema rather than the row: Cassandra 5.0 words a
 * missing keyspace "keyspace ks does not exist" and a missing table "unconfigured table t".
 */
const MISSING_SCHEMA = /keyspace \S+ does not exist|unconfigured table|undefined column/i;

/** Options of every single-row INSERT. Re-running an INSERT of the same values leaves the same row. */
const INSERT_OPTIONS = { prepare: true, isIdempotent: true } as const;

/** Options of every batch: UNLOGGED, because all its rows belong to one partition. */
const BATCH_OPTIONS = { prepare: true, logged: false, isIdempotent: true } as const;

/** Raised when Cassandra or the driver rejects a row for its content. It names the row and its primary key. */
export class CassandraWriteError extends RowRejectedError {
  readonly code = 'CASSANDRA_WRITE_FAILED';

  constructor(
    message: string,
    reason: string,
    /** Index of the failing row within the batch passed to `write`. */
    readonly rowIndex: number,
    /** Primary-key values of the failing row, keyed by column name. */
    readonly primaryKey: Readonly<Record<string, CellValue | undefined>>,
    options?: { cause?: unknown },
  ) {
    super(message, reason, options);
    this.name = 'CassandraWriteError';
  }
}

export interface CassandraSinkOptions {
  /** Maximum requests in flight, each a single INSERT or an UNLOGGED BATCH. The default is 64. */
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
 * before anything is sent. Statements are marked idempotent, so the driver may retry them after
 * a timeout.
 *
 * Rows of one partition go together in UNLOGGED BATCHes of at most 50 rows. Such a batch is one
 * mutation of one partition, so it is applied atomically, and its rows share one write
 * timestamp: rows of one `write` call must have distinct primary keys, or the kept row is not the
 * last one. When Cassandra rejects a batch for its content, its rows are sent again one by one,
 * so a batch rejected only for its combined size is still stored, and the error names the exact
 * row.
 *
 * `write` rejects with CassandraWriteError, a RowRejectedError, for a row that Cassandra or the
 * driver rejects. When the cluster, the table or the login fails, it rejects with another error
 * whose message names the contact points or the keyspace and the option that sets them.
 */
export function createCassandraSink(client: Client, table: TableDef, options: CassandraSinkOptions = {}): RowSink {
  const concurrency = options.concurrency ?? DEFAULT_SINK_CONCURRENCY;
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    throw new Error(`Invalid sink concurrency ${concurrency}: expected a positive integer.`);
  }

  const columns = table.columns;
  const keyColumns = primaryKey(table);
  const partitionNames = partitionKey(table).map((column) => column.name);
  const encoding = driverEncoding(client);
  const converters = columns.map((column) => driverValueConverter(column.cqlType, encoding));
  const columnNames = new Set(columns.map((column) => column.name));
  const tableName = `${table.keyspace}.${table.name}`;
  const contactPoints = contactPointsOf(client);
  const description = `${contactPoints[0]} ${tableName}`;
  const insert =
    `INSERT INTO ${qualifiedName(table.keyspace, table.name)} (${columns.map((column) => quoteIdentifier(column.name)).join(', ')}) ` +
    `VALUES (${columns.map(() => '?').join(', ')})`;

  let closed = false;
  const pending = new Set<Promise<void>>();

  function keyOf(row: Row): Record<string, CellValue | undefined> {
    return Object.fromEntries(keyColumns.map((column) => [column.name, row[column.name]]));
  }

  function rowError(index: number, row: Row, detail: string, reason: string, cause?: unknown): CassandraWriteError {
    return new CassandraWriteError(detail, reason, index, keyOf(row), cause === undefined ? undefined : { cause });
  }

  /**
   * Converts rows to INSERT parameters and counts the characters of their text values. Throws
   * CassandraWriteError for the first row that cannot be written.
   */
  function bindRows(rows: readonly Row[]): { parameters: unknown[][]; textChars: number[] } {
    const parameters = new Array<unknown[]>(rows.length);
    const textChars = new Array<number>(rows.length);
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index]!;
      checkColumns(row, index);
      const values = new Array<unknown>(columns.length);
      let chars = 0;
      for (let position = 0; position < columns.length; position++) {
        const column = columns[position]!;
        const value = row[column.name];
        if (value === undefined) {
          values[position] = undefined;
          continue;
        }
        if (typeof value === 'string') chars += value.length;
        try {
          values[position] = converters[position]!(value);
        } catch (error) {
          const detail = error instanceof Error ? error.message : String(error);
          const reason = `invalid value for column "${column.name}": ${detail}`;
          const message = `Row ${index} with primary key ${formatKey(keyOf(row))} has an invalid value for column "${column.name}": ${detail}`;
          throw rowError(index, row, message, reason, error);
        }
      }
      parameters[index] = values;
      textChars[index] = chars;
    }
    return { parameters, textChars };
  }

  function checkColumns(row: Row, index: number): void {
    for (const name in row) {
      if (!columnNames.has(name)) {
        const reason = `column "${name}" is not in table ${tableName}`;
        throw rowError(index, row, `Row ${index} has column "${name}", which table ${tableName} does not have.`, reason);
      }
    }
    for (const column of keyColumns) {
      const value = row[column.name];
      if (value === undefined || value === null) {
        const reason = `no value for primary-key column "${column.name}"`;
        throw rowError(index, row, `Row ${index} has no value for primary-key column "${column.name}" of ${tableName}.`, reason);
      }
    }
  }

  function samePartition(a: Row, b: Row): boolean {
    for (const name of partitionNames) {
      // Strict equality compares strings and bigints by value.
      if (a[name] !== b[name]) return false;
    }
    return true;
  }

  function partitionText(row: Row): string {
    let key = '';
    for (const name of partitionNames) {
      const text = String(row[name]);
      key += `${text.length}:${text}`;
    }
    return key;
  }

  /**
   * Groups row indexes by partition, in order of first appearance, and splits each group into
   * batches of at most MAX_BATCH_ROWS rows and MAX_BATCH_TEXT_CHARS characters of text. Input
   * usually comes in runs of one partition, so a row is compared with the one before it and a
   * partition's key text is built only where a run starts.
   */
  function partitionBatches(rows: readonly Row[], textChars: readonly number[]): number[][] {
    const groups = new Map<string, number[]>();
    let group: number[] = [];
    for (let index = 0; index < rows.length; index++) {
      if (index === 0 || !samePartition(rows[index]!, rows[index - 1]!)) {
        const key = partitionText(rows[index]!);
        const found = groups.get(key);
        if (found === undefined) {
          group = [];
          groups.set(key, group);
        } else {
          group = found;
        }
      }
      group.push(index);
    }

    const batches: number[][] = [];
    for (const indexes of groups.values()) {
      let batch: number[] = [];
      let chars = 0;
      for (const index of indexes) {
        const rowChars = textChars[index]!;
        if (batch.length > 0 && (batch.length >= MAX_BATCH_ROWS || chars + rowChars > MAX_BATCH_TEXT_CHARS)) {
          batches.push(batch);
          batch = [];
          chars = 0;
        }
        batch.push(index);
        chars += rowChars;
      }
      batches.push(batch);
    }
    return batches;
  }

  async function insertRow(rows: readonly Row[], parameters: readonly unknown[][], index: number): Promise<void> {
    try {
      await client.execute(insert, parameters[index], INSERT_OPTIONS);
    } catch (error) {
      if (!isRowRejection(error)) throw storeFailure(error);
      const detail = firstLine(error instanceof Error ? error.message : String(error));
      const message = `Writing row ${index} with primary key ${formatKey(keyOf(rows[index]!))} to ${description} failed: ${detail}`;
      throw rowError(index, rows[index]!, message, `Cassandra rejected the row: ${detail}`, error);
    }
  }

  async function writeBatch(rows: readonly Row[], parameters: readonly unknown[][], batch: readonly number[]): Promise<void> {
    if (batch.length === 1) return insertRow(rows, parameters, batch[0]!);
    try {
      await client.batch(
        batch.map((index) => ({ query: insert, params: parameters[index]! })),
        BATCH_OPTIONS,
      );
    } catch (error) {
      if (!isRowRejection(error)) throw storeFailure(error);
      // Cassandra rejects a batch as a whole: one by one, the rows it can store are stored and
      // the rejected one is named.
      for (const index of batch) await insertRow(rows, parameters, index);
    }
  }

  /** Throws a store failure before any CassandraWriteError, and of those the one with the lowest row index. */
  function throwFirstFailure(failures: readonly unknown[]): void {
    const storeError = failures.find((failure) => !(failure instanceof CassandraWriteError));
    if (storeError !== undefined) throw storeError;
    const rowErrors = failures as readonly CassandraWriteError[];
    if (rowErrors.length === 0) return;
    throw rowErrors.reduce((lowest, candidate) => (candidate.rowIndex < lowest.rowIndex ? candidate : lowest));
  }

  async function writeAll(rows: readonly Row[]): Promise<void> {
    const { parameters, textChars } = bindRows(rows);
    const batches = partitionBatches(rows, textChars);
    let next = 0;
    const failures: unknown[] = [];

    const worker = async (): Promise<void> => {
      // After a failure the workers take no new batches, but requests already sent still finish.
      while (failures.length === 0 && next < batches.length) {
        const batch = batches[next++]!;
        try {
          await writeBatch(rows, parameters, batch);
        } catch (error) {
          failures.push(error);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, worker));
    throwFirstFailure(failures);
  }

  /**
   * Translates an error that is not about one row into a message that names the contact points,
   * the table and the option to change.
   */
  function storeFailure(error: unknown): Error {
    const reason = error instanceof Error ? firstLine(error.message) : String(error);
    if (error instanceof errors.NoHostAvailableError) {
      const inner = Object.values((error.innerErrors ?? {}) as Record<string, unknown>);
      if (inner.some(isMissingSchema)) return missingTable(reasonOf(inner.find(isMissingSchema)), error);
      const reasons = inner.length === 0 ? reason : inner.map(reasonOf).join('; ');
      return new CassandraConnectionError(contactPoints, reasons);
    }
    if (isMissingSchema(error)) return missingTable(reason, error);
    const where = `${tableName} at ${contactPoints.join(', ')}`;
    if (error instanceof errors.ResponseError && error.code === types.responseErrorCodes.unauthorized) {
      return new Error(
        `Writing to ${where} failed: ${reason}. Log in as a user with MODIFY permission on the table with ${CREDENTIAL_OPTIONS}.`,
        { cause: error },
      );
    }
    if (isOverload(error)) {
      return new Error(
        `Writing to ${where} failed: ${reason}. Check that the nodes are up, or send fewer requests at once with --concurrency.`,
        { cause: error },
      );
    }
    return new Error(`Writing to ${where} failed: ${reason}.`, { cause: error });
  }

  function missingTable(reason: string, cause: unknown): Error {
    return new Error(
      `Cassandra at ${contactPoints.join(', ')} cannot insert into ${tableName}: ${reason}. ` +
        `Check that the table still exists, or choose its keyspace with ${KEYSPACE_OPTIONS}.`,
      { cause },
    );
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

/**
 * Returns whether Cassandra or the driver rejected a request for the values it carries. That is
 * an InvalidRequest about anything but a missing keyspace, table or column, such as a key longer
 * than 65535 bytes or an oversized mutation, or a TypeError or RangeError from the driver's encoder.
 */
function isRowRejection(error: unknown): boolean {
  if (error instanceof TypeError || error instanceof RangeError) return true;
  return error instanceof errors.ResponseError && error.code === types.responseErrorCodes.invalid && !MISSING_SCHEMA.test(error.message);
}

/**
 * Returns whether an error reports that the table or its keyspace is missing. cassandra-driver 4.10
 * reports an INSERT prepared before its table was dropped as "Prepared query with ID ... not
 * found" (error code 0x2500), because preparing it again fails.
 */
function isMissingSchema(error: unknown): boolean {
  if (!(error instanceof errors.ResponseError)) return false;
  if (error.code === types.responseErrorCodes.unprepared) return true;
  return error.code === types.responseErrorCodes.invalid && MISSING_SCHEMA.test(error.message);
}

/** Returns whether a request timed out or the cluster had too few replicas or too little capacity for it. */
function isOverload(error: unknown): boolean {
  if (error instanceof errors.OperationTimedOutError) return true;
  if (!(error instanceof errors.ResponseError)) return false;
  const codes = types.responseErrorCodes;
  return [codes.writeTimeout, codes.unavailableException, codes.overloaded, codes.isBootstrapping].includes(error.code);
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

function reasonOf(cause: unknown): string {
  return cause instanceof Error ? firstLine(cause.message) : String(cause);
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.replace(/\.$/, '');
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

/** Returns the contact points as `host:port`, adding the client's port where one has none. */
function contactPointsOf(client: Client): string[] {
  const options = (client as unknown as ClientOptionsView).options;
  const configured = options?.contactPoints ?? client.hosts?.keys() ?? [];
  if (configured.length === 0) return ['cassandra'];
  return configured.map((contactPoint) => {
    const hasPort = /^\[.*\]:\d+$/.test(contactPoint) || /^[^:]+:\d+$/.test(contactPoint);
    return hasPort ? contactPoint : `${contactPoint}:${options?.protocolOptions?.port ?? DEFAULT_CQL_PORT}`;
  });
}
