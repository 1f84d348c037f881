import { expect, it } from 'vitest';
import { primaryKey, type ColumnDef, type TableDef } from '../../src/catalog/table.js';
import { userLogsTable } from '../../src/catalog/user-logs.js';
import { createKeyspace, createTable, tableDdl } from '../../src/cassandra/ddl.js';
import { keyspaceExists, listTables, readTableDef } from '../../src/cassandra/schema.js';
import { describeCassandra, uniqueKeyspaceName, withTestKeyspace } from '../support/cassandra.js';

/** Returns the definition in readTableDef's column order: key columns by position, regular columns by name. */
function inSchemaOrder(table: TableDef): TableDef {
  const regular = table.columns.filter((column) => column.kind === 'regular').sort((a, b) => (a.name < b.name ? -1 : 1));
  return { ...table, columns: [...primaryKey(table), ...regular] };
}

/** Returns a table whose identifiers all need quoting: mixed case, reserved words, a space and a double quote. */
function oddTable(keyspace: string): TableDef {
  const columns: ColumnDef[] = [
    { name: 'Tenant', cqlType: 'int', kind: 'partition_key', position: 0 },
    { name: 'select', cqlType: 'text', kind: 'partition_key', position: 1 },
    { name: 'from', cqlType: 'bigint', kind: 'clustering', position: 0, clusteringOrder: 'DESC' },
    { name: 'Event Time', cqlType: 'timestamp', kind: 'clustering', position: 1, clusteringOrder: 'ASC' },
    { name: 'Page "Title"', cqlType: 'text', kind: 'regular', position: 0 },
    { name: 'counts', cqlType: 'map<text, int>', kind: 'regular', position: 0 },
    { name: 'where', cqlType: 'frozen<list<int>>', kind: 'regular', position: 0 },
  ];
  return { keyspace, name: 'Odd_Events', columns };
}

describeCassandra('Cassandra DDL and schema', () => {
  const test = withTestKeyspace('ddl');

  it('creates the keyspace once', async () => {
    expect(await keyspaceExists(test.client, test.keyspace)).toBe(true);
    await createKeyspace(test.client, test.keyspace, { class: 'SimpleStrategy', replicationFactor: 1 });
    expect(await keyspaceExists(test.client, test.keyspace)).toBe(true);
  });

  it('creates a NetworkTopologyStrategy keyspace', async () => {
    const dataCenter = test.client.hosts.values()[0]!.datacenter;
    const keyspace = uniqueKeyspaceName('ddl_nts');
    try {
      await createKeyspace(test.client, keyspace, { class: 'NetworkTopologyStrategy', dataCenters: { [dataCenter]: 1 } });
      const row = (
        await test.client.execute('SELECT replication FROM system_schema.keyspaces WHERE keyspace_name = ?', [keyspace], {
          prepare: true,
        })
      ).first();
      expect(row.get('replication')).toEqual({
        class: 'org.apache.cassandra.locator.NetworkTopologyStrategy',
        [dataCenter]: '1',
      });
    } finally {
      await test.client.execute(`DROP KEYSPACE IF EXISTS "${keyspace}"`);
    }
  });

  it('round-trips the user_logs table', async () => {
    const table = userLogsTable(test.keyspace);
    await createTable(test.client, table);
    // A second create is a no-op because of IF NOT EXISTS.
    await createTable(test.client, table);

    const read = await readTableDef(test.client, test.keyspace, 'user_logs');
    expect(read).toEqual(inSchemaOrder(table));
    expect(tableDdl(read!)).toBe(tableDdl(inSchemaOrder(table)));
  });

  it('round-trips quoted mixed-case names', async () => {
    const table = oddTable(test.keyspace);
    await createTable(test.client, table);

    const read = await readTableDef(test.client, test.keyspace, 'Odd_Events');
    expect(read).toEqual(inSchemaOrder(table));
    expect(read!.columns.find((column) => column.name === 'from')?.clusteringOrder).toBe('DESC');
  });

  it('matches table names exactly', async () => {
    await createTable(test.client, oddTable(test.keyspace));
    expect(await readTableDef(test.client, test.keyspace, 'odd_events')).toBeUndefined();
    expect(await readTableDef(test.client, test.keyspace, 'no_such_table')).toBeUndefined();
    expect(await readTableDef(test.client, 'no_such_keyspace', 'user_logs')).toBeUndefined();
  });

  it('lists tables', async () => {
    await createTable(test.client, userLogsTable(test.keyspace));
    await createTable(test.client, oddTable(test.keyspace));
    expect(await listTables(test.client, test.keyspace)).toEqual(['Odd_Events', 'user_logs']);
    expect(await listTables(test.client, 'no_such_keyspace')).toEqual([]);
  });

  it('reads a static column as regular', async () => {
    await test.client.execute(
      `CREATE TABLE IF NOT EXISTS "${test.keyspace}"."with_static" (k int, c int, s text STATIC, v text, PRIMARY KEY (k, c))`,
    );
    const read = await readTableDef(test.client, test.keyspace, 'with_static');
    expect(read?.columns.map((column) => [column.name, column.kind])).toEqual([
      ['k', 'partition_key'],
      ['c', 'clustering'],
      ['s', 'regular'],
      ['v', 'regular'],
    ]);
  });
});
