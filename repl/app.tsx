import { Box, Static } from 'ink';
import { CompletionList } from './components/completion-list.js';
import { InputView } from './components/input-view.js';
import { ProgressBar } from './components/progress-bar.js';
import { SearchLine } from './components/search-line.js';
import { TranscriptEntry } from './components/transcript-entry.js';
import { useKeyInput } from './hooks/use-key-input.js';
import { useReplView } from './hooks/use-repl-view.js';
import { useTerminalWidth } from './hooks/use-terminal-width.js';
import type { ReplController } from './session/controller.js';

/**
 * Renders the shell. Finished entries stay above in ink's <Static>, and below them the live part
 * is the prompt, the Ctrl-R search line or, while a query runs, its progress bar. `columns` fixes
 * the width instead of reading the terminal's.
 */
export function ReplApp({ controller, columns }: { controller: ReplController; columns?: number }) {
  const view = useReplView(controller);
  const width = useTerminalWidth(controller, columns);
  useKeyInput(controller, view.mode !== 'exited');
  const { color } = controller;

  return (
    <>
      <Static items={view.transcript as never[]}>
        {(entry: (typeof view.transcript)[number]) => <TranscriptEntry key={entry.id} entry={entry} color={color} />}
      </Static>
      {view.mode === 'running' && view.progress !== null && <ProgressBar progress={view.progress} width={width} color={color} />}
      {view.mode === 'editing' && (
        <Box flexDirection="column">
          {view.search === null ? (
            <InputView label={view.label} buffer={view.buffer} color={color} cursor={true} />
          ) : (
            <SearchLine query={view.search.query} match={view.search.match} color={color} />
          )}
          {view.choices.length > 0 && <CompletionList choices={view.choices} width={width} color={color} />}
        </Box>
      )}
    </>
  );
}
