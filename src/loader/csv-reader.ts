import { parse } from 'csv-parse/sync';
import { CsvFramer, type FramedRecord } from './csv-framer.js';
import type { SourceRecord } from './source-record.js';

/** Largest record accepted, in characters; a 5 MB JSON detail fits with room to spare. */
export const MAX_RECORD_CHARS = 64 * 1024 * 1024;

/** Records are handed to csv-parse in groups of about this many characters. */
const PARSE_GROUP_CHARS = 1 << 20;

/**
 * Reads CSV records from decoded text chunks. The caller strips any byte order mark. Records are
 * framed by `CsvFramer`, then the well-formed ones are split into fields by csv-parse; a record
 * csv-parse still rejects becomes a fault with csv-parse's message.
 */
export async function* readCsvRecords(
  chunks: AsyncIterable<string>,
  maxRecordChars = MAX_RECORD_CHARS,
): AsyncGenerator<SourceRecord, void, undefined> {
  const framer = new CsvFramer(maxRecordChars);
  for await (const chunk of chunks) {
    yield* parseFramed(framer.push(chunk), maxRecordChars);
  }
  yield* parseFramed(framer.end(), maxRecordChars);
}

function* parseFramed(records: readonly FramedRecord[], maxRecordChars: number): Generator<SourceRecord> {
  let group: FramedRecord[] = [];
  let groupChars = 0;
  for (const record of records) {
    if (record.fault !== undefined) {
      yield* parseGroup(group, maxRecordChars);
      group = [];
      groupChars = 0;
      yield { kind: 'fault', line: record.line, raw: record.text, reason: `malformed CSV: ${record.fault}` };
      continue;
    }
    group.push(record);
    groupChars += record.text.length;
    if (groupChars >= PARSE_GROUP_CHARS) {
      yield* parseGroup(group, maxRecordChars);
      group = [];
      groupChars = 0;
    }
  }
  yield* parseGroup(group, maxRecordChars);
}

/** Splits a group of framed records into fields with one csv-parse call, or one call per record after an error. */
function* parseGroup(group: readonly FramedRecord[], maxRecordChars: number): Generator<SourceRecord> {
  if (group.length === 0) return;
  const parsed = tryParse(group.map((record) => record.text).join('\n'), maxRecordChars);
  if (parsed.ok && parsed.records.length === group.length) {
    for (let i = 0; i < group.length; i++) {
      const record = group[i]!;
      yield { kind: 'fields', line: record.line, raw: record.text, fields: parsed.records[i]! };
    }
    return;
  }
  for (const record of group) {
    const single = tryParse(record.text, maxRecordChars);
    if (single.ok && single.records.length === 1) {
      yield { kind: 'fields', line: record.line, raw: record.text, fields: single.records[0]! };
    } else {
      const reason = single.ok ? `expected one record, csv-parse found ${single.records.length}` : single.reason;
      yield { kind: 'fault', line: record.line, raw: record.text, reason: `malformed CSV: ${reason}` };
    }
  }
}

type ParseResult = { readonly ok: true; readonly records: string[][] } | { readonly ok: false; readonly reason: string };

function tryParse(text: string, maxRecordChars: number): ParseResult {
  try {
    const records = parse(text, {
      bom: false,
      delimiter: ',',
      quote: '"',
      escape: '"',
      record_delimiter: '\n',
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: maxRecordChars,
    }) as string[][];
    return { ok: true, records };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}
