import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryProgress } from '../../src/cli/query-progress.js';

function terminal(isTTY: boolean): { isTTY: boolean; writes: string[]; write(text: string): boolean } {
  const writes: string[] = [];
  return { isTTY, writes, write: (text: string) => writes.push(text) > 0 };
}

const PROGRESS = { tasksDone: 2, tasksTotal: 8, partitions: 96, pages: 96, rowsScanned: 19_572, bytes: 0, elapsedMs: 700 };

describe('QueryProgress', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('draws nothing in the first half second', () => {
    const stream = terminal(true);
    const progress = new QueryProgress(stream);
    progress.start();
    vi.advanceTimersByTime(499);
    expect(stream.writes).toEqual([]);
    progress.stop();
  });

  it('draws the engine counters after half a second', () => {
    const stream = terminal(true);
    const progress = new QueryProgress(stream);
    progress.start();
    progress.update(PROGRESS);
    vi.advanceTimersByTime(500);
    expect(stream.writes[0]).toMatch(/^\r\x1b\[2Krunning \d+\.\d s, 2\/8 scan tasks, 96 partitions, 19,572 rows scanned \(Ctrl-C cancels\)$/);
    progress.stop();
  });

  it('redraws at most 10 times per second', () => {
    const stream = terminal(true);
    const progress = new QueryProgress(stream);
    progress.start();
    vi.advanceTimersByTime(1500);
    expect(stream.writes.length).toBeLessThanOrEqual(11);
    progress.stop();
  });

  it('erases the line when stopped', () => {
    const stream = terminal(true);
    const progress = new QueryProgress(stream);
    progress.start();
    vi.advanceTimersByTime(600);
    progress.stop();
    expect(stream.writes.at(-1)).toBe('\r\x1b[2K');
  });

  it('writes nothing when the stream is not a terminal', () => {
    const stream = terminal(false);
    const progress = new QueryProgress(stream);
    progress.start();
    vi.advanceTimersByTime(2000);
    progress.stop();
    expect(stream.writes).toEqual([]);
  });
});
