import stringWidth from 'string-width';

/** Matches text made only of printable ASCII, whose width is its length. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Returns the number of terminal cells `text` takes: East Asian wide and fullwidth characters and
 * emoji take 2, combining marks and other zero-width characters 0, ANSI escape sequences 0.
 * Ambiguous-width characters count as 1, as string-width 8 does by default.
 */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  return stringWidth(text);
}

/** Text cut to fit a number of cells, and whether anything was cut. */
export interface FittedText {
  readonly text: string;
  readonly width: number;
  readonly truncated: boolean;
}

/**
 * Cuts `text` to at most `maxWidth` cells, ending it with '…' when anything was cut. Cuts fall
 * between grapheme clusters, so an emoji sequence or a letter with its combining marks stays whole.
 */
export function truncateToWidth(text: string, maxWidth: number): FittedText {
  const width = displayWidth(text);
  if (width <= maxWidth) return { text, width, truncated: false };
  if (maxWidth <= 0) return { text: '', width: 0, truncated: true };

  // One cell is kept for the ellipsis.
  const budget = maxWidth - 1;
  let prefix = '';
  let prefixWidth = 0;
  for (const { segment } of graphemes.segment(text)) {
    const segmentWidth = displayWidth(segment);
    if (prefixWidth + segmentWidth > budget) break;
    prefix += segment;
    prefixWidth += segmentWidth;
  }
  return { text: `${prefix}…`, width: prefixWidth + 1, truncated: true };
}

/** Pads `text`, whose width is `width` cells, with spaces to `target` cells. */
export function padToWidth(text: string, width: number, target: number, align: 'left' | 'right'): string {
  const padding = ' '.repeat(Math.max(0, target - width));
  return align === 'right' ? `${padding}${text}` : `${text}${padding}`;
}
