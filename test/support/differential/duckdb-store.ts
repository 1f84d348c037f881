/**
 * The DuckDB side of the differential tests: an in-memory database that contains the same
 * user_logs rows as the cassalytics store, read through a view that adds the virtual columns.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { SqlType } from '../../../src/catalog/table.js';
import { duckDbCell, type Outcome } from './compare.js';
import type { UserLogRow } from './rows.js';

/**
 * Session settings that bridge dialect differences for every query:
 * - cassalytics returns NULL for division and modulo by zero, which DuckDB 1.5 does only with
 *   ieee_floating_point_ops off (by default it returns inf or NaN for DOUBLE);
 * - cassalytics computes dates and timestamps in UTC unless the session sets another zone;
 * - one thread, because the tests share two cores with the engine's worker threads.
 */
const DUCKDB_SESSION_SQL = [
  "SET TimeZone = 'UTC'",
  'SET ieee_floating_point_ops = false',
  'SET threads = 1',
  "SET default_null_order = 'nulls_last'",
];

/**
 * Macros for the URL functions, which DuckDB lacks. They cover the absolute http(s) URLs and
 * root-relative paths of the event logs.
 * NOTE: cassalytics parses with the WHATWG URL parser, which also normalises dot segments,
 * percent-encodes spaces and reads other schemes; these macros do none of that.
 */
const URL_MACROS = [
  `CREATE MACRO url_host(u) AS CASE
     WHEN regexp_matches(u, '^[A-Za-z][A-Za-z0-9+.-]*://') THEN nullif(lower(regexp_extract(u, '^[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/?#]*@)?([^:/?#]*)', 1)), '')
   END`,
  `CREATE MACRO url_path(u) AS CASE
     WHEN regexp_matches(u, '^[A-Za-z][A-Za-z0-9+.-]*://') THEN coalesce(nullif(regexp_extract(u, '^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*([^?#]*)', 1), ''), '/')
     WHEN starts_with(u, '/') THEN regexp_extract(u, '^([^?#]*)', 1)
   END`,
];

/** DDL of the stored table: the column types of the user_logs CQL table (int, bigint, text). */
const STORED_TABLE_COLUMNS = `(
  store_id INTEGER, year INTEGER, month INTEGER, day INTEGER, hour INTEGER,
  event_id INTEGER, user_id VARCHAR, session_id VARCHAR, log_time BIGINT,
  url VARCHAR, detail VARCHAR)`;

/**
 * Returns the DDL of the view that queries read as user_logs.
 * - Integer columns are read as BIGINT, because cassalytics has one integer type; DuckDB would
 *   otherwise raise an overflow for INTEGER arithmetic past 2^31.
 * - event_time is the TIMESTAMP of log_time (milliseconds since the epoch, UTC).
 * - event_date is the DATE of year, month and day, or NULL when they name no real date (31
 *   February), where DuckDB's make_date would raise an error.
 * - detail is NULL where it is not valid JSON. cassalytics reads the JSON paths of such rows as
 *   NULL and counts them, while DuckDB raises an error on malformed JSON. DuckDB 1.5's json_valid
 *   also accepts a comma before a closing bracket, which RFC 8259 and cassalytics reject, so those
 *   texts count as malformed here too. Queries must therefore use detail only through JSON paths.
 */
function userLogsViewSql(schema: string, view: string): string {
  return `CREATE VIEW main."${view}" AS SELECT
    CAST(store_id AS BIGINT) AS store_id, CAST(year AS BIGINT) AS year, CAST(month AS BIGINT) AS month,
    CAST(day AS BIGINT) AS day, CAST(hour AS BIGINT) AS hour, CAST(event_id AS BIGINT) AS event_id,
    user_id, session_id, log_time, url,
    CASE WHEN json_valid(detail) AND NOT regexp_matches(detail, ',\\s*[}\\]]') THEN detail END AS detail,
    epoch_ms(log_time) AS event_time,
    try(make_date(year, month, day)) AS event_date
  FROM "${schema}"."${view}"`;
}

/**
 * Name of the view of a table's rows whose partition names a real date. A difference that
 * disappears on it comes from the rows stored under impossible dates such as 31 February.
 */
export function realDatesView(table: string): string {
  return `${table}_real_dates`;
}

export class DuckDbStore {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  static async create(): Promise<DuckDbStore> {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    for (const sql of [...DUCKDB_SESSION_SQL, ...URL_MACROS, 'CREATE SCHEMA stored']) await connection.run(sql);
    return new DuckDbStore(instance, connection);
  }

  /** Creates table `stored.<name>` with `rows` and the view `<name>` over it. */
  async loadUserLogs(name: string, rows: Iterable<UserLogRow>): Promise<void> {
    await this.connection.run(`CREATE TABLE stored."${name}" ${STORED_TABLE_COLUMNS}`);
    const appender = await this.connection.createAppender(name, 'stored');
    for (const row of rows) {
      appender.appendInteger(row.store_id);
      appender.appendInteger(row.year);
      appender.appendInteger(row.month);
      appender.appendInteger(row.day);
      appender.appendInteger(row.hour);
      appender.appendInteger(row.event_id);
      appender.appendVarchar(row.user_id);
      appender.appendVarchar(row.session_id);
      appender.appendBigInt(row.log_time);
      if (row.url === null) appender.appendNull();
      else appender.appendVarchar(row.url);
      if (row.detail === null) appender.appendNull();
      else appender.appendVarchar(row.detail);
      appender.endRow();
    }
    appender.closeSync();
    await this.connection.run(userLogsViewSql('stored', name));
    await this.connection.run(`CREATE VIEW main."${realDatesView(name)}" AS SELECT * FROM main."${name}" WHERE event_date IS NOT NULL`);
  }

  /** Runs SQL and returns its rows converted to the cassalytics column types `types`. */
  async outcome(sql: string, types: readonly SqlType[] | null): Promise<Outcome> {
    try {
      const reader = await this.connection.runAndReadAll(sql);
      const duckTypes = reader.columnTypes();
      const columns = reader.columnNames();
      if (types !== null && types.length !== duckTypes.length) {
        return { ok: true, columns, types: duckTypes.map(String), rows: reader.getRowsJS().map((row) => row.map((v) => String(v))) };
      }
      const rows = reader.getRowsJS().map((row) => row.map((value, i) => duckDbCell(value, duckTypes[i]!, types?.[i] ?? 'TEXT')));
      return { ok: true, columns, types: duckTypes.map(String), rows };
    } catch (error) {
      return { ok: false, error: (error as Error).message.split('\n')[0]! };
    }
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
