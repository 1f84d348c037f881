/** Reading identifiers: case folding, quoted names and the reserved-word check. */
import type { TokenCursor } from './cursor.js';
import type { Token } from './lexer.js';

/** Returns the name a token denotes: unquoted words in lower case, quoted names as written. */
export function identifierValue(token: Token): string {
  if (token.kind === 'quoted_identifier') return token.image.slice(1, -1).replaceAll('""', '"');
  return token.image.toLowerCase();
}

/** Returns true when the token `ahead` can be read as a name: a non-reserved word or a quoted name. */
export function isIdentifierAt(p: TokenCursor, ahead = 0): boolean {
  return p.isNonReservedWord(ahead) || p.peek(ahead).kind === 'quoted_identifier';
}

/**
 * Reads a name, failing with "expected `label`" when the current token is not one. A reserved
 * word fails too, with a hint to quote it.
 */
export function parseIdentifier(p: TokenCursor, label: string): { name: string; token: Token } {
  if (isIdentifierAt(p)) {
    const token = p.advance();
    return { name: identifierValue(token), token };
  }
  const token = p.peek();
  p.expect(label);
  if (token.kind === 'word') {
    // A reserved word in a name position is usually a name that needs quoting.
    const hint = `${token.image.toUpperCase()} is a reserved word. Write "${token.image.toLowerCase()}" in double quotes to use it as a name.`;
    return p.fail(label, hint);
  }
  return p.fail(label);
}
