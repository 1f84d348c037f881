import { types } from 'cassandra-driver';
import { beforeAll, expect, it } from 'vitest';
import type { TableDef } from '../../src/catalog/table.js';
import { userLogsTable } from '../../src/catalog/user-logs.js';
import { qualifiedName } from '../../src/cassandra/cql.js';
import { createTable } from '../../src/cassandra/ddl.js';
import { listTables } from '../../src/cassandra/schema.js';
import { CassandraWriteError, createCassandraSink } from '../../src/cassandra/sink.js';
import type { Row } from '../../src/loader/sink.js';
import { describeCassandra, withTestKeyspace } from '../support/cassandra.js';

const INJECTION = "'); DROP TABLE x; --";
const BEYOND_2_53 = 2n ** 53n + 1n;
const BIGINT_MAX = 2n ** 63n - 1n;
const BIGINT_MIN = -(2n ** 63n);

function valuesTable(keyspace: string): TableDef {
  return {
    keyspace,
    name: 'typed_values',
    columns: [
      { name: 'id', cqlType: 'text', kind: 'partition_key', position: 0 },
      { name: 'seq', cqlType: 'int', kind: 'clustering', position: 0, clusteringOrder: 'ASC' },
      { name: 'big', cqlType: 'bigint', kind: 'regular', position: 0 },
      { name: 'small', cqlType: 'smallint', kind: 'regular', position: 0 },
      { name: 'huge', cqlType: 'varint', kind: 'regular', position: 0 },
      { name: 'ratio', cqlType: 'double', kind: 'regular', position: 0 },
      { name: 'flag', cqlType: 'boolean', kind: 'regular', position: 0 },
      { name: 'at', cqlType: 'timestamp', kind: 'regular', position: 0 },
      { name: 'day', cqlType: 'date', kind: 'regular', position: 0 },
      { name: 'note', cqlType: 'text', kind: 'regular', position: 0 },
    ],
  };
}

function oddTable(keyspace: string): TableDef {
  return {
    keyspace,
    name: 'Odd_Sink',
    columns: [
      { name: 'Tenant', cqlType: 'int', kind: 'partition_key', position: 0 },
      { name: 'select', cqlType: 'text', kind: 'clustering', position: 0, clusteringOrder: 'DESC' },
      { name: 'Page "Title"', cqlType: 'text', kind: 'regular', position: 0 },
    ],
  };
}

describeCassandra('createCassandraSink', () => {
  const test = withTestKeyspace('sink');

  beforeAll(async () => {
    await createTable(test.client, userLogsTable(test.keyspace));
    await createTable(test.client, valuesTable(test.keyspace));
    await createTable(test.client, oddTable(test.keyspace));
  });

  async function selectAll(table: TableDef, where = ''): Promise<types.Row[]> {
    const result = await test.client.execute(`SELECT * FROM ${qualifiedName(table.keyspace, table.name)} ${where}`, [], {
      prepare: true,
      fetchSize: 10_000,
    });
    return result.rows;
  }

  it('describes itself as host:port keyspace.table', () => {
    const sink = createCassandraSink(test.client, userLogsTable(test.keyspace));
    expect(sink.description).toBe(`${test.contactPoints[0]} ${test.keyspace}.user_logs`);
  });

  it('writes user_logs rows that read back unchanged', async () => {
    const table = userLogsTable(test.keyspace);
    const sink = createCassandraSink(test.client, table, { concurrency: 4 });
    const rows: Row[] = [
      {
        store_id: 7, year: 2024, month: 3, day: 15, hour: 9, event_id: 1, user_id: 'u1', session_id: 's1',
        log_time: 1_710_493_200_000n, url: '/home', detail: '{"ref":"search"}',
      },
      {
        store_id: 7, year: 2024, month: 3, day: 15, hour: 9, event_id: 2, user_id: 'u"2', session_id: INJECTION,
        log_time: BEYOND_2_53, url: INJECTION, detail: `{"q":"it's \\"quoted\\""}`,
      },
    ];
    await sink.write(rows);
    await sink.close();

    const read = await selectAll(table, 'WHERE store_id = 7 AND year = 2024 AND month = 3 AND day = 15 AND hour = 9');
    expect(read).toHaveLength(2);
    expect(read.map((row) => row.get('log_time').toString())).toEqual(['1710493200000', BEYOND_2_53.toString()]);
    expect(read[1]!.get('url')).toBe(INJECTION);
    expect(read[1]!.get('session_id')).toBe(INJECTION);
    expect(read[1]!.get('user_id')).toBe('u"2');
    expect(read[1]!.get('detail')).toBe(`{"q":"it's \\"quoted\\""}`);
    expect(read[0]!.get('store_id')).toBe(7);
  });

  it('keeps bigint and varint exact and converts other types', async () => {
    const table = valuesTable(test.keyspace);
    const sink = createCassandraSink(test.client, table);
    await sink.write([
      {
        id: 'types', seq: 1, big: BIGINT_MAX, small: -32768, huge: 10n ** 30n + 7n, ratio: 0.1, flag: true,
        at: 1_700_000_000_123, day: '2024-02-29', note: 'naïve ☕ 日本',
      },
      { id: 'types', seq: 2, big: BIGINT_MIN, small: 32767, huge: -(10n ** 30n), ratio: -1e300, flag: false, at: '2024-01-01T00:00:00Z', day: null, note: null },
      { id: 'types', seq: 3, big: 42, small: 0n, huge: 5, ratio: 3n, flag: null, at: 0n, day: '1970-01-01', note: '' },
    ]);

    const read = await selectAll(table, "WHERE id = 'types'");
    expect(read.map((row) => row.get('big').toString())).toEqual([BIGINT_MAX.toString(), BIGINT_MIN.toString(), '42']);
    expect(read.map((row) => row.get('huge').toString())).toEqual([(10n ** 30n + 7n).toString(), (-(10n ** 30n)).toString(), '5']);
    expect(read.map((row) => row.get('small'))).toEqual([-32768, 32767, 0]);
    expect(read.map((row) => row.get('ratio'))).toEqual([0.1, -1e300, 3]);
    expect(read.map((row) => row.get('flag'))).toEqual([true, false, null]);
    expect(read.map((row) => (row.get('at') as Date).getTime())).toEqual([1_700_000_000_123, Date.UTC(2024, 0, 1), 0]);
    expect(read.map((row) => row.get('day')?.toString() ?? null)).toEqual(['2024-02-29', null, '1970-01-01']);
    expect(read.map((row) => row.get('note'))).toEqual(['naïve ☕ 日本', null, '']);
  });

  it('leaves a missing column unset and writes null as null', async () => {
    const table = valuesTable(test.keyspace);
    const sink = createCassandraSink(test.client, table);
    await sink.write([{ id: 'unset', seq: 1, note: 'kept', big: 1n }]);
    await sink.write([{ id: 'unset', seq: 1, big: null }]);

    const [row] = await selectAll(table, "WHERE id = 'unset'");
    expect(row!.get('note')).toBe('kept');
    expect(row!.get('big')).toBeNull();
  });

  it('writes quoted identifiers', async () => {
    const table = oddTable(test.keyspace);
    const sink = createCassandraSink(test.client, table);
    await sink.write([
      { Tenant: 1, select: 'a', 'Page "Title"': INJECTION },
      { Tenant: 1, select: 'b', 'Page "Title"': 'second' },
    ]);

    const read = await selectAll(table, 'WHERE "Tenant" = 1');
    expect(read.map((row) => row.get('select'))).toEqual(['b', 'a']);
    expect(read[1]!.get('Page "Title"')).toBe(INJECTION);
    expect(await listTables(test.client, test.keyspace)).toEqual(['Odd_Sink', 'typed_values', 'user_logs']);
  });

  it('writes many rows with bounded concurrency', async () => {
    const table = valuesTable(test.keyspace);
    const sink = createCassandraSink(test.client, table, { concurrency: 8 });
    const rows: Row[] = Array.from({ length: 1_000 }, (_, seq) => ({ id: 'many', seq, big: BigInt(seq) * 2n ** 40n }));
    await sink.write(rows);

    const read = await selectAll(table, "WHERE id = 'many'");
    expect(read).toHaveLength(1_000);
    expect(read[999]!.get('big').toString()).toBe((999n * 2n ** 40n).toString());
  });

  it('rejects a row without a primary-key value before writing', async () => {
    const table = valuesTable(test.keyspace);
    const sink = createCassandraSink(test.client, table);
    const error = await sink
      .write([{ id: 'partial', seq: 1 }, { id: 'partial', seq: null }])
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(CassandraWriteError);
    expect((error as CassandraWriteError).rowIndex).toBe(1);
    expect((error as Error).message).toContain('Row 1 has no value for primary-key column "seq"');
    expect(await selectAll(table, "WHERE id = 'partial'")).toHaveLength(0);
  });

  it('rejects a column the table does not have', async () => {
    const sink = createCassandraSink(test.client, valuesTable(test.keyspace));
    await expect(sink.write([{ id: 'x', seq: 1, colour: 'red' }])).rejects.toThrow(
      `Row 0 has column "colour", which table ${test.keyspace}.typed_values does not have.`,
    );
  });

  it('rejects a value outside the column type', async () => {
    const sink = createCassandraSink(test.client, valuesTable(test.keyspace));
    await expect(sink.write([{ id: 'range', seq: 1, small: 40_000 }])).rejects.toThrow(
      /Row 0 with primary key \(id="range", seq=1\) has an invalid value for column "small": smallint value 40000/,
    );
  });

  it('names the primary key of the first row Cassandra rejects', async () => {
    const table = valuesTable(test.keyspace);
    const sink = createCassandraSink(test.client, table, { concurrency: 2 });
    // Cassandra rejects partition keys longer than 65535 bytes.
    const tooLong = 'k'.repeat(70_000);
    const rows: Row[] = [
      { id: 'ok', seq: 1 },
      { id: 'ok', seq: 2 },
      { id: tooLong, seq: 3 },
      { id: 'ok', seq: 4 },
    ];
    const error = await sink.write(rows).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(CassandraWriteError);
    const writeError = error as CassandraWriteError;
    expect(writeError.rowIndex).toBe(2);
    expect(writeError.primaryKey).toEqual({ id: tooLong, seq: 3 });
    expect(writeError.message).toMatch(/^Writing row 2 with primary key \(id="k+\.\.\., seq=3\) to \S+ \S+\.typed_values failed: /);
    expect(writeError.message.length).toBeLessThan(1_000);
  });

  it('rejects writes after close', async () => {
    const sink = createCassandraSink(test.client, valuesTable(test.keyspace));
    await sink.close();
    await expect(sink.write([{ id: 'closed', seq: 1 }])).rejects.toThrow(/is closed/);
  });

  it('rejects an invalid concurrency', () => {
    expect(() => createCassandraSink(test.client, valuesTable(test.keyspace), { concurrency: 0 })).toThrow(
      /Invalid sink concurrency 0/,
    );
  });
});
