/** State of a Ctrl-R search through the history. */
export interface ReverseSearch {
  /** Text typed since Ctrl-R. */
  readonly query: string;
  /** Index into the history entries of the shown match, or null when nothing matches. */
  readonly matchIndex: number | null;
}

/**
 * Finds the newest entry at or before `from` that contains `query`, ignoring case.
 * Returns its index, or null when none does. An empty query matches nothing.
 */
export function findBackward(entries: readonly string[], query: string, from: number): number | null {
  if (query === '') return null;
  const needle = query.toLowerCase();
  for (let i = Math.min(from, entries.length - 1); i >= 0; i--) {
    if (entries[i]!.toLowerCase().includes(needle)) return i;
  }
  return null;
}

export function startSearch(): ReverseSearch {
  return { query: '', matchIndex: null };
}

/** Extends the query and searches again from the newest entry. */
export function typeInSearch(search: ReverseSearch, entries: readonly string[], text: string): ReverseSearch {
  const query = search.query + text;
  // As in readline, the search goes on from the shown match, which stays when it still matches.
  const from = search.matchIndex ?? entries.length - 1;
  return { query, matchIndex: findBackward(entries, query, from) };
}

/** Removes the last character of the query and searches again from the newest entry. */
export function eraseInSearch(search: ReverseSearch, entries: readonly string[]): ReverseSearch {
  const query = [...search.query].slice(0, -1).join('');
  return { query, matchIndex: findBackward(entries, query, entries.length - 1) };
}

/** Moves to the next older match (Ctrl-R again); stays put when there is none. */
export function searchOlder(search: ReverseSearch, entries: readonly string[]): ReverseSearch {
  if (search.matchIndex === null) return search;
  const older = findBackward(entries, search.query, search.matchIndex - 1);
  return older === null ? search : { ...search, matchIndex: older };
}
