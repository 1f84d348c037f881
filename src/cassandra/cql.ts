/**
 * Building blocks for CQL text. Values never go into CQL text: they are bound parameters. Only
 * identifiers, validated type names and validated integers are written into statements.
 */

/** Returns `name` as a quoted CQL identifier, with embedded double quotes doubled. */
export function quoteIdentifier(name: string): string {
  if (name === '') throw new Error('A CQL identifier cannot be empty.');
  return `"${name.replaceAll('"', '""')}"`;
}

/** Returns `"keyspace"."table"`. */
export function qualifiedName(keyspace: string, table: string): string {
  return `${quoteIdentifier(keyspace)}.${quoteIdentifier(table)}`;
}

/** Returns `text` as a CQL string literal, with embedded single quotes doubled. */
export function quoteString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * Keyspace and table names that Cassandra accepts, quoted or not: letters, digits and underscores.
 * Cassandra also limits keyspace names to 48 characters.
 */
const SCHEMA_NAME = /^\w+$/;
const MAX_KEYSPACE_NAME_LENGTH = 48;

/** Throws when `keyspace` is not a name Cassandra accepts for a keyspace. */
export function checkKeyspaceName(keyspace: string): void {
  if (!SCHEMA_NAME.test(keyspace) || keyspace.length > MAX_KEYSPACE_NAME_LENGTH) {
    throw new Error(
      `Invalid keyspace name "${keyspace}": a keyspace name has 1 to ${MAX_KEYSPACE_NAME_LENGTH} letters, digits or underscores.`,
    );
  }
}

/** Throws when `table` is not a name Cassandra accepts for a table. */
export function checkTableName(table: string): void {
  if (!SCHEMA_NAME.test(table)) {
    throw new Error(`Invalid table name "${table}": a table name has only letters, digits and underscores.`);
  }
}

/**
 * Throws unless `cqlType` is a well-formed CQL type: a name, optionally followed by `<...>` with
 * comma-separated type arguments (integers are allowed too, as in `vector<float, 3>`). Type text
 * is written into DDL as is, so this check keeps quotes, semicolons and comments out of it.
 */
export function checkCqlType(cqlType: string): void {
  const tokens = cqlType.match(/\s*([A-Za-z_][A-Za-z0-9_.]*|\d+|[<>,])\s*/gy);
  const valid = tokens !== null && tokens.join('') === cqlType && parseType(tokens.map((t) => t.trim()), 0, false) === tokens.length;
  if (!valid) throw new Error(`Invalid CQL type "${cqlType}".`);
}

/** Parses one type starting at `index` and returns the index after it, or -1 when the type is malformed. */
function parseType(tokens: string[], index: number, allowInteger: boolean): number {
  const head = tokens[index];
  if (head === undefined) return -1;
  if (/^\d+$/.test(head)) return allowInteger ? index + 1 : -1;
  if (!/^[A-Za-z_]/.test(head)) return -1;
  if (tokens[index + 1] !== '<') return index + 1;

  let next = index + 2;
  for (;;) {
    next = parseType(tokens, next, true);
    if (next < 0) return -1;
    if (tokens[next] === '>') return next + 1;
    if (tokens[next] !== ',') return -1;
    next += 1;
  }
}
