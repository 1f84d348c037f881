/** Case folding of identifiers. */
import type { IToken } from 'chevrotain';
import { QuotedIdentifier } from './tokens.js';

/** Returns the name a token denotes: unquoted words in lower case, quoted names as written. */
export function identifierValue(token: IToken): string {
  if (token.tokenType === QuotedIdentifier) return token.image.slice(1, -1).replaceAll('""', '"');
  return token.image.toLowerCase();
}
