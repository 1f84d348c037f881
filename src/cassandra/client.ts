/**
 * Connecting to Cassandra with cassandra-driver 4.x, with errors that name the contact points and the option to change.
 */
import dns from 'node:dns/promises';
import fs from 'node:fs';
import net from 'node:net';
import { auth, Client, errors, policies, types, type DseClientOptions, type Host } from 'cassandra-driver';
import { CassandraOptionError, parseContactPoints, splitContactPoint, type CassandraOptions } from './options.js';

/** Options that set the contact points, quoted in error messages. */
const CONTACT_POINT_OPTIONS = '--cassandra HOST[:PORT] or CASSANDRA_CONTACT_POINTS';

/** Milliseconds to wait for a TCP connection to a node. */
const CONNECT_TIMEOUT_MS = 5_000;

/** Raised when no contact point accepts a connection. */
export class CassandraConnectionError extends Error {
  readonly code = 'CASSANDRA_UNREACHABLE';
  readonly contactPoints: readonly string[];

  constructor(contactPoints: readonly string[], reason: string) {
    super(
      `Cannot connect to Cassandra at ${contactPoints.join(', ')}: ${reason}. ` +
        `Check that the node is running, or set the contact points with ${CONTACT_POINT_OPTIONS}.`,
    );
    this.name = 'CassandraConnectionError';
    this.contactPoints = contactPoints;
  }
}

/** Raised when the cluster rejects the credentials or requires some that were not given. */
export class CassandraAuthenticationError extends Error {
  readonly code = 'CASSANDRA_AUTHENTICATION_FAILED';
  readonly contactPoints: readonly string[];

  constructor(contactPoints: readonly string[], message: string) {
    super(message);
    this.name = 'CassandraAuthenticationError';
    this.contactPoints = contactPoints;
  }
}

/** CQL names of the consistency levels, mapped to the driver's codes. */
const CONSISTENCY_LEVELS: ReadonlyMap<string, number> = new Map([
  ['ANY', types.consistencies.any],
  ['ONE', types.consistencies.one],
  ['TWO', types.consistencies.two],
  ['THREE', types.consistencies.three],
  ['QUORUM', types.consistencies.quorum],
  ['ALL', types.consistencies.all],
  ['LOCAL_QUORUM', types.consistencies.localQuorum],
  ['EACH_QUORUM', types.consistencies.eachQuorum],
  ['SERIAL', types.consistencies.serial],
  ['LOCAL_SERIAL', types.consistencies.localSerial],
  ['LOCAL_ONE', types.consistencies.localOne],
]);

/**
 * Returns the driver's code for a consistency level named as in CQL (`LOCAL_QUORUM`), in any case,
 * or in the driver's camel case (`localQuorum`). Throws CassandraOptionError for an unknown name.
 */
export function consistencyFromName(name: string): number {
  const normalized = name
    .trim()
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toUpperCase();
  const level = CONSISTENCY_LEVELS.get(normalized);
  if (level === undefined) {
    throw new CassandraOptionError(
      `Invalid consistency level "${name}": expected one of ${[...CONSISTENCY_LEVELS.keys()].join(', ')}.`,
    );
  }
  return level;
}

/**
 * Connects to the cluster and returns a ready client that negotiates protocol v4 at most.
 *
 * Without `localDataCenter`, the data center is taken from the nodes: the only one in the cluster,
 * or else the one that all reachable contact points share. A first short connection reads the
 * data centers, so connecting opens two sessions one after the other.
 * Throws CassandraConnectionError when no contact point accepts a connection, CassandraAuthenticationError for
 * rejected or missing credentials, and CassandraOptionError for invalid options. Messages never
 * contain the password.
 */
export async function connectCassandra(options: CassandraOptions): Promise<Client> {
  const contactPoints = parseContactPoints(options.contactPoints.join(','));
  const baseOptions = clientOptions(options, contactPoints);
  const localDataCenter = await chooseLocalDataCenter(baseOptions, contactPoints, options.localDataCenter);

  const client = new Client({
    ...baseOptions,
    localDataCenter,
    ...(options.keyspace === undefined ? {} : { keyspace: options.keyspace }),
  });
  await connectClient(client, contactPoints, options.keyspace);
  return client;
}

function clientOptions(options: CassandraOptions, contactPoints: string[]): DseClientOptions {
  const result: DseClientOptions = {
    contactPoints,
    protocolOptions: { maxVersion: types.protocolVersion.v4 },
    socketOptions: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      ...(options.requestTimeoutMs === undefined ? {} : { readTimeout: validTimeout(options.requestTimeoutMs) }),
    },
  };

  if (options.consistency !== undefined) {
    result.queryOptions = { consistency: consistencyFromName(options.consistency) };
  }
  if (options.username !== undefined || options.password !== undefined) {
    if (options.username === undefined || options.password === undefined) {
      throw new CassandraOptionError('A Cassandra username needs a password and a password needs a username; set both or neither.');
    }
    result.authProvider = new auth.PlainTextAuthProvider(options.username, options.password);
  }
  if (options.tls !== undefined) {
    const { caFile, certFile, keyFile, rejectUnauthorized = true } = options.tls;
    result.sslOptions = {
      rejectUnauthorized,
      ...(caFile === undefined ? {} : { ca: [readPem(caFile, 'CA certificate')] }),
      ...(certFile === undefined ? {} : { cert: readPem(certFile, 'client certificate') }),
      ...(keyFile === undefined ? {} : { key: readPem(keyFile, 'client key') }),
    };
  }
  return result;
}

function validTimeout(ms: number): number {
  if (!Number.isSafeInteger(ms) || ms <= 0) {
    throw new CassandraOptionError(`Invalid Cassandra request timeout ${ms}: expected a positive whole number of milliseconds.`);
  }
  return ms;
}

function readPem(file: string, label: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new CassandraOptionError(`Cannot read the TLS ${label} file "${file}": ${reason}.`);
  }
}

/**
 * Connects once with a round-robin policy, which needs no data-center name, and checks `requested`
 * against the data centers of the nodes found, or picks one when it is undefined.
 *
 * The check runs here because cassandra-driver 4.10.0, given a localDataCenter that no node has,
 * rejects connect() but leaves the control connection's socket open, which keeps the process alive.
 */
async function chooseLocalDataCenter(
  baseOptions: DseClientOptions,
  contactPoints: string[],
  requested: string | undefined,
): Promise<string> {
  const probe = new Client({
    ...baseOptions,
    policies: { loadBalancing: new policies.loadBalancing.RoundRobinPolicy() },
    pooling: { warmup: false },
  });
  try {
    await connectClient(probe, contactPoints, undefined);
    const hosts = probe.hosts.values();
    const dataCenters = distinct(hosts.map((host) => host.datacenter));
    if (requested !== undefined) {
      if (dataCenters.includes(requested)) return requested;
      throw new CassandraOptionError(
        `Local data center "${requested}" not found: the cluster at ${contactPoints.join(', ')} has data centers ` +
          `${dataCenters.join(', ')}. Set CASSANDRA_LOCAL_DC to one of them.`,
      );
    }
    if (dataCenters.length === 1) return dataCenters[0]!;

    const contactAddresses = await resolveContactPoints(contactPoints);
    const contactDataCenters = distinct(
      hosts.filter((host) => contactAddresses.has(hostAddress(host))).map((host) => host.datacenter),
    );
    if (contactDataCenters.length === 1) return contactDataCenters[0]!;
    throw new CassandraOptionError(
      `Cannot choose a local data center: the cluster at ${contactPoints.join(', ')} has data centers ` +
        `${dataCenters.join(', ')}. Set one with CASSANDRA_LOCAL_DC.`,
    );
  } finally {
    await probe.shutdown();
  }
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}

/** Returns the IP address of a driver host, whose `address` is `ip:port`. */
function hostAddress(host: Host): string {
  return host.address.slice(0, host.address.lastIndexOf(':')).replace(/^\[(.*)\]$/, '$1');
}

async function resolveContactPoints(contactPoints: string[]): Promise<Set<string>> {
  const addresses = new Set<string>();
  for (const contactPoint of contactPoints) {
    const { host } = splitContactPoint(contactPoint);
    if (net.isIP(host)) {
      addresses.add(host);
      continue;
    }
    try {
      for (const { address } of await dns.lookup(host, { all: true })) addresses.add(address);
    } catch {
      // An unresolvable contact point cannot be one of the connected hosts.
    }
  }
  return addresses;
}

/** Connects `client` and translates driver errors. The client is shut down when connecting fails. */
async function connectClient(client: Client, contactPoints: string[], keyspace: string | undefined): Promise<void> {
  try {
    await client.connect();
  } catch (error) {
    await client.shutdown().catch(() => {});
    throw translateConnectError(error, contactPoints, keyspace);
  }
}

function translateConnectError(error: unknown, contactPoints: string[], keyspace: string | undefined): unknown {
  if (error instanceof errors.NoHostAvailableError) {
    const inner = Object.entries((error.innerErrors ?? {}) as Record<string, unknown>);
    const authFailure = inner.find(([, cause]) => cause instanceof errors.AuthenticationError);
    if (authFailure) return authenticationError(contactPoints, authFailure[0], authFailure[1] as Error);

    const keyspaceFailure = inner.find(([, cause]) => isMissingKeyspace(cause));
    if (keyspaceFailure && keyspace !== undefined) return missingKeyspaceError(keyspace, contactPoints);

    const reasons =
      inner.length === 0
        ? firstLine(error.message)
        : inner.map(([address, cause]) => (inner.length === 1 ? reasonOf(cause) : `${address}: ${reasonOf(cause)}`)).join('; ');
    return new CassandraConnectionError(contactPoints, reasons);
  }
  if (error instanceof errors.AuthenticationError) return authenticationError(contactPoints, contactPoints.join(', '), error);
  if (keyspace !== undefined && isMissingKeyspace(error)) return missingKeyspaceError(keyspace, contactPoints);
  return error;
}

function authenticationError(contactPoints: string[], address: string, cause: Error): CassandraAuthenticationError {
  // cassandra-driver 4.10 words a login required without credentials as "requires authentication,
  // but no authenticator found in the options" or "Authentication provider not set".
  const missing = /no authenticator found|provider not set/i.test(cause.message);
  const detail = missing
    ? 'the cluster requires a username and password, and none was given'
    : `the credentials were rejected (${firstLine(cause.message)})`;
  return new CassandraAuthenticationError(
    contactPoints,
    `Cannot log in to Cassandra at ${address}: ${detail}. Set them with CASSANDRA_USERNAME and CASSANDRA_PASSWORD.`,
  );
}

function isMissingKeyspace(error: unknown): boolean {
  return (
    error instanceof errors.ResponseError &&
    error.code === types.responseErrorCodes.invalid &&
    /keyspace .* does not exist/i.test(error.message)
  );
}

function missingKeyspaceError(keyspace: string, contactPoints: string[]): CassandraOptionError {
  return new CassandraOptionError(
    `Keyspace "${keyspace}" does not exist in the Cassandra cluster at ${contactPoints.join(', ')}. ` +
      `Create it first, or choose another with CASSANDRA_KEYSPACE.`,
  );
}

function reasonOf(cause: unknown): string {
  return cause instanceof Error ? firstLine(cause.message) : String(cause);
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.replace(/\.$/, '');
}
