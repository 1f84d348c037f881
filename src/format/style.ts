/**
 * Marks of SQL NULL in the layouts meant for people (table, vertical, markdown): a dimmed `NULL`
 * with color, else `∅`, so that it differs from the text 'NULL'.
 */
export const NULL_MARKER = '∅';
export const NULL_WORD = 'NULL';

const ESC = '\u001b';

/** Wraps text in the ANSI faint style when `color` is on. */
export function dim(text: string, color: boolean): string {
  return color ? `${ESC}[2m${text}${ESC}[22m` : text;
}

/** Wraps text in the ANSI bold style when `color` is on. */
export function bold(text: string, color: boolean): string {
  return color ? `${ESC}[1m${text}${ESC}[22m` : text;
}

/** Returns the NULL text for a layout meant for people, before any styling. */
export function nullText(color: boolean): string {
  return color ? NULL_WORD : NULL_MARKER;
}
