import { SqlRuntimeError } from './errors.js';
import { lowerCase } from './text.js';

/**
 * LIKE and ILIKE patterns compiled once into a matcher. `%` matches any run of characters, `_`
 * exactly one code point. Without an ESCAPE clause every other character is literal, backslash
 * included, as in DuckDB. ILIKE lower-cases both sides per code point (see `lowerCase`).
 */

export interface LikeOptions {
  readonly caseInsensitive?: boolean;
  /** The ESCAPE character; null or '' for none. */
  readonly escape?: string | null;
}

export type LikeMatcher = (text: string) => boolean;

type Token = { readonly kind: 'literal'; readonly text: string } | { readonly kind: 'any' } | { readonly kind: 'one' };

function invalidPattern(pattern: string, detail: string): SqlRuntimeError {
  return new SqlRuntimeError('INVALID_PATTERN', `invalid LIKE pattern '${pattern}': ${detail}`, {
    hint: "escape % and _ with the ESCAPE character, for example LIKE '50\\%' ESCAPE '\\'",
  });
}

function tokenize(pattern: string, escape: string | null): Token[] {
  const tokens: Token[] = [];
  let literal = '';
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (escape !== null && char === escape) {
      const next = chars[i + 1];
      if (next === undefined) throw invalidPattern(pattern, 'it ends with the escape character');
      literal += next;
      i++;
      continue;
    }
    if (char === '%' || char === '_') {
      if (literal !== '') tokens.push({ kind: 'literal', text: literal });
      literal = '';
      const previous = tokens[tokens.length - 1];
      // Consecutive % are one.
      if (char === '%' && previous?.kind === 'any') continue;
      tokens.push(char === '%' ? { kind: 'any' } : { kind: 'one' });
      continue;
    }
    literal += char;
  }
  if (literal !== '') tokens.push({ kind: 'literal', text: literal });
  return tokens;
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

function literalText(token: Token | undefined): string | undefined {
  return token?.kind === 'literal' ? token.text : undefined;
}

function matcherOf(tokens: readonly Token[]): LikeMatcher {
  const [first, second, third] = tokens;
  if (tokens.length === 0) return (text) => text === '';
  if (tokens.length === 1) {
    if (first!.kind === 'any') return () => true;
    const exact = literalText(first);
    if (exact !== undefined) return (text) => text === exact;
  }
  if (tokens.length === 2) {
    const prefix = literalText(first);
    if (prefix !== undefined && second!.kind === 'any') return (text) => text.startsWith(prefix);
    const suffix = literalText(second);
    if (suffix !== undefined && first!.kind === 'any') return (text) => text.endsWith(suffix);
  }
  if (tokens.length === 3 && first!.kind === 'any' && third!.kind === 'any') {
    const infix = literalText(second);
    if (infix !== undefined) return (text) => text.includes(infix);
  }
  let source = '^';
  for (const token of tokens) {
    if (token.kind === 'literal') source += escapeRegExp(token.text);
    else if (token.kind === 'any') source += '.*';
    else source += '.';
  }
  // `s` lets . match line breaks; `u` makes . match one code point rather than one UTF-16 unit.
  const regex = new RegExp(`${source}$`, 'su');
  return (text) => regex.test(text);
}

/** Compiles `pattern`; raises INVALID_PATTERN for a bad escape. The matcher takes non-NULL text. */
export function compileLike(pattern: string, options: LikeOptions = {}): LikeMatcher {
  const escape = options.escape === undefined || options.escape === null || options.escape === '' ? null : options.escape;
  if (escape !== null && Array.from(escape).length !== 1) {
    throw invalidPattern(pattern, `the escape must be a single character, not '${escape}'`);
  }
  if (!options.caseInsensitive) return matcherOf(tokenize(pattern, escape));
  const matcher = matcherOf(tokenize(lowerCase(pattern), escape === null ? null : lowerCase(escape)));
  return (text) => matcher(lowerCase(text));
}

/** Evaluates `text LIKE pattern` once; NULL when either side is NULL. */
export function like(text: string | null, pattern: string | null, options: LikeOptions = {}): boolean | null {
  if (text === null || pattern === null) return null;
  return compileLike(pattern, options)(text);
}
