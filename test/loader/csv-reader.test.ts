import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { Prng } from '../../src/generate/prng.js';
import { readCsvRecords, splitCsvRecord } from '../../src/loader/csv-reader.js';
import type { SourceRecord } from '../../src/loader/source-record.js';

async function* chunksOf(text: string, random: Prng): AsyncGenerator<string> {
  let start = 0;
  while (start < text.length) {
    const size = 1 + random.int(40);
    yield text.slice(start, start + size);
    start += size;
  }
}

async function readAll(text: string, random: Prng): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const record of readCsvRecords(chunksOf(text, random))) records.push(record);
  return records;
}

const ALPHABET = ['a', 'b', 'Z', '7', ' ', ',', '"', '\n', '\r\n', '{', ':', 'é', '😀'];

/** Builds random RFC 4180 text: fields with commas, quotes and line breaks, quoted when they must be (and sometimes when not). */
function randomCsv(random: Prng, records: number): { text: string; newline: string; expected: string[][] } {
  const expected: string[][] = [];
  const lines: string[] = [];
  for (let r = 0; r < records; r++) {
    const fields: string[] = [];
    const count = 1 + random.int(6);
    for (let f = 0; f < count; f++) {
      let value = '';
      const length = random.int(8);
      for (let i = 0; i < length; i++) value += random.pick(ALPHABET);
      fields.push(value);
    }
    // A record of one empty field would be a blank line, which CSV readers skip.
    if (fields.length === 1 && fields[0] === '') fields[0] = 'x';
    expected.push(fields);
    const encoded = fields.map((value) =>
      /[",\r\n]/.test(value) || random.chance(0.2) ? `"${value.replaceAll('"', '""')}"` : value,
    );
    lines.push(encoded.join(','));
  }
  const newline = random.chance(0.5) ? '\r\n' : '\n';
  return { text: lines.join(newline) + (random.chance(0.5) ? newline : ''), newline, expected };
}

describe('readCsvRecords', () => {
  it('agrees with csv-parse on random RFC 4180 input', async () => {
    const random = new Prng(2024);
    for (let round = 0; round < 200; round++) {
      const { text, newline, expected } = randomCsv(random, 1 + random.int(12));
      const records = await readAll(text, random);
      expect(records.every((record) => record.kind === 'fields')).toBe(true);
      const fields = records.map((record) => (record.kind === 'fields' ? record.fields : []));
      expect(fields).toEqual(expected);
      const reference = parse(text, { relax_column_count: true, record_delimiter: newline }) as string[][];
      expect(fields).toEqual(reference);
    }
  });

  it('numbers records by the line they start on', async () => {
    const random = new Prng(1);
    const records = await readAll('h\n"a\nb"\n\nc\n"d\r\ne\r\nf"\ng', random);
    expect(records.map((record) => record.line)).toEqual([1, 2, 5, 6, 9]);
  });

  it('turns malformed records into faults and keeps going', async () => {
    const random = new Prng(3);
    const records = await readAll('a,b\n1,x"y\n2,"z"w\n3,4\n', random);
    expect(records.map((record) => record.kind)).toEqual(['fields', 'fault', 'fault', 'fields']);
    expect(records[3]).toEqual({ kind: 'fields', line: 4, raw: '3,4', fields: ['3', '4'] });
  });
});

describe('splitCsvRecord', () => {
  it.each([
    ['a,b,c', ['a', 'b', 'c']],
    ['a,,', ['a', '', '']],
    [',', ['', '']],
    ['"a,b","c""d"', ['a,b', 'c"d']],
    ['"",""', ['', '']],
    ['"x",', ['x', '']],
    ['"line\nbreak",2', ['line\nbreak', '2']],
    ['"""quoted"""', ['"quoted"']],
  ])('splits %j', (text, fields) => {
    expect(splitCsvRecord(text)).toEqual(fields);
  });
});
