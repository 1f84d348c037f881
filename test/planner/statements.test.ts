import { describe, expect, test } from 'vitest';
import type { TableDef } from '../../src/catalog/table.js';
import { readStatements } from '../../src/planner/physical/statements.js';
import type { ScanColumn } from '../../src/planner/logical.js';
import { planOf, scanOf } from './plan-helpers.js';

const hostile: TableDef = {
  keyspace: 'ks"; DROP KEYSPACE ks; --',
  name: 'events" WHERE 1=1; --',
  columns: [
    { name: 'shop"id', cqlType: 'int', kind: 'partition_key', position: 0 },
    { name: 'select', cqlType: 'text', kind: 'clustering', position: 0, clusteringOrder: 'ASC' },
    { name: "it's", cqlType: 'text', kind: 'regular', position: 0 },
  ],
};

const columns: ScanColumn[] = [
  { kind: 'stored', name: 'shop"id', cqlType: 'int', type: 'BIGINT' },
  { kind: 'stored', name: "it's", cqlType: 'text', type: 'TEXT' },
];

describe('generated read statements', () => {
  test.each(['cql', 'sqlite'] as const)('%s quotes every identifier and doubles embedded quotes', (dialect) => {
    const statements = readStatements(dialect, hostile, columns, [{ column: 'select', values: ["x' OR '1'='1", 'y'] }]);
    expect(statements.partition).toContain('"shop""id" = ?');
    expect(statements.partition).toContain('"select" IN (?, ?)');
    expect(statements.partition).toContain(`"it's"`);
    expect(statements.partition).toContain(dialect === 'cql' ? '"ks""; DROP KEYSPACE ks; --"."events"" WHERE 1=1; --"' : '"events"" WHERE 1=1; --"');
  });

  test.each(['cql', 'sqlite'] as const)('%s carries no value in the statement text', (dialect) => {
    const statements = readStatements(dialect, hostile, columns, [{ column: 'select', values: ["x' OR '1'='1"] }]);
    expect(statements.partition).not.toContain("x' OR");
    expect(statements.partition.match(/\?/g)).toHaveLength(2);
  });

  test('values from the query reach reads only as bind values', () => {
    const nasty = "'); DROP TABLE user_logs; --";
    const scan = scanOf(planOf(`SELECT count(*) FROM user_logs WHERE store_id = 1 AND event_date = DATE '2026-11-20' AND session_id = :s AND event_id = 2`, { parameters: { s: nasty } }));
    const statements = readStatements('cql', scan.table, scan.columns, scan.clustering);
    expect(statements.partition).not.toContain('DROP');
    expect(JSON.stringify(scan.filter)).toContain(nasty.replaceAll('"', '\\"'));
  });
});

describe('literal binding', () => {
  test('integer beyond 64 bits is rejected', () => {
    expect(() => planOf('SELECT 99999999999999999999999999')).toThrow(/outside the BIGINT range/);
  });

  test('expression columns are named by their SQL text', () => {
    const plan = planOf("SELECT store_id IN (1, 2), -hour, url LIKE '%x' FROM user_logs WHERE store_id = 1 AND event_date = DATE '2026-11-20'");
    expect(plan.schema.map((f) => f.name)).toEqual(['store_id IN (1, 2)', '-hour', "url LIKE '%x'"]);
  });
});
