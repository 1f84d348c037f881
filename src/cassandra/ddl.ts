/**
 * CREATE KEYSPACE and CREATE TABLE statements built from a Replication and a TableDef.
 *
 * CQL accepts no bind markers in DDL, so the statement text is built here: identifiers are
 * validated and double-quoted, data-center names are single-quoted string literals, replication
 * factors are checked integers and column types pass `checkCqlType`.
 */
import type { Client } from 'cassandra-driver';
import { clusteringColumns, partitionKey, type TableDef } from '../catalog/table.js';
import { checkCqlType, checkKeyspaceName, checkTableName, qualifiedName, quoteIdentifier, quoteString } from './cql.js';

export type Replication =
  | { class: 'SimpleStrategy'; replicationFactor: number }
  | { class: 'NetworkTopologyStrategy'; dataCenters: Record<string, number> };

/** Returns the `{'class': ..., ...}` replication map as CQL text. Throws on an invalid factor or name. */
export function replicationMap(replication: Replication): string {
  switch (replication.class) {
    case 'SimpleStrategy': {
      const factor = checkReplicationFactor(replication.replicationFactor, 'replication factor', 1);
      return `{'class': 'SimpleStrategy', 'replication_factor': ${factor}}`;
    }
    case 'NetworkTopologyStrategy': {
      const entries = Object.entries(replication.dataCenters);
      if (entries.length === 0) {
        throw new Error('NetworkTopologyStrategy needs at least one data center with a replication factor.');
      }
      const parts = entries.map(([dataCenter, factor]) => {
        if (dataCenter === '' || dataCenter === 'class') {
          throw new Error(`Invalid data center name "${dataCenter}" in the replication settings.`);
        }
        return `${quoteString(dataCenter)}: ${checkReplicationFactor(factor, `replication factor of data center "${dataCenter}"`, 0)}`;
      });
      return `{'class': 'NetworkTopologyStrategy', ${parts.join(', ')}}`;
    }
    default: {
      const unknown: never = replication;
      throw new Error(`Unknown replication class ${JSON.stringify((unknown as { class?: unknown }).class)}.`);
    }
  }
}

function checkReplicationFactor(value: number, label: string, minimum: number): number {
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw new Error(`Invalid ${label} ${String(value)}: expected an integer of at least ${minimum}.`);
  }
  return value;
}

/** Returns the CREATE KEYSPACE IF NOT EXISTS statement, ending in a semicolon. */
export function keyspaceDdl(keyspace: string, replication: Replication): string {
  checkKeyspaceName(keyspace);
  return `CREATE KEYSPACE IF NOT EXISTS ${quoteIdentifier(keyspace)} WITH replication = ${replicationMap(replication)};`;
}

/**
 * Creates the keyspace unless it exists. An existing keyspace keeps its replication settings.
 * The driver waits for schema agreement before the promise resolves.
 */
export async function createKeyspace(client: Client, keyspace: string, replication: Replication): Promise<void> {
  await client.execute(keyspaceDdl(keyspace, replication));
}

/**
 * Returns the CREATE TABLE IF NOT EXISTS statement for `table`, ending in a semicolon: columns in
 * TableDef order, the primary key from the column kinds and positions, and the clustering order.
 * Throws for a definition Cassandra would reject (no partition key, duplicate column, gaps in key
 * positions, malformed type).
 */
export function tableDdl(table: TableDef): string {
  checkKeyspaceName(table.keyspace);
  checkTableName(table.name);
  const partition = partitionKey(table);
  const clustering = clusteringColumns(table);
  checkTableDef(table, partition.length, clustering.length);

  const columnLines = table.columns.map((column) => `  ${quoteIdentifier(column.name)} ${column.cqlType}`);
  const partitionText = `(${partition.map((column) => quoteIdentifier(column.name)).join(', ')})`;
  const keyText = [partitionText, ...clustering.map((column) => quoteIdentifier(column.name))].join(', ');
  let ddl = `CREATE TABLE IF NOT EXISTS ${qualifiedName(table.keyspace, table.name)} (\n${columnLines.join(',\n')},\n  PRIMARY KEY (${keyText})\n)`;
  if (clustering.length > 0) {
    const order = clustering.map((column) => `${quoteIdentifier(column.name)} ${column.clusteringOrder ?? 'ASC'}`);
    ddl += ` WITH CLUSTERING ORDER BY (${order.join(', ')})`;
  }
  return `${ddl};`;
}

function checkTableDef(table: TableDef, partitionCount: number, clusteringCount: number): void {
  const name = `${table.keyspace}.${table.name}`;
  if (partitionCount === 0) throw new Error(`Table ${name} has no partition-key column.`);

  const seen = new Set<string>();
  for (const column of table.columns) {
    if (column.name === '') throw new Error(`Table ${name} has a column with an empty name.`);
    if (seen.has(column.name)) throw new Error(`Table ${name} has two columns named "${column.name}".`);
    seen.add(column.name);
    try {
      checkCqlType(column.cqlType);
    } catch {
      throw new Error(`Column "${column.name}" of table ${name} has an invalid CQL type "${column.cqlType}".`);
    }
    if (column.kind !== 'clustering' && column.clusteringOrder !== undefined) {
      throw new Error(`Column "${column.name}" of table ${name} has a clustering order but is not a clustering column.`);
    }
  }

  for (const [kind, count] of [['partition_key', partitionCount], ['clustering', clusteringCount]] as const) {
    const positions = table.columns.filter((column) => column.kind === kind).map((column) => column.position).sort((a, b) => a - b);
    positions.forEach((position, index) => {
      if (position !== index) {
        throw new Error(
          `Table ${name} has ${kind === 'partition_key' ? 'partition-key' : 'clustering'} positions ` +
            `${positions.join(', ')}; expected 0 to ${count - 1}.`,
        );
      }
    });
  }
}

/** Creates the table unless a table of that name exists. An existing table is left unchanged. */
export async function createTable(client: Client, table: TableDef): Promise<void> {
  await client.execute(tableDdl(table));
}
