import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TableDef } from '../../src/catalog/table.js';
import { userLogsTable } from '../../src/catalog/user-logs.js';
import type { Row } from '../../src/loader/sink.js';
import { partitionSelectSql } from '../../src/store/ddl.js';
import { defaultSampleDbPath } from '../../src/store/paths.js';
import { TableDefError } from '../../src/store/schema.js';
import { EmbeddedStore, StoreError } from '../../src/store/store.js';

let folder: string;
let dbPath: string;

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cassalytics-store-'));
  dbPath = path.join(folder, 'nested', 'test.db');
});

afterEach(() => {
  fs.rmSync(folder, { recursive: true, force: true });
});

const USER_LOGS = userLogsTable('analytics');

function event(overrides: Partial<Record<string, Row[string]>> = {}): Row {
  return {
    store_id: 1,
    year: 2026,
    month: 11,
    day: 16,
    hour: 10,
    event_id: 1,
    url: 'https://food-lover.abc/',
    user_id: 'u1',
    session_id: 's1',
    log_time: 1794823200000n,
    detail: '{"page_type":"home"}',
    ...overrides,
  };
}

/** A table with every loadable kind of column and a descending clustering column. */
const MIXED: TableDef = {
  keyspace: 'ks',
  name: 'Mixed "Quoted" Table',
  columns: [
    { name: 'tenant', cqlType: 'text', kind: 'partition_key', position: 0 },
    { name: 'seq', cqlType: 'bigint', kind: 'clustering', position: 0, clusteringOrder: 'DESC' },
    { name: 'select', cqlType: 'int', kind: 'regular', position: 0 },
    { name: 'ratio', cqlType: 'double', kind: 'regular', position: 0 },
    { name: 'flag', cqlType: 'boolean', kind: 'regular', position: 0 },
    { name: 'tags', cqlType: 'list<text>', kind: 'regular', position: 0 },
    { name: 'id', cqlType: 'uuid', kind: 'regular', position: 0 },
  ],
};

describe('EmbeddedStore.createTable', () => {
  it('creates a WITHOUT ROWID key table', () => {
    const store = EmbeddedStore.open(dbPath);
    try {
      expect(store.createTable(USER_LOGS)).toBe(true);
      const sql = (store.database.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'user_logs'`).get() as { sql: string }).sql;
      expect(sql).toContain('WITHOUT ROWID');
      expect(sql).toContain('STRICT');
      expect(sql).toContain(
        'PRIMARY KEY ("store_id", "year", "month", "day", "hour", "event_id", "user_id", "session_id", "log_time")',
      );
      const info = store.database.prepare(`PRAGMA table_info("user_logs")`).all() as { name: string; type: string; pk: number }[];
      const keyOrder = info.filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk).map((column) => column.name);
      expect(keyOrder).toEqual(['store_id', 'year', 'month', 'day', 'hour', 'event_id', 'user_id', 'session_id', 'log_time']);
      expect(info.find((column) => column.name === 'log_time')?.type).toBe('INTEGER');
      expect(info.find((column) => column.name === 'detail')?.type).toBe('TEXT');
    } finally {
      store.close();
    }
  });

  it('quotes identifiers and keeps descending clustering order', () => {
    const store = EmbeddedStore.open(dbPath);
    try {
      store.createTable(MIXED);
      const sql = (store.database.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').get(MIXED.name) as { sql: string }).sql;
      expect(sql).toContain('CREATE TABLE "Mixed ""Quoted"" Table"');
      expect(sql).toContain('PRIMARY KEY ("tenant", "seq" DESC)');
      expect(sql).toContain('"select" INTEGER');
    } finally {
      store.close();
    }
  });

  it('accepts an identical table again', () => {
    const store = EmbeddedStore.open(dbPath);
    try {
      store.createTable(USER_LOGS);
      expect(store.createTable(USER_LOGS)).toBe(false);
    } finally {
      store.close();
    }
  });

  it('rejects a changed table shape', () => {
    const store = EmbeddedStore.open(dbPath);
    try {
      store.createTable(USER_LOGS);
      const changed: TableDef = { ...USER_LOGS, columns: USER_LOGS.columns.filter((column) => column.name !== 'detail') };
      expect(() => store.createTable(changed)).toThrow(/already exists .* with other columns or keys/);
    } finally {
      store.close();
    }
  });

  it('rejects invalid definitions', () => {
    const store = EmbeddedStore.open(dbPath);
    try {
      const noKey: TableDef = { keyspace: 'ks', name: 't', columns: [{ name: 'a', cqlType: 'int', kind: 'regular', position: 0 }] };
      expect(() => store.createTable(noKey)).toThrow(TableDefError);
      expect(() => store.createTable(noKey)).toThrow(/no partition-key column/);

      const duplicate: TableDef = {
        keyspace: 'ks',
        name: 't',
        columns: [
          { name: 'a', cqlType: 'int', kind: 'partition_key', position: 0 },
          { name: 'a', cqlType: 'text', kind: 'regular', position: 0 },
        ],
      };
      expect(() => store.createTable(duplicate)).toThrow(/declares column "a" twice/);

      const gap: TableDef = {
        keyspace: 'ks',
        name: 't',
        columns: [
          { name: 'a', cqlType: 'int', kind: 'partition_key', position: 0 },
          { name: 'b', cqlType: 'int', kind: 'partition_key', position: 2 },
        ],
      };
      expect(() => store.createTable(gap)).toThrow(/positions must be 0..1/);

      const reserved: TableDef = { ...USER_LOGS, name: 'cassalytics_tables' };
      expect(() => store.createTable(reserved)).toThrow(/reserved/);
    } finally {
      store.close();
    }
  });
});

describe('EmbeddedStore metadata', () => {
  it('round-trips definitions through a reopened read-only handle', () => {
    const writer = EmbeddedStore.open(dbPath);
    writer.createTable(USER_LOGS);
    writer.createTable(MIXED);
    writer.close();

    const reader = EmbeddedStore.open(dbPath, { readonly: true });
    try {
      expect(reader.table('user_logs')).toEqual(USER_LOGS);
      expect(reader.table(MIXED.name)).toEqual(MIXED);
      expect(reader.tables().map((table) => table.name)).toEqual([MIXED.name, 'user_logs']);
      expect(reader.table('absent')).toBeUndefined();
    } finally {
      reader.close();
    }
  });

  it('lists no tables in a new file', () => {
    const store = EmbeddedStore.open(dbPath);
    try {
      expect(store.tables()).toEqual([]);
    } finally {
      store.close();
    }
  });
});

describe('EmbeddedStore sink', () => {
  it('overwrites rows with the same primary key', async () => {
    const store = EmbeddedStore.open(dbPath);
    try {
      store.createTable(USER_LOGS);
      const sink = store.sink(USER_LOGS);
      const rows = [event(), event({ event_id: 2, detail: '{"click_target":{"btn-id":"shop_add_to_cart"}}' })];
      await sink.write(rows);
      await sink.write(rows);
      await sink.write([event({ detail: '{"page_type":"product"}' })]);
      await sink.close();

      const count = store.database.prepare('SELECT count(*) AS n FROM user_logs').get() as { n: number };
      expect(count.n).toBe(2);
      const stored = [...store.readPartition(USER_LOGS, [1, 2026, 11, 16, 10])];
      expect(stored[0]!['detail']).toBe('{"page_type":"product"}');
    } finally {
      store.close();
    }
  });

  it('keeps bigint exact and int as number', async () => {
    const store = EmbeddedStore.open(dbPath);
    try {
      store.createTable(USER_LOGS);
      const sink = store.sink(USER_LOGS);
      const big = 2n ** 62n + 1n;
      await sink.write([event({ log_time: big, url: null })]);
      const [row] = [...store.scan(USER_LOGS)];
      expect(row!['log_time']).toBe(big);
      expect(row!['store_id']).toBe(1);
      expect(typeof row!['hour']).toBe('number');
      expect(row!['url']).toBeNull();
    } finally {
      store.close();
    }
  });

  it('round-trips booleans, doubles and JSON text', async () => {
    const store = EmbeddedStore.open(dbPath);
    try {
      store.createTable(MIXED);
      const sink = store.sink(MIXED);
      const row: Row = {
        tenant: 'a',
        seq: 5n,
        select: -3,
        ratio: 0.25,
        flag: true,
        tags: '["x","y"]',
        id: '0f8fad5b-d9cb-469f-a165-70867728950e',
      };
      await sink.write([row, { ...row, seq: 9n, flag: false }]);
      const rows = [...store.readPartition(MIXED, ['a'])];
      expect(rows.map((r) => r['seq'])).toEqual([9n, 5n]);
      expect(rows[1]).toEqual(row);
      expect(rows[0]!['flag']).toBe(false);
    } finally {
      store.close();
    }
  });

  it('rejects writes through a read-only handle', () => {
    const writer = EmbeddedStore.open(dbPath);
    writer.createTable(USER_LOGS);
    writer.close();
    const reader = EmbeddedStore.open(dbPath, { readonly: true });
    try {
      expect(() => reader.sink(USER_LOGS)).toThrow(/read-only/);
      expect(() => reader.database.exec('DELETE FROM user_logs')).toThrow();
    } finally {
      reader.close();
    }
  });

  it('reads beside an open writer', async () => {
    const writer = EmbeddedStore.open(dbPath);
    try {
      writer.createTable(USER_LOGS);
      await writer.sink(USER_LOGS).write([event()]);
      const reader = EmbeddedStore.open(dbPath, { readonly: true });
      try {
        expect([...reader.scan(USER_LOGS)]).toHaveLength(1);
      } finally {
        reader.close();
      }
      expect(writer.database.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      writer.close();
    }
  });
});

describe('EmbeddedStore partition read', () => {
  it('searches the primary key instead of scanning', () => {
    const store = EmbeddedStore.open(dbPath);
    try {
      store.createTable(USER_LOGS);
      const plan = store.database
        .prepare(`EXPLAIN QUERY PLAN ${partitionSelectSql(USER_LOGS)}`)
        .all(1, 2026, 11, 16, 10) as { detail: string }[];
      const details = plan.map((step) => step.detail).join('\n');
      expect(details).toContain('SEARCH user_logs USING PRIMARY KEY (store_id=? AND year=? AND month=? AND day=? AND hour=?)');
      expect(details).not.toContain('SCAN');
      expect(details).not.toContain('TEMP B-TREE');
    } finally {
      store.close();
    }
  });

  it('returns rows of one partition in clustering order', async () => {
    const store = EmbeddedStore.open(dbPath);
    try {
      store.createTable(USER_LOGS);
      const sink = store.sink(USER_LOGS);
      await sink.write([
        event({ event_id: 3, log_time: 1794823200500n }),
        event({ event_id: 1, user_id: 'u2' }),
        event({ event_id: 1, user_id: 'u1' }),
        event({ hour: 11, log_time: 1794826800000n }),
      ]);
      const rows = [...store.readPartition(USER_LOGS, [1, 2026, 11, 16, 10])];
      expect(rows.map((row) => `${row['event_id']}/${row['user_id']}`)).toEqual(['1/u1', '1/u2', '3/u1']);
      expect(() => [...store.readPartition(USER_LOGS, [1, 2026])]).toThrow(/has 5 columns, got 2/);
    } finally {
      store.close();
    }
  });
});

describe('EmbeddedStore.open', () => {
  it('reports a missing file for a read-only handle', () => {
    expect(() => EmbeddedStore.open(path.join(folder, 'absent.db'), { readonly: true })).toThrow(StoreError);
    expect(() => EmbeddedStore.open(path.join(folder, 'absent.db'), { readonly: true })).toThrow(/database not found/);
  });

  it('reports a file that is not a database', () => {
    const file = path.join(folder, 'text.db');
    fs.writeFileSync(file, 'this is not an SQLite file, just some text that is long enough '.repeat(20));
    expect(() => EmbeddedStore.open(file, { readonly: true })).toThrow(/cannot open .*text\.db/);
    expect(() => EmbeddedStore.open(file)).toThrow(StoreError);
  });

  it('leaves a missing file uncreated', () => {
    const file = path.join(folder, 'absent.db');
    expect(() => EmbeddedStore.open(file, { create: false })).toThrow(/database not found/);
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('defaultSampleDbPath', () => {
  it('prefers CASSALYTICS_SAMPLE_DB', () => {
    expect(defaultSampleDbPath({ CASSALYTICS_SAMPLE_DB: '/data/s.db', XDG_DATA_HOME: '/x' })).toBe('/data/s.db');
  });

  it('uses XDG_DATA_HOME', () => {
    expect(defaultSampleDbPath({ XDG_DATA_HOME: '/xdg' })).toBe('/xdg/cassalytics/sample.db');
  });

  it('falls back to ~/.local/share', () => {
    expect(defaultSampleDbPath({})).toBe(path.join(os.homedir(), '.local', 'share', 'cassalytics', 'sample.db'));
    expect(defaultSampleDbPath({ XDG_DATA_HOME: 'relative/path' })).toBe(
      path.join(os.homedir(), '.local', 'share', 'cassalytics', 'sample.db'),
    );
  });
});
