import { castValue } from '../semantics/cast.js';
import { SqlRuntimeError } from '../semantics/errors.js';
import { codePointLength, lowerCase, substring, upperCase } from '../semantics/text.js';
import type { Value } from '../values.js';
import { alias, ANY, BIGINT, scalar, TEXT, toSmallInteger } from './define.js';
import type { ArgType, ScalarFunction } from './registry.js';

/** String functions. Positions and lengths count Unicode code points, as in DuckDB. */

const lower = scalar({
  name: 'lower',
  signature: 'lower(text) -> TEXT',
  description: 'Converts text to lower case, one code point at a time.',
  examples: [{ sql: "lower('AbC')", result: 'abc' }],
  params: [TEXT],
  returns: 'TEXT',
  evaluate: ([text]) => lowerCase(text as string),
});

const upper = scalar({
  name: 'upper',
  signature: 'upper(text) -> TEXT',
  description: "Converts text to upper case, one code point at a time ('ß' becomes 'ẞ', as in DuckDB).",
  examples: [{ sql: "upper('AbC')", result: 'ABC' }],
  params: [TEXT],
  returns: 'TEXT',
  evaluate: ([text]) => upperCase(text as string),
});

const length = scalar({
  name: 'length',
  signature: 'length(text) -> BIGINT',
  description: 'Number of characters (Unicode code points) in the text.',
  examples: [
    { sql: "length('héllo')", result: 5 },
    { sql: "length('a😀b')", result: 3 },
  ],
  params: [TEXT],
  returns: 'BIGINT',
  evaluate: ([text]) => codePointLength(text as string),
});

const substr = scalar({
  name: 'substr',
  signature: 'substr(text, start [, length]) -> TEXT',
  description:
    'Characters from 1-based position start, up to length of them. A negative start counts from the end; a negative length takes the characters before start. Same as DuckDB substring.',
  examples: [
    { sql: "substr('analytics', 3, 3)", result: 'aly' },
    { sql: "substr('analytics', -4)", result: 'tics' },
  ],
  params: [TEXT, BIGINT, BIGINT],
  required: 2,
  returns: 'TEXT',
  evaluate: ([text, start, count]) => substring(text as string, toSmallInteger(start!), count === undefined ? undefined : toSmallInteger(count)),
});

/** Removes leading and/or trailing code points found in `characters`. */
function trimCharacters(text: string, characters: string, leading: boolean, trailing: boolean): string {
  const set = new Set(Array.from(characters));
  const chars = Array.from(text);
  let start = 0;
  let end = chars.length;
  if (leading) while (start < end && set.has(chars[start]!)) start++;
  if (trailing) while (end > start && set.has(chars[end - 1]!)) end--;
  return chars.slice(start, end).join('');
}

function trimFunction(name: 'trim' | 'ltrim' | 'rtrim', leading: boolean, trailing: boolean, where: string): ScalarFunction {
  return scalar({
    name,
    signature: `${name}(text [, characters]) -> TEXT`,
    description: `Removes spaces, or any of the given characters, from ${where} of the text.`,
    examples: [
      { sql: `${name}('  web  ')`, result: trimCharacters('  web  ', ' ', leading, trailing) },
      { sql: `${name}('xxwebxx', 'x')`, result: trimCharacters('xxwebxx', 'x', leading, trailing) },
    ],
    params: [TEXT, TEXT],
    required: 1,
    returns: 'TEXT',
    evaluate: ([text, characters]) => trimCharacters(text as string, (characters as string | undefined) ?? ' ', leading, trailing),
  });
}

const replace = scalar({
  name: 'replace',
  signature: 'replace(text, from, to) -> TEXT',
  description: 'Replaces every occurrence of from with to. An empty from leaves the text unchanged.',
  examples: [{ sql: "replace('a-b-c', '-', '/')", result: 'a/b/c' }],
  params: [TEXT, TEXT, TEXT],
  returns: 'TEXT',
  evaluate: ([text, from, to]) => (from === '' ? text! : (text as string).split(from as string).join(to as string)),
});

/** Text of one concat argument; non-text values convert as CAST(x AS TEXT) does. */
function concatPart(value: Value, type: ArgType, timeZone: string): string {
  if (type === 'TEXT' || type === 'NULL') return value as string;
  return castValue(value, type, 'TEXT', { timeZone }) as string;
}

const concat = scalar({
  name: 'concat',
  signature: 'concat(value, ...) -> TEXT',
  description: 'Joins the values as text, skipping NULLs (unlike ||, which gives NULL if either side is NULL).',
  examples: [
    { sql: "concat('page', '-', 42)", result: 'page-42' },
    { sql: "concat('a', NULL, 'b')", result: 'ab' },
  ],
  params: [ANY],
  variadic: ANY,
  nullPropagating: false,
  returns: 'TEXT',
  evaluate: (args, context, argTypes) => {
    let out = '';
    for (let i = 0; i < args.length; i++) {
      const value = args[i]!;
      if (value !== null) out += concatPart(value, argTypes[i] ?? 'TEXT', context.timeZone);
    }
    return out;
  },
});

const splitPart = scalar({
  name: 'split_part',
  signature: 'split_part(text, delimiter, index) -> TEXT',
  description:
    "The index-th field (1-based) of the text split at delimiter; a negative index counts from the end. Returns '' when the field does not exist. An empty delimiter splits into characters.",
  examples: [
    { sql: "split_part('a/b/c', '/', 2)", result: 'b' },
    { sql: "split_part('a/b/c', '/', -1)", result: 'c' },
    { sql: "split_part('a/b/c', '/', 5)", result: '' },
  ],
  params: [TEXT, TEXT, BIGINT],
  returns: 'TEXT',
  evaluate: ([text, delimiter, index]) => {
    const fields = delimiter === '' ? Array.from(text as string) : (text as string).split(delimiter as string);
    const position = toSmallInteger(index!);
    if (position > 0) return fields[position - 1] ?? '';
    if (position < 0) return fields[fields.length + position] ?? '';
    return '';
  },
});

const startsWith = scalar({
  name: 'starts_with',
  signature: 'starts_with(text, prefix) -> BOOLEAN',
  description: 'True when the text begins with prefix.',
  examples: [{ sql: "starts_with('/checkout/pay', '/checkout')", result: true }],
  params: [TEXT, TEXT],
  returns: 'BOOLEAN',
  evaluate: ([text, prefix]) => (text as string).startsWith(prefix as string),
});

const regexCache = new Map<string, RegExp>();
const MAX_CACHED_REGEXES = 500;

/**
 * Compiles a regular expression with JavaScript syntax, which agrees with DuckDB's RE2 for common
 * patterns. The `u` flag makes `.` match a code point; patterns that are only valid without it
 * (such as `\-` outside a class) compile without it.
 */
export function compileRegex(pattern: string, flags = ''): RegExp {
  const key = `${flags}/${pattern}`;
  let regex = regexCache.get(key);
  if (regex) return regex;
  try {
    regex = new RegExp(pattern, `${flags}u`);
  } catch {
    try {
      regex = new RegExp(pattern, flags);
    } catch (error) {
      throw new SqlRuntimeError('INVALID_PATTERN', `invalid regular expression '${pattern}': ${(error as Error).message}`, { cause: error });
    }
  }
  if (regexCache.size >= MAX_CACHED_REGEXES) regexCache.clear();
  regexCache.set(key, regex);
  return regex;
}

/** Translates DuckDB's regexp option letters: 'i' ignores case, 'c' keeps it (the default), 's' lets . match newlines. */
function regexFlags(options: string | undefined): string {
  let flags = '';
  for (const option of options ?? '') {
    if (option === 'i') flags = flags.replace('i', '') + 'i';
    else if (option === 'c') flags = flags.replace('i', '');
    else if (option === 's') flags = flags.replace('s', '') + 's';
    else throw new SqlRuntimeError('INVALID_ARGUMENT', `unknown regular expression option '${option}'`, { hint: "use 'i' (ignore case), 'c' (match case) or 's' (. matches newlines)" });
  }
  return flags;
}

const regexpMatches = scalar({
  name: 'regexp_matches',
  signature: 'regexp_matches(text, pattern [, options]) -> BOOLEAN',
  description: "True when the regular expression matches anywhere in the text. Options: 'i' ignores case.",
  examples: [
    { sql: "regexp_matches('/product/123', '^/product/[0-9]+$')", result: true },
    { sql: "regexp_matches('ABC', 'b', 'i')", result: true },
  ],
  params: [TEXT, TEXT, TEXT],
  required: 2,
  returns: 'BOOLEAN',
  evaluate: ([text, pattern, options]) => compileRegex(pattern as string, regexFlags(options as string | undefined)).test(text as string),
});

const regexpExtract = scalar({
  name: 'regexp_extract',
  signature: 'regexp_extract(text, pattern [, group]) -> TEXT',
  description: "The first match of the regular expression, or its capture group number group. Returns '' when nothing matches, as DuckDB does.",
  examples: [
    { sql: "regexp_extract('/product/123/reviews', '[0-9]+')", result: '123' },
    { sql: "regexp_extract('user=42;session=7', 'session=([0-9]+)', 1)", result: '7' },
    { sql: "regexp_extract('no digits', '[0-9]+')", result: '' },
  ],
  params: [TEXT, TEXT, BIGINT],
  required: 2,
  returns: 'TEXT',
  evaluate: ([text, pattern, group]) => {
    const regex = compileRegex(pattern as string);
    const index = group === undefined ? 0 : toSmallInteger(group);
    const match = regex.exec(text as string);
    if (index < 0 || (match && index >= match.length)) {
      throw new SqlRuntimeError('INVALID_ARGUMENT', `regexp_extract: group ${index} does not exist in '${pattern}'`, {
        hint: 'group 0 is the whole match; groups 1 and up are the parenthesized parts',
      });
    }
    return match?.[index] ?? '';
  },
});

export const textFunctions: readonly ScalarFunction[] = [
  lower,
  upper,
  length,
  substr,
  alias(substr, 'substring'),
  trimFunction('trim', true, true, 'both ends'),
  trimFunction('ltrim', true, false, 'the start'),
  trimFunction('rtrim', false, true, 'the end'),
  replace,
  concat,
  splitPart,
  startsWith,
  regexpMatches,
  regexpExtract,
];
