import { RESERVED_WORDS } from '../../src/parser/keywords.js';

/**
 * Words the parser recognises besides the reserved ones: statement words, window and frame
 * words, type names of CAST and typed literals, and EXTRACT fields. Checked against the words
 * the parser matches in src/parser.
 */
const NON_RESERVED_KEYWORDS = [
  'ANALYZE', 'BIGINT', 'BOOL', 'BOOLEAN', 'CURRENT', 'DATE', 'DAY', 'DECIMAL', 'DESCRIBE', 'DOUBLE', 'DOW', 'DOY',
  'EPOCH', 'EXPLAIN', 'FILTER', 'FIRST', 'FLOAT', 'FOLLOWING', 'HOUR', 'INT', 'INTEGER', 'INTERVAL', 'JSON', 'LAST',
  'MILLISECOND', 'MINUTE', 'MONTH', 'NULLS', 'NUMERIC', 'OVER', 'PARTITION', 'PRECEDING', 'PRECISION', 'QUARTER',
  'RANGE', 'REAL', 'RESET', 'ROW', 'ROWS', 'SECOND', 'SET', 'SHOW', 'STRING', 'TABLES', 'TEXT', 'TIMESTAMP', 'TO',
  'UNBOUNDED', 'VARCHAR', 'WEEK', 'YEAR',
];

/** Every keyword of the dialect, upper case: highlighted in input and offered by completion. */
export const SQL_KEYWORDS: ReadonlySet<string> = new Set([...RESERVED_WORDS, ...NON_RESERVED_KEYWORDS]);

/** Words that can start a statement, offered at the start of the input. */
export const STATEMENT_STARTS: readonly string[] = ['SELECT', 'WITH', 'EXPLAIN', 'DESCRIBE', 'SHOW TABLES', 'SET', 'RESET'];

/** Keywords offered inside a query, most useful first; the rest of SQL_KEYWORDS follow them. */
export const CLAUSE_KEYWORDS: readonly string[] = [
  'FROM', 'WHERE', 'GROUP BY', 'ORDER BY', 'HAVING', 'LIMIT', 'OFFSET', 'QUALIFY', 'AND', 'OR', 'NOT', 'AS', 'IN',
  'BETWEEN', 'LIKE', 'ILIKE', 'IS NULL', 'IS NOT NULL', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'DISTINCT', 'ASC',
  'DESC', 'NULLS FIRST', 'NULLS LAST', 'OVER', 'PARTITION BY', 'FILTER', 'UNION ALL', 'INTERVAL', 'DATE', 'TIMESTAMP',
  'CAST', 'EXTRACT', 'TRUE', 'FALSE', 'NULL',
];
