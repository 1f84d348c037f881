/**
 * The text being typed and the cursor in it. The text may span several lines separated by `\n`;
 * the cursor is an offset in UTF-16 code units, kept on code point boundaries.
 * Every operation returns a new buffer.
 */
export interface EditBuffer {
  readonly text: string;
  readonly cursor: number;
}

export const EMPTY_BUFFER: EditBuffer = { text: '', cursor: 0 };

export function bufferOf(text: string, cursor = text.length): EditBuffer {
  return { text, cursor: Math.max(0, Math.min(cursor, text.length)) };
}

export function insertText(buffer: EditBuffer, inserted: string): EditBuffer {
  const { text, cursor } = buffer;
  return { text: text.slice(0, cursor) + inserted + text.slice(cursor), cursor: cursor + inserted.length };
}

/** Replaces `text[start, end)` and puts the cursor after the replacement. */
export function replaceRange(buffer: EditBuffer, start: number, end: number, replacement: string): EditBuffer {
  const { text } = buffer;
  return { text: text.slice(0, start) + replacement + text.slice(end), cursor: start + replacement.length };
}

export function deleteBackward(buffer: EditBuffer): EditBuffer {
  if (buffer.cursor === 0) return buffer;
  const start = previousBoundary(buffer.text, buffer.cursor);
  return replaceRange(buffer, start, buffer.cursor, '');
}

export function deleteForward(buffer: EditBuffer): EditBuffer {
  if (buffer.cursor >= buffer.text.length) return buffer;
  const end = nextBoundary(buffer.text, buffer.cursor);
  return { text: buffer.text.slice(0, buffer.cursor) + buffer.text.slice(end), cursor: buffer.cursor };
}

export function moveLeft(buffer: EditBuffer): EditBuffer {
  return { ...buffer, cursor: previousBoundary(buffer.text, buffer.cursor) };
}

export function moveRight(buffer: EditBuffer): EditBuffer {
  return { ...buffer, cursor: nextBoundary(buffer.text, buffer.cursor) };
}

export function moveLineStart(buffer: EditBuffer): EditBuffer {
  return { ...buffer, cursor: lineStart(buffer.text, buffer.cursor) };
}

export function moveLineEnd(buffer: EditBuffer): EditBuffer {
  return { ...buffer, cursor: lineEnd(buffer.text, buffer.cursor) };
}

/** Moves to the start of the word before the cursor, as readline's Alt-B does. */
export function moveWordLeft(buffer: EditBuffer): EditBuffer {
  return { ...buffer, cursor: wordStartBefore(buffer.text, buffer.cursor) };
}

/** Moves past the end of the word after the cursor, as readline's Alt-F does. */
export function moveWordRight(buffer: EditBuffer): EditBuffer {
  const { text } = buffer;
  let i = buffer.cursor;
  while (i < text.length && !isWordCharacter(text[i]!)) i++;
  while (i < text.length && isWordCharacter(text[i]!)) i++;
  return { ...buffer, cursor: i };
}

/** Deletes from the start of the word before the cursor to the cursor (Ctrl-W). */
export function deleteWordBackward(buffer: EditBuffer): EditBuffer {
  let i = buffer.cursor;
  while (i > 0 && /\s/.test(buffer.text[i - 1]!)) i--;
  while (i > 0 && !/\s/.test(buffer.text[i - 1]!)) i--;
  return replaceRange(buffer, i, buffer.cursor, '');
}

/** Deletes from the cursor to the end of its line (Ctrl-K). */
export function deleteToLineEnd(buffer: EditBuffer): EditBuffer {
  return replaceRange(buffer, buffer.cursor, lineEnd(buffer.text, buffer.cursor), '');
}

/** Deletes from the start of the cursor's line to the cursor (Ctrl-U). */
export function deleteToLineStart(buffer: EditBuffer): EditBuffer {
  return replaceRange(buffer, lineStart(buffer.text, buffer.cursor), buffer.cursor, '');
}

/** Returns the 0-based line of the cursor and the number of lines. */
export function cursorLine(buffer: EditBuffer): { line: number; lines: number } {
  const before = buffer.text.slice(0, buffer.cursor);
  return { line: countNewlines(before), lines: countNewlines(buffer.text) + 1 };
}

/** Moves the cursor one line up or down, keeping its column where the line is long enough. */
export function moveLine(buffer: EditBuffer, direction: -1 | 1): EditBuffer {
  const { text, cursor } = buffer;
  const start = lineStart(text, cursor);
  const column = cursor - start;
  if (direction < 0) {
    if (start === 0) return buffer;
    const previousStart = lineStart(text, start - 1);
    return { text, cursor: Math.min(previousStart + column, start - 1) };
  }
  const end = lineEnd(text, cursor);
  if (end >= text.length) return buffer;
  const nextStart = end + 1;
  return { text, cursor: Math.min(nextStart + column, lineEnd(text, nextStart)) };
}

/** Returns the start of the identifier-like word that ends at `offset`. */
export function wordStartBefore(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && !isWordCharacter(text[i - 1]!)) i--;
  while (i > 0 && isWordCharacter(text[i - 1]!)) i--;
  return i;
}

function isWordCharacter(character: string): boolean {
  return /[\p{L}\p{N}_]/u.test(character);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline;
}

function countNewlines(text: string): number {
  let count = 0;
  for (const character of text) if (character === '\n') count++;
  return count;
}

/** Steps back over one code point, so a surrogate pair is never split. */
function previousBoundary(text: string, offset: number): number {
  if (offset <= 0) return 0;
  const low = text.charCodeAt(offset - 1);
  if (offset >= 2 && low >= 0xdc00 && low <= 0xdfff) {
    const high = text.charCodeAt(offset - 2);
    if (high >= 0xd800 && high <= 0xdbff) return offset - 2;
  }
  return offset - 1;
}

function nextBoundary(text: string, offset: number): number {
  if (offset >= text.length) return text.length;
  const codePoint = text.codePointAt(offset)!;
  return offset + (codePoint > 0xffff ? 2 : 1);
}
