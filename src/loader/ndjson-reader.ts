import type { SourceRecord } from './source-record.js';

/**
 * Reads NDJSON records from decoded text chunks: one JSON object per line, blank lines skipped,
 * a trailing carriage return ignored. A line that is not valid JSON, or whose value is not an
 * object, becomes a fault.
 */
export async function* readNdjsonRecords(
  chunks: AsyncIterable<string>,
  maxLineChars: number,
): AsyncGenerator<SourceRecord, void, undefined> {
  let parts: string[] = [];
  let partsLength = 0;
  let line = 1;
  let oversized = false;

  for await (const chunk of chunks) {
    let start = 0;
    for (let newline = chunk.indexOf('\n'); newline >= 0; newline = chunk.indexOf('\n', start)) {
      let record: SourceRecord | undefined;
      if (oversized) {
        record = oversizedFault(line, parts.join(''), maxLineChars);
      } else {
        record = parseLine(line, parts.join('') + chunk.slice(start, newline));
      }
      if (record !== undefined) yield record;
      parts = [];
      partsLength = 0;
      oversized = false;
      line++;
      start = newline + 1;
    }
    if (oversized) continue;
    const rest = chunk.slice(start);
    parts.push(rest);
    partsLength += rest.length;
    if (partsLength > maxLineChars) {
      oversized = true;
      parts = [parts.join('').slice(0, 1024)];
    }
  }

  const last = oversized ? oversizedFault(line, parts.join(''), maxLineChars) : parseLine(line, parts.join(''));
  if (last !== undefined) yield last;
}

function oversizedFault(line: number, sample: string, maxLineChars: number): SourceRecord {
  return { kind: 'fault', line, raw: `${sample}…`, reason: `line longer than ${maxLineChars} characters` };
}

function parseLine(line: number, text: string): SourceRecord | undefined {
  const raw = text.endsWith('\r') ? text.slice(0, -1) : text;
  if (raw.trim().length === 0) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return { kind: 'fault', line, raw, reason: `invalid JSON: ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const found = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    return { kind: 'fault', line, raw, reason: `line is not a JSON object: found ${found}` };
  }
  return { kind: 'object', line, raw, value: value as Record<string, unknown> };
}
