import type { JsonValue } from '../values.js';
import { SqlRuntimeError } from './errors.js';
import { jsonGet } from './json.js';

/**
 * A JSONPath subset for json_extract and json_value: `$` followed by any number of steps
 * `.key`, `."any key"`, `['any key']`, `["any key"]`, `[n]`, `[-n]` and `[#-n]` (DuckDB's
 * spelling of counting from the end). Wildcards and filters are not supported.
 */

/** One navigation step: an object member name or an array index. */
export type JsonPathStep = string | number;

export interface JsonPath {
  readonly text: string;
  readonly steps: readonly JsonPathStep[];
}

function invalidPath(path: string, position: number, detail: string): SqlRuntimeError {
  return new SqlRuntimeError('INVALID_JSON_PATH', `invalid JSON path '${path}' at character ${position + 1}: ${detail}`, {
    hint: `write paths like '$.user.name', '$."key with spaces"', '$[0]' or '$.items[-1]'`,
  });
}

/** Reads a quoted key starting at the quote; returns the key and the index after the closing quote. */
function readQuoted(path: string, start: number): [string, number] {
  const quote = path[start]!;
  let key = '';
  let i = start + 1;
  while (i < path.length) {
    const char = path[i]!;
    if (char === '\\' && i + 1 < path.length) {
      key += path[i + 1];
      i += 2;
      continue;
    }
    if (char === quote) return [key, i + 1];
    key += char;
    i++;
  }
  throw invalidPath(path, start, 'unterminated quoted key');
}

/** Parses a path once; raises INVALID_JSON_PATH naming the path and the position of the fault. */
export function compileJsonPath(path: string): JsonPath {
  if (!path.startsWith('$')) throw invalidPath(path, 0, "a path starts with '$'");
  const steps: JsonPathStep[] = [];
  let i = 1;
  while (i < path.length) {
    const char = path[i]!;
    if (char === '.') {
      const next = path[i + 1];
      if (next === '"' || next === "'") {
        const [key, end] = readQuoted(path, i + 1);
        steps.push(key);
        i = end;
        continue;
      }
      let end = i + 1;
      while (end < path.length && path[end] !== '.' && path[end] !== '[') end++;
      const key = path.slice(i + 1, end);
      if (key === '') throw invalidPath(path, i, 'empty key after .');
      if (key === '*') throw invalidPath(path, i + 1, 'wildcards are not supported');
      steps.push(key);
      i = end;
      continue;
    }
    if (char === '[') {
      const next = path[i + 1];
      if (next === '"' || next === "'") {
        const [key, end] = readQuoted(path, i + 1);
        if (path[end] !== ']') throw invalidPath(path, end, "expected ']' after the quoted key");
        steps.push(key);
        i = end + 1;
        continue;
      }
      const close = path.indexOf(']', i);
      if (close < 0) throw invalidPath(path, i, "missing ']'");
      const inside = path.slice(i + 1, close).trim();
      const match = /^(?:#\s*-\s*(\d+)|(-?\d+))$/.exec(inside);
      if (!match) throw invalidPath(path, i + 1, `'${inside}' is not an array index`);
      steps.push(match[1] !== undefined ? -Number(match[1]) : Number(match[2]));
      i = close + 1;
      continue;
    }
    throw invalidPath(path, i, `unexpected '${char}'`);
  }
  return { text: path, steps };
}

/** Follows a compiled path; returns SQL NULL when any step is missing. */
export function evaluateJsonPath(value: JsonValue, path: JsonPath): JsonValue | null {
  let current: JsonValue | null = value;
  for (const step of path.steps) {
    if (current === null) return null;
    current = jsonGet(current, step);
  }
  return current;
}

const pathCache = new Map<string, JsonPath>();
const MAX_CACHED_PATHS = 1000;

/** `compileJsonPath` with a small cache, for paths that arrive as values per row. */
export function cachedJsonPath(path: string): JsonPath {
  let compiled = pathCache.get(path);
  if (compiled === undefined) {
    compiled = compileJsonPath(path);
    if (pathCache.size >= MAX_CACHED_PATHS) pathCache.clear();
    pathCache.set(path, compiled);
  }
  return compiled;
}
