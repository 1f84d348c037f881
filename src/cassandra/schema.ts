/**
 * Table definitions read from Cassandra's system_schema keyspace.
 */
import type { Client } from 'cassandra-driver';
import type { ClusteringOrder, ColumnDef, ColumnKind, TableDef } from '../catalog/table.js';

const KIND_ORDER: Record<ColumnKind, number> = { partition_key: 0, clustering: 1, regular: 2 };

/**
 * Reads the definition of `keyspace.table` from system_schema.columns, or returns undefined when
 * the table does not exist. Names are matched exactly, so a table created with a quoted mixed-case
 * name must be given in that case.
 *
 * Columns come in TableDef order: partition key and clustering columns by position, then regular
 * columns by name, because Cassandra does not store the order in which they were declared.
 */
export async function readTableDef(client: Client, keyspace: string, table: string): Promise<TableDef | undefined> {
  const result = await client.execute(
    'SELECT column_name, kind, position, clustering_order, type FROM system_schema.columns ' +
      'WHERE keyspace_name = ? AND table_name = ?',
    [keyspace, table],
    { prepare: true },
  );
  if (result.rows.length === 0) return undefined;

  const columns = result.rows.map((row) =>
    toColumnDef(
      String(row.get('column_name')),
      String(row.get('kind')),
      Number(row.get('position')),
      String(row.get('clustering_order')),
      String(row.get('type')),
    ),
  );
  // Array.prototype.sort is stable, so regular columns keep the name order system_schema returns.
  columns.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.kind === 'regular' ? 0 : a.position - b.position));
  return { keyspace, name: table, columns };
}

function toColumnDef(name: string, kind: string, position: number, clusteringOrder: string, cqlType: string): ColumnDef {
  switch (kind) {
    case 'partition_key':
      return { name, cqlType, kind: 'partition_key', position };
    case 'clustering':
      return { name, cqlType, kind: 'clustering', position, clusteringOrder: toClusteringOrder(clusteringOrder) };
    case 'regular':
    // NOTE: a static column is read as a regular column because ColumnDef has no static kind, so
    // tableDdl would recreate it as non-static.
    case 'static':
      return { name, cqlType, kind: 'regular', position: 0 };
    default:
      throw new Error(`Column "${name}" has kind "${kind}" in system_schema.columns, which this version does not know.`);
  }
}

function toClusteringOrder(order: string): ClusteringOrder {
  return order.toLowerCase() === 'desc' ? 'DESC' : 'ASC';
}

/** Lists the table names of `keyspace`, without materialized views. The list is empty for a missing keyspace. */
export async function listTables(client: Client, keyspace: string): Promise<string[]> {
  const result = await client.execute('SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?', [keyspace], {
    prepare: true,
  });
  return result.rows.map((row) => String(row.get('table_name'))).sort();
}

/** Returns whether `keyspace` exists. */
export async function keyspaceExists(client: Client, keyspace: string): Promise<boolean> {
  const result = await client.execute('SELECT keyspace_name FROM system_schema.keyspaces WHERE keyspace_name = ?', [keyspace], {
    prepare: true,
  });
  return result.rows.length > 0;
}
