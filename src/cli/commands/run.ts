import { Command } from 'commander';
import { bindReportParams, parseParamAssignment, reportParamLines, ReportParamError, type ParamAssignment } from '../../reports/bind-params.js';
import { findReportFile, listReports, packagedReportsFolder, readReport } from '../../reports/library.js';
import type { Report } from '../../reports/report-file.js';
import { EXIT_FAILURE, ReportedFailure, UsageError } from '../errors.js';
import { addSessionOptions, sessionSettings, type SessionOptions } from '../session-options.js';
import { parseStatements, runSqlSession } from '../sql-session.js';

interface RunCommandOptions extends SessionOptions {
  readonly param?: string[];
  readonly list?: boolean;
}

export function runCommand(): Command {
  const command = new Command('run')
    .summary('run a saved report (a .sql file with parameters)')
    .description(
      'Run every statement of a report file in order, stopping at the first error (exit code 1).\n' +
        'REPORT is a .sql file, or the name of a report shipped in the package\'s queries/ folder. ' +
        'A report starts with "-- @name", "-- @description" and "-- @param NAME TYPE [= default]" lines; ' +
        'TYPE is INT, BIGINT, DOUBLE, TEXT, DATE, TIMESTAMP or BOOLEAN. --param values are checked ' +
        'against these types and bound as values, never pasted into the SQL; a missing or invalid ' +
        'one exits with code 2 and the list of parameters.',
    )
    .argument('[report]', 'report file or name')
    .option(
      '--param <name=value>',
      'value of a report parameter, e.g. --param since=2026-11-16; TIMESTAMP text without an offset is read in the session time zone; repeatable',
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .option('--list', 'list the reports shipped in the package with their descriptions and parameters');
  addSessionOptions(command);
  return command.action(async (reference: string | undefined, options: RunCommandOptions) => runReport(reference, options));
}

async function runReport(reference: string | undefined, options: RunCommandOptions): Promise<void> {
  if (options.list === true) {
    if (reference !== undefined) throw new UsageError('--list takes no report');
    printReportList();
    return;
  }
  if (reference === undefined) throw new UsageError('no report given: pass a .sql file or a report name, or --list to see the reports');

  const folder = packagedReportsFolder();
  const file = findReportFile(reference, folder);
  if (file === undefined) {
    throw new UsageError(`report not found: ${reference}; pass a .sql file, or a name that "cassalytics run --list" shows (reports in ${folder})`);
  }
  const report = readReport(file);
  const settings = sessionSettings(options);
  const params = bindParams(report, options.param ?? [], settings.timeZone);
  const statements = parseStatements(report.sql, file);
  if (statements.length === 0) throw new UsageError(`report ${report.name} (${file}) has no SQL statement`);
  await runSqlSession(options, settings, { sql: report.sql, source: file, statements, params });
}

function bindParams(report: Report, texts: readonly string[], timeZone: string): ReturnType<typeof bindReportParams> {
  try {
    const assignments: ParamAssignment[] = texts.map(parseParamAssignment);
    return bindReportParams(report, assignments, timeZone);
  } catch (error) {
    if (error instanceof ReportParamError) throw new UsageError(error.message);
    throw error;
  }
}

function printReportList(): void {
  const folder = packagedReportsFolder();
  const { reports, failures } = listReports(folder);
  const blocks = reports.map((report) => {
    const lines = [report.name];
    if (report.description !== '') lines.push(`  ${report.description}`);
    if (report.params.length === 0) lines.push('  no parameters');
    else lines.push('  parameters:', ...reportParamLines(report).map((line) => `    ${line}`));
    return lines.join('\n');
  });
  process.stdout.write(`reports in ${folder}:\n\n${blocks.join('\n\n')}\n`);
  for (const failure of failures) process.stderr.write(`error: cannot read the report ${failure.file}: ${failure.message}\n`);
  if (failures.length > 0) throw new ReportedFailure(EXIT_FAILURE);
}
