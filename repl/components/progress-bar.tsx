import { Text } from 'ink';
import { progressLine, type ProgressSnapshot } from '../output/progress-text.js';

/** The progress line of a running query, with the key that cancels it. */
export function ProgressBar({ progress, width, color }: { progress: ProgressSnapshot; width: number; color: boolean }) {
  const hint = '  (Ctrl-C cancels)';
  return (
    <Text color={color ? 'cyan' : undefined}>
      {progressLine(progress, Math.max(10, width - hint.length))}
      <Text dimColor={color}>{hint}</Text>
    </Text>
  );
}
