/**
 * Helpers for tests that need a real Cassandra node. test/setup/cassandra.ts provides the contact
 * points; suites declared with `describeCassandra` are skipped when there are none.
 */
import { randomBytes } from 'node:crypto';
import type { Client } from 'cassandra-driver';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { connectCassandra } from '../../src/cassandra/client.js';
import { quoteIdentifier } from '../../src/cassandra/cql.js';
import { createKeyspace, type Replication } from '../../src/cassandra/ddl.js';
import { cassandraOptionsFromEnv } from '../../src/cassandra/options.js';

/** Returns the contact points of the test cluster, or null when the Cassandra tests are skipped. */
export function cassandraContactPoints(): string[] | null {
  const contactPoints = inject('cassandraContactPoints');
  return contactPoints === null ? null : contactPoints.split(',');
}

/** Returns why the Cassandra tests are skipped, or null when they run. */
export function cassandraSkipReason(): string | null {
  return inject('cassandraSkipReason');
}

/** True when no Cassandra is available, for `it.skipIf(noCassandra)`. */
export const noCassandra: boolean = cassandraContactPoints() === null;

/** `describe` that skips the suite when no Cassandra is available. */
export const describeCassandra: ReturnType<typeof describe.skipIf> = describe.skipIf(noCassandra);

/**
 * Connects to the test cluster. Credentials come from CASSANDRA_USERNAME and CASSANDRA_PASSWORD
 * when set. CASSANDRA_KEYSPACE is ignored so that tests choose their own keyspace.
 */
export async function connectTestClient(): Promise<Client> {
  const contactPoints = cassandraContactPoints();
  if (contactPoints === null) throw new Error(`No Cassandra for this test: ${cassandraSkipReason() ?? 'unknown reason'}`);
  const { keyspace: _ignored, ...fromEnv } = cassandraOptionsFromEnv(process.env);
  return connectCassandra({ ...fromEnv, contactPoints });
}

/** Maximum keyspace name length in Cassandra. */
const MAX_KEYSPACE_NAME_LENGTH = 48;

/**
 * Returns a keyspace name that no other test file or run uses: the prefix, the process id and
 * random hex, at most 48 characters.
 */
export function uniqueKeyspaceName(prefix: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(prefix)) {
    throw new Error(`Invalid keyspace prefix "${prefix}": use lower-case letters, digits and underscores, starting with a letter.`);
  }
  const suffix = `_${process.pid}_${randomBytes(4).toString('hex')}`;
  return `${prefix.slice(0, MAX_KEYSPACE_NAME_LENGTH - suffix.length)}${suffix}`;
}

export interface TestKeyspace {
  /** Connected client, available inside tests and in hooks that run after the suite's beforeAll. */
  readonly client: Client;
  /** Name of the keyspace created for this suite. */
  readonly keyspace: string;
  /** Contact points of the test cluster. */
  readonly contactPoints: string[];
}

/**
 * Registers hooks in the current suite that connect, create a uniquely named keyspace before its
 * tests and drop it after them. Call it inside a `describeCassandra` callback.
 */
export function withTestKeyspace(
  prefix: string,
  replication: Replication = { class: 'SimpleStrategy', replicationFactor: 1 },
): TestKeyspace {
  const keyspace = uniqueKeyspaceName(prefix);
  let client: Client | undefined;

  beforeAll(async () => {
    client = await connectTestClient();
    await createKeyspace(client, keyspace, replication);
  });

  afterAll(async () => {
    if (client === undefined) return;
    try {
      await client.execute(`DROP KEYSPACE IF EXISTS ${quoteIdentifier(keyspace)}`);
    } finally {
      await client.shutdown();
    }
  });

  return {
    get client(): Client {
      if (client === undefined) throw new Error(`The test keyspace ${keyspace} is not ready: use it inside tests or later hooks.`);
      return client;
    },
    keyspace,
    get contactPoints(): string[] {
      return cassandraContactPoints() ?? [];
    },
  };
}
