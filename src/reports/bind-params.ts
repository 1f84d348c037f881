import { didYouMean } from '../errors.js';
import { expectedForm, parseParamValue, type ParamValue } from './param-types.js';
import type { Report } from './report-file.js';

/** A `--param` value that is missing, unknown or not of its declared type. */
export class ReportParamError extends Error {
  override readonly name = 'ReportParamError';
}

/** One `--param NAME=VALUE` as given on the command line. */
export interface ParamAssignment {
  readonly name: string;
  readonly text: string;
}

/** Splits `NAME=VALUE` at the first `=`; the value may be empty and may contain `=`. */
export function parseParamAssignment(text: string): ParamAssignment {
  const separator = text.indexOf('=');
  const name = separator < 0 ? '' : text.slice(0, separator).trim();
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new ReportParamError(`--param must be NAME=VALUE, such as --param store=2, got "${text}"`);
  }
  return { name, text: text.slice(separator + 1) };
}

/**
 * Checks the given values against a report's declarations and returns the values to bind, by
 * parameter name. Declared defaults fill the parameters not given. Throws ReportParamError naming
 * every missing, unknown or ill-typed parameter, followed by the report's parameter list.
 * `timeZone` is the zone in which TIMESTAMP text without an offset is read.
 */
export function bindReportParams(report: Report, assignments: readonly ParamAssignment[], timeZone: string): Record<string, ParamValue> {
  const problems: string[] = [];
  const values: Record<string, ParamValue> = {};
  const declared = new Map(report.params.map((param) => [param.name.toLowerCase(), param]));

  const byName = new Map<string, ParamAssignment>();
  for (const assignment of assignments) {
    const key = assignment.name.toLowerCase();
    if (!declared.has(key)) {
      const suggestion = didYouMean(assignment.name, report.params.map((param) => param.name));
      problems.push(`unknown parameter ${assignment.name}${suggestion === null ? '' : ` (did you mean ${suggestion}?)`}`);
    } else if (byName.has(key)) {
      problems.push(`parameter ${assignment.name} is given twice`);
    } else {
      byName.set(key, assignment);
    }
  }

  for (const param of report.params) {
    const assignment = byName.get(param.name.toLowerCase());
    if (assignment === undefined) {
      if (param.defaultText === undefined) problems.push(`missing parameter ${param.name} (${param.type}); pass --param ${param.name}=VALUE`);
      else values[param.name] = param.defaultText === null ? null : parseParamValue(param.type, param.defaultText, timeZone)!;
      continue;
    }
    const value = parseParamValue(param.type, assignment.text, timeZone);
    if (value === undefined) {
      problems.push(`invalid value "${assignment.text}" for parameter ${param.name}: expected ${expectedForm(param.type)}`);
    } else {
      values[param.name] = value;
    }
  }

  if (problems.length > 0) {
    throw new ReportParamError(`${problems.join('\n')}\n${describeReportParams(report)}`);
  }
  return values;
}

/** Lists a report's parameters with their types and defaults, one per line, for messages and --list. */
export function describeReportParams(report: Report): string {
  if (report.params.length === 0) return `report ${report.name} takes no parameters`;
  return [`parameters of report ${report.name}:`, ...reportParamLines(report).map((line) => `  ${line}`)].join('\n');
}

/** Formats one line per parameter: name, type, and `default VALUE` or `required`, in aligned columns. */
export function reportParamLines(report: Report): string[] {
  const nameWidth = Math.max(0, ...report.params.map((param) => param.name.length));
  const typeWidth = Math.max(0, ...report.params.map((param) => param.type.length));
  return report.params.map((param) => {
    const fallback = param.defaultText === undefined ? 'required' : `default ${param.defaultText === null ? 'NULL' : param.defaultText}`;
    return `${param.name.padEnd(nameWidth)}  ${param.type.padEnd(typeWidth)}  ${fallback}`;
  });
}
