import { describe, expect, it } from 'vitest';
import type { TableDef } from '../../src/catalog/table.js';
import { userLogsTable } from '../../src/catalog/user-logs.js';
import { checkCqlType, quoteIdentifier, quoteString } from '../../src/cassandra/cql.js';
import { keyspaceDdl, replicationMap, tableDdl, type Replication } from '../../src/cassandra/ddl.js';

describe('quoteIdentifier', () => {
  it('double-quotes and doubles embedded quotes', () => {
    expect(quoteIdentifier('select')).toBe('"select"');
    expect(quoteIdentifier('Mixed Case')).toBe('"Mixed Case"');
    expect(quoteIdentifier('a"b')).toBe('"a""b"');
  });

  it('rejects an empty name', () => {
    expect(() => quoteIdentifier('')).toThrow(/cannot be empty/);
  });
});

describe('quoteString', () => {
  it('doubles embedded single quotes', () => {
    expect(quoteString("dc'1")).toBe("'dc''1'");
  });
});

describe('replicationMap', () => {
  it('writes SimpleStrategy', () => {
    expect(replicationMap({ class: 'SimpleStrategy', replicationFactor: 3 })).toBe(
      "{'class': 'SimpleStrategy', 'replication_factor': 3}",
    );
  });

  it('writes NetworkTopologyStrategy with quoted data-center names', () => {
    expect(replicationMap({ class: 'NetworkTopologyStrategy', dataCenters: { dc1: 3, "eu'west": 0 } })).toBe(
      "{'class': 'NetworkTopologyStrategy', 'dc1': 3, 'eu''west': 0}",
    );
  });

  const invalid: [name: string, replication: Replication, message: RegExp][] = [
    ['zero factor', { class: 'SimpleStrategy', replicationFactor: 0 }, /Invalid replication factor 0/],
    ['fractional factor', { class: 'SimpleStrategy', replicationFactor: 1.5 }, /Invalid replication factor 1.5/],
    ['NaN factor', { class: 'SimpleStrategy', replicationFactor: Number.NaN }, /Invalid replication factor NaN/],
    ['no data centers', { class: 'NetworkTopologyStrategy', dataCenters: {} }, /at least one data center/],
    ['negative data-center factor', { class: 'NetworkTopologyStrategy', dataCenters: { dc1: -1 } }, /data center "dc1" -1/],
    ['data center named class', { class: 'NetworkTopologyStrategy', dataCenters: { class: 1 } }, /Invalid data center name "class"/],
    ['empty data-center name', { class: 'NetworkTopologyStrategy', dataCenters: { '': 1 } }, /Invalid data center name ""/],
    ['unknown class', { class: 'LocalStrategy' } as unknown as Replication, /Unknown replication class "LocalStrategy"/],
  ];
  it.each(invalid)('rejects %s', (_name, replication, message) => {
    expect(() => replicationMap(replication)).toThrow(message);
  });
});

describe('keyspaceDdl', () => {
  it('quotes the keyspace name', () => {
    expect(keyspaceDdl('Analytics', { class: 'SimpleStrategy', replicationFactor: 1 })).toBe(
      `CREATE KEYSPACE IF NOT EXISTS "Analytics" WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1};`,
    );
  });

  it.each(['', 'a"b', 'a b', 'k'.repeat(49), "x'; DROP KEYSPACE system; --"])('rejects keyspace name %j', (name) => {
    expect(() => keyspaceDdl(name, { class: 'SimpleStrategy', replicationFactor: 1 })).toThrow(/Invalid keyspace name/);
  });
});

describe('tableDdl', () => {
  it('writes the user_logs table', () => {
    expect(tableDdl(userLogsTable('cassalytics'))).toBe(
      [
        'CREATE TABLE IF NOT EXISTS "cassalytics"."user_logs" (',
        '  "store_id" int,',
        '  "year" int,',
        '  "month" int,',
        '  "day" int,',
        '  "hour" int,',
        '  "event_id" int,',
        '  "user_id" text,',
        '  "session_id" text,',
        '  "log_time" bigint,',
        '  "url" text,',
        '  "detail" text,',
        '  PRIMARY KEY (("store_id", "year", "month", "day", "hour"), "event_id", "user_id", "session_id", "log_time")',
        ') WITH CLUSTERING ORDER BY ("event_id" ASC, "user_id" ASC, "session_id" ASC, "log_time" ASC);',
      ].join('\n'),
    );
  });

  it('orders key columns by position, not by declaration', () => {
    const table: TableDef = {
      keyspace: 'ks',
      name: 't',
      columns: [
        { name: 'b', cqlType: 'int', kind: 'partition_key', position: 1 },
        { name: 'a', cqlType: 'int', kind: 'partition_key', position: 0 },
        { name: 'd', cqlType: 'int', kind: 'clustering', position: 1, clusteringOrder: 'DESC' },
        { name: 'c', cqlType: 'int', kind: 'clustering', position: 0 },
      ],
    };
    const ddl = tableDdl(table);
    expect(ddl).toContain('PRIMARY KEY (("a", "b"), "c", "d")');
    expect(ddl).toContain('WITH CLUSTERING ORDER BY ("c" ASC, "d" DESC);');
  });

  it('omits the clustering order without clustering columns', () => {
    const ddl = tableDdl({
      keyspace: 'ks',
      name: 'kv',
      columns: [
        { name: 'k', cqlType: 'text', kind: 'partition_key', position: 0 },
        { name: 'v', cqlType: 'map<text, frozen<list<int>>>', kind: 'regular', position: 0 },
      ],
    });
    expect(ddl).toBe('CREATE TABLE IF NOT EXISTS "ks"."kv" (\n  "k" text,\n  "v" map<text, frozen<list<int>>>,\n  PRIMARY KEY (("k"))\n);');
  });

  const base = (columns: TableDef['columns'], name = 't'): TableDef => ({ keyspace: 'ks', name, columns });
  const pk = { name: 'k', cqlType: 'int', kind: 'partition_key', position: 0 } as const;
  const invalid: [name: string, table: TableDef, message: RegExp][] = [
    ['no partition key', base([{ name: 'v', cqlType: 'int', kind: 'regular', position: 0 }]), /has no partition-key column/],
    ['duplicate column', base([pk, { ...pk, kind: 'regular' }]), /two columns named "k"/],
    ['gap in key positions', base([pk, { ...pk, name: 'k2', position: 2 }]), /partition-key positions 0, 2; expected 0 to 1/],
    [
      'clustering order on a regular column',
      base([pk, { name: 'v', cqlType: 'int', kind: 'regular', position: 0, clusteringOrder: 'DESC' }]),
      /has a clustering order but is not a clustering column/,
    ],
    ['type with an injected column', base([{ ...pk, cqlType: 'int, x text' }]), /invalid CQL type "int, x text"/],
    ['type with a statement', base([{ ...pk, cqlType: "text); DROP TABLE x; --" }]), /invalid CQL type/],
    ['table name with a quote', base([pk], 'a"b'), /Invalid table name "a"b"/],
  ];
  it.each(invalid)('rejects %s', (_name, table, message) => {
    expect(() => tableDdl(table)).toThrow(message);
  });
});

describe('checkCqlType', () => {
  it.each(['int', 'text', 'map<text, int>', 'frozen<list<int>>', 'vector<float, 3>', 'tuple<int, text, boolean>', 'ks.my_type'])(
    'accepts %j',
    (type) => {
      expect(() => checkCqlType(type)).not.toThrow();
    },
  );

  it.each(['', 'int,', 'map<text', 'list<>', 'text>', '3', 'int x', 'map<text, int>>', "text'", 'text--', 'int;'])('rejects %j', (type) => {
    expect(() => checkCqlType(type)).toThrow(/Invalid CQL type/);
  });
});
