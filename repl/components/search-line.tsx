import { Text } from 'ink';

/** Draws the Ctrl-R prompt: the search text and the history entry it matches, as readline shows them. */
export function SearchLine({ query, match, color }: { query: string; match: string | null; color: boolean }) {
  const label = match === null && query !== '' ? '(failed reverse-i-search)' : '(reverse-i-search)';
  return (
    <Text>
      <Text dimColor={color}>{`${label}'${query}': `}</Text>
      {match ?? ''}
    </Text>
  );
}
