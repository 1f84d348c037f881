import { types } from 'cassandra-driver';
import { expect, it } from 'vitest';
import { connectCassandra } from '../../src/cassandra/client.js';
import { CassandraOptionError } from '../../src/cassandra/options.js';
import { cassandraContactPoints, describeCassandra, withTestKeyspace } from '../support/cassandra.js';

describeCassandra('connectCassandra against the test cluster', () => {
  const test = withTestKeyspace('client');

  it('detects the local data center', async () => {
    const client = await connectCassandra({ contactPoints: cassandraContactPoints()! });
    try {
      const row = (await client.execute('SELECT data_center, release_version FROM system.local')).first();
      const hostDataCenters = client.hosts.values().map((host) => host.datacenter);
      expect(hostDataCenters).toContain(row.get('data_center'));
      expect(String(row.get('release_version'))).toMatch(/^\d+\.\d+/);
    } finally {
      await client.shutdown();
    }
  });

  it('uses protocol v4 and the named consistency', async () => {
    const client = await connectCassandra({
      contactPoints: cassandraContactPoints()!,
      consistency: 'LOCAL_QUORUM',
      requestTimeoutMs: 30_000,
    });
    try {
      const result = await client.execute('SELECT key FROM system.local');
      expect(result.info.achievedConsistency).toBe(types.consistencies.localQuorum);
      const state = client.getState();
      expect(state.getConnectedHosts().length).toBeGreaterThan(0);
      expect((client as unknown as { controlConnection: { protocolVersion: number } }).controlConnection.protocolVersion).toBe(4);
    } finally {
      await client.shutdown();
    }
  });

  it('sets the session keyspace', async () => {
    const client = await connectCassandra({ contactPoints: cassandraContactPoints()!, keyspace: test.keyspace });
    try {
      expect(client.keyspace).toBe(test.keyspace);
    } finally {
      await client.shutdown();
    }
  });

  it('reports a missing keyspace by name', async () => {
    const error = await connectCassandra({ contactPoints: cassandraContactPoints()!, keyspace: 'no_such_keyspace_here' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(CassandraOptionError);
    expect((error as Error).message).toContain('Keyspace "no_such_keyspace_here" does not exist');
  });

  it('reports an unknown local data center', async () => {
    const error = await connectCassandra({ contactPoints: cassandraContactPoints()!, localDataCenter: 'nowhere' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(CassandraOptionError);
    expect((error as Error).message).toContain('Local data center "nowhere" not found');
    expect((error as Error).message).toContain('CASSANDRA_LOCAL_DC');
  });
});
