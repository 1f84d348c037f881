import { Box } from 'ink';
import type { EditBuffer } from '../editor/edit-buffer.js';
import { linePrompts } from '../session/prompt.js';
import { highlightSql, splitSegmentLines, type Segment } from '../syntax/highlight.js';
import { HighlightedLine, type StyledPiece } from './highlighted-line.js';

/**
 * Draws typed text with one prompt per line and syntax highlighting. With `cursor` the
 * character under the cursor is drawn in inverse video, and at the end of a line a space is drawn.
 */
export function InputView({ label, buffer, color, cursor }: { label: string; buffer: EditBuffer; color: boolean; cursor: boolean }) {
  const prompts = linePrompts(label, buffer.text);
  const segments = segmentsOf(buffer.text);
  const lines = splitSegmentLines(cursor ? withCursor(segments, buffer.cursor) : segments);
  return (
    <Box flexDirection="column">
      {lines.map((pieces, index) => (
        <HighlightedLine key={index} prompt={prompts[index] ?? ''} pieces={pieces} color={color} />
      ))}
    </Box>
  );
}

/** Meta-command lines are drawn in one style; SQL goes through the highlighter. */
function segmentsOf(text: string): Segment[] {
  if (/^\s*\\/.test(text)) return [{ text, style: 'parameter' }];
  return highlightSql(text);
}

/** Splits the segment under the cursor so that the character there becomes its own piece. */
function withCursor(segments: readonly Segment[], cursor: number): StyledPiece[] {
  const pieces: StyledPiece[] = [];
  let offset = 0;
  let placed = false;
  for (const segment of segments) {
    const end = offset + segment.text.length;
    if (!placed && cursor >= offset && cursor < end) {
      const at = cursor - offset;
      const codePointLength = segment.text.codePointAt(at)! > 0xffff ? 2 : 1;
      const under = segment.text.slice(at, at + codePointLength);
      if (at > 0) pieces.push({ text: segment.text.slice(0, at), style: segment.style });
      if (under === '\n') pieces.push({ text: ' ', style: 'plain', cursor: true }, { text: '\n', style: 'plain' });
      else pieces.push({ text: under, style: segment.style, cursor: true });
      if (at + codePointLength < segment.text.length) pieces.push({ text: segment.text.slice(at + codePointLength), style: segment.style });
      placed = true;
    } else {
      pieces.push(segment);
    }
    offset = end;
  }
  if (!placed) pieces.push({ text: ' ', style: 'plain', cursor: true });
  return pieces;
}
