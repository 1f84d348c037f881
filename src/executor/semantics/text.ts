/**
 * Text helpers that count Unicode code points rather than UTF-16 code units, so an emoji counts
 * as one character as it does in DuckDB, plus per-code-point case mapping.
 */

/** Number of code points. */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low surrogate is one code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

function hasSurrogates(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdfff) return true;
  }
  return false;
}

/** Code points `[start, end)` of `text`, with bounds already clamped to the code point length. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  if (!hasSurrogates(text)) return text.slice(start, end);
  return Array.from(text).slice(start, end).join('');
}

/**
 * Computes substring(text, start [, length]) as DuckDB 1.5 does. Positions are 1-based code
 * points, and a negative start counts from the end (-1 is the last character). Start 0 sits one
 * place before the first character. A negative length takes the characters before the start.
 */
export function substring(text: string, start: number, length?: number): string {
  const size = codePointLength(text);
  let from = -1;
  if (start > 0) from = start - 1;
  else if (start < 0) from = size + start;
  let begin: number;
  let end: number;
  if (length === undefined) {
    begin = from;
    end = size;
  } else if (length >= 0) {
    begin = from;
    end = from + length;
  } else {
    begin = from + length;
    end = from;
  }
  begin = Math.max(0, Math.min(size, begin));
  end = Math.max(0, Math.min(size, end));
  return end > begin ? sliceCodePoints(text, begin, end) : '';
}

/**
 * Lower case per code point with simple (one-to-one) case mapping, as DuckDB's lower() does:
 * 'İ' becomes 'i' (String.prototype.toLowerCase gives 'i̇', two code points) and a final 'Σ'
 * becomes 'σ' (toLowerCase gives 'ς' at the end of a word).
 */
export function lowerCase(text: string): string {
  if (!text.includes('\u0130') && !text.includes('\u03a3')) return text.toLowerCase();
  let out = '';
  for (const char of text) {
    if (char === '\u0130') out += 'i';
    else if (char === '\u03a3') out += '\u03c3';
    else out += char.toLowerCase();
  }
  return out;
}

/**
 * Upper case per code point. A character whose full mapping has several code points keeps its
 * simple mapping: 'ß' becomes 'ẞ' as in DuckDB 1.5, and other such characters ('ŉ', 'ﬁ') stay as
 * they are, where String.prototype.toUpperCase would give 'SS', 'ʼN' and 'FI'.
 */
export function upperCase(text: string): string {
  const raised = text.toUpperCase();
  if (codePointLength(raised) === codePointLength(text)) return raised;
  let out = '';
  for (const char of text) {
    if (char === 'ß') {
      out += 'ẞ';
      continue;
    }
    const upper = char.toUpperCase();
    out += codePointLength(upper) === 1 ? upper : char;
  }
  return out;
}
