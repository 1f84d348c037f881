import { describe, expect, it } from 'vitest';
import { formatCount, ProgressLine, type ProgressStream } from '../../src/loader/progress.js';

function recorder(isTTY: boolean, columns?: number): ProgressStream & { output: string } {
  const stream = {
    isTTY,
    columns,
    output: '',
    write(text: string): boolean {
      stream.output += text;
      return true;
    },
  };
  return stream;
}

describe('ProgressLine', () => {
  it('stays silent off a terminal', () => {
    const stream = recorder(false);
    const progress = new ProgressLine(stream, 'load x.csv');
    progress.update(100, 10, 100);
    progress.clear();
    expect(stream.output).toBe('');
  });

  it('draws a bar, percent and ETA on a terminal', () => {
    const stream = recorder(true);
    const progress = new ProgressLine(stream, 'load x.csv');
    progress.update(1500, 50, 100);
    expect(stream.output).toMatch(/^\r\x1b\[2K\[##########----------\] 50% load x\.csv: 1,500 rows, [\d,]+ rows\/s, ETA \d+s$/);
  });

  it('erases the line when cleared', () => {
    const stream = recorder(true);
    const progress = new ProgressLine(stream, 'load');
    progress.update(1);
    progress.clear();
    expect(stream.output.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('cuts the line to the terminal width', () => {
    const stream = recorder(true, 30);
    new ProgressLine(stream, 'a very long label that does not fit').update(5, 1, 2);
    expect(stream.output.replace('\r\x1b[2K', '').length).toBe(29);
  });

  it('formats counts with thousands separators', () => {
    expect(formatCount(16657)).toBe('16,657');
  });
});
