import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';
import type { Span } from './ast.js';
import { ParseError } from './errors.js';

/**
 * Token categories the parser distinguishes. Keywords are not separate token types. A `word`
 * carries its upper-cased text in `keyword`, and the parser decides from its position whether
 * the word acts as a keyword or as a name.
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

// A byte order mark counts as whitespace, so text read from a file that starts with one parses.
const whitespace = createToken({
  name: 'Whitespace',
  pattern: /[ \t\r\n\f\v\uFEFF]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});
const lineComment = createToken({ name: 'LineComment', pattern: /--[^\r\n]*/, group: Lexer.SKIPPED });
const blockComment = createToken({
  name: 'BlockComment',
  pattern: /\/\*[\s\S]*?\*\//,
  group: Lexer.SKIPPED,
  line_breaks: true,
});
// The unterminated forms match from the opening character to the end of the input, so the
// error can point at the opening quote or `/*` instead of at the end of the text.
const unterminatedBlockComment = createToken({
  name: 'UnterminatedBlockComment',
  pattern: /\/\*[\s\S]*/,
  line_breaks: true,
});
// The lookahead stops `'it''s` from lexing as the string 'it' followed by an unterminated
// string, because a quote directly after a closing quote is always an escaped quote.
const string = createToken({
  name: 'String',
  pattern: /'(?:[^']|'')*'(?!')/,
  line_breaks: true,
  start_chars_hint: ["'"],
});
const unterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /'(?:[^']|'')*/,
  line_breaks: true,
});
const quotedIdentifier = createToken({
  name: 'QuotedIdentifier',
  pattern: /"(?:[^"]|"")*"(?!")/,
  line_breaks: true,
  start_chars_hint: ['"'],
});
const unterminatedQuotedIdentifier = createToken({
  name: 'UnterminatedQuotedIdentifier',
  pattern: /"(?:[^"]|"")*/,
  line_breaks: true,
});
const number = createToken({
  name: 'Number',
  pattern: /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/,
});
const word = createToken({ name: 'Word', pattern: /[A-Za-z_][A-Za-z0-9_]*/ });
// `::` comes before the parameter pattern so that `x::int` is a cast.
const doubleColon = createToken({ name: 'DoubleColon', pattern: /::/ });
const namedParameter = createToken({ name: 'NamedParameter', pattern: /:[A-Za-z_][A-Za-z0-9_]*/ });
const positionalParameter = createToken({ name: 'PositionalParameter', pattern: /\?/ });
// Longer operators come before their prefixes: `->>` before `->` before `-`.
const operator = createToken({
  name: 'Operator',
  pattern: /->>|->|\|\||<=|>=|<>|!=|\/\/|[-+*\/%<>=(),.;]/,
});

const TOKEN_TYPES: TokenType[] = [
  whitespace,
  lineComment,
  blockComment,
  unterminatedBlockComment,
  string,
  unterminatedString,
  quotedIdentifier,
  unterminatedQuotedIdentifier,
  number,
  word,
  doubleColon,
  namedParameter,
  positionalParameter,
  operator,
];

// The lexer is built once, because constructing it validates and analyses every pattern.
const lexer = new Lexer(TOKEN_TYPES, {
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

function tokenSpan(token: IToken): Span {
  return {
    offset: token.startOffset,
    line: token.startLine ?? 1,
    column: token.startColumn ?? 1,
    length: token.image.length,
  };
}

function convert(token: IToken, sql: string): Token {
  const span = tokenSpan(token);
  switch (token.tokenType) {
    case word:
      return { kind: 'word', image: token.image, keyword: token.image.toUpperCase(), span };
    case quotedIdentifier:
      if (token.image.length === 2) {
        throw new ParseError(
          'PARSE_EMPTY_IDENTIFIER',
          'a quoted identifier cannot be empty',
          span,
          'Write a name between the double quotes, or use a string literal in single quotes for text.',
          sql,
        );
      }
      return { kind: 'quoted_identifier', image: token.image, keyword: null, span };
    case string:
      return { kind: 'string', image: token.image, keyword: null, span };
    case number:
      return { kind: 'number', image: token.image, keyword: null, span };
    case namedParameter:
      return { kind: 'named_parameter', image: token.image, keyword: null, span };
    case positionalParameter:
      return { kind: 'positional_parameter', image: token.image, keyword: null, span };
    case doubleColon:
    case operator:
      return { kind: 'operator', image: token.image, keyword: null, span };
    case unterminatedString:
      throw new ParseError(
        'PARSE_UNTERMINATED_STRING',
        'unterminated string literal',
        { ...span, length: 1 },
        "Close the string with a single quote. Write '' for a quote inside the string.",
        sql,
      );
    case unterminatedQuotedIdentifier:
      throw new ParseError(
        'PARSE_UNTERMINATED_IDENTIFIER',
        'unterminated quoted identifier',
        { ...span, length: 1 },
        'Close the identifier with a double quote. Write "" for a quote inside the name.',
        sql,
      );
    case unterminatedBlockComment:
      throw new ParseError(
        'PARSE_UNTERMINATED_COMMENT',
        'unterminated block comment',
        { ...span, length: 2 },
        'Close the comment with */.',
        sql,
      );
    default:
      throw new Error(`lexer produced an unknown token type ${token.tokenType.name}`);
  }
}

/**
 * Splits `sql` into tokens, dropping whitespace and comments, and appends an `eof` token.
 * Throws ParseError on a character that starts no token, on unterminated strings, quoted
 * identifiers and block comments, and on a number run into a word such as `12abc`.
 */
export function tokenize(sql: string): Token[] {
  const result = lexer.tokenize(sql);
  const tokens: Token[] = [];
  for (const raw of result.tokens) {
    tokens.push(convert(raw, sql));
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
    const adjacent = current.span.offset + current.span.length === next.span.offset;
    if (current.kind === 'number' && adjacent && (next.kind === 'word' || next.kind === 'number')) {
      throw new ParseError(
        'PARSE_INVALID_NUMBER',
        `invalid number '${current.image}${next.image}'`,
        { ...current.span, length: current.image.length + next.image.length },
        'Separate a number from the word after it with a space, or write an exponent as 1e3.',
        sql,
      );
    }
  }

  tokens.push({
    kind: 'eof',
    image: '',
    keyword: null,
    span: spanAt(sql, sql.length, 0),
  });
  return tokens;
}
