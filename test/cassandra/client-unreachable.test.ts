import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { CassandraConnectionError, connectCassandra } from '../../src/cassandra/client.js';

/** Returns a loopback port that nothing listens on: one the kernel assigned and was released. */
async function closedLoopbackPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('connectCassandra to a closed port', () => {
  it('raises CassandraConnectionError naming the contact point and option', async () => {
    const port = await closedLoopbackPort();
    const error = await connectCassandra({
      contactPoints: [`127.0.0.1:${port}`],
      username: 'reporter',
      password: 'pa55-never-shown',
    }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(CassandraConnectionError);
    const connectionError = error as CassandraConnectionError;
    expect(connectionError.code).toBe('CASSANDRA_UNREACHABLE');
    expect(connectionError.contactPoints).toEqual([`127.0.0.1:${port}`]);
    expect(connectionError.message).toContain(`127.0.0.1:${port}`);
    expect(connectionError.message).toContain('--cassandra HOST[:PORT]');
    expect(connectionError.message).toContain('CASSANDRA_CONTACT_POINTS');
    expect(connectionError.message).toContain('ECONNREFUSED');
    expect(connectionError.message).not.toContain('pa55-never-shown');
    expect(connectionError.message).not.toMatch(/\n\s+at /);
  });

  it('names every contact point tried', async () => {
    const first = await closedLoopbackPort();
    const second = await closedLoopbackPort();
    const error = await connectCassandra({
      contactPoints: [`127.0.0.1:${first}`, `127.0.0.1:${second}`],
      localDataCenter: 'datacenter1',
    }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(CassandraConnectionError);
    expect((error as Error).message).toContain(`127.0.0.1:${first}`);
    expect((error as Error).message).toContain(`127.0.0.1:${second}`);
  });
});
