import type { ResultStats } from '../../src/api/result.js';
import { formatCompact, formatCount, formatDuration, plural } from './numbers.js';

/** The parts of a result cut to fit the screen. */
export interface CutSummary {
  /** Rows read but not shown, because the screen shows at most `maxRows`. */
  readonly rowsNotShown: number;
  readonly hiddenColumns: readonly string[];
  readonly truncatedCells: number;
  /** Terminal columns the table was fitted to. */
  readonly width: number;
}

/** Figures of a finished statement for its footer. */
export interface FooterFacts {
  readonly rows: number;
  /** Wall time from sending the statement to reading its last row. */
  readonly elapsedMs: number;
  readonly stats: ResultStats | null;
  readonly timing: boolean;
  /** The `\o FILE` that received the rows instead of the screen, or null. */
  readonly outputFile: string | null;
}

/**
 * Builds the lines under a result: the row count with, when `\timing` is on, the elapsed time,
 * partitions read, rows scanned and the scan rate; then the engine's warnings; then what was cut
 * to fit the screen and the commands that show all of it.
 */
export function footerLines(facts: FooterFacts, cut: CutSummary | null): { summary: string; warnings: string[]; cuts: string[] } {
  const parts = [plural(facts.rows, 'row')];
  if (facts.outputFile !== null) parts[0] = `${parts[0]} written to ${facts.outputFile}`;
  if (facts.timing) {
    parts.push(formatDuration(facts.elapsedMs));
    const stats = facts.stats;
    if (stats !== null && stats.rowsScanned > 0) {
      parts.push(plural(stats.partitions, 'partition'), `${formatCount(stats.rowsScanned)} rows scanned`);
      const seconds = facts.elapsedMs / 1000;
      if (seconds > 0) parts.push(`${formatCompact(stats.rowsScanned / seconds)} rows/s`);
    }
  }
  const warnings = (facts.stats?.warnings ?? []).map((warning) => `warning: ${warning}`);
  return { summary: `(${parts.join(', ')})`, warnings, cuts: cut === null ? [] : cutLines(cut) };
}

function cutLines(cut: CutSummary): string[] {
  const lines: string[] = [];
  if (cut.hiddenColumns.length > 0) {
    lines.push(`${plural(cut.hiddenColumns.length, 'column')} not shown to fit ${cut.width} terminal columns: ${cut.hiddenColumns.join(', ')}`);
  }
  if (cut.truncatedCells > 0) lines.push(`${plural(cut.truncatedCells, 'value')} cut to fit, marked with …`);
  if (lines.length > 0) lines.push('\\x shows every column with whole values, one row at a time; \\format csv prints every value in full');
  if (cut.rowsNotShown > 0) {
    lines.push(`${plural(cut.rowsNotShown, 'more row')} not shown; add LIMIT, or write them all to a file with \\o FILE`);
  }
  return lines;
}
