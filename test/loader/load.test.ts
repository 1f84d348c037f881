import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userLogsTable } from '../../src/catalog/user-logs.js';
import { InputError } from '../../src/loader/input.js';
import { RejectFile } from '../../src/loader/reject-file.js';
import { loadFile, type LoadOptions, type LoadSummary } from '../../src/loader/load.js';
import type { Row } from '../../src/loader/sink.js';
import { EmbeddedStore } from '../../src/store/store.js';

const TABLE = userLogsTable('analytics');
const HEADER = 'store_id,year,month,day,hour,event_id,url,user_id,session_id,log_time,detail';

let folder: string;
let store: EmbeddedStore;

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cassalytics-load-'));
  store = EmbeddedStore.open(path.join(folder, 'store.db'));
  store.createTable(TABLE);
});

afterEach(() => {
  store.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

/** Returns a CSV line of one page view whose key depends on `n`. */
function csvLine(n: number, detail = '{"page_type":"home"}'): string {
  return `1,2026,11,16,10,1,https://food-lover.abc/,user-${n},session-${n},${1794823200000 + n},"${detail.replaceAll('"', '""')}"`;
}

function writeInput(name: string, content: string | Buffer): string {
  const file = path.join(folder, name);
  fs.writeFileSync(file, content);
  return file;
}

async function load(file: string, options: Partial<LoadOptions> = {}): Promise<LoadSummary> {
  return loadFile(file, { table: TABLE, sink: store.sink(TABLE), ...options });
}

function storedRows(): Row[] {
  return [...store.scan(TABLE)];
}

interface RejectRecord {
  file: string;
  line: string;
  reason: string;
  record: string;
}

function rejectsOf(file: string): RejectRecord[] {
  return parse(fs.readFileSync(`${file}.reject.csv`, 'utf8'), { columns: true }) as RejectRecord[];
}

describe('loadFile bad input', () => {
  const cases: { name: string; file: string; content: () => string | Buffer; check: (file: string, summary: LoadSummary) => void }[] = [
    {
      name: 'malformed CSV quoting',
      file: 'quoting.csv',
      content: () => [HEADER, csvLine(1), '1,2026,11,16,10,1,https://x/,u,s,1,"{"bad":1}"', csvLine(3), ''].join('\n'),
      check: (file, summary) => {
        expect(summary.rowsWritten).toBe(2);
        const [reject] = rejectsOf(file);
        expect(reject!.line).toBe('3');
        expect(reject!.reason).toMatch(/^malformed CSV: character .* after a closing quote/);
        expect(reject!.record).toBe('1,2026,11,16,10,1,https://x/,u,s,1,"{"bad":1}"');
      },
    },
    {
      name: 'non-integer store_id',
      file: 'store-id.csv',
      content: () => [HEADER, csvLine(1), csvLine(2).replace(/^1,/, 'one,'), ''].join('\n'),
      check: (file, summary) => {
        expect(summary.rejected).toBe(1);
        const [reject] = rejectsOf(file);
        expect(reject!.reason).toBe('column "store_id" (int): "one" is not an integer');
        expect(reject!.line).toBe('3');
      },
    },
    {
      name: 'NDJSON line that is not an object',
      file: 'lines.ndjson',
      content: () =>
        [
          JSON.stringify({ store_id: 1, year: 2026, month: 11, day: 16, hour: 10, event_id: 1, user_id: 'u', session_id: 's', log_time: 5 }),
          '[1, 2, 3]',
          '"text"',
          '{"store_id": 1,',
        ].join('\n'),
      check: (file, summary) => {
        expect(summary.rowsWritten).toBe(1);
        const rejects = rejectsOf(file);
        expect(rejects.map((reject) => reject.line)).toEqual(['2', '3', '4']);
        expect(rejects[0]!.reason).toBe('line is not a JSON object: found an array');
        expect(rejects[1]!.reason).toBe('line is not a JSON object: found a string');
        expect(rejects[2]!.reason).toMatch(/^invalid JSON/);
      },
    },
    {
      name: 'empty key value',
      file: 'empty-key.csv',
      content: () => [HEADER, csvLine(1).replace('user-1', ''), ''].join('\n'),
      check: (file, summary) => {
        expect(summary.rowsWritten).toBe(0);
        expect(rejectsOf(file)[0]!.reason).toBe('empty value for key column "user_id"');
      },
    },
    {
      name: 'wrong number of fields',
      file: 'fields.csv',
      content: () => [HEADER, '1,2026,11', csvLine(2), ''].join('\n'),
      check: (file, summary) => {
        expect(summary.rowsWritten).toBe(1);
        expect(rejectsOf(file)[0]!.reason).toBe('expected 11 fields as in the header, found 3');
      },
    },
    {
      name: 'NDJSON integer beyond 2^53',
      file: 'big.jsonl',
      content: () => '{"store_id":1,"year":2026,"month":11,"day":16,"hour":10,"event_id":1,"user_id":"u","session_id":"s","log_time":12345678901234567890}\n',
      check: (file) => {
        expect(rejectsOf(file)[0]!.reason).toMatch(/column "log_time" \(bigint\): .* beyond 2\^53/);
      },
    },
    {
      name: 'NDJSON object without a key column',
      file: 'no-key.ndjson',
      content: () => '{"store_id":1,"year":2026,"month":11,"day":16,"hour":10,"event_id":1,"user_id":"u","log_time":1}\n',
      check: (file) => {
        expect(rejectsOf(file)[0]!.reason).toBe('missing value for key column "session_id"');
      },
    },
    {
      name: 'NDJSON object with an unknown key',
      file: 'unknown-key.ndjson',
      content: () => '{"store_id":1,"year":2026,"month":11,"day":16,"hour":10,"event_id":1,"user_id":"u","session_id":"s","log_time":1,"colour":"red"}\n',
      check: (file) => {
        expect(rejectsOf(file)[0]!.reason).toMatch(/^unknown keys "colour"; columns of user_logs: store_id, year/);
      },
    },
  ];

  for (const testCase of cases) {
    it(`rejects rows for ${testCase.name}`, async () => {
      const file = writeInput(testCase.file, testCase.content());
      const summary = await load(file);
      testCase.check(file, summary);
      expect(summary.rowsRead).toBe(summary.rowsWritten + summary.rejected);
    });
  }
});

describe('loadFile unusable files', () => {
  const cases: { name: string; file: string; content: string; message: RegExp }[] = [
    { name: 'an empty file', file: 'empty.csv', content: '', message: /empty\.csv is empty: expected a CSV header line or NDJSON objects/ },
    { name: 'a file of blank lines', file: 'blank.csv', content: '\n\r\n  \n', message: /is empty/ },
    {
      name: 'a header without a key column',
      file: 'no-user.csv',
      content: `${HEADER.replace('user_id,', '')}\n`,
      message: /header lacks primary-key column "user_id"/,
    },
    {
      name: 'a header with an unknown column',
      file: 'unknown.csv',
      content: `${HEADER},colour\n`,
      message: /header has unknown column "colour"; columns of user_logs: store_id, year, month, day, hour, event_id, user_id, session_id, log_time, url, detail/,
    },
    {
      name: 'a header naming a column twice',
      file: 'twice.csv',
      content: `${HEADER},URL\n`,
      message: /header names column "url" twice/,
    },
    { name: 'a missing file', file: 'absent.csv', content: '', message: /absent\.csv: file not found/ },
  ];

  for (const testCase of cases) {
    it(`stops on ${testCase.name}`, async () => {
      const file =
        testCase.file === 'absent.csv' ? path.join(folder, 'absent.csv') : writeInput(testCase.file, testCase.content);
      const error = await load(file).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(testCase.message);
    });
  }
});

describe('loadFile encodings and formats', () => {
  it('loads a 5 MB detail value', async () => {
    const detail = JSON.stringify({ page_type: 'product', blob: 'x'.repeat(5 * 1024 * 1024) });
    const file = writeInput('large.csv', [HEADER, csvLine(1, detail), csvLine(2), ''].join('\n'));
    const summary = await load(file);
    expect(summary.rowsWritten).toBe(2);
    const stored = storedRows().find((row) => row['user_id'] === 'user-1');
    expect(stored!['detail']).toBe(detail);
  });

  it('skips a UTF-8 byte order mark', async () => {
    const file = writeInput('bom.csv', `\uFEFF${HEADER}\n${csvLine(1, '{"page_type":"café"}')}\n`);
    const summary = await load(file);
    expect(summary.rejected).toBe(0);
    expect(storedRows()[0]!['detail']).toBe('{"page_type":"café"}');
  });

  it('reads CRLF line endings', async () => {
    const file = writeInput('crlf.csv', `${HEADER}\r\n${csvLine(1)}\r\n${csvLine(2)}\r\n`);
    const summary = await load(file);
    expect(summary.rowsWritten).toBe(2);
    expect(storedRows().map((row) => row['detail'])).toEqual(['{"page_type":"home"}', '{"page_type":"home"}']);
  });

  it('detects gzip by its magic bytes', async () => {
    const file = writeInput('compressed.csv', gzipSync(`${HEADER}\n${csvLine(1)}\n${csvLine(2)}\n`));
    const summary = await load(file);
    expect(summary.format).toBe('csv');
    expect(summary.rowsWritten).toBe(2);
  });

  it('reads gzipped NDJSON', async () => {
    const line = JSON.stringify({ STORE_ID: 2, Year: 2026, month: 11, day: 16, hour: 10, event_id: '3', user_id: 'u', session_id: 's', log_time: '99', detail: { timeOnPage: 5 } });
    const file = writeInput('events.ndjson.gz', gzipSync(`${line}\n\n`));
    const summary = await load(file);
    expect(summary).toMatchObject({ format: 'ndjson', rowsRead: 1, rowsWritten: 1, rejected: 0 });
    expect(storedRows()[0]).toMatchObject({ store_id: 2, event_id: 3, log_time: 99n, detail: '{"timeOnPage":5}' });
  });

  it('reports a corrupt gzip stream', async () => {
    const compressed = gzipSync(`${HEADER}\n${csvLine(1)}\n`);
    const file = writeInput('corrupt.csv.gz', Buffer.concat([compressed.subarray(0, 12), Buffer.from('garbage data')]));
    const error = await load(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/cannot read gzip input/);
  });

  it('detects NDJSON from the first character', async () => {
    const file = writeInput('events.data', '{"store_id":1,"year":2026,"month":11,"day":16,"hour":10,"event_id":1,"user_id":"u","session_id":"s","log_time":1}\n');
    expect((await load(file)).format).toBe('ndjson');
  });

  it('matches header names in any case and order', async () => {
    const file = writeInput(
      'mixed.csv',
      'DETAIL,Log_Time,session_id,USER_ID,url,event_id,hour,day,month,year,store_id\n"{}",5,s,u,,2,10,16,11,2026,3\n',
    );
    await load(file);
    expect(storedRows()[0]).toEqual({
      store_id: 3, year: 2026, month: 11, day: 16, hour: 10, event_id: 2, user_id: 'u', session_id: 's', log_time: 5n, url: '', detail: '{}',
    });
  });
});

describe('loadFile keys and reruns', () => {
  it('counts repeated keys, keeps last', async () => {
    const repeat = csvLine(1, '{"page_type":"second"}');
    const file = writeInput('repeats.csv', [HEADER, csvLine(1), csvLine(2), repeat, csvLine(2), ''].join('\n'));
    const summary = await load(file, { batchSize: 1 });
    expect(summary.repeatedKeys).toBe(2);
    expect(summary.rowsWritten).toBe(4);
    const rows = storedRows();
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row['user_id'] === 'user-1')!['detail']).toBe('{"page_type":"second"}');
  });

  it('leaves the same rows after a second load', async () => {
    const file = writeInput('twice.csv', [HEADER, ...Array.from({ length: 50 }, (_, n) => csvLine(n)), ''].join('\n'));
    await load(file);
    const first = storedRows();
    await load(file);
    expect(storedRows()).toEqual(first);
    expect(first).toHaveLength(50);
  });

  it('writes reject file records', async () => {
    const file = writeInput(
      'rejects.csv',
      [HEADER, csvLine(1), '"multi', 'line",2026,11,16,10,1,u,u,s,1,x', 'x,2026,11,16,10,1,u,u,s,1,"a,b"', csvLine(4), ''].join('\n'),
    );
    const summary = await load(file);
    expect(summary).toMatchObject({ rowsRead: 4, rowsWritten: 2, rejected: 2, rejectPath: `${file}.reject.csv` });
    const text = fs.readFileSync(`${file}.reject.csv`, 'utf8');
    expect(text.split('\n')[0]).toBe('file,line,reason,record');
    const rejects = rejectsOf(file);
    expect(rejects).toEqual([
      { file, line: '3', reason: 'column "store_id" (int): "multi\\nline" is not an integer', record: '"multi\nline",2026,11,16,10,1,u,u,s,1,x' },
      { file, line: '5', reason: 'column "store_id" (int): "x" is not an integer', record: 'x,2026,11,16,10,1,u,u,s,1,"a,b"' },
    ]);
  });

  it('removes a stale reject file after a clean load', async () => {
    const file = writeInput('clean.csv', `${HEADER}\n${csvLine(1)}\n`);
    fs.writeFileSync(`${file}.reject.csv`, 'old');
    const summary = await load(file);
    expect(summary.rejectPath).toBeUndefined();
    expect(fs.existsSync(`${file}.reject.csv`)).toBe(false);
  });
});

describe('loadFile rows the store rejects', () => {
  it('rejects them with line and reason', async () => {
    // The stored table has an INTEGER url column while the loader converts url as text, so the
    // STRICT table rejects a url that is not an integer and stores the others.
    const stored = { ...userLogsTable('analytics', 'typed'), columns: TABLE.columns.map((column) => (column.name === 'url' ? { ...column, cqlType: 'int' } : column)) };
    store.createTable(stored);
    const rejected = csvLine(3).replace('https://food-lover.abc/', 'https://x/');
    const lines = [HEADER, csvLine(1).replace('https://food-lover.abc/', '42'), csvLine(2).replace('https://food-lover.abc/', '7'), rejected, csvLine(4).replace('https://food-lover.abc/', '9')];
    const file = writeInput('store-rejects.csv', `${lines.join('\n')}\n`);

    const summary = await loadFile(file, { table: { ...TABLE, name: 'typed' }, sink: store.sink(stored) });

    expect(summary).toMatchObject({ rowsRead: 4, rowsWritten: 3, rejected: 1, rejectPath: `${file}.reject.csv` });
    const [reject, ...others] = rejectsOf(file);
    expect(others).toEqual([]);
    expect(reject!.line).toBe('4');
    expect(reject!.reason).toMatch(/^SQLite rejected the row: cannot store TEXT value in INTEGER column typed\.url$/);
    expect(reject!.record).toBe(rejected);
    expect([...store.scan(stored)].map((row) => row['url']).sort((a, b) => Number(a) - Number(b))).toEqual([7, 9, 42]);
  });
});

describe('loadFile reject file errors', () => {
  it('names the reject file it cannot create', async () => {
    const file = writeInput('bad.csv', `${HEADER}\n${csvLine(1).replace(/^1,/, 'x,')}\n`);
    const rejectFile = new RejectFile(path.join(folder, 'missing-folder', 'rejects.csv'));
    const error = await load(file, { rejectFile }).catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/cannot create the reject file .*rejects\.csv \(ENOENT\); choose another path with --reject-file/);
  });
});
