import { Text } from 'ink';
import { displayWidth } from '../../src/format/index.js';

/** Maximum rows of choices listed; the rest are counted. */
const MAX_ROWS = 8;

/** Lists completion choices in columns under the prompt, as readline does after a second Tab. */
export function CompletionList({ choices, width, color }: { choices: readonly string[]; width: number; color: boolean }) {
  const cell = Math.min(width, Math.max(...choices.map(displayWidth)) + 2);
  const perRow = Math.max(1, Math.floor(width / cell));
  const visibleChoices = choices.slice(0, perRow * MAX_ROWS);
  const lines: string[] = [];
  for (let i = 0; i < visibleChoices.length; i += perRow) {
    lines.push(
      visibleChoices
        .slice(i, i + perRow)
        .map((choice) => choice + ' '.repeat(Math.max(0, cell - displayWidth(choice))))
        .join('')
        .trimEnd(),
    );
  }
  if (choices.length > visibleChoices.length) lines.push(`… and ${choices.length - visibleChoices.length} more; type more letters to narrow the list`);
  return <Text dimColor={color}>{lines.join('\n')}</Text>;
}
