import type { SqlType } from '../catalog/table.js';
import type { QueryStats } from '../executor/execute.js';
import { JSON_NULL, MS_PER_DAY, type Row, type Value } from '../executor/values.js';

/**
 * A result column: its name and SQL type.
 *
 * @example
 * result.columns; // [{ name: 'store_id', type: 'BIGINT' }, { name: 'events', type: 'BIGINT' }]
 */
export interface ResultColumn {
  readonly name: string;
  readonly type: SqlType;
}

/**
 * A result row as JS values, keyed by column name.
 *
 * @example
 * { day: '2026-11-20', add_to_cart_clicks: 42, first_seen: new Date('2026-11-20T00:03:11Z') }
 */
export type ResultRow = Record<string, unknown>;

/**
 * Figures about a finished query.
 *
 * @example
 * const rows = await result.toArray();
 * console.log(`${rows.length} rows from ${result.stats.partitions} partitions in ${result.stats.elapsedMs} ms`);
 */
export interface ResultStats {
  readonly elapsedMs: number;
  readonly partitions: number;
  readonly pages: number;
  readonly rowsScanned: number;
  readonly tasks: number;
  /** Partition-finding method of each scan: enumerated, discovered, token_scan or none. */
  readonly scanMethods: readonly string[];
  /** Rows whose detail JSON could not be parsed; their JSON paths read as NULL. */
  readonly malformedJson: number;
  readonly warnings: readonly string[];
}

/**
 * The rows of one statement. Iterate it with `for await` to stream rows as objects, or call
 * `toArray()`; either can be done once.
 *
 * @example
 * const result = await engine.query('SELECT store_id, count(*) AS events FROM user_logs GROUP BY 1');
 * for await (const row of result) console.log(row.store_id, row.events);
 */
export class QueryResult implements AsyncIterable<ResultRow> {
  private consumed = false;
  private finishedStats: ResultStats | null = null;

  /** @internal */
  constructor(
    readonly columns: readonly ResultColumn[],
    private readonly source: AsyncGenerator<Row[]>,
    private readonly statsSource: () => { stats: QueryStats; elapsedMs: number },
  ) {}

  /** Figures for the finished query; available once every row has been read. */
  get stats(): ResultStats {
    if (!this.finishedStats) throw new Error('stats are available after the rows have been read');
    return this.finishedStats;
  }

  /** Row batches as arrays of executor values, for formatters that need the SQL types. @internal */
  async *batches(): AsyncGenerator<Row[]> {
    if (this.consumed) throw new Error('a query result can be read once');
    this.consumed = true;
    try {
      yield* this.source;
    } finally {
      const { stats, elapsedMs } = this.statsSource();
      const warnings: string[] = [];
      if (stats.malformedJson > 0) warnings.push(`${stats.malformedJson} rows had malformed detail JSON; their JSON paths read as NULL`);
      if (stats.scanMethods.includes('token_scan')) warnings.push('no partition-key restriction: the whole table was scanned by token ranges');
      this.finishedStats = {
        elapsedMs,
        partitions: stats.partitions,
        pages: stats.pages,
        rowsScanned: stats.rowsScanned,
        tasks: stats.tasksDone,
        scanMethods: stats.scanMethods,
        malformedJson: stats.malformedJson,
        warnings,
      };
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<ResultRow> {
    for await (const batch of this.batches()) {
      for (const row of batch) yield toObject(this.columns, row);
    }
  }

  async toArray(): Promise<ResultRow[]> {
    const rows: ResultRow[] = [];
    for await (const row of this) rows.push(row);
    return rows;
  }
}

function toObject(columns: readonly ResultColumn[], row: Row): ResultRow {
  const object: ResultRow = {};
  columns.forEach((column, i) => {
    object[column.name] = toJs(row[i]!, column.type);
  });
  return object;
}

/**
 * Converts an executor value to the JS value the API returns: BIGINT as number when safe, else
 * bigint; DATE as 'YYYY-MM-DD'; TIMESTAMP as Date; JSON as the parsed value; NULL as null.
 */
export function toJs(value: Value, type: SqlType): unknown {
  if (value === null) return null;
  switch (type) {
    case 'DATE':
      return new Date((value as number) * MS_PER_DAY).toISOString().slice(0, 10);
    case 'TIMESTAMP':
      return new Date(value as number);
    case 'JSON':
      return value === JSON_NULL ? null : value;
    default:
      return value;
  }
}
