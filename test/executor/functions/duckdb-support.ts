import { DuckDBInstance, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { parseJsonText, MALFORMED_JSON } from '../../../src/executor/semantics/json.js';
import { normalizeBigint, type Value } from '../../../src/executor/values.js';

/**
 * DuckDB as the reference engine for differential tests. Values come back converted to the
 * executor's representation: TIMESTAMP WITH TIME ZONE as ms, DATE as days, JSON parsed,
 * integers of any width as a number or bigint, DECIMAL as a double.
 */

export async function openDuckDB(): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  // Division and modulo by zero return NULL in the dialect; DuckDB 1.5 does so only with this setting.
  await connection.run('SET ieee_floating_point_ops = false');
  return connection;
}

export async function setTimeZone(connection: DuckDBConnection, timeZone: string): Promise<void> {
  await connection.run(`SET TimeZone = '${timeZone}'`);
}

/** Name of a result column's type; JSON is an alias of VARCHAR in DuckDB, so the alias wins. */
function typeName(type: DuckDBType): string {
  return type.alias ?? type.toString();
}

/** Converts one DuckDB value of the column type named `typeName` (JSON, TIMESTAMP WITH TIME ZONE, ...). */
export function toExecutorValue(value: DuckDBValue, typeName: string): Value {
  if (value === null) return null;
  if (typeof value === 'bigint') return normalizeBigint(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    if (typeName !== 'JSON') return value;
    const parsed = parseJsonText(value);
    if (parsed === MALFORMED_JSON) throw new Error(`DuckDB returned malformed JSON: ${value}`);
    return parsed;
  }
  if ('micros' in value && 'months' in value) {
    return { months: value.months, days: value.days, ms: Number(value.micros / 1000n) };
  }
  if ('micros' in value && typeof value.micros === 'bigint') {
    const micros = value.micros;
    return Number((micros - (((micros % 1000n) + 1000n) % 1000n)) / 1000n);
  }
  if ('days' in value && typeof value.days === 'number') return value.days;
  if ('scale' in value && 'value' in value) return Number(value.value) / 10 ** value.scale;
  throw new Error(`no conversion for DuckDB value ${String(value)} of type ${typeName}`);
}

export interface DuckDBColumn {
  readonly values: Value[];
  readonly type: string;
}

/**
 * Runs `SELECT <expression> AS v [FROM ...]` and returns column v. A plain TIMESTAMP result is
 * read again as TIMESTAMPTZ, so that it becomes an instant in the session time zone.
 */
export async function queryColumn(connection: DuckDBConnection, expression: string, rest = ''): Promise<DuckDBColumn> {
  let reader = await connection.runAndReadAll(`SELECT ${expression} AS v ${rest}`);
  let type = typeName(reader.columnTypes()[0]!);
  if (type === 'TIMESTAMP') {
    reader = await connection.runAndReadAll(`SELECT CAST(${expression} AS TIMESTAMPTZ) AS v ${rest}`);
    type = typeName(reader.columnTypes()[0]!);
  }
  return { values: reader.getRowObjects().map((row) => toExecutorValue(row.v ?? null, type)), type };
}
