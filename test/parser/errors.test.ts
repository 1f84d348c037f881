/**
 * Every error the parser raises, with its code, message, hint and span. The expected span is
 * marked inside the SQL with ⟨ and ⟩, which are removed before parsing. An empty marker ⟨⟩ marks
 * an empty span, as at the end of the input.
 */
import { describe, expect, test } from 'vitest';
import { MAX_NESTING_DEPTH } from '../../src/parser/cursor.js';
import { ParseError, parse, parseQuery, type ParseErrorCode } from '../../src/parser/index.js';

interface ErrorCase {
  readonly code: ParseErrorCode;
  /** SQL with the expected span between ⟨ and ⟩. */
  readonly sql: string;
  readonly message: string;
  readonly hint: string | null;
  /** Entry point to call, `parse` when left out. */
  readonly entry?: 'parse' | 'parseQuery';
}

/** Removes the ⟨ ⟩ markers and returns the SQL with the span they enclosed. */
function unmark(marked: string): { sql: string; offset: number; length: number } {
  const open = marked.indexOf('⟨');
  const close = marked.indexOf('⟩');
  if (open < 0 || close < open) throw new Error(`no ⟨span⟩ marker in ${marked}`);
  const sql = marked.slice(0, open) + marked.slice(open + 1, close) + marked.slice(close + 1);
  return { sql, offset: open, length: close - open - 1 };
}

function lineAndColumn(sql: string, offset: number): { line: number; column: number } {
  const before = sql.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

const RESERVED_HINT = (word: string): string =>
  `${word.toUpperCase()} is a reserved word. Write "${word.toLowerCase()}" in double quotes to use it as a name.`;
const JOIN_MESSAGE = 'joins are not supported, because a query reads from a single table or subquery';
const JOIN_HINT =
  'Aggregate each table in its own query and combine the results in the application, or pre-aggregate in a subquery, as in FROM (SELECT ... GROUP BY ...) AS s, so the query reads one source.';
const CLAUSES_HINT =
  "Expected one of ',', FROM, WHERE, GROUP BY, HAVING, QUALIFY, UNION ALL, ORDER BY, LIMIT, OFFSET or ';'.";
const SUBQUERY_HINT = 'Run the subquery as its own query and pass its result to this one as a parameter.';
const DATE_HINT = "Write a date as DATE 'YYYY-MM-DD', for example DATE '2020-01-31'.";
const TIMESTAMP_HINT =
  "Write a timestamp as TIMESTAMP 'YYYY-MM-DD HH:MM:SS' with optional milliseconds, for example TIMESTAMP '2020-01-31 13:45:00.123'.";
const INTERVAL_HINT = "Write an interval as INTERVAL '7' DAY, INTERVAL 7 DAY or INTERVAL '90 minutes'.";
const FRAME_HINT = 'The frame start must not come after its end, as in ROWS BETWEEN 6 PRECEDING AND CURRENT ROW.';
const DEEP_PARENTHESES = `SELECT ${'('.repeat(MAX_NESTING_DEPTH - 1)}⟨(⟩${'('.repeat(10)}1${')'.repeat(MAX_NESTING_DEPTH + 10)}`;

const CASES: readonly ErrorCase[] = [
  // Lexical errors.
  {
    code: 'PARSE_INVALID_CHARACTER',
    sql: 'SELECT a ⟨#⟩ b FROM t',
    message: 'invalid character "#"',
    hint: 'Names with other characters must be written in double quotes, and text in single quotes.',
  },
  {
    code: 'PARSE_INVALID_CHARACTER',
    sql: 'SELECT ⟨é⟩ FROM t',
    message: 'invalid character "é"',
    hint: 'Names with other characters must be written in double quotes, and text in single quotes.',
  },
  {
    code: 'PARSE_INVALID_CHARACTER',
    sql: 'SELECT a FROM t WHERE a = ⟨:⟩ 1',
    message: 'invalid character ":"',
    hint: 'Names with other characters must be written in double quotes, and text in single quotes.',
  },
  {
    code: 'PARSE_UNTERMINATED_STRING',
    sql: "SELECT ⟨'⟩abc FROM t",
    message: 'unterminated string literal',
    hint: "Close the string with a single quote. Write '' for a quote inside the string.",
  },
  {
    code: 'PARSE_UNTERMINATED_STRING',
    sql: "SELECT 'a', ⟨'⟩it''s\nFROM t",
    message: 'unterminated string literal',
    hint: "Close the string with a single quote. Write '' for a quote inside the string.",
  },
  {
    code: 'PARSE_UNTERMINATED_IDENTIFIER',
    sql: 'SELECT ⟨"⟩abc FROM t',
    message: 'unterminated quoted identifier',
    hint: 'Close the identifier with a double quote. Write "" for a quote inside the name.',
  },
  {
    code: 'PARSE_UNTERMINATED_COMMENT',
    sql: 'SELECT 1\n⟨/*⟩ never closed\nFROM t',
    message: 'unterminated block comment',
    hint: 'Close the comment with */.',
  },
  {
    code: 'PARSE_EMPTY_IDENTIFIER',
    sql: 'SELECT ⟨""⟩ FROM t',
    message: 'a quoted identifier cannot be empty',
    hint: 'Write a name between the double quotes, or use a string literal in single quotes for text.',
  },
  {
    code: 'PARSE_INVALID_NUMBER',
    sql: 'SELECT ⟨12abc⟩ FROM t',
    message: "invalid number '12abc'",
    hint: 'Separate a number from the word after it with a space, or write an exponent as 1e3.',
  },
  {
    code: 'PARSE_INVALID_NUMBER',
    sql: 'SELECT ⟨1.2.3⟩',
    message: "invalid number '1.2.3'",
    hint: 'Separate a number from the word after it with a space, or write an exponent as 1e3.',
  },

  // Unexpected tokens.
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SELECT a FROM t WHERE a AND ⟨GROUP⟩ BY x',
    message: "expected an expression after 'AND', found 'GROUP'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SELECT a FROM t WHERE a = ⟨GROUP⟩ BY x',
    message: "expected an expression after '=', found 'GROUP'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SELECT ⟨FROM⟩ t',
    message: "expected an expression after 'SELECT', found 'FROM'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SELECT ⟨)⟩',
    message: "expected an expression after 'SELECT', found ')'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SELECT a b ⟨c⟩',
    message: "expected the next clause or the end of the statement after 'b', found 'c'",
    hint: CLAUSES_HINT,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SELECT f(a ⟨b⟩)',
    message: "expected ',' or ')' after 'a', found 'b'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SELECT a AS ⟨from⟩ t',
    message: "expected an alias after 'AS', found 'from'",
    hint: RESERVED_HINT('from'),
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SELECT * FROM ⟨order⟩',
    message: "expected a table name after 'FROM', found 'order'",
    hint: RESERVED_HINT('order'),
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SELECT * FROM (SELECT 1) ⟨WHERE⟩ x = 1',
    message: "expected AS or an alias for the subquery after ')', found 'WHERE'",
    hint: 'A subquery in FROM needs a name, as in FROM (SELECT ...) AS s.',
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SELECT CAST(x ⟨,⟩ int)',
    message: "expected AS after 'x', found ','",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SELECT CASE ⟨END⟩',
    message: "expected an expression after 'CASE', found 'END'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SELECT CASE a ⟨ELSE⟩ 1 END',
    message: "expected WHEN after 'a', found 'ELSE'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SELECT CASE WHEN a THEN 1 ⟨x⟩ END',
    message: "expected WHEN, ELSE or END after '1', found 'x'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SELECT a FROM t WHERE a IS ⟨5⟩',
    message: "expected NOT, NULL or DISTINCT FROM after 'IS', found '5'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SELECT a FROM t WHERE a IS DISTINCT ⟨b⟩',
    message: "expected FROM after 'DISTINCT', found 'b'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SELECT a FROM t WHERE a BETWEEN 1 ⟨OR⟩ 2',
    message: "expected AND after '1', found 'OR'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SELECT a FROM t WHERE a IN ⟨1⟩',
    message: "expected '(' after 'IN', found '1'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SELECT a FROM t WHERE a IN (⟨)⟩',
    message: "expected an expression after '(', found ')'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SELECT a FROM t GROUP ⟨a⟩',
    message: "expected BY after 'GROUP', found 'a'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SELECT a FROM t ORDER BY a ⟨b⟩',
    message: "expected the next clause or the end of the statement after 'a', found 'b'",
    hint: "Expected one of DESC, ASC, NULLS FIRST, NULLS LAST, ',', LIMIT, OFFSET or ';'.",
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SELECT a FROM t LIMIT 1 ⟨WHERE⟩ a = 1',
    message: "expected OFFSET or ';' after '1', found 'WHERE'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SELECT f(a.⟨*⟩)',
    message: "expected a column name after '.', found '*'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SELECT count(DISTINCT ⟨*⟩) FROM t',
    message: "expected an expression after 'DISTINCT', found '*'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SELECT sum(x) FILTER (⟨x⟩ > 1) FROM t',
    message: "expected WHERE after '(', found 'x'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SELECT sum(x) OVER (ORDER BY t ROWS BETWEEN 1 PRECEDING ⟨CURRENT⟩ ROW) FROM t',
    message: "expected AND after 'PRECEDING', found 'CURRENT'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SELECT sum(x) OVER (ROWS 1 ⟨ROW⟩) FROM t',
    message: "expected PRECEDING or FOLLOWING after '1', found 'ROW'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SELECT sum(x) OVER (ROWS UNBOUNDED ⟨ROW⟩) FROM t',
    message: "expected PRECEDING or FOLLOWING after 'UNBOUNDED', found 'ROW'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: "SELECT INTERVAL '7' ⟨parsecs⟩",
    message: "expected an interval unit such as DAY or HOUR after the string '7', found 'parsecs'",
    hint: INTERVAL_HINT,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SELECT x::⟨5⟩',
    message: "expected a type name after '::', found '5'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SELECT CAST(x AS DECIMAL(⟨p⟩))',
    message: "expected an integer after '(', found 'p'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SELECT EXTRACT(⟨1⟩ FROM t)',
    message: "expected a field such as YEAR or HOUR after '(', found '1'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'WITH a AS (SELECT 1) ⟨SHOW⟩ TABLES',
    message: "expected ',', SELECT or '(' after ')', found 'SHOW'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: '⟨foo⟩ bar',
    message: "expected a statement such as SELECT, EXPLAIN, DESCRIBE, SHOW TABLES, SET or RESET, found 'foo'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SELECT 1; ⟨42⟩',
    message: "expected a statement such as SELECT, EXPLAIN, DESCRIBE, SHOW TABLES, SET or RESET, found '42'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'EXPLAIN ⟨SHOW⟩ TABLES',
    message: "expected ANALYZE, SELECT or WITH after 'EXPLAIN', found 'SHOW'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'DESCRIBE ⟨1⟩',
    message: "expected a table name after 'DESCRIBE', found '1'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SHOW ⟨columns⟩',
    message: "expected TABLES after 'SHOW', found 'columns'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SET x ⟨5⟩',
    message: "expected '=' or TO after 'x', found '5'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SET x = ⟨on⟩ + 1',
    message: "expected an expression after '=', found 'on'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'RESET ⟨5⟩',
    message: "expected a setting name after 'RESET', found '5'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: 'SHOW TABLES ⟨x⟩',
    message: "expected ';' after 'TABLES', found 'x'",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_TOKEN',
    sql: "SELECT 'a' ⟨'b'⟩",
    message: "expected the next clause or the end of the statement after the string 'a', found the string 'b'",
    hint: `Expected one of AS, ${CLAUSES_HINT.slice('Expected one of '.length)}`,
  },

  // Unexpected end of input.
  {
    code: 'PARSE_UNEXPECTED_END',
    sql: 'SELECT a FROM t WHERE⟨⟩',
    message: "expected an expression after 'WHERE', found the end of the input",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_END',
    sql: 'SELECT (1 + 2⟨⟩',
    message: "expected ')' after '2', found the end of the input",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_END',
    sql: 'SELECT⟨⟩',
    message: "expected an expression after 'SELECT', found the end of the input",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_END',
    sql: 'SELECT a,\n  b,\n⟨⟩',
    message: "expected an expression after ',', found the end of the input",
    hint: null,
  },
  {
    code: 'PARSE_UNEXPECTED_END',
    sql: 'WITH a AS (SELECT 1)⟨⟩',
    message: "expected ',', SELECT or '(' after ')', found the end of the input",
    hint: null,
  },

  // Misspelled keywords.
  {
    code: 'PARSE_MISSPELLED_KEYWORD',
    sql: '⟨SELEC⟩ *',
    message: "expected a statement such as SELECT, EXPLAIN, DESCRIBE, SHOW TABLES, SET or RESET, found 'SELEC'",
    hint: 'Did you mean SELECT?',
  },
  {
    code: 'PARSE_MISSPELLED_KEYWORD',
    sql: 'SELECT a ⟨FORM⟩ t',
    message: "expected the next clause or the end of the statement after 'FORM', found 't'",
    hint: "'FORM' was read as an alias. Did you mean FROM?",
  },
  {
    code: 'PARSE_MISSPELLED_KEYWORD',
    sql: 'SELECT * FROM t ⟨ODER⟩ BY x',
    message: "expected the next clause or the end of the statement after 'ODER', found 'BY'",
    hint: "'ODER' was read as an alias. Did you mean ORDER?",
  },
  {
    code: 'PARSE_MISSPELLED_KEYWORD',
    sql: 'SELECT a FROM t GROUP ⟨BYY⟩ a',
    message: "expected BY after 'GROUP', found 'BYY'",
    hint: 'Did you mean BY?',
  },
  {
    code: 'PARSE_MISSPELLED_KEYWORD',
    sql: 'SELECT * FROM t ⟨WHER⟩ x = 1',
    message: "expected the next clause or the end of the statement after 'WHER', found 'x'",
    hint: "'WHER' was read as an alias. Did you mean WHERE?",
  },
  {
    code: 'PARSE_MISSPELLED_KEYWORD',
    sql: 'SELECT * FROM t WHERE x = 1 ⟨ORDR⟩ BY x',
    message: "expected the next clause or the end of the statement after '1', found 'ORDR'",
    hint: 'Did you mean ORDER?',
  },
  {
    code: 'PARSE_MISSPELLED_KEYWORD',
    sql: 'SELECT a FROM t ORDER BY a ⟨LIMT⟩ 5',
    message: "expected the next clause or the end of the statement after 'a', found 'LIMT'",
    hint: 'Did you mean LIMIT?',
  },
  {
    code: 'PARSE_MISSPELLED_KEYWORD',
    sql: 'SELECT a FROM t WHERE a = 1 ⟨ADN⟩ b = 2',
    message: "expected the next clause or the end of the statement after '1', found 'ADN'",
    hint: 'Did you mean AND?',
  },
  {
    code: 'PARSE_MISSPELLED_KEYWORD',
    sql: 'SELECT a ⟨ADN⟩ b FROM t',
    message: "expected the next clause or the end of the statement after 'ADN', found 'b'",
    hint: "'ADN' was read as an alias. Did you mean AND?",
  },
  {
    code: 'PARSE_MISSPELLED_KEYWORD',
    sql: 'SHOW ⟨TABLE⟩',
    message: "expected TABLES after 'SHOW', found 'TABLE'",
    hint: 'Did you mean TABLES?',
  },
  {
    code: 'PARSE_MISSPELLED_KEYWORD',
    sql: 'EXPLAIN ⟨ANALYSE⟩ SELECT 1',
    message: "expected ANALYZE, SELECT or WITH after 'EXPLAIN', found 'ANALYSE'",
    hint: 'Did you mean ANALYZE?',
  },

  // Joins.
  {
    code: 'PARSE_JOIN_UNSUPPORTED',
    sql: 'SELECT * FROM a ⟨JOIN⟩ b ON a.x = b.x',
    message: JOIN_MESSAGE,
    hint: JOIN_HINT,
  },
  {
    code: 'PARSE_JOIN_UNSUPPORTED',
    sql: 'SELECT * FROM a ⟨LEFT JOIN⟩ b ON a.x = b.x',
    message: JOIN_MESSAGE,
    hint: JOIN_HINT,
  },
  {
    code: 'PARSE_JOIN_UNSUPPORTED',
    sql: 'SELECT * FROM a ⟨LEFT OUTER JOIN⟩ b ON a.x = b.x',
    message: JOIN_MESSAGE,
    hint: JOIN_HINT,
  },
  {
    code: 'PARSE_JOIN_UNSUPPORTED',
    sql: 'SELECT * FROM a ⟨INNER JOIN⟩ b USING (x)',
    message: JOIN_MESSAGE,
    hint: JOIN_HINT,
  },
  {
    code: 'PARSE_JOIN_UNSUPPORTED',
    sql: 'SELECT * FROM a ⟨CROSS JOIN⟩ b',
    message: JOIN_MESSAGE,
    hint: JOIN_HINT,
  },
  {
    code: 'PARSE_JOIN_UNSUPPORTED',
    sql: 'SELECT * FROM a ⟨RIGHT JOIN⟩ b ON true',
    message: JOIN_MESSAGE,
    hint: JOIN_HINT,
  },
  {
    code: 'PARSE_JOIN_UNSUPPORTED',
    sql: 'SELECT * FROM a ⟨FULL OUTER JOIN⟩ b ON true',
    message: JOIN_MESSAGE,
    hint: JOIN_HINT,
  },
  {
    code: 'PARSE_JOIN_UNSUPPORTED',
    sql: 'SELECT * FROM (SELECT 1) s ⟨NATURAL JOIN⟩ t',
    message: JOIN_MESSAGE,
    hint: JOIN_HINT,
  },
  {
    code: 'PARSE_JOIN_UNSUPPORTED',
    sql: 'SELECT * FROM user_logs AS l ⟨join⟩ stores s ON l.store_id = s.id',
    message: JOIN_MESSAGE,
    hint: JOIN_HINT,
  },
  {
    code: 'PARSE_JOIN_UNSUPPORTED',
    sql: 'SELECT * FROM a⟨,⟩ b',
    message: 'joins are not supported, and a comma in FROM would join two sources',
    hint: JOIN_HINT,
  },

  // Set operations other than UNION ALL.
  {
    code: 'PARSE_SET_OPERATION_UNSUPPORTED',
    sql: 'SELECT 1 ⟨UNION⟩ SELECT 2',
    message: 'UNION without ALL is not supported',
    hint: 'Write UNION ALL, and remove duplicates with SELECT DISTINCT * FROM (... UNION ALL ...) AS u.',
  },
  {
    code: 'PARSE_SET_OPERATION_UNSUPPORTED',
    sql: 'SELECT 1 ⟨UNION⟩ DISTINCT SELECT 2',
    message: 'UNION without ALL is not supported',
    hint: 'Write UNION ALL, and remove duplicates with SELECT DISTINCT * FROM (... UNION ALL ...) AS u.',
  },
  {
    code: 'PARSE_SET_OPERATION_UNSUPPORTED',
    sql: 'SELECT 1 ⟨INTERSECT⟩ SELECT 2',
    message: 'INTERSECT is not supported',
    hint: 'Only UNION ALL combines queries. Compute each query separately and compare the results in the application.',
  },
  {
    code: 'PARSE_SET_OPERATION_UNSUPPORTED',
    sql: 'SELECT 1 ⟨except⟩ SELECT 2',
    message: 'EXCEPT is not supported',
    hint: 'Only UNION ALL combines queries. Compute each query separately and compare the results in the application.',
  },

  // Subqueries in expressions.
  {
    code: 'PARSE_SUBQUERY_UNSUPPORTED',
    sql: 'SELECT a FROM t WHERE a IN (⟨SELECT⟩ b FROM u)',
    message: 'subqueries in IN are not supported',
    hint: 'List the values, as in IN (1, 2, 3), or run the subquery first and pass its results as parameters.',
  },
  {
    code: 'PARSE_SUBQUERY_UNSUPPORTED',
    sql: 'SELECT (⟨SELECT⟩ max(a) FROM t)',
    message: 'subqueries in expressions are not supported',
    hint: SUBQUERY_HINT,
  },
  {
    code: 'PARSE_SUBQUERY_UNSUPPORTED',
    sql: 'SELECT * FROM t WHERE ⟨EXISTS⟩ (SELECT 1)',
    message: 'EXISTS subqueries are not supported',
    hint: SUBQUERY_HINT,
  },

  // Typed literals and intervals.
  {
    code: 'PARSE_INVALID_DATE',
    sql: "SELECT DATE ⟨'2020-13-01'⟩",
    message: "invalid DATE literal '2020-13-01' because month 13 is not between 1 and 12",
    hint: DATE_HINT,
  },
  {
    code: 'PARSE_INVALID_DATE',
    sql: "SELECT DATE ⟨'2021-02-29'⟩",
    message: "invalid DATE literal '2021-02-29' because day 29 is not between 1 and 28 for 2021-02",
    hint: DATE_HINT,
  },
  {
    code: 'PARSE_INVALID_DATE',
    sql: "SELECT DATE ⟨'01/31/2020'⟩",
    message: "invalid DATE literal '01/31/2020' because the text is not in the form YYYY-MM-DD",
    hint: DATE_HINT,
  },
  {
    code: 'PARSE_INVALID_TIMESTAMP',
    sql: "SELECT TIMESTAMP ⟨'2020-01-31 25:00:00'⟩",
    message: "invalid TIMESTAMP literal '2020-01-31 25:00:00' because hour 25 is not between 00 and 23",
    hint: TIMESTAMP_HINT,
  },
  {
    code: 'PARSE_INVALID_TIMESTAMP',
    sql: "SELECT TIMESTAMP ⟨'2020-01-31 13:60'⟩",
    message: "invalid TIMESTAMP literal '2020-01-31 13:60' because minute 60 is not between 00 and 59",
    hint: TIMESTAMP_HINT,
  },
  {
    code: 'PARSE_INVALID_TIMESTAMP',
    sql: "SELECT TIMESTAMP ⟨'2020-01-31 13:45:61'⟩",
    message: "invalid TIMESTAMP literal '2020-01-31 13:45:61' because second 61 is not between 00 and 59",
    hint: TIMESTAMP_HINT,
  },
  {
    code: 'PARSE_INVALID_TIMESTAMP',
    sql: "SELECT TIMESTAMP ⟨'2020-01-31 13:45:00.1234'⟩",
    message:
      "invalid TIMESTAMP literal '2020-01-31 13:45:00.1234' because the fraction .1234 has more than 3 digits, and timestamps are stored in milliseconds",
    hint: TIMESTAMP_HINT,
  },
  {
    code: 'PARSE_INVALID_TIMESTAMP',
    sql: "SELECT TIMESTAMP ⟨'2020-02-30 10:00:00'⟩",
    message: "invalid TIMESTAMP literal '2020-02-30 10:00:00' because day 30 is not between 1 and 29 for 2020-02",
    hint: TIMESTAMP_HINT,
  },
  {
    code: 'PARSE_INVALID_TIMESTAMP',
    sql: "SELECT TIMESTAMP ⟨'yesterday'⟩",
    message: "invalid TIMESTAMP literal 'yesterday' because the text is not in the form YYYY-MM-DD HH:MM:SS[.fff]",
    hint: TIMESTAMP_HINT,
  },
  {
    code: 'PARSE_INVALID_INTERVAL',
    sql: "SELECT INTERVAL ⟨'7 parsecs'⟩",
    message: "invalid INTERVAL '7 parsecs' because 'parsecs' is not an interval unit",
    hint: INTERVAL_HINT,
  },
  {
    code: 'PARSE_INVALID_INTERVAL',
    sql: "SELECT INTERVAL ⟨'1 month 2 days'⟩",
    message:
      "invalid INTERVAL '1 month 2 days' because years, quarters and months cannot be combined with shorter units",
    hint: INTERVAL_HINT,
  },
  {
    code: 'PARSE_INVALID_INTERVAL',
    sql: "SELECT INTERVAL ⟨'soon'⟩",
    message: "invalid INTERVAL 'soon' because the text is not a count followed by a unit, such as '90 minutes'",
    hint: INTERVAL_HINT,
  },
  {
    code: 'PARSE_INVALID_INTERVAL',
    sql: "SELECT INTERVAL ⟨''⟩",
    message: "invalid INTERVAL '' because the text is empty",
    hint: INTERVAL_HINT,
  },
  {
    code: 'PARSE_INVALID_INTERVAL',
    sql: 'SELECT INTERVAL ⟨1e3⟩ DAY',
    message: 'invalid INTERVAL count 1e3',
    hint: INTERVAL_HINT,
  },

  // Types and EXTRACT fields.
  {
    code: 'PARSE_UNKNOWN_TYPE',
    sql: 'SELECT x::⟨integr⟩',
    message: "unknown type 'integr'",
    hint: 'Did you mean INTEGER?',
  },
  {
    code: 'PARSE_UNKNOWN_TYPE',
    sql: 'SELECT CAST(x AS ⟨blob⟩)',
    message: "unknown type 'blob'",
    hint: 'The types are BOOLEAN, BIGINT, DOUBLE, TEXT, DATE, TIMESTAMP and JSON.',
  },
  {
    code: 'PARSE_UNKNOWN_EXTRACT_FIELD',
    sql: 'SELECT EXTRACT(⟨years⟩ FROM t)',
    message: "unknown EXTRACT field 'years'",
    hint: 'Did you mean YEAR?',
  },
  {
    code: 'PARSE_UNKNOWN_EXTRACT_FIELD',
    sql: 'SELECT EXTRACT(⟨century⟩ FROM t)',
    message: "unknown EXTRACT field 'century'",
    hint: 'The fields are YEAR, QUARTER, MONTH, WEEK, DAY, DOW, DOY, HOUR, MINUTE, SECOND, MILLISECOND, EPOCH.',
  },

  // Window frames.
  {
    code: 'PARSE_INVALID_WINDOW_FRAME',
    sql: 'SELECT sum(x) OVER (⟨ROWS 3 FOLLOWING⟩) FROM t',
    message: 'a window frame cannot start at n FOLLOWING and end at CURRENT ROW',
    hint: FRAME_HINT,
  },
  {
    code: 'PARSE_INVALID_WINDOW_FRAME',
    sql: 'SELECT sum(x) OVER (ORDER BY t ⟨ROWS BETWEEN UNBOUNDED FOLLOWING AND CURRENT ROW⟩) FROM t',
    message: 'a window frame cannot start at UNBOUNDED FOLLOWING',
    hint: FRAME_HINT,
  },
  {
    code: 'PARSE_INVALID_WINDOW_FRAME',
    sql: 'SELECT sum(x) OVER (⟨RANGE BETWEEN CURRENT ROW AND UNBOUNDED PRECEDING⟩) FROM t',
    message: 'a window frame cannot end at UNBOUNDED PRECEDING',
    hint: FRAME_HINT,
  },
  {
    code: 'PARSE_INVALID_WINDOW_FRAME',
    sql: 'SELECT sum(x) OVER (⟨ROWS BETWEEN 1 FOLLOWING AND 1 PRECEDING⟩) FROM t',
    message: 'a window frame cannot start at n FOLLOWING and end at n PRECEDING',
    hint: FRAME_HINT,
  },

  // Parameters, duplicate clauses and nesting.
  {
    code: 'PARSE_MIXED_PARAMETERS',
    sql: 'SELECT ?, ⟨:name⟩',
    message: "':name' mixes ? and :name parameters in one statement",
    hint: 'Use either ? for every parameter or :name for every parameter.',
  },
  {
    code: 'PARSE_MIXED_PARAMETERS',
    sql: 'SELECT a FROM t WHERE a = :a AND b = ⟨?⟩',
    message: "'?' mixes ? and :name parameters in one statement",
    hint: 'Use either ? for every parameter or :name for every parameter.',
  },
  {
    code: 'PARSE_DUPLICATE_CLAUSE',
    sql: 'SELECT 1 LIMIT 1 ⟨LIMIT⟩ 2',
    message: 'the query has two LIMIT clauses',
    hint: 'Remove one of the LIMIT clauses.',
  },
  {
    code: 'PARSE_DUPLICATE_CLAUSE',
    sql: 'SELECT 1 OFFSET 1 LIMIT 1 ⟨offset⟩ 2',
    message: 'the query has two OFFSET clauses',
    hint: 'Remove one of the OFFSET clauses.',
  },
  {
    code: 'PARSE_DUPLICATE_CLAUSE',
    sql: '(SELECT 1 LIMIT 1) ⟨LIMIT⟩ 2',
    message: 'the query in parentheses already has its own LIMIT clause',
    hint: 'Move the LIMIT clause inside or outside the parentheses, or select from the parenthesised query as a subquery.',
  },
  {
    code: 'PARSE_DUPLICATE_CLAUSE',
    sql: '(SELECT a FROM t ORDER BY a) ⟨ORDER⟩ BY a',
    message: 'the query in parentheses already has its own ORDER BY clause',
    hint: 'Move the ORDER BY clause inside or outside the parentheses, or select from the parenthesised query as a subquery.',
  },
  {
    code: 'PARSE_DUPLICATE_CLAUSE',
    sql: '(SELECT a FROM t OFFSET 1) ⟨OFFSET⟩ 2',
    message: 'the query in parentheses already has its own OFFSET clause',
    hint: 'Move the OFFSET clause inside or outside the parentheses, or select from the parenthesised query as a subquery.',
  },
  {
    code: 'PARSE_DUPLICATE_CLAUSE',
    sql: '⟨WITH⟩ a AS (SELECT 1) (WITH b AS (SELECT 2) SELECT * FROM b)',
    message: 'the query in parentheses already has its own WITH clause',
    hint: 'Move the WITH clause inside or outside the parentheses, or select from the parenthesised query as a subquery.',
  },
  {
    code: 'PARSE_NESTING_TOO_DEEP',
    sql: DEEP_PARENTHESES,
    message: `expressions and subqueries are nested more than ${MAX_NESTING_DEPTH} levels deep`,
    hint: 'Simplify the query, for example by moving parts of it into a WITH clause.',
  },

  // parseQuery accepts exactly one query.
  {
    code: 'PARSE_NOT_A_SINGLE_QUERY',
    sql: '⟨SHOW TABLES⟩',
    message: 'expected a query, found a SHOW TABLES statement',
    hint: 'Pass a single SELECT query.',
    entry: 'parseQuery',
  },
  {
    code: 'PARSE_NOT_A_SINGLE_QUERY',
    sql: 'SELECT 1; ⟨SELECT 2⟩;',
    message: 'expected one query, found 2 statements',
    hint: 'Pass a single SELECT query.',
    entry: 'parseQuery',
  },
  {
    code: 'PARSE_NOT_A_SINGLE_QUERY',
    sql: '⟨-- nothing here⟩',
    message: 'expected a query, found no statement',
    hint: 'Pass a single SELECT query.',
    entry: 'parseQuery',
  },
];

function raise(entry: 'parse' | 'parseQuery', sql: string): ParseError {
  try {
    if (entry === 'parse') parse(sql);
    else parseQuery(sql);
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error(`no error for ${JSON.stringify(sql)}`);
}

describe('parse errors', () => {
  test.each(CASES)('$code: $sql', ({ code, sql: marked, message, hint, entry = 'parse' }) => {
    const { sql, offset, length } = unmark(marked);
    const error = raise(entry, sql);
    expect(error.message).toBe(message);
    expect(error.code).toBe(code);
    expect(error.hint).toBe(hint);
    expect(error.span).toEqual({ offset, length, ...lineAndColumn(sql, offset) });
  });

  test('every error code has a case', () => {
    const codes = new Set(CASES.map((c) => c.code));
    const all: ParseErrorCode[] = [
      'PARSE_INVALID_CHARACTER',
      'PARSE_UNTERMINATED_STRING',
      'PARSE_UNTERMINATED_IDENTIFIER',
      'PARSE_UNTERMINATED_COMMENT',
      'PARSE_EMPTY_IDENTIFIER',
      'PARSE_INVALID_NUMBER',
      'PARSE_UNEXPECTED_TOKEN',
      'PARSE_UNEXPECTED_END',
      'PARSE_MISSPELLED_KEYWORD',
      'PARSE_JOIN_UNSUPPORTED',
      'PARSE_SET_OPERATION_UNSUPPORTED',
      'PARSE_SUBQUERY_UNSUPPORTED',
      'PARSE_INVALID_DATE',
      'PARSE_INVALID_TIMESTAMP',
      'PARSE_INVALID_INTERVAL',
      'PARSE_UNKNOWN_TYPE',
      'PARSE_UNKNOWN_EXTRACT_FIELD',
      'PARSE_INVALID_WINDOW_FRAME',
      'PARSE_MIXED_PARAMETERS',
      'PARSE_DUPLICATE_CLAUSE',
      'PARSE_NESTING_TOO_DEEP',
      'PARSE_NOT_A_SINGLE_QUERY',
    ];
    expect([...codes].sort()).toEqual([...all].sort());
  });

  test('messages never name chevrotain token types', () => {
    for (const { sql: marked, entry = 'parse' } of CASES) {
      const error = raise(entry, unmark(marked).sql);
      expect(error.message).not.toMatch(/Word|Operator|NamedParameter|QuotedIdentifier|EOF|-->/);
    }
  });
});

describe('error rendering', () => {
  test('render shows line, caret and hint', () => {
    const sql = 'SELECT a\nFROM t\nWHERE a AND GROUP BY x';
    const error = raise('parse', sql);
    expect(error.format()).toBe(
      [
        "3:13: expected an expression after 'AND', found 'GROUP'",
        '3 | WHERE a AND GROUP BY x',
        '  |             ^^^^^',
      ].join('\n'),
    );
  });

  test('render includes the hint line', () => {
    const error = raise('parse', 'SELECT a FROM t GROUP BYY a');
    expect(error.render('SELECT a FROM t GROUP BYY a')).toBe(
      [
        "1:23: expected BY after 'GROUP', found 'BYY'",
        '1 | SELECT a FROM t GROUP BYY a',
        '  |                       ^^^',
        'hint: Did you mean BY?',
      ].join('\n'),
    );
  });

  test('render keeps tabs aligned', () => {
    const sql = 'SELECT\ta\tFROM\tt\tWHERE';
    expect(raise('parse', sql).format().split('\n').slice(1)).toEqual([
      '1 | SELECT\ta\tFROM\tt\tWHERE',
      '  |       \t \t    \t \t     ^',
    ]);
  });

  test('render puts a caret after the last character at end of input', () => {
    expect(raise('parse', 'SELECT (1').format().split('\n').slice(1)).toEqual(['1 | SELECT (1', '  |          ^']);
  });

  test('render cuts long lines around the caret', () => {
    const sql = `SELECT ${'a + '.repeat(60)}FROM`;
    const lines = raise('parse', sql).format().split('\n');
    expect(lines[1]!.length).toBeLessThanOrEqual(110);
    expect(lines[1]).toContain('…');
    const caretColumn = lines[2]!.indexOf('^');
    expect(lines[1]!.slice(caretColumn, caretColumn + 4)).toBe('FROM');
  });

  test('render of a span over several lines underlines to the line end', () => {
    const error = raise('parse', 'SELECT sum(x) OVER (ROWS\n3 FOLLOWING) FROM t');
    expect(error.span.length).toBe(16);
    expect(error.format().split('\n').slice(1, 3)).toEqual([
      '1 | SELECT sum(x) OVER (ROWS',
      '  |                     ^^^^',
    ]);
  });
});
