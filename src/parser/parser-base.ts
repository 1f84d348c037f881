/**
 * Base class of the SQL parser: the chevrotain configuration and the state that the grammar
 * rules share while parsing one input.
 *
 * The grammar is split into layers that extend each other, each in its own file: expressions.ts
 * (operators), primary.ts (literals, names and other primary expressions), calls.ts (function
 * calls and windows), queries.ts and statements.ts. A rule used by a lower layer but defined in a
 * higher one is declared abstract in the lower layer.
 */
import { EmbeddedActionsParser, EOF, type IRecognitionException, type IToken } from 'chevrotain';
import type { Span } from './ast.js';
import { ParseError, type ParseErrorCode } from './errors.js';
import { spanOf } from './lexer.js';
import {
  ERROR_MESSAGE_PROVIDER,
  EXPECT_STATEMENT,
  expectationOf,
  tokenSpan,
  unexpectedTokenError,
  type Expectation,
} from './syntax-error.js';
import { PARSER_TOKEN_TYPES } from './tokens.js';

/** Deepest nesting of parentheses, subqueries and prefix operators the parser accepts. */
export const MAX_NESTING_DEPTH = 150;

const NESTING_HINT = 'Simplify the query, for example by moving parts of it into a WITH clause.';

/** Returns the span from the start of `first` to the end of `last`. */
export function spanBetween(first: Span, last: Span): Span {
  const end = Math.max(first.offset + first.length, last.offset + last.length);
  return { offset: first.offset, line: first.line, column: first.column, length: end - first.offset };
}

export abstract class ParserBase extends EmbeddedActionsParser {
  private sql = '';
  private depth = 0;

  /** Labels of the optional parts tried and skipped at token `recordedAt`. */
  private recorded: string[] = [];
  private recordedAt: IToken | null = null;

  /** Last word read as an alias without AS, checked for misspelled keywords. */
  private implicitAlias: IToken | null = null;

  /** First token of the statement being parsed. */
  private statementStart: IToken | null = null;

  // Parameter numbering, reset for each statement.
  private positionalCount = 0;
  private firstNamedParameter: IToken | null = null;
  private firstPositionalParameter: IToken | null = null;

  protected constructor() {
    // Recovery stays off, so a statement with a syntax error never yields a partial tree.
    super([...PARSER_TOKEN_TYPES], {
      recoveryEnabled: false,
      // Three tokens tell `t.*` from `t.a` in a select list.
      maxLookahead: 3,
      errorMessageProvider: ERROR_MESSAGE_PROVIDER,
    });
  }

  /** Sets the input for the next parse and clears the state left by the previous one. */
  protected startInput(sql: string, tokens: IToken[]): void {
    this.input = tokens;
    this.sql = sql;
    this.depth = 0;
    this.recorded = [];
    this.recordedAt = null;
    this.implicitAlias = null;
    this.statementStart = null;
  }

  /**
   * Records `labels` as expected at the next token. The grammar calls this where it tries an
   * optional part, so that an error at that token lists the part among the alternatives.
   */
  protected expecting(...labels: string[]): void {
    if (this.RECORDING_PHASE) return;
    const token = this.LA(1);
    if (this.recordedAt !== token) {
      this.recorded = [];
      this.recordedAt = token;
    }
    for (const label of labels) {
      if (!this.recorded.includes(label)) this.recorded.push(label);
    }
  }

  /** Starts a statement at the next token: parameter numbering restarts at 1. */
  protected beginStatement(): void {
    if (this.RECORDING_PHASE) return;
    this.statementStart = this.LA(1);
    this.positionalCount = 0;
    this.firstNamedParameter = null;
    this.firstPositionalParameter = null;
  }

  /** Enters one level of nesting, failing once the input nests deeper than the limit. */
  protected enterNesting(): void {
    if (this.RECORDING_PHASE) return;
    this.depth++;
    if (this.depth > MAX_NESTING_DEPTH) {
      throw this.error(
        'PARSE_NESTING_TOO_DEEP',
        `expressions and subqueries are nested more than ${MAX_NESTING_DEPTH} levels deep`,
        this.spanOfToken(this.LA(1)),
        NESTING_HINT,
      );
    }
  }

  /** Returns the error for input nested too deeply for the remaining call stack. */
  protected stackExhausted(): ParseError {
    return this.error(
      'PARSE_NESTING_TOO_DEEP',
      'expressions and subqueries are nested too deeply to parse',
      this.spanOfToken(this.LA(1)),
      NESTING_HINT,
    );
  }

  protected leaveNesting(): void {
    if (this.RECORDING_PHASE) return;
    this.depth--;
  }

  /** Marks `token` as a word read as an alias without AS. */
  protected markImplicitAlias(token: IToken): void {
    if (this.RECORDING_PHASE) return;
    this.implicitAlias = token;
  }

  /** Returns the number of the `?` parameter `token`, checking that `:name` parameters are absent. */
  protected nextPositionalParameter(token: IToken): number {
    this.firstPositionalParameter ??= token;
    if (this.firstNamedParameter !== null) this.failMixedParameters(token);
    this.positionalCount++;
    return this.positionalCount;
  }

  /** Records the `:name` parameter `token`, checking that `?` parameters are absent. */
  protected noteNamedParameter(token: IToken): void {
    this.firstNamedParameter ??= token;
    if (this.firstPositionalParameter !== null) this.failMixedParameters(token);
  }

  private failMixedParameters(token: IToken): never {
    throw this.error(
      'PARSE_MIXED_PARAMETERS',
      `'${token.image}' mixes ? and :name parameters in one statement`,
      spanOf(token),
      'Use either ? for every parameter or :name for every parameter.',
    );
  }

  /** Returns the span from `start` to the end of the last consumed token. */
  protected spanFrom(start: Span): Span {
    const last = this.LA(0);
    if (last.tokenType === EOF) return start;
    const lastSpan = spanOf(last);
    return lastSpan.offset >= start.offset ? spanBetween(start, lastSpan) : start;
  }

  /** Returns the span of a token, including the empty span of the end of the input. */
  protected spanOfToken(token: IToken): Span {
    return tokenSpan(this.sql, token);
  }

  protected error(code: ParseErrorCode, message: string, span: Span, hint: string | null = null): ParseError {
    return new ParseError(code, message, span, hint, this.sql);
  }

  /** Throws the error for an unexpected next token, naming the expectation and the labels recorded there. */
  protected failExpected(expectationKey: string): never {
    throw this.unexpectedToken(this.LA(1), this.LA(0), expectationOf(expectationKey));
  }

  /** Translates the first error chevrotain recorded into a ParseError. */
  protected translate(exception: IRecognitionException): ParseError {
    // The script rule fails this way only where a statement should start.
    if (exception.name === 'NotAllInputParsedException') {
      return this.unexpectedToken(exception.token, null, expectationOf(EXPECT_STATEMENT));
    }
    const previous = (exception as IRecognitionException & { previousToken?: IToken }).previousToken ?? null;
    return this.unexpectedToken(exception.token, previous, expectationOf(exception.message));
  }

  private unexpectedToken(token: IToken, previous: IToken | null, expectation: Expectation): ParseError {
    const atStatementStart = previous === null || previous.tokenType === EOF || token === this.statementStart;
    const before = atStatementStart ? null : previous;
    return unexpectedTokenError({
      sql: this.sql,
      token,
      previous: before,
      recorded: this.recordedAt === token ? this.recorded : [],
      expectation,
      previousIsImplicitAlias: before !== null && before === this.implicitAlias,
    });
  }
}
