import type { SqlType } from './table.js';

/**
 * Maps a CQL type to the SQL type the engine reads it as, or undefined when the engine cannot
 * read it (a column of such a type is reported when a query selects it).
 *
 * Integers of every width map to BIGINT and are kept exact: values beyond 2^53 travel as bigint.
 */
export function sqlTypeOfCql(cqlType: string): SqlType | undefined {
  const base = cqlType.trim().toLowerCase().replace(/^frozen<(.*)>$/, '$1');
  if (/^(list|set|map|tuple|vector)</.test(base)) return 'JSON';
  switch (base) {
    case 'int':
    case 'smallint':
    case 'tinyint':
    case 'bigint':
    case 'counter':
    case 'varint':
      return 'BIGINT';
    case 'float':
    case 'double':
    case 'decimal':
      return 'DOUBLE';
    case 'text':
    case 'varchar':
    case 'ascii':
    case 'uuid':
    case 'timeuuid':
    case 'inet':
      return 'TEXT';
    case 'boolean':
      return 'BOOLEAN';
    case 'timestamp':
      return 'TIMESTAMP';
    case 'date':
      return 'DATE';
    default:
      // User-defined types are named by the user; Cassandra reports them by name.
      return /^[a-z_][a-z0-9_]*$/.test(base) && !KNOWN_UNREADABLE.has(base) ? 'JSON' : undefined;
  }
}

/** CQL types that have no SQL counterpart in the dialect. */
const KNOWN_UNREADABLE = new Set(['blob', 'duration', 'time']);
