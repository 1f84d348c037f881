/**
 * Reads the saved reports of queries/ with their `-- @param NAME TYPE = default` headers, and
 * binds the defaults: as values for cassalytics and as literals of the declared type for DuckDB.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { QueryParameters } from '../../../src/index.js';
import { REPOSITORY_ROOT } from './dataset.js';

export interface ReportParameter {
  readonly name: string;
  /** The declared type as written, upper-cased: INT, DATE, TEXT, ... */
  readonly type: string;
  /** The default as written after `=`, quotes included. */
  readonly defaultText: string;
}

export interface SavedReport {
  readonly name: string;
  readonly file: string;
  readonly sql: string;
  readonly parameters: readonly ReportParameter[];
}

export const QUERIES_FOLDER = path.join(REPOSITORY_ROOT, 'queries');

const PARAM_HEADER = /^--\s*@param\s+([A-Za-z_][A-Za-z0-9_]*)\s+([A-Za-z]+)\s*=\s*(.+?)\s*$/;

/** Reads every `.sql` file of queries/, sorted by name. */
export function readSavedReports(folder = QUERIES_FOLDER): SavedReport[] {
  return fs
    .readdirSync(folder)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => {
      const sql = fs.readFileSync(path.join(folder, file), 'utf8');
      const parameters = sql.split('\n').flatMap((line) => {
        const match = PARAM_HEADER.exec(line.trim());
        return match === null ? [] : [{ name: match[1]!.toLowerCase(), type: match[2]!.toUpperCase(), defaultText: match[3]! }];
      });
      return { name: file.replace(/\.sql$/, ''), file, sql, parameters };
    });
}

function unquote(text: string): string {
  const match = /^'(.*)'$/s.exec(text);
  return match === null ? text : match[1]!.replaceAll("''", "'");
}

const INTEGER_TYPES = new Set(['INT', 'INTEGER', 'BIGINT']);
const DOUBLE_TYPES = new Set(['DOUBLE', 'FLOAT', 'REAL', 'DECIMAL', 'NUMERIC']);

/**
 * Returns the value cassalytics binds for a parameter. DATE and TEXT defaults are bound as
 * strings, because the API has no date value: cassalytics converts the text where a DATE is
 * compared.
 */
export function parameterValue(parameter: ReportParameter): number | string | boolean | Date {
  const text = unquote(parameter.defaultText);
  if (INTEGER_TYPES.has(parameter.type) || DOUBLE_TYPES.has(parameter.type)) return Number(text);
  if (parameter.type === 'BOOLEAN' || parameter.type === 'BOOL') return text.toUpperCase() === 'TRUE';
  if (parameter.type === 'TIMESTAMP') return new Date(`${text.replace(' ', 'T')}Z`);
  return text;
}

/** Returns the DuckDB literal of a parameter's default, typed as the header declares. */
export function parameterLiteral(parameter: ReportParameter): string {
  const text = unquote(parameter.defaultText);
  const quoted = `'${text.replaceAll("'", "''")}'`;
  if (INTEGER_TYPES.has(parameter.type)) return `CAST(${quoted} AS BIGINT)`;
  if (DOUBLE_TYPES.has(parameter.type)) return `CAST(${quoted} AS DOUBLE)`;
  if (parameter.type === 'DATE') return `DATE ${quoted}`;
  if (parameter.type === 'TIMESTAMP') return `TIMESTAMP ${quoted}`;
  if (parameter.type === 'BOOLEAN' || parameter.type === 'BOOL') return `CAST(${quoted} AS BOOLEAN)`;
  return quoted;
}

/** Binds the default parameters of a report, as values for cassalytics and literals for the DuckDB printer. */
export function defaultParameters(report: SavedReport): { params: QueryParameters; duckdbParameters: Map<string, string> } {
  const params: Record<string, number | string | boolean | Date> = {};
  const duckdbParameters = new Map<string, string>();
  for (const parameter of report.parameters) {
    params[parameter.name] = parameterValue(parameter);
    duckdbParameters.set(parameter.name, parameterLiteral(parameter));
  }
  return { params, duckdbParameters };
}
