import path from 'node:path';
import { paramTypeOf, PARAM_TYPES, expectedForm, parseParamValue, type ParamType } from './param-types.js';

/** A declared report parameter. */
export interface ReportParam {
  readonly name: string;
  readonly type: ParamType;
  /**
   * Default text as written after `=` without SQL quotes, null for `= NULL`, or undefined when
   * the parameter has no default and must be given.
   */
  readonly defaultText: string | null | undefined;
  /** Line of the `@param` header, from 1. */
  readonly line: number;
}

/** A saved report: a SQL script with a header of `-- @` lines. */
export interface Report {
  readonly name: string;
  readonly description: string;
  readonly params: readonly ReportParam[];
  /** The whole file text; error spans point into it. */
  readonly sql: string;
  /** The file the report was read from, for messages. */
  readonly source: string;
}

/** A report header line that cannot be read; `line` counts from 1. */
export class ReportHeaderError extends Error {
  override readonly name = 'ReportHeaderError';

  constructor(
    readonly source: string,
    readonly line: number,
    message: string,
  ) {
    super(`${source}:${line}: ${message}`);
  }
}

const HEADER_TAG = /^--\s*@(\w+)\b\s*(.*)$/;
const PARAM_DECLARATION = /^([A-Za-z_][A-Za-z0-9_]*)\s+([A-Za-z]+)\s*(?:=\s*(.*))?$/;

/**
 * Reads a report. The header is the run of blank and `--` comment lines at the top of the file.
 * In it, `-- @name NAME`, `-- @description TEXT` (repeatable, joined with spaces) and
 * `-- @param NAME TYPE [= default]` lines describe the report. Other comments are ignored.
 * TYPE is one of INT, BIGINT, DOUBLE, TEXT, DATE, TIMESTAMP, BOOLEAN in any case. A default is a
 * SQL string literal (`'2026-11-16'`), a bare word or number (`2`, `true`), or NULL, and it must
 * be a valid value of the type. Without `@name` the file name without `.sql` is the name.
 * Throws ReportHeaderError for an unknown tag, a malformed or repeated declaration, or a bad default.
 */
export function parseReport(sql: string, source: string): Report {
  let name: string | undefined;
  const description: string[] = [];
  const params: ReportParam[] = [];

  const lines = sql.split(/\r\n|\r|\n/);
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index]!.trim();
    const lineNumber = index + 1;
    if (text === '') continue;
    if (!text.startsWith('--')) break;
    const tag = HEADER_TAG.exec(text);
    if (tag === null) continue;
    const [, key, rest] = tag as unknown as [string, string, string];
    const fail = (message: string): never => {
      throw new ReportHeaderError(source, lineNumber, message);
    };
    switch (key.toLowerCase()) {
      case 'name':
        if (name !== undefined) fail('@name is given twice');
        if (rest.trim() === '') fail('@name needs a name');
        name = rest.trim();
        break;
      case 'description':
        if (rest.trim() !== '') description.push(rest.trim());
        break;
      case 'param': {
        const param = parseParamDeclaration(rest.trim(), lineNumber, fail);
        if (params.some((other) => other.name.toLowerCase() === param.name.toLowerCase())) {
          fail(`parameter ${param.name} is declared twice`);
        }
        params.push(param);
        break;
      }
      default:
        fail(`unknown header tag @${key}; the tags are @name, @description and @param`);
    }
  }

  return {
    name: name ?? path.basename(source).replace(/\.sql$/i, ''),
    description: description.join(' '),
    params,
    sql,
    source,
  };
}

function parseParamDeclaration(text: string, line: number, fail: (message: string) => never): ReportParam {
  const match = PARAM_DECLARATION.exec(text);
  if (match === null) fail(`invalid @param "${text}"; expected @param NAME TYPE [= default]`);
  const [, name, typeName, defaultSource] = match as unknown as [string, string, string, string | undefined];
  const type = paramTypeOf(typeName);
  if (type === undefined) fail(`parameter ${name} has unknown type ${typeName}; the types are ${PARAM_TYPES.join(', ')}`);

  const defaultText = defaultSource === undefined ? undefined : unquoteDefault(defaultSource.trim(), name, fail);
  // UTC is used in place of the session zone because only the form of a TIMESTAMP default is checked here.
  if (typeof defaultText === 'string' && parseParamValue(type!, defaultText, 'UTC') === undefined) {
    fail(`default ${defaultSource!.trim()} of parameter ${name} is not ${expectedForm(type!)}`);
  }
  return { name, type: type!, defaultText, line };
}

/** Reads a default: a SQL string literal with '' for a quote, NULL, or a bare word or number. */
function unquoteDefault(text: string, name: string, fail: (message: string) => never): string | null {
  if (text === '') fail(`parameter ${name} has "=" but no default after it`);
  if (/^null$/i.test(text)) return null;
  if (!text.startsWith("'")) {
    if (/\s/.test(text)) fail(`default of parameter ${name} has spaces; quote it as a SQL string: '${text}'`);
    return text;
  }
  if (!/^'(?:[^']|'')*'$/.test(text)) fail(`default of parameter ${name} is not a complete SQL string literal: ${text}`);
  return text.slice(1, -1).replaceAll("''", "'");
}
