import { types } from 'cassandra-driver';
import { describe, expect, it } from 'vitest';
import { consistencyFromName } from '../../src/cassandra/client.js';
import {
  CassandraOptionError,
  cassandraOptionsFromEnv,
  DEFAULT_CONTACT_POINTS,
  parseContactPoints,
  splitContactPoint,
} from '../../src/cassandra/options.js';

describe('parseContactPoints', () => {
  const valid: [input: string, expected: string[]][] = [
    ['localhost', ['localhost:9042']],
    ['127.0.0.1', ['127.0.0.1:9042']],
    ['127.0.0.1:9043', ['127.0.0.1:9043']],
    ['node1.example.com:9042,node2', ['node1.example.com:9042', 'node2:9042']],
    [' a:1 , b ', ['a:1', 'b:9042']],
    ['a,a:9042', ['a:9042']],
    ['cassandra_1', ['cassandra_1:9042']],
    ['[::1]', ['[::1]:9042']],
    ['[::1]:9142', ['[::1]:9142']],
    ['[2001:db8::1]:9042,10.0.0.2:65535', ['[2001:db8::1]:9042', '10.0.0.2:65535']],
  ];
  it.each(valid)('accepts %j', (input, expected) => {
    expect(parseContactPoints(input)).toEqual(expected);
  });

  const invalid: [input: string, message: RegExp][] = [
    ['', /No Cassandra contact point given/],
    [' , ', /No Cassandra contact point given/],
    ['a,,b', /Empty Cassandra contact point at position 2/],
    ['a,', /Empty Cassandra contact point at position 2/],
    ['::1', /IPv6 address in brackets/],
    ['2001:db8::1:9042', /IPv6 address in brackets/],
    ['[::1', /missing "\]"/],
    ['[::1]9042', /expected ":PORT" after "\]"/],
    ['[not-ipv6]:9042', /"not-ipv6" is not an IPv6 address/],
    ['host:0', /Invalid port "0"/],
    ['host:65536', /Invalid port "65536"/],
    ['host:abc', /Invalid port "abc"/],
    ['host:', /Invalid port ""/],
    ['host:-1', /Invalid port "-1"/],
    ['bad host', /"bad host" is not a host name or IPv4 address/],
    ['a;b', /"a;b" is not a host name/],
    ['-leading-dash', /is not a host name/],
  ];
  it.each(invalid)('rejects %j', (input, message) => {
    expect(() => parseContactPoints(input)).toThrow(CassandraOptionError);
    expect(() => parseContactPoints(input)).toThrow(message);
  });

  it('names the form expected in errors', () => {
    expect(() => parseContactPoints('a,,b')).toThrow(/HOST\[:PORT\]/);
  });
});

describe('splitContactPoint', () => {
  it('splits IPv4 and host names', () => {
    expect(splitContactPoint('127.0.0.1:9042')).toEqual({ host: '127.0.0.1', port: 9042 });
    expect(splitContactPoint('db.local:19042')).toEqual({ host: 'db.local', port: 19042 });
  });

  it('removes IPv6 brackets', () => {
    expect(splitContactPoint('[::1]:9042')).toEqual({ host: '::1', port: 9042 });
  });
});

describe('cassandraOptionsFromEnv', () => {
  it('defaults to the local node', () => {
    expect(cassandraOptionsFromEnv({})).toEqual({ contactPoints: [...DEFAULT_CONTACT_POINTS] });
    expect(DEFAULT_CONTACT_POINTS).toEqual(['127.0.0.1:9042']);
  });

  it('reads every variable', () => {
    const options = cassandraOptionsFromEnv({
      CASSANDRA_CONTACT_POINTS: 'db1:9043,[::1]',
      CASSANDRA_KEYSPACE: 'Analytics_2024',
      CASSANDRA_LOCAL_DC: 'eu-west',
      CASSANDRA_USERNAME: 'reporter',
      CASSANDRA_PASSWORD: ' secret with spaces ',
    });
    expect(options).toEqual({
      contactPoints: ['db1:9043', '[::1]:9042'],
      keyspace: 'Analytics_2024',
      localDataCenter: 'eu-west',
      username: 'reporter',
      password: ' secret with spaces ',
    });
  });

  it('treats empty and blank variables as unset', () => {
    const options = cassandraOptionsFromEnv({
      CASSANDRA_CONTACT_POINTS: '  ',
      CASSANDRA_KEYSPACE: '',
      CASSANDRA_LOCAL_DC: ' ',
      CASSANDRA_USERNAME: '',
      CASSANDRA_PASSWORD: '',
    });
    expect(options).toEqual({ contactPoints: ['127.0.0.1:9042'] });
  });

  const invalidEnv: [name: string, env: NodeJS.ProcessEnv, message: RegExp][] = [
    ['username without password', { CASSANDRA_USERNAME: 'reporter' }, /CASSANDRA_USERNAME is set but CASSANDRA_PASSWORD is not/],
    ['password without username', { CASSANDRA_PASSWORD: 'secret' }, /CASSANDRA_PASSWORD is set but CASSANDRA_USERNAME is not/],
    ['keyspace with a quote', { CASSANDRA_KEYSPACE: 'a"b' }, /Invalid CASSANDRA_KEYSPACE "a"b"/],
    ['keyspace of 49 characters', { CASSANDRA_KEYSPACE: 'k'.repeat(49) }, /1 to 48 letters/],
    ['bad contact point', { CASSANDRA_CONTACT_POINTS: 'db1:port' }, /Invalid port "port"/],
  ];
  it.each(invalidEnv)('rejects %s', (_name, env, message) => {
    expect(() => cassandraOptionsFromEnv(env)).toThrow(CassandraOptionError);
    expect(() => cassandraOptionsFromEnv(env)).toThrow(message);
  });

  it('keeps the password out of error messages', () => {
    expect(() => cassandraOptionsFromEnv({ CASSANDRA_PASSWORD: 'hunter2' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
  });
});

describe('consistencyFromName', () => {
  const names: [name: string, expected: number][] = [
    ['ONE', types.consistencies.one],
    ['one', types.consistencies.one],
    [' ALL ', types.consistencies.all],
    ['LOCAL_QUORUM', types.consistencies.localQuorum],
    ['local_quorum', types.consistencies.localQuorum],
    ['localQuorum', types.consistencies.localQuorum],
    ['EACH_QUORUM', types.consistencies.eachQuorum],
    ['LOCAL_ONE', types.consistencies.localOne],
    ['SERIAL', types.consistencies.serial],
  ];
  it.each(names)('maps %j', (name, expected) => {
    expect(consistencyFromName(name)).toBe(expected);
  });

  it('rejects an unknown level and lists the valid ones', () => {
    expect(() => consistencyFromName('FAST')).toThrow(CassandraOptionError);
    expect(() => consistencyFromName('FAST')).toThrow(/Invalid consistency level "FAST": expected one of ANY, ONE, .*LOCAL_ONE/);
  });
});
