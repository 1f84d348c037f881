import { scanSql, type ScanKind } from './scan.js';
import { SQL_KEYWORDS } from '../completion/keywords.js';

/** Styles of highlighted input; components map each to a colour. */
export type HighlightStyle = 'keyword' | 'string' | 'number' | 'comment' | 'operator' | 'parameter' | 'identifier' | 'error' | 'plain';

/** A stretch of input text drawn in one style. */
export interface Segment {
  readonly text: string;
  readonly style: HighlightStyle;
}

/**
 * Splits input text into styled segments that together are exactly `text`, whitespace included.
 * Words in the dialect's keyword list are keywords, and other words (names) stay plain.
 */
export function highlightSql(text: string): Segment[] {
  const segments: Segment[] = [];
  let position = 0;
  for (const token of scanSql(text)) {
    if (token.start > position) segments.push({ text: text.slice(position, token.start), style: 'plain' });
    segments.push({ text: token.text, style: styleOf(token.kind, token.keyword) });
    position = token.end;
  }
  if (position < text.length) segments.push({ text: text.slice(position), style: 'plain' });
  return segments;
}

function styleOf(kind: ScanKind, keyword: string | null): HighlightStyle {
  switch (kind) {
    case 'word':
      return keyword !== null && SQL_KEYWORDS.has(keyword) ? 'keyword' : 'plain';
    case 'string':
    case 'unterminated_string':
      return 'string';
    case 'number':
      return 'number';
    case 'comment':
    case 'unterminated_comment':
      return 'comment';
    case 'operator':
      return 'operator';
    case 'named_parameter':
    case 'positional_parameter':
      return 'parameter';
    case 'quoted_identifier':
    case 'unterminated_identifier':
      return 'identifier';
    case 'invalid':
      return 'error';
  }
}

/** Splits segments at line breaks, so that each input line can get its own prompt. */
export function splitSegmentLines<S extends Segment>(segments: readonly S[]): S[][] {
  const lines: S[][] = [[]];
  for (const segment of segments) {
    const parts = segment.text.split('\n');
    parts.forEach((part, index) => {
      if (index > 0) lines.push([]);
      if (part !== '') lines[lines.length - 1]!.push({ ...segment, text: part });
    });
  }
  return lines;
}
