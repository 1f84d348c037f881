import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseReport, type Report } from './report-file.js';

/**
 * Returns the queries/ folder shipped with the package: the one beside the package.json named
 * cassalytics above this module, which holds for src/reports and for dist/src/reports.
 */
export function packagedReportsFolder(): string {
  let folder = path.dirname(fileURLToPath(import.meta.url));
  while (true) {
    const manifest = path.join(folder, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'cassalytics') {
      return path.join(folder, 'queries');
    }
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error(`cannot find the cassalytics package.json above ${fileURLToPath(import.meta.url)}`);
    folder = parent;
  }
}

/** Reads a report file. Throws ReportHeaderError for a bad header and the fs error when unreadable. */
export function readReport(file: string): Report {
  return parseReport(fs.readFileSync(file, 'utf8'), file);
}

/** The reports of a folder, and the files that could not be read as reports. */
export interface ReportListing {
  /** Reports sorted by name. */
  readonly reports: Report[];
  readonly failures: { readonly file: string; readonly message: string }[];
}

/** Reads every `.sql` file of a folder as a report; a file that fails is listed, not thrown. */
export function listReports(folder: string): ReportListing {
  const files = fs.existsSync(folder) ? fs.readdirSync(folder).filter((file) => file.toLowerCase().endsWith('.sql')).sort() : [];
  const reports: Report[] = [];
  const failures: { file: string; message: string }[] = [];
  for (const file of files) {
    const fullPath = path.join(folder, file);
    try {
      reports.push(readReport(fullPath));
    } catch (error) {
      failures.push({ file: fullPath, message: error instanceof Error ? error.message : String(error) });
    }
  }
  reports.sort((a, b) => a.name.localeCompare(b.name));
  return { reports, failures };
}

/**
 * Finds the file of a report: `reference` itself when it names an existing file, else the report
 * of `folder` whose file name (with or without `.sql`) or `@name` equals it. Returns undefined
 * when none matches.
 */
export function findReportFile(reference: string, folder: string): string | undefined {
  if (fs.existsSync(reference) && fs.statSync(reference).isFile()) return reference;
  if (reference.includes('/') || reference.includes(path.sep)) return undefined;

  for (const candidate of [reference, `${reference}.sql`]) {
    const file = path.join(folder, candidate);
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  }
  return listReports(folder).reports.find((report) => report.name === reference)?.source;
}
