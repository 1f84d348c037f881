import { ParseError, type ParseErrorCode } from '../../src/parser/index.js';
import { tokenize, type TokenKind } from '../../src/parser/lexer.js';

/**
 * Kinds of text in a scanned statement: the parser's token kinds, plus the comments it skips and
 * the pieces it rejects (unterminated strings, identifiers and comments, invalid characters).
 */
export type ScanKind =
  | Exclude<TokenKind, 'eof'>
  | 'comment'
  | 'unterminated_string'
  | 'unterminated_identifier'
  | 'unterminated_comment'
  | 'invalid';

export interface ScannedToken {
  readonly kind: ScanKind;
  /** Offset of the first character in the scanned text (UTF-16 code units). */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
  readonly text: string;
  /** Upper-cased text of an unquoted word, null for every other kind. */
  readonly keyword: string | null;
}

/**
 * Splits text that is being typed into tokens with the parser's lexer, keeping comments and
 * never throwing: where the lexer rejects the text, the rejected piece becomes one token (an
 * unterminated string runs to the end of the text) and lexing resumes after it.
 * Whitespace is not returned.
 */
export function scanSql(text: string): ScannedToken[] {
  const tokens: ScannedToken[] = [];
  scanRange(text, 0, tokens);
  return tokens;
}

function scanRange(text: string, base: number, out: ScannedToken[]): void {
  if (text === '') return;
  let lexed;
  try {
    lexed = tokenize(text);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    scanAroundError(text, base, error, out);
    return;
  }

  let position = 0;
  for (const token of lexed) {
    if (token.kind === 'eof') break;
    pushComments(text, position, token.span.offset, base, out);
    const start = token.span.offset;
    const end = start + token.image.length;
    out.push({ kind: token.kind, start: base + start, end: base + end, text: token.image, keyword: token.keyword });
    position = end;
  }
  pushComments(text, position, text.length, base, out);
}

/** Kinds of the piece a lexer error points at, for errors after which lexing cannot go on. */
const UNTERMINATED: Partial<Record<ParseErrorCode, ScanKind>> = {
  PARSE_UNTERMINATED_STRING: 'unterminated_string',
  PARSE_UNTERMINATED_IDENTIFIER: 'unterminated_identifier',
  PARSE_UNTERMINATED_COMMENT: 'unterminated_comment',
};

function scanAroundError(text: string, base: number, error: ParseError, out: ScannedToken[]): void {
  const at = Math.min(error.span.offset, text.length);
  // The lexer reports the first problem, so the text before it lexes without error.
  scanRange(text.slice(0, at), base, out);

  const unterminated = UNTERMINATED[error.code];
  if (unterminated !== undefined) {
    out.push({ kind: unterminated, start: base + at, end: base + text.length, text: text.slice(at), keyword: null });
    return;
  }

  const length = Math.max(1, error.span.length);
  const kind: ScanKind = error.code === 'PARSE_EMPTY_IDENTIFIER' ? 'quoted_identifier' : 'invalid';
  out.push({ kind, start: base + at, end: base + at + length, text: text.slice(at, at + length), keyword: null });
  scanRange(text.slice(at + length), base + at + length, out);
}

/** Adds the comments in `text[from, to)`, a stretch the lexer skipped as whitespace and comments. */
function pushComments(text: string, from: number, to: number, base: number, out: ScannedToken[]): void {
  let i = from;
  while (i < to) {
    if (text.startsWith('--', i)) {
      const newline = text.slice(i, to).search(/[\r\n]/);
      const end = newline < 0 ? to : i + newline;
      out.push({ kind: 'comment', start: base + i, end: base + end, text: text.slice(i, end), keyword: null });
      i = end;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 || close + 2 > to ? to : close + 2;
      out.push({ kind: 'comment', start: base + i, end: base + end, text: text.slice(i, end), keyword: null });
      i = end;
    } else {
      i++;
    }
  }
}
