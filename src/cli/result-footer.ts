import type { ResultStats } from '../api/result.js';
import { formatCount } from '../loader/progress.js';

/**
 * Formats the summary written to a terminal's standard error after a result: rows and elapsed
 * time, then partitions read, rows scanned and scan rate when the statement read the table, then
 * one line per warning of the result.
 */
export function resultFooter(rows: number, elapsedMs: number, stats: ResultStats | undefined): string {
  const parts = [`${formatCount(rows)} ${rows === 1 ? 'row' : 'rows'} in ${formatElapsed(elapsedMs)}`];
  if (stats !== undefined && (stats.partitions > 0 || stats.rowsScanned > 0)) {
    const seconds = Math.max(elapsedMs, 1) / 1000;
    parts.push(
      `${formatCount(stats.partitions)} ${stats.partitions === 1 ? 'partition' : 'partitions'} read`,
      `${formatCount(stats.rowsScanned)} rows scanned (${formatCount(Math.round(stats.rowsScanned / seconds))} rows/s)`,
    );
  }
  const lines = [parts.join(', ')];
  for (const warning of stats?.warnings ?? []) lines.push(`warning: ${warning}`);
  return `${lines.join('\n')}\n`;
}

/** Elapsed time as `42 ms` under a second, else `1.25 s`. */
export function formatElapsed(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
