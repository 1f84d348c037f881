import { sqlTypeOfCql } from '../../catalog/cql-types.js';
import { JSON_NULL, MS_PER_DAY, normalizeBigint, type JsonValue, type Value } from '../values.js';

/** Converts one stored cell, as a store's client returns it, to the executor's value model. */
export type CellDecoder = (raw: unknown) => Value;

/**
 * Builds the decoder for a CQL column type. SQLite cells arrive with safe integers on (INTEGER as
 * bigint); Cassandra cells arrive as cassandra-driver 4.x objects (Long, Integer, BigDecimal,
 * LocalDate, Uuid, InetAddress, Date, arrays, Maps).
 */
export function cellDecoder(cqlType: string, source: 'sqlite' | 'cassandra'): CellDecoder {
  const sqlType = sqlTypeOfCql(cqlType);
  const base = cqlType.trim().toLowerCase();
  switch (sqlType) {
    case 'BIGINT':
      return (raw) => (raw === null || raw === undefined ? null : decodeInteger(raw));
    case 'DOUBLE':
      return (raw) => (raw === null || raw === undefined ? null : Number(typeof raw === 'object' ? String(raw) : raw));
    case 'BOOLEAN':
      return (raw) => (raw === null || raw === undefined ? null : raw === true || raw === 1n || raw === 1);
    case 'TEXT':
      return (raw) => (raw === null || raw === undefined ? null : String(raw));
    case 'TIMESTAMP':
      return (raw) => {
        if (raw === null || raw === undefined) return null;
        if (raw instanceof Date) return raw.getTime();
        return Number(raw);
      };
    case 'DATE':
      return (raw) => (raw === null || raw === undefined ? null : decodeDate(raw));
    case 'JSON':
      return source === 'sqlite'
        ? (raw) => (raw === null || raw === undefined ? null : (JSON.parse(String(raw)) as JsonValue))
        : (raw) => (raw === null || raw === undefined ? null : toJson(raw));
    case undefined:
      return () => {
        throw new Error(`columns of CQL type ${base} cannot be read`);
      };
  }
}

function decodeInteger(raw: unknown): number | bigint {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'bigint') return normalizeBigint(raw);
  // cassandra-driver Long and Integer both print their exact decimal value.
  return normalizeBigint(BigInt(String(raw)));
}

function decodeDate(raw: unknown): number {
  const text = typeof raw === 'string' ? raw : String(raw);
  const match = /^(-?\d{1,6})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new Error(`invalid stored date ${JSON.stringify(text)}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
}

function toJson(raw: unknown): JsonValue {
  if (raw === null || raw === undefined) return JSON_NULL;
  if (typeof raw === 'string' || typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'bigint') return Number(raw);
  if (raw instanceof Date) return raw.toISOString();
  if (Array.isArray(raw)) return raw.map(toJson);
  if (raw instanceof Map) return Object.fromEntries([...raw].map(([k, v]) => [String(k), toJson(v)]));
  if (raw instanceof Set) return [...raw].map(toJson);
  if (typeof raw === 'object' && raw.constructor === Object) {
    return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, toJson(v)]));
  }
  return String(raw);
}
