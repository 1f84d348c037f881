import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userLogsTable } from '../../src/catalog/user-logs.js';
import { BatchWriter } from '../../src/loader/batch-writer.js';
import { RowRejectedError, type Row } from '../../src/loader/sink.js';
import type { RowSource } from '../../src/loader/source-record.js';
import { EmbeddedStore } from '../../src/store/store.js';

const TABLE = userLogsTable('analytics');

let folder: string;
let store: EmbeddedStore;

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cassalytics-batch-writer-'));
  store = EmbeddedStore.open(path.join(folder, 'store.db'));
  store.createTable(TABLE);
});

afterEach(() => {
  store.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

function row(n: number, storeId: number | string = 1): Row {
  return {
    store_id: storeId as number, year: 2026, month: 11, day: 16, hour: 10, event_id: 1,
    user_id: `user-${n}`, session_id: `session-${n}`, log_time: BigInt(n), url: '/', detail: '{}',
  };
}

function source(n: number): RowSource {
  return { line: n + 2, raw: `record ${n}` };
}

/** Ten rows of which row 6 has text in the INTEGER column store_id, which a STRICT table rejects. */
function batchWithTextStoreId(): { rows: Row[]; sources: RowSource[] } {
  const rows = Array.from({ length: 10 }, (_, n) => row(n, n === 6 ? 'six' : 1));
  return { rows, sources: rows.map((_, n) => source(n)) };
}

describe('BatchWriter rejected rows', () => {
  it('writes a rejected batch row by row', async () => {
    const rejected: { source: RowSource; error: RowRejectedError }[] = [];
    const writer = new BatchWriter(store.sink(TABLE), 2, (rowSource, error) => rejected.push({ source: rowSource, error }));
    const { rows, sources } = batchWithTextStoreId();

    await writer.submit(rows, sources);
    await writer.submit([row(20)], [source(20)]);
    await writer.flush();

    expect(writer.written).toBe(10);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.source).toEqual({ line: 8, raw: 'record 6' });
    expect(rejected[0]!.error.reason).toMatch(/^SQLite rejected the row: cannot store TEXT value in INTEGER column .*store_id/);
    const stored = [...store.scan(TABLE)].map((stored) => stored['user_id']);
    expect(stored).toHaveLength(10);
    expect(stored).not.toContain('user-6');
  });

  it('fails on a rejected row without sources', async () => {
    const rejected: RowSource[] = [];
    const writer = new BatchWriter(store.sink(TABLE), 2, (rowSource) => rejected.push(rowSource));

    await writer.submit(batchWithTextStoreId().rows);
    const error = await writer.flush().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(RowRejectedError);
    expect(rejected).toEqual([]);
    expect(writer.written).toBe(0);
  });

  it('fails on a rejected row without a handler', async () => {
    const writer = new BatchWriter(store.sink(TABLE), 2);
    const { rows, sources } = batchWithTextStoreId();

    await writer.submit(rows, sources);

    await expect(writer.flush()).rejects.toBeInstanceOf(RowRejectedError);
  });

  it('stops on a store failure', async () => {
    const rejected: RowSource[] = [];
    const writer = new BatchWriter(store.sink(TABLE), 2, (rowSource) => rejected.push(rowSource));
    store.database.pragma('query_only = ON');

    await writer.submit([row(1), row(2)], [source(1), source(2)]);
    const error = await writer.flush().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(RowRejectedError);
    expect((error as Error).message).toMatch(/readonly/);
    expect(rejected).toEqual([]);
    await expect(writer.submit([row(3)], [source(3)])).rejects.toBe(error);
  });

  it('stops when the handler throws', async () => {
    const writer = new BatchWriter(store.sink(TABLE), 2, () => {
      throw new Error('reject file is full');
    });
    const { rows, sources } = batchWithTextStoreId();

    await writer.submit(rows, sources);

    await expect(writer.flush()).rejects.toThrow('reject file is full');
  });

  it('settles after row-by-row writes', async () => {
    const rejected: RowSource[] = [];
    const writer = new BatchWriter(store.sink(TABLE), 4, (rowSource) => rejected.push(rowSource));
    const { rows, sources } = batchWithTextStoreId();

    await writer.submit(rows, sources);
    await writer.settle();

    expect(rejected).toEqual([{ line: 8, raw: 'record 6' }]);
    expect(writer.written).toBe(9);
  });

  it('settles without throwing a failure', async () => {
    const writer = new BatchWriter(store.sink(TABLE), 4);
    store.database.pragma('query_only = ON');

    await writer.submit([row(1)], [source(1)]);

    await expect(writer.settle()).resolves.toBeUndefined();
    await expect(writer.flush()).rejects.toThrow(/readonly/);
  });

  it('rejects sources that do not match the rows', async () => {
    const writer = new BatchWriter(store.sink(TABLE), 2);
    await expect(writer.submit([row(1), row(2)], [source(1)])).rejects.toThrow('a batch of 2 rows needs as many sources, got 1');
  });
});
