/**
 * Messages for tokens the grammar does not accept: "expected X after Y, found Z", with a
 * "did you mean" hint for misspelled keywords.
 *
 * The parser names what it expected in two ways. Clauses and keywords that it tried and skipped
 * at a token are recorded while parsing (see `ParserBase.expecting`). The production that then
 * failed names itself through chevrotain's exception: the expected token's LABEL, the first
 * tokens of the alternatives, or the ERR_MSG of the production, which is the key of an
 * Expectation below.
 */
import { EOF, tokenMatcher, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';
import type { Span } from './ast.js';
import { ParseError, type ParseErrorCode } from './errors.js';
import { isReserved, suggestKeyword } from './keywords.js';
import { spanAt, spanOf } from './lexer.js';
import { AnyWord, StringLiteral } from './tokens.js';

/** Lists with more entries than this are moved from the message to the hint. */
const MAX_LISTED_EXPECTATIONS = 6;

const KEYWORD_LABEL = /^[A-Z]+(?: [A-Z]+)*$/;

/**
 * Operator keywords offered as spelling suggestions wherever an expression may end, although
 * they are not listed as expected: `a = 1 ADN b = 2` gets "Did you mean AND?".
 */
const OPERATOR_KEYWORDS = ['AND', 'OR', 'NOT', 'IS', 'IN', 'LIKE', 'ILIKE', 'BETWEEN'];

/** Description of what a production expects, for productions whose tokens do not name it well. */
export interface Expectation {
  /** Replaces the list of expected things in the message, as in "expected an expression". */
  readonly summary: string | null;
  /** Labels added to the list of expected things, and offered as spelling suggestions. */
  readonly labels: readonly string[];
  readonly hint: string | null;
  /** Whether a reserved word found here gets a hint to quote it, because a name was expected. */
  readonly nameExpected: boolean;
}

const expectations = new Map<string, Expectation>();

/**
 * Registers an expectation and returns its key, which the grammar passes as ERR_MSG. The key is
 * the summary, or the labels when there is no summary.
 */
function defineExpectation(spec: Partial<Expectation>): string {
  const expectation: Expectation = {
    summary: spec.summary ?? null,
    labels: spec.labels ?? [],
    hint: spec.hint ?? null,
    nameExpected: spec.nameExpected ?? false,
  };
  const key = expectation.summary ?? expectation.labels.join('\n');
  expectations.set(key, expectation);
  return key;
}

function defineName(summary: string): string {
  return defineExpectation({ summary, labels: [summary], nameExpected: true });
}

export const INTERVAL_HINT = "Write an interval as INTERVAL '7' DAY, INTERVAL 7 DAY or INTERVAL '90 minutes'.";

export const EXPECT_EXPRESSION = defineExpectation({ summary: 'an expression' });
export const EXPECT_COLUMN_NAME = defineName('a column name');
export const EXPECT_TABLE_NAME = defineName('a table name');
export const EXPECT_ALIAS = defineName('an alias');
export const EXPECT_CTE_NAME = defineName('a name for the WITH query');
export const EXPECT_SETTING_NAME = defineName('a setting name');
export const EXPECT_SUBQUERY_ALIAS = defineExpectation({
  labels: ['an alias for the subquery'],
  hint: 'A subquery in FROM needs a name, as in FROM (SELECT ...) AS s.',
});
export const EXPECT_TYPE_NAME = defineExpectation({ summary: 'a type name' });
export const EXPECT_INTEGER = defineExpectation({ summary: 'an integer' });
export const EXPECT_EXTRACT_FIELD = defineExpectation({ summary: 'a field such as YEAR or HOUR' });
export const EXPECT_INTERVAL_UNIT = defineExpectation({
  summary: 'an interval unit such as DAY or HOUR',
  labels: ['an interval unit'],
  hint: INTERVAL_HINT,
});
export const EXPECT_NULL_OR_DISTINCT = defineExpectation({ labels: ['NULL', 'DISTINCT FROM'] });
/** A query after EXPLAIN. A parenthesised query is accepted but not offered. */
export const EXPECT_EXPLAINED_QUERY = defineExpectation({ labels: ['SELECT', 'WITH'] });
export const EXPECT_STATEMENT = defineExpectation({
  summary: 'a statement such as SELECT, EXPLAIN, DESCRIBE, SHOW TABLES, SET or RESET',
  labels: ['SELECT', 'WITH', 'EXPLAIN', 'DESCRIBE', 'SHOW TABLES', 'SET', 'RESET'],
});

/** Returns the expectation of a chevrotain exception message made by the provider below. */
export function expectationOf(message: string): Expectation {
  const known = expectations.get(message);
  if (known !== undefined) return known;
  const labels = message === '' ? [] : message.split('\n');
  return { summary: null, labels, hint: null, nameExpected: false };
}

function labelOf(type: TokenType): string | null {
  return typeof type.LABEL === 'string' ? type.LABEL : null;
}

/** Returns the labels of the first token of each path, without repeats, as one message. */
function firstTokenLabels(paths: readonly (readonly TokenType[])[]): string {
  const labels: string[] = [];
  for (const path of paths) {
    const label = path[0] === undefined ? null : labelOf(path[0]);
    if (label !== null && !labels.includes(label)) labels.push(label);
  }
  return labels.join('\n');
}

/**
 * Builds the message of each chevrotain exception as a key for `expectationOf`: the ERR_MSG of
 * the production when it has one, otherwise the labels of the tokens it could start with.
 */
export const ERROR_MESSAGE_PROVIDER: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected }) => labelOf(expected) ?? '',
  buildNotAllInputParsedMessage: () => '',
  buildNoViableAltMessage: ({ expectedPathsPerAlt, customUserDescription }) =>
    customUserDescription ?? firstTokenLabels(expectedPathsPerAlt.flat()),
  buildEarlyExitMessage: ({ expectedIterationPaths, customUserDescription }) =>
    customUserDescription ?? firstTokenLabels(expectedIterationPaths),
};

/** Returns the span of a token, or an empty span at the end of `sql` for the end of the input. */
export function tokenSpan(sql: string, token: IToken): Span {
  return token.tokenType === EOF ? spanAt(sql, sql.length, 0) : spanOf(token);
}

/** Describes a token for a message: `'GROUP'`, `the string 'abc'` or `the end of the input`. */
export function describeToken(token: IToken): string {
  if (token.tokenType === EOF) return 'the end of the input';
  const image = token.image.length > 40 ? `${token.image.slice(0, 37)}...` : token.image;
  if (token.tokenType === StringLiteral) return `the string ${image}`;
  return `'${image}'`;
}

function joinAlternatives(labels: readonly string[]): string {
  if (labels.length === 1) return labels[0]!;
  return `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}

function isUnreservedWord(token: IToken): boolean {
  return tokenMatcher(token, AnyWord) && !isReserved(token.image);
}

export interface UnexpectedToken {
  readonly sql: string;
  readonly token: IToken;
  /** Token before `token` in the same statement, or null at the start of a statement. */
  readonly previous: IToken | null;
  /** Labels recorded at `token` while parsing, in the order they were tried. */
  readonly recorded: readonly string[];
  readonly expectation: Expectation;
  /** Whether `previous` is a word read as an alias without AS. */
  readonly previousIsImplicitAlias: boolean;
}

/**
 * Returns the error for a token the parser cannot accept. Misspelled keywords, either in the
 * token itself or in a preceding word that was read as an alias, get a "did you mean" hint.
 */
export function unexpectedTokenError(input: UnexpectedToken): ParseError {
  const { sql, token, previous, expectation } = input;
  const labels = [...input.recorded];
  for (const label of expectation.labels) {
    if (!labels.includes(label)) labels.push(label);
  }
  const after = previous === null ? '' : ` after ${describeToken(previous)}`;
  const found = describeToken(token);

  let hint = expectation.hint;
  if (hint === null && expectation.nameExpected && tokenMatcher(token, AnyWord) && isReserved(token.image)) {
    // A reserved word in a name position is usually a name that needs quoting.
    hint = `${token.image.toUpperCase()} is a reserved word. Write "${token.image.toLowerCase()}" in double quotes to use it as a name.`;
  }

  let message: string;
  if (expectation.summary !== null) {
    message = `expected ${expectation.summary}${after}, found ${found}`;
  } else if (labels.length === 0) {
    message = `unexpected ${found}${after}`;
  } else if (labels.length > MAX_LISTED_EXPECTATIONS) {
    message = `expected the next clause or the end of the statement${after}, found ${found}`;
    hint ??= `Expected one of ${joinAlternatives(labels)}.`;
  } else {
    message = `expected ${joinAlternatives(labels)}${after}, found ${found}`;
  }

  const keywords = labels.filter((label) => KEYWORD_LABEL.test(label)).map((label) => label.split(' ')[0]!);
  keywords.push(...OPERATOR_KEYWORDS);
  // A reserved word is a real keyword in the wrong place, not a misspelling.
  if (isUnreservedWord(token)) {
    const suggestion = suggestKeyword(token.image, keywords);
    if (suggestion !== null) {
      return new ParseError('PARSE_MISSPELLED_KEYWORD', message, spanOf(token), `Did you mean ${suggestion}?`, sql);
    }
  }
  if (previous !== null && input.previousIsImplicitAlias) {
    const suggestion = suggestKeyword(previous.image, keywords);
    if (suggestion !== null) {
      return new ParseError(
        'PARSE_MISSPELLED_KEYWORD',
        message,
        spanOf(previous),
        `'${previous.image}' was read as an alias. Did you mean ${suggestion}?`,
        sql,
      );
    }
  }
  const code: ParseErrorCode = token.tokenType === EOF ? 'PARSE_UNEXPECTED_END' : 'PARSE_UNEXPECTED_TOKEN';
  return new ParseError(code, message, tokenSpan(sql, token), hint, sql);
}
