import { displayWidth, truncateToWidth } from '../../src/format/index.js';
import { formatCompact, formatCount, formatDuration } from './numbers.js';

/** Progress of a running query as the progress bar shows it. */
export interface ProgressSnapshot {
  readonly tasksDone: number;
  readonly tasksTotal: number;
  readonly rowsScanned: number;
  readonly elapsedMs: number;
}

/** Widest bar, in cells. */
const MAX_BAR_CELLS = 24;
/** Narrowest bar worth drawing; below it the line has no bar. */
const MIN_BAR_CELLS = 8;

/**
 * Draws one progress line: a bar of tasks done out of the total, the rows scanned and their
 * rate, the elapsed time, and an estimate of the time left. The estimate is
 * `elapsed × (total − done) / done`, so it assumes the remaining tasks take as long as the
 * finished ones did. Before the total is known there is no bar. The bar shrinks to fit `width`,
 * and text that still does not fit is cut.
 */
export function progressLine(progress: ProgressSnapshot, width: number): string {
  const seconds = progress.elapsedMs / 1000;
  const rate = seconds > 0 ? progress.rowsScanned / seconds : 0;
  const figures = [`${formatCount(progress.rowsScanned)} rows`, `${formatCompact(rate)} rows/s`, formatDuration(progress.elapsedMs)];
  if (progress.tasksDone > 0 && progress.tasksTotal > progress.tasksDone) {
    const leftMs = (progress.elapsedMs * (progress.tasksTotal - progress.tasksDone)) / progress.tasksDone;
    figures.push(`about ${formatDuration(leftMs)} left`);
  }
  if (progress.tasksTotal <= 0) return truncateToWidth(['running', ...figures].join('  '), width).text;

  const text = [`${formatCount(progress.tasksDone)}/${formatCount(progress.tasksTotal)} tasks`, ...figures].join('  ');
  // The bar takes what is left after the text, '[', ']' and a space.
  const cells = Math.min(MAX_BAR_CELLS, width - displayWidth(text) - 3);
  if (cells < MIN_BAR_CELLS) return truncateToWidth(text, width).text;
  const filled = Math.round(Math.min(1, progress.tasksDone / progress.tasksTotal) * cells);
  return `[${'█'.repeat(filled)}${'░'.repeat(cells - filled)}] ${text}`;
}
