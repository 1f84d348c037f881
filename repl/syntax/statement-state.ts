import { scanSql, type ScannedToken } from './scan.js';

/** What Enter does with the text typed so far. */
export type InputState =
  /** Only whitespace and comments. */
  | { readonly kind: 'empty' }
  /** A meta-command line such as `\dt`; it runs without a `;`. */
  | { readonly kind: 'meta' }
  /** One or more statements, the last one ended by `;`. */
  | { readonly kind: 'complete' }
  /** A statement still being typed; `open` is what is left open at the end of the text. */
  | { readonly kind: 'incomplete'; readonly open: OpenConstruct };

/** The construct an unfinished statement ends inside, shown in the continuation prompt. */
export type OpenConstruct = 'string' | 'identifier' | 'comment' | 'parenthesis' | 'none';

/**
 * Classifies typed text: a statement is complete once a `;` outside strings, quoted identifiers
 * and comments ends it, with nothing but whitespace and comments after that `;`.
 */
export function inputState(text: string): InputState {
  if (/^\s*\\/.test(text)) return { kind: 'meta' };
  const tokens = scanSql(text);
  const significant = tokens.filter((token) => token.kind !== 'comment');
  const last = tokens[tokens.length - 1];
  if (last?.kind === 'unterminated_comment') return { kind: 'incomplete', open: 'comment' };
  if (significant.length === 0) return { kind: 'empty' };

  const lastSignificant = significant[significant.length - 1]!;
  if (lastSignificant.kind === 'unterminated_string') return { kind: 'incomplete', open: 'string' };
  if (lastSignificant.kind === 'unterminated_identifier') return { kind: 'incomplete', open: 'identifier' };
  if (lastSignificant.kind === 'operator' && lastSignificant.text === ';') return { kind: 'complete' };
  return { kind: 'incomplete', open: parenthesisDepth(significant) > 0 ? 'parenthesis' : 'none' };
}

/** Counts the parentheses left open by the statement after the last `;`. */
function parenthesisDepth(tokens: readonly ScannedToken[]): number {
  let depth = 0;
  for (const token of tokens) {
    if (token.kind !== 'operator') continue;
    if (token.text === ';') depth = 0;
    else if (token.text === '(') depth++;
    else if (token.text === ')') depth = Math.max(0, depth - 1);
  }
  return depth;
}

/** The character that stands for an open construct in the continuation prompt, as psql shows it. */
export function continuationMarker(open: OpenConstruct): string {
  switch (open) {
    case 'string':
      return "'";
    case 'identifier':
      return '"';
    case 'comment':
      return '*';
    case 'parenthesis':
      return '(';
    case 'none':
      return '-';
  }
}
