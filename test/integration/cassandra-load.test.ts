import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { userLogsTable } from '../../src/catalog/user-logs.js';
import { CassandraConnectionError, connectCassandra } from '../../src/cassandra/client.js';
import { qualifiedName } from '../../src/cassandra/cql.js';
import { createTable } from '../../src/cassandra/ddl.js';
import { splitContactPoint } from '../../src/cassandra/options.js';
import { CassandraWriteError, createCassandraSink } from '../../src/cassandra/sink.js';
import { loadFile } from '../../src/loader/load.js';
import { RowRejectedError, type Row } from '../../src/loader/sink.js';
import { EmbeddedStore } from '../../src/store/store.js';
import { describeCassandra, withTestKeyspace } from '../support/cassandra.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'dist/src/cli/main.js');
const HEADER = 'store_id,year,month,day,hour,event_id,url,user_id,session_id,log_time,detail';
/** Longer than the 65535 bytes Cassandra allows for a clustering key. */
const LONG_USER_ID = 'u'.repeat(70_000);

let folder: string;

beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" before these tests`);
});

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cassalytics-cassandra-load-'));
});

afterEach(() => {
  fs.rmSync(folder, { recursive: true, force: true });
});

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  // Any value of CASSALYTICS_DEBUG, even an empty one, adds stack traces to error output.
  const { CASSALYTICS_DEBUG: _debug, ...env } = process.env;
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: folder, encoding: 'utf8', env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Returns a CSV line of one page view in hour `hour` of 2026-11-16, keyed by `n`. */
function line(n: number, options: { hour?: number; userId?: string; detail?: string } = {}): string {
  const detail = (options.detail ?? `{"n":${n}}`).replaceAll('"', '""');
  return `1,2026,11,16,${options.hour ?? n % 3},1,https://food-lover.abc/,${options.userId ?? `user-${n}`},session-${n},${1794823200000 + n},"${detail}"`;
}

function input(name: string, lines: readonly string[]): string {
  const file = path.join(folder, name);
  fs.writeFileSync(file, `${[HEADER, ...lines].join('\n')}\n`);
  return file;
}

/** 40 rows over three partitions, with the 70,000-character user_id on line 13 (row 12). */
function linesWithLongKey(): string[] {
  return Array.from({ length: 40 }, (_, n) => (n === 11 ? line(n, { userId: LONG_USER_ID }) : line(n)));
}

interface RejectRecord {
  file: string;
  line: string;
  reason: string;
  record: string;
}

function rejectsOf(file: string): RejectRecord[] {
  return parse(fs.readFileSync(`${file}.reject.csv`, 'utf8'), { columns: true }) as RejectRecord[];
}

/** Returns a port on 127.0.0.1 that nothing listens on: one the system just assigned and released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('cassalytics load with Cassandra unreachable', () => {
  it('names the contact point and the option', async () => {
    const port = await closedPort();
    const file = input('events.csv', [line(1)]);

    const result = run('load', file, '--cassandra', `127.0.0.1:${port}`, '--keyspace', 'unreachable', '--create');

    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^error: Cannot connect to Cassandra at 127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`));
    expect(lines[0]).toContain('set the contact points with --cassandra HOST[:PORT] or CASSANDRA_CONTACT_POINTS');
    expect(fs.existsSync(`${file}.reject.csv`)).toBe(false);
  });
});

describeCassandra('cassalytics load into Cassandra', () => {
  const test = withTestKeyspace('load');

  async function count(table: string): Promise<number> {
    const result = await test.client.execute(`SELECT count(*) FROM ${qualifiedName(test.keyspace, table)}`);
    return Number(result.first().get('count'));
  }

  it('rejects a row whose key is too long', async () => {
    const lines = linesWithLongKey();
    const file = input('long-key.csv', lines);

    const result = run('load', file, '--cassandra', test.contactPoints.join(','), '--keyspace', test.keyspace, '--table', 'long_key', '--create');

    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`${file}: 40 rows read, 39 written, 1 rejected, 0 repeated keys`);
    expect(result.stdout).toContain(`rejected rows with line numbers and reasons: ${file}.reject.csv`);
    const rejects = rejectsOf(file);
    expect(rejects).toHaveLength(1);
    expect(rejects[0]!.file).toBe(file);
    expect(rejects[0]!.line).toBe('13');
    expect(rejects[0]!.reason).toMatch(/^Cassandra rejected the row: Key length of \d+ is longer than maximum of 65535$/);
    expect(rejects[0]!.record).toBe(lines[11]);
    expect(await count('long_key')).toBe(39);
  });

  it('loads the same file into the embedded store', () => {
    const file = input('long-key.csv', linesWithLongKey());

    const result = run('load', file, '--db', 'store.db', '--create');

    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`${file}: 40 rows read, 40 written, 0 rejected`);
    expect(fs.existsSync(`${file}.reject.csv`)).toBe(false);
    const store = EmbeddedStore.open(path.join(folder, 'store.db'), { readonly: true });
    try {
      const rows = [...store.scan(store.table('user_logs')!)];
      expect(rows).toHaveLength(40);
      expect(rows.filter((row) => row['user_id'] === LONG_USER_ID)).toHaveLength(1);
    } finally {
      store.close();
    }
  });

  it('keeps the last row of a repeated key', async () => {
    const table = userLogsTable(test.keyspace, 'repeats');
    await createTable(test.client, table);
    // Row 7 comes back on line 32 with a detail that sorts before the first one. Without the
    // flush before a repeated key, both copies would go in one UNLOGGED BATCH, where they share a
    // write timestamp and Cassandra keeps the larger value, which is the first copy's.
    const lines = Array.from({ length: 120 }, (_, n) => line(n, { hour: 0 }));
    lines.splice(30, 0, line(7, { hour: 0, detail: '{"copy":2}' }));
    const file = input('repeats.csv', lines);

    const options = { table, sink: createCassandraSink(test.client, table) };
    const first = await loadFile(file, options);
    const second = await loadFile(file, options);

    for (const summary of [first, second]) {
      expect(summary).toMatchObject({ rowsRead: 121, rowsWritten: 121, rejected: 0, repeatedKeys: 1 });
    }
    expect(await count('repeats')).toBe(120);
    const stored = await test.client.execute(
      `SELECT detail FROM ${qualifiedName(test.keyspace, 'repeats')} WHERE store_id = 1 AND year = 2026 AND month = 11 AND day = 16 AND hour = 0 AND event_id = 1 AND user_id = ?`,
      ['user-7'],
      { prepare: true },
    );
    expect(stored.rows.map((row) => row.get('detail'))).toEqual(['{"copy":2}']);
  });

  it('names the rejected row of a batch', async () => {
    const table = userLogsTable(test.keyspace, 'batched');
    await createTable(test.client, table);
    const rows: Row[] = Array.from({ length: 10 }, (_, n) => ({
      store_id: 1, year: 2026, month: 11, day: 16, hour: 0, event_id: 1,
      user_id: n === 4 ? LONG_USER_ID : `user-${n}`, session_id: 's', log_time: BigInt(n),
    }));

    // The ten rows share a partition, so they go in one UNLOGGED BATCH, which Cassandra rejects whole.
    const error = await createCassandraSink(test.client, table).write(rows).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(CassandraWriteError);
    expect((error as CassandraWriteError).rowIndex).toBe(4);
    expect((error as CassandraWriteError).reason).toMatch(/^Cassandra rejected the row: Key length of \d+ is longer than maximum of 65535$/);
    expect((error as Error).message).toMatch(/^Writing row 4 with primary key \(store_id=1, .*user_id="u+\.\.\., session_id="s", log_time=4\) to \S+ \S+\.batched failed: Key length/);
    expect(await count('batched')).toBe(4);
  });

  it('stops when the table is dropped', async () => {
    const table = userLogsTable(test.keyspace, 'dropped');
    await createTable(test.client, table);
    const sink = createCassandraSink(test.client, table);
    await sink.write([{ store_id: 1, year: 2026, month: 11, day: 16, hour: 0, event_id: 1, user_id: 'u', session_id: 's', log_time: 1n }]);
    await test.client.execute(`DROP TABLE ${qualifiedName(test.keyspace, 'dropped')}`);
    const file = input('dropped.csv', Array.from({ length: 10 }, (_, n) => line(n)));

    const error = await loadFile(file, { table, sink }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(RowRejectedError);
    expect((error as Error).message).toMatch(
      new RegExp(`^Cassandra at ${test.contactPoints[0]!.replaceAll('.', '\\.')} cannot insert into ${test.keyspace}\\.dropped: `),
    );
    expect((error as Error).message).toContain('choose its keyspace with --keyspace or CASSANDRA_KEYSPACE');
    expect(fs.existsSync(`${file}.reject.csv`)).toBe(false);
  });
});

describeCassandra('loadFile when the connection is lost', () => {
  const test = withTestKeyspace('load_lost');
  let proxy: net.Server;
  const sockets = new Set<net.Socket>();
  /** Bytes sent towards Cassandra after which the proxy closes every connection and stops listening. */
  let cutAfterBytes = Number.POSITIVE_INFINITY;
  let forwarded = 0;

  beforeAll(async () => {
    const { host, port } = splitContactPoint(test.contactPoints[0]!);
    proxy = net.createServer((client) => {
      const upstream = net.connect(port, host);
      sockets.add(client).add(upstream);
      client.on('data', (chunk: Buffer) => {
        forwarded += chunk.length;
        if (forwarded > cutAfterBytes) cutConnections();
      });
      client.pipe(upstream).pipe(client);
      for (const socket of [client, upstream]) {
        socket.on('error', () => {});
        socket.on('close', () => sockets.delete(socket));
      }
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  });

  afterAll(() => {
    cutConnections();
  });

  function cutConnections(): void {
    if (proxy.listening) proxy.close();
    for (const socket of sockets) socket.destroy();
  }

  it('stops with the contact point and the option', async () => {
    const contactPoint = `127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
    const client = await connectCassandra({ contactPoints: [contactPoint] });
    try {
      const table = userLogsTable(test.keyspace);
      await createTable(client, table);
      const file = input('many.csv', Array.from({ length: 20_000 }, (_, n) => line(n, { hour: n % 24 })));
      cutAfterBytes = forwarded + 500_000;

      const error = await loadFile(file, { table, sink: createCassandraSink(client, table) }).catch((caught: unknown) => caught);

      expect(forwarded).toBeGreaterThan(cutAfterBytes);
      expect(error).toBeInstanceOf(CassandraConnectionError);
      expect((error as Error).message).toMatch(new RegExp(`^Cannot connect to Cassandra at ${contactPoint.replaceAll('.', '\\.')}: `));
      expect((error as Error).message).toContain('set the contact points with --cassandra HOST[:PORT] or CASSANDRA_CONTACT_POINTS');
      expect(fs.existsSync(`${file}.reject.csv`)).toBe(false);
    } finally {
      await client.shutdown();
    }
  });
});
