import { formatCompact, formatCount, formatDuration } from './numbers.js';

/** Progress of a running query as the progress bar shows it. */
export interface ProgressSnapshot {
  readonly tasksDone: number;
  readonly tasksTotal: number;
  readonly rowsScanned: number;
  readonly elapsedMs: number;
}

/** Cells of the bar itself; the text after it takes the rest of the line. */
const BAR_CELLS = 24;

/**
 * Draws one progress line: a bar of tasks done out of the total, the rows scanned and their
 * rate, and an estimate of the time left, `elapsed × (total − done) / done`, which assumes the
 * remaining tasks take as long as the finished ones did. Before the total is known there is no
 * bar. The line is cut to `width` cells.
 */
export function progressLine(progress: ProgressSnapshot, width: number): string {
  const seconds = progress.elapsedMs / 1000;
  const rate = seconds > 0 ? progress.rowsScanned / seconds : 0;
  const parts: string[] = [];
  if (progress.tasksTotal > 0) {
    const fraction = Math.min(1, progress.tasksDone / progress.tasksTotal);
    const filled = Math.round(fraction * BAR_CELLS);
    parts.push(`[${'█'.repeat(filled)}${'░'.repeat(BAR_CELLS - filled)}] ${formatCount(progress.tasksDone)}/${formatCount(progress.tasksTotal)} tasks`);
  } else {
    parts.push('running');
  }
  parts.push(`${formatCount(progress.rowsScanned)} rows`, `${formatCompact(rate)} rows/s`, formatDuration(progress.elapsedMs));
  if (progress.tasksDone > 0 && progress.tasksTotal > progress.tasksDone) {
    const leftMs = (progress.elapsedMs * (progress.tasksTotal - progress.tasksDone)) / progress.tasksDone;
    parts.push(`about ${formatDuration(leftMs)} left`);
  }
  const line = parts.join('  ');
  return [...line].length > width ? `${[...line].slice(0, Math.max(1, width - 1)).join('')}…` : line;
}
