/**
 * Token cursor shared by the statement, query and expression parsers.
 *
 * Besides moving through the tokens, the cursor records which keywords and symbols were tried
 * at the current token. When parsing fails, that list becomes the "expected ..." part of the
 * message and the source of "did you mean" suggestions.
 */
import type { Span } from './ast.js';
import { ParseError, type ParseErrorCode } from './errors.js';
import { isReserved, suggestKeyword } from './keywords.js';
import type { Token } from './lexer.js';

/** Deepest nesting of parentheses, subqueries and prefix operators the parser accepts. */
export const MAX_NESTING_DEPTH = 150;

/** Lists with more entries than this are moved from the message to the hint. */
const MAX_LISTED_EXPECTATIONS = 6;

const KEYWORD_LABEL = /^[A-Z]+(?: [A-Z]+)*$/;

/**
 * Operator keywords offered as spelling suggestions wherever an expression may end, although
 * they are not listed as expected: `a = 1 ADN b = 2` gets "Did you mean AND?".
 */
const OPERATOR_KEYWORDS = ['AND', 'OR', 'NOT', 'IS', 'IN', 'LIKE', 'ILIKE', 'BETWEEN'];

/** Returns `span` extended to the end of `last`. */
export function spanBetween(first: Span, last: Span): Span {
  const end = Math.max(first.offset + first.length, last.offset + last.length);
  return { offset: first.offset, line: first.line, column: first.column, length: end - first.offset };
}

/** Describes a token for a message: `'GROUP'`, `the string 'abc'` or `the end of the input`. */
export function describeToken(token: Token): string {
  if (token.kind === 'eof') return 'the end of the input';
  const image = token.image.length > 40 ? `${token.image.slice(0, 37)}...` : token.image;
  if (token.kind === 'string') return `the string ${image}`;
  return `'${image}'`;
}

function joinAlternatives(labels: readonly string[]): string {
  if (labels.length === 1) return labels[0]!;
  return `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}

export class TokenCursor {
  readonly sql: string;
  private readonly tokens: readonly Token[];
  private index = 0;
  private depth = 0;

  /** Things tried at token `expectedIndex`, as message labels. */
  private expected: string[] = [];
  private expectedIndex = -1;

  /** Index of the last word read as an alias without AS, checked for misspelled keywords. */
  private implicitAliasIndex = -1;

  /** Index of the first token of the statement being parsed. */
  private statementStart = 0;

  // Parameter numbering, reset for each statement.
  private positionalCount = 0;
  private firstNamedParameter: Token | null = null;
  private firstPositionalParameter: Token | null = null;

  constructor(sql: string, tokens: readonly Token[]) {
    this.sql = sql;
    this.tokens = tokens;
  }

  /** Starts a statement at the current token: parameter numbering restarts at 1. */
  beginStatement(): void {
    this.statementStart = this.index;
    this.positionalCount = 0;
    this.firstNamedParameter = null;
    this.firstPositionalParameter = null;
  }

  peek(ahead = 0): Token {
    const position = Math.min(this.index + ahead, this.tokens.length - 1);
    return this.tokens[position]!;
  }

  /** Returns the last consumed token of the current statement, or null at its start. */
  previous(): Token | null {
    return this.index > this.statementStart ? this.tokens[this.index - 1]! : null;
  }

  atEnd(): boolean {
    return this.peek().kind === 'eof';
  }

  advance(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index++;
    return token;
  }

  /** Marks the token just consumed as an alias written without AS. */
  markImplicitAlias(): void {
    this.implicitAliasIndex = this.index - 1;
  }

  /** Returns true when the token `ahead` is the unquoted word `keyword` (upper case). */
  isKeyword(keyword: string, ahead = 0): boolean {
    return this.peek(ahead).keyword === keyword;
  }

  isOperator(symbol: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'operator' && token.image === symbol;
  }

  /** Returns true when the token `ahead` is an unquoted word that is not reserved. */
  isNonReservedWord(ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'word' && !isReserved(token.image);
  }

  /** Adds a label to what the current token was expected to be. */
  expect(label: string): void {
    if (this.expectedIndex !== this.index) {
      this.expected = [];
      this.expectedIndex = this.index;
    }
    if (!this.expected.includes(label)) this.expected.push(label);
  }

  /** Consumes the token when it is the keyword, otherwise records the keyword as expected. */
  matchKeyword(keyword: string, label = keyword): boolean {
    if (this.isKeyword(keyword)) {
      this.advance();
      return true;
    }
    this.expect(label);
    return false;
  }

  matchOperator(symbol: string): boolean {
    if (this.isOperator(symbol)) {
      this.advance();
      return true;
    }
    this.expect(`'${symbol}'`);
    return false;
  }

  consumeKeyword(keyword: string): Token {
    if (!this.matchKeyword(keyword)) this.fail();
    return this.tokens[this.index - 1]!;
  }

  consumeOperator(symbol: string): Token {
    if (!this.matchOperator(symbol)) this.fail();
    return this.tokens[this.index - 1]!;
  }

  /** Returns the span from `start` to the end of the last consumed token. */
  spanFrom(start: Span): Span {
    const last = this.index > 0 ? this.tokens[this.index - 1]!.span : start;
    return last.offset >= start.offset ? spanBetween(start, last) : start;
  }

  /** Enters one level of nesting, failing once the input nests deeper than the limit. */
  enter(): void {
    this.depth++;
    if (this.depth > MAX_NESTING_DEPTH) {
      throw this.error(
        'PARSE_NESTING_TOO_DEEP',
        `expressions and subqueries are nested more than ${MAX_NESTING_DEPTH} levels deep`,
        this.peek().span,
        'Simplify the query, for example by moving parts of it into a WITH clause.',
      );
    }
  }

  leave(): void {
    this.depth--;
  }

  /** Returns the number for the next `?` parameter, checking that `:name` parameters are absent. */
  nextPositionalParameter(token: Token): number {
    this.firstPositionalParameter ??= token;
    if (this.firstNamedParameter !== null) this.failMixedParameters(token);
    this.positionalCount++;
    return this.positionalCount;
  }

  /** Records a `:name` parameter, checking that `?` parameters are absent. */
  noteNamedParameter(token: Token): void {
    this.firstNamedParameter ??= token;
    if (this.firstPositionalParameter !== null) this.failMixedParameters(token);
  }

  private failMixedParameters(token: Token): never {
    throw this.error(
      'PARSE_MIXED_PARAMETERS',
      `'${token.image}' mixes ? and :name parameters in one statement`,
      token.span,
      'Use either ? for every parameter or :name for every parameter.',
    );
  }

  error(code: ParseErrorCode, message: string, span: Span, hint: string | null = null): ParseError {
    return new ParseError(code, message, span, hint, this.sql);
  }

  /**
   * Throws the error for an unexpected current token. `summary` replaces the list of expected
   * things in the message. Misspelled keywords, either in the current token or in a preceding
   * word that was read as an alias, get a "did you mean" hint, and other errors get `hint`.
   */
  fail(summary?: string, hint: string | null = null): never {
    const token = this.peek();
    const labels = this.expectedIndex === this.index ? this.expected : [];
    const previous = this.previous();
    const after = previous === null ? '' : ` after ${describeToken(previous)}`;
    const found = describeToken(token);

    let message: string;
    if (summary !== undefined) {
      message = `expected ${summary}${after}, found ${found}`;
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
    if (token.kind === 'word' && !isReserved(token.image)) {
      const suggestion = suggestKeyword(token.image, keywords);
      if (suggestion !== null) {
        throw this.error('PARSE_MISSPELLED_KEYWORD', message, token.span, `Did you mean ${suggestion}?`);
      }
    }
    if (previous !== null && this.implicitAliasIndex === this.index - 1) {
      const suggestion = suggestKeyword(previous.image, keywords);
      if (suggestion !== null) {
        throw this.error(
          'PARSE_MISSPELLED_KEYWORD',
          message,
          previous.span,
          `'${previous.image}' was read as an alias. Did you mean ${suggestion}?`,
        );
      }
    }
    const code: ParseErrorCode = token.kind === 'eof' ? 'PARSE_UNEXPECTED_END' : 'PARSE_UNEXPECTED_TOKEN';
    throw this.error(code, message, token.span, hint);
  }
}
