/**
 * Lexing: `lex` returns the chevrotain tokens the parser reads, and `tokenize` returns the same
 * tokens in the simpler `Token` form for other tools, such as the REPL's syntax highlighter.
 */
import { Lexer, tokenMatcher, type IToken } from 'chevrotain';
import type { Span } from './ast.js';
import { ParseError } from './errors.js';
import {
  AnyWord,
  KEYWORD_TYPES,
  LEXED_TOKEN_TYPES,
  NamedParameter,
  NumberLiteral,
  Operator,
  PositionalParameter,
  QuotedIdentifier,
  StringLiteral,
  UnterminatedBlockComment,
  UnterminatedQuotedIdentifier,
  UnterminatedString,
  Word,
} from './tokens.js';

/**
 * Kinds of tokens for tools outside the parser. Keywords have no kind of their own: a `word`
 * carries its upper-cased text in `keyword`.
 */
export type TokenKind =
  | 'word'
  | 'quoted_identifier'
  | 'string'
  | 'number'
  | 'named_parameter'
  | 'positional_parameter'
  | 'operator'
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** Source text of the token, with quotes for strings and quoted identifiers. */
  readonly image: string;
  /** Upper-cased image of an unquoted word, null for every other kind. */
  readonly keyword: string | null;
  readonly span: Span;
}

// The lexer is built once, because constructing it validates and analyses every pattern.
const lexer = new Lexer([...LEXED_TOKEN_TYPES], {
  positionTracking: 'full',
  recoveryEnabled: false,
  ensureOptimizations: false,
});

/** Returns the line and column (both 1-based) of `offset` in `text`. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Returns a span of `length` characters starting at `offset` of `text`. */
export function spanAt(text: string, offset: number, length: number): Span {
  const { line, column } = positionAt(text, offset);
  return { offset, line, column, length };
}

/** Returns the span of a lexed token. */
export function spanOf(token: IToken): Span {
  return {
    offset: token.startOffset,
    line: token.startLine ?? 1,
    column: token.startColumn ?? 1,
    length: token.image.length,
  };
}

/** Throws the error for a token that is lexed only to report it, such as an unterminated string. */
function checkToken(token: IToken, sql: string): void {
  switch (token.tokenType) {
    case QuotedIdentifier:
      if (token.image.length === 2) {
        throw new ParseError(
          'PARSE_EMPTY_IDENTIFIER',
          'a quoted identifier cannot be empty',
          spanOf(token),
          'Write a name between the double quotes, or use a string literal in single quotes for text.',
          sql,
        );
      }
      return;
    case UnterminatedString:
      throw new ParseError(
        'PARSE_UNTERMINATED_STRING',
        'unterminated string literal',
        { ...spanOf(token), length: 1 },
        "Close the string with a single quote. Write '' for a quote inside the string.",
        sql,
      );
    case UnterminatedQuotedIdentifier:
      throw new ParseError(
        'PARSE_UNTERMINATED_IDENTIFIER',
        'unterminated quoted identifier',
        { ...spanOf(token), length: 1 },
        'Close the identifier with a double quote. Write "" for a quote inside the name.',
        sql,
      );
    case UnterminatedBlockComment:
      throw new ParseError(
        'PARSE_UNTERMINATED_COMMENT',
        'unterminated block comment',
        { ...spanOf(token), length: 2 },
        'Close the comment with */.',
        sql,
      );
    default:
  }
}

/**
 * Splits `sql` into the tokens the parser reads, dropping whitespace and comments. Keywords get
 * their own token type from KEYWORD_TYPES, and every other word stays a `Word`. Throws
 * ParseError on a character that starts no token, on unterminated strings, quoted identifiers
 * and block comments, on the empty quoted identifier and on a number run into a word such as
 * `12abc`.
 */
export function lex(sql: string): IToken[] {
  const result = lexer.tokenize(sql);
  const tokens = result.tokens;
  for (const token of tokens) {
    checkToken(token, sql);
    if (token.tokenType === Word) {
      const keyword = KEYWORD_TYPES.get(token.image.toUpperCase());
      if (keyword !== undefined) {
        token.tokenType = keyword;
        token.tokenTypeIdx = keyword.tokenTypeIdx!;
      }
    }
  }

  // With recovery disabled the lexer stops at the first character it cannot match, so its
  // tokens all precede the error and any unterminated token among them is reported first.
  const lexError = result.errors[0];
  if (lexError !== undefined) {
    const character = String.fromCodePoint(sql.codePointAt(lexError.offset) ?? 0);
    throw new ParseError(
      'PARSE_INVALID_CHARACTER',
      `invalid character ${JSON.stringify(character)}`,
      spanAt(sql, lexError.offset, character.length),
      'Names with other characters must be written in double quotes, and text in single quotes.',
      sql,
    );
  }

  for (let i = 0; i + 1 < tokens.length; i++) {
    const current = tokens[i]!;
    const next = tokens[i + 1]!;
    const adjacent = current.startOffset + current.image.length === next.startOffset;
    const nextIsWordOrNumber = tokenMatcher(next, AnyWord) || next.tokenType === NumberLiteral;
    if (current.tokenType === NumberLiteral && adjacent && nextIsWordOrNumber) {
      throw new ParseError(
        'PARSE_INVALID_NUMBER',
        `invalid number '${current.image}${next.image}'`,
        { ...spanOf(current), length: current.image.length + next.image.length },
        'Separate a number from the word after it with a space, or write an exponent as 1e3.',
        sql,
      );
    }
  }
  return tokens;
}

function kindOf(token: IToken): TokenKind {
  if (tokenMatcher(token, AnyWord)) return 'word';
  if (tokenMatcher(token, Operator)) return 'operator';
  switch (token.tokenType) {
    case QuotedIdentifier:
      return 'quoted_identifier';
    case StringLiteral:
      return 'string';
    case NumberLiteral:
      return 'number';
    case NamedParameter:
      return 'named_parameter';
    case PositionalParameter:
      return 'positional_parameter';
    default:
      throw new Error(`lexer produced an unknown token type ${token.tokenType.name}`);
  }
}

/**
 * Splits `sql` into tokens, dropping whitespace and comments, and appends an `eof` token.
 * Throws ParseError where `lex` does.
 */
export function tokenize(sql: string): Token[] {
  const tokens: Token[] = lex(sql).map((token) => {
    const kind = kindOf(token);
    const keyword = kind === 'word' ? token.image.toUpperCase() : null;
    return { kind, image: token.image, keyword, span: spanOf(token) };
  });
  tokens.push({
    kind: 'eof',
    image: '',
    keyword: null,
    span: spanAt(sql, sql.length, 0),
  });
  return tokens;
}
