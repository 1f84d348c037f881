/**
 * Control characters (C0, DEL and C1). Written to a terminal they move the cursor, ring the bell
 * or start escape sequences, so text shown in a table is stripped of them.
 */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Returns `text` with control characters written as escapes (`\n`, `\t`, `\r`, `\x1b`), so a
 * value can neither break a table's layout nor send escape sequences to the terminal.
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, escapeOne);
}

/** Like `escapeControlCharacters` but keeps line feeds, for layouts that indent continuation lines. */
export function escapeControlCharactersExceptNewline(text: string): string {
  return text.replace(CONTROL_CHARACTERS, (character) => (character === '\n' ? character : escapeOne(character)));
}

function escapeOne(character: string): string {
  switch (character) {
    case '\n':
      return '\\n';
    case '\t':
      return '\\t';
    case '\r':
      return '\\r';
    default:
      return `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`;
  }
}
