import path from 'node:path';
import type { ReplEngine } from '../engine-port.js';
import { continuationMarker, inputState } from '../syntax/statement-state.js';

/**
 * Returns the prompt label: the keyspace for Cassandra, the file name without its extension for
 * an embedded store.
 */
export function promptLabel(engine: ReplEngine): string {
  const keyspace = engine.catalog.defaultKeyspace;
  const description = engine.targetDescription;
  if (description.endsWith(` keyspace ${keyspace}`)) return keyspace;
  return path.basename(description).replace(/\.[^.]*$/, '') || 'cassalytics';
}

/**
 * Returns the prompt of each line of `text` as psql draws them: `label=> ` on the first line and
 * `label-> ` on later lines. The `-` is replaced by what the lines before left open: `'` for a
 * string, `"` for a quoted name, `*` for a block comment, `(` for a parenthesis.
 */
export function linePrompts(label: string, text: string): string[] {
  const lines = text.split('\n');
  const prompts = [`${label}=> `];
  let offset = lines[0]!.length + 1;
  for (let i = 1; i < lines.length; i++) {
    const state = inputState(text.slice(0, offset - 1));
    const marker = state.kind === 'incomplete' ? continuationMarker(state.open) : '-';
    prompts.push(`${label}${marker}> `);
    offset += lines[i]!.length + 1;
  }
  return prompts;
}
