import { Text } from 'ink';
import { progressLine, type ProgressSnapshot } from '../output/progress-text.js';

const HINT = '  (Ctrl-C cancels)';
/** Narrowest terminal that gets the hint; narrower ones give all columns to the progress figures. */
const HINT_MIN_WIDTH = 100;

/** Draws the progress line of a running query, followed on wide terminals by the key that cancels it. */
export function ProgressBar({ progress, width, color }: { progress: ProgressSnapshot; width: number; color: boolean }) {
  const showHint = width >= HINT_MIN_WIDTH;
  return (
    <Text color={color ? 'cyan' : undefined}>
      {progressLine(progress, showHint ? width - HINT.length : width)}
      {showHint && <Text dimColor={color}>{HINT}</Text>}
    </Text>
  );
}
