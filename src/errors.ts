import type { Span } from './parser/ast.js';

/**
 * Errors the engine raises on purpose.
 *
 * @example
 * catch (e) { if (e instanceof CassalyticsError) console.error(`${e.code}: ${e.message}${e.hint ? ` (${e.hint})` : ''}`); }
 * Each has a stable `code`, a message in plain words, and
 * where it applies the span of the query text at fault and a hint saying what to do.
 * Parse errors live in src/parser; the classes here cover planning, execution and limits.
 */
export abstract class CassalyticsError extends Error {
  abstract readonly code: string;
  readonly span: Span | null;
  readonly hint: string | null;

  constructor(message: string, options: { span?: Span | null; hint?: string | null; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.span = options.span ?? null;
    this.hint = options.hint ?? null;
  }
}

/**
 * A query that parses but cannot be planned: unknown names, type errors, misuse of aggregates.
 *
 * @example
 * try { await engine.query('SELECT nope FROM user_logs'); }
 * catch (e) { if (e instanceof PlanError) console.log(e.code, e.span, e.hint); } // PLAN_UNKNOWN_COLUMN {...} 'the columns are: ...'
 */
export class PlanError extends CassalyticsError {
  readonly code: string;
  constructor(code: string, message: string, options: { span?: Span | null; hint?: string | null } = {}) {
    super(message, options);
    this.code = code;
  }
}

/**
 * A failure while running a planned query: a read that failed after retries, a runtime type error.
 *
 * @example
 * // READ_TIMEOUT: reading partition (store_id=1, ...) failed after 4 attempts: ...
 * if (e instanceof ExecutionError && e.code === 'READ_TIMEOUT') console.log(e.hint);
 */
export class ExecutionError extends CassalyticsError {
  readonly code: string;
  constructor(code: string, message: string, options: { span?: Span | null; hint?: string | null; cause?: unknown } = {}) {
    super(message, options);
    this.code = code;
  }
}

/**
 * A query stopped because it passed a configured limit, such as the group-by memory limit.
 *
 * @example
 * if (e instanceof ResourceLimitError) console.log(e.message, e.hint); // ... passed memory_limit (1 GiB) ... SET memory_limit = '4GB' ...
 */
export class ResourceLimitError extends CassalyticsError {
  readonly code = 'RESOURCE_LIMIT';
}

/**
 * A query stopped by its AbortSignal, by Ctrl-C or by `SET timeout`.
 *
 * @example
 * const rows = (await engine.query(sql, {}, { signal: AbortSignal.timeout(100) })).toArray();
 * await rows.catch((e) => e instanceof CancelledError); // true when the time ran out
 */
export class CancelledError extends CassalyticsError {
  readonly code = 'CANCELLED';
}

/** Returns the candidate closest to `name` by edit distance, when close enough to be a likely typo. */
export function didYouMean(name: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(1, Math.floor(name.length / 3));
  return best !== null && bestDistance <= allowed ? best : null;
}

export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length]!;
}
