import { describe, expect, it } from 'vitest';
import { CsvFramer, type FramedRecord } from '../../src/loader/csv-framer.js';

/** Frames text pushed in chunks of `chunkSize` characters. */
function frame(text: string, chunkSize = text.length || 1, maxRecordChars = 1 << 20): FramedRecord[] {
  const framer = new CsvFramer(maxRecordChars);
  const records: FramedRecord[] = [];
  for (let i = 0; i < text.length; i += chunkSize) records.push(...framer.push(text.slice(i, i + chunkSize)));
  records.push(...framer.end());
  return records;
}

describe('CsvFramer', () => {
  it('splits LF and CRLF records with their line numbers', () => {
    expect(frame('a,b\r\n1,2\r\n3,4')).toEqual([
      { line: 1, text: 'a,b' },
      { line: 2, text: '1,2' },
      { line: 3, text: '3,4' },
    ]);
  });

  it('numbers multi-line records by start', () => {
    const records = frame('a,b\n"x\ny",1\n"p\r\nq\r\nr",2\nlast,3\n');
    expect(records).toEqual([
      { line: 1, text: 'a,b' },
      { line: 2, text: '"x\ny",1' },
      { line: 4, text: '"p\r\nq\r\nr",2' },
      { line: 7, text: 'last,3' },
    ]);
  });

  it('gives the same records for any chunk size', () => {
    const text = 'h1,h2\n"a ""quoted"" value",2\r\n"multi\nline",3\n4,"x"\n';
    const whole = frame(text);
    for (const size of [1, 2, 3, 7]) expect(frame(text, size)).toEqual(whole);
  });

  it('skips blank lines but counts them', () => {
    expect(frame('a\n\n\r\nb\n')).toEqual([
      { line: 1, text: 'a' },
      { line: 4, text: 'b' },
    ]);
  });

  it('faults a quote in unquoted text', () => {
    const records = frame('a,b\n4,5"6\n7,8\n');
    expect(records[1]).toEqual({ line: 2, text: '4,5"6', fault: 'quote inside an unquoted field' });
    expect(records[2]).toEqual({ line: 3, text: '7,8' });
  });

  it('faults text after a closing quote', () => {
    const records = frame('a,b,c\n1,"{"a":1}",2\n3,4,5\n');
    expect(records).toHaveLength(3);
    expect(records[1]!.fault).toMatch(/after a closing quote/);
    expect(records[1]!.text).toBe('1,"{"a":1}",2');
    expect(records[2]).toEqual({ line: 3, text: '3,4,5' });
  });

  it('faults the line of an unclosed quote', () => {
    const records = frame('a,b\n1,"open\n2,3\n4,5\n');
    expect(records[1]).toEqual({ line: 2, text: '1,"open', fault: 'quote opened in this record is never closed' });
    expect(records.slice(2)).toEqual([
      { line: 3, text: '2,3' },
      { line: 4, text: '4,5' },
    ]);
  });

  it('gives up a quoted field longer than the limit', () => {
    const records = frame(`a\n"${'x'.repeat(50)}\nb\n`, 8, 20);
    expect(records[1]!.line).toBe(2);
    expect(records[1]!.fault).toMatch(/not closed within 20 characters/);
    expect(records[2]).toEqual({ line: 3, text: 'b' });
  });

  it('faults an unquoted record longer than the limit', () => {
    const records = frame(`a\n${'y'.repeat(100)}\nb\n`, 16, 30);
    expect(records[1]!.fault).toMatch(/longer than 30 characters/);
    expect(records[1]!.line).toBe(2);
    expect(records[2]).toEqual({ line: 3, text: 'b' });
  });

  it('accepts a last record without a line break', () => {
    expect(frame('a\n"b"')).toEqual([
      { line: 1, text: 'a' },
      { line: 2, text: '"b"' },
    ]);
  });
});
