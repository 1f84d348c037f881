import { Text } from 'ink';
import type { HighlightStyle } from '../syntax/highlight.js';

/** A highlighted stretch of input; `cursor` marks the character drawn in inverse video as the cursor. */
export interface StyledPiece {
  readonly text: string;
  readonly style: HighlightStyle;
  readonly cursor?: boolean;
}

/** Colour of each highlight style. Only keyword is bold, so the structure reads without colour too. */
const COLORS: Record<HighlightStyle, { color?: string; bold?: boolean; dimColor?: boolean }> = {
  keyword: { color: 'blue', bold: true },
  string: { color: 'green' },
  number: { color: 'magenta' },
  comment: { dimColor: true },
  operator: { color: 'cyan' },
  parameter: { color: 'yellow' },
  identifier: {},
  error: { color: 'red' },
  plain: {},
};

/** Draws one line of input after its prompt, coloured unless `color` is off. */
export function HighlightedLine({ prompt, pieces, color }: { prompt: string; pieces: readonly StyledPiece[]; color: boolean }) {
  return (
    <Text>
      <Text dimColor={color}>{prompt}</Text>
      {pieces.map((piece, index) => (
        <Text key={index} {...(color ? COLORS[piece.style] : {})} inverse={piece.cursor === true}>
          {piece.text}
        </Text>
      ))}
    </Text>
  );
}
