import { inputState } from '../syntax/statement-state.js';

/** One unit of a script: a meta-command line or SQL text ending in `;`, with its first line number. */
export interface ScriptPiece {
  readonly kind: 'meta' | 'sql';
  readonly text: string;
  readonly line: number;
}

/**
 * Splits a script as the prompt would read it typed line by line: a line starting with `\`
 * outside a statement is a meta-command, and SQL lines collect until a `;` ends them. SQL left
 * without a `;` at the end of the script is returned as a last piece too.
 * NOTE: unlike psql, a meta-command after a `;` on the same line is not split off.
 */
export function splitScript(text: string): ScriptPiece[] {
  const pieces: ScriptPiece[] = [];
  let pending = '';
  let pendingLine = 0;
  text.split(/\r?\n/).forEach((line, index) => {
    if (pending === '' && /^\s*\\/.test(line)) {
      pieces.push({ kind: 'meta', text: line.trim(), line: index + 1 });
      return;
    }
    if (pending === '') {
      if (line.trim() === '') return;
      pendingLine = index + 1;
    }
    pending = pending === '' ? line : `${pending}\n${line}`;
    const state = inputState(pending);
    if (state.kind === 'complete') {
      pieces.push({ kind: 'sql', text: pending, line: pendingLine });
      pending = '';
    } else if (state.kind === 'empty') {
      pending = '';
    }
  });
  if (pending.trim() !== '' && inputState(pending).kind !== 'empty') pieces.push({ kind: 'sql', text: pending, line: pendingLine });
  return pieces;
}
