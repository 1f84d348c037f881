import { describe, expect, it } from 'vitest';
import type { ResultStats } from '../../src/api/result.js';
import { formatElapsed, resultFooter } from '../../src/cli/result-footer.js';

const STATS: ResultStats = {
  elapsedMs: 2000,
  partitions: 1008,
  pages: 1008,
  rowsScanned: 150_252,
  tasks: 21,
  scanMethods: ['token_scan'],
  malformedJson: 0,
  warnings: ['no partition-key restriction: the whole table was scanned by token ranges'],
};

describe('resultFooter', () => {
  it('shows rows, time, partitions, rows scanned and rate', () => {
    expect(resultFooter(3, 2000, STATS).split('\n')[0]).toBe('3 rows in 2.00 s, 1,008 partitions read, 150,252 rows scanned (75,126 rows/s)');
  });

  it('adds one line per warning', () => {
    expect(resultFooter(3, 2000, STATS).split('\n')[1]).toBe('warning: no partition-key restriction: the whole table was scanned by token ranges');
  });

  it('leaves out scan figures when nothing was read', () => {
    expect(resultFooter(1, 3, { ...STATS, partitions: 0, rowsScanned: 0, warnings: [] })).toBe('1 row in 3 ms\n');
  });
});

describe('formatElapsed', () => {
  it('uses milliseconds under a second', () => {
    expect(formatElapsed(42.4)).toBe('42 ms');
  });

  it('uses seconds from one second', () => {
    expect(formatElapsed(1250)).toBe('1.25 s');
  });
});
