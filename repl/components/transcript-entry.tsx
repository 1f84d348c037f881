import { Box, Text } from 'ink';
import type { Entry } from '../session/transcript.js';
import { InputView } from './input-view.js';

/** Draws one finished entry above the prompt. */
export function TranscriptEntry({ entry, color }: { entry: Entry; color: boolean }) {
  switch (entry.kind) {
    case 'input':
      return <InputView label={entry.label} buffer={{ text: entry.text, cursor: entry.text.length }} color={color} cursor={false} />;
    case 'result':
      return (
        <Box flexDirection="column">
          {entry.body !== '' && <Text>{withoutFinalNewline(entry.body)}</Text>}
          <Text dimColor={color}>{entry.summary}</Text>
          {entry.warnings.map((warning, index) => (
            <Text key={`w${index}`} color={color ? 'yellow' : undefined}>
              {warning}
            </Text>
          ))}
          {entry.cuts.map((line, index) => (
            <Text key={`c${index}`} color={color ? 'yellow' : undefined}>
              {line}
            </Text>
          ))}
        </Box>
      );
    case 'error':
      return (
        <Box flexDirection="column">
          {withoutFinalNewline(entry.text)
            .split('\n')
            .map((line, index) => (
              <Text key={index} {...(color ? errorLineStyle(line) : {})}>
                {line}
              </Text>
            ))}
        </Box>
      );
    case 'notice':
      return <Text color={color ? 'yellow' : undefined}>{withoutFinalNewline(entry.text)}</Text>;
    case 'text':
      return <Text>{withoutFinalNewline(entry.text)}</Text>;
  }
}

/** Colours the message and caret lines of an error red and its hint cyan. */
function errorLineStyle(line: string): { color?: string; bold?: boolean } {
  if (line.startsWith('error:')) return { color: 'red', bold: true };
  if (/^\s*\|\s*[\s\t]*\^+$/.test(line)) return { color: 'red' };
  if (line.startsWith('hint:')) return { color: 'cyan' };
  return {};
}

function withoutFinalNewline(text: string): string {
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}
