/**
 * Connection options for a Cassandra cluster and their parsing from text and the environment.
 */
import net from 'node:net';

/**
 * Connection options of a Cassandra cluster.
 *
 * @example
 * { contactPoints: ['10.0.0.5:9042', '10.0.0.6'], keyspace: 'shop', localDataCenter: 'dc1', username: 'analyst', password, consistency: 'LOCAL_ONE' }
 */
export interface CassandraOptions {
  /** `host:port` strings, IPv6 hosts in brackets (`[::1]:9042`), as `parseContactPoints` returns them. */
  contactPoints: string[];
  /** Data center whose nodes serve requests. When absent, connectCassandra detects it from the nodes. */
  localDataCenter?: string;
  /** Session keyspace, which must exist when the client connects. */
  keyspace?: string;
  username?: string;
  password?: string;
  /** TLS settings, in effect whenever this object is present. Files are PEM. */
  tls?: { caFile?: string; certFile?: string; keyFile?: string; rejectUnauthorized?: boolean };
  /** Default consistency level by name, for example `LOCAL_QUORUM` or `ONE`. */
  consistency?: string;
  /** Per-request timeout in milliseconds (the driver's read timeout). */
  requestTimeoutMs?: number;
}

export const DEFAULT_CQL_PORT = 9042;

/** Contact points used when neither `--cassandra` nor CASSANDRA_CONTACT_POINTS sets them. */
export const DEFAULT_CONTACT_POINTS: readonly string[] = Object.freeze([`127.0.0.1:${DEFAULT_CQL_PORT}`]);

/** Raised for an invalid connection option. The message names the value and the expected form. */
export class CassandraOptionError extends Error {
  readonly code = 'CASSANDRA_INVALID_OPTION';

  constructor(message: string) {
    super(message);
    this.name = 'CassandraOptionError';
  }
}

// DNS labels, plus underscores because container networks resolve service names such as cassandra_1.
const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?$/;

/** Keyspace names allowed by Cassandra: letters, digits and underscores, at most 48 characters. */
export const KEYSPACE_NAME = /^\w{1,48}$/;

/**
 * Parses `HOST[:PORT][,HOST[:PORT]...]` into `host:port` strings, adding port 9042 where none is
 * given. IPv6 addresses go in brackets (`[::1]:9042`). Whitespace around entries is ignored and
 * repeated entries are dropped. Throws CassandraOptionError naming the invalid entry.
 */
export function parseContactPoints(text: string): string[] {
  const entries = text.split(',').map((entry) => entry.trim());
  if (entries.every((entry) => entry === '')) {
    throw new CassandraOptionError('No Cassandra contact point given: expected HOST[:PORT][,HOST[:PORT]...].');
  }

  const result: string[] = [];
  entries.forEach((entry, index) => {
    if (entry === '') {
      throw new CassandraOptionError(
        `Empty Cassandra contact point at position ${index + 1} in "${text}": expected HOST[:PORT][,HOST[:PORT]...].`,
      );
    }
    const contactPoint = parseContactPoint(entry);
    if (!result.includes(contactPoint)) result.push(contactPoint);
  });
  return result;
}

function parseContactPoint(entry: string): string {
  let host: string;
  let portText: string | undefined;

  if (entry.startsWith('[')) {
    const close = entry.indexOf(']');
    if (close < 0) throw new CassandraOptionError(`Invalid Cassandra contact point "${entry}": missing "]" after the IPv6 address.`);
    host = entry.slice(1, close);
    const rest = entry.slice(close + 1);
    if (rest !== '' && !rest.startsWith(':')) {
      throw new CassandraOptionError(`Invalid Cassandra contact point "${entry}": expected ":PORT" after "]".`);
    }
    portText = rest === '' ? undefined : rest.slice(1);
    if (!net.isIPv6(host)) throw new CassandraOptionError(`Invalid Cassandra contact point "${entry}": "${host}" is not an IPv6 address.`);
  } else {
    const colons = entry.split(':').length - 1;
    if (colons > 1) {
      throw new CassandraOptionError(
        `Invalid Cassandra contact point "${entry}": write an IPv6 address in brackets, for example [::1]:${DEFAULT_CQL_PORT}.`,
      );
    }
    [host, portText] = colons === 1 ? (entry.split(':') as [string, string]) : [entry, undefined];
    if (!net.isIPv4(host) && !HOST_NAME.test(host)) {
      throw new CassandraOptionError(`Invalid Cassandra contact point "${entry}": "${host}" is not a host name or IPv4 address.`);
    }
  }

  const port = portText === undefined ? DEFAULT_CQL_PORT : parsePort(portText, entry);
  return net.isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`;
}

function parsePort(text: string, entry: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 1 && port <= 65535)) {
    throw new CassandraOptionError(`Invalid port "${text}" in Cassandra contact point "${entry}": expected an integer from 1 to 65535.`);
  }
  return port;
}

/**
 * Splits a `host:port` string from `parseContactPoints` into its parts, removing IPv6 brackets.
 */
export function splitContactPoint(contactPoint: string): { host: string; port: number } {
  const separator = contactPoint.lastIndexOf(':');
  const host = contactPoint.slice(0, separator).replace(/^\[(.*)\]$/, '$1');
  return { host, port: Number(contactPoint.slice(separator + 1)) };
}

/**
 * Reads connection options from CASSANDRA_CONTACT_POINTS, CASSANDRA_KEYSPACE, CASSANDRA_LOCAL_DC,
 * CASSANDRA_USERNAME and CASSANDRA_PASSWORD. Unset or empty variables are absent from the result,
 * except the contact points, which default to 127.0.0.1:9042.
 * Throws CassandraOptionError for an invalid value or a username without a password.
 */
export function cassandraOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): CassandraOptions {
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };

  const contactPointsText = read('CASSANDRA_CONTACT_POINTS');
  const options: CassandraOptions = {
    contactPoints: contactPointsText === undefined ? [...DEFAULT_CONTACT_POINTS] : parseContactPoints(contactPointsText),
  };

  const keyspace = read('CASSANDRA_KEYSPACE');
  if (keyspace !== undefined) {
    if (!KEYSPACE_NAME.test(keyspace)) {
      throw new CassandraOptionError(
        `Invalid CASSANDRA_KEYSPACE "${keyspace}": a keyspace name has 1 to 48 letters, digits or underscores.`,
      );
    }
    options.keyspace = keyspace;
  }

  const localDataCenter = read('CASSANDRA_LOCAL_DC');
  if (localDataCenter !== undefined) options.localDataCenter = localDataCenter;

  const username = read('CASSANDRA_USERNAME');
  // The password is taken as given: spaces at its ends may be part of it.
  const password = env.CASSANDRA_PASSWORD === '' ? undefined : env.CASSANDRA_PASSWORD;
  if (username !== undefined && password === undefined) {
    throw new CassandraOptionError('CASSANDRA_USERNAME is set but CASSANDRA_PASSWORD is not; set both or neither.');
  }
  if (username === undefined && password !== undefined) {
    throw new CassandraOptionError('CASSANDRA_PASSWORD is set but CASSANDRA_USERNAME is not; set both or neither.');
  }
  if (username !== undefined && password !== undefined) {
    options.username = username;
    options.password = password;
  }

  return options;
}
