import type { Key } from 'ink';

/** One key press or run of typed text, in the form ink's useInput reports them. */
export interface KeyInput {
  readonly input: string;
  readonly key: Partial<Key>;
}

/**
 * Splits a chunk of input that ink passed on as text into separate key presses. Terminals and
 * tmux can deliver several keys in one read, and ink splits chunks only at escape sequences, so
 * `SELECT 1;\r\x03` arrives as one string. Runs of text stay together. A line break is Enter,
 * DEL and BS are Backspace, and other control characters are Ctrl with their letter (0x03 is
 * Ctrl-C). A tab ending the chunk is the Tab key. Tabs inside it are pasted whitespace, kept as
 * text.
 */
export function splitInputChunk(chunk: string): KeyInput[] {
  const keys: KeyInput[] = [];
  let text = '';
  const flush = (): void => {
    if (text !== '') keys.push({ input: text, key: {} });
    text = '';
  };
  const characters = [...chunk];
  characters.forEach((character, index) => {
    const code = character.codePointAt(0)!;
    if (character === '\r' || character === '\n') {
      // A CR LF pair is one line break.
      if (character === '\n' && characters[index - 1] === '\r') return;
      flush();
      keys.push({ input: '', key: { return: true } });
    } else if (character === '\t') {
      if (index === characters.length - 1) {
        flush();
        keys.push({ input: '', key: { tab: true } });
      } else {
        text += character;
      }
    } else if (code === 0x7f || code === 0x08) {
      flush();
      keys.push({ input: '', key: { backspace: true } });
    } else if (code < 0x20) {
      flush();
      keys.push({ input: String.fromCharCode(code + 0x60), key: { ctrl: true } });
    } else {
      text += character;
    }
  });
  flush();
  return keys;
}
