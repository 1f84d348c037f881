/**
 * Token types shared by the lexer and the parser.
 *
 * The lexer reads every unquoted word as `Word`, and `lex` then gives keywords their own token
 * type from KEYWORD_TYPES. Token categories decide where a keyword may stand in for a name:
 *
 * - `Name` matches a plain word, a quoted identifier and every non-reserved keyword, so tables
 *   and columns may be called `year`, `date` or `filter` without quotes.
 * - `FunctionName` matches every `Name` and the reserved words LEFT and RIGHT, as in `left(url, 5)`.
 * - `AnyWord` matches every unquoted word, reserved or not. Type names, EXTRACT fields and
 *   interval units are read as `AnyWord` and checked by their text.
 *
 * `LABEL` is how an expected token is named in an error message: the keyword in upper case, or
 * the symbol in single quotes.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { CALLABLE_RESERVED_WORDS, RESERVED_WORDS } from './keywords.js';

// Categories. Their pattern is Lexer.NA because only their member types are lexed.
export const AnyWord = createToken({ name: 'AnyWord', pattern: Lexer.NA });
export const FunctionName = createToken({ name: 'FunctionName', pattern: Lexer.NA });
export const Name = createToken({ name: 'Name', pattern: Lexer.NA, categories: [FunctionName] });
/** Operators and punctuation, which `tokenize` reports with the kind 'operator'. */
export const Operator = createToken({ name: 'Operator', pattern: Lexer.NA });
/** Operators that `expr` combines with a left and a right operand, AND and OR included. */
export const BinaryOperator = createToken({ name: 'BinaryOperator', pattern: Lexer.NA });

// A byte order mark counts as whitespace, so text read from a file that starts with one parses.
export const Whitespace = createToken({
  name: 'Whitespace',
  pattern: /[ \t\r\n\f\v\uFEFF]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});
export const LineComment = createToken({ name: 'LineComment', pattern: /--[^\r\n]*/, group: Lexer.SKIPPED });
export const BlockComment = createToken({
  name: 'BlockComment',
  pattern: /\/\*[\s\S]*?\*\//,
  group: Lexer.SKIPPED,
  line_breaks: true,
});
// The unterminated forms match from the opening character to the end of the input, so the
// error can point at the opening quote or `/*` instead of at the end of the text.
export const UnterminatedBlockComment = createToken({
  name: 'UnterminatedBlockComment',
  pattern: /\/\*[\s\S]*/,
  line_breaks: true,
});
// The lookahead stops `'it''s` from lexing as the string 'it' followed by an unterminated
// string, because a quote directly after a closing quote is always an escaped quote.
export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: /'(?:[^']|'')*'(?!')/,
  line_breaks: true,
  start_chars_hint: ["'"],
});
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /'(?:[^']|'')*/,
  line_breaks: true,
});
export const QuotedIdentifier = createToken({
  name: 'QuotedIdentifier',
  pattern: /"(?:[^"]|"")*"(?!")/,
  line_breaks: true,
  start_chars_hint: ['"'],
  categories: [Name],
});
export const UnterminatedQuotedIdentifier = createToken({
  name: 'UnterminatedQuotedIdentifier',
  pattern: /"(?:[^"]|"")*/,
  line_breaks: true,
});
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/,
});
export const Word = createToken({ name: 'Word', pattern: /[A-Za-z_][A-Za-z0-9_]*/, categories: [AnyWord, Name] });
export const NamedParameter = createToken({ name: 'NamedParameter', pattern: /:[A-Za-z_][A-Za-z0-9_]*/ });
export const PositionalParameter = createToken({ name: 'PositionalParameter', pattern: /\?/ });

function symbol(name: string, text: string, pattern: RegExp, binary = false): TokenType {
  const categories = binary ? [Operator, BinaryOperator] : [Operator];
  return createToken({ name, pattern, label: `'${text}'`, categories });
}

// `::` precedes the parameter pattern in the lexer so that `x::int` is a cast.
export const DoubleColon = symbol('DoubleColon', '::', /::/);
export const DoubleArrow = symbol('DoubleArrow', '->>', /->>/);
export const Arrow = symbol('Arrow', '->', /->/);
export const Concat = symbol('Concat', '||', /\|\|/, true);
export const LessOrEqual = symbol('LessOrEqual', '<=', /<=/, true);
export const GreaterOrEqual = symbol('GreaterOrEqual', '>=', />=/, true);
/** `<>` or `!=`, both stored as `<>`. */
export const NotEqual = symbol('NotEqual', '<>', /<>|!=/, true);
export const DoubleSlash = symbol('DoubleSlash', '//', /\/\//, true);
export const Minus = symbol('Minus', '-', /-/, true);
export const Plus = symbol('Plus', '+', /\+/, true);
export const Star = symbol('Star', '*', /\*/, true);
export const Slash = symbol('Slash', '/', /\//, true);
export const Percent = symbol('Percent', '%', /%/, true);
export const Less = symbol('Less', '<', /</, true);
export const Greater = symbol('Greater', '>', />/, true);
export const Equals = symbol('Equals', '=', /=/, true);
export const LParen = symbol('LParen', '(', /\(/);
export const RParen = symbol('RParen', ')', /\)/);
export const Comma = symbol('Comma', ',', /,/);
export const Dot = symbol('Dot', '.', /\./);
export const Semicolon = symbol('Semicolon', ';', /;/);

/**
 * Token types the lexer tries, in order. A pattern that is a prefix of another comes after it:
 * comments before `-` and `/`, `->>` before `->` before `-`.
 */
export const LEXED_TOKEN_TYPES: readonly TokenType[] = [
  Whitespace,
  LineComment,
  BlockComment,
  UnterminatedBlockComment,
  StringLiteral,
  UnterminatedString,
  QuotedIdentifier,
  UnterminatedQuotedIdentifier,
  NumberLiteral,
  Word,
  DoubleColon,
  NamedParameter,
  PositionalParameter,
  DoubleArrow,
  Arrow,
  Concat,
  LessOrEqual,
  GreaterOrEqual,
  NotEqual,
  DoubleSlash,
  Minus,
  Plus,
  Star,
  Slash,
  Percent,
  Less,
  Greater,
  Equals,
  LParen,
  RParen,
  Comma,
  Dot,
  Semicolon,
];

const keywordTypes = new Map<string, TokenType>();

/**
 * Creates the token type of a keyword, given in upper case, and registers it in KEYWORD_TYPES.
 * A reserved word is no Name, and only LEFT and RIGHT among them are function names.
 */
function keyword(word: string, binary = false): TokenType {
  const categories = [AnyWord];
  if (!RESERVED_WORDS.has(word)) categories.push(Name);
  else if (CALLABLE_RESERVED_WORDS.has(word)) categories.push(FunctionName);
  if (binary) categories.push(BinaryOperator);
  const type = createToken({ name: word, pattern: Lexer.NA, label: word, categories });
  keywordTypes.set(word, type);
  return type;
}

// Reserved words the grammar uses.
export const All = keyword('ALL');
export const And = keyword('AND', true);
export const As = keyword('AS');
export const Asc = keyword('ASC');
export const Between = keyword('BETWEEN');
export const By = keyword('BY');
export const Case = keyword('CASE');
export const Cast = keyword('CAST');
export const Desc = keyword('DESC');
export const Distinct = keyword('DISTINCT');
export const Else = keyword('ELSE');
export const End = keyword('END');
export const Escape = keyword('ESCAPE');
export const Except = keyword('EXCEPT');
export const Exists = keyword('EXISTS');
export const Extract = keyword('EXTRACT');
export const False = keyword('FALSE');
export const From = keyword('FROM');
export const Group = keyword('GROUP');
export const Having = keyword('HAVING');
export const Ilike = keyword('ILIKE');
export const In = keyword('IN');
export const Intersect = keyword('INTERSECT');
export const Is = keyword('IS');
export const Like = keyword('LIKE');
export const Limit = keyword('LIMIT');
export const Not = keyword('NOT');
export const Null = keyword('NULL');
export const Offset = keyword('OFFSET');
export const Or = keyword('OR', true);
export const Order = keyword('ORDER');
export const Qualify = keyword('QUALIFY');
export const Select = keyword('SELECT');
export const Then = keyword('THEN');
export const True = keyword('TRUE');
export const Union = keyword('UNION');
export const When = keyword('WHEN');
export const Where = keyword('WHERE');
export const With = keyword('WITH');

// Reserved words outside the grammar, such as JOIN and ON, still get a type so they never match Name.
for (const word of RESERVED_WORDS) {
  if (!keywordTypes.has(word)) keyword(word);
}

// Non-reserved keywords: each is also a Name, and the grammar reads it as a keyword only where
// no name is possible or where the tokens after it decide.
export const Analyze = keyword('ANALYZE');
export const Current = keyword('CURRENT');
export const DateKeyword = keyword('DATE');
export const Describe = keyword('DESCRIBE');
export const Explain = keyword('EXPLAIN');
export const Filter = keyword('FILTER');
export const First = keyword('FIRST');
export const Following = keyword('FOLLOWING');
export const Interval = keyword('INTERVAL');
export const Last = keyword('LAST');
export const Nulls = keyword('NULLS');
export const Over = keyword('OVER');
export const Partition = keyword('PARTITION');
export const Preceding = keyword('PRECEDING');
export const Precision = keyword('PRECISION');
export const Range = keyword('RANGE');
export const Reset = keyword('RESET');
export const Row = keyword('ROW');
export const Rows = keyword('ROWS');
export const SetKeyword = keyword('SET');
export const Show = keyword('SHOW');
export const Tables = keyword('TABLES');
export const Timestamp = keyword('TIMESTAMP');
export const To = keyword('TO');
export const Unbounded = keyword('UNBOUNDED');

/** Token type of each keyword, by its upper-case text. */
export const KEYWORD_TYPES: ReadonlyMap<string, TokenType> = keywordTypes;

/** Every token type the parser can meet: lexed types, keywords and categories. */
export const PARSER_TOKEN_TYPES: readonly TokenType[] = [
  ...LEXED_TOKEN_TYPES,
  ...keywordTypes.values(),
  AnyWord,
  FunctionName,
  Name,
  Operator,
  BinaryOperator,
];
