/**
 * Reserved words and keyword spelling suggestions.
 *
 * Only reserved words are barred from use as names. Every other keyword of the dialect (YEAR,
 * DATE, FILTER, ROWS, SET and so on) is recognised from its position, so tables and columns
 * may be called `year`, `date` or `filter` without quotes.
 */

/** Words that cannot be used unquoted as a column, table, alias or CTE name. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'ALL',
  'AND',
  'AS',
  'ASC',
  'BETWEEN',
  'BY',
  'CASE',
  'CAST',
  'CROSS',
  'DESC',
  'DISTINCT',
  'ELSE',
  'END',
  'ESCAPE',
  'EXCEPT',
  'EXISTS',
  'EXTRACT',
  'FALSE',
  'FROM',
  'FULL',
  'GROUP',
  'HAVING',
  'ILIKE',
  'IN',
  'INNER',
  'INTERSECT',
  'IS',
  'JOIN',
  'LATERAL',
  'LEFT',
  'LIKE',
  'LIMIT',
  'NATURAL',
  'NOT',
  'NULL',
  'OFFSET',
  'ON',
  'OR',
  'ORDER',
  'OUTER',
  'QUALIFY',
  'RIGHT',
  'SELECT',
  'THEN',
  'TRUE',
  'UNION',
  'USING',
  'WHEN',
  'WHERE',
  'WINDOW',
  'WITH',
]);

/**
 * Reserved words that are still function names when followed by `(`, as in `left(url, 5)`.
 * The other reserved words either start their own syntax (CAST, EXTRACT, CASE, NOT, EXISTS)
 * or can never start an expression.
 */
export const CALLABLE_RESERVED_WORDS: ReadonlySet<string> = new Set(['LEFT', 'RIGHT']);

/** Words that begin a join in a FROM clause. */
export const JOIN_WORDS: ReadonlySet<string> = new Set([
  'JOIN',
  'INNER',
  'LEFT',
  'RIGHT',
  'FULL',
  'CROSS',
  'NATURAL',
  'OUTER',
  'LATERAL',
]);

/** Returns true when `word` (any case) is reserved. */
export function isReserved(word: string): boolean {
  return RESERVED_WORDS.has(word.toUpperCase());
}

/**
 * Returns the optimal string alignment distance between `a` and `b`: the number of
 * insertions, deletions, substitutions and swaps of adjacent characters that turn one into
 * the other, where no substring is edited twice. `FORM` is one swap away from `FROM`.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;

  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        d[(i - 1) * cols + j]! + 1,
        d[i * cols + j - 1]! + 1,
        d[(i - 1) * cols + j - 1]! + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[(i - 2) * cols + j - 2]! + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1]!;
}

/**
 * Returns the candidate closest to `word` (compared in upper case) when it is near enough to
 * be a likely misspelling, otherwise null. Words of up to four letters may be one edit away,
 * longer words two. Words shorter than three letters never match, because almost any two
 * letters are one edit away from some keyword.
 */
export function suggestKeyword(word: string, candidates: Iterable<string>): string | null {
  const upper = word.toUpperCase();
  if (upper.length < 3) return null;
  const limit = upper.length <= 4 ? 1 : 2;

  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === upper) return null;
    const distance = editDistance(upper, candidate);
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
