/**
 * Representation of each CQL type as a `CellValue` between the loader, the generator and the stores.
 *
 * The loader converts text into these representations, the sinks write them, and the embedded
 * store decodes its SQLite values back into them.
 */
export type CellKind =
  /** int: number within -2^31 .. 2^31-1. */
  | 'int32'
  /** smallint: number within -2^15 .. 2^15-1. */
  | 'int16'
  /** tinyint: number within -128 .. 127. */
  | 'int8'
  /** bigint and counter: bigint within -2^63 .. 2^63-1. */
  | 'int64'
  /** varint: bigint. */
  | 'varint'
  /** timestamp: bigint milliseconds since the epoch. */
  | 'timestamp'
  /** float, double and decimal: number. */
  | 'double'
  | 'boolean'
  /** text and varchar: string. */
  | 'text'
  /** ascii: string of code points below 128. */
  | 'ascii'
  /** uuid and timeuuid: string in the 8-4-4-4-12 hexadecimal form. */
  | 'uuid'
  /** inet: string holding an IPv4 or IPv6 address. */
  | 'inet'
  /** date: string `YYYY-MM-DD`. */
  | 'date'
  /** Collections, tuples and user-defined types: their JSON text. */
  | 'json'
  /** blob, duration, time and anything unknown: not loadable. */
  | 'unsupported';

/** Returns the representation of values of a CQL type, given as Cassandra reports it. */
export function cellKindOfCql(cqlType: string): CellKind {
  const base = cqlType.trim().toLowerCase().replace(/^frozen<(.*)>$/s, '$1');
  if (/^(list|set|map|tuple|vector)</.test(base)) return 'json';
  switch (base) {
    case 'int':
      return 'int32';
    case 'smallint':
      return 'int16';
    case 'tinyint':
      return 'int8';
    case 'bigint':
    case 'counter':
      return 'int64';
    case 'varint':
      return 'varint';
    case 'timestamp':
      return 'timestamp';
    case 'float':
    case 'double':
    case 'decimal':
      return 'double';
    case 'boolean':
      return 'boolean';
    case 'text':
    case 'varchar':
      return 'text';
    case 'ascii':
      return 'ascii';
    case 'uuid':
    case 'timeuuid':
      return 'uuid';
    case 'inet':
      return 'inet';
    case 'date':
      return 'date';
    case 'blob':
    case 'duration':
    case 'time':
      return 'unsupported';
    default:
      // Cassandra reports a user-defined type by its bare name.
      return /^[a-z_][a-z0-9_]*$/.test(base) ? 'json' : 'unsupported';
  }
}
